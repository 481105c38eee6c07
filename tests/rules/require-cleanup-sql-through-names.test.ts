/**
 * `require-cleanup`: SQL that removes rows or tables counts as cleanup when it reaches the driver
 * through a name rather than as a literal argument: a local constant holding the statement
 * (`const sql = 'drop table t purge'; await connection.execute(sql)`), or one of the file's own
 * functions that hands its first parameter to a SQL runner (`runSql('delete from t')`). Written in
 * any case, as drivers accept it. Text handed to a function that runs no SQL is not a cleanup. A
 * statement carried in an options object (`runCommand({ query: 'TRUNCATE TABLE orders' })`) is read too.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

cjs.run('require-cleanup (Mocha, CommonJS): removing SQL through a constant or a wrapper', rule, {
  valid: [
    {
      name: 'a lower-case DROP TABLE kept in a constant and run in `after`',
      filename: 'test/integration/timestamps.test.js',
      code: `const oracledb = require('oracledb');
const assert = require('assert');

describe('timestamp binds', function () {
  let connection;
  before(async function () {
    connection = await oracledb.getConnection({ user: 'app' });
    await connection.execute('create table t_ts (id number, ts timestamp)');
  });
  after(async function () {
    const sql = 'drop table t_ts purge';
    await connection.execute(sql);
    await connection.close();
  });

  it('binds by name', async function () {
    await connection.execute('insert into t_ts values (:i, :ts)', { i: 1, ts: new Date() }, { autoCommit: true });
    const result = await connection.execute('select * from t_ts where id = :i', { i: 1 });
    assert.strictEqual(result.rows.length, 1);
  });
  it('binds by position', async function () {
    await connection.execute('insert into t_ts values (:1, :2)', [2, new Date()], { autoCommit: true });
  });
});`,
    },
    {
      name: 'a DROP TABLE built by concatenation in a constant, handed to a wrapper in `after`',
      filename: 'test/integration/lob-fetch.test.js',
      code: `const oracledb = require('oracledb');

describe('lob fetch', function () {
  const tableName = 'nodb_lob_fetch';
  const dropTable = 'DROP TABLE ' + tableName + ' PURGE';
  let connection;

  before(async function () {
    connection = await oracledb.getConnection({ user: 'app' });
  });
  after(async function () {
    await executeSql(dropTable);
    await connection.close();
  });

  const executeSql = async (sql) => connection.execute(sql);

  it('stores a clob', async function () {
    await connection.execute('insert into nodb_lob_fetch values (1, :c)', { c: 'text' }, { autoCommit: true });
  });
  it('stores a blob', async function () {
    await connection.execute('insert into nodb_lob_fetch values (2, :b)', { b: Buffer.from('x') }, { autoCommit: true });
  });
});`,
    },
    {
      name: 'a DELETE handed to a function of the file that runs its first parameter, in `afterEach`',
      filename: 'test/integration/lobs.test.js',
      code: `const oracledb = require('oracledb');

describe('lob inserts', function () {
  let connection;
  before(async function () {
    connection = await oracledb.getConnection({ user: 'app' });
  });
  afterEach(async function () {
    await runSql('delete from nodb_lobs');
  });
  after(async function () {
    await connection.close();
  });

  async function runSql(sql) {
    await connection.execute(sql, [], { autoCommit: true });
  }

  it('stores an empty blob', async function () {
    await connection.execute('insert into nodb_lobs values (1, EMPTY_BLOB())', [], { autoCommit: true });
  });
});`,
    },
  ],
  invalid: [
    {
      name: 'DROP text handed to a function that only logs it removes nothing',
      filename: 'test/integration/timestamps.test.js',
      code: `const oracledb = require('oracledb');

describe('timestamps', function () {
  let connection;
  before(async function () {
    connection = await oracledb.getConnection({ user: 'app' });
  });
  after(async function () {
    await note('drop table t_ts purge');
    await connection.close();
  });

  async function note(text) {
    console.log(text);
  }

  it('stores one timestamp', async function () {
    await connection.execute('insert into t_ts values (:i, :ts)', { i: 1, ts: new Date() }, { autoCommit: true });
  });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 18,
          data: { call: 'connection.execute()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'connection' },
              output: `const oracledb = require('oracledb');

describe('timestamps', function () {
  let connection;
  before(async function () {
    connection = await oracledb.getConnection({ user: 'app' });
  });
  after(async function () {
    await note('drop table t_ts purge');
    await connection.close();
  });

  afterEach(async () => {
    // Remove what each test wrote through \`connection\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  async function note(text) {
    console.log(text);
  }

  it('stores one timestamp', async function () {
    await connection.execute('insert into t_ts values (:i, :ts)', { i: 1, ts: new Date() }, { autoCommit: true });
  });
});`,
            },
          ],
        },
      ],
    },
  ],
});

/** The suggested edit: an empty `afterEach` to fill in, after the file's `afterAll`. */
const withCleanupSkeleton = (code: string): string =>
  code.replace(
    'afterAll(() => pool.end());\n',
    'afterAll(() => pool.end());\n\nafterEach(async () => {\n  // Remove what each test wrote through `pool`: truncate the tables it wrote to, or roll back a per-test transaction.\n});\n',
  );

