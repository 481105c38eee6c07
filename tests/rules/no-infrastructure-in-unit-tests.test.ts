import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import * as espree from 'espree';
import noInfrastructureInUnitTests from '../../src/rules/no-infrastructure-in-unit-tests';

const settings = {
  'integration-tests': {
    boundaries: {
      database: ['src/repositories/**', 'src/db/**'],
      http: ['src/adapters/payments/**'],
    },
  },
};

const ts = new RuleTester({ languageOptions: { parser: tsParser }, settings });
const esm = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' }, settings });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' }, settings });

type MessageId = ESLintUtils.InferMessageIdsTypeFromRule<typeof noInfrastructureInUnitTests>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof noInfrastructureInUnitTests>;
// The rule tester may bring its own copy of @typescript-eslint/utils; the rule is the same either way.
const rule = noInfrastructureInUnitTests as unknown as Parameters<typeof ts.run<MessageId, Options>>[1];

const ORDERS_TS = 'tests/unit/order-service.test.ts';
const ORDERS_JS = 'tests/unit/order-service.test.js';

const client = (module: string, kind: string) => ({ messageId: 'client' as const, data: { module, kind } });

ts.run('no-infrastructure-in-unit-tests (TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: pg is mocked, so the pool is a double',
      filename: ORDERS_TS,
      code: `import { vi, it, expect } from 'vitest';
import { Pool } from 'pg';
import { OrderService } from '../../src/order-service';

vi.mock('pg');

it('totals an order', async () => {
  const pool = new Pool();
  vi.mocked(pool.query).mockResolvedValue({ rows: [{ total: 42 }] } as never);
  expect(await new OrderService(pool).total('o1')).toBe(42);
});
`,
    },
    {
      name: 'Jest: ioredis is mocked; follow-up calls on the client are not judged on their own',
      filename: ORDERS_TS,
      code: `import Redis from 'ioredis';
import { RateLimiter } from '../../src/rate-limiter';

jest.mock('ioredis');

test('allows the first request', async () => {
  const redis = new Redis();
  await redis.connect();
  expect(await new RateLimiter(redis).allow('u1')).toBe(true);
});
`,
    },
    {
      name: 'a user adapter whose module is mocked: constructing it is fine',
      filename: ORDERS_TS,
      code: `import { vi, it, expect } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';
import { CheckoutService } from '../../src/checkout-service';

vi.mock('../../src/adapters/payments/payment-client');

it('marks the order paid when the charge succeeds', async () => {
  const payments = new PaymentClient();
  vi.mocked(payments.charge).mockResolvedValue({ id: 'ch_1', status: 'succeeded' });
  expect(await new CheckoutService(payments).pay('o1')).toBe('paid');
});
`,
    },
    {
      name: 'a user adapter whose module is mocked, written with an extension',
      filename: ORDERS_TS,
      code: `import { createPool } from '../../src/db/pool.js';
jest.mock('../../src/db/pool');
test('uses the pool', () => {
  const pool = createPool();
  expect(pool).toBeDefined();
});
`,
    },
    {
      name: 'an HTTP adapter whose client library is mocked talks to the double',
      filename: ORDERS_TS,
      code: `import axios from 'axios';
import { PaymentClient } from '../../src/adapters/payments/payment-client';
jest.mock('axios');
test('maps a declined charge', async () => {
  jest.mocked(axios.create).mockReturnValue({ post: jest.fn().mockResolvedValue({ data: { status: 'failed' } }) } as never);
  expect((await new PaymentClient().charge(500, 'tok')).status).toBe('failed');
});
`,
    },
    {
      name: 'a spy with an implementation on the client prototype',
      filename: ORDERS_TS,
      code: `import { Pool } from 'pg';
beforeEach(() => {
  jest.spyOn(Pool.prototype, 'query').mockResolvedValue({ rows: [] } as never);
});
test('reads nothing', async () => {
  const pool = new Pool();
  expect((await pool.query('SELECT 1')).rows).toEqual([]);
});
`,
    },
    {
      name: 'an AWS SDK client opens nothing when built: its requests are sent one by one, and here they are stubbed',
      filename: ORDERS_TS,
      code: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { OrderTable } from '../../src/orders/table';

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
const orders = new OrderTable(documentClient);

describe('OrderTable.keyFor', () => {
  it('builds the key without sending anything', () => {
    const send = vi.spyOn(documentClient, 'send');
    expect(orders.keyFor('o-1')).toEqual({ pk: 'ORDER#o-1' });
    expect(send).not.toHaveBeenCalled();
  });
});
`,
    },
    {
      name: 'an object store and a mail service spoken to over HTTP, built for a unit under test (Mocha, CommonJS)',
      filename: ORDERS_JS,
      code: `const { S3Client } = require('@aws-sdk/client-s3');
const { SESClient } = require('@aws-sdk/client-ses');
const { expect } = require('chai');
const { invoicePath, receiptFor } = require('../../src/invoices');

describe('invoice helpers', () => {
  const s3 = new S3Client({ region: 'us-east-1' });
  const mail = new SESClient({});

  it('names the object', () => {
    expect(invoicePath(s3, 'inv-1')).to.equal('invoices/inv-1.pdf');
  });

  it('writes the receipt', () => {
    expect(receiptFor(mail, 'inv-1').subject).to.equal('Your invoice inv-1');
  });
});
`,
    },
    {
      name: 'aws-sdk-client-mock stands in for every SDK client',
      filename: ORDERS_TS,
      code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { uploadInvoice } from '../../src/invoices';

const s3 = mockClient(S3Client);

test('uploads the invoice', async () => {
  s3.on(PutObjectCommand).resolves({});
  await uploadInvoice(new S3Client({}), 'inv-1');
});
`,
    },
    {
      name: 'type-only imports of clients and containers',
      filename: ORDERS_TS,
      code: `import type { Pool } from 'pg';
import { type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import type { PrismaClient } from '@prisma/client';
import { mockDeep } from 'vitest-mock-extended';
import { it } from 'vitest';

declare const container: StartedPostgreSqlContainer;
it('totals', () => {
  const prisma = mockDeep<PrismaClient>();
  const pool = {} as Pool;
  expect(prisma && pool && container).toBeTruthy();
});
`,
    },
    {
      name: "the project's own classes named like clients",
      filename: ORDERS_TS,
      code: `import { Client } from '../../src/domain/client';
import { ConnectionPool } from './fakes';

class FakeClient { connect() {} }

test('builds', () => {
  new Client('Ada');
  new ConnectionPool();
  new FakeClient().connect();
});
`,
    },
    {
      name: 'an in-memory double built by pg-mem',
      filename: ORDERS_TS,
      code: `import { newDb } from 'pg-mem';
test('queries', async () => {
  const { Pool } = newDb().adapters.createPg();
  const pool = new Pool();
  await pool.connect();
});
`,
    },
    {
      name: 'a connection or client made without an address opens nothing until it is opened',
      filename: ORDERS_JS,
      code: `const mongoose = require('mongoose');
const { createClient } = require('redis');
const { serialize } = require('../../src/models/serialize');

describe('serialize', () => {
  let connection;
  beforeEach(() => {
    connection = mongoose.createConnection();
  });
  it('hides the version key', () => {
    const Order = connection.model('Order', new mongoose.Schema({ total: Number }));
    expect(serialize(new Order({ total: 3 }))).not.toHaveProperty('__v');
  });
  it('builds a cache client without connecting it', () => {
    const cache = createClient();
    expect(cache.isOpen).toBe(false);
  });
});
`,
    },
    {
      name: 'metadata lookups, query builders without a driver, and a connection the ORM already holds',
      filename: ORDERS_TS,
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { getTableConfig, pgTable, serial } from 'drizzle-orm/pg-core';
import { getConnection } from 'typeorm';
test('describes the orders table', () => {
  const orders = pgTable('orders', { id: serial('id').primaryKey() });
  expect(getTableConfig(orders).name).toBe('orders');
  expect(drizzle.mock().select().from(orders).toSQL().sql).toContain('orders');
  expect(getConnection().isInitialized).toBe(false);
});
`,
    },
    {
      name: 'calls on boundary modules that build nothing',
      filename: ORDERS_TS,
      code: `import axios from 'axios';
import pg from 'pg';
import { sql } from 'drizzle-orm';
test('configures', () => {
  axios.create({ baseURL: 'http://localhost' });
  pg.types.setTypeParser(20, Number);
  sql\`select 1\`;
});
`,
    },
    {
      name: 'an HTTP fake server is not infrastructure',
      filename: ORDERS_TS,
      code: `import { setupServer } from 'msw/node';
const server = setupServer();
beforeAll(() => server.listen());
`,
    },
    {
      name: 'modules allowed by the allow option',
      filename: ORDERS_TS,
      options: [{ allow: ['sequelize', '@testcontainers/*'] }],
      code: `import { Sequelize } from 'sequelize';
import { PostgreSqlContainer } from '@testcontainers/postgresql';
test('runs in memory', async () => {
  const sequelize = new Sequelize('sqlite::memory:');
  await sequelize.authenticate();
});
`,
    },
    {
      name: 'settings ignore a module',
      filename: ORDERS_TS,
      settings: { 'integration-tests': { ignore: ['ioredis'] } },
      code: `import Redis from 'ioredis';
test('x', () => { new Redis(); });
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: an AWS SDK client pointed at a local DynamoDB, which the test then reads through',
      filename: ORDERS_TS,
      code: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { expect, it } from 'vitest';
import { OrderTable } from '../../src/orders/table';

const client = new DynamoDBClient({ region: 'local', endpoint: 'http://localhost:8000' });

it('reads an order back', async () => {
  const orders = new OrderTable(client);
  await orders.put({ id: 'o-1', total: 5 });
  expect(await orders.get('o-1')).toEqual({ id: 'o-1', total: 5 });
});
`,
      errors: [{ ...client('@aws-sdk/client-dynamodb', 'database'), line: 5, column: 16, endLine: 5, endColumn: 90 }],
    },
    {
      name: 'Vitest: a container started in a unit test, and a pool connected to it',
      filename: ORDERS_TS,
      code: `import { beforeAll, it, expect } from 'vitest';
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { Pool } from 'pg';
import { OrderService } from '../../src/order-service';

let pool: Pool;
beforeAll(async () => {
  const container = await new PostgreSqlContainer('postgres:16').start();
  pool = new Pool({ connectionString: container.getConnectionUri() });
});

it('totals an order', async () => {
  expect(await new OrderService(pool).total('o1')).toBe(0);
});
`,
      errors: [
        { messageId: 'container', data: { module: '@testcontainers/postgresql', system: 'a real database' }, line: 2, column: 1, endLine: 2, endColumn: 66 },
        { ...client('pg', 'database'), line: 9, column: 10, endLine: 9, endColumn: 70 },
      ],
    },
    {
      name: 'Jest: clients of every kind, built from their modules',
      filename: ORDERS_TS,
      code: `import pg, { Pool, Client } from 'pg';
import knex from 'knex';
import mongoose from 'mongoose';
import Redis from 'ioredis';
import { createClient } from 'redis';
import amqp from 'amqplib';
import { Kafka } from 'kafkajs';
import { PrismaClient } from '@prisma/client';

test('reaches everything', async () => {
  new Pool();
  const db = new pg.Client();
  await db.connect();
  knex({ client: 'pg' });
  await mongoose.connect('mongodb://localhost/test');
  new Redis();
  await createClient().connect();
  await amqp.connect('amqp://localhost');
  new Kafka({ brokers: ['localhost:9092'] });
  const prisma = new PrismaClient();
  await prisma.$connect();
  new Client();
});
`,
      errors: [
        { ...client('pg', 'database'), line: 11 },
        { ...client('pg', 'database'), line: 12 },
        { ...client('knex', 'database'), line: 14 },
        { ...client('mongoose', 'database'), line: 15 },
        { ...client('ioredis', 'cache'), line: 16 },
        { ...client('redis', 'cache'), line: 17 },
        { ...client('amqplib', 'queue'), line: 18 },
        { ...client('kafkajs', 'queue'), line: 19 },
        { ...client('@prisma/client', 'database'), line: 20 },
        { ...client('pg', 'database'), line: 22 },
      ],
    },
    {
      name: 'a client taken from its module through an alias',
      filename: ORDERS_TS,
      code: `import pg from 'pg';
const { Pool } = pg;
test('x', () => {
  new Pool();
});
`,
      errors: [{ ...client('pg', 'database'), line: 4 }],
    },
    {
      name: 'mocking one module does not cover another',
      filename: ORDERS_TS,
      code: `import { Pool } from 'pg';
import Redis from 'ioredis';
vi.mock('ioredis');
vi.spyOn(Pool.prototype, 'query');
test('x', () => {
  new Redis();
  new Pool();
});
`,
      errors: [{ ...client('pg', 'database'), line: 7 }],
    },
    {
      name: 'user adapters: a database pool factory, and an HTTP client whose library is not the mocked one',
      filename: ORDERS_TS,
      code: `import { createPool } from '../../src/db/pool';
import { PaymentClient } from '../../src/adapters/payments/payment-client';
jest.mock('pg');
test('x', () => {
  createPool();
  new PaymentClient();
});
`,
      errors: [
        { ...client('../../src/adapters/payments/payment-client', 'http'), line: 6 },
      ],
    },
    {
      name: 'a user pool factory in a file that mocks nothing',
      filename: ORDERS_TS,
      code: `import { createPool } from '../../src/db/pool';
import { UserRepository } from '../../src/repositories/user-repository';
test('saves', async () => {
  const users = new UserRepository(createPool());
  await users.save({ email: 'a@b.c', name: 'A' });
});
`,
      errors: [{ ...client('../../src/db/pool', 'database'), line: 4, column: 36 }],
    },
    {
      name: 'other throwaway servers of the catalog',
      filename: ORDERS_TS,
      code: `import { MongoMemoryServer } from 'mongodb-memory-server';
test('x', async () => {
  await MongoMemoryServer.create();
});
`,
      errors: [{ messageId: 'container', data: { module: 'mongodb-memory-server', system: 'a real database' }, line: 1 }],
    },
    {
      name: 'a container module loaded with `import … = require()` in TypeScript',
      filename: ORDERS_TS,
      code: `import containers = require('@testcontainers/redis');
test('caches a quote', async () => {
  const redis = await new containers.RedisContainer('redis:7').start();
  expect(redis.getPort()).toBeGreaterThan(0);
});
`,
      errors: [{ messageId: 'container', data: { module: '@testcontainers/redis', system: 'a real cache' }, line: 1, column: 1 }],
    },
  ],
});

