/**
 * `no-shared-test-data` on a shared object that tests change and a per-test hook puts back with
 * `Object.assign(value, defaults)`: each key the defaults name is set back before the next test, so
 * no test sees what another left. A key the tests change that the defaults do not name is still
 * left behind, and a restore that runs once is no restore. A test that stores the plain value the
 * declaration already holds (`change.primary = true` on `{ primary: true }`) changes nothing, and
 * so does one that sets a function back as the declaration writes it, after swapping it.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

const RESTORED = `import { afterEach, describe, expect, it, vi } from 'vitest';
import { signInWithGoogle } from '../../src/auth/google';

const defaultClaims = { email: 'ada@example.com', email_verified: true, sub: 'google-1' };
const claims = { ...defaultClaims };

vi.mock('../../src/auth/verify-token', () => ({ verifyToken: async () => claims }));

describe('google sign-in', () => {
  afterEach(() => {
    Object.assign(claims, defaultClaims);
  });

  it('refuses an unverified email', async () => {
    claims.email_verified = false;
    await expect(signInWithGoogle('token')).rejects.toThrow('unverified');
  });

  it('signs in a second account', async () => {
    claims.email = 'grace@example.com';
    claims.sub = 'google-2';
    expect((await signInWithGoogle('token')).email).toBe('grace@example.com');
  });

  it('signs in with the default claims', async () => {
    expect((await signInWithGoogle('token')).email).toBe(claims.email);
  });
});
`;

/** The same suite with a test that also changes a key the defaults do not name. */
const EXTRA_KEY = RESTORED.replace("    claims.sub = 'google-2';\n", "    claims.sub = 'google-2';\n    claims.hd = 'example.com';\n");

ts.run('no-shared-test-data: an object put back after each test (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'the defaults name every key the tests change',
      filename: 'tests/integration/google-sign-in.test.ts',
      code: RESTORED,
    },
    {
      name: 'the defaults written in the hook itself',
      filename: 'tests/integration/google-sign-in.test.ts',
      code: RESTORED.replace('Object.assign(claims, defaultClaims);', "Object.assign(claims, { ...defaultClaims }, { email_verified: true });"),
    },
  ],
  invalid: [
    {
      name: 'a key the tests change that the defaults do not name is left for the next test',
      filename: 'tests/integration/google-sign-in.test.ts',
      code: EXTRA_KEY,
      errors: [{ messageId: 'mutatedLiteral', line: 5, data: { name: 'claims', tests: 3, changedIn: 'test' }, suggestions: [] }],
    },
  ],
});

const ONCE = `import { expect } from 'chai';
import { quote } from '../../src/quotes.js';

const base = { currency: 'EUR', vat: 0.2 };
const settings = { currency: 'EUR', vat: 0.2 };

describe('quotes', () => {
  before(() => {
    Object.assign(settings, base);
  });

  it('quotes in dollars', () => {
    settings.currency = 'USD';
    expect(quote(10, settings)).to.equal('$12.00');
  });

  it('quotes in euros', () => {
    expect(quote(10, settings)).to.equal('€12.00');
  });
});
`;

js.run('no-shared-test-data: a restore that runs once (Mocha, JavaScript)', rule, {
  valid: [
    {
      name: 'put back before each test',
      filename: 'test/integration/quotes.test.js',
      code: ONCE.replace('before(() => {', 'beforeEach(() => {'),
    },
  ],
  invalid: [
    {
      name: 'put back once before the suite: the second test sees the first one’s currency',
      filename: 'test/integration/quotes.test.js',
      code: ONCE,
      errors: [{ messageId: 'mutatedLiteral', line: 5, data: { name: 'settings', tests: 2, changedIn: 'test' }, suggestions: [] }],
    },
    {
      name: 'the defaults come from a value the plugin cannot read',
      filename: 'test/integration/quotes.test.js',
      code: ONCE.replace('before(() => {', 'beforeEach(() => {').replace('Object.assign(settings, base);', 'Object.assign(settings, loadDefaults());'),
      errors: [{ messageId: 'mutatedLiteral', line: 5, data: { name: 'settings', tests: 2, changedIn: 'hook' }, suggestions: [] }],
    },
  ],
});

const SET_FIRST = `import { describe, expect, it } from 'vitest';
import { conflictingGroups } from '../../src/groups/conflicts';

const silver = { id: 'silver', rules: [] as string[] };
const gold = { id: 'gold', rules: [] as string[] };

describe('conflicting groups', () => {
  it('finds two groups with the same rule', () => {
    gold.rules = ['leads >= 10'];
    silver.rules = ['leads >= 10'];
    expect(conflictingGroups([silver, gold])).toHaveLength(2);
  });

  it('finds none when the rules differ', () => {
    gold.rules = ['sales >= 5'];
    silver.rules = ['leads >= 10'];
    expect(conflictingGroups([silver, gold])).toHaveLength(0);
  });
});
`;

/** The same suite with the second test reading `gold` without setting its rules. */
const UNSET = SET_FIRST.replace("    gold.rules = ['sales >= 5'];\n", '');

