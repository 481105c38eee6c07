/**
 * `no-shared-test-data` counting tests whose body a call makes (`it('counts one product',
 * expectCount(query, 1))`): they run, so they are among the tests a suite's seeded data is shared with,
 * and the message counts them beside the tests the file shows; a file whose tests are all made that way
 * shows nothing they do, and is left alone.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

cjs.run('no-shared-test-data: tests whose body a call makes (Mocha)', rule, {
  valid: [
    {
      name: 'every test is made by a helper: nothing the file shows reads the row',
      filename: 'test/integration/catalogue.test.js',
      code: `const { seedProducts, expectCount } = require('../support/catalogue');

describe('catalogue counts', function () {
  before(() => seedProducts(3));

  it('counts the products', expectCount('SELECT * FROM products', 3));
  it('counts no orders', expectCount('SELECT * FROM orders', 0));
});
`,
    },
  ],
  invalid: [
    {
      name: 'two tests written inline and two made by a helper share the seeded row',
      filename: 'test/integration/catalogue.test.js',
      code: `const assert = require('node:assert');
const { Client } = require('cassandra-driver');

const client = new Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1', keyspace: 'shop' });

function expectCount(query, expected) {
  return async function () {
    const result = await client.execute(query);
    assert.strictEqual(result.rowLength, expected);
  };
}

describe('catalogue queries', function () {
  before(async function () {
    await client.execute("INSERT INTO products (id, name) VALUES (1, 'lamp')");
  });

  after(() => client.shutdown());

  it('finds the lamp', async function () {
    const result = await client.execute('SELECT name FROM products WHERE id = 1');
    assert.strictEqual(result.first().name, 'lamp');
  });

  it('renames the lamp', async function () {
    await client.execute("UPDATE products SET name = 'desk lamp' WHERE id = 1");
  });

  it('counts one product', expectCount('SELECT * FROM products', 1));
  it('counts no orders', expectCount('SELECT * FROM orders', 0));
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 15,
          data: { hook: 'before', shared: 'a suite of 4 tests', sources: '`client.execute()` (line 15)' },
          suggestions: [],
        },
      ],
    },
  ],
});