esm.run('no-infrastructure-in-unit-tests (JavaScript modules)', rule, {
  valid: [
    {
      name: 'node:test: mongodb mocked with mock.module',
      filename: 'tests/unit/report.test.mjs',
      code: `import { describe, it, mock } from 'node:test';
mock.module('mongodb', { namedExports: { MongoClient: class { static connect() {} } } });
const { MongoClient } = await import('mongodb');
describe('report', () => {
  it('reads', async () => {
    await MongoClient.connect('mongodb://localhost/test');
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'a connection made without an address and opened afterwards',
      filename: ORDERS_JS,
      code: `const mongoose = require('mongoose');
const { createClient } = require('redis');
describe('orders', () => {
  it('reads', async () => {
    const connection = mongoose.createConnection();
    await connection.openUri('mongodb://localhost/orders');
    const cache = createClient();
    await cache.connect();
  });
});
`,
      errors: [
        { ...client('mongoose', 'database'), line: 5, column: 24 },
        { ...client('redis', 'cache'), line: 7, column: 19 },
      ],
    },
    {
      name: 'node:test: a real MongoDB client',
      filename: 'tests/unit/report.test.mjs',
      code: `import { describe, it } from 'node:test';
import { MongoClient } from 'mongodb';
describe('report', () => {
  it('reads', async () => {
    const client = await MongoClient.connect('mongodb://localhost/test');
    await client.db().collection('orders').find().toArray();
  });
});
`,
      errors: [{ ...client('mongodb', 'database'), line: 5, column: 26 }],
    },
    {
      name: 'a container module loaded on demand',
      filename: 'tests/unit/report.test.mjs',
      code: `import { it } from 'vitest';
it('starts', async () => {
  const { GenericContainer } = await import('testcontainers');
  await new GenericContainer('redis:7').start();
});
`,
      errors: [{ messageId: 'container', data: { module: 'testcontainers', system: 'real services' }, line: 3, column: 38 }],
    },
  ],
});

cjs.run('no-infrastructure-in-unit-tests (CommonJS)', rule, {
  valid: [
    {
      name: 'Mocha + sinon: the repository is stubbed, nothing is connected',
      filename: ORDERS_JS,
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const { OrderService } = require('../../src/order-service');

describe('OrderService', function () {
  it('totals', async function () {
    const repository = { findLines: sinon.stub().resolves([{ price: 2 }, { price: 3 }]) };
    expect(await new OrderService(repository).total('o1')).to.equal(5);
  });
});
`,
    },
    {
      name: 'Mocha + sinon: the driver is stubbed before the pool is built',
      filename: ORDERS_JS,
      code: `const sinon = require('sinon');
const { Pool } = require('pg');
const { OrderService } = require('../../src/order-service');

describe('OrderService', function () {
  beforeEach(() => sinon.stub(Pool.prototype, 'query').resolves({ rows: [{ total: 5 }] }));
  afterEach(() => sinon.restore());
  it('totals', async function () {
    await new OrderService(new Pool()).total('o1');
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'Mocha: a broker connection and a generic container',
      filename: ORDERS_JS,
      code: `const amqp = require('amqplib');
const { GenericContainer } = require('testcontainers');

describe('OrderPublisher', function () {
  let connection;
  before(async function () {
    connection = await amqp.connect('amqp://localhost');
  });
  after(() => connection.close());
  it('publishes', async function () {});
});
`,
      errors: [
        { messageId: 'container', data: { module: 'testcontainers', system: 'real services' }, line: 2, column: 30 },
        { ...client('amqplib', 'queue'), line: 7, column: 24 },
      ],
    },
  ],
});
