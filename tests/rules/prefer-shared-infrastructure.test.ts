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
      name: 'Sequelize on SQLite with no file opens a fresh database in memory for each test',
      filename: TS_FILE,
      code: `
import { Sequelize } from 'sequelize';
import { beforeEach, expect, it } from 'vitest';
import { MigrationLog } from '../../src/migration-log';

let sequelize: Sequelize;
beforeEach(() => {
  sequelize = new Sequelize('app', 'user', 'secret', { dialect: 'sqlite', logging: false });
});
it('starts with no tables', async () => {
  expect(await sequelize.getQueryInterface().showAllTables()).toEqual([]);
});
it('records a migration', async () => {
  await new MigrationLog(sequelize).record('001-users');
  expect(await new MigrationLog(sequelize).executed()).toEqual(['001-users']);
});`,
    },
    {
      name: 'SQLite options kept in a constant, with no file, are in memory too',
      filename: JS_FILE,
      code: `
const { Sequelize } = require('sequelize');
const { defineModels } = require('../../src/models');

const inMemory = { dialect: 'sqlite', logging: false };
describe('model definitions', () => {
  let sequelize;
  beforeEach(() => {
    sequelize = new Sequelize(inMemory);
  });
  it('defines orders', () => {
    expect(defineModels(sequelize).Order).toBeDefined();
  });
  it('defines customers', () => {
    expect(defineModels(sequelize).Customer).toBeDefined();
  });
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
    {
      name: 'an msw server intercepts requests in the process and opens no port, so listening per test costs nothing',
      filename: TS_FILE,
      settings,
      code: `
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

const server = setupServer(http.post('https://api.payments.example/v1/charges', () => HttpResponse.json({ id: 'ch_1' })));

beforeEach(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.close());

it('charges a card', async () => {
  expect(await new PaymentClient().charge(100, 'tok_visa')).toEqual({ id: 'ch_1' });
});
it('refunds a charge', async () => {
  expect(await new PaymentClient().refund('ch_1')).toBeDefined();
});`,
    },
    {
      name: 'a query builder made without a driver, per test, to compare the SQL it writes',
      filename: TS_FILE,
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
import { expect, it, vi } from 'vitest';
import { invoices } from '../../src/schema';

it('reads from the primary', () => {
  const db = drizzle.mock();
  const select = vi.spyOn(db, 'select');
  expect(db.select().from(invoices).toSQL().sql).toContain('invoices');
  expect(select).toHaveBeenCalledOnce();
});
it('reads again from the primary', () => {
  const db = drizzle.mock();
  expect(db.select().from(invoices).toSQL().params).toEqual([]);
});`,
    },
    {
      name: 'a lookup of table metadata opens nothing, whatever its name says',
      filename: TS_FILE,
      code: `
import { getTableConfig, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { expect, test } from 'vitest';

test('names the unique index', () => {
  const cities = pgTable('cities', { id: serial('id').primaryKey(), name: text('name').unique() });
  expect(getTableConfig(cities).columns).toHaveLength(2);
});
test('names the primary key', () => {
  const towns = pgTable('towns', { id: serial('id').primaryKey() });
  expect(getTableConfig(towns).primaryKeys).toEqual([]);
});`,
    },
    {
      name: 'running migrations up, reading an "up" list, and statements on the connection the ORM already holds',
      filename: TS_FILE,
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, expect, test } from 'vitest';

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init({ dbName: 'shop_test' });
});
afterAll(() => orm.close(true));

test('applies the pending migrations', async () => {
  await orm.em.getConnection().execute('create schema if not exists tenant');
  await orm.migrator.up({ schema: 'tenant' });
  const diff = await orm.schema.getUpdateSchemaMigrationSQL();
  expect(diff.up.includes('create table')).toBe(false);
});
test('leaves the search path alone', async () => {
  await orm.migrator.up();
  const [row] = await orm.em.getConnection().execute('show search_path');
  expect(row).toBeDefined();
});`,
    },
    {
      name: 'one test in the suite: opening per test costs no more than opening once',
      filename: TS_FILE,
      code: `
import { Client } from 'pg';
import { expect, it } from 'vitest';

it('deduplicates the permissions table', async () => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query('SELECT count(*) FROM permissions');
  expect(rows[0]).toBeDefined();
});`,
    },
    {
      name: 'tests about building the client: expected to fail, its options asserted, or opened and closed by the test',
      filename: TS_FILE,
      code: `