ts.run('no-shared-test-data: objects whose changed parts every test sets first (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'each test sets the rules of both groups before it reads them',
      filename: 'tests/integration/conflicts.test.ts',
      code: SET_FIRST,
    },
  ],
  invalid: [
    {
      name: 'a test that reads the group without setting its rules sees what the test before left',
      filename: 'tests/integration/conflicts.test.ts',
      code: UNSET,
      errors: [
        {
          messageId: 'mutatedLiteral',
          line: 5,
          data: { name: 'gold', tests: 2, changedIn: 'test' },
          suggestions: [
            {
              messageId: 'buildPerTest',
              data: { name: 'gold', factory: 'buildGold' },
              output: UNSET.replace("const gold = { id: 'gold', rules: [] as string[] };", "const buildGold = () => ({ id: 'gold', rules: [] as string[] });").replace(
                /(\n {2}it\('[^']*', \(\) => \{\n)/g,
                '$1    const gold = buildGold();\n',
              ),
            },
          ],
        },
      ],
    },
  ],
});

const SAME_VALUE = (secondWrite: string) => `import { describe, expect, it } from '@jest/globals';
import { setPrimaryAlias } from '../../src/notes/aliases';

describe('setPrimaryAlias', () => {
  const change = { primary: true, alias: 'welcome' };

  it('marks the alias as primary', async () => {
    await expect(setPrimaryAlias('note-1', change)).resolves.toEqual({ primary: 'welcome' });
  });

  it('refuses a note the user does not own', async () => {
    change.primary = true;
    await expect(setPrimaryAlias('note-2', change)).rejects.toThrow('forbidden');
  });

  it('refuses a note that does not exist', async () => {
    ${secondWrite}
    await expect(setPrimaryAlias('missing', change)).rejects.toThrow('not found');
  });
});
`;

/** The same file once the suggestion has turned the object into a factory called by each test. */
const SAME_VALUE_FRESH = (secondWrite: string) => `import { describe, expect, it } from '@jest/globals';
import { setPrimaryAlias } from '../../src/notes/aliases';

describe('setPrimaryAlias', () => {
  const buildChange = () => ({ primary: true, alias: 'welcome' });

  it('marks the alias as primary', async () => {
    const change = buildChange();
    await expect(setPrimaryAlias('note-1', change)).resolves.toEqual({ primary: 'welcome' });
  });

  it('refuses a note the user does not own', async () => {
    const change = buildChange();
    change.primary = true;
    await expect(setPrimaryAlias('note-2', change)).rejects.toThrow('forbidden');
  });

  it('refuses a note that does not exist', async () => {
    const change = buildChange();
    ${secondWrite}
    await expect(setPrimaryAlias('missing', change)).rejects.toThrow('not found');
  });
});
`;

const freshChange = (secondWrite: string) => [
  { messageId: 'buildPerTest' as const, data: { name: 'change', factory: 'buildChange' }, output: SAME_VALUE_FRESH(secondWrite) },
];

ts.run('no-shared-test-data: a test that stores what the object already holds (Jest, TypeScript)', rule, {
  valid: [
    {
      name: 'every write stores the value the declaration already has there',
      filename: 'tests/integration/aliases.test.ts',
      code: SAME_VALUE(`change['primary'] = true;`),
    },
  ],
  invalid: [
    {
      name: 'one test stores another value: the tests after it see it',
      filename: 'tests/integration/aliases.test.ts',
      code: SAME_VALUE(`change.primary = false;`),
      errors: [{ messageId: 'mutatedLiteral', line: 5, data: { name: 'change', tests: 3, changedIn: 'test' }, suggestions: freshChange(`change.primary = false;`) }],
    },
    {
      name: 'the same text in another type is another value',
      filename: 'tests/integration/aliases.test.ts',
      code: SAME_VALUE(`change.primary = 'true';`),
      errors: [{ messageId: 'mutatedLiteral', line: 5, data: { name: 'change', tests: 3, changedIn: 'test' }, suggestions: freshChange(`change.primary = 'true';`) }],
    },
  ],
});

const LEDGER = (perTest: string) => `import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPaymentsLedger, type PaymentsLedger } from '../helpers/payments-ledger';
import { PaymentsClient } from '../../src/payments/client';

describe('PaymentsClient against a seeded ledger', () => {
  let ledger: PaymentsLedger;

  beforeAll(async () => {
    ledger = await createPaymentsLedger();
  });
${perTest}
  afterAll(() => ledger.close());

  it('captures a payment', async () => {
    await new PaymentsClient(ledger.url).capture('p1', 500);
    expect(ledger.captured()).toHaveLength(1);
  });

  it('refunds a payment', async () => {
    await new PaymentsClient(ledger.url).refund('p2', 200);
    expect(ledger.refunded()).toHaveLength(1);
  });
});
`;