const COUNTING_CONSTANT = `import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const COUNT_ORDERS = 'select count(*) from orders';

afterEach(() => pool.query(COUNT_ORDERS));
afterAll(() => pool.end());

it('stores an order', async () => {
  await pool.query('INSERT INTO orders (total) VALUES ($1)', [42]);
});`;

ts.run('require-cleanup (TypeScript): removing SQL through a constant', rule, {
  valid: [
    {
      name: 'Vitest: a TRUNCATE kept in a module constant and run through `pool.query` in `afterEach`',
      filename: 'tests/integration/orders.test.ts',
      code: `import { Pool } from 'pg';
import { afterAll, afterEach, expect, it } from 'vitest';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const CLEAR_ORDERS = 'truncate table orders restart identity';

afterEach(() => pool.query(CLEAR_ORDERS));
afterAll(() => pool.end());

it('stores an order', async () => {
  await pool.query('INSERT INTO orders (total) VALUES ($1)', [42]);
  const { rows } = await pool.query('SELECT total FROM orders');
  expect(rows).toHaveLength(1);
});`,
    },
  ],
  invalid: [
    {
      name: 'Jest: a constant holding a SELECT is no cleanup',
      filename: 'tests/integration/orders.test.ts',
      code: COUNTING_CONSTANT,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 10,
          data: { call: 'pool.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: withCleanupSkeleton(COUNTING_CONSTANT),
            },
          ],
        },
      ],
    },
  ],
});

const THROUGH_OPTIONS = `import { afterAll, afterEach, expect, it } from 'vitest';
import { Pool } from 'pg';
import { runCommand } from '../helpers/clickhouse';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

afterEach(() => runCommand({ query: 'TRUNCATE TABLE orders' }));
afterAll(() => pool.end());

it('stores an order', async () => {
  await pool.query('INSERT INTO orders (total) VALUES ($1)', [42]);
  expect((await pool.query('SELECT * FROM orders')).rowCount).toBe(1);
});`;

const COUNTING_THROUGH_OPTIONS = THROUGH_OPTIONS.replace("'TRUNCATE TABLE orders'", "'SELECT count(*) FROM orders'");

ts.run('require-cleanup (TypeScript): a statement carried in an options object', rule, {
  valid: [
    {
      name: 'Vitest: `runCommand({ query: \'TRUNCATE TABLE orders\' })` in `afterEach` removes what the tests wrote, whatever sends it',
      filename: 'tests/integration/orders.test.ts',
      code: THROUGH_OPTIONS,
    },
  ],
  invalid: [
    {
      name: 'a statement in the options that removes nothing is not a cleanup',
      filename: 'tests/integration/orders.test.ts',
      code: COUNTING_THROUGH_OPTIONS,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 11,
          data: { call: 'pool.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: withCleanupSkeleton(COUNTING_THROUGH_OPTIONS),
            },
          ],
        },
      ],
    },
  ],
});
