/**
 * `require-cleanup` in AVA files: its hooks are properties of the test function, and an `after…` hook
 * runs after a failed test only when it is `.always`, so the edit adds `test.afterEach.always`.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester();

ts.run('require-cleanup: AVA (TypeScript)', rule, {
  valid: [
    {
      name: 'AVA: test.afterEach.always truncates what each serial test wrote',
      filename: 'test/integration/orders.test.ts',
      code: `import anyTest, { type TestFn } from 'ava';
import { Pool } from 'pg';

const test = anyTest as TestFn<{ pool: Pool }>;

test.before((t) => {
  t.context.pool = new Pool({ connectionString: process.env.DATABASE_URL });
});

test.afterEach.always(async (t) => {
  await t.context.pool.query('TRUNCATE orders');
});

test.after.always(async (t) => {
  await t.context.pool.end();
});

test.serial('stores an order', async (t) => {
  await t.context.pool.query('INSERT INTO orders (id) VALUES (1)');
  t.pass();
});
`,
    },
  ],
  invalid: [
    {
      name: 'AVA: a write with only a teardown that closes the pool; the edit adds test.afterEach.always',
      filename: 'test/integration/orders.test.ts',
      code: `import test from 'ava';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

test.after.always(async () => {
  await pool.end();
});

test('stores an order', async (t) => {
  await pool.query('INSERT INTO orders (id) VALUES (1)');
  t.pass();
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 11,
          data: { call: 'pool.query()', target: 'the database', container: '' },
          suggestions: [{ messageId: 'addCleanupHook', data: { hook: 'afterEach.always', subject: 'pool' }, output: `import test from 'ava';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

test.after.always(async () => {
  await pool.end();
});

test.afterEach.always(async () => {
  // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

test('stores an order', async (t) => {
  await pool.query('INSERT INTO orders (id) VALUES (1)');
  t.pass();
});
` }],
        },
      ],
    },
  ],
});
