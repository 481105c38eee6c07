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
import { Factory } from 'fishery';
import { describe, it } from 'vitest';
import { db } from '../db';

// A factory of the file's own that stores each user it makes.
const userFactory = Factory.define(({ sequence, onCreate }) => {
  onCreate((user) => db.users.insert(user));
  return { id: sequence, name: \`user \${sequence}\` };
});

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
          line: 16,
          data: { call: 'userFactory.create()', target: 'a boundary', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'userFactory' },
              output: `
import { Factory } from 'fishery';
import { describe, it, afterEach } from 'vitest';
import { db } from '../db';

// A factory of the file's own that stores each user it makes.
const userFactory = Factory.define(({ sequence, onCreate }) => {
  onCreate((user) => db.users.insert(user));
  return { id: sequence, name: \`user \${sequence}\` };
});

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
          messageId: 'missingCleanupThroughHelper',
          line: 11,
          data: { call: 'createUser()', target: '`pool`, a database client', container: '' },
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
          data: { call: 'db.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'db' },
              output: `
import { Pool, type PoolClient } from 'pg';
import { test as base, afterEach } from 'vitest';

afterEach(async () => {
  // Remove what each test wrote through \`db\`: truncate the tables it wrote to, or roll back a per-test transaction.
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
      name: "hapi's lab: rows deleted after each test by a hook taken from the script",
      filename: JS_FILE,
      code: `
const Lab = require('@hapi/lab');
const { Pool } = require('pg');
const { OrderRepository } = require('../../lib/order-repository');

const { describe, it, afterEach, after } = exports.lab = Lab.script();

describe('OrderRepository', () => {
  const pool = new Pool();
  afterEach(() => pool.query('DELETE FROM orders'));
  after(() => pool.end());

  it('saves an order', async () => {
    await pool.query("INSERT INTO orders (id, total) VALUES ('o-1', 10)");
    const order = await new OrderRepository(pool).find('o-1');
    if (order.total !== 10) throw new Error('wrong total');
  });
});`,
    },
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
      name: "hapi's lab: a test inserts a row and no hook removes it (no hook name is free to suggest)",
      filename: JS_FILE,
      code: `
const Lab = require('@hapi/lab');
const { Pool } = require('pg');
const { OrderRepository } = require('../../lib/order-repository');

const { describe, it, after } = exports.lab = Lab.script();

describe('OrderRepository', () => {
  const pool = new Pool();
  after(() => pool.end());

  it('saves an order', async () => {
    await pool.query("INSERT INTO orders (id, total) VALUES ('o-1', 10)");
    const order = await new OrderRepository(pool).find('o-1');
    if (order.total !== 10) throw new Error('wrong total');
  });
});`,
      errors: [{ messageId: 'missingCleanup', line: 13, data: { call: 'pool.query()', target: 'the database', container: '' }, suggestions: [] }],
    },
    {
      name: 'Mocha: a table truncated once before the suite, and two of its tests insert rows',
      filename: JS_FILE,
      code: `
const { expect } = require('chai');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

describe('coupons', function () {
  before(async function () {
    await knex('coupons').truncate();
  });

  it('stores a coupon', async function () {
    await knex('coupons').insert({ code: 'SPRING', percent: 10 });
    expect(await knex('coupons').count()).to.deep.equal([{ count: '1' }]);
  });

  it('stores a second coupon', async function () {
    await knex('coupons').insert({ code: 'SUMMER', percent: 15 });
  });
});

after(() => knex.destroy());
`,
      errors: [
        {
          messageId: 'resetOnlyOnce',
          line: 11,
          column: 11,
          data: { call: 'knex().insert()', target: 'the database', container: '', when: 'before its suite', count: 2 },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'knex' },
              output: `
const { expect } = require('chai');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

describe('coupons', function () {
  before(async function () {
    await knex('coupons').truncate();
  });

  afterEach(async () => {
    // Remove what each test wrote through \`knex\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  it('stores a coupon', async function () {
    await knex('coupons').insert({ code: 'SPRING', percent: 10 });
    expect(await knex('coupons').count()).to.deep.equal([{ count: '1' }]);
  });

  it('stores a second coupon', async function () {
    await knex('coupons').insert({ code: 'SUMMER', percent: 15 });
  });
});

after(() => knex.destroy());
`,
            },
          ],
        },
      ],
    },
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

const container = '';

ts.run('require-cleanup (TypeScript): what is not a write', rule, {
  valid: [
    {
      name: 'schema work in a test is infrastructure, not data',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { afterAll, expect, it } from 'vitest';

const pool = new Pool();
afterAll(() => pool.end());

it('adds a column to invoices', async () => {
  await pool.query('CREATE TABLE invoices (id serial PRIMARY KEY)');
  await pool.query('ALTER TABLE invoices ADD COLUMN total integer');
  const { rows } = await pool.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'invoices'");
  expect(rows).toHaveLength(2);
});`,
    },
    {
      name: 'a schema created through the ORM in beforeAll, tests that only read',
      filename: TS_FILE,
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, expect, test } from 'vitest';

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init({ entities: [Invoice], dbName: process.env.DB_NAME });
  await orm.schema.create();
});
afterAll(() => orm.close(true));

test('finds no invoices in an empty table', async () => {
  expect(await orm.em.count(Invoice)).toBe(0);
});`,
    },
    {
      name: 'entities staged in a unit of work but never flushed write nothing',
      filename: TS_FILE,
      code: `
import { MikroORM } from '@mikro-orm/sqlite';
import { expect, test } from 'vitest';

const orm = await MikroORM.init({ entities: [Invoice], dbName: process.env.DB_FILE });

test('an invoice without a customer is refused at flush', async () => {
  const em = orm.em.fork();
  em.create(Invoice, { total: 12 });
  em.persist(new Invoice());
  await expect(em.flush()).rejects.toThrow(/customer/);
});`,
    },
    {
      name: 'a query built and rendered to SQL, never run',
      filename: TS_FILE,
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
import { expect, it } from 'vitest';

const db = drizzle(process.env.DATABASE_URL!);

it('renders an update', () => {
  const query = db.update(invoices).set({ paid: true });
  expect(query.toSQL().sql).toContain('update');
  expect(db.insert(invoices).values({ total: 3 }).toSQL().params).toEqual([3]);
});`,
    },
    {
      name: 'a query builder the test compiles: what it builds is looked at, not run',
      filename: TS_FILE,
      code: `
import { PostgreSqlNativeQueryBuilder } from '@mikro-orm/postgresql';
import { expect, it } from 'vitest';

it('compiles an upsert', () => {
  const qb = new PostgreSqlNativeQueryBuilder(platform);
  qb.insert({ total: 1 }).into('invoices').onConflict({ fields: ['id'] });
  expect(qb.compile()).toMatchObject({ sql: expect.stringMatching(/on conflict/) });
});`,
    },
    {
      name: 'a mock database has no connection behind it, even behind a wrapper',
      filename: TS_FILE,
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
import { withReplicas } from 'drizzle-orm/pg-core';
import { expect, it, vi } from 'vitest';

it('sends writes to the primary', () => {
  const primary = drizzle.mock();
  const db = withReplicas(primary, [drizzle.mock()]);
  const spy = vi.spyOn(primary, 'insert');
  db.insert(invoices);
  expect(spy).toHaveBeenCalledOnce();
});`,
    },
    {
      name: 'knex configured without a connection only builds queries',
      filename: TS_FILE,
      code: `
import knex from 'knex';
import { expect, it } from 'vitest';

const builder = knex({ client: 'pg' });

it('quotes identifiers', async () => {
  await builder('invoices').insert({ total: 1 });
  expect(builder('invoices').insert({ total: 1 }).toString()).toContain('"invoices"');
});`,
    },
    {
      name: 'a repository built on a test double reaches no database',
      filename: TS_FILE,
      code: `
import { EntityRepository } from '@mikro-orm/postgresql';
import { expect, test, vi } from 'vitest';

const calls = { upsert: vi.fn(), insert: vi.fn() };
const em = vi.fn(() => calls)();
const invoices = new EntityRepository(em, Invoice);

test('forwards upserts to the entity manager', async () => {
  await invoices.upsert({ id: 1, total: 2 });
  expect(calls.upsert).toHaveBeenCalledOnce();
});`,
    },
    {
      name: 'a write the test expects the database to reject',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { afterAll, expect, it } from 'vitest';

const pool = new Pool();
afterAll(() => pool.end());

it('refuses a negative total', async () => {
  await expect(pool.query('INSERT INTO invoices (total) VALUES (-1)')).rejects.toThrow(/check constraint/);
});`,
    },
    {
      name: 'a static factory of a class the ORM package exports builds an object, not a row',
      filename: TS_FILE,
      code: `
import { Reference } from '@mikro-orm/core';
import { expect, it } from 'vitest';

it('wraps an invoice in a reference', () => {
  expect(Reference.create(invoice)).toBeInstanceOf(Reference);
});`,
    },
    {
      name: 'a factory named after what it builds (a logger) makes no rows',
      filename: TS_FILE,
      code: `
import { expect, it } from 'vitest';
import { DebugLogger, LoggerFactory } from '../../src/logging';

it('makes a debug logger', () => {
  expect(new LoggerFactory().create('debug')).toBeInstanceOf(DebugLogger);
});`,
    },
    {
      name: 'setting a configuration value on a database client is not a cache write',
      filename: TS_FILE,
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
import { it } from 'vitest';

const orm = await MikroORM.init({ dbName: process.env.DB_NAME });

it('turns on query logging', () => {
  orm.config.set('debug', true);
});`,
    },
    {
      name: 'a helper of the file named like a write that only sends an HTTP request',
      filename: TS_FILE,
      code: `
import { expect, it } from 'vitest';
import { testClient } from '../support/client';

async function insertInvoiceTwice(total: number) {
  await testClient.post('/invoices').send({ total });
  return testClient.post('/invoices').send({ total });
}

it('rejects a duplicate invoice', async () => {
  const second = await insertInvoiceTwice(5);
  expect(second.status).toBe(409);
});`,
    },
    {
      name: 'a seeding helper from a module the rule cannot read is not taken for a write',
      filename: TS_FILE,
      code: `
import { describe, it } from 'vitest';
import { seedStubFiles } from '../helpers/stubs';

describe('stub generator', () => {
  it('writes stubs to a folder', async () => {
    await seedStubFiles('/tmp/stubs');
  });
});`,
    },
    {
      name: 'a template tag of the file that only assembles SQL text',
      filename: TS_FILE,
      code: `
import { expect, it } from 'vitest';
import { renderStatement } from '../../src/sql/render';

function sql(strings: TemplateStringsArray, ...values: unknown[]) {
  return renderStatement({ strings, values });
}

it('numbers the parameters', () => {
  const { text } = sql\`INSERT INTO invoices (total) VALUES (\${4})\`;
  expect(text).toBe('INSERT INTO invoices (total) VALUES ($1)');
});`,
    },
  ],
  invalid: [
    {
      name: 'a unit of work: the squiggle is on the flush that writes, not on create',
      filename: TS_FILE,
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, test } from 'vitest';

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init({ entities: [Invoice], dbName: process.env.DB_NAME });
  await orm.schema.create();
});
afterAll(() => orm.close(true));

test('stores an invoice', async () => {
  orm.em.create(Invoice, { total: 12 });
  await orm.em.flush();
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 14,
          column: 9,
          data: { call: 'orm.em.flush()', target: 'the database', container },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'orm' },
              output: `
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, test, afterEach } from 'vitest';

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init({ entities: [Invoice], dbName: process.env.DB_NAME });
  await orm.schema.create();
});
afterAll(() => orm.close(true));

afterEach(async () => {
  // Remove what each test wrote through \`orm\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

test('stores an invoice', async () => {
  orm.em.create(Invoice, { total: 12 });
  await orm.em.flush();
});`,
            },
          ],
        },
      ],
    },
  ],
});