import Redis from 'ioredis';
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { Pool } from 'pg';
import { QueueClient } from '../../src/queue/queue-client';

describe('connection handling', () => {
  test('rejects a key prefix on a cluster', async () => {
    const cluster = new Redis.Cluster([{ host: '127.0.0.1', port: 7000 }], { keyPrefix: 'jobs' });
    expect(() => new QueueClient({ connection: cluster })).toThrow('prefix');
    await cluster.disconnect();
  });
  test('rejects a key prefix on a cluster given as options', async () => {
    const cluster = new Redis.Cluster([{ host: '127.0.0.1', port: 7000 }], { keyPrefix: 'jobs' });
    expect(() => new QueueClient({ connection: cluster, cluster: true })).toThrow('prefix');
    await cluster.disconnect();
  });
  test('keeps the pool size it is given', () => {
    const pool = new Pool({ max: 3 });
    expect(pool.options.max).toBe(3);
  });
  test('keeps the idle timeout it is given', () => {
    const pool = new Pool({ idleTimeoutMillis: 100 });
    expect(pool.options.idleTimeoutMillis).toBe(100);
  });
  test('fails on an unknown host', async () => {
    await expect(mongoose.connect('mongodb://nowhere.invalid/app')).rejects.toThrow();
  });
  test('fails on a refused port', async () => {
    await expect(mongoose.connect('mongodb://127.0.0.1:1/app')).rejects.toThrow();
  });
  test('reads the database name from the address', () => {
    const client = new MongoClient('mongodb://db.internal:27017/shop');
    expect(client.db().databaseName).toBe('shop');
  });
  test('reads the default database name', () => {
    const client = new MongoClient('mongodb://db.internal:27017');
    expect(client.db().databaseName).toBe('test');
  });
  test('wraps a raw client', async () => {
    const raw = new Redis(process.env.REDIS_URL);
    const wrapped = wrapClient(raw);
    expect(wrapped.status).toBe('ready');
    await wrapped.quit();
  });
  test('wraps a raw client twice', async () => {
    const raw = new Redis(process.env.REDIS_URL);
    const wrapped = wrapClient(wrapClient(raw));
    expect(wrapped.status).toBe('ready');
    await wrapped.quit();
  });
});`,
    },
    {
      name: 'the suite already opens a shared pool; a test opening its own to check it survives is about that pool',
      filename: JS_FILE,
      code: `
import pg from 'pg';
import knex from 'knex';

describe('pool ownership', () => {
  let shared;
  before(() => {
    shared = new pg.Pool();
  });
  after(() => shared.end());

  it('leaves a pool it was given open on destroy', async () => {
    const own = new pg.Pool();
    const db = knex({ client: 'pg', connection: () => own.connect() });
    await db.destroy();
    await own.query('SELECT 1');
  });
  it('leaves a second pool open on destroy', async () => {
    const own = new pg.Pool();
    await knex({ client: 'pg', connection: () => own.connect() }).destroy();
    await own.query('SELECT 1');
  });
});`,
    },
    {
      name: 'a client made without an address and never connected opens nothing',
      filename: JS_FILE,
      code: `
import mongoose from 'mongoose';

beforeEach(() => {
  const connection = mongoose.createConnection();
  connection.model('User', new mongoose.Schema({ email: String }));
});
it('builds the model', () => {});
it('builds it again', () => {});`,
    },
    {
      name: 'tests that change the ORM the hook opens (its entities, its settings) need a fresh one each',
      filename: TS_FILE,
      code: `
import { MikroORM } from '@mikro-orm/mysql';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InvoiceV1, InvoiceV2 } from './entities';

