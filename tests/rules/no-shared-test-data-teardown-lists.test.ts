/**
 * `no-shared-test-data` on a list a run-once setup hook starts empty, that each test adds what it
 * opened to, and that only a teardown reads back to close or delete them all: bookkeeping, since no
 * test sees what another left in it. Read by a test, the same list is shared data.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: lists kept for a teardown (Mocha, TypeScript)', rule, {
  valid: [
    {
      name: 'transactions pushed by each test and aborted by the after hook',
      filename: 'tests/integration/transactions.test.ts',
      code: `
import { expect } from 'chai';
import { connect, type Database, type Transaction } from '../../src/store';

describe('transactions', () => {
  let db: Database;
  let opened: Transaction[];
  before(async () => {
    opened = [];
    db = await connect(process.env.STORE_URL);
  });
  after(async () => {
    await Promise.all(opened.map((trx) => trx.abort()));
    await db.close();
  });

  it('commits an empty transaction', async () => {
    const trx = await db.begin();
    opened.push(trx);
    expect(await trx.commit()).to.equal('committed');
  });
  it('aborts a transaction', async () => {
    const trx = await db.begin();
    opened.push(trx);
    expect(await trx.abort()).to.equal('aborted');
  });
});`,
    },
  ],
  invalid: [
    {
      name: 'the same list read by a test sees what the tests before it pushed',
      filename: 'tests/integration/transactions.test.ts',
      code: `
import { expect } from 'chai';
import { connect, type Database, type Transaction } from '../../src/store';

describe('transactions', () => {
  let db: Database;
  let opened: Transaction[];
  before(async () => {
    opened = [];
    db = await connect(process.env.STORE_URL);
  });
  after(async () => {
    await Promise.all(opened.map((trx) => trx.abort()));
  });

  it('commits an empty transaction', async () => {
    const trx = await db.begin();
    opened.push(trx);
    expect(await trx.commit()).to.equal('committed');
  });
  it('keeps one transaction per test', async () => {
    opened.push(await db.begin());
    expect(opened).to.have.length(1);
  });
});`,
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: 'before', shared: 'the 2 tests that use `opened`', sources: '`opened = []` (line 9)' },
          suggestions: [],
        },
      ],
    },
  ],
});

cjs.run('no-shared-test-data: lists kept for a teardown (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'cursors collected by the tests and closed by an afterAll',
      filename: 'tests/integration/cursors.test.js',
      code: `
const { openStore } = require('../../src/store');

describe('cursors', () => {
  let store;
  let cursors;
  beforeAll(async () => {
    cursors = [];
    store = await openStore();
  });
  afterAll(async () => {
    for (const cursor of cursors) await cursor.kill();
    await store.close();
  });

  test('reads every document', async () => {
    const cursor = await store.query('FOR d IN docs RETURN d');
    cursors.push(cursor);
    expect(await cursor.all()).toBeInstanceOf(Array);
  });
  test('reads in batches', async () => {
    const cursor = await store.query('FOR d IN docs RETURN d', { batchSize: 2 });
    cursors.push(cursor);
    expect(cursor.hasNext).toBeDefined();
  });
});`,
    },
  ],
  invalid: [],
});
