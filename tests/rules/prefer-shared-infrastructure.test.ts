import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/prefer-shared-infrastructure';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const TS_FILE = 'tests/integration/user-repository.test.ts';
const JS_FILE = 'tests/integration/user-repository.test.js';
const settings = { 'integration-tests': { boundaries: { database: ['src/db/**', 'src/repositories/**'], http: ['src/adapters/payments/**'] } } };

ts.run('prefer-shared-infrastructure (TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: the pool is shared, each test checks out a connection in a transaction',
      filename: TS_FILE,
      code: `
import { Pool, type PoolClient } from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, it } from 'vitest';

let pool: Pool;
let client: PoolClient;
beforeAll(() => {
  pool = new Pool();
});
beforeEach(async () => {
  client = await pool.connect();
  await client.query('BEGIN');
});
afterEach(async () => {
  await client.query('ROLLBACK');
  client.release();
});
afterAll(() => pool.end());

it('inserts', async () => {
  await client.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
});`,
    },
    {
      name: 'Jest: a container started once, its data reset per test',
      filename: TS_FILE,
      code: `
import { RedisContainer, type StartedRedisContainer } from '@testcontainers/redis';
import Redis from 'ioredis';

let container: StartedRedisContainer;
let redis: Redis;
beforeAll(async () => {
  container = await new RedisContainer('redis:7').start();
  redis = new Redis(container.getConnectionUrl());
});
beforeEach(() => redis.flushall());
afterAll(async () => {
  redis.disconnect();
  await container.stop();
});

test('caches', async () => {
  await redis.set('a', '1');
});`,
    },
    {
      name: 'a lazily created pool is built once, whatever the hook',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';

let pool: Pool | undefined;
beforeEach(() => {
  pool ??= new Pool();
});
beforeEach(() => {
  if (!pool) pool = new Pool();
});
test('reads', async () => {
  await pool?.query('SELECT 1');
});`,
    },
    {
      name: 'objects built per test from shared infrastructure are per-test state',
      filename: TS_FILE,
      settings,
      code: `
import { beforeAll, beforeEach, it } from 'vitest';
import { createPool } from '../../src/db/pool';
import { UserRepository } from '../../src/repositories/user-repository';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

const pool = createPool();
let repository: UserRepository;
let payments: PaymentClient;
beforeAll(async () => {
  await pool.query('SELECT 1');
});
beforeEach(() => {
  repository = new UserRepository(pool);
  payments = new PaymentClient('http://localhost:4010');
});
it('saves', async () => {
  await repository.save({ email: 'ada@example.com', name: 'Ada' });
});`,
    },
    {
      name: 'infrastructure built by a helper the file does not trace',
      filename: TS_FILE,
      code: `
import { it } from 'vitest';
import { createTestDatabase } from '../helpers/database';

it('migrates', async () => {
  const db = await createTestDatabase();
  await db.migrate();
});`,
    },
    {
      name: 'a mocked driver builds nothing real',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';

jest.mock('pg');

let pool: Pool;
beforeEach(() => {
  pool = new Pool();
});
test('reads', () => {});`,
    },
    {
      name: 'a fresh in-memory database per test is the isolation itself',
      filename: TS_FILE,
      code: `
import knex, { type Knex } from 'knex';
import { afterEach, beforeEach, it } from 'node:test';

let db: Knex;
beforeEach(async () => {
  db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await db.migrate.latest();
});
afterEach(() => db.destroy());
it('migrates', async () => {
  await db('users').insert({ email: 'ada@example.com' });
});`,
    },
    {
      name: 'a server of the app itself is not a boundary',
      filename: TS_FILE,
      code: `
import express from 'express';
import type { Server } from 'node:http';

let server: Server;
beforeEach(() => {
  server = express().listen(0);
});
afterEach(() => server.close());
test('starts', () => {});`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: a beforeEach that mixes the pool with per-test resets',
      filename: TS_FILE,
      settings,
      code: `
import { Pool } from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';

describe('UserRepository', () => {
  let pool: Pool;
  let repository: UserRepository;

  beforeEach(async () => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
    await pool.query('TRUNCATE users');
    repository = new UserRepository(pool);
  });

  afterEach(async () => {
    await pool.end();
  });

  it('finds a saved user by email', async () => {
    await repository.save({ email: 'ada@example.com', name: 'Ada' });
    expect(await repository.findByEmail('ada@example.com')).toBeDefined();
  });
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 11,
          column: 12,
          data: { call: 'new Pool()', hook: 'beforeEach', shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'beforeAll', teardown: 'afterAll' },
              output: `
import { Pool } from 'pg';
import { afterEach, beforeEach, describe, expect, it, beforeAll, afterAll } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';

describe('UserRepository', () => {
  let pool: Pool;
  let repository: UserRepository;

  beforeAll(() => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
  });

  beforeEach(async () => {
    await pool.query('TRUNCATE users');
    repository = new UserRepository(pool);
  });

  afterAll(async () => {
    await pool.end();
  });

  it('finds a saved user by email', async () => {
    await repository.save({ email: 'ada@example.com', name: 'Ada' });
    expect(await repository.findByEmail('ada@example.com')).toBeDefined();
  });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a const in the hook becomes a suite-level let, joined to the existing beforeAll',
      filename: TS_FILE,
      settings,
      code: `
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { Pool } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { OrderRepository } from '../../src/repositories/order-repository';

describe('OrderRepository', () => {
  let container: StartedPostgreSqlContainer;
  let repository: OrderRepository;

  beforeAll(async () => {
    container = await new PostgreSqlContainer('postgres:16').start();
  });

  beforeEach(async () => {
    // One pool per test, against the shared container.
    const pool = new Pool({ connectionString: container.getConnectionUri() });
    await pool.query('TRUNCATE orders');
    repository = new OrderRepository(pool);
  });

  afterAll(async () => {
    await container.stop();
  });

  it('saves an order', async () => {
    await repository.save({ total: 100 });
  });
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 17,
          suggestions: [
            {
              messageId: 'moveToSharedHook',
              data: { shared: 'beforeAll' },
              output: `
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { Pool } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { OrderRepository } from '../../src/repositories/order-repository';

describe('OrderRepository', () => {
  let container: StartedPostgreSqlContainer;
  let repository: OrderRepository;
  let pool: Pool;

  beforeAll(async () => {
    container = await new PostgreSqlContainer('postgres:16').start();
    // One pool per test, against the shared container.
    pool = new Pool({ connectionString: container.getConnectionUri() });
  });

  beforeEach(async () => {
    await pool.query('TRUNCATE orders');
    repository = new OrderRepository(pool);
  });

  afterAll(async () => {
    await container.stop();
  });

  it('saves an order', async () => {
    await repository.save({ total: 100 });
  });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Jest: a container per test, teardown prepended to the existing afterAll',
      filename: TS_FILE,
      code: `
import { GenericContainer, type StartedTestContainer } from 'testcontainers';
import Redis from 'ioredis';

describe('session store', () => {
  let container: StartedTestContainer;
  const clients: Redis[] = [];

  beforeEach(async () => {
    container = await new GenericContainer('redis:7').withExposedPorts(6379).start();
  });

  afterEach(async () => {
    await container.stop();
  });

  afterAll(() => {
    clients.forEach((client) => client.disconnect());
  });

  test('stores a session', async () => {
    const redis = new Redis(container.getMappedPort(6379));
    clients.push(redis);
    await redis.set('session:1', 'ada');
  });
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 10,
          data: { call: 'new GenericContainer().withExposedPorts().start()', hook: 'beforeEach', shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'beforeAll', teardown: 'afterAll' },
              output: `
import { GenericContainer, type StartedTestContainer } from 'testcontainers';
import Redis from 'ioredis';

describe('session store', () => {
  let container: StartedTestContainer;
  const clients: Redis[] = [];

  beforeAll(async () => {
    container = await new GenericContainer('redis:7').withExposedPorts(6379).start();
  });

  afterAll(async () => {
    await container.stop();
    clients.forEach((client) => client.disconnect());
  });

  test('stores a session', async () => {
    const redis = new Redis(container.getMappedPort(6379));
    clients.push(redis);
    await redis.set('session:1', 'ada');
  });
});`,
            },
          ],
        },
        {
          messageId: 'perTestBody',
          line: 22,
          data: { call: 'new Redis()', shared: 'beforeAll' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'Vitest: msw hooks with expression bodies are renamed',
      filename: TS_FILE,
      settings,
      code: `
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

const server = setupServer(http.post('https://api.payments.example/v1/charges', () => HttpResponse.json({ id: 'ch_1' })));

beforeEach(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterEach(() => server.close());

it('charges a card', async () => {
  expect(await new PaymentClient().charge(100, 'tok_visa')).toEqual({ id: 'ch_1' });
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 9,
          data: { call: 'server.listen()', hook: 'beforeEach', shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'beforeAll', teardown: 'afterAll' },
              output: `
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterEach, beforeEach, expect, it, beforeAll, afterAll } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

const server = setupServer(http.post('https://api.payments.example/v1/charges', () => HttpResponse.json({ id: 'ch_1' })));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it('charges a card', async () => {
  expect(await new PaymentClient().charge(100, 'tok_visa')).toEqual({ id: 'ch_1' });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a pool built inside a test moves to the suite, its end() to afterAll',
      filename: TS_FILE,
      settings,
      code: `
import { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';

describe('UserRepository', () => {
  it('finds a saved user by email', async () => {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL });
    const repository = new UserRepository(pool);
    await repository.save({ email: 'ada@example.com', name: 'Ada' });
    expect(await repository.findByEmail('ada@example.com')).toBeDefined();
    await pool.end();
  });
});`,
      errors: [
        {
          messageId: 'perTestBody',
          line: 8,
          data: { call: 'new Pool()', shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'beforeAll', teardown: 'afterAll' },
              output: `
import { Pool } from 'pg';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';

describe('UserRepository', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
  });

  afterAll(async () => {
    await pool.end();
  });

  it('finds a saved user by email', async () => {
    const repository = new UserRepository(pool);
    await repository.save({ email: 'ada@example.com', name: 'Ada' });
    expect(await repository.findByEmail('ada@example.com')).toBeDefined();
  });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'reported without an edit: a container whose type is unknown, a pool built from a test value, a pool closed in a finally',
      filename: TS_FILE,
      code: `
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { Pool } from 'pg';
import { expect, it } from 'vitest';

it('starts a container', async () => {
  const container = await new PostgreSqlContainer('postgres:16').start();
  expect(container.getHost()).toBeDefined();
});

it.each(['app', 'audit'])('connects to %s', async (database) => {
  const pool = new Pool({ database });
  await pool.query('SELECT 1');
});

it('reads', async () => {
  const pool = new Pool();
  try {
    await pool.query('SELECT 1');
  } finally {
    await pool.end();
  }
});`,
      errors: [
        { messageId: 'perTestBody', line: 7, data: { call: 'new PostgreSqlContainer().start()', shared: 'beforeAll' }, suggestions: [] },
        { messageId: 'perTestBody', line: 12, data: { call: 'new Pool()', shared: 'beforeAll' }, suggestions: [] },
        { messageId: 'perTestBody', line: 17, suggestions: [] },
      ],
    },
    {
      name: 'a repository closed after each test may close the pool with it: reported, not moved',
      filename: TS_FILE,
      settings,
      code: `
import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

let repository: UserRepository;
beforeEach(() => {
  const pool = new Pool();
  repository = new UserRepository(pool);
});
afterEach(() => repository.close());
test('saves', async () => {
  await repository.save({ email: 'ada@example.com', name: 'Ada' });
});`,
      errors: [{ messageId: 'perTestHook', line: 7, data: { call: 'new Pool()', hook: 'beforeEach', shared: 'beforeAll' }, suggestions: [] }],
    },
    {
      name: 'a pool built with each transaction: the pool moves, the checkout and rollback stay',
      filename: TS_FILE,
      code: `
import { Pool, type PoolClient } from 'pg';
import { afterEach, beforeEach, it } from 'vitest';

let pool: Pool;
let client: PoolClient;
beforeEach(async () => {
  pool = new Pool();
  client = await pool.connect();
  await client.query('BEGIN');
});
afterEach(async () => {
  await client.query('ROLLBACK');
  client.release();
  await pool.end();
});

it('inserts', async () => {
  await client.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 8,
          data: { call: 'new Pool()', hook: 'beforeEach', shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'beforeAll', teardown: 'afterAll' },
              output: `
import { Pool, type PoolClient } from 'pg';
import { afterEach, beforeEach, it, beforeAll, afterAll } from 'vitest';

let pool: Pool;
let client: PoolClient;
beforeAll(() => {
  pool = new Pool();
});

beforeEach(async () => {
  client = await pool.connect();
  await client.query('BEGIN');
});
afterEach(async () => {
  await client.query('ROLLBACK');
  client.release();
});

afterAll(async () => {
  await pool.end();
});

it('inserts', async () => {
  await client.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a hook that uses the Mocha context: reported, not moved',
      filename: TS_FILE,
      code: `
import Redis from 'ioredis';

describe('sessions', function () {
  beforeEach(function () {
    this.redis = new Redis();
  });
  it('stores', async function () {
    await this.redis.set('a', '1');
  });
});`,
      errors: [{ messageId: 'perTestHook', line: 6, data: { call: 'new Redis()', hook: 'beforeEach', shared: 'beforeAll' }, suggestions: [] }],
    },
    {
      name: 'autofix: two tests each with their own pool are moved one --fix pass at a time',
      filename: TS_FILE,
      options: [{ autofix: true }],
      code: `
import { Pool } from 'pg';

describe('users', () => {
  it('reads', async () => {
    const pool = new Pool();
    await pool.query('SELECT 1');
  });

  it('reads again', async () => {
    const pool = new Pool();
    await pool.query('SELECT 2');
  });
});`,
      output: `
import { Pool } from 'pg';

describe('users', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = new Pool();
  });

  it('reads', async () => {
    await pool.query('SELECT 1');
  });

  it('reads again', async () => {
    const pool = new Pool();
    await pool.query('SELECT 2');
  });
});`,
      errors: [
        { messageId: 'perTestBody', line: 6, suggestions: [] },
        { messageId: 'perTestBody', line: 11, suggestions: [] },
      ],
    },
    {
      name: 'autofix: the move is applied by --fix',
      filename: TS_FILE,
      options: [{ autofix: true }],
      code: `
import { PrismaClient } from '@prisma/client';

let prisma: PrismaClient;
beforeEach(async () => {
  prisma = new PrismaClient();
  await prisma.user.deleteMany();
});
afterEach(async () => {
  await prisma.$disconnect();
});

test('creates a user', async () => {
  await prisma.user.create({ data: { email: 'ada@example.com' } });
});`,
      output: `
import { PrismaClient } from '@prisma/client';

let prisma: PrismaClient;
beforeAll(() => {
  prisma = new PrismaClient();
});

beforeEach(async () => {
  await prisma.user.deleteMany();
});
afterAll(async () => {
  await prisma.$disconnect();
});

test('creates a user', async () => {
  await prisma.user.create({ data: { email: 'ada@example.com' } });
});`,
      errors: [{ messageId: 'perTestHook', line: 6, data: { call: 'new PrismaClient()', hook: 'beforeEach', shared: 'beforeAll' }, suggestions: [] }],
    },
  ],
});

js.run('prefer-shared-infrastructure (JavaScript, ESM)', rule, {
  valid: [
    {
      name: 'node:test: the data source is initialised once',
      filename: JS_FILE,
      code: `
import { after, before, beforeEach, describe, it } from 'node:test';
import { DataSource } from 'typeorm';

const dataSource = new DataSource({ type: 'postgres' });
describe('users', () => {
  before(() => dataSource.initialize());
  beforeEach(() => dataSource.synchronize(true));
  after(() => dataSource.destroy());
  it('saves', async () => {});
});`,
    },
  ],
  invalid: [
    {
      name: 'node:test: the data source initialised before each test',
      filename: JS_FILE,
      code: `
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DataSource } from 'typeorm';

const dataSource = new DataSource({ type: 'postgres' });
describe('users', () => {
  beforeEach(async () => {
    await dataSource.initialize();
    await dataSource.synchronize(true);
  });
  afterEach(async () => {
    await dataSource.destroy();
  });
  it('saves', async () => {});
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 8,
          data: { call: 'dataSource.initialize()', hook: 'beforeEach', shared: 'before' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'before', teardown: 'after' },
              output: `
import { afterEach, beforeEach, describe, it, before, after } from 'node:test';
import { DataSource } from 'typeorm';

const dataSource = new DataSource({ type: 'postgres' });
describe('users', () => {
  before(async () => {
    await dataSource.initialize();
  });

  beforeEach(async () => {
    await dataSource.synchronize(true);
  });
  after(async () => {
    await dataSource.destroy();
  });
  it('saves', async () => {});
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Mocha TDD: setup and teardown become suiteSetup and suiteTeardown',
      filename: JS_FILE,
      code: `
import amqp from 'amqplib';

suite('order events', () => {
  let connection;
  setup(async () => {
    connection = await amqp.connect('amqp://localhost');
  });
  teardown(async () => {
    await connection.close();
  });
  test('publishes', async () => {
    const channel = await connection.createChannel();
    channel.publish('orders', 'order.placed', Buffer.from('{}'));
  });
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 7,
          data: { call: 'amqp.connect()', hook: 'setup', shared: 'suiteSetup' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'suiteSetup', teardown: 'suiteTeardown' },
              output: `
import amqp from 'amqplib';

suite('order events', () => {
  let connection;
  suiteSetup(async () => {
    connection = await amqp.connect('amqp://localhost');
  });
  suiteTeardown(async () => {
    await connection.close();
  });
  test('publishes', async () => {
    const channel = await connection.createChannel();
    channel.publish('orders', 'order.placed', Buffer.from('{}'));
  });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:test default import: the client and its connect() move together',
      filename: JS_FILE,
      code: `
import test from 'node:test';
import { createClient } from 'redis';

let client;
test.beforeEach(async () => {
  client = createClient();
  await client.connect();
  await client.flushDb();
});
test.afterEach(() => client.quit());

test('caches', async () => {
  await client.set('a', '1');
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 7,
          data: { call: 'createClient()', hook: 'test.beforeEach', shared: 'before' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'test.before', teardown: 'test.after' },
              output: `
import test from 'node:test';
import { createClient } from 'redis';

let client;
test.before(async () => {
  client = createClient();
  await client.connect();
});

test.beforeEach(async () => {
  await client.flushDb();
});
test.after(() => client.quit());

test('caches', async () => {
  await client.set('a', '1');
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a done callback in the teardown: reported, not moved',
      filename: JS_FILE,
      code: `
import { createClient } from 'redis';

let client;
beforeEach(async () => {
  client = createClient();
  await client.connect();
});
afterEach((done) => {
  client.quit().then(() => done());
});
it('caches', async () => {
  await client.set('a', '1');
});`,
      errors: [{ messageId: 'perTestHook', line: 6, data: { call: 'createClient()', hook: 'beforeEach', shared: 'beforeAll' }, suggestions: [] }],
    },
  ],
});

cjs.run('prefer-shared-infrastructure (JavaScript, CommonJS)', rule, {
  valid: [
    {
      name: 'Mocha + chai: connected once, emptied per test',
      filename: JS_FILE,
      code: `
const { expect } = require('chai');
const mongoose = require('mongoose');

describe('User model', function () {
  before(() => mongoose.connect(process.env.MONGO_URL));
  beforeEach(() => mongoose.connection.db.dropDatabase());
  after(() => mongoose.disconnect());
  it('saves', async function () {
    expect(mongoose.connection.readyState).to.equal(1);
  });
});`,
    },
  ],
  invalid: [
    {
      name: 'Mocha + chai: connecting before each test, with Mocha hook names',
      filename: JS_FILE,
      code: `
const { expect } = require('chai');
const mongoose = require('mongoose');
const { User } = require('../../src/models/user');

describe('User model', function () {
  beforeEach(async function () {
    await mongoose.connect(process.env.MONGO_URL);
    await User.deleteMany({});
  });

  afterEach(async function () {
    await mongoose.disconnect();
  });

  it('saves a user', async function () {
    await User.create({ email: 'ada@example.com' });
    expect(await User.countDocuments()).to.equal(1);
  });
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 8,
          data: { call: 'mongoose.connect()', hook: 'beforeEach', shared: 'before' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'before', teardown: 'after' },
              output: `
const { expect } = require('chai');
const mongoose = require('mongoose');
const { User } = require('../../src/models/user');

describe('User model', function () {
  before(async () => {
    await mongoose.connect(process.env.MONGO_URL);
  });

  beforeEach(async function () {
    await User.deleteMany({});
  });

  after(async () => {
    await mongoose.disconnect();
  });

  it('saves a user', async function () {
    await User.create({ email: 'ada@example.com' });
    expect(await User.countDocuments()).to.equal(1);
  });
});`,
            },
          ],
        },
      ],
    },
  ],
});