ts.run('require-cleanup (TypeScript): cleanup that counts', rule, {
  valid: [
    {
      name: "the project's database cleaned after each test (clean({ drop: true }))",
      filename: TS_FILE,
      code: `
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, type Database } from '../../src/database';

let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
  await db.sync();
});
afterEach(async () => {
  await db.clean({ drop: true });
  await db.close();
});

it('reads a row written with raw SQL', async () => {
  await db.sequelize.query("INSERT INTO invoices (id, total) VALUES ('i-1', 12)");
  expect(await db.getRepository('invoices').count()).toBe(1);
});`,
    },
    {
      name: 'the ORM schema refreshed before each test',
      filename: TS_FILE,
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, beforeEach, test } from 'vitest';

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init({ entities: [Invoice], dbName: process.env.DB_NAME });
});
beforeEach(() => orm.schema.refresh());
afterAll(() => orm.close(true));

test('stores an invoice', async () => {
  await orm.em.insert(Invoice, { total: 12 });
});
test('stores another', async () => {
  await orm.em.insert(Invoice, { total: 13 });
});`,
    },
    {
      name: 'TypeORM: synchronize(true) drops and rebuilds before each test',
      filename: TS_FILE,
      code: `
import { DataSource } from 'typeorm';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Invoice] });
beforeAll(() => dataSource.initialize());
beforeEach(() => dataSource.synchronize(true));
afterAll(() => dataSource.destroy());

