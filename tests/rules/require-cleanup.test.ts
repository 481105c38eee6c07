import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const TS_FILE = 'tests/integration/user-repository.test.ts';
const JS_FILE = 'tests/integration/user-repository.test.js';
const settings = { 'integration-tests': { boundaries: { database: ['src/repositories/**'] } } };

ts.run('require-cleanup (TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: a transaction per test, rolled back after each',
      filename: TS_FILE,
      code: `
import { Pool, type PoolClient } from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

describe('users table', () => {
  let pool: Pool;
  let client: PoolClient;

  beforeAll(() => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
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

  it('inserts a user', async () => {
    await client.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
    const { rows } = await client.query('SELECT email FROM users');
    expect(rows).toHaveLength(1);
  });
});`,
    },
    {
      name: 'Jest: Prisma rows deleted after each test',
      filename: TS_FILE,
      code: `
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

afterEach(async () => {
  await prisma.user.deleteMany();
});
afterAll(async () => {
  await prisma.$disconnect();
});

test('creates a user', async () => {
  const user = await prisma.user.create({ data: { email: 'ada@example.com' } });
  expect(user.id).toBeDefined();
});`,
    },
    {
      name: 'truncating before all tests also counts',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { beforeAll, it } from 'vitest';

const pool = new Pool();
beforeAll(async () => {
  await pool.query('TRUNCATE users RESTART IDENTITY CASCADE');
});

it('inserts', async () => {
  await pool.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
});`,
    },
    {
      name: 'a Vitest fixture that rolls back after use',
      filename: TS_FILE,
      code: `
import { Pool, type PoolClient } from 'pg';
import { test as base, expect } from 'vitest';

const pool = new Pool();
const test = base.extend<{ db: PoolClient }>({
  db: async ({}, use) => {
    const client = await pool.connect();
    await client.query('BEGIN');
    await use(client);
    await client.query('ROLLBACK');
    client.release();
  },
});

test('inserts a user', async ({ db }) => {
  await db.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
  expect((await db.query('SELECT 1')).rowCount).toBe(1);
});`,
    },
    {
      name: 'stopping the throwaway PostgreSQL container that holds the data',
      filename: TS_FILE,
      code: `
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { Pool } from 'pg';
import { afterAll, beforeAll, it } from 'vitest';

let container: StartedPostgreSqlContainer;
let pool: Pool;
beforeAll(async () => {
  container = await new PostgreSqlContainer('postgres:16').start();
  pool = new Pool({ connectionString: container.getConnectionUri() });
});
afterAll(async () => {
  await pool.end();
  await container.stop();
});

it('inserts', async () => {
  await pool.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
});`,
    },
    {
      name: 'stopping a generic container',
      filename: TS_FILE,
      code: `
import Redis from 'ioredis';
import { GenericContainer, type StartedTestContainer } from 'testcontainers';

let container: StartedTestContainer;
let redis: Redis;
beforeAll(async () => {
  container = await new GenericContainer('redis:7').withExposedPorts(6379).start();
  redis = new Redis(container.getMappedPort(6379));
});
afterAll(async () => {
  redis.disconnect();
  await container.stop();
});

it('caches a session', async () => {
  await redis.set('session:1', 'ada');
});`,
    },
    {
      name: 'a cleanup helper handed to the hook by name',
      filename: TS_FILE,
      settings,
      code: `
import { afterEach, it } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';
import { pool, resetDatabase } from '../helpers/database';

afterEach(resetDatabase);

it('saves a user', async () => {
  await new UserRepository(pool).save({ email: 'ada@example.com', name: 'Ada' });
});`,
    },
    {
      name: 'a test that deletes its own rows in a finally block',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { it } from 'vitest';

const pool = new Pool();

it('inserts', async () => {
  const { rows } = await pool.query('INSERT INTO users (email) VALUES ($1) RETURNING id', ['ada@example.com']);
  try {
    expect(rows).toHaveLength(1);
  } finally {
    await pool.query('DELETE FROM users WHERE id = $1', [rows[0].id]);
  }
});`,
    },
    {
      name: 'Vitest onTestFinished rolling back',
      filename: TS_FILE,
      code: `
import knex from 'knex';
import { it, onTestFinished } from 'vitest';

const db = knex({ client: 'pg' });

it('inserts', async () => {
  const trx = await db.transaction();
  onTestFinished(() => trx.rollback());
  await trx('users').insert({ email: 'ada@example.com' });
});`,
    },
    {
      name: 'a Map is not a boundary: set() on it is no write',
      filename: TS_FILE,
      code: `
import { it } from 'vitest';

it('counts', () => {
  const seen = new Map<string, number>();
  seen.set('ada', 1);
  expect(seen.get('ada')).toBe(1);
});`,
    },
    {
      name: 'HTTP writes go to a fake, not to a store the next test reads',
      filename: TS_FILE,
      code: `
import axios from 'axios';
import nock from 'nock';
import { it } from 'vitest';

it('charges a card', async () => {
  nock('https://api.payments.example').post('/v1/charges').reply(201, { id: 'ch_1' });
  const client = axios.create({ baseURL: 'https://api.payments.example' });
  await client.post('/v1/charges', { amount: 100 });
});`,
    },
    {
      name: 'a mocked cache client writes nothing real',
      filename: TS_FILE,
      code: `
import Redis from 'ioredis';
import { it, vi } from 'vitest';

vi.mock('ioredis');

it('caches', async () => {
  await new Redis().set('a', '1');
});`,
    },
    {
      name: 'a helper module with no tests',
      filename: 'tests/integration/helpers/seed.ts',
      code: `
import { Pool } from 'pg';

export async function seedUsers(pool: Pool) {
  await pool.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
}`,
    },
    {
      name: 'a file that only reads',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { it } from 'vitest';

const pool = new Pool();
it('reads', async () => {
  await pool.query('SELECT 1');
});`,
    },
    {
      name: 'MongoDB collections emptied in a loop',
      filename: TS_FILE,
      code: `
import mongoose from 'mongoose';
import { afterEach, it } from 'vitest';

const User = mongoose.model('User', new mongoose.Schema({ email: String }));

afterEach(async () => {
  const collections = mongoose.connection.collections;
  for (const key in collections) {
    await collections[key].deleteMany({});
  }
});

it('saves', async () => {
  await User.create({ email: 'ada@example.com' });
});`,
    },
    {
      name: 'Sequelize tables recreated before each test',
      filename: TS_FILE,
      code: `
import { Sequelize } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
beforeEach(async () => {
  await sequelize.sync({ force: true });
});

test('creates', async () => {
  await sequelize.models.User.create({ email: 'ada@example.com' });
});`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: a pool shared by tests that never remove their rows',
      filename: TS_FILE,
      settings,
      code: `
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      errors: [
        {
          messageId: 'missingCleanup',
          line: 19,
          column: 11,
          data: { call: 'repository.save()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it, afterEach } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';

describe('UserRepository', () => {
  let pool: Pool;

  beforeAll(() => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
  });

  afterAll(async () => {
    await pool.end();
  });

  afterEach(async () => {
    // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
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
      name: 'an adapter shared by the suite: the skeleton names the pool it was built from',
      filename: TS_FILE,
      settings,
      code: `
import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

let pool: Pool;
let users: UserRepository;
beforeAll(() => {
  pool = new Pool();
  users = new UserRepository(pool);
});

test('saves', async () => {
  await users.save({ email: 'ada@example.com', name: 'Ada' });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          data: { call: 'users.save()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `
import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

let pool: Pool;
let users: UserRepository;
beforeAll(() => {
  pool = new Pool();
  users = new UserRepository(pool);
});

afterEach(async () => {
  // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

test('saves', async () => {
  await users.save({ email: 'ada@example.com', name: 'Ada' });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Jest globals: disconnecting Prisma is not cleanup',
      filename: TS_FILE,
      code: `
import { PrismaClient } from '@prisma/client';

describe('users', () => {
  const prisma = new PrismaClient();

  afterAll(async () => {
    await prisma.$disconnect();
  });

  test('creates a user', async () => {
    await prisma.user.create({ data: { email: 'ada@example.com' } });
  });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 12,
          data: { call: 'prisma.user.create()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'prisma' },
              output: `
import { PrismaClient } from '@prisma/client';

describe('users', () => {
  const prisma = new PrismaClient();

  afterAll(async () => {
    await prisma.$disconnect();
  });

  afterEach(async () => {
    // Remove what each test wrote through \`prisma\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  test('creates a user', async () => {
    await prisma.user.create({ data: { email: 'ada@example.com' } });
  });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'the cache is written but only the database is cleaned',
      filename: TS_FILE,
      code: `
import Redis from 'ioredis';
import { Pool } from 'pg';
import { afterEach, it } from 'vitest';

const pool = new Pool();
const redis = new Redis();

afterEach(async () => {
  await pool.query('TRUNCATE sessions');
});

it('stores a session', async () => {
  await pool.query('INSERT INTO sessions (id) VALUES ($1)', ['s1']);
  await redis.set('session:s1', 'ada');
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 15,
          data: { call: 'redis.set()', target: 'the cache', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'redis' },
              output: `
import Redis from 'ioredis';
import { Pool } from 'pg';
import { afterEach, it } from 'vitest';

const pool = new Pool();
const redis = new Redis();

afterEach(async () => {
  await pool.query('TRUNCATE sessions');
});

afterEach(async () => {
  // Remove what each test wrote through \`redis\`: flush the keys it set.
});

it('stores a session', async () => {
  await pool.query('INSERT INTO sessions (id) VALUES ($1)', ['s1']);
  await redis.set('session:s1', 'ada');
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'tests at module level: the skeleton goes after the imports',
      filename: TS_FILE,
      code: `
import { connect } from 'amqplib';
import { expect, test } from 'vitest';

test('publishes an order', async () => {
  const connection = await connect('amqp://localhost');
  const channel = await connection.createChannel();
  channel.publish('orders', 'order.placed', Buffer.from('{}'));
  await connection.close();
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 8,
          data: { call: 'channel.publish()', target: 'the queue', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'channel' },
              output: `
import { connect } from 'amqplib';
import { expect, test, afterEach } from 'vitest';

afterEach(async () => {
  // Remove what each test wrote through \`channel\`: purge the queues it published to.
});

test('publishes an order', async () => {
  const connection = await connect('amqp://localhost');
  const channel = await connection.createChannel();
  channel.publish('orders', 'order.placed', Buffer.from('{}'));
  await connection.close();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a suite without hooks: the skeleton goes after its declarations',
      filename: TS_FILE,
      code: `
import { userFactory } from '../factories';
import { describe, it } from 'vitest';

describe('orders', () => {
  const currency = 'EUR';

  it('places an order', async () => {
    const user = await userFactory.create({ currency });
    expect(user.id).toBeDefined();
  });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 9,
          data: { call: 'userFactory.create()', target: 'a boundary', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'userFactory' },
              output: `
import { userFactory } from '../factories';
import { describe, it, afterEach } from 'vitest';

describe('orders', () => {
  const currency = 'EUR';

  afterEach(async () => {
    // Remove what each test wrote through \`userFactory\`: delete what it created.
  });

  it('places an order', async () => {
    const user = await userFactory.create({ currency });
    expect(user.id).toBeDefined();
  });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'deleting inside a test is what the test checks, not cleanup',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { afterAll, it } from 'vitest';

const pool = new Pool();
afterAll(() => pool.end());

it('deletes a user', async () => {
  await pool.query("INSERT INTO users (email) VALUES ('ada@example.com')");
  await pool.query("DELETE FROM users WHERE email = 'ada@example.com'");
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 9,
          data: { call: 'pool.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `
import { Pool } from 'pg';
import { afterAll, it, afterEach } from 'vitest';

const pool = new Pool();
afterAll(() => pool.end());

afterEach(async () => {
  // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

it('deletes a user', async () => {
  await pool.query("INSERT INTO users (email) VALUES ('ada@example.com')");
  await pool.query("DELETE FROM users WHERE email = 'ada@example.com'");
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a helper handed a pool, with Testing Library cleanup that cleans nothing here',
      filename: TS_FILE,
      code: `
import { cleanup } from '@testing-library/react';
import { Pool } from 'pg';
import { afterEach, it } from 'vitest';
import { createUser } from '../helpers/users';

const pool = new Pool();
afterEach(cleanup);

it('renders a user', async () => {
  await createUser(pool, { email: 'ada@example.com' });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 11,
          data: { call: 'createUser()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `
import { cleanup } from '@testing-library/react';
import { Pool } from 'pg';
import { afterEach, it } from 'vitest';
import { createUser } from '../helpers/users';

const pool = new Pool();
afterEach(cleanup);

afterEach(async () => {
  // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

it('renders a user', async () => {
  await createUser(pool, { email: 'ada@example.com' });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a fixture that only releases its connection',
      filename: TS_FILE,
      code: `
import { Pool, type PoolClient } from 'pg';
import { test as base } from 'vitest';

const pool = new Pool();
const test = base.extend<{ db: PoolClient }>({
  db: async ({}, use) => {
    const client = await pool.connect();
    await use(client);
    client.release();
  },
});

test('inserts', async ({ db }) => {
  await db.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 15,
          data: { call: 'db.query()', target: 'a boundary', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'db' },
              output: `
import { Pool, type PoolClient } from 'pg';
import { test as base, afterEach } from 'vitest';

afterEach(async () => {
  // Remove what each test wrote through \`db\`: delete what it created.
});

const pool = new Pool();
const test = base.extend<{ db: PoolClient }>({
  db: async ({}, use) => {
    const client = await pool.connect();
    await use(client);
    client.release();
  },
});

test('inserts', async ({ db }) => {
  await db.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'autofix: the skeleton is inserted by --fix',
      filename: TS_FILE,
      options: [{ autofix: true }],
      code: `
import { Pool } from 'pg';
import { describe, it } from 'vitest';

describe('users', () => {
  const pool = new Pool();

  it('inserts', async () => {
    await pool.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
  });
});`,
      output: `
import { Pool } from 'pg';
import { describe, it, afterEach } from 'vitest';

describe('users', () => {
  const pool = new Pool();

  afterEach(async () => {
    // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  it('inserts', async () => {
    await pool.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
  });
});`,
      errors: [{ messageId: 'missingCleanup', line: 9, data: { call: 'pool.query()', target: 'the database', container: '' }, suggestions: [] }],
    },
    {
      name: 'an empty afterEach is waiting to be filled in: reported, no second skeleton',
      filename: TS_FILE,
      options: [{ autofix: true }],
      code: `
import { Pool } from 'pg';
import { afterEach, describe, it } from 'vitest';

describe('users', () => {
  const pool = new Pool();

  afterEach(async () => {
    // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  it('inserts', async () => {
    await pool.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
  });
});`,
      output: null,
      errors: [{ messageId: 'missingCleanup', line: 13, suggestions: [] }],
    },
  ],
});

js.run('require-cleanup (JavaScript, ESM)', rule, {
  valid: [
    {
      name: 'node:test: rows truncated after each test',
      filename: JS_FILE,
      code: `
import { after, afterEach, describe, it } from 'node:test';
import pg from 'pg';

const pool = new pg.Pool();
describe('users', () => {
  afterEach(() => pool.query('TRUNCATE users'));
  after(() => pool.end());
  it('inserts', async () => {
    await pool.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
  });
});`,
    },
    {
      name: 'node:test: a test that registers its own rollback',
      filename: JS_FILE,
      code: `
import { test } from 'node:test';
import knex from 'knex';

const db = knex({ client: 'pg' });
test('inserts', async (t) => {
  const trx = await db.transaction();
  t.after(() => trx.rollback());
  await trx('users').insert({ email: 'ada@example.com' });
});`,
    },
  ],
  invalid: [
    {
      name: 'node:test named imports: afterEach joins the import',
      filename: JS_FILE,
      code: `
import { after, before, describe, it } from 'node:test';
import pg from 'pg';

describe('users', () => {
  let pool;
  before(() => {
    pool = new pg.Pool();
  });
  after(() => pool.end());

  it('inserts', async () => {
    await pool.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
  });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 13,
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `
import { after, before, describe, it, afterEach } from 'node:test';
import pg from 'pg';

describe('users', () => {
  let pool;
  before(() => {
    pool = new pg.Pool();
  });
  after(() => pool.end());

  afterEach(async () => {
    // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  it('inserts', async () => {
    await pool.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
  });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:test default import: the hook is a property of test',
      filename: JS_FILE,
      code: `
import test from 'node:test';
import Redis from 'ioredis';

const redis = new Redis();
test.after(() => redis.quit());

test('caches a session', async () => {
  await redis.hset('session:1', { user: 'ada' });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          data: { call: 'redis.hset()', target: 'the cache', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'redis' },
              output: `
import test from 'node:test';
import Redis from 'ioredis';

const redis = new Redis();
test.after(() => redis.quit());

test.afterEach(async () => {
  // Remove what each test wrote through \`redis\`: flush the keys it set.
});

test('caches a session', async () => {
  await redis.hset('session:1', { user: 'ada' });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Mocha TDD globals: the hook is teardown',
      filename: JS_FILE,
      code: `
import { MongoClient } from 'mongodb';

suite('users', function () {
  const client = new MongoClient('mongodb://localhost');
  suiteTeardown(() => client.close());

  test('inserts', async function () {
    await client.db('app').collection('users').insertOne({ email: 'ada@example.com' });
  });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          data: { call: 'client.db().collection().insertOne()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'teardown', subject: 'client' },
              output: `
import { MongoClient } from 'mongodb';

suite('users', function () {
  const client = new MongoClient('mongodb://localhost');
  suiteTeardown(() => client.close());

  teardown(async () => {
    // Remove what each test wrote through \`client\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  test('inserts', async function () {
    await client.db('app').collection('users').insertOne({ email: 'ada@example.com' });
  });
});`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('require-cleanup (JavaScript, CommonJS)', rule, {
  valid: [
    {
      name: 'Mocha + chai: rows deleted with knex after each test',
      filename: JS_FILE,
      code: `
const { expect } = require('chai');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

describe('users', () => {
  afterEach(() => knex('users').del());
  after(() => knex.destroy());
  it('inserts', async () => {
    await knex('users').insert({ email: 'ada@example.com' });
    expect(await knex('users').count()).to.have.length(1);
  });
});`,
    },
  ],
  invalid: [
    {
      name: 'Mocha + chai: destroying knex is not cleanup',
      filename: JS_FILE,
      code: `
const { expect } = require('chai');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

describe('users', () => {
  after(() => knex.destroy());
  it('inserts', async () => {
    await knex('users').insert({ email: 'ada@example.com' });
    expect(await knex('users').count()).to.have.length(1);
  });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 8,
          data: { call: 'knex().insert()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'knex' },
              output: `
const { expect } = require('chai');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

describe('users', () => {
  after(() => knex.destroy());

  afterEach(async () => {
    // Remove what each test wrote through \`knex\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });
  it('inserts', async () => {
    await knex('users').insert({ email: 'ada@example.com' });
    expect(await knex('users').count()).to.have.length(1);
  });
});`,
            },
          ],
        },
      ],
    },
  ],
});
