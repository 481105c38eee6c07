/**
 * `prefer-shared-infrastructure`: a test is about the infrastructure it builds when it asserts on it
 * with any assertion style, not only `expect`: Node's `assert.strictEqual(pool.poolAlias, …)`, chai's
 * `assert`, or a function imported from `node:assert`; and when it builds it to see it fail
 * (`assert.rejects(…)`). What a test assigns to a suite binding counts as what it built. A
 * `beforeEach` whose handle the tests reconfigure (`pool.reconfigure(…)`) gives each test a fresh
 * one on purpose. A round trip through the handle inside an assertion is still a use.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/prefer-shared-infrastructure';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

cjs.run('prefer-shared-infrastructure (Mocha, CommonJS): tests about the pool itself', rule, {
  valid: [
    {
      name: 'a pool built before each test that the tests reconfigure',
      filename: 'test/integration/pool-reconfigure.test.js',
      code: `const oracledb = require('oracledb');
const assert = require('assert');
const dbConfig = require('./dbconfig.js');

describe('pool reconfiguration', function () {
  let pool;

  beforeEach(async function () {
    pool = await oracledb.createPool({ ...dbConfig, poolMin: 1, poolMax: 4 });
  });
  afterEach(async function () {
    await pool.close(0);
  });

  it('raises poolMax', async function () {
    await pool.reconfigure({ poolMax: 8 });
    assert.strictEqual(pool.poolMax, 8);
  });
  it('lowers poolMin', async function () {
    await pool.reconfigure({ poolMin: 0 });
    assert.strictEqual(pool.poolMin, 0);
  });
});`,
    },
    {
      name: 'each test assigns a pool to a suite binding and asserts on its properties with `assert`',
      filename: 'test/integration/pool-cache.test.js',
      code: `const oracledb = require('oracledb');
const assert = require('assert');
const dbConfig = require('./dbconfig.js');

describe('pool cache', function () {
  let pool;

  afterEach(async function () {
    if (pool) await pool.close(0);
    pool = null;
  });

  it('caches the first pool as the default one', async function () {
    pool = await oracledb.createPool(dbConfig);
    assert.strictEqual(oracledb.getPool(), pool);
    assert.strictEqual(pool.poolAlias, 'default');
  });
  it('caches a pool under its alias', async function () {
    pool = await oracledb.createPool({ ...dbConfig, poolAlias: 'reports' });
    assert.strictEqual(pool.poolAlias, 'reports');
  });
});`,
    },
    {
      name: 'building a pool with a bad configuration is expected to fail with `assert.rejects`',
      filename: 'test/integration/pool-options.test.js',
      code: `const oracledb = require('oracledb');
const assert = require('assert');
const dbConfig = require('./dbconfig.js');

describe('pool options', function () {
  it('rejects both user and username', async function () {
    await assert.rejects(oracledb.createPool({ ...dbConfig, username: dbConfig.user }), /NJS-080/);
  });
  it('rejects a negative poolMax', async function () {
    await assert.rejects(oracledb.createPool({ ...dbConfig, poolMax: -1 }), /NJS-007/);
  });
});`,
    },
  ],
  invalid: [
    {
      name: 'queries through a new pool in each test, awaited inside `assert`, are uses of it',
      filename: 'test/integration/queries.test.js',
      code: `const oracledb = require('oracledb');
const assert = require('assert');
const dbConfig = require('./dbconfig.js');

describe('queries', function () {
  let pool;

  after(async function () {
    await pool.close(0);
  });

  it('selects one row', async function () {
    pool = await oracledb.createPool(dbConfig);
    const result = await pool.execute('select 1 from dual');
    assert.strictEqual(result.rows.length, 1);
  });
  it('selects two rows', async function () {
    pool = await oracledb.createPool(dbConfig);
    assert.strictEqual((await pool.execute('select 1 from dual union all select 2 from dual')).rows.length, 2);
  });
});`,
      errors: [{ messageId: 'perTestBody', line: 13, data: { call: 'oracledb.createPool()', count: 2, shared: 'before' }, suggestions: [] }],
    },
  ],
});

ts.run('prefer-shared-infrastructure (node:test, TypeScript): assertions imported by name', rule, {
  valid: [
    {
      name: 'each test opens a client and asserts on its options with `strictEqual` from node:assert/strict',
      filename: 'test/integration/redis-options.test.ts',
      code: `import { strictEqual } from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import Redis from 'ioredis';

describe('client options', () => {
  let redis: Redis;
  afterEach(() => redis.quit());

  it('keeps the key prefix', () => {
    redis = new Redis({ keyPrefix: 'orders:' });
    strictEqual(redis.options.keyPrefix, 'orders:');
  });
  it('keeps the database number', () => {
    redis = new Redis({ db: 3 });
    strictEqual(redis.options.db, 3);
  });
});`,
    },
  ],
  invalid: [],
});