it('saves an invoice', async () => {
  await dataSource.getRepository(Invoice).save({ total: 12 });
});`,
    },
    {
      name: 'a helper that reloads the databases before each test',
      filename: TS_FILE,
      code: `
import { DataSource } from 'typeorm';
import { reloadDatabases } from '../support/databases';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
beforeEach(() => reloadDatabases([dataSource]));

it('saves an invoice', async () => {
  await dataSource.manager.save(Invoice, { total: 12 });
});`,
    },
    {
      name: 'stores the project hands out emptied with deleteAll before each test',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { beforeAll, beforeEach, it } from 'vitest';
import { openStores, type Stores } from '../../src/stores';

const pool = new Pool();
let stores: Stores;
beforeAll(() => {
  stores = openStores(pool);
});
beforeEach(async () => {
  await stores.invoices.deleteAll();
});

it('lists overdue invoices', async () => {
  await pool.query("INSERT INTO invoices (total, due) VALUES (5, now() - interval '1 day')");
});`,
    },
    {
      name: 'a shell command in afterEach deletes the rows',
      filename: TS_FILE,
      code: `
import { Client } from 'pg';
import { $ } from 'zx';
import { afterEach, it } from 'vitest';

const client = new Client({ connectionString: process.env.DATABASE_URL });
afterEach(async () => {
  await $\`psql \${process.env.DATABASE_URL} -c "DELETE FROM invoices"\`;
});

it('inserts an invoice', async () => {
  await client.query('INSERT INTO invoices (total) VALUES (1)');
});`,
    },
    {
      name: 'a cleanup helper from a package that is not a boundary, handed the database',
      filename: TS_FILE,
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
import { reset, seed } from 'drizzle-seed';
import { afterEach, it } from 'vitest';

const db = drizzle(process.env.DATABASE_URL!);
afterEach(() => reset(db, schema));

it('seeds ten invoices', async () => {
  await seed(db, schema, { count: 10 });
});`,
    },
    {
      name: 'node:test: a database in memory named with an escape, as the fallback of a variable',
      filename: JS_FILE,
      code: `
const { Sequelize } = require('sequelize');
const { test } = require('node:test');
const assert = require('node:assert');

const sequelize = new Sequelize(process.env.TEST_DATABASE ?? 'sqlite::\\u006demory:', { logging: false });

test('stores a note', async () => {
  await sequelize.models.Note.create({ body: 'hello' });
  assert.equal(await sequelize.models.Note.count(), 1);
});`,
    },
    {
      name: 'Mocha: a database in memory named in a template literal, as the fallback of a variable',
      filename: JS_FILE,
      code: `
const { Sequelize } = require('sequelize');
const { expect } = require('chai');

describe('notes', () => {
  const sequelize = new Sequelize(process.env.TEST_DATABASE || \`sqlite::memory:\`);

  it('stores a note', async () => {
    await sequelize.models.Note.create({ body: 'hello' });
    expect(await sequelize.models.Note.count()).to.equal(1);
  });
});`,
    },
    {
      name: 'a database in memory is thrown away with the process',
      filename: TS_FILE,
      code: `
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';

const db = new Database(':memory:');
db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)');

it('inserts an invoice', () => {
  db.prepare('INSERT INTO invoices (total) VALUES (?)').run(7);
  expect(db.prepare('SELECT count(*) AS n FROM invoices').get()).toEqual({ n: 1 });
});`,
    },
    {
      name: 'PGlite keeps its database in memory',
      filename: TS_FILE,
      code: `
import { PGlite } from '@electric-sql/pglite';
import { it } from 'vitest';

const db = new PGlite();

it('inserts an invoice', async () => {
  await db.query('INSERT INTO invoices (total) VALUES (1)');
});`,
    },
    {
      name: 'a database named at random for this run',
      filename: TS_FILE,
      code: `
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { it } from 'vitest';

const pool = new Pool({ database: \`invoices_\${randomUUID()}\` });

it('inserts an invoice', async () => {
  await pool.query('INSERT INTO invoices (total) VALUES (1)');
});`,
    },
    {
      name: 'a SQLite file in a folder named for this run',
      filename: TS_FILE,
      code: `
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/sqlite';
import { beforeAll, test } from 'vitest';

const folder = join(tmpdir(), \`invoices-\${Date.now()}\`);
let orm: MikroORM;
beforeAll(async () => {
  const file = join(folder, 'main.db');
  orm = await MikroORM.init({ entities: [Invoice], dbName: file });
});

test('stores an invoice', async () => {
  await orm.em.insert(Invoice, { total: 1 });
});
test('stores another', async () => {
  await orm.em.insert(Invoice, { total: 2 });
});`,
    },
    {
      name: 'a database named after the file, so it holds only what this file wrote',
      filename: 'tests/integration/GH4821.test.ts',
      code: `
import { Pool } from 'pg';
import { it } from 'vitest';

const pool = new Pool({ database: 'regression_4821' });

it('inserts an invoice', async () => {
  await pool.query('INSERT INTO invoices (total) VALUES (1)');
});`,
    },
    {
      name: 'a database named after the file in its connection URL (Jest, JavaScript)',
      filename: 'tests/integration/issue-5307.test.js',
      code: `
const { MongoClient } = require('mongodb');

const client = new MongoClient('mongodb://127.0.0.1:27017/regression_5307');
afterAll(() => client.close());

test('keeps the draft', async () => {
  await client.db().collection('drafts').insertOne({ title: 'a' });
});`,
    },
    {
      name: 'a database named after the file in a clientUrl option (Vitest)',
      filename: 'tests/integration/GH7710.test.ts',
      code: `
import { MikroORM } from '@mikro-orm/mongodb';
import { afterAll, beforeAll, it } from 'vitest';

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init({ entities: [Ticket], clientUrl: 'mongodb://localhost:27017/mikro_orm_7710' });
});
afterAll(() => orm.close(true));

it('saves a ticket', async () => {
  await orm.em.insert(Ticket, { code: 'A-1' });
});`,
    },
    {
      name: 'a table dropped if it exists before the test writes to it',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { afterAll, it } from 'vitest';

const pool = new Pool();
afterAll(() => pool.end());

it('migrates invoices', async () => {
  await pool.query('DROP TABLE IF EXISTS invoices');
  await pool.query('CREATE TABLE invoices (id serial, total integer)');
  await pool.query('INSERT INTO invoices (total) VALUES (1)');
});`,
    },
    {
      name: 'a test that drops its own database at the end',
      filename: TS_FILE,
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
import { test } from 'vitest';

test('round-trips an invoice', async () => {
  const orm = await MikroORM.init({ entities: [Invoice], dbName: process.env.DB_NAME });
  await orm.schema.ensureDatabase();
  await orm.em.insert(Invoice, { total: 2 });
  await orm.schema.dropDatabase();
  await orm.close();
});`,
    },
    {
      name: 'a reset before the suite is enough when a single test writes',
      filename: TS_FILE,
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, expect, test } from 'vitest';

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init({ entities: [Invoice], dbName: process.env.DB_NAME });
  await orm.schema.refresh();
});
afterAll(() => orm.close(true));

test('stores an invoice', async () => {
  await orm.em.insert(Invoice, { total: 12 });
  expect(await orm.em.count(Invoice)).toBe(1);
});
test('reads the schema', async () => {
  expect(await orm.schema.getCreateSchemaSQL()).toContain('invoice');
});`,
    },
    {
      name: 'an in-memory collection emptied after each test',
      filename: TS_FILE,
      code: `
import Redis from 'ioredis';
import { afterEach, it } from 'vitest';

const redis = new Redis();
const keys: string[] = [];
afterEach(() => {
  keys.splice(0);
});

it('caches a session', async () => {
  await redis.set('session:1', 'ada');
});`,
    },
  ],
  invalid: [
    {
      name: 'a reset before the suite does not separate two tests that write',
      filename: TS_FILE,
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, test } from 'vitest';

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init({ entities: [Invoice], dbName: process.env.DB_NAME });
  await orm.schema.refresh();
});
afterAll(() => orm.close(true));

test('stores an invoice', async () => {
  await orm.em.insert(Invoice, { id: 1, total: 12 });
});
test('stores the same invoice again', async () => {
  await orm.em.insert(Invoice, { id: 1, total: 12 });
});`,
      errors: [
        {
          messageId: 'resetOnlyOnce',
          line: 13,
          data: { call: 'orm.em.insert()', target: 'the database', container, when: "before all of the file's tests", count: 2 },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'orm' },
              output: `
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, test, afterEach } from 'vitest';

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init({ entities: [Invoice], dbName: process.env.DB_NAME });
  await orm.schema.refresh();
});
afterAll(() => orm.close(true));

afterEach(async () => {
  // Remove what each test wrote through \`orm\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

test('stores an invoice', async () => {
  await orm.em.insert(Invoice, { id: 1, total: 12 });
});
test('stores the same invoice again', async () => {
  await orm.em.insert(Invoice, { id: 1, total: 12 });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'deleting rows after the write, in the test, is what the test checks',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { it } from 'vitest';

const pool = new Pool();

it('archives an invoice', async () => {
  await pool.query('INSERT INTO invoices (id, total) VALUES (1, 1)');
  await pool.query('DELETE FROM invoices WHERE id = 1');
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 8,
          data: { call: 'pool.query()', target: 'the database', container },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `
import { Pool } from 'pg';
import { it, afterEach } from 'vitest';

afterEach(async () => {
  // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

const pool = new Pool();

it('archives an invoice', async () => {
  await pool.query('INSERT INTO invoices (id, total) VALUES (1, 1)');
  await pool.query('DELETE FROM invoices WHERE id = 1');
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a file that resets the database before each test but never the cache: no second hook offered',
      filename: TS_FILE,
      code: `
import Redis from 'ioredis';
import { Pool } from 'pg';
import { beforeEach, it } from 'vitest';

const pool = new Pool();
const redis = new Redis();
beforeEach(() => pool.query('TRUNCATE invoices'));

it('caches the invoice total', async () => {
  await pool.query('INSERT INTO invoices (total) VALUES (1)');
  await redis.set('invoice:1:total', '1');
});`,
      errors: [{ messageId: 'missingCleanup', line: 12, data: { call: 'redis.set()', target: 'the cache', container }, suggestions: [] }],
    },
    {
      name: 'a file with a throwaway container: the message offers stopping it',
      filename: TS_FILE,
      code: `
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import Redis from 'ioredis';
import { beforeAll, it } from 'vitest';

let started: StartedPostgreSqlContainer;
const redis = new Redis();
beforeAll(async () => {
  started = await new PostgreSqlContainer('postgres:16').start();
});

it('caches a session', async () => {
  await redis.set('session:1', 'ada');
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 13,
          data: { call: 'redis.set()', target: 'the cache', container: ' (or stop the container that holds the data)' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'redis' },
              output: `
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import Redis from 'ioredis';
import { beforeAll, it, afterEach } from 'vitest';

let started: StartedPostgreSqlContainer;
const redis = new Redis();
beforeAll(async () => {
  started = await new PostgreSqlContainer('postgres:16').start();
});

afterEach(async () => {
  // Remove what each test wrote through \`redis\`: flush the keys it set.
});

it('caches a session', async () => {
  await redis.set('session:1', 'ada');
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a file without semicolons gets a hook without one',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg'
import { it } from 'vitest'

const pool = new Pool()

it('inserts an invoice', async () => {
  await pool.query('INSERT INTO invoices (total) VALUES (1)')
})`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 8,
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `
import { Pool } from 'pg'
import { it, afterEach } from 'vitest'

afterEach(async () => {
  // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
})

const pool = new Pool()

it('inserts an invoice', async () => {
  await pool.query('INSERT INTO invoices (total) VALUES (1)')
})`,
            },
          ],
        },
      ],
    },
    {
      name: 'importing helpers by name does not hide the writes of the file itself',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { it } from 'vitest';
import { anInvoice } from '../builders/invoice';

const pool = new Pool();

it('inserts an invoice', async () => {
  await pool.query('INSERT INTO invoices (total) VALUES ($1)', [anInvoice().total]);
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 9,
          data: { call: 'pool.query()', target: 'the database', container },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `
import { Pool } from 'pg';
import { it, afterEach } from 'vitest';
import { anInvoice } from '../builders/invoice';

afterEach(async () => {
  // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

const pool = new Pool();

it('inserts an invoice', async () => {
  await pool.query('INSERT INTO invoices (total) VALUES ($1)', [anInvoice().total]);
});`,
            },
          ],
        },
      ],
    },
  ],
});

ts.run('require-cleanup (TypeScript): hooks the file cannot see', rule, {
  valid: [
    {
      name: 'a project helper called at module level may register the cleanup',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { it } from 'vitest';
import { useTestDatabase } from '../support/database';

useTestDatabase();
const pool = new Pool();

it('inserts an invoice', async () => {
  await pool.query('INSERT INTO invoices (total) VALUES (1)');
});`,
    },
    {
      name: 'a project helper called in a suite body, its result kept',
      filename: TS_FILE,
      code: `
import { describe, it } from 'vitest';
import { withDatabase } from '../support/database';

describe('invoices', () => {
  const ctx = withDatabase();
  it('inserts an invoice', async () => {
    await ctx.pool.query('INSERT INTO invoices (total) VALUES (1)');
  });
});`,
    },
    {
      name: 'a setup module imported for its side effects',
      filename: TS_FILE,
      code: `
import '../support/reset-between-tests';
import { Pool } from 'pg';
import { it } from 'vitest';

const pool = new Pool();

it('inserts an invoice', async () => {
  await pool.query('INSERT INTO invoices (total) VALUES (1)');
});`,
    },
    {
      name: 'tests handed to a suite wrapper from a package',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { runModuleSuite } from '@acme/test-kit';

const pool = new Pool();

runModuleSuite({
  module: 'invoices',
  tests: () => {
    describe('invoices', () => {
      it('inserts an invoice', async () => {
        await pool.query('INSERT INTO invoices (total) VALUES (1)');
      });
    });
  },
});`,
    },
  ],
  invalid: [],
});

cjs.run('require-cleanup (JavaScript, CommonJS): helpers of the file', rule, {
  valid: [],
  invalid: [
    {
      name: 'Mocha: a helper of the file that saves, called from two tests',
      filename: JS_FILE,
      code: `
const { expect } = require('chai');
const { DataSource } = require('typeorm');

describe('invoices', () => {
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
  before(() => dataSource.initialize());
  after(() => dataSource.destroy());

  function insertInvoice(total) {
    return dataSource.getRepository('Invoice').save({ total });
  }

  it('stores an invoice', async () => {
    const saved = await insertInvoice(3);
    expect(saved.id).to.be.a('number');
  });
  it('lists invoices', async () => {
    await insertInvoice(4);
  });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 15,
          data: { call: 'insertInvoice()', target: 'a boundary', container },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'insertInvoice()' },
              output: `
const { expect } = require('chai');
const { DataSource } = require('typeorm');

describe('invoices', () => {
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
  before(() => dataSource.initialize());
  after(() => dataSource.destroy());

  afterEach(async () => {
    // Remove what each test wrote with \`insertInvoice()\`: delete what it created.
  });

  function insertInvoice(total) {
    return dataSource.getRepository('Invoice').save({ total });
  }

  it('stores an invoice', async () => {
    const saved = await insertInvoice(3);
    expect(saved.id).to.be.a('number');
  });
  it('lists invoices', async () => {
    await insertInvoice(4);
  });
});`,
            },
          ],
        },
      ],
    },
  ],
});

const VALKEY_CACHE = `const { describe, it, after } = require('mocha');
const { expect } = require('chai');
const Valkey = require('iovalkey');

describe('session cache', () => {
  const client = new Valkey(process.env.VALKEY_URL);
  after(() => client.quit());

  it('keeps a session', async () => {
    await client.set('session:ada', 'token', 'EX', 60);
    expect(await client.get('session:ada')).to.equal('token');
  });
});
`;

cjs.run('require-cleanup: a Valkey client (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'the keys flushed after each test',
      filename: 'test/integration/session-cache.test.js',
      code: VALKEY_CACHE.replace("const { describe, it, after } = require('mocha');", "const { describe, it, after, afterEach } = require('mocha');").replace(
        '  after(() => client.quit());',
        '  afterEach(() => client.flushdb());\n  after(() => client.quit());',
      ),
    },
    {
      name: 'the test empties the whole store itself once it has checked what it wrote',
      filename: 'test/integration/session-cache.test.js',
      code: VALKEY_CACHE.replace(
        "    expect(await client.get('session:ada')).to.equal('token');",
        "    expect(await client.get('session:ada')).to.equal('token');\n    await client.flushdb();",
      ),
    },
    {
      name: 'a delete of several keys removes each of them: the test wrote two of them',
      filename: 'test/integration/session-cache.test.js',
      code: `const { describe, it, after } = require('mocha');
const { expect } = require('chai');
const Valkey = require('iovalkey');

describe('session cache', () => {
  const client = new Valkey(process.env.VALKEY_URL);
  after(() => client.quit());

  it('forgets both sessions', async () => {
    const ada = \`session:ada:\${Date.now()}\`;
    const grace = \`session:grace:\${Date.now()}\`;
    await client.set(ada, 'token-1');
    await client.set(grace, 'token-2');
    expect(await client.del(ada, grace)).to.equal(2);
  });
});
`,
    },
    {
      name: 'a Keyv store cleared at the end of the test that wrote to it',
      filename: 'test/integration/session-cache.test.js',
      code: `const { describe, it } = require('mocha');
const { expect } = require('chai');
const Keyv = require('keyv');

describe('sessions', () => {
  it('keeps a session', async () => {
    const store = new Keyv(process.env.VALKEY_URL, { namespace: 'sessions' });
    await store.set('ada', 'token');
    expect(await store.get('ada')).to.equal('token');
    await store.clear();
    await store.disconnect();
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'emptying the cache in the test removes what it cached, not the row it inserted',
      filename: 'test/integration/orders.test.js',
      code: `const { describe, it, before, after } = require('mocha');
const { expect } = require('chai');
const Redis = require('ioredis');
const { Pool } = require('pg');

describe('orders', () => {
  const cache = new Redis(process.env.REDIS_URL);
  const pool = new Pool();
  after(() => Promise.all([cache.quit(), pool.end()]));

  it('caches a placed order', async () => {
    await pool.query('INSERT INTO orders (id) VALUES (1)');
    await cache.set('order:1', 'placed');
    expect(await cache.get('order:1')).to.equal('placed');
    await cache.flushdb();
  });
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 12,
          column: 11,
          suggestions: [
            {
              messageId: 'addCleanupHook',
              output: `const { describe, it, before, after, afterEach } = require('mocha');
const { expect } = require('chai');
const Redis = require('ioredis');
const { Pool } = require('pg');

describe('orders', () => {
  const cache = new Redis(process.env.REDIS_URL);
  const pool = new Pool();
  after(() => Promise.all([cache.quit(), pool.end()]));

  afterEach(async () => {
    // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  it('caches a placed order', async () => {
    await pool.query('INSERT INTO orders (id) VALUES (1)');
    await cache.set('order:1', 'placed');
    expect(await cache.get('order:1')).to.equal('placed');
    await cache.flushdb();
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a cache delete of the other key leaves the first write behind',
      filename: 'test/integration/session-cache.test.js',
      code: `const { describe, it, after } = require('mocha');
const { expect } = require('chai');
const Valkey = require('iovalkey');

describe('session cache', () => {
  const client = new Valkey(process.env.VALKEY_URL);
  after(() => client.quit());

  it('forgets one session', async () => {
    const ada = \`session:ada:\${Date.now()}\`;
    const grace = \`session:grace:\${Date.now()}\`;
    await client.set(ada, 'token-1');
    await client.set(grace, 'token-2');
    expect(await client.del(grace)).to.equal(1);
  });
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 12,
          column: 11,
          suggestions: [
            {
              messageId: 'addCleanupHook',
              output: `const { describe, it, after, afterEach } = require('mocha');
const { expect } = require('chai');
const Valkey = require('iovalkey');

describe('session cache', () => {
  const client = new Valkey(process.env.VALKEY_URL);
  after(() => client.quit());

  afterEach(async () => {
    // Remove what each test wrote through \`client\`: flush the keys it set.
  });

  it('forgets one session', async () => {
    const ada = \`session:ada:\${Date.now()}\`;
    const grace = \`session:grace:\${Date.now()}\`;
    await client.set(ada, 'token-1');
    await client.set(grace, 'token-2');
    expect(await client.del(grace)).to.equal(1);
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the ioredis fork writes a key nothing removes',
      filename: 'test/integration/session-cache.test.js',
      code: VALKEY_CACHE,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 10,
          column: 11,
          suggestions: [
            {
              messageId: 'addCleanupHook',
              output: `const { describe, it, after, afterEach } = require('mocha');
const { expect } = require('chai');
const Valkey = require('iovalkey');

describe('session cache', () => {
  const client = new Valkey(process.env.VALKEY_URL);
  after(() => client.quit());

  afterEach(async () => {
    // Remove what each test wrote through \`client\`: flush the keys it set.
  });

  it('keeps a session', async () => {
    await client.set('session:ada', 'token', 'EX', 60);
    expect(await client.get('session:ada')).to.equal('token');
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
