/**
 * `no-shared-test-data` on a getter called on a variable whose name is a verb: `create.getStorageOptions()`
 * hands back settings that exist already, whatever the variable is called. A method named as a verb
 * on such a variable, and the verb called itself, still make data.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: a getter on a variable named like a verb (Mocha, TypeScript)', rule, {
  valid: [
    {
      name: 'the storage options a registry named `create` hands back, read by two tests',
      filename: 'test/integration/storage.test.ts',
      code: `import { assert } from 'chai';
import { getCreate } from '../../src/create';

const create = getCreate();

describe('storage', function () {
  let storage: { bucket: string; prefix: string };
  before(function () {
    storage = create.getStorageOptions('minio');
  });

  it('names the bucket', function () {
    assert.equal(storage.bucket, 'docs');
  });

  it('names the prefix', function () {
    assert.equal(storage.prefix, 'v1/');
  });
});
`,
    },
  ],
  invalid: [],
});

cjs.run('no-shared-test-data: a verb on a variable named like one (Jest, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'a seed routine called on a module named `seed` still makes data',
      filename: 'test/integration/orders.test.js',
      code: `const seed = require('../support/seed');
const { listOrders } = require('../../src/orders');

describe('orders', () => {
  let customer;
  beforeAll(async () => {
    customer = await seed.createCustomer({ name: 'Ada' });
  });

  it('lists none for a new customer', async () => {
    expect(await listOrders(customer.id)).toEqual([]);
  });

  it('lists none for another customer either', async () => {
    expect(await listOrders(customer.id + 1)).toEqual([]);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 7,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `customer`', sources: '`customer = seed.createCustomer()` (line 7)' },
          suggestions: [],
        },
      ],
    },
  ],
});
