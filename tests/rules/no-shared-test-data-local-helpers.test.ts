/**
 * `no-shared-test-data` on the file's own helpers and on statements handed to a driver in an options
 * object. A helper named as if it made data (`createEvents()`) is read: when its body only builds
 * schema, the run-once hook that calls it shares no data. A statement passed as `{ text }`, `{ sql }`
 * or `{ query }` is read like the same statement passed as a string.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: the file’s own helpers', rule, {
  valid: [
    {
      name: 'a helper named for events that only creates the table, in beforeAll (Jest)',
      filename: 'tests/integration/event-counts.test.ts',
      code: `import { createClient } from '@clickhouse/client';

const client = createClient({ url: process.env.CLICKHOUSE_URL });

const createEvents = async () => {
  await client.command({
    query: \`CREATE TABLE IF NOT EXISTS events (at DateTime, kind String) ENGINE = MergeTree ORDER BY at\`,
  });
};

beforeAll(async () => {
  await createEvents();
});
afterEach(() => client.command({ query: 'TRUNCATE TABLE events' }));
afterAll(() => client.close());

it('counts nothing in an empty table', async () => {
  const result = await client.query({ query: 'SELECT count() AS n FROM events', format: 'JSONEachRow' });
  expect(await result.json()).toEqual([{ n: '0' }]);
});
it('counts one event', async () => {
  await client.insert({ table: 'events', values: [{ at: '2026-01-01 00:00:00', kind: 'signup' }], format: 'JSONEachRow' });
  const result = await client.query({ query: 'SELECT count() AS n FROM events', format: 'JSONEachRow' });
  expect(await result.json()).toEqual([{ n: '1' }]);
});
`,
    },
  ],
  invalid: [
    {
      name: 'a helper that creates the table and then inserts rows still seeds them (Vitest)',
      filename: 'tests/integration/plans.test.ts',
      code: `import { Pool } from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';

const pool = new Pool();

async function createPlans() {
  await pool.query('CREATE TABLE IF NOT EXISTS plans (id serial PRIMARY KEY, name text)');
  await pool.query("INSERT INTO plans (name) VALUES ('free'), ('pro')");
}

beforeAll(async () => {
  await createPlans();
});
afterAll(() => pool.end());

it('lists the plans', async () => {
  const { rows } = await pool.query('SELECT name FROM plans ORDER BY id');
  expect(rows.map((row) => row.name)).toEqual(['free', 'pro']);
});
it('renames a plan', async () => {
  await pool.query("UPDATE plans SET name = 'team' WHERE name = 'pro'");
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 12,
          data: { hook: 'beforeAll', shared: 'a suite of 2 tests', sources: '`createPlans()` (line 12)' },
          suggestions: [],
        },
      ],
    },
  ],
});

cjs.run('no-shared-test-data: a statement in an options object (node:test)', rule, {
  valid: [],
  invalid: [
    {
      name: 'rows inserted with pool.query({ text, values }) in before are shared',
      filename: 'test/integration/accounts.test.js',
      code: `const { before, after, it } = require('node:test');
const assert = require('node:assert');
const { Pool } = require('pg');

const pool = new Pool();

before(async () => {
  await pool.query({ text: 'INSERT INTO accounts (name) VALUES ($1)', values: ['ada'] });
});
after(() => pool.end());

it('finds the account', async () => {
  const { rows } = await pool.query({ text: 'SELECT name FROM accounts WHERE name = $1', values: ['ada'] });
  assert.equal(rows.length, 1);
});
it('closes the account', async () => {
  await pool.query({ text: 'DELETE FROM accounts WHERE name = $1', values: ['ada'] });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 8,
          data: { hook: 'before', shared: 'a suite of 2 tests', sources: '`pool.query()` (line 8)' },
          suggestions: [],
        },
      ],
    },
  ],
});
