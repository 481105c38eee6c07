/**
 * `no-shared-test-data` on data a hook makes with `Promise.all([...])`: the report names the first
 * call the hook waits for, so the message says what seeds the data rather than `Promise.all()`. Over
 * a `map` of items, it names the call made for each item.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: seeds awaited together (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'the same calls awaited together in `beforeEach` give every test its own rows',
      filename: 'test/integration/member-search.test.ts',
      code: `import { beforeEach, describe, expect, it } from 'vitest';
import { members, search } from '../../src/members';

describe('member search', () => {
  beforeEach(async () => {
    await Promise.all([members.create({ name: 'ada' }), members.create({ name: 'grace' })]);
  });

  it('finds by prefix', async () => expect(await search('ad')).toHaveLength(1));
  it('finds nothing for an unknown name', async () => expect(await search('zz')).toHaveLength(0));
});
`,
    },
  ],
  invalid: [
    {
      name: 'in `beforeAll` they are shared, and the report names what they are',
      filename: 'test/integration/member-search.test.ts',
      code: `import { beforeAll, describe, expect, it } from 'vitest';
import { members, search } from '../../src/members';

describe('member search', () => {
  beforeAll(async () => {
    await Promise.all([members.create({ name: 'ada' }), members.create({ name: 'grace' })]);
  });

  it('finds by prefix', async () => expect(await search('ad')).toHaveLength(1));
  it('renames a member', async () => {
    await members.rename('ada', 'adele');
    expect(await search('ade')).toHaveLength(1);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 6,
          data: { hook: 'beforeAll', shared: 'a suite of 2 tests', sources: '`Promise.all([members.create(), …])` (line 6)' },
        },
      ],
    },
  ],
});

cjs.run('no-shared-test-data: seeds awaited together (Jest, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: '`Promise.allSettled` with one call, assigned',
      filename: 'test/integration/quota.test.js',
      code: `const { accounts, quota } = require('../../src/accounts');

let results;
beforeAll(async () => {
  results = await Promise.allSettled([accounts.insert({ plan: 'free' })]);
});

test('counts the free account', async () => {
  expect(results[0].status).toBe('fulfilled');
  expect(await quota('free')).toBe(1);
});
test('upgrades it', async () => {
  await accounts.upgrade(results[0].value.id);
  expect(await quota('free')).toBe(0);
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 5,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `results`', sources: '`results = Promise.allSettled([accounts.insert()])` (line 5)' },
        },
      ],
    },
  ],
});

ts.run('no-shared-test-data: seeds mapped and awaited together (Vitest, TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the report names the call made for each item',
      filename: 'test/integration/file-listing.test.ts',
      code: `import { beforeAll, expect, it } from 'vitest';
import { files, listFiles } from '../../src/files';

const names = ['a.txt', 'b.txt', 'c.txt'];

beforeAll(async () => {
  await Promise.all(
    names.map((name) => {
      return files.insert({ name, size: 1 });
    }),
  );
});

it('lists every file', async () => expect(await listFiles()).toHaveLength(3));
it('removes one', async () => {
  await files.remove('a.txt');
  expect(await listFiles()).toHaveLength(2);
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 7,
          data: { hook: 'beforeAll', shared: 'a suite of 2 tests', sources: '`files.insert()` (line 7)' },
        },
      ],
    },
  ],
});