describe('ignored column changes', () => {
  let orm: MikroORM;
  beforeEach(async () => {
    orm = await MikroORM.init({ entities: [InvoiceV1], dbName: 'billing_test' });
  });
  afterEach(() => orm.close(true));

  test('sees no difference for an ignored type', async () => {
    orm.discoverEntity(InvoiceV2, InvoiceV1);
    expect(await orm.schema.getUpdateSchemaSQL()).toBe('');
  });
  test('sees the difference once the column is no longer ignored', async () => {
    orm.config.set('schema', 'archive');
    expect(await orm.schema.getUpdateSchemaSQL()).not.toBe('');
  });
});`,
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
  it('runs a second test against the same setup', async () => {});
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 11,
          column: 12,
          data: { count: 2, call: 'new Pool()', hook: 'beforeEach', shared: 'beforeAll' },
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
  it('runs a second test against the same setup', async () => {});
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
  it('runs a second test against the same setup', async () => {});
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
  it('runs a second test against the same setup', async () => {});
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
  test('runs a second test against the same setup', async () => {});
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 10,
          data: { count: 2, call: 'new GenericContainer().withExposedPorts().start()', hook: 'beforeEach', shared: 'beforeAll' },
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
  test('runs a second test against the same setup', async () => {});
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'an ORM initialised before each test of a suite, closed after each: the static factory opens it',
      filename: TS_FILE,
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

describe('tenant schemas', () => {
  let orm: MikroORM;

  beforeEach(async () => {
    orm = await MikroORM.init({ dbName: 'tenants_test' });
    await orm.schema.refresh();
  });

  afterEach(async () => {
    await orm.close(true);
  });

  test('creates the tenant schema', async () => {
    expect(await orm.schema.getCreateSchemaSQL()).toContain('create table');
  });
  test('drops nothing it did not create', async () => {
    expect(await orm.schema.getDropSchemaSQL()).toBeDefined();
  });
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 9,
          data: { count: 2, call: 'MikroORM.init()', hook: 'beforeEach', shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'beforeAll', teardown: 'afterAll' },
              output: `
import { MikroORM } from '@mikro-orm/postgresql';
import { afterEach, beforeEach, describe, expect, test, beforeAll, afterAll } from 'vitest';

describe('tenant schemas', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await MikroORM.init({ dbName: 'tenants_test' });
  });

  beforeEach(async () => {
    await orm.schema.refresh();
  });

  afterAll(async () => {
    await orm.close(true);
  });

  test('creates the tenant schema', async () => {
    expect(await orm.schema.getCreateSchemaSQL()).toContain('create table');
  });
  test('drops nothing it did not create', async () => {
    expect(await orm.schema.getDropSchemaSQL()).toBeDefined();
  });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a database recreated before the pool is opened: moving the pool ahead of it would change the order, so no edit',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { recreateDatabase } from '../helpers/database';

let pool: Pool;
beforeEach(async () => {
  await recreateDatabase('billing_test');
  pool = new Pool({ database: 'billing_test' });
});
afterEach(() => pool.end());

test('bills a customer', async () => {
  await pool.query('SELECT 1');
});
test('refunds a customer', async () => {
  await pool.query('SELECT 2');
});`,
      errors: [{ messageId: 'perTestHook', line: 8, data: { count: 2, call: 'new Pool()', hook: 'beforeEach', shared: 'beforeAll' }, suggestions: [] }],
    },
    {
      name: 'the same pool opened in two tests of a suite: reported once, at the first, without an edit',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { describe, expect, it } from 'vitest';

describe('order totals', () => {
  it('sums the lines', async () => {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL });
    expect((await pool.query('SELECT sum(amount) FROM order_lines')).rows).toHaveLength(1);
  });

  it('counts the orders', async () => {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL });
    await expect(pool.query('SELECT count(*) FROM orders')).resolves.toBeDefined();
  });
});`,
      errors: [{ messageId: 'perTestBody', line: 7, column: 18, data: { call: 'new Pool()', shared: 'beforeAll', count: 2 }, suggestions: [] }],
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
});
test('runs a second test against the same setup', async () => {});`,
      errors: [{ messageId: 'perTestHook', line: 7, data: { count: 2, call: 'new Pool()', hook: 'beforeEach', shared: 'beforeAll' }, suggestions: [] }],
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
});
it('runs a second test against the same setup', async () => {});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 8,
          data: { count: 2, call: 'new Pool()', hook: 'beforeEach', shared: 'beforeAll' },
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
});
it('runs a second test against the same setup', async () => {});`,
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
  it('runs a second test against the same setup', async () => {});
});`,
      errors: [{ messageId: 'perTestHook', line: 6, data: { count: 2, call: 'new Redis()', hook: 'beforeEach', shared: 'beforeAll' }, suggestions: [] }],
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
});
test('runs a second test against the same setup', async () => {});`,
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
});
test('runs a second test against the same setup', async () => {});`,
      errors: [{ messageId: 'perTestHook', line: 6, data: { count: 2, call: 'new PrismaClient()', hook: 'beforeEach', shared: 'beforeAll' }, suggestions: [] }],
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
  it('runs a second test against the same setup', async () => {});
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 8,
          data: { count: 2, call: 'dataSource.initialize()', hook: 'beforeEach', shared: 'before' },
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
  it('runs a second test against the same setup', async () => {});
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a file written without semicolons gets hooks without them',
      filename: JS_FILE,
      code: `
