/**
 * `no-shared-test-data` on a binding that several run-once hooks assign, one per suite: the tests of
 * each suite read what their own suite's hook made, not what a sibling's or an enclosing suite's did.
 * Each hook is judged by the tests that see its value, and counted with them.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

/** Two suites, each making its own invoice in `beforeAll` into one variable of the file, each with one test reading it. */
const SIBLINGS = `import { beforeAll, describe, expect, it } from 'vitest';
import { invoices } from '../../src/billing/invoices';

let invoice: { id: string; total: number };

describe('invoice totals', () => {
  beforeAll(async () => {
    invoice = await invoices.create({ customer: 'c-1', lines: [{ sku: 'pen', quantity: 3, price: 2 }] });
  });

  it('adds up its lines', async () => {
    expect((await invoices.find(invoice.id)).total).toBe(6);
  });
});

describe('invoice discounts', () => {
  beforeAll(async () => {
    invoice = await invoices.create({ customer: 'c-2', lines: [{ sku: 'ink', quantity: 1, price: 10 }], discount: 0.1 });
  });

  it('takes the discount off the total', async () => {
    expect((await invoices.find(invoice.id)).total).toBe(9);
  });
});
`;

ts.run('no-shared-test-data: sibling suites that each assign the binding (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'each suite’s `beforeAll` makes the invoice its one test reads',
      filename: 'test/integration/invoices.test.ts',
      code: SIBLINGS,
    },
  ],
  invalid: [
    {
      name: 'the second suite’s invoice is read by its two tests; the first suite’s by one',
      filename: 'test/integration/invoices.test.ts',
      code: SIBLINGS.replace(
        "    expect((await invoices.find(invoice.id)).total).toBe(9);\n  });\n",
        "    expect((await invoices.find(invoice.id)).total).toBe(9);\n  });\n\n  it('keeps the discount on a reissued invoice', async () => {\n    expect((await invoices.reissue(invoice.id)).discount).toBe(0.1);\n  });\n",
      ),
      errors: [{ messageId: 'sharedData', line: 18, data: { hook: 'beforeAll', shared: 'the 2 tests that use `invoice`', sources: '`invoice = invoices.create()` (line 18)' }, suggestions: [] }],
    },
  ],
});

/** An outer suite's account read by two tests, and a nested suite that makes another for its own test. */
const ACCOUNTS = `const assert = require('node:assert');
const { accounts } = require('../../src/accounts');

describe('accounts', () => {
  let account;

  before(async () => {
    account = await accounts.create({ owner: 'ada' });
  });

  it('starts with no balance', async () => {
    assert.strictEqual((await accounts.balance(account.id)).amount, 0);
  });

  it('is listed for its owner', async () => {
    assert.deepStrictEqual((await accounts.listFor('ada')).map((a) => a.id), [account.id]);
  });

  describe('frozen', () => {
    before(async () => {
      account = await accounts.create({ owner: 'grace', frozen: true });
    });

    it('refuses deposits', async () => {
      await assert.rejects(accounts.deposit(account.id, 5));
    });
  });
});
`;

cjs.run('no-shared-test-data: a nested suite that assigns the binding again (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'the nested suite’s own account is read by its one test',
      filename: 'test/integration/accounts.test.js',
      code: ACCOUNTS.replace("  it('is listed for its owner', async () => {\n    assert.deepStrictEqual((await accounts.listFor('ada')).map((a) => a.id), [account.id]);\n  });\n\n", ''),
    },
  ],
  invalid: [
    {
      name: 'the outer account is read by the two outer tests, not by the nested suite’s test',
      filename: 'test/integration/accounts.test.js',
      code: ACCOUNTS,
      errors: [{ messageId: 'sharedData', line: 8, data: { hook: 'before', shared: 'the 2 tests that use `account`', sources: '`account = accounts.create()` (line 8)' }, suggestions: [] }],
    },
  ],
});
