import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import noBoundaryMock from '../../src/rules/no-boundary-mock';

/**
 * A sinon stub told to call through runs the original for every call it has no other answer for:
 * like a spy, it only watches the real client. Behaviours given for some arguments or some calls
 * only (`withArgs`, `onCall`) leave the rest to the stub's default, so they do not make it a spy.
 */
const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });
const rule = noBoundaryMock;

const FILE_TS = 'tests/integration/queue.test.ts';
const FILE_JS = 'tests/integration/queue.test.js';

cjs.run('no-boundary-mock: stubs that call through (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'a stub that calls through, kept to watch one argument',
      filename: FILE_JS,
      code: `const sinon = require('sinon');
const redis = require('redis');
const { Queue } = require('../../src/queue');

describe('queue', () => {
  afterEach(() => sinon.restore());

  it('closes a queue whose client never connected', async () => {
    const stub = sinon.stub(redis, 'createClient').callThrough();
    stub.withArgs(sinon.match.has('url', 'redis://unreachable.invalid')).callsFake((options) => {
      const client = stub.wrappedMethod(options);
      sinon.spy(client, 'quit');
      return client;
    });
    const queue = new Queue('emails', { redis: { url: 'redis://unreachable.invalid' } });
    await queue.close();
    sinon.assert.calledOnce(stub);
  });
});
`,
    },
    {
      name: 'a stub told to call through on a later line',
      filename: FILE_JS,
      code: `const sinon = require('sinon');
const { Pool } = require('pg');

describe('orders', () => {
  let query;
  beforeEach(() => {
    query = sinon.stub(Pool.prototype, 'query');
    query.callThrough();
  });
  afterEach(() => sinon.restore());

  it('asks the database once per page', async () => {
    await listOrders({ page: 1 });
    sinon.assert.calledOnce(query);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'calling through for one argument only leaves every other call stubbed',
      filename: FILE_JS,
      code: `const sinon = require('sinon');
const { Pool } = require('pg');

describe('orders', () => {
  it('reads one order', async () => {
    const query = sinon.stub(Pool.prototype, 'query');
    query.withArgs('SELECT 1').callThrough();
    await readOrder(1);
  });
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          line: 6,
          column: 19,
          endColumn: 54,
          data: { what: '`Pool.prototype.query` from `pg`', kind: 'database', how: '`sinon.stub`', effect: 'so this call no longer reaches the database' },
        },
      ],
    },
  ],
});

ts.run('no-boundary-mock: stubs that call through (Mocha, TypeScript)', rule, {
  valid: [
    {
      name: 'a chained stub that calls through only watches the client',
      filename: FILE_TS,
      code: `import sinon from 'sinon';
import { expect } from 'chai';
import IORedis from 'ioredis';
import { RateLimiter } from '../../src/rate-limiter';

describe('rate limiter', () => {
  afterEach(() => sinon.restore());

  it('reads the counter once per request', async () => {
    const get = sinon.stub(IORedis.prototype, 'get').callThrough();
    const limiter = new RateLimiter(new IORedis(process.env.REDIS_URL!));
    await limiter.allow('user-1');
    expect(get.callCount).to.equal(1);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'a stub told what to answer after calling through for the first call only',
      filename: FILE_TS,
      code: `import sinon from 'sinon';
import IORedis from 'ioredis';

describe('rate limiter', () => {
  it('gives up when the counter is unreadable', async () => {
    const get = sinon.stub(IORedis.prototype, 'get');
    get.onFirstCall().callThrough();
    get.rejects(new Error('connection lost'));
  });
});
`,
      errors: [{ messageId: 'mockedBoundary', line: 8 }],
    },
  ],
});

/** Mocha: a stub on the prototype of pg's `Pool` that notes the SQL, and what it hands each call to. */
const poolWatch = (answer: string) => `const sinon = require('sinon');
const assert = require('node:assert');
const { Pool } = require('pg');
const { OrderRepository } = require('../../src/orders');

describe('orders', function () {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  after(() => pool.end());

  it('saves an order in one statement', async function () {
    const seen = [];
    sinon.stub(Pool.prototype, 'query').callsFake(function (...args) {
      seen.push(args[0]);
      Pool.prototype.query.restore();
      return ${answer};
    });
    await new OrderRepository(pool).save({ total: 10 });
    assert.strictEqual(seen.length, 1);
  });
});
`;

cjs.run('no-boundary-mock: a stub on a prototype that hands the call to the same method of a real object', rule, {
  valid: [
    {
      name: 'Mocha: the stand-in restores the prototype and calls `pool.query` itself: the query still runs',
      filename: FILE_JS,
      code: poolWatch('pool.query(...args)'),
    },
  ],
  invalid: [
    {
      name: 'Mocha: a stand-in that answers by itself replaces the query',
      filename: FILE_JS,
      code: poolWatch('Promise.resolve({ rows: [] })'),
      errors: [
        {
          messageId: 'mockedDatabase',
          line: 12,
          column: 41,
          data: { what: '`Pool.prototype.query` from `pg`', kind: 'database', how: '`sinon.stub`', effect: 'so this call no longer reaches the database' },
        },
      ],
    },
  ],
});
