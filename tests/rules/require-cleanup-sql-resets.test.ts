/**
 * `require-cleanup` on SQL that removes rows, sent through a client no catalog knows: a framework's
 * decorator (`fastify.pg`), a value a plugin hands out. The statement says what it does wherever it is
 * sent from, so a `DELETE` at the start of each test resets the table for that test. A statement
 * handed to the driver in an options object (`pool.query({ text, values })`) says the same as the
 * statement handed as a string.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });
const ts = new RuleTester();
const FILE = 'test/integration/users.test.js';

cjs.run('require-cleanup: SQL resets sent through a framework decorator (node:test)', rule, {
  valid: [
    {
      name: 'each test empties the table before it inserts',
      filename: FILE,
      code: `const { test } = require('node:test');
const assert = require('node:assert/strict');
const Fastify = require('fastify');
const postgres = require('@fastify/postgres');

test('users', async (t) => {
  await t.test('counts the users it adds', async (t) => {
    const app = Fastify();
    t.after(() => app.close());
    await app.register(postgres, { connectionString: process.env.DATABASE_URL });
    await app.pg.query('DELETE FROM "users" WHERE TRUE');
    await app.pg.query('INSERT INTO users(username) VALUES($1)', ['ada']);
    const { rows } = await app.pg.query('SELECT COUNT(*) AS n FROM users');
    assert.equal(Number(rows[0].n), 1);
  });
});
`,
    },
    {
      name: 'a truncate in the test, before the insert',
      filename: FILE,
      code: `const { test } = require('node:test');
const Fastify = require('fastify');
const postgres = require('@fastify/postgres');

test('adds a user to an empty table', async (t) => {
  const app = Fastify();
  t.after(() => app.close());
  await app.register(postgres, { connectionString: process.env.DATABASE_URL });
  await app.pg.query('TRUNCATE users');
  await app.pg.query('INSERT INTO users(username) VALUES($1)', ['ada']);
});
`,
    },
  ],
  invalid: [
    {
      name: 'the same insert with no reset anywhere',
      filename: FILE,
      code: `const { test } = require('node:test');
const Fastify = require('fastify');
const postgres = require('@fastify/postgres');

test('adds a user', async (t) => {
  const app = Fastify();
  t.after(() => app.close());
  await app.register(postgres, { connectionString: process.env.DATABASE_URL });
  await app.pg.query('INSERT INTO users(username) VALUES($1)', ['ada']);
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 9,
          data: { call: 'app.pg.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'app' },
              output: `const { test, afterEach } = require('node:test');
const Fastify = require('fastify');
const postgres = require('@fastify/postgres');

afterEach(async () => {
  // Remove what each test wrote through \`app\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

test('adds a user', async (t) => {
  const app = Fastify();
  t.after(() => app.close());
  await app.register(postgres, { connectionString: process.env.DATABASE_URL });
  await app.pg.query('INSERT INTO users(username) VALUES($1)', ['ada']);
});
`,
            },
          ],
        },
      ],
    },
  ],
});

const ORDERS = `import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());
`;

ts.run('require-cleanup: statements in an options object (Jest)', rule, {
  valid: [
    {
      name: 'an insert as { text, values }, and a truncate as { text } after each test',
      filename: 'tests/integration/orders.test.ts',
      code: `${ORDERS}afterEach(() => pool.query({ text: 'TRUNCATE orders' }));

it('stores an order', async () => {
  await pool.query({ text: 'INSERT INTO orders (total) VALUES ($1)', values: [100] });
  const { rows } = await pool.query({ text: 'SELECT total FROM orders' });
  expect(rows).toEqual([{ total: 100 }]);
});
`,
    },
  ],
  invalid: [
    {
      name: 'an insert as { text, values } with nothing removing it',
      filename: 'tests/integration/orders.test.ts',
      code: `${ORDERS}
it('stores an order', async () => {
  await pool.query({ text: 'INSERT INTO orders (total) VALUES ($1)', values: [100] });
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 7,
          data: { call: 'pool.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `${ORDERS}
afterEach(async () => {
  // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

it('stores an order', async () => {
  await pool.query({ text: 'INSERT INTO orders (total) VALUES ($1)', values: [100] });
});
`,
            },
          ],
        },
      ],
    },
  ],
});
