/**
 * `no-shared-test-data` on the file's own helpers and on statements handed to a driver in an options
 * object. A helper named as if it made data (`createEvents()`) is read: when its body only builds
 * schema, the run-once hook that calls it shares no data. A statement passed as `{ text }`, `{ sql }`
 * or `{ query }` is read like the same statement passed as a string. A list that every test empties
 * before it first touches it holds nothing an earlier test left behind.
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

/**
 * A list a fake fills, which each test empties before it first touches it, holds nothing an earlier
 * test left behind. One test that reads it without emptying it first still sees the others' entries.
 */
const welcome = (second: string) => `import { expect, it } from 'vitest';
import { sendWelcome } from '../../src/mail/welcome';

const sent: string[] = [];
const transport = { send: async (to: string) => { sent.push(to); } };

it('welcomes one user', async () => {
  sent.length = 0;
  await sendWelcome(transport, ['ada@example.com']);
  expect(sent).toEqual(['ada@example.com']);
});
it('welcomes every user once', async () => {
${second}  await sendWelcome(transport, ['ada@example.com', 'alan@example.com']);
  expect(sent).toHaveLength(2);
});
`;

ts.run('no-shared-test-data: a list each test empties first (Vitest)', rule, {
  valid: [{ name: 'both tests empty the list before they touch it', filename: 'tests/integration/welcome.test.ts', code: welcome('  sent.splice(0);\n') }],
  invalid: [
    {
      name: 'the second test reads what the first left',
      filename: 'tests/integration/welcome.test.ts',
      code: welcome(''),
      errors: [{ messageId: 'mutatedLiteral', line: 4, data: { name: 'sent', tests: 2, changedIn: 'test' }, suggestions: [] }],
    },
  ],
});

cjs.run('no-shared-test-data: a list each test empties first (node:test)', rule, {
  valid: [
    {
      name: 'each test empties the list of received events before it publishes',
      filename: 'test/integration/events.test.js',
      code: `const { it } = require('node:test');
const assert = require('node:assert');
const { publish } = require('../../src/events');

const received = [];
const subscriber = { onEvent: (event) => received.push(event.id) };

it('delivers an event once', async () => {
  received.length = 0;
  await publish(subscriber, { id: 'e1' });
  assert.deepEqual(received, ['e1']);
});
it('delivers two events', async () => {
  received.splice(0);
  await publish(subscriber, { id: 'e1' });
  await publish(subscriber, { id: 'e2' });
  assert.equal(received.length, 2);
});
`,
    },
  ],
  invalid: [],
});
