import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import noBoundaryMock from '../../src/rules/no-boundary-mock';

/**
 * What counts as taking a boundary away, on the shapes real suites use: only clients, not the
 * helpers a client package also ships; not a stub that hands the real client back or answers a
 * pure question at once; one report per mocked member, on the call that swaps the behaviour in;
 * and a removal only where nothing later relies on the mock.
 */
const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });
const rule = noBoundaryMock;

const FILE_TS = 'tests/integration/orders.test.ts';
const FILE_JS = 'tests/integration/orders.test.js';

const member = (kind: string, what: string, how: string, effect: string) => ({ what, kind, how, effect });
const dbMember = (what: string, how: string) => member('database', what, how, 'so this call no longer reaches the database');
/** A spy given only `…Once` behaviours: the calls after those reach the database again. */
const dbMemberOnce = (what: string, how: string) => member('database', what, how, 'so the calls it answers itself no longer reach the database');

ts.run('no-boundary-mock: what is a client', rule, {
  valid: [
    {
      name: 'helpers, metadata and tooling of an ORM family are no clients (Vitest)',
      filename: FILE_TS,
      code: `import { vi, test } from 'vitest';
import { MetadataStorage, Utils } from '@mikro-orm/core';
import * as pathTools from '@mikro-orm/core/fs-utils';
import { CommandRunner } from '@mikro-orm/cli';
import { Migration } from '@mikro-orm/migrations';

vi.spyOn(MetadataStorage, 'isKnownEntity').mockReturnValue(true);
vi.spyOn(Utils, 'tryImport').mockResolvedValue(undefined);
vi.spyOn(pathTools, 'pathExists').mockResolvedValue(true);
vi.spyOn(CommandRunner, 'printHelp').mockImplementation(() => undefined);
vi.spyOn(Migration.prototype, 'down').mockImplementation(async () => undefined);
test('runs', () => {});
`,
    },
    {
      name: 'a type parser of a driver is a local helper (Jest)',
      filename: FILE_TS,
      code: `import { types } from 'pg';
jest.spyOn(types, 'getTypeParser').mockReturnValue((value: string) => value);
`,
    },
    {
      name: 'a local URL signer is no storage client',
      filename: FILE_TS,
      code: `import { vi } from 'vitest';
vi.mock('@aws-sdk/s3-request-presigner', () => ({ getSignedUrl: vi.fn(async () => 'https://files.test/signed') }));
`,
    },
    {
      name: 'a query-building helper of a client package is pure',
      filename: FILE_TS,
      code: `import { vi } from 'vitest';
import * as orm from 'drizzle-orm';
vi.spyOn(orm, 'sql').mockImplementation((() => 'SELECT 1') as never);
`,
    },
    {
      name: 'a stub that hands back the real, connected client only injects it',
      filename: FILE_TS,
      code: `import { vi, beforeAll } from 'vitest';
import { DataSource } from 'typeorm';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
beforeAll(async () => {
  await dataSource.initialize();
  vi.spyOn(DataSource.prototype, 'initialize').mockResolvedValue(dataSource);
});
`,
    },
    {
      name: 'a reconnect stubbed to hand back the real connection of the same client',
      filename: FILE_TS,
      code: `import { vi, beforeEach } from 'vitest';
import { MikroORM } from '@mikro-orm/mssql';

const orm = await MikroORM.init({ dbName: 'shop' });
beforeEach(() => {
  vi.spyOn(orm.driver, 'reconnect').mockResolvedValue(orm.em.getConnection());
});
`,
    },
    {
      name: 'a variable declared with the client type and filled by a helper holds the real client',
      filename: FILE_TS,
      code: `import { vi, beforeAll } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { openTestOrm } from '../helpers/orm';

let orm: MikroORM;
beforeAll(async () => {
  orm = await openTestOrm();
  vi.spyOn(MikroORM, 'init').mockResolvedValue(orm);
});
`,
    },
    {
      name: 'a synchronous member of a client stubbed with a plain value is no round trip',
      filename: FILE_TS,
      code: `import { vi, test } from 'vitest';
import { MikroORM } from '@mikro-orm/sqlite';

const orm = await MikroORM.init({ dbName: ':memory:' });
test('parses dates in local time', () => {
  vi.spyOn(orm.em.getPlatform(), 'getDefaultTimezone').mockReturnValue('local');
  vi.spyOn(orm.schema, 'renderCreateStatements').mockImplementation(() => '');
});
`,
    },
  ],
  invalid: [
    {
      name: 'the ORM itself, made by its factory, is a client: a stub of its connection is reported on the replacing call',
      filename: FILE_TS,
      code: `import { vi, test } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';

const orm = await MikroORM.init({ dbName: 'shop' });
test('retries', async () => {
  vi.spyOn(orm.em.getConnection(), 'execute').mockRejectedValueOnce(new Error('locked'));
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: dbMemberOnce('`orm.em.getConnection().execute` from `@mikro-orm/postgresql`', '`vi.spyOn`'),
          line: 6,
          column: 47,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'removeMock',
              data: dbMemberOnce('`orm.em.getConnection().execute` from `@mikro-orm/postgresql`', '`vi.spyOn`'),
              output: `import { test } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';

const orm = await MikroORM.init({ dbName: 'shop' });
test('retries', async () => {
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a long expression keeps the mocked method in the message',
      filename: FILE_TS,
      code: `import { MongoClient } from 'mongodb';
const client = new MongoClient(process.env.MONGO_URL!);
jest.spyOn(client.db('shop').collection('orders'), 'insertOne').mockRejectedValue(new Error('down'));
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: dbMember("`client.db('shop')…insertOne` from `mongodb`", '`jest.spyOn`'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: dbMember("`client.db('shop')…insertOne` from `mongodb`", '`jest.spyOn`'),
              output: `import { MongoClient } from 'mongodb';
const client = new MongoClient(process.env.MONGO_URL!);
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the same member stubbed in every test is reported once, at the first',
      filename: FILE_TS,
      code: `import { Pool } from 'pg';
const pool = new Pool();
test('a', async () => {
  jest.spyOn(pool, 'query').mockRejectedValueOnce(new Error('a'));
});
test('b', async () => {
  jest.spyOn(pool, 'query').mockRejectedValueOnce(new Error('b'));
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: dbMemberOnce('`pool.query` from `pg`', '`jest.spyOn`'),
          line: 4,
          suggestions: [
            {
              messageId: 'removeMock',
              data: dbMemberOnce('`pool.query` from `pg`', '`jest.spyOn`'),
              output: `import { Pool } from 'pg';
const pool = new Pool();
test('a', async () => {
});
test('b', async () => {
  jest.spyOn(pool, 'query').mockRejectedValueOnce(new Error('b'));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a stand-in typed as a cache client tells what an untraceable member is',
      filename: FILE_TS,
      code: `import { vi } from 'vitest';
import type { Redis } from 'ioredis';
import { QueueHealth } from '../../src/queue-health';

vi.spyOn(QueueHealth, 'connection', 'get').mockReturnValue({ llen: () => new Promise(() => {}) } as unknown as Redis);
`,
      errors: [
        {
          messageId: 'mockedBoundary',
          data: member('cache', '`QueueHealth.connection` from `ioredis`', '`vi.spyOn`', 'so this call no longer reaches the cache service'),
          line: 5,
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('cache', '`QueueHealth.connection` from `ioredis`', '`vi.spyOn`', 'so this call no longer reaches the cache service'),
              // The stub was all the file did with the class, the type and Vitest: their imports go too.
              output: ``,
            },
          ],
        },
      ],
    },
    {
      name: 'the scoped package of an ORM family is a client too',
      filename: FILE_TS,
      code: `import sinon from 'sinon';
import { Sequelize } from '@sequelize/core';
const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:' });
it('fails the commit', async () => {
  sinon.stub(sequelize, 'query').rejects(new Error('deadlock'));
  await sequelize.query('SELECT 1');
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: dbMember('`sequelize.query` from `@sequelize/core`', '`sinon.stub`'),
          line: 5,
          column: 34,
          suggestions: [
            {
              messageId: 'removeMock',
              data: dbMember('`sequelize.query` from `@sequelize/core`', '`sinon.stub`'),
              output: `import { Sequelize } from '@sequelize/core';
const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:' });
it('fails the commit', async () => {
  await sequelize.query('SELECT 1');
});
`,
            },
          ],
        },
      ],
    },
  ],
});

ts.run('no-boundary-mock: a stand-in that calls the original', rule, {
  valid: [
    {
      name: 'a spy that runs the real query and then adds a row of its own, to race it (Vitest)',
      filename: FILE_TS,
      code: `import { expect, test, vi } from 'vitest';
import { Pool } from 'pg';
const pool = new Pool();

test('a second writer arrives between the read and the write', async () => {
  const realQuery = pool.query.bind(pool);
  vi.spyOn(pool, 'query').mockImplementationOnce(async (text: string) => {
    const rows = await realQuery(text);
    await realQuery("INSERT INTO seats (id) VALUES (7)");
    return rows;
  });
  await expect(reserveSeat(pool, 7)).rejects.toThrow('taken');
});
`,
    },
    {
      name: 'sinon.replace with a function that waits, then calls the method kept before it, named through a cast (Mocha)',
      filename: FILE_TS,
      code: `import sinon from 'sinon';
import { Pool } from 'pg';
import { reserveSeat } from '../../src/seats';

describe('seats', () => {
  const pool = new Pool();
  afterEach(() => sinon.restore());

  it('holds the seat while a slow write is in flight', async () => {
    const original = Pool.prototype.query;
    sinon.replace(Pool.prototype, 'query' as any, async function (this: Pool, ...args: unknown[]) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return original.apply(this, args as never);
    });
    await reserveSeat(pool, 7);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'a stand-in that only looks like the original, without calling it (Vitest)',
      filename: FILE_TS,
      code: `import { expect, test, vi } from 'vitest';
import { Pool } from 'pg';
const pool = new Pool();

test('reports a lost connection', async () => {
  const realQuery = pool.query.bind(pool);
  vi.spyOn(pool, 'query').mockImplementationOnce(async () => {
    throw new Error('connection lost');
  });
  await expect(reserveSeat(pool, 7)).rejects.toThrow('try again');
  expect(realQuery).toBeDefined();
});
`,
      errors: [{ messageId: 'mockedDatabase', data: dbMemberOnce('`pool.query` from `pg`', '`vi.spyOn`'), line: 7 }],
    },
    {
      name: 'sinon.replace with a function of its own, the method named through a cast (Mocha)',
      filename: FILE_TS,
      code: `import sinon from 'sinon';
import { Pool } from 'pg';
import { reserveSeat } from '../../src/seats';

describe('seats', () => {
  const pool = new Pool();
  afterEach(() => sinon.restore());

  it('reports a lost connection', async () => {
    sinon.replace(pool, 'query' as any, async () => {
      throw new Error('connection lost');
    });
    await reserveSeat(pool, 7).catch((error: Error) => error.message);
  });
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: dbMember('`pool.query` from `pg`', '`sinon.replace`'),
          line: 10,
          suggestions: [
            {
              messageId: 'removeMock',
              data: { what: '`pool.query` from `pg`' },
              output: `import sinon from 'sinon';
import { Pool } from 'pg';
import { reserveSeat } from '../../src/seats';

describe('seats', () => {
  const pool = new Pool();
  afterEach(() => sinon.restore());

  it('reports a lost connection', async () => {
    await reserveSeat(pool, 7).catch((error: Error) => error.message);
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

ts.run('no-boundary-mock: a module mock that makes the real client with other options', rule, {
  valid: [
    {
      name: 'the real module spread back, its pool a subclass that only sets an option (Vitest)',
      filename: FILE_TS,
      code: `import { expect, it, vi } from 'vitest';
import type * as PgModule from 'pg';
import { saveInvoice } from '../../src/invoices';

vi.mock('pg', async (importOriginal) => {
  const actual = await importOriginal<typeof PgModule>();
  class Pool extends actual.Pool {
    constructor(options: Record<string, unknown> = {}) {
      super({ ...options, max: 1 });
    }
  }
  return { ...actual, Pool };
});

it('saves an invoice', async () => {
  expect(await saveInvoice(12)).toHaveProperty('id');
});
`,
    },
  ],
  invalid: [
    {
      name: 'a subclass that answers a query itself replaces the client (Vitest)',
      filename: FILE_TS,
      code: `import { expect, it, vi } from 'vitest';
import type * as PgModule from 'pg';
import { saveInvoice } from '../../src/invoices';

vi.mock('pg', async (importOriginal) => {
  const actual = await importOriginal<typeof PgModule>();
  class Pool extends actual.Pool {
    async query() {
      return { rows: [{ id: 1 }] };
    }
  }
  return { ...actual, Pool };
});

it('saves an invoice', async () => {
  expect(await saveInvoice(12)).toEqual({ id: 1 });
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: member('database', 'module `pg`', '`vi.mock`', 'so its calls no longer reach the database'),
          line: 5,
          suggestions: [{ messageId: 'removeMock', data: { what: 'module `pg`' }, output: `import { expect, it } from 'vitest';
import { saveInvoice } from '../../src/invoices';

it('saves an invoice', async () => {
  expect(await saveInvoice(12)).toEqual({ id: 1 });
});
` }],
        },
      ],
    },
  ],
});

cjs.run('no-boundary-mock: a sinon stand-in that calls the original', rule, {
  valid: [
    {
      name: 'callsFake around the method kept before the stub (Mocha)',
      filename: FILE_JS,
      code: `const sinon = require('sinon');
const { Pool } = require('pg');
const pool = new Pool();

describe('seats', () => {
  afterEach(() => sinon.restore());
  it('retries once when the first write loses a race', async () => {
    const original = pool.query;
    let calls = 0;
    sinon.stub(pool, 'query').callsFake(function (...args) {
      calls += 1;
      return original.apply(pool, args);
    });
    await reserveSeat(pool, 7);
    calls.should.equal(2);
  });
});
`,
    },
    {
      name: 'a sandbox replacing a prototype method with one that calls the original in a try, and notes it in finally (Mocha)',
      filename: FILE_JS,
      code: `const sinon = require('sinon');
const { Pool } = require('pg');
const { reserveSeat } = require('../../src/seats');

describe('seats', () => {
  const sandbox = sinon.createSandbox();
  const pool = new Pool();
  let writes = 0;
  afterEach(() => sandbox.restore());

  it('writes once per reservation', async () => {
    const realQuery = Pool.prototype.query;
    sandbox.replace(Pool.prototype, 'query', async function (text, values) {
      try {
        return await realQuery.call(this, text, values);
      } finally {
        writes += 1;
      }
    });
    await reserveSeat(pool, 7);
    writes.should.equal(1);
  });
});
`,
    },
  ],
  invalid: [],
});

ts.run('no-boundary-mock: edits only where nothing relies on the mock', rule, {
  valid: [],
  invalid: [
    {
      name: 'the stubbed member is asserted on later: reported, no removal',
      filename: FILE_TS,
      code: `import { vi, it, expect } from 'vitest';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
it('uploads', async () => {
  vi.spyOn(s3, 'send').mockResolvedValue({} as never);
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k' }));
  expect(s3.send).toHaveBeenCalledTimes(1);
});
`,
      errors: [
        {
          messageId: 'mockedBoundary',
          data: member('storage', '`s3.send` from `@aws-sdk/client-s3`', '`vi.spyOn`', 'so this call no longer reaches the storage service'),
          suggestions: [],
        },
      ],
    },
    {
      name: 'an implementation fills an array the test reads: reported, no removal',
      filename: FILE_TS,
      code: `import { Pool } from 'pg';
const pool = new Pool();
const statements: string[] = [];
it('runs two statements', async () => {
  jest.spyOn(pool, 'query').mockImplementation(async (text: string) => { statements.push(text); return { rows: [] } as never; });
  expect(statements).toHaveLength(2);
});
`,
      errors: [{ messageId: 'mockedDatabase', data: dbMember('`pool.query` from `pg`', '`jest.spyOn`'), suggestions: [] }],
    },
    {
      name: 'a canned response only the stub uses goes with it; what the test still uses stays',
      filename: FILE_TS,
      code: `import { vi, it } from 'vitest';
import axios from 'axios';
import { fetchRates } from '../../src/rates';

const ratesResponse = { data: { eur: 1 } };

it('reads rates', async () => {
  vi.spyOn(axios, 'get').mockResolvedValue(ratesResponse);
  await fetchRates();
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          data: member('http', '`axios.get` from `axios`', '`vi.spyOn`', 'so this call no longer sends a request'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('http', '`axios.get` from `axios`', '`vi.spyOn`', 'so this call no longer sends a request'),
              output: `import { it } from 'vitest';
import { fetchRates } from '../../src/rates';

it('reads rates', async () => {
  await fetchRates();
});
`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('no-boundary-mock: the Mocha test context', rule, {
  valid: [
    {
      name: 'a sandbox on the context that only spies',
      filename: FILE_JS,
      code: `const sinon = require('sinon');
const { Pool } = require('pg');
describe('orders', function () {
  beforeEach(function () {
    this.sinon = sinon.createSandbox();
    this.pool = new Pool();
  });
  afterEach(function () { this.sinon.restore(); });
  it('queries', async function () {
    const query = this.sinon.spy(this.pool, 'query');
    await this.pool.query('SELECT 1');
    query.should.have.been.calledOnce;
  });
});
`,
    },
    {
      name: 'a context property nothing in the file assigns is not traced',
      filename: FILE_JS,
      code: `const sinon = require('sinon');
describe('orders', function () {
  beforeEach(function () { this.sinon = sinon.createSandbox(); });
  it('commits', async function () {
    this.sinon.stub(this.db, 'commit').rejects(new Error('down'));
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'a sandbox on the context stubs a client put on the context by a hook',
      filename: FILE_JS,
      code: `const sinon = require('sinon');
const { Pool } = require('pg');
describe('orders', function () {
  beforeEach(function () {
    this.sinon = sinon.createSandbox();
    this.pool = new Pool();
  });
  it('fails to commit', async function () {
    this.sinon.stub(this.pool, 'query').rejects(new Error('down'));
  });
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: dbMember('`this.pool.query` from `pg`', '`sinon.stub`'),
          line: 9,
          suggestions: [
            {
              messageId: 'removeMock',
              data: dbMember('`this.pool.query` from `pg`', '`sinon.stub`'),
              output: `const sinon = require('sinon');
const { Pool } = require('pg');
describe('orders', function () {
  beforeEach(function () {
    this.sinon = sinon.createSandbox();
    this.pool = new Pool();
  });
  it('fails to commit', async function () {
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

ts.run('no-boundary-mock: a row is not the client', rule, {
  valid: [],
  invalid: [
    {
      name: 'a stub of a declared repository that hands back a row it saved still replaces the repository',
      filename: 'tests/integration/order-history.test.ts',
      settings: { 'integration-tests': { boundaries: { database: ['src/repositories/**'] } } },
      code: `import { type Order, OrderRepository } from '../../src/repositories/order-repository';
import { createPool } from '../../src/db/pool';

const orders = new OrderRepository(createPool());
let order: Order;
beforeAll(async () => { order = await orders.save({ reference: 'R-1' }); });
it('answers from the repository', async () => {
  jest.spyOn(orders, 'findByReference').mockResolvedValue(order);
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: dbMember('`orders.findByReference` from `../../src/repositories/order-repository`', '`jest.spyOn`'),
          line: 8,
          suggestions: [
            {
              messageId: 'removeMock',
              data: dbMember('`orders.findByReference` from `../../src/repositories/order-repository`', '`jest.spyOn`'),
              output: `import { type Order, OrderRepository } from '../../src/repositories/order-repository';
import { createPool } from '../../src/db/pool';

const orders = new OrderRepository(createPool());
let order: Order;
beforeAll(async () => { order = await orders.save({ reference: 'R-1' }); });
it('answers from the repository', async () => {
});
`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('no-boundary-mock: a package mock that keeps the rest of the real package (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'only the type parsers of the driver are replaced',
      filename: FILE_JS,
      code: `jest.mock('pg', () => ({ ...jest.requireActual('pg'), types: { setTypeParser: jest.fn(), getTypeParser: jest.fn() } }));
const { listOrders } = require('../../src/orders');

it('lists orders', async () => {
  expect(await listOrders()).toEqual([]);
});
`,
    },
  ],
  invalid: [
    {
      name: 'the client class of the cache is replaced',
      filename: FILE_JS,
      code: `jest.mock('ioredis', () => ({ ...jest.requireActual('ioredis'), Redis: jest.fn() }));
const { cacheOrder } = require('../../src/orders');

it('caches an order', async () => {
  expect(await cacheOrder({ id: 'o1' })).toBe(true);
});
`,
      errors: [
        {
          messageId: 'mockedBoundary',
          line: 1,
          data: member('cache', '`Redis` from `ioredis`', '`jest.mock`', 'so its calls no longer reach the cache service'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('cache', '`Redis` from `ioredis`', '`jest.mock`', 'so its calls no longer reach the cache service'),
              output: `const { cacheOrder } = require('../../src/orders');

it('caches an order', async () => {
  expect(await cacheOrder({ id: 'o1' })).toBe(true);
});
`,
            },
          ],
        },
      ],
    },
  ],
});
