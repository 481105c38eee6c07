/**
 * `require-cleanup` on SQL that removes rows, sent through a client no catalog knows: a framework's
 * decorator (`fastify.pg`), a value a plugin hands out. The statement says what it does wherever it is
 * sent from, so a `DELETE` at the start of each test resets the table for that test.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });
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
          data: { call: 'app.pg.query()', target: 'a boundary', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'app' },
              output: `const { test, afterEach } = require('node:test');
const Fastify = require('fastify');
const postgres = require('@fastify/postgres');

afterEach(async () => {
  // Remove what each test wrote through \`app\`: delete what it created.
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
