/**
 * `no-boundary-mock` in the repository of a driver the catalog knows, whose tests load it from its
 * own sources, and on the methods a class defines itself: a stub of a method that waits, formats
 * or checks replaces no round trip; a stub of one that talks to the server does.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/no-boundary-mock';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('no-boundary-mock-own-library');

/**
 * The repository of a Postgres driver (the catalog lists `Pool` and `Client` as its clients): a
 * pool that opens connections, a method that only sleeps, one that only describes the pool, and a
 * connection-string parser beside them.
 */
const driver = project('pg-driver', {
  'package.json': JSON.stringify({ name: 'pg', main: 'lib/index.js' }),
  'src/connection.ts': `import net from 'node:net';
export class Connection {
  constructor(readonly options: { host?: string }) {}
  async open() {
    net.connect(5432, this.options.host ?? 'localhost');
    return this;
  }
  async query(text: string) {
    return { text, rows: [] as unknown[] };
  }
}
`,
  'src/parse.ts': `export function parseConnectionString(text: string) {
  const url = new URL(text);
  return { host: url.hostname, database: url.pathname.slice(1) };
}
`,
  'src/pool.ts': `import { Connection } from './connection';
export class Pool {
  constructor(readonly options: { host?: string; max?: number } = {}) {}
  async connect() {
    return new Connection(this.options).open();
  }
  async query(text: string) {
    const connection = await this.connect();
    return connection.query(text);
  }
  async pause(ms: number) {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
  describe() {
    return 'a pool of ' + (this.options.max ?? 10);
  }
}
`,
  'src/index.ts': `export { Pool } from './pool';
export { parseConnectionString } from './parse';
`,
  'test/integration/placeholder.ts': '',
});

/**
 * An application whose repository connects in its constructor and keeps the model in a module
 * variable, as many older CommonJS data layers do.
 */
const shop = project('shop', {
  'package.json': JSON.stringify({ name: 'shop' }),
  'src/data/order-repository.js': `const { Sequelize, DataTypes } = require('sequelize');

let database;
let orders;

module.exports = class OrderRepository {
  constructor() {
    if (!database) {
      database = new Sequelize('sqlite::memory:');
      orders = database.define('Order', { item: DataTypes.STRING });
    }
  }

  async addOrder(order) {
    const created = await orders.create(order);
    return created.toJSON();
  }

  async settle(ms) {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
};
`,
  'test/integration/placeholder.js': '',
});

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 2022, sourceType: 'commonjs' } });

const member = (what: string, kind: string, how: string, effect: string) => ({ what, kind, how, effect });

ts.run("no-boundary-mock: a driver's own sources", rule, {
  valid: [
    {
      name: 'a method of the pool that only sleeps replaces no round trip (Vitest)',
      filename: path.join(driver, 'test/integration/retry.test.ts'),
      code: `import { expect, it, vi } from 'vitest';
import { Pool } from '../../src/index';

it('retries after a pause', async () => {
  const pool = new Pool({ max: 2 });
  vi.spyOn(pool, 'pause').mockResolvedValue(undefined);
  expect(await pool.query('SELECT 1')).toBeDefined();
});
`,
    },
    {
      name: 'a method of the pool that only describes it (Jest)',
      filename: path.join(driver, 'test/integration/describe.test.ts'),
      code: `import { Pool } from '../../src/index';

test('logs the pool it uses', async () => {
  const pool = new Pool();
  jest.spyOn(pool, 'describe').mockReturnValue('a test pool');
  await pool.query('SELECT 1');
});
`,
    },
    {
      name: "a utility of the driver's own sources is the code under test, not the server (Mocha)",
      filename: path.join(driver, 'test/integration/parse.test.ts'),
      code: `import sinon from 'sinon';
import * as driver from '../../src/index';

describe('connecting by URL', () => {
  afterEach(() => sinon.restore());
  it('uses the parsed host', async () => {
    sinon.stub(driver, 'parseConnectionString').returns({ host: 'db.test', database: 'shop' });
    await new driver.Pool({ host: 'db.test' }).query('SELECT 1');
  });
});
`,
    },
  ],
  invalid: [
    {
      name: "a query of the driver's own pool made to fail (node:test)",
      filename: path.join(driver, 'test/integration/failure.test.ts'),
      code: `import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { Pool } from '../../src/index';

test('reports a lost connection', async () => {
  const pool = new Pool();
  mock.method(pool, 'query', async () => {
    throw new Error('connection lost');
  });
  await assert.rejects(runReport(pool));
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          line: 7,
          data: member('`pool.query` from `pg`', 'database', '`mock.method`', 'so this call no longer reaches the database'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`pool.query` from `pg`', 'database', '`mock.method`', 'so this call no longer reaches the database'),
              output: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pool } from '../../src/index';

test('reports a lost connection', async () => {
  const pool = new Pool();
  await assert.rejects(runReport(pool));
});
`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('no-boundary-mock: a repository that keeps its model in a module variable (Mocha, sinon)', rule, {
  valid: [
    {
      name: 'a method of the repository that only waits',
      filename: path.join(shop, 'test/integration/settle.test.js'),
      code: `const sinon = require('sinon');
const OrderRepository = require('../../src/data/order-repository');

describe('settling', () => {
  afterEach(() => sinon.restore());
  it('waits before settling', async () => {
    sinon.stub(OrderRepository.prototype, 'settle').resolves();
    await new OrderRepository().addOrder({ item: 'bread' });
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'a method that writes through the model the constructor made',
      filename: path.join(shop, 'test/integration/orders.test.js'),
      code: `const sinon = require('sinon');
const OrderRepository = require('../../src/data/order-repository');

describe('ordering', () => {
  afterEach(() => sinon.restore());
  it('answers 500 when the order cannot be saved', async () => {
    sinon.stub(OrderRepository.prototype, 'addOrder').rejects(new Error('disk full'));
    await placeOrder({ item: 'bread' });
  });
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          line: 7,
          data: member('`OrderRepository.prototype.addOrder` from `../../src/data/order-repository`', 'database', '`sinon.stub`', 'so this call no longer reaches the database'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`OrderRepository.prototype.addOrder` from `../../src/data/order-repository`', 'database', '`sinon.stub`', 'so this call no longer reaches the database'),
              output: `const sinon = require('sinon');

describe('ordering', () => {
  afterEach(() => sinon.restore());
  it('answers 500 when the order cannot be saved', async () => {
    await placeOrder({ item: 'bread' });
  });
});
`,
            },
          ],
        },
      ],
    },
  ],
});