ts.run('no-shared-test-data: a value a per-test hook resets (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'an emulator made once is a fake server, not seeded data',
      filename: 'tests/integration/payments.test.ts',
      code: LEDGER('').replace(/createPaymentsLedger/g, 'createPaymentsEmulator').replace(/PaymentsLedger/g, 'PaymentsEmulator'),
    },
    {
      name: 'the ledger made once is reset before each test',
      filename: 'tests/integration/payments.test.ts',
      code: LEDGER('\n  beforeEach(() => ledger.reset());\n'),
    },
    {
      name: 'the ledger made once is cleared after each test',
      filename: 'tests/integration/payments.test.ts',
      code: LEDGER('\n  afterEach(() => {\n    ledger.clear();\n  });\n'),
    },
  ],
  invalid: [
    {
      name: 'without the reset, the tests share what it holds',
      filename: 'tests/integration/payments.test.ts',
      code: LEDGER(''),
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `ledger`', sources: '`ledger = createPaymentsLedger()` (line 9)' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a reset handed an argument may put back only part of it',
      filename: 'tests/integration/payments.test.ts',
      code: LEDGER("\n  beforeEach(() => ledger.reset('refunds'));\n"),
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `ledger`', sources: '`ledger = createPaymentsLedger()` (line 9)' },
          suggestions: [],
        },
      ],
    },
  ],
});

/** A hand-written fake shared by the file, whose `validate` one test swaps and then sets back as `restore` says. */
const SWAPPED = (restore: string) => `const { expect } = require('chai');
const { UploadsController } = require('../../src/uploads/controller');

const fakeStorage = {
  save: () => Promise.resolve({ id: 'f1' }),
  validate: () => {
    return null;
  },
};

describe('UploadsController', () => {
  it('saves a file', async () => {
    const controller = new UploadsController(fakeStorage);
    expect(await controller.upload('a.txt')).to.deep.equal({ id: 'f1' });
  });

  it('turns a bad name into an error', () => {
    fakeStorage.validate = () => 'bad name';
    const controller = new UploadsController(fakeStorage);
    expect(controller.check('a.txt').message).to.equal('bad name');
${restore}
  });

  it('accepts a good name', () => {
    const controller = new UploadsController(fakeStorage);
    expect(controller.check('a.txt')).to.equal(null);
  });
});
`;

/** `SWAPPED` once the suggestion has turned the object into a factory called by each test. */
const SWAPPED_FRESH = (restore: string) =>
  SWAPPED(restore)
    .replace('const fakeStorage = {', 'const buildFakeStorage = () => ({')
    .replace('    return null;\n  },\n};', '    return null;\n  },\n});')
    .replace(/(it\('[^']*', (?:async )?\(\) => \{\n)/g, '$1    const fakeStorage = buildFakeStorage();\n');

/** The last test of `SWAPPED` setting `validate` back only after it has used the swapped one. */
const setBackLater = (code: string) =>
  code.replace("    expect(controller.check('a.txt')).to.equal(null);", "    expect(controller.check('a.txt')).to.equal(null);\n    fakeStorage.validate = () => {\n      return null;\n    };");

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

cjs.run('no-shared-test-data: a test that sets a swapped function back (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'the test sets `validate` back to a function written as the declaration writes it',
      filename: 'test/integration/uploads.test.js',
      code: SWAPPED('    fakeStorage.validate = () => {\n      return null;\n    };'),
    },
  ],
  invalid: [
    {
      name: 'the function it sets back is another one',
      filename: 'test/integration/uploads.test.js',
      code: SWAPPED('    fakeStorage.validate = () => undefined;'),
      errors: [
        {
          messageId: 'mutatedLiteral',
          line: 4,
          data: { name: 'fakeStorage', tests: 3, changedIn: 'test' },
          suggestions: [{ messageId: 'buildPerTest', data: { name: 'fakeStorage', factory: 'buildFakeStorage' }, output: SWAPPED_FRESH('    fakeStorage.validate = () => undefined;') }],
        },
      ],
    },
    {
      name: 'the function it sets back reads a name from around it',
      filename: 'test/integration/uploads.test.js',
      code: SWAPPED('    const accepted = null;\n    fakeStorage.validate = () => {\n      return accepted;\n    };'),
      errors: [
        {
          messageId: 'mutatedLiteral',
          line: 4,
          data: { name: 'fakeStorage', tests: 3, changedIn: 'test' },
          suggestions: [
            {
              messageId: 'buildPerTest',
              data: { name: 'fakeStorage', factory: 'buildFakeStorage' },
              output: SWAPPED_FRESH('    const accepted = null;\n    fakeStorage.validate = () => {\n      return accepted;\n    };'),
            },
          ],
        },
      ],
    },
    {
      name: 'only a later test sets it back, after it has read the swapped one',
      filename: 'test/integration/uploads.test.js',
      code: setBackLater(SWAPPED('')),
      errors: [
        {
          messageId: 'mutatedLiteral',
          line: 4,
          data: { name: 'fakeStorage', tests: 3, changedIn: 'test' },
          suggestions: [{ messageId: 'buildPerTest', data: { name: 'fakeStorage', factory: 'buildFakeStorage' }, output: setBackLater(SWAPPED_FRESH('')) }],
        },
      ],
    },
  ],
});