import { Sequelize } from 'sequelize'
const defineModels = (sequelize) => ({ Order: sequelize.define('Order', {}), Customer: sequelize.define('Customer', {}) })

describe('model definitions', () => {
  let sequelize
  beforeEach(async () => {
    sequelize = new Sequelize(process.env.DATABASE_URL)
  })
  afterEach(() => sequelize.close())

  it('defines the order model', () => {
    expect(defineModels(sequelize).Order).toBeDefined()
  })
  it('defines the customer model', () => {
    expect(defineModels(sequelize).Customer).toBeDefined()
  })
})`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 8,
          data: { count: 2, call: 'new Sequelize()', hook: 'beforeEach', shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'beforeAll', teardown: 'afterAll' },
              output: `
import { Sequelize } from 'sequelize'
const defineModels = (sequelize) => ({ Order: sequelize.define('Order', {}), Customer: sequelize.define('Customer', {}) })

describe('model definitions', () => {
  let sequelize
  beforeAll(() => {
    sequelize = new Sequelize(process.env.DATABASE_URL)
  })
  afterAll(() => sequelize.close())

  it('defines the order model', () => {
    expect(defineModels(sequelize).Order).toBeDefined()
  })
  it('defines the customer model', () => {
    expect(defineModels(sequelize).Customer).toBeDefined()
  })
})`,
            },
          ],
        },
      ],
    },
    {
      name: 'SQLite kept in a file is opened again for each test',
      filename: JS_FILE,
      code: `
const { Sequelize } = require('sequelize');
const defineModels = (sequelize) => ({ Order: sequelize.define('Order', {}), Customer: sequelize.define('Customer', {}) });

describe('model definitions', () => {
  let sequelize;
  beforeEach(() => {
    sequelize = new Sequelize({ dialect: 'sqlite', storage: 'tmp/test.sqlite' });
  });
  afterEach(() => sequelize.close());
  it('defines orders', () => {
    expect(defineModels(sequelize).Order).toBeDefined();
  });
  it('defines customers', () => {
    expect(defineModels(sequelize).Customer).toBeDefined();
  });
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 8,
          data: { count: 2, call: 'new Sequelize()', hook: 'beforeEach', shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'beforeAll', teardown: 'afterAll' },
              output: `
const { Sequelize } = require('sequelize');
const defineModels = (sequelize) => ({ Order: sequelize.define('Order', {}), Customer: sequelize.define('Customer', {}) });

describe('model definitions', () => {
  let sequelize;
  beforeAll(() => {
    sequelize = new Sequelize({ dialect: 'sqlite', storage: 'tmp/test.sqlite' });
  });
  afterAll(() => sequelize.close());
  it('defines orders', () => {
    expect(defineModels(sequelize).Order).toBeDefined();
  });
  it('defines customers', () => {
    expect(defineModels(sequelize).Customer).toBeDefined();
  });
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
  test('runs a second test against the same setup', async () => {});
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 7,
          data: { count: 2, call: 'amqp.connect()', hook: 'setup', shared: 'suiteSetup' },
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
  test('runs a second test against the same setup', async () => {});
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
});
test('runs a second test against the same setup', async () => {});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 7,
          data: { count: 2, call: 'createClient()', hook: 'test.beforeEach', shared: 'before' },
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
});
test('runs a second test against the same setup', async () => {});`,
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
});
it('runs a second test against the same setup', async () => {});`,
      errors: [{ messageId: 'perTestHook', line: 6, data: { count: 2, call: 'createClient()', hook: 'beforeEach', shared: 'beforeAll' }, suggestions: [] }],
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
  it('runs a second test against the same setup', async () => {});
});`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 8,
          data: { count: 2, call: 'mongoose.connect()', hook: 'beforeEach', shared: 'before' },
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
  it('runs a second test against the same setup', async () => {});
});`,
            },
          ],
        },
      ],
    },
  ],
});

ts.run('prefer-shared-infrastructure: a suite function the file takes under its own name', rule, {
  valid: [
    {
      name: 'two suites made by a helper variant of describe each open one pool, in their first test (Vitest)',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { expect, it } from 'vitest';
import * as support from '../support';

const describe = support.describeWithDatabase;

describe('the order reader', () => {
  let pool: Pool | undefined;
  it('reads an order', async () => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
    expect((await pool.query('SELECT 1')).rows).toHaveLength(1);
  });
});

describe('the invoice reader', () => {
  let pool: Pool | undefined;
  it('reads an invoice', async () => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
    expect((await pool.query('SELECT 2')).rows).toHaveLength(1);
  });
});`,
    },
  ],
  invalid: [
    {
      name: 'a suite of such a variant whose every test opens its own pool (Mocha style, TypeScript)',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import * as support from '../support';

const describe = support.describeWithDatabase;

describe('the order reader', () => {
  it('reads an order', async () => {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL });
    await pool.query('SELECT 1');
  });

  it('reads a second order', async () => {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL });
    await pool.query('SELECT 2');
  });
});`,
      errors: [{ messageId: 'perTestBody', line: 9, column: 18, data: { call: 'new Pool()', shared: 'beforeAll', count: 2 }, suggestions: [] }],
    },
  ],
});

cjs.run('prefer-shared-infrastructure: Valkey clients (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'one connection for the suite, flushed before each test',
      filename: 'test/integration/limiter.test.js',
      code: `const Valkey = require('iovalkey');

