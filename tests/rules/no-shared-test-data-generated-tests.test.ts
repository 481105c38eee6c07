/**
 * `no-shared-test-data`: tests written inside a function of the file that the suite calls more than
 * once (`function behaves(update, check) { it(…); it(…) }`, then `behaves(a, …); behaves(b, …)`) run
 * once per call, so the suite holds more tests than the file writes out: the message says "at least".
 * A function called once writes its tests once. A suite that calls a function written in an outer
 * suite runs the tests that function registers as well as its own, so its count is a lower bound.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const TWICE = `const assert = require('assert');
const { connect } = require('../../src/db');

describe('orders: status changes', function () {
  let db;
  let Order;

  before(async function () {
    db = await connect();
    Order = db.collection('orders');
    await Order.insertOne({ _id: 1, status: 'new' });
  });
  after(async function () {
    await db.close();
  });

  function behaves(update, check) {
    it('updates by id', async function () {
      check(await update({ _id: 1 }));
    });
    it('updates by status', async function () {
      check(await update({ status: 'new' }));
    });
  }

  behaves((filter) => Order.updateOne(filter, { $set: { status: 'paid' } }), (result) => assert.strictEqual(result.matchedCount, 1));
  behaves((filter) => Order.findOneAndUpdate(filter, { $set: { status: 'sent' } }), (result) => assert.ok(result));
});`;
const ONCE = TWICE.split('\n').filter((line) => !line.includes('Order.findOneAndUpdate')).join('\n');

cjs.run('no-shared-test-data (Mocha): tests a function of the file writes', rule, {
  valid: [],
  invalid: [
    {
      name: 'a function that writes two tests, called twice: at least 2 tests share the row',
      filename: 'test/integration/orders.test.js',
      code: TWICE,
      errors: [{ messageId: 'sharedData', line: 11, data: { hook: 'before', shared: 'a suite of at least 2 tests', sources: '`Order.insertOne()` (line 11)' } }],
    },
    {
      name: 'the same function called once writes its two tests once',
      filename: 'test/integration/orders.test.js',
      code: ONCE,
      errors: [{ messageId: 'sharedData', line: 11, data: { hook: 'before', shared: 'a suite of 2 tests', sources: '`Order.insertOne()` (line 11)' } }],
    },
  ],
});

/** Tests written once in an outer suite's function and run by each inner suite that calls it. */
const SHARED_CHECKS = (call: string) => `const assert = require('assert');
const { connect } = require('../../src/db');
const { announce } = require('../../src/federation');

describe('announce', function () {
  let db;
  let sent;

  before(async function () {
    db = await connect();
  });
  after(() => db.close());

  function sharedChecks() {
    it('sends one activity', function () {
      assert.strictEqual(sent.length, 1);
    });
    it('names the actor', function () {
      assert.ok(sent[0].actor);
    });
  }

  describe('a topic of a category', function () {
    before(async function () {
      await db.collection('categories').insertOne({ name: 'news' });
      sent = await announce('news');
    });

    ${call}

    it('addresses the followers', function () {
      assert.ok(sent[0].cc.length > 0);
    });

    it('keeps the topic id', function () {
      assert.ok(sent[0].object.id);
    });
  });
});
`;

cjs.run('no-shared-test-data: a suite that runs tests written in an outer suite’s function (Mocha)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the suite calls the shared checks: its count is a lower bound',
      filename: 'test/integration/announce.test.js',
      code: SHARED_CHECKS('sharedChecks();'),
      errors: [
        {
          messageId: 'sharedData',
          line: 25,
          data: { hook: 'before', shared: 'a suite of at least 2 tests', sources: '`db.collection().insertOne()` (line 25)' },
        },
      ],
    },
    {
      name: 'without the call the suite holds exactly its own tests',
      filename: 'test/integration/announce.test.js',
      code: SHARED_CHECKS(''),
      errors: [
        {
          messageId: 'sharedData',
          line: 25,
          data: { hook: 'before', shared: 'a suite of 2 tests', sources: '`db.collection().insertOne()` (line 25)' },
        },
      ],
    },
  ],
});
