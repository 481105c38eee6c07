/** `no-shared-test-data`: a test whose body is handed to a wrapper (`it('x', withTx(async () => {…}))`) reads what that body reads. */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';
import { SCENARIO_TO_ACCEPTANCE } from '../helpers/advice';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const TS_FILE = 'tests/integration/invoices.test.ts';
const JS_FILE = 'tests/integration/invoices.test.js';

ts.run('no-shared-test-data (TypeScript): tests with wrapped bodies', rule, {
  valid: [
    {
      name: 'Vitest: a customer read by one wrapped test only is not shared',
      filename: TS_FILE,
      code: `
import { beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient, type Customer } from '@prisma/client';
import { withRollback } from '../support/transactions';

const prisma = new PrismaClient();

describe('invoices', () => {
  let customer: Customer;

  beforeAll(async () => {
    customer = await prisma.customer.create({ data: { name: 'Lovelace Ltd' } });
  });

  it('bills the customer', withRollback(async (tx) => {
    const invoice = await tx.invoice.create({ data: { customerId: customer.id, total: 10 } });
    expect(invoice.total).toBe(10);
  }));
  it('lists no invoices for nobody', withRollback(async (tx) => {
    expect(await tx.invoice.findMany({ where: { customerId: -1 } })).toEqual([]);
  }));
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: a customer created once and read by two wrapped tests',
      filename: TS_FILE,
      code: `
import { beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient, type Customer } from '@prisma/client';
import { withRollback } from '../support/transactions';

const prisma = new PrismaClient();

describe('invoices', () => {
  let customer: Customer;

  beforeAll(async () => {
    customer = await prisma.customer.create({ data: { name: 'Lovelace Ltd' } });
  });

  it('bills the customer', withRollback(async (tx) => {
    const invoice = await tx.invoice.create({ data: { customerId: customer.id, total: 10 } });
    expect(invoice.total).toBe(10);
  }));
  it('renames the customer', withRollback(async (tx) => {
    await tx.customer.update({ where: { id: customer.id }, data: { name: 'Hopper plc' } });
  }));
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 12,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `customer`', sources: '`customer = prisma.customer.create()` (line 12)' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'Jest: a wrapped test changes a shared literal another test reads (no edit: the wrapped body is left as written)',
      filename: TS_FILE,
      code: `
import { withRollback } from '../support/transactions';

const draft = { total: 10, lines: [] as string[] };

test('adds a line', withRollback(async () => {
  draft.lines.push('postage');
  expect(draft.lines).toHaveLength(1);
}));
test('starts empty', () => {
  expect(draft.lines).toEqual([]);
});
`,
      errors: [
        {
          messageId: 'mutatedLiteral',
          line: 4,
          data: { name: 'draft', tests: 2, changedIn: 'test' },
          suggestions: [],
        },
      ],
    },
  ],
});

js.run('no-shared-test-data (JavaScript modules): tests with wrapped bodies', rule, {
  valid: [],
  invalid: [
    {
      name: 'node:test: one wrapped and one plain test read the same seeded invoice',
      filename: JS_FILE,
      code: `
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import knex from 'knex';
import { withDatabase } from '../support/database.js';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

describe('invoices', () => {
  let invoice;

  before(async () => {
    [invoice] = await db('invoices').insert({ total: 25 }).returning('*');
  });

  it('finds the invoice', withDatabase(async (conn) => {
    assert.equal((await conn('invoices').where({ id: invoice.id })).length, 1);
  }));
  it('keeps its total', () => {
    assert.equal(invoice.total, 25);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 13,
          data: { hook: 'before', shared: 'the 2 tests that use `invoice`', sources: '`db().insert().returning()` (line 13)' },
          suggestions: [],
        },
      ],
    },
  ],
});

cjs.run('no-shared-test-data (CommonJS): tests with wrapped bodies', rule, {
  valid: [],
  invalid: [
    {
      name: 'Mocha: tests written through an async wrapper read an account seeded once',
      filename: JS_FILE,
      code: `
const { expect } = require('chai');
const { MongoClient } = require('mongodb');
const { asyncTest } = require('../support/async-test');

describe('accounts', () => {
  const client = new MongoClient(process.env.MONGO_URL);
  let account;

  before(async () => {
    account = await client.db().collection('accounts').insertOne({ owner: 'grace' });
  });

  it('finds the account', asyncTest(async () => {
    expect(await client.db().collection('accounts').findOne({ _id: account.insertedId })).to.not.equal(null);
  }));
  it('counts the account', asyncTest(async function () {
    expect(account.insertedId).to.not.equal(undefined);
  }));
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 11,
          data: { hook: 'before', shared: 'the 2 tests that use `account`', sources: '`account = client.db().collection().insertOne()` (line 11)' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'Mocha: a wrapped test hands an id to the next test',
      filename: JS_FILE,
      code: `
const { expect } = require('chai');
const { MongoClient } = require('mongodb');
const { asyncTest } = require('../support/async-test');

describe('accounts', () => {
  const client = new MongoClient(process.env.MONGO_URL);
  let accountId;

  it('opens an account', asyncTest(async () => {
    accountId = (await client.db().collection('accounts').insertOne({ owner: 'grace' })).insertedId;
  }));
  it('finds the opened account', asyncTest(async () => {
    expect(await client.db().collection('accounts').findOne({ _id: accountId })).to.not.equal(null);
  }));
});
`,
      errors: [
        {
          messageId: 'handedOn',
          line: 14,
          data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'accountId', later: 'here, by a later test' },
          suggestions: [],
        },
      ],
    },
  ],
});
