import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';
import { SCENARIO_TO_ACCEPTANCE } from '../helpers/advice';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const TS_FILE = 'tests/integration/user-repository.test.ts';
const JS_FILE = 'tests/integration/order-repository.test.js';

ts.run('no-shared-test-data (TypeScript)', rule, {
  valid: [
    {
      name: 'stand-ins a holder of test doubles builds once are not rows',
      filename: TS_FILE,
      code: `
import { beforeAll, describe, expect, it } from 'vitest';
import { mocks } from '../support/activities';
import { inbox } from '../../src/federation/inbox';

describe('inbox', () => {
  let note: ReturnType<typeof mocks.note>;
  let activity: ReturnType<typeof mocks.create>;
  beforeAll(() => {
    note = mocks.note({ content: 'hello' });
    activity = mocks.create(note);
  });
  it('accepts a create activity', async () => {
    expect(await inbox.accepts(activity)).toBe(true);
  });
  it('keeps the note content', async () => {
    expect((await inbox.parse(activity)).content).toBe('hello');
  });
});
`,
    },
    {
      name: 'infrastructure shared in beforeAll: container, pool, URL, config, HTTP client',
      filename: TS_FILE,
      code: `
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import axios, { type AxiosInstance } from 'axios';
import { Pool } from 'pg';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';

let container: StartedPostgreSqlContainer;
let pool: Pool;
let url: string;
let config: { url: string; max: number };
let http: AxiosInstance;
let repo: UserRepository;

beforeAll(async () => {
  container = await new PostgreSqlContainer('postgres:16').start();
  url = container.getConnectionUri();
  config = { url, max: 2 };
  pool = new Pool({ connectionString: config.url, max: config.max });
  http = axios.create({ baseURL: 'http://localhost:4010' });
  repo = new UserRepository(pool);
});
afterAll(async () => {
  await pool.end();
  await container.stop();
});
beforeEach(() => pool.query('BEGIN'));
afterEach(() => pool.query('ROLLBACK'));

describe('UserRepository', () => {
  it('saves a user', async () => {
    const saved = await repo.save({ email: 'ada@example.com', name: 'Ada' });
    expect(saved.id).toBeGreaterThan(0);
  });
  it('finds a user by email', async () => {
    await repo.save({ email: 'grace@example.com', name: 'Grace' });
    expect(await repo.findByEmail('grace@example.com')).toMatchObject({ name: 'Grace' });
    expect(http.defaults.baseURL).toBe('http://localhost:4010');
    expect(url).toContain('postgres');
  });
});
`,
    },
    {
      name: 'an in-memory MongoDB server and a Nest application',
      filename: TS_FILE,
      code: `
import { MongoMemoryServer } from 'mongodb-memory-server';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';

let mongod: MongoMemoryServer;
let app: Awaited<ReturnType<typeof NestFactory.create>>;

beforeAll(async () => {
  mongod = await MongoMemoryServer.create();
  app = await NestFactory.create(AppModule);
  await app.init();
});

test('one', () => expect(mongod.getUri()).toBeTruthy());
test('two', () => expect(app).toBeDefined());
`,
    },
    {
      name: 'Jest: a data source and a server started once, a transaction per test',
      filename: TS_FILE,
      code: `
import type { Server } from 'node:http';
import { DataSource, type QueryRunner } from 'typeorm';
import { createApp } from '../../src/app';

let dataSource: DataSource;
let server: Server;
let runner: QueryRunner;
const options = { type: 'postgres' as const, url: process.env.DATABASE_URL, entities: [] };

beforeAll(async () => {
  dataSource = await new DataSource(options).initialize();
  server = createApp().listen(0);
});
afterAll(async () => {
  server.close();
  await dataSource.destroy();
});
beforeEach(async () => {
  runner = dataSource.createQueryRunner();
  await runner.startTransaction();
});
afterEach(() => runner.rollbackTransaction());

test('saves a user', async () => {
  await runner.manager.insert('users', { email: 'ada@example.com' });
  expect(server.listening).toBe(true);
});
test('starts with no users', async () => {
  expect(await runner.manager.count('users')).toBe(0);
});
`,
    },
    {
      name: 'data created per test in beforeEach, with rollback',
      filename: TS_FILE,
      code: `
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { PrismaClient, type User } from '@prisma/client';

let prisma: PrismaClient;
let user: User;

beforeAll(async () => {
  prisma = new PrismaClient();
  await prisma.$connect();
});
beforeEach(async () => {
  user = await prisma.user.create({ data: { email: 'ada@example.com' } });
});
afterEach(async () => {
  await prisma.user.deleteMany();
});

it('renames the user', async () => {
  await prisma.user.update({ where: { id: user.id }, data: { name: 'Grace' } });
});
it('deletes the user', async () => {
  await prisma.user.delete({ where: { id: user.id } });
});
`,
    },
    {
      name: 'a literal reset in beforeEach, then changed by tests',
      filename: TS_FILE,
      code: `
let cart = { items: [] as string[] };
beforeEach(() => {
  cart = { items: [] };
});
it('adds an item', () => {
  cart.items.push('book');
  expect(cart.items).toHaveLength(1);
});
it('starts empty', () => {
  expect(cart.items).toHaveLength(0);
});
`,
    },
    {
      name: 'the changed property emptied after each test',
      filename: TS_FILE,
      code: `
const cart = { items: [] as string[] };
afterEach(() => {
  cart.items.length = 0;
});
it('adds an item', () => {
  cart.items.push('book');
});
it('starts empty', () => {
  expect(cart.items).toEqual([]);
});
`,
    },
    {
      name: 'literals that are only read, spread or passed on',
      filename: TS_FILE,
      code: `
import { describe, expect, it } from '@jest/globals';
import { createPool } from '../../src/db/pool';
import { UserRepository } from '../../src/repositories/user-repository';

const ada = { email: 'ada@example.com', name: 'Ada' };
const roles = ['admin', 'editor'];
const repo = new UserRepository(createPool());

describe('UserRepository', () => {
  it('saves a copy', async () => {
    const saved = await repo.save({ ...ada, email: 'ada+1@example.com' });
    expect(saved).toMatchObject({ name: ada.name });
  });
  it('saves the fixture', async () => {
    await repo.save(ada);
    expect(roles).toContain('admin');
  });
});
`,
    },
    {
      name: 'frozen constants',
      filename: TS_FILE,
      code: `
const DEFAULT_USER = Object.freeze({ email: 'ada@example.com', name: 'Ada' });
it('one', () => {
  expect(DEFAULT_USER.name).toBe('Ada');
});
it('two', () => {
  expect({ ...DEFAULT_USER, name: 'Grace' }).not.toEqual(DEFAULT_USER);
});
`,
    },
    {
      name: 'Vitest test.extend fixtures give each test its own data',
      filename: TS_FILE,
      code: `
import { test as base, expect } from 'vitest';
import { createPool } from '../../src/db/pool';
import { UserRepository, type User } from '../../src/repositories/user-repository';

const pool = createPool();
const test = base.extend<{ user: User }>({
  user: async ({}, use) => {
    const repo = new UserRepository(pool);
    await use(await repo.save({ email: 'ada@example.com', name: 'Ada' }));
    await pool.query('DELETE FROM users');
  },
});

test('has an id', ({ user }) => {
  expect(user.id).toBeGreaterThan(0);
});
test('has a name', ({ user }) => {
  expect(user.name).toBe('Ada');
});
`,
    },
    {
      name: 'a helper module that only exports factories',
      filename: 'tests/integration/factories.ts',
      code: `
import type { Pool } from 'pg';

export const buildUser = (overrides: Partial<{ email: string; name: string }> = {}) => ({
  email: 'ada@example.com',
  name: 'Ada',
  ...overrides,
});

export async function createUser(pool: Pool, overrides = {}) {
  const user = buildUser(overrides);
  const { rows } = await pool.query('INSERT INTO users (email, name) VALUES ($1, $2) RETURNING *', [user.email, user.name]);
  return rows[0];
}
`,
    },
    {
      name: 'data created once for a single test',
      filename: TS_FILE,
      code: `
let user: { id: number };
beforeAll(async () => {
  user = await createUser();
});
it('has an id', () => {
  expect(user.id).toBeGreaterThan(0);
});
`,
    },
    {
      name: 'a value that is not test data: a token from an unknown call',
      filename: TS_FILE,
      code: `
let token: string;
beforeAll(async () => {
  token = await login('ada@example.com');
});
it('one', () => expect(token).toBeTruthy());
it('two', () => expect(token).toHaveLength(32));
`,
    },
    {
      name: 'a holder filled with infrastructure in beforeAll',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
const ctx: { pool?: Pool; url?: string } = {};
beforeAll(() => {
  ctx.url = process.env.DATABASE_URL;
  ctx.pool = new Pool({ connectionString: ctx.url });
});
it('one', () => expect(ctx.pool).toBeDefined());
it('two', () => expect(ctx.url).toBeDefined());
`,
    },
    {
      name: 'a literal changed by the one test that uses it',
      filename: TS_FILE,
      code: `
const order = { id: 1, lines: [] as number[] };
it('adds a line', () => {
  order.lines.push(3);
  expect(order.lines).toEqual([3]);
});
it('does something else', () => {
  expect(1).toBe(1);
});
`,
    },
    {
      name: 'a local copy changed in a test',
      filename: TS_FILE,
      code: `
const base = { items: [] as string[] };
it('one', () => {
  const cart = structuredClone(base);
  cart.items.push('book');
});
it('two', () => {
  expect(base.items).toEqual([]);
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: a user created in beforeAll and read by two tests',
      filename: TS_FILE,
      code: `
import { beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient, type User } from '@prisma/client';

const prisma = new PrismaClient();

describe('profile', () => {
  let user: User;

  beforeAll(async () => {
    user = await prisma.user.create({ data: { email: 'ada@example.com' } });
  });

  it('renames the user', async () => {
    await prisma.user.update({ where: { id: user.id }, data: { name: 'Grace' } });
  });
  it('reads the name', async () => {
    expect(user.name).toBeNull();
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 11,
          data: { hook: "beforeAll", shared: "the 2 tests that use `user`", sources: "`user = prisma.user.create()` (line 11)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'Vitest: infrastructure in another beforeAll keeps the import, and beforeEach is added',
      filename: TS_FILE,
      code: `
import { afterEach, beforeAll, expect, it } from 'vitest';
import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

let pool: Pool;
let repo: UserRepository;
let user: { id: number; email: string };

beforeAll(() => {
  pool = new Pool();
  repo = new UserRepository(pool);
});
beforeAll(async () => {
  user = await repo.save({ email: 'ada@example.com', name: 'Ada' });
});
afterEach(() => pool.query('DELETE FROM users'));

it('finds the user', async () => {
  expect(await repo.findByEmail(user.email)).toBeDefined();
});
it('has an id', () => {
  expect(user.id).toBeGreaterThan(0);
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 15,
          data: { hook: "beforeAll", shared: "the 2 tests that use `user`", sources: "`user = repo.save()` (line 15)" },
          suggestions: [
            { messageId: 'runPerTest', output: `
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

let pool: Pool;
let repo: UserRepository;
let user: { id: number; email: string };

beforeAll(() => {
  pool = new Pool();
  repo = new UserRepository(pool);
});
beforeEach(async () => {
  user = await repo.save({ email: 'ada@example.com', name: 'Ada' });
});
afterEach(() => pool.query('DELETE FROM users'));

it('finds the user', async () => {
  expect(await repo.findByEmail(user.email)).toBeDefined();
});
it('has an id', () => {
  expect(user.id).toBeGreaterThan(0);
});
` },
          ],
        },
      ],
    },
    {
      name: 'Jest: beforeEach already imported, so the last beforeAll leaves the import',
      filename: TS_FILE,
      code: `
import { afterEach, beforeAll, beforeEach, expect, test } from '@jest/globals';
import { createPool } from '../../src/db/pool';

const pool = createPool();
let orderId: number;

beforeEach(() => pool.query('BEGIN'));
afterEach(() => pool.query('ROLLBACK'));
beforeAll(async () => {
  const { rows } = await pool.query('INSERT INTO orders (total) VALUES (100) RETURNING id');
  orderId = rows[0].id;
});

test('pays the order', async () => {
  await pool.query('UPDATE orders SET paid = true WHERE id = $1', [orderId]);
});
test('the order is unpaid', async () => {
  const { rows } = await pool.query('SELECT paid FROM orders WHERE id = $1', [orderId]);
  expect(rows[0].paid).toBe(false);
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 11,
          data: { hook: "beforeAll", shared: "a suite of 2 tests", sources: "`pool.query()` (line 11)" },
          suggestions: [
            { messageId: 'runPerTest', output: `
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { createPool } from '../../src/db/pool';

const pool = createPool();
let orderId: number;

beforeEach(() => pool.query('BEGIN'));
afterEach(() => pool.query('ROLLBACK'));
beforeEach(async () => {
  const { rows } = await pool.query('INSERT INTO orders (total) VALUES (100) RETURNING id');
  orderId = rows[0].id;
});

test('pays the order', async () => {
  await pool.query('UPDATE orders SET paid = true WHERE id = $1', [orderId]);
});
test('the order is unpaid', async () => {
  const { rows } = await pool.query('SELECT paid FROM orders WHERE id = $1', [orderId]);
  expect(rows[0].paid).toBe(false);
});
` },
          ],
        },
      ],
    },
    {
      name: 'a hook that also builds infrastructure is reported with no edit',
      filename: TS_FILE,
      code: `
import { PrismaClient } from '@prisma/client';

let prisma: PrismaClient;
let userId: number;

beforeAll(async () => {
  prisma = new PrismaClient();
  const user = await prisma.user.create({ data: { email: 'ada@example.com' } });
  userId = user.id;
});

it('one', async () => {
  await prisma.user.update({ where: { id: userId }, data: { name: 'Grace' } });
});
it('two', async () => {
  expect(await prisma.user.findUnique({ where: { id: userId } })).toMatchObject({ name: null });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: "beforeAll", shared: "the 2 tests that use `userId`", sources: "`prisma.user.create()` (line 9)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a literal assigned in beforeAll and read by two tests',
      filename: TS_FILE,
      code: `
let order: { lines: Array<{ sku: string }> };
beforeAll(() => {
  order = { lines: [] };
});
it('adds a line', () => {
  order.lines.push({ sku: 'book' });
});
it('has no lines', () => {
  expect(order.lines).toEqual([]);
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 4,
          data: { hook: "beforeAll", shared: "the 2 tests that use `order`", sources: "`order = { … }` (line 4)" },
          suggestions: [
            { messageId: 'runPerTest', output: `
let order: { lines: Array<{ sku: string }> };
beforeEach(() => {
  order = { lines: [] };
});
it('adds a line', () => {
  order.lines.push({ sku: 'book' });
});
it('has no lines', () => {
  expect(order.lines).toEqual([]);
});
` },
          ],
        },
      ],
    },
    {
      name: 'seeds that are not kept: createMany, Promise.all and a loop',
      filename: TS_FILE,
      code: `
import { prisma } from '../../src/db/prisma';

const emails = ['ada@example.com', 'grace@example.com'];

describe('search', () => {
  beforeAll(async () => {
    await prisma.user.createMany({ data: emails.map((email) => ({ email })) });
    await Promise.all([createOrder(), createOrder()]);
    for (const email of emails) {
      await prisma.subscriber.create({ data: { email } });
    }
  });

  it('finds by prefix', async () => {
    expect(await prisma.user.findMany({ where: { email: { startsWith: 'ada' } } })).toHaveLength(1);
  });
  it('counts everyone', async () => {
    expect(await prisma.user.count()).toBe(2);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 8,
          data: { hook: "beforeAll", shared: "a suite of 2 tests", sources: "`prisma.user.createMany()` (line 8), `Promise.all([createOrder(), …])` (line 9), `prisma.subscriber.create()` (line 11)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'nested describes: a hook in the outer suite, tests in the inner ones',
      filename: TS_FILE,
      code: `
import { afterAll, beforeAll, describe, it } from 'vitest';
import { db } from '../../src/db/kysely';

describe('orders', () => {
  let orderId: number;
  beforeAll(async () => {
    ({ id: orderId } = await db.insertInto('orders').values({ total: 100 }).returning('id').executeTakeFirstOrThrow());
  });
  afterAll(async () => {
    await db.deleteFrom('orders').execute();
  });

  describe('paying', () => {
    it('marks the order paid', async () => {
      await db.updateTable('orders').set({ paid: true }).where('id', '=', orderId).execute();
    });
  });
  describe('refunding', () => {
    it('refuses an unpaid order', async () => {
      await expectRefundToFail(orderId);
    });
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 8,
          data: { hook: "beforeAll", shared: "the 2 tests that use `orderId`", sources: "`db.insertInto().values().returning().executeTakeFirstOrThrow()` (line 8)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a teardown that removes the user and closes the client blocks the edit',
      filename: TS_FILE,
      code: `
import { PrismaClient, type User } from '@prisma/client';

const prisma = new PrismaClient();
let user: User;

beforeAll(async () => {
  user = await prisma.user.create({ data: { email: 'ada@example.com' } });
});
afterAll(async () => {
  await prisma.user.delete({ where: { id: user.id } });
  await prisma.$disconnect();
});

it('one', () => expect(user.id).toBeDefined());
it('two', () => expect(user.email).toContain('@'));
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 8,
          data: { hook: "beforeAll", shared: "the 2 tests that use `user`", sources: "`user = prisma.user.create()` (line 8)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a teardown that wipes everything and disconnects stays where it is',
      filename: TS_FILE,
      code: `
import { PrismaClient, type User } from '@prisma/client';

const prisma = new PrismaClient();
let user: User;

beforeAll(async () => {
  user = await prisma.user.create({ data: { email: 'ada@example.com' } });
});
afterAll(async () => {
  await prisma.user.deleteMany();
  await prisma.$disconnect();
});

it('one', () => expect(user.id).toBeDefined());
it('two', () => expect(user.email).toContain('@'));
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 8,
          data: { hook: "beforeAll", shared: "the 2 tests that use `user`", sources: "`user = prisma.user.create()` (line 8)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a nested run-once hook that builds on the data blocks the edit',
      filename: TS_FILE,
      code: `
let account: { id: number };
beforeAll(async () => {
  account = await createAccount();
});
describe('invoices', () => {
  let invoice: { id: number };
  beforeAll(async () => {
    invoice = await createInvoice({ accountId: account.id });
  });
  it('one', () => expect(invoice.id).toBeDefined());
  it('two', () => expect(account.id).toBeDefined());
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 4,
          data: { hook: "beforeAll", shared: "the 2 tests that use `account`", sources: "`account = createAccount()` (line 4)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a parametrised test counts once per row',
      filename: TS_FILE,
      code: `
import { beforeAll, it } from 'vitest';
let user: { id: number; status: string };
beforeAll(async () => {
  user = await userFactory.create();
});
it.each([['active'], ['banned']])('sets the status to %s', async (status) => {
  await setStatus(user.id, status);
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 5,
          data: { hook: "beforeAll", shared: "the 2 tests that use `user`", sources: "`user = userFactory.create()` (line 5)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a table written as a constant tuple still counts its rows',
      filename: TS_FILE,
      code: `
import { beforeAll, it } from 'vitest';
let user: { id: number; status: string };
beforeAll(async () => {
  user = await userFactory.create();
});
it.each([['active'], ['banned'], ['pending']] as const)('sets the status to %s', async (status) => {
  await setStatus(user.id, status);
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 5,
          data: { hook: "beforeAll", shared: "the 3 tests that use `user`", sources: "`user = userFactory.create()` (line 5)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'tests in a parametrised suite run once per row for a hook outside it',
      filename: TS_FILE,
      code: `
import { beforeAll, describe, it } from 'vitest';
let user: { id: number; status: string };
beforeAll(async () => {
  user = await userFactory.create();
});
describe.each(['admin', 'guest'] as const)('as %s', (role) => {
  it('renames the user', async () => {
    await renameUser(user.id, role);
  });
  it('reads the user', async () => {
    await readUser(user.id, role);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 5,
          data: { hook: "beforeAll", shared: "the 4 tests that use `user`", sources: "`user = userFactory.create()` (line 5)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a hook inside a parametrised suite runs again for each row: its tests are counted once',
      filename: TS_FILE,
      code: `
import { beforeAll, describe, it } from 'vitest';
describe.each(['admin', 'guest'] as const)('as %s', (role) => {
  let user: { id: number; role: string };
  beforeAll(async () => {
    user = await userFactory.create({ role });
  });
  it('renames the user', async () => {
    await renameUser(user.id, 'x');
  });
  it('reads the user', async () => {
    await readUser(user.id);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 6,
          data: { hook: "beforeAll", shared: "the 2 tests that use `user`", sources: "`user = userFactory.create()` (line 6)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'tests elsewhere in the suite that hand a value on do not make the readers of seeded data an ordered scenario',
      filename: TS_FILE,
      code: `
import { beforeAll, describe, expect, it } from 'vitest';
import { createPost, findPost, login, renamePost } from './support/api';

describe('posts', () => {
  let post: { id: string; title: string };
  beforeAll(async () => {
    post = await createPost({ title: 'Hello' });
  });
  it('finds the post', async () => {
    expect((await findPost(post.id)).title).toBe('Hello');
  });
  it('renames the post', async () => {
    await renamePost(post.id, 'Bye');
  });

  describe('sessions', () => {
    let token: string;
    it('logs in', async () => {
      token = await login('ada', 'secret');
    });
    it('uses the session', async () => {
      expect(token).toBeTruthy();
    });
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 8,
          data: { hook: "beforeAll", shared: "the 2 tests that use `post`", sources: "`post = createPost()` (line 8)" },
          suggestions: [],
        },
        { messageId: 'handedOn', line: 23, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'token', later: 'here, by a later test' } },
      ],
    },
    {
      name: 'tests that read an id the hook took from the seeded row read the row',
      filename: TS_FILE,
      code: `
import { beforeAll, describe, expect, it } from 'vitest';
import { createPost, findPost, publishPost } from './support/posts';

describe('posts', () => {
  let post: { id: string; title: string };
  let postId: string;
  beforeAll(async () => {
    post = await createPost({ title: 'Hello' });
    postId = post.id;
  });
  it('keeps the title', () => {
    expect(post.title).toBe('Hello');
  });
  it('finds the post', async () => {
    expect(await findPost(postId)).toBeTruthy();
  });
  it('publishes the post', async () => {
    await publishPost(postId);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: "beforeAll", shared: "the 3 tests that use `post`, `postId`", sources: "`post = createPost()` (line 9)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a module-level literal that tests change becomes a factory',
      filename: TS_FILE,
      code: `
import { describe, expect, it } from 'vitest';
import { applyDiscount } from '../../src/pricing';

type Cart = { items: Array<{ sku: string; cents: number }>; coupon?: string };

const cart: Cart = {
  items: [{ sku: 'book', cents: 1200 }],
};

describe('checkout', () => {
  it('adds an item', () => {
    cart.items.push({ sku: 'pen', cents: 300 });
    expect(cart.items).toHaveLength(2);
  });
  it('applies a coupon', () => {
    cart.coupon = 'TEN';
    expect(applyDiscount(cart.items[0].cents, 10)).toBe(1080);
  });
  it('reads the total', () => expect(cart.items.length).toBe(1));
});
`,
      errors: [
        {
          messageId: 'mutatedLiteral',
          line: 7,
          column: 7,
          endColumn: 11,
          data: { name: 'cart', tests: 3, changedIn: 'test' },
          suggestions: [
            {
              messageId: 'buildPerTest',
              data: { name: 'cart', factory: 'buildCart' },
              output: `
import { describe, expect, it } from 'vitest';
import { applyDiscount } from '../../src/pricing';

type Cart = { items: Array<{ sku: string; cents: number }>; coupon?: string };

const buildCart = (): Cart => ({
  items: [{ sku: 'book', cents: 1200 }],
});

describe('checkout', () => {
  it('adds an item', () => {
    const cart = buildCart();
    cart.items.push({ sku: 'pen', cents: 300 });
    expect(cart.items).toHaveLength(2);
  });
  it('applies a coupon', () => {
    const cart = buildCart();
    cart.coupon = 'TEN';
    expect(applyDiscount(cart.items[0].cents, 10)).toBe(1080);
  });
  it('reads the total', () => { const cart = buildCart(); return expect(cart.items.length).toBe(1); });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'delete, Object.assign and a describe-level let',
      filename: TS_FILE,
      code: `
describe('orders', () => {
  let DEFAULT_ORDER = { id: 7, status: 'new' } as { id?: number; status: string };
  test('drops the id', () => {
    delete DEFAULT_ORDER.id;
    expect(DEFAULT_ORDER).toEqual({ status: 'new' });
  });
  test('ships', () => {
    Object.assign(DEFAULT_ORDER, { status: 'shipped' });
  });
});
`,
      errors: [
        {
          messageId: 'mutatedLiteral',
          line: 3,
          column: 7,
          data: { name: 'DEFAULT_ORDER', tests: 2, changedIn: 'test' },
          suggestions: [
            {
              messageId: 'buildPerTest',
              data: { name: 'DEFAULT_ORDER', factory: 'buildDefaultOrder' },
              output: `
describe('orders', () => {
  let buildDefaultOrder = () => ({ id: 7, status: 'new' } as { id?: number; status: string });
  test('drops the id', () => {
    const DEFAULT_ORDER = buildDefaultOrder();
    delete DEFAULT_ORDER.id;
    expect(DEFAULT_ORDER).toEqual({ status: 'new' });
  });
  test('ships', () => {
    const DEFAULT_ORDER = buildDefaultOrder();
    Object.assign(DEFAULT_ORDER, { status: 'shipped' });
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a literal that a hook also uses gets no factory edit',
      filename: TS_FILE,
      code: `
const fixture = { items: [] as string[] };
beforeEach(() => {
  fixture.items.push('seed');
});
it('one', () => expect(fixture.items).toHaveLength(1));
it('two', () => expect(fixture.items).toHaveLength(1));
`,
      errors: [{ messageId: 'mutatedLiteral', line: 2, data: { name: 'fixture', tests: 2, changedIn: 'hook' }, suggestions: [] }],
    },
    {
      name: 'a literal given data in beforeAll, read by two tests: reported once, for the hook',
      filename: TS_FILE,
      code: `
const state: { user?: { id: number } } = {};
beforeAll(async () => {
  state.user = await createUser();
});
it('one', () => expect(state.user).toBeDefined());
it('two', () => expect(state.user?.id).toBeGreaterThan(0));
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 4,
          data: { hook: "beforeAll", shared: "a suite of 2 tests", sources: "`createUser()` (line 4)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'autofix: true applies the beforeEach edit',
      filename: TS_FILE,
      options: [{ autofix: true }],
      code: `
import { beforeAll, expect, it } from 'vitest';
let user: { id: number };
beforeAll(async () => {
  user = await createUser();
});
it('one', () => expect(user.id).toBe(1));
it('two', () => expect(user.id).toBe(1));
`,
      output: null,
      errors: [
        {
          messageId: 'sharedData',
          line: 5,
          data: { hook: "beforeAll", shared: "the 2 tests that use `user`", sources: "`user = createUser()` (line 5)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'autofix: true applies the factory edit',
      filename: TS_FILE,
      options: [{ autofix: true }],
      code: `
const user = { name: 'Ada' };
it('one', () => {
  user.name = 'Grace';
});
it('two', () => {
  expect(user.name).toBe('Ada');
});
`,
      output: `
const buildUser = () => ({ name: 'Ada' });
it('one', () => {
  const user = buildUser();
  user.name = 'Grace';
});
it('two', () => {
  const user = buildUser();
  expect(user.name).toBe('Ada');
});
`,
      errors: [{ messageId: 'mutatedLiteral' }],
    },
    {
      name: 'an aliased hook import gets no edit',
      filename: TS_FILE,
      code: `
import { beforeAll as setupOnce, it } from 'vitest';
let user: { id: number };
setupOnce(async () => {
  user = await createUser();
});
it('one', () => expect(user.id).toBe(1));
it('two', () => expect(user.id).toBe(1));
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 5,
          data: { hook: "setupOnce", shared: "the 2 tests that use `user`", sources: "`user = createUser()` (line 5)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a compound assignment in one test, read by another',
      filename: TS_FILE,
      code: `
import { buildCart } from './builders';
const cart = buildCart();
const totals = { cents: 0 };
it('one', () => {
  totals.cents += cart.total;
});
it('two', () => expect(totals.cents).toBe(0));
`,
      errors: [
        {
          messageId: 'mutatedLiteral',
          line: 4,
          data: { name: 'totals', tests: 2, changedIn: 'test' },
          suggestions: [
            {
              messageId: 'buildPerTest',
              output: `
import { buildCart } from './builders';
const cart = buildCart();
const buildTotals = () => ({ cents: 0 });
it('one', () => {
  const totals = buildTotals();
  totals.cents += cart.total;
});
it('two', () => { const totals = buildTotals(); return expect(totals.cents).toBe(0); });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a factory name that is taken gets no edit',
      filename: TS_FILE,
      code: `
const buildTotals = () => ({ cents: 100 });
const totals = { cents: 0 };
it('one', () => {
  totals.cents += buildTotals().cents;
});
it('two', () => expect(totals.cents).toBe(0));
`,
      errors: [{ messageId: 'mutatedLiteral', line: 3, suggestions: [] }],
    },
    {
      name: 'node:test default import: test.before',
      filename: 'tests/integration/user-repository.test.mts',
      code: `
import test from 'node:test';
import assert from 'node:assert/strict';

test.describe('users', () => {
  let user: { id: number };
  test.before(async () => {
    user = await repo.save({ email: 'ada@example.com' });
  });
  test.afterEach(() => repo.clear());
  test('one', () => assert.ok(user.id));
  test('two', () => assert.ok(user.id));
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 8,
          data: { hook: "test.before", shared: "the 2 tests that use `user`", sources: "`user = repo.save()` (line 8)" },
          suggestions: [
            { messageId: 'runPerTest', output: `
import test from 'node:test';
import assert from 'node:assert/strict';

test.describe('users', () => {
  let user: { id: number };
  test.beforeEach(async () => {
    user = await repo.save({ email: 'ada@example.com' });
  });
  test.afterEach(() => repo.clear());
  test('one', () => assert.ok(user.id));
  test('two', () => assert.ok(user.id));
});
` },
          ],
        },
      ],
    },
  ],
});

js.run('no-shared-test-data (JavaScript modules)', rule, {
  valid: [
    {
      name: 'a list filled once by a setup hook, before any test runs, and only read by the tests',
      filename: JS_FILE,
      code: `
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chunk } from '../../src/batch.js';

describe('chunking', () => {
  const scores = [];
  const context = {};
  before(async () => {
    for (let i = 0; i < 100; i++) scores.push(i);
    context.labels = await loadLabels('en');
  });

  it('splits into pages of ten', () => {
    assert.equal(chunk(scores, 10).length, 10);
  });
  it('keeps the last page short', () => {
    assert.equal(chunk(scores, 30).at(-1).length, 10);
  });
  it('labels each page', () => {
    assert.ok(context.labels.page);
  });
});
`,
    },
    {
      name: 'an expected result built once from what the seed script stored, never changed by a test',
      filename: JS_FILE,
      code: `
import { beforeAll, describe, expect, it } from '@jest/globals';
import { openDb } from '../support/db.js';
import { pages } from '../../src/pages.js';

describe('page lookup', () => {
  let db;
  let expectedHome;
  beforeAll(async () => {
    db = await openDb();
    const [home] = await db.select().from('pages').where({ slug: 'home' });
    expectedHome = { ...home, url: '/' };
  });

  it('finds the home page by slug', async () => {
    expect(await pages(db).bySlug('home')).toEqual(expectedHome);
  });
  it('finds the home page by url', async () => {
    expect(await pages(db).byUrl('/')).toEqual(expectedHome);
  });
});
`,
    },
    {
      name: 'ids the tests collect only so that a teardown can delete them afterwards',
      filename: JS_FILE,
      code: `
import { afterAll, describe, expect, it } from 'vitest';
import { uploads } from '../../src/uploads.js';

describe('uploads', () => {
  const created = [];
  afterAll(async () => {
    for (const id of created) await uploads.remove(id);
  });

  it('stores an image', async () => {
    const doc = await uploads.store({ name: 'a.png' });
    created.push(doc.id);
    expect(doc.mimeType).toBe('image/png');
  });
  it('stores a document', async () => {
    const doc = await uploads.store({ name: 'b.pdf' });
    created.push(doc.id);
    expect(doc.mimeType).toBe('application/pdf');
  });
});
`,
    },
    {
      name: 'a bucket made once is where tests put their objects, not shared data',
      filename: JS_FILE,
      code: `
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { S3Client } from '@aws-sdk/client-s3';
import { createTestBucket, emptyBucket } from '../helpers/s3.js';
import { AvatarStore } from '../../src/avatar-store.js';

describe('avatar store', () => {
  const s3 = new S3Client({ endpoint: 'http://localhost:4566', forcePathStyle: true });
  const store = new AvatarStore(s3, 'avatars-test');
  before(async () => {
    await createTestBucket(s3, 'avatars-test');
  });
  after(() => emptyBucket(s3, 'avatars-test'));

  it('stores an avatar', async () => {
    const key = await store.save('user-1', Buffer.from('png'));
    assert.ok(key);
  });
  it('reads back what it stored', async () => {
    const key = await store.save('user-2', Buffer.from('jpg'));
    assert.deepEqual(await store.read(key), Buffer.from('jpg'));
  });
});
`,
    },
    {
      name: 'a getter in before hands back a maker of records, and each test makes its own',
      filename: JS_FILE,
      code: `
import { after, before, beforeEach, describe, it } from 'mocha';
import { expect } from 'chai';
import { openOrm } from '../../src/db/orm.js';
import { Invoice } from '../../src/entities/invoice.js';

describe('invoice numbering', () => {
  let orm;
  let maker;
  before(async () => {
    orm = await openOrm();
    maker = orm.em.getEntityFactory();
  });
  beforeEach(() => orm.schema.clear());
  after(() => orm.close());

  it('starts at one', () => {
    const invoice = maker.create(Invoice, { total: 10 });
    expect(invoice.number).to.equal(1);
  });
  it('keeps the total', () => {
    const invoice = maker.create(Invoice, { total: 25 });
    expect(invoice.total).to.equal(25);
  });
});
`,
    },
    {
      name: 'node:test: a pool in before, a user per test in beforeEach',
      filename: JS_FILE,
      code: `
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';

describe('orders', () => {
  let pool;
  let user;
  before(() => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  });
  after(() => pool.end());
  beforeEach(async () => {
    await pool.query('BEGIN');
    user = (await pool.query("INSERT INTO users (email) VALUES ('ada@example.com') RETURNING *")).rows[0];
  });
  afterEach(() => pool.query('ROLLBACK'));

  it('places an order', async () => {
    await pool.query('INSERT INTO orders (user_id) VALUES ($1)', [user.id]);
  });
  it('has no orders yet', async () => {
    const { rows } = await pool.query('SELECT * FROM orders WHERE user_id = $1', [user.id]);
    assert.equal(rows.length, 0);
  });
});
`,
    },
    {
      name: 'msw server set up once, handlers reset after each test',
      filename: JS_FILE,
      code: `
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

const server = setupServer(http.post('https://api.payments.example/v1/charges', () => HttpResponse.json({ id: 'ch_1', status: 'succeeded' })));
let client;
beforeAll(() => {
  server.listen();
  client = new PaymentClient('https://api.payments.example');
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

test('charges a card', async () => {
  expect(await client.charge(100, 'tok')).toEqual({ id: 'ch_1', status: 'succeeded' });
});
test('charges again', async () => {
  expect((await client.charge(200, 'tok')).status).toBe('succeeded');
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: rows seeded once for tests written in a loop over an array of the file, counted item by item',
      filename: JS_FILE,
      code: `
import { beforeAll, describe, expect, it } from 'vitest';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const currencies = ['EUR', 'USD', 'GBP'];

describe('prices', () => {
  beforeAll(async () => {
    await db('prices').insert([{ sku: 'mug', currency: 'EUR', amount: 9 }]);
  });

  for (const currency of currencies) {
    it(\`lists prices in \${currency}\`, async () => {
      expect(await db('prices').where({ currency })).toBeDefined();
    });
    it(\`converts prices to \${currency}\`, async () => {
      expect(await db('prices').count()).toBeDefined();
    });
  }
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 10,
          data: { hook: 'beforeAll', shared: 'a suite of 6 tests', sources: '`db().insert()` (line 10)' },
        },
      ],
    },
    {
      name: 'Jest globals: a factory user with a teardown that deletes it',
      filename: JS_FILE,
      code: `
const { DataSource } = require('typeorm');

let dataSource;
let user;

beforeAll(async () => {
  dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
  await dataSource.initialize();
});
afterAll(() => dataSource.destroy());

describe('users', () => {
  beforeAll(async () => {
    user = await userFactory.create({ email: 'ada@example.com' });
  });
  afterAll(async () => {
    await dataSource.getRepository('User').delete(user.id);
  });

  test('verifies the email', async () => {
    await verifyEmail(user);
  });
  test('is unverified', () => {
    expect(user.verified).toBe(false);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 15,
          data: { hook: "beforeAll", shared: "the 2 tests that use `user`", sources: "`user = userFactory.create()` (line 15)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'node:test named imports: before stays imported for the pool, beforeEach is added',
      filename: JS_FILE,
      code: `
import { afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

describe('orders', () => {
  before(async () => {
    await db.migrate.latest();
  });
  afterEach(() => db('orders').del());
  describe('listing', () => {
    before(async () => {
      await db('orders').insert([{ total: 100 }, { total: 250 }]);
    });
    it('lists two orders', async () => {
      assert.equal((await db('orders')).length, 2);
    });
    it('cancels one', async () => {
      await db('orders').where({ total: 100 }).del();
    });
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 15,
          data: { hook: "before", shared: "a suite of 2 tests", sources: "`db().insert()` (line 15)" },
          suggestions: [
            { messageId: 'runPerTest', output: `
import { afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

describe('orders', () => {
  before(async () => {
    await db.migrate.latest();
  });
  afterEach(() => db('orders').del());
  describe('listing', () => {
    beforeEach(async () => {
      await db('orders').insert([{ total: 100 }, { total: 250 }]);
    });
    it('lists two orders', async () => {
      assert.equal((await db('orders')).length, 2);
    });
    it('cancels one', async () => {
      await db('orders').where({ total: 100 }).del();
    });
  });
});
` },
          ],
        },
      ],
    },
    {
      name: 'a module-level array that a test pushes to (expression-bodied tests)',
      filename: JS_FILE,
      code: `
const events = [];
it('records an event', () => events.push('created'));
it('starts with no events', () => expect(events).toEqual([]));
`,
      errors: [
        {
          messageId: 'mutatedLiteral',
          line: 2,
          data: { name: 'events', tests: 2, changedIn: 'test' },
          suggestions: [
            {
              messageId: 'buildPerTest',
              data: { name: 'events', factory: 'buildEvents' },
              output: `
const buildEvents = () => [];
it('records an event', () => { const events = buildEvents(); return events.push('created'); });
it('starts with no events', () => { const events = buildEvents(); return expect(events).toEqual([]); });
`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('no-shared-test-data (CommonJS)', rule, {
  valid: [
    {
      name: 'each test makes its own client before it reads it, whatever it is made from',
      filename: 'test/integration/admin-client.test.js',
      code: `
const createAdmin = require('../../src/admin');
const { createCluster, newLogger } = require('../helpers');

describe('admin client', () => {
  let admin;
  afterEach(async () => admin && (await admin.disconnect()));

  it('emits connection events', async () => {
    admin = createAdmin({ cluster: createCluster(), logger: newLogger(), retry: { retries: 0 } });
    await admin.connect();
  });
  it('rejects an unknown event name', () => {
    admin = createAdmin({ cluster: createCluster(), logger: newLogger() });
    expect(() => admin.on('NOPE', () => {})).toThrow();
  });
});
`,
    },
    {
      name: 'a model each test defines again is set-up, not data handed from test to test',
      filename: 'test/integration/query-casting.test.js',
      code: `
const assert = require('node:assert');
const mongoose = require('mongoose');

describe('query casting', function () {
  let Ship;
  before(() => mongoose.connect(process.env.MONGO_URL));
  after(() => mongoose.disconnect());
  afterEach(() => mongoose.deleteModel(/Ship/));

  it('keeps unknown fields when strictQuery is off', async function () {
    Ship = mongoose.model('Ship', new mongoose.Schema({ name: String }, { strictQuery: false }));
    assert.deepEqual(Ship.find({ crew: 3 }).getFilter(), { crew: 3 });
  });
  it('drops unknown fields when strictQuery is on', async function () {
    Ship = mongoose.model('Ship', new mongoose.Schema({ name: String }, { strictQuery: true }));
    assert.deepEqual(Ship.find({ crew: 3 }).getFilter(), {});
  });
  it('casts a list to $in', async function () {
    assert.deepEqual(Ship.find({ name: ['a', 'b'] }).getFilter(), { name: { $in: ['a', 'b'] } });
  });
});
`,
    },
    {
      name: 'Mocha: a row made once, handed through a local to a binding that one test reads',
      filename: JS_FILE,
      code: `
const { expect } = require('chai');
const request = require('supertest');
const { app } = require('../../src/app');

describe('tags', function () {
  let tagId;

  before(async function () {
    const response = await request(app).post('/tags').send({ name: 'sale' });
    tagId = response.body.id;
  });

  it('reads the tag', async function () {
    const response = await request(app).get(\`/tags/\${tagId}\`);
    expect(response.status).to.equal(200);
  });

  it('lists no archived tags', async function () {
    const response = await request(app).get('/tags?archived=true');
    expect(response.body).to.deep.equal([]);
  });
});
`,
    },
    {
      name: 'Mocha: a container started in before, rows created per test',
      filename: JS_FILE,
      code: `
const { GenericContainer } = require('testcontainers');
const { expect } = require('chai');
const Redis = require('ioredis');

describe('session store', function () {
  let container;
  let redis;
  before(async function () {
    this.timeout(60000);
    container = await new GenericContainer('redis:7').withExposedPorts(6379).start();
    redis = new Redis(container.getMappedPort(6379), container.getHost());
  });
  after(async function () {
    await redis.quit();
    await container.stop();
  });
  afterEach(() => redis.flushall());

  it('stores a session', async function () {
    await redis.set('session:1', 'ada');
    expect(await redis.get('session:1')).to.equal('ada');
  });
  it('expires a session', async function () {
    await redis.set('session:2', 'grace', 'EX', 1);
    expect(await redis.ttl('session:2')).to.be.at.most(1);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'a socket the first test connects, used by the next: open it in a setup hook',
      filename: 'test/integration/socket-events.test.js',
      code: `
const assert = require('node:assert');
const helpers = require('./helpers');

describe('socket events', function () {
  let io;
  after(() => io && io.close());

  it('connects', async function () {
    io = await helpers.connectSocketIO('http://localhost:4567');
    assert.ok(io.connected);
  });
  it('answers a ping', async function () {
    assert.equal(await io.emitWithAck('ping'), 'pong');
  });
});
`,
      errors: [{ messageId: 'handedOnOpened', line: 14, data: { name: 'io', later: 'here, by a later test', hook: 'before' } }],
    },
    {
      name: 'Mocha required from mocha: before and after move together',
      filename: JS_FILE,
      code: `
const { after, before, describe, it } = require('mocha');
const { expect } = require('chai');
const { knex } = require('../../src/db/knex');

describe('orders', function () {
  before(async function () {
    this.timeout(10000);
    await knex('orders').insert({ id: 1, total: 100 });
  });
  after(async function () {
    await knex('orders').del();
  });

  it('ships the order', async function () {
    await knex('orders').where({ id: 1 }).update({ shipped: true });
  });
  it('the order is not shipped', async function () {
    const order = await knex('orders').where({ id: 1 }).first();
    expect(order.shipped).to.equal(false);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: "before", shared: "a suite of 2 tests", sources: "`knex().insert()` (line 9)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'Mocha globals with sinon: a describe-level user and an afterAll that only closes',
      filename: JS_FILE,
      code: `
const sinon = require('sinon');
const { expect } = require('chai');
const { UserRepository } = require('../../src/repositories/user-repository');
const { createPool } = require('../../src/db/pool');

describe('UserRepository', () => {
  const pool = createPool();
  const repo = new UserRepository(pool);
  let user;

  before(async () => {
    user = await repo.save({ email: 'ada@example.com', name: 'Ada' });
  });
  after(() => pool.end());
  afterEach(() => sinon.restore());

  it('finds the user', async () => {
    expect(await repo.findByEmail(user.email)).to.deep.equal(user);
  });
  it('logs lookups', async () => {
    const log = sinon.spy(console, 'info');
    await repo.findByEmail(user.email);
    expect(log.called).to.equal(false);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 13,
          data: { hook: "before", shared: "the 2 tests that use `user`", sources: "`user = repo.save()` (line 13)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'Mocha TDD: suiteSetup becomes setup',
      filename: JS_FILE,
      code: `
suite('invoices', function () {
  let invoice;
  suiteSetup(async function () {
    invoice = await createInvoice({ total: 100 });
  });
  teardown(() => deleteInvoices());
  test('pays', async function () {
    await payInvoice(invoice.id);
  });
  test('is open', function () {
    assert.equal(invoice.status, 'open');
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 5,
          data: { hook: "suiteSetup", shared: "the 2 tests that use `invoice`", sources: "`invoice = createInvoice()` (line 5)" },
          suggestions: [
            { messageId: 'runPerTest', output: `
suite('invoices', function () {
  let invoice;
  setup(async function () {
    invoice = await createInvoice({ total: 100 });
  });
  teardown(() => deleteInvoices());
  test('pays', async function () {
    await payInvoice(invoice.id);
  });
  test('is open', function () {
    assert.equal(invoice.status, 'open');
  });
});
` },
          ],
        },
      ],
    },
    {
      name: 'an earlier beforeEach that builds on the data blocks the edit, since it would run first',
      filename: JS_FILE,
      code: `
let org;
let user;
beforeEach(async () => {
  user = await createUser({ orgId: org.id });
});
beforeAll(async () => {
  org = await createOrg();
});
it('one', () => expect(user.orgId).toBe(org.id));
it('two', () => expect(user).toBeDefined());
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 8,
          data: { hook: "beforeAll", shared: "the 2 tests that use `org`", sources: "`org = createOrg()` (line 8)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a local beforeEach that is not the framework one: no edit',
      filename: JS_FILE,
      code: `
const beforeEach = (fn) => fn();
let user;
beforeAll(async () => {
  user = await createUser();
});
it('one', () => expect(user).toBeDefined());
it('two', () => expect(user).toBeDefined());
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 5,
          data: { hook: "beforeAll", shared: "the 2 tests that use `user`", sources: "`user = createUser()` (line 5)" },
          suggestions: [],
        },
      ],
    },
  ],
});

// The rule looks only at what can make a finding: suites, tests and hooks with a body written inline,
// and then only in a file with a run-once setup hook or a suite-level literal; of the suite bindings,
// only at every use of those that start as a literal or that a setup hook assigns.
ts.run('no-shared-test-data (what a file must hold to be looked at)', rule, {
  valid: [
    {
      name: 'hooks and tests given as named functions: no body to look at',
      filename: TS_FILE,
      code: `
import { beforeAll, expect, it } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';

const repo = new UserRepository();
let user: { id: number };

async function seedUser() {
  user = await repo.save({ email: 'ada@example.com' });
}
function findsTheUser() {
  expect(user.id).toBeGreaterThan(0);
}
function listsTheUser() {
  expect(user).toBeDefined();
}

beforeAll(seedUser);
it('finds the user', findsTheUser);
it('lists the user', listsTheUser);
`,
    },
    {
      name: 'per-test hooks only and no suite literal',
      filename: TS_FILE,
      code: `
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const repo = new UserRepository(pool);
let user: { id: number };

beforeEach(async () => {
  user = await repo.save({ email: 'ada@example.com' });
});
afterEach(() => pool.query('TRUNCATE users'));
afterAll(() => pool.end());

it('finds the user', async () => expect(await repo.findById(user.id)).toBeTruthy());
it('lists the user', async () => expect(await repo.list()).toHaveLength(1));
`,
    },
  ],
  invalid: [
    {
      name: 'the only run-once hook is TDD suiteSetup, written with function expressions',
      filename: TS_FILE,
      code: `
suite('users', function () {
  let user;
  suiteSetup(async function () {
    user = await repo.save({ email: 'ada@example.com' });
  });
  test('finds the user', function () {
    assert.ok(user.id);
  });
  test('lists the user', function () {
    assert.ok(user.email);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 5,
          data: { hook: "suiteSetup", shared: "the 2 tests that use `user`", sources: "`user = repo.save()` (line 5)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'the only trigger is a describe-level literal: no hooks at all',
      filename: TS_FILE,
      code: `
describe('cart', () => {
  const cart = { items: [] as string[] };
  it('adds a book', () => {
    cart.items.push('book');
  });
  it('starts empty', () => {
    expect(cart.items).toEqual([]);
  });
});
`,
      errors: [
        {
          messageId: 'mutatedLiteral',
          line: 3,
          data: { name: 'cart', tests: 2, changedIn: 'test' },
          suggestions: [
            {
              messageId: 'buildPerTest',
              data: { name: 'cart', factory: 'buildCart' },
              output: `
describe('cart', () => {
  const buildCart = () => ({ items: [] as string[] });
  it('adds a book', () => {
    const cart = buildCart();
    cart.items.push('book');
  });
  it('starts empty', () => {
    const cart = buildCart();
    expect(cart.items).toEqual([]);
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'data assigned in a setup hook that also builds infrastructure',
      filename: TS_FILE,
      code: `
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

let pool: Pool;
let user: { id: number; email: string };

beforeAll(async () => {
  pool = new Pool({ connectionString: process.env.DATABASE_URL });
  user = await new UserRepository(pool).save({ email: 'ada@example.com' });
});
afterAll(() => pool.end());

it('finds the user', async () => expect(await new UserRepository(pool).findById(user.id)).toBeTruthy());
it('keeps the email', () => expect(user.email).toBe('ada@example.com'));
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 11,
          data: { hook: "beforeAll", shared: "the 2 tests that use `user`", sources: "`user = new UserRepository().save()` (line 11)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'data assigned in a callback inside the setup hook',
      filename: TS_FILE,
      code: `
import { beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../src/db';
import { UserRepository } from '../../src/repositories/user-repository';

let user: { id: number };

beforeAll(() =>
  withTransaction(async (tx) => {
    user = await new UserRepository(tx).save({ email: 'ada@example.com' });
  }),
);

it('finds the user', () => expect(user.id).toBeGreaterThan(0));
it('lists the user', () => expect(user).toBeDefined());
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 10,
          data: { hook: "beforeAll", shared: "the 2 tests that use `user`", sources: "`user = new UserRepository().save()` (line 10)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a value kept by a setup hook that only creates data, read by a nested setup hook, blocks the edit',
      filename: TS_FILE,
      code: `
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db';
import { prepareRefunds } from '../../src/refunds';

let orderId: string;

beforeAll(async () => {
  await db.insertInto('orders').values({ id: 'ord_1', total: 100 }).execute();
  orderId = 'ord_1';
});

describe('refunds', () => {
  beforeAll(() => prepareRefunds(orderId));
  it('refunds the order', () => expect(orderId).toBe('ord_1'));
  it('lists the refund', () => expect(orderId).toBeDefined());
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: "beforeAll", shared: "a suite of 2 tests", sources: "`db.insertInto().values().execute()` (line 9)" },
          suggestions: [],
        },
      ],
    },
  ],
});

ts.run('no-shared-test-data (schema, code under test, what tests really read)', rule, {
  valid: [
    {
      name: 'schema built once in beforeAll; rows made and removed around each test',
      filename: TS_FILE,
      code: `
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { Invoice } from '../../src/billing/invoice.entity';

let orm: MikroORM;
let invoice: Invoice;

beforeAll(async () => {
  orm = await MikroORM.init({ entities: [Invoice], dbName: 'billing_test' });
  await orm.schema.refresh();
  await orm.em.getConnection().execute('CREATE INDEX invoices_due ON invoice (due_at)');
});
beforeEach(async () => {
  invoice = orm.em.create(Invoice, { total: 40 });
  await orm.em.flush();
});
afterEach(() => orm.schema.clear());
afterAll(() => orm.close());

it('totals the invoice', () => expect(invoice.total).toBe(40));
it('has no due date yet', () => expect(invoice.dueAt).toBeUndefined());
`,
    },
    {
      name: 'Knex and TypeORM schema calls: createTable, synchronize, a helper named for the table',
      filename: TS_FILE,
      code: `
import { beforeAll, beforeEach, it } from 'vitest';
import { Table } from 'typeorm';

beforeAll(async () => {
  await db.schema.createTable('parcels', (table) => table.increments('id'));
  await dataSource.synchronize();
  await queryRunner.createTable(new Table({ name: 'labels', columns: [] }));
  await createShipmentsTable(db);
});
beforeEach(() => db('parcels').truncate());

it('stores a parcel', () => db('parcels').insert({ weight: 2 }));
it('counts parcels', () => db('parcels').count());
`,
    },
    {
      name: 'after the schema is dropped, create… helpers rebuild it',
      filename: JS_FILE,
      code: `
const { dropTables, createParcels, createLabels } = require('../helpers/tables');

describe('parcels', () => {
  let db;
  before(async () => {
    db = connectTestDatabase();
    await dropTables(db);
    await createParcels(db);
    await createLabels(db, { withIndexes: true });
  });
  beforeEach(() => db('parcels').truncate());
  it('inserts', () => db('parcels').insert({ weight: 1 }));
  it('selects', () => db('parcels').select());
});
`,
    },
    {
      name: 'a factory that builds the code under test around a handle is not data',
      filename: TS_FILE,
      code: `
import { afterEach, beforeAll, expect, it } from 'vitest';

let countOverdue: (days: number) => Promise<number>;
let admin: ClusterAdmin;

beforeAll(async () => {
  countOverdue = createCountOverdueInvoices(db.rawConnection);
  admin = createAdmin({ cluster: createCluster(brokers), logger: createLogger() });
});
afterEach(() => db.rawConnection('invoices').delete());

it('counts nothing in an empty table', async () => expect(await countOverdue(30)).toBe(0));
it('lists the topics', async () => expect(await admin.listTopics()).toEqual([]));
it('counts again', async () => expect(await countOverdue(60)).toBe(0));
`,
    },
    {
      name: 'rows kept in bindings that one test each reads are not shared',
      filename: TS_FILE,
      code: `
import { beforeAll, expect, it } from 'vitest';

let archivedProject: Project;
let activeProject: Project;

beforeAll(async () => {
  archivedProject = await projects.create({ name: 'old', archived: true });
  activeProject = await projects.create({ name: 'new' });
});

it('hides an archived project', async () => expect(await listVisible()).not.toContainEqual(archivedProject));
it('shows an active project', async () => expect(await listVisible()).toContainEqual(activeProject));
`,
    },
    {
      name: 'a collection emptied after each test with splice(0) or clear()',
      filename: TS_FILE,
      code: `
import { afterEach, expect, it } from 'vitest';

const openedRunners: Runner[] = [];
const seenKeys = new Set<string>();

afterEach(async () => {
  for (const runner of openedRunners.splice(0)) await runner.release();
  seenKeys.clear();
});

it('opens a runner', () => {
  openedRunners.push(dataSource.createQueryRunner());
  expect(openedRunners).toHaveLength(1);
});
it('opens another', () => {
  openedRunners.push(dataSource.createQueryRunner());
  expect(openedRunners).toHaveLength(1);
});
`,
    },
    {
      name: 'a query rendered with toSQL() writes nothing; signing in through the app is not data',
      filename: TS_FILE,
      code: `
import request from 'supertest';
import { beforeAll, expect, it } from 'vitest';

let rendered: { sql: string };
let token: string;

beforeAll(async () => {
  rendered = db('parcels').insert({ weight: 2 }).toSQL();
  token = (await request(app).post('/api/auth/login').send({ email: 'ops@example.com' })).body.token;
});

it('renders an insert', () => expect(rendered.sql).toMatch(/^insert/));
it('binds the weight', () => expect(rendered.sql).toContain('weight'));
it('is signed in', () => expect(token).toBeDefined());
`,
    },
    {
      name: 'each test sets the value before it reads it: nothing is handed on',
      filename: TS_FILE,
      code: `
import { expect, it } from 'vitest';

let response: { status: number };

it('creates', async () => {
  response = await client.send('create');
  expect(response.status).toBe(201);
});
it('reads', async () => {
  response = await client.send('read');
  expect(response.status).toBe(200);
});
`,
    },
  ],
  invalid: [
    {
      name: 'a method named for the record it makes, on a service object',
      filename: TS_FILE,
      code: `
import { before, describe, it } from 'mocha';

describe('topic members', () => {
  let member: Subscriber;
  before(async () => {
    member = await subscribers.createSubscriber();
  });
  it('adds the member', () => topics.add(member.id));
  it('removes the member', () => topics.remove(member.id));
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 7,
          data: { hook: "before", shared: "the 2 tests that use `member`", sources: "`member = subscribers.createSubscriber()` (line 7)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'rows created through the app in beforeAll (a POST through supertest)',
      filename: TS_FILE,
      code: `
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';

describe('users admin', () => {
  beforeAll(async () => {
    await request(app).post('/api/users').send({ email: 'lin@example.com' });
  });
  it('lists the user', async () => expect((await request(app).get('/api/users')).body).toHaveLength(1));
  it('changes the password', () => request(app).patch('/api/users/1').send({ password: 'x' }));
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 7,
          data: { hook: "beforeAll", shared: "a suite of 2 tests", sources: "`request().post().send()` (line 7)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'writes in a counted loop, through a repository kept in a local of a nested callback',
      filename: TS_FILE,
      code: `
import { before, it } from 'mocha';

before(async () => {
  await Promise.all(
    connections.map(async (connection) => {
      const parcels = connection.getRepository(Parcel);
      for (let index = 0; index < 20; index++) {
        await parcels.save({ id: index, weight: index });
      }
    }),
  );
});
it('sums the weights', () => sumWeights());
it('finds the heaviest', () => findHeaviest());
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: "before", shared: "a suite of 2 tests", sources: "`parcels.save()` (line 9)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a value one test sets and later tests read',
      filename: TS_FILE,
      code: `
import { expect, test } from '@jest/globals';

let orderId: string;

test('places an order', async () => {
  orderId = (await orders.place({ sku: 'tea' })).id;
});
test('finds the order', async () => {
  expect(await orders.find(orderId)).toBeDefined();
});
test('cancels the order', async () => {
  await orders.cancel(orderId);
});
`,
      errors: [
        {
          messageId: 'handedOn',
          line: 10,
          data: { scenario: SCENARIO_TO_ACCEPTANCE, name: "orderId", later: "by 2 later tests, starting here" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'an ordered scenario on data seeded once: the advice is to merge the steps',
      filename: TS_FILE,
      code: `
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('a coupon used once', () => {
  let coupon: Coupon;
  let firstOrder: Order;
  beforeAll(async () => {
    coupon = await createCoupon({ code: 'ONCE', usageLimit: 1 });
  });
  afterAll(() => deleteCoupon(coupon.id));
  it('applies the coupon', async () => {
    firstOrder = await checkout({ coupon: coupon.code });
  });
  it('refuses it the second time', async () => {
    await expect(checkout({ coupon: coupon.code, after: firstOrder.id })).rejects.toThrow();
  });
});
`,
      errors: [
        {
          messageId: 'sharedScenario',
          line: 8,
          data: { scenario: SCENARIO_TO_ACCEPTANCE, hook: "beforeAll", shared: "the 2 tests that use `coupon`", sources: "`coupon = createCoupon()` (line 8)" },
          suggestions: [],
        },
        {
          messageId: 'handedOn',
          line: 15,
          data: { scenario: SCENARIO_TO_ACCEPTANCE, name: "firstOrder", later: "here, by a later test" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'data next to schema in one hook: only the data is listed, and no edit',
      filename: TS_FILE,
      code: `
import { afterAll, beforeAll, expect, test } from 'vitest';

beforeAll(async () => {
  await orm.schema.create();
  orm.em.create(Shelf, { label: 'A' });
  await orm.em.flush();
});
afterAll(() => orm.close());

test('finds the shelf', async () => expect(await orm.em.count(Shelf)).toBe(1));
test('reads its label', async () => expect((await orm.em.findOneOrFail(Shelf, { label: 'A' })).label).toBe('A'));
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 6,
          data: { hook: "beforeAll", shared: "a suite of 2 tests", sources: "`orm.em.create()` (line 6)" },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a row kept in a binding no test reads is still shared: tests reach it by its code',
      filename: TS_FILE,
      code: `
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('vouchers', () => {
  let voucher: Voucher;
  beforeAll(async () => {
    voucher = await vouchers.create({ code: 'SPRING' });
  });
  afterAll(() => vouchers.delete(voucher.id));
  it('accepts the code', async () => expect(await redeem('SPRING')).toBe(true));
  it('rejects another code', async () => expect(await redeem('WINTER')).toBe(false));
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 7,
          data: { hook: "beforeAll", shared: "a suite of 2 tests", sources: "`vouchers.create()` (line 7)" },
          suggestions: [],
        },
      ],
    },
  ],
});

ts.run('no-shared-test-data (a unit of work writes when it is flushed)', rule, {
  valid: [
    {
      name: 'entities staged with em.create and never flushed in the hook',
      filename: TS_FILE,
      code: `
import { beforeAll, expect, it } from 'vitest';

let draft: Invoice;
beforeAll(() => {
  draft = orm.em.create(Invoice, { total: 10 });
  orm.em.persist(orm.em.create(Customer, { name: 'Ines' }));
});
it('has a total', () => expect(draft.total).toBe(10));
it('is not saved yet', () => expect(draft.id).toBeUndefined());
`,
    },
  ],
  invalid: [
    {
      name: 'the same entities flushed in the hook',
      filename: TS_FILE,
      code: `
import { beforeAll, expect, it } from 'vitest';

let draft: Invoice;
beforeAll(async () => {
  draft = orm.em.create(Invoice, { total: 10 });
  await orm.em.flush();
});
it('has a total', () => expect(draft.total).toBe(10));
it('is saved', () => expect(draft.id).toBeDefined());
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 6,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `draft`', sources: '`draft = orm.em.create()` (line 6)' },
          suggestions: [],
        },
      ],
    },
  ],
});
