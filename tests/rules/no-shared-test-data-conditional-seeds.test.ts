/**
 * `no-shared-test-data` and run-once hooks that seed inside a condition or a `try`: what either
 * branch does, and what the `try` block and its `finally` do, is what the hook may do. Schema work in
 * those places stays schema work.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: seeds behind a condition (TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      name: 'Vitest: beforeAll seeds the tables only when they are empty',
      filename: 'test/integration/report.test.ts',
      code: `import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../support/db';

describe('orders report', () => {
  beforeAll(async () => {
    await db.migrate.latest();
    if ((await db('customers').count())[0].count === 0) {
      await db('customers').insert([{ id: 1, name: 'Ada' }, { id: 2, name: 'Grace' }]);
      await db('orders').insert([{ id: 1, customerId: 1 }]);
    }
  });

  it('counts customers', async () => {
    expect((await db('customers').count())[0].count).toBe(2);
  });

  it('finds the order of Ada', async () => {
    expect(await db('orders').where({ customerId: 1 })).toHaveLength(1);
  });
});
`,
      errors: [{ messageId: 'sharedData', line: 8, data: { hook: 'beforeAll', shared: 'a suite of 2 tests', sources: '`db().insert()` (line 8), `db().insert()` (line 9)' }, suggestions: [] }],
    },
  ],
});

cjs.run('no-shared-test-data: seeds in try blocks (node:test, CommonJS)', rule, {
  valid: [
    {
      name: 'node:test: the hook makes the table in a try block and empties it behind a condition',
      filename: 'test/integration/invoices.test.js',
      code: `const assert = require('node:assert/strict');
const { before, describe, it } = require('node:test');
const { pool } = require('../support/pool');

describe('invoice numbers', () => {
  before(async () => {
    try {
      await pool.query('CREATE TABLE IF NOT EXISTS invoices (id serial primary key, number text)');
    } catch (error) {
      if (error.code !== '42P07') throw error;
    }
    if (process.env.RESET_SCHEMA) {
      await pool.query('TRUNCATE invoices');
    }
  });

  it('numbers a new invoice', async () => {
    const { rows } = await pool.query("INSERT INTO invoices (number) VALUES ('INV-1') RETURNING number");
    assert.equal(rows[0].number, 'INV-1');
    await pool.query('DELETE FROM invoices');
  });

  it('starts with no invoices', async () => {
    const { rows } = await pool.query('SELECT count(*)::int AS count FROM invoices');
    assert.equal(rows[0].count, 0);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'node:test: the hook seeds in a try block and its finally',
      filename: 'test/integration/invoices.test.js',
      code: `const assert = require('node:assert/strict');
const { before, describe, it } = require('node:test');
const { pool } = require('../support/pool');

describe('invoice numbers', () => {
  before(async () => {
    try {
      await pool.query("INSERT INTO invoices (number) VALUES ('INV-7')");
    } finally {
      await pool.query("INSERT INTO audit (action) VALUES ('seeded')");
    }
  });

  it('finds the seeded invoice', async () => {
    const { rows } = await pool.query("SELECT number FROM invoices WHERE number = 'INV-7'");
    assert.equal(rows.length, 1);
  });

  it('lists the audit trail', async () => {
    const { rows } = await pool.query('SELECT action FROM audit');
    assert.ok(rows.length > 0);
  });
});
`,
      errors: [{ messageId: 'sharedData', line: 8, data: { hook: 'before', shared: 'a suite of 2 tests', sources: '`pool.query()` (line 8), `pool.query()` (line 10)' }, suggestions: [] }],
    },
  ],
});
