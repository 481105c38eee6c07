/**
 * `no-shared-test-data` on a value a run-once hook makes with a function of a third-party package
 * that reaches no boundary (`keys = createKeySet(published)` from a token library): a package knows
 * none of the project's records, so what it hands back is a value in memory, shared data only when a
 * test changes it, like an object literal. A helper of the project named the same way may store a
 * record, and still does; so does the package's function handed a client of a boundary.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

/** A Vitest file whose run-once hook makes `keys` with `maker`, imported from `from`, read by two tests. */
const tokensFile = (from: string, maker: string): string => `import { beforeAll, describe, expect, it } from 'vitest';
import { ${maker} } from '${from}';
import { signToken, verifyToken } from '../../src/tokens';

describe('tokens', () => {
  let keys: Awaited<ReturnType<typeof ${maker}>>;

  beforeAll(async () => {
    keys = await ${maker}({ algorithm: 'ES256' });
  });

  it('accepts a token it signed', async () => {
    expect(await verifyToken(await signToken('ana'), keys)).toBe(true);
  });

  it('rejects a token signed elsewhere', async () => {
    expect(await verifyToken('forged', keys)).toBe(false);
  });
});
`;

ts.run('no-shared-test-data: values made by a package function (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'a key set a token library makes once and the tests only read',
      filename: 'test/integration/tokens.test.ts',
      code: tokensFile('@acme/token-kit', 'createKeySet'),
    },
  ],
  invalid: [
    {
      name: 'the project\u2019s own helper of the same name, which may store the keys',
      filename: 'test/integration/tokens.test.ts',
      code: tokensFile('../support/keys', 'createKeySet'),
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `keys`', sources: '`keys = createKeySet()` (line 9)' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'the package function handed a database pool',
      filename: 'test/integration/tokens.test.ts',
      code: `import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeySet } from '@acme/token-kit';
import { signToken, verifyToken } from '../../src/tokens';

const pool = new Pool();

describe('tokens', () => {
  let keys: Awaited<ReturnType<typeof createKeySet>>;

  beforeAll(async () => {
    keys = await createKeySet(pool, { algorithm: 'ES256' });
  });

  afterAll(() => pool.end());

  it('accepts a token it signed', async () => {
    expect(await verifyToken(await signToken('ana'), keys)).toBe(true);
  });

  it('rejects a token signed elsewhere', async () => {
    expect(await verifyToken('forged', keys)).toBe(false);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 12,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `keys`', sources: '`keys = createKeySet()` (line 12)' },
          suggestions: [],
        },
      ],
    },
  ],
});

cjs.run('no-shared-test-data: values made by a package function (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'a store a state library makes once for tests that only read it',
      filename: 'test/integration/cart.test.js',
      code: `const { expect } = require('chai');
const { createStore } = require('tiny-state');
const { cartTotal } = require('../../src/cart');

describe('cart total', () => {
  let store;

  before(() => {
    store = createStore({ items: [{ price: 2 }, { price: 3 }] });
  });

  it('adds up the items', () => {
    expect(cartTotal(store)).to.equal(5);
  });

  it('is the same when asked twice', () => {
    expect(cartTotal(store)).to.equal(cartTotal(store));
  });
});
`,
    },
  ],
  invalid: [],
});
