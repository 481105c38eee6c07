/**
 * `require-cleanup`: a test that makes its own store by schema work (`const coll = await
 * soda.createCollection('docs_one')`, a table it creates) and drops it (`await coll.drop()`) takes
 * everything it wrote there with it, wherever the drop stands in the test. A store the test opens but
 * does not drop keeps what was written.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const WITH_DROPS = `const oracledb = require('oracledb');
const assert = require('assert');
const dbConfig = require('./dbconfig.js');

describe('document collections', function () {
  let conn;
  beforeEach(async function () {
    conn = await oracledb.getConnection(dbConfig);
  });
  afterEach(async function () {
    await conn.close();
  });

  it('stores one document', async function () {
    const soda = conn.getSodaDatabase();
    const coll = await soda.createCollection('docs_one');
    await coll.insertOne({ name: 'Ada' });
    assert.strictEqual(await coll.find().count(), 1);
    await conn.commit();
    await coll.drop();
  });

  it('stores two documents', async function () {
    const soda = conn.getSodaDatabase();
    const coll = await soda.createCollection('docs_two');
    await coll.insertMany([{ name: 'Ada' }, { name: 'Grace' }]);
    await conn.commit();
    await coll.drop();
  });
});`;
const WITHOUT_DROPS = WITH_DROPS.replaceAll('    await coll.drop();\n', '');
const CLOSE_HOOK = `  afterEach(async function () {\n    await conn.close();\n  });\n`;

cjs.run('require-cleanup (Mocha, CommonJS): stores a test makes and drops', rule, {
  valid: [
    {
      name: 'each test creates a collection, writes to it and drops it',
      filename: 'test/integration/soda.test.js',
      code: WITH_DROPS,
    },
  ],
  invalid: [
    {
      name: 'the same tests without the drops leave their documents behind',
      filename: 'test/integration/soda.test.js',
      code: WITHOUT_DROPS,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 17,
          data: { call: 'coll.insertOne()', target: 'the database', container: '' },
          suggestions: [{ messageId: 'addCleanupHook', data: { hook: 'afterEach', subject: 'coll' }, output: WITHOUT_DROPS.replace(CLOSE_HOOK, `${CLOSE_HOOK}\n  afterEach(async () => {\n    // Remove what each test wrote through \`coll\`: truncate the tables it wrote to, or roll back a per-test transaction.\n  });\n`) }],
        },
      ],
    },
  ],
});