describe('limiter', () => {
  let client;
  before(() => {
    client = new Valkey({ host: '127.0.0.1', port: 6379 });
  });
  beforeEach(() => client.flushdb());
  after(() => client.quit());

  it('counts a hit', async () => {
    await client.incr('hits');
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'the ioredis fork, under the name its users give it, opened for every test',
      filename: 'test/integration/limiter.test.js',
      code: `const { describe, it, beforeEach, afterEach } = require('mocha');
const { expect } = require('chai');
const Valkey = require('iovalkey');
const { RateLimiter } = require('../../lib/rate-limiter');

describe('RateLimiter', () => {
  let client;
  beforeEach(() => {
    client = new Valkey({ host: '127.0.0.1', port: 6379 });
  });
  afterEach(async () => {
    await client.flushdb();
    await client.disconnect();
  });

  it('lets the first hit through', async () => {
    const limiter = new RateLimiter({ store: client, points: 2 });
    expect((await limiter.consume('ada')).remaining).to.equal(1);
  });
  it('counts two hits', async () => {
    const limiter = new RateLimiter({ store: client, points: 2 });
    await limiter.consume('ada');
    expect((await limiter.consume('ada')).remaining).to.equal(0);
  });
});
`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 9,
          column: 14,
          data: { count: 2, call: 'new Valkey()', hook: 'beforeEach', shared: 'before' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'before', teardown: 'after' },
              output: `const { describe, it, beforeEach, afterEach, before, after } = require('mocha');
const { expect } = require('chai');
const Valkey = require('iovalkey');
const { RateLimiter } = require('../../lib/rate-limiter');

describe('RateLimiter', () => {
  let client;
  before(() => {
    client = new Valkey({ host: '127.0.0.1', port: 6379 });
  });
  afterEach(async () => {
    await client.flushdb();
  });

  after(async () => {
    await client.disconnect();
  });

  it('lets the first hit through', async () => {
    const limiter = new RateLimiter({ store: client, points: 2 });
    expect((await limiter.consume('ada')).remaining).to.equal(1);
  });
  it('counts two hits', async () => {
    const limiter = new RateLimiter({ store: client, points: 2 });
    await limiter.consume('ada');
    expect((await limiter.consume('ada')).remaining).to.equal(0);
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Valkey’s own client, made by its factory for every test',
      filename: 'test/integration/limiter.test.js',
      code: `const { describe, it, beforeEach, afterEach } = require('mocha');
const { GlideClient } = require('@valkey/valkey-glide');

describe('limiter', () => {
  let client;
  beforeEach(async () => {
    client = await GlideClient.createClient({ addresses: [{ host: '127.0.0.1', port: 6379 }] });
  });
  afterEach(() => client.close());

  it('counts a hit', async () => {
    await client.incr('hits');
  });
  it('reads a key', async () => {
    await client.get('k');
  });
});
`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 7,
          column: 20,
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'before', teardown: 'after' },
              output: `const { describe, it, beforeEach, afterEach, before, after } = require('mocha');
const { GlideClient } = require('@valkey/valkey-glide');

describe('limiter', () => {
  let client;
  before(async () => {
    client = await GlideClient.createClient({ addresses: [{ host: '127.0.0.1', port: 6379 }] });
  });
  after(() => client.close());

  it('counts a hit', async () => {
    await client.incr('hits');
  });
  it('reads a key', async () => {
    await client.get('k');
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
