/**
 * `require-cleanup` on writes a test expects to fail, written so that their success fails the test:
 * the statement after the write in a `try` throws or fails the test, and the `catch` checks the
 * error; or the write's `then` fails the test and a `catch` (or a second `then` callback) checks the
 * error. Nothing is stored, so nothing needs removing. A `try` that goes on after the write, or a
 * `then` that carries on with the result, is a write that succeeds.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

/** A Vitest file whose one write goes to a table the database refuses it from, in a `try` that fails on success. */
const REFUSED = `import { Pool } from 'pg';
import { afterAll, expect, it } from 'vitest';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());

it('refuses a negative total', async () => {
  try {
    await pool.query('INSERT INTO invoices (total) VALUES ($1)', [-1]);
    throw new Error('the insert should have been refused');
  } catch (error) {
    expect((error as { code: string }).code).toBe('23514');
  }
});
`;

/** A Mocha file whose writes are checked through promise callbacks that fail the test when the write succeeds. */
const CALLBACKS = `const assert = require('node:assert');
const mysql = require('mysql2/promise');

describe('unknown tables', function () {
  let connection;

  before(async function () {
    connection = await mysql.createConnection(process.env.MYSQL_URL);
  });

  after(() => connection.end());

  it('names the missing table', function (done) {
    connection
      .query('INSERT INTO missing_table (id) VALUES (1)')
      .then(() => done(new Error('the insert should have failed')))
      .catch((error) => {
        assert.strictEqual(error.code, 'ER_NO_SUCH_TABLE');
        done();
      });
  });

  it('keeps the connection usable after a failed insert', async function () {
    await connection.query('INSERT INTO missing_table (id) VALUES (2)').then(
      () => assert.fail('the insert should have failed'),
      (error) => assert.strictEqual(error.errno, 1146),
    );
    const [rows] = await connection.query('SELECT 1 AS one');
    assert.deepStrictEqual(rows, [{ one: 1 }]);
  });
});
`;

/** The `try` carries on after the write, which then succeeds. */
const STORED = REFUSED.replace("    throw new Error('the insert should have been refused');\n", "    expect((await pool.query('SELECT count(*) FROM invoices')).rowCount).toBe(1);\n");
/** The write's `then` carries on instead of failing the test. */
const CARRIED_ON = CALLBACKS.replace("      .then(() => done(new Error('the insert should have failed')))", '      .then(() => done())');

ts.run('require-cleanup: a write whose success fails the test, in a try (Vitest, TypeScript)', rule, {
  valid: [
    { name: 'the statement after the write throws, and the catch checks the error', filename: 'tests/integration/invoices.test.ts', code: REFUSED },
    {
      name: 'node:test: the statement after the write is assert.fail',
      filename: 'tests/integration/invoices.test.ts',
      code: REFUSED.replace("import { afterAll, expect, it } from 'vitest';", "import assert from 'node:assert/strict';\nimport { after as afterAll, it } from 'node:test';\nconst expect = (value: unknown) => ({ toBe: (expected: unknown) => assert.equal(value, expected) });").replace(
        "    throw new Error('the insert should have been refused');",
        "    assert.fail('the insert should have been refused');",
      ),
    },
  ],
  invalid: [
    {
      name: 'the try goes on after the write: the write succeeds and its row stays',
      filename: 'tests/integration/invoices.test.ts',
      code: STORED,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 9,
          data: { call: 'pool.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: STORED.replace("import { afterAll, expect, it } from 'vitest';", "import { afterAll, expect, it, afterEach } from 'vitest';").replace(
                'afterAll(() => pool.end());\n',
                'afterAll(() => pool.end());\n\nafterEach(async () => {\n  // Remove what each test wrote through `pool`: truncate the tables it wrote to, or roll back a per-test transaction.\n});\n',
              ),
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('require-cleanup: a write whose success fails the test, in promise callbacks (Mocha, CommonJS)', rule, {
  valid: [{ name: 'then fails the test (done with an error, assert.fail), catch or the second callback checks the error', filename: 'test/integration/unknown-tables.test.js', code: CALLBACKS }],
  invalid: [
    {
      name: 'a then that carries on with the result is a write that succeeds',
      filename: 'test/integration/unknown-tables.test.js',
      code: CARRIED_ON,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 14,
          data: { call: 'connection.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'connection' },
              output: CARRIED_ON.replace(
                '  after(() => connection.end());\n',
                '  after(() => connection.end());\n\n  afterEach(async () => {\n    // Remove what each test wrote through `connection`: truncate the tables it wrote to, or roll back a per-test transaction.\n  });\n',
              ),
            },
          ],
        },
      ],
    },
  ],
});
