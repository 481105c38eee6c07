/** `require-cleanup`: a test that deletes, later in its own steps, exactly the row it wrote has cleaned up after itself. */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const TS_FILE = 'tests/integration/accounts.test.ts';
const JS_FILE = 'tests/integration/accounts.test.js';

ts.run('require-cleanup (TypeScript): a test that deletes what it wrote', rule, {
  valid: [
    {
      name: 'Vitest: SQL insert and delete of the same table by the same id variable',
      filename: TS_FILE,
      code: `
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { afterAll, expect, it } from 'vitest';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());

it('reads back an account it stored', async () => {
  const accountId = randomUUID();
  await pool.query('INSERT INTO accounts (id, owner) VALUES ($1, $2)', [accountId, 'grace']);
  const { rows } = await pool.query('SELECT owner FROM accounts WHERE id = $1', [accountId]);
  expect(rows[0].owner).toBe('grace');
  await pool.query('DELETE FROM accounts WHERE id = $1', [accountId]);
});`,
    },
    {
      name: 'Jest: a Prisma row deleted by the id the create handed back',
      filename: TS_FILE,
      code: `
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
afterAll(() => prisma.$disconnect());

test('renames an account', async () => {
  const account = await prisma.account.create({ data: { owner: 'grace' } });
  await prisma.account.update({ where: { id: account.id }, data: { owner: 'ada' } });
  expect((await prisma.account.findUnique({ where: { id: account.id } }))?.owner).toBe('ada');
  await prisma.account.delete({ where: { id: account.id } });
});`,
    },
    {
      name: 'Vitest: a Drizzle row deleted from the same table by the same key',
      filename: TS_FILE,
      code: `
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { expect, it } from 'vitest';
import { accounts } from '../../src/schema';

const db = drizzle(process.env.DATABASE_URL!);

it('stores an account', async () => {
  const id = 41;
  await db.insert(accounts).values({ id, owner: 'grace' });
  expect(await db.select().from(accounts).where(eq(accounts.id, id))).toHaveLength(1);
  await db.delete(accounts).where(eq(accounts.id, id));
});`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: the delete removes rows of another table',
      filename: TS_FILE,
      code: `
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { it } from 'vitest';

const pool = new Pool();

it('opens a session for an account', async () => {
  const accountId = randomUUID();
  await pool.query('INSERT INTO accounts (id) VALUES ($1)', [accountId]);
  await pool.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 10,
          data: { call: 'pool.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { it, afterEach } from 'vitest';

afterEach(async () => {
  // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

const pool = new Pool();

it('opens a session for an account', async () => {
  const accountId = randomUUID();
  await pool.query('INSERT INTO accounts (id) VALUES ($1)', [accountId]);
  await pool.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Jest: the delete picks its row by another key than the one written',
      filename: TS_FILE,
      code: `
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

test('moves an account', async () => {
  const created = await prisma.account.create({ data: { owner: 'grace' } });
  const previous = await prisma.account.findFirst({ where: { owner: 'ada' } });
  expect(created.owner).toBe('grace');
  await prisma.account.delete({ where: { id: previous!.id } });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 7,
          data: { call: 'prisma.account.create()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'prisma' },
              output: `
import { PrismaClient } from '@prisma/client';

afterEach(async () => {
  // Remove what each test wrote through \`prisma\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

const prisma = new PrismaClient();

test('moves an account', async () => {
  const created = await prisma.account.create({ data: { owner: 'grace' } });
  const previous = await prisma.account.findFirst({ where: { owner: 'ada' } });
  expect(created.owner).toBe('grace');
  await prisma.account.delete({ where: { id: previous!.id } });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Vitest: two rows written, only the first deleted',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { it } from 'vitest';

const pool = new Pool();

it('merges two accounts', async () => {
  const kept = 'acc-1';
  const merged = 'acc-2';
  await pool.query('INSERT INTO accounts (id) VALUES ($1)', [kept]);
  await pool.query('INSERT INTO accounts (id) VALUES ($1)', [merged]);
  await pool.query('DELETE FROM accounts WHERE id = $1', [kept]);
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 11,
          data: { call: 'pool.query()', target: 'the database', container: '' },
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

it('merges two accounts', async () => {
  const kept = 'acc-1';
  const merged = 'acc-2';
  await pool.query('INSERT INTO accounts (id) VALUES ($1)', [kept]);
  await pool.query('INSERT INTO accounts (id) VALUES ($1)', [merged]);
  await pool.query('DELETE FROM accounts WHERE id = $1', [kept]);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Vitest: the delete filters by the written row and by another one, so it removes a different row',
      filename: TS_FILE,
      code: `
import { PrismaClient } from '@prisma/client';
import { it } from 'vitest';

const prisma = new PrismaClient();

it('moves a grant between folders', async () => {
  const owner = await prisma.account.findFirstOrThrow();
  const [source, target] = await prisma.folder.findMany({ take: 2 });
  await prisma.grant.create({ data: { accountId: owner.id, folderId: source.id } });
  await prisma.grant.deleteMany({ where: { accountId: owner.id, folderId: target.id } });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 10,
          data: { call: 'prisma.grant.create()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'prisma' },
              output: `
import { PrismaClient } from '@prisma/client';
import { it, afterEach } from 'vitest';

afterEach(async () => {
  // Remove what each test wrote through \`prisma\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

const prisma = new PrismaClient();

it('moves a grant between folders', async () => {
  const owner = await prisma.account.findFirstOrThrow();
  const [source, target] = await prisma.folder.findMany({ take: 2 });
  await prisma.grant.create({ data: { accountId: owner.id, folderId: source.id } });
  await prisma.grant.deleteMany({ where: { accountId: owner.id, folderId: target.id } });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Vitest: a delete by a value written out, not a variable of the test, is not matched to the write',
      filename: TS_FILE,
      code: `
import { Pool } from 'pg';
import { it } from 'vitest';

const pool = new Pool();

it('stores an account', async () => {
  await pool.query("INSERT INTO accounts (id) VALUES ('acc-9')");
  await pool.query("DELETE FROM accounts WHERE id = 'acc-9'");
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 8,
          data: { call: 'pool.query()', target: 'the database', container: '' },
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

it('stores an account', async () => {
  await pool.query("INSERT INTO accounts (id) VALUES ('acc-9')");
  await pool.query("DELETE FROM accounts WHERE id = 'acc-9'");
});`,
            },
          ],
        },
      ],
    },
  ],
});

js.run('require-cleanup (JavaScript, ESM): a test that deletes what it wrote', rule, {
  valid: [
    {
      name: 'node:test: a knex row deleted from the same table by the same id',
      filename: JS_FILE,
      code: `
import { test } from 'node:test';
import assert from 'node:assert/strict';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

test('stores an account', async () => {
  const id = 7;
  await db('accounts').insert({ id, owner: 'grace' });
  assert.equal((await db('accounts').where({ id })).length, 1);
  await db('accounts').where({ id }).del();
});`,
    },
  ],
  invalid: [
    {
      name: 'node:test: the knex delete names another table',
      filename: JS_FILE,
      code: `
import { test } from 'node:test';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

test('stores an account', async () => {
  const id = 7;
  await db('accounts').insert({ id });
  await db('audit_log').where({ id }).del();
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 9,
          data: { call: 'db().insert()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'db' },
              output: `
import { test, afterEach } from 'node:test';
import knex from 'knex';

afterEach(async () => {
  // Remove what each test wrote through \`db\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

test('stores an account', async () => {
  const id = 7;
  await db('accounts').insert({ id });
  await db('audit_log').where({ id }).del();
});`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('require-cleanup (JavaScript, CommonJS): a test that deletes what it wrote', rule, {
  valid: [
    {
      name: 'Mocha: a MongoDB document deleted by the id it was inserted with, in a finally block',
      filename: JS_FILE,
      code: `
const { expect } = require('chai');
const { MongoClient, ObjectId } = require('mongodb');

describe('accounts', () => {
  const client = new MongoClient(process.env.MONGO_URL);
  after(() => client.close());

  it('finds an account by owner', async () => {
    const accounts = client.db().collection('accounts');
    const _id = new ObjectId();
    await accounts.insertOne({ _id, owner: 'grace' });
    try {
      expect(await accounts.findOne({ owner: 'grace' })).to.not.equal(null);
    } finally {
      await accounts.deleteOne({ _id });
    }
  });
});`,
    },
    {
      name: 'Mocha: a MongoDB document deleted at the end of the test by the id the insert handed back',
      filename: JS_FILE,
      code: `
const { expect } = require('chai');
const { MongoClient } = require('mongodb');

describe('accounts', () => {
  const client = new MongoClient(process.env.MONGO_URL);
  after(() => client.close());

  it('counts accounts', async () => {
    const { insertedId } = await client.db().collection('accounts').insertOne({ owner: 'grace' });
    expect(await client.db().collection('accounts').countDocuments()).to.be.above(0);
    await client.db().collection('accounts').deleteOne({ _id: insertedId });
  });
});`,
    },
  ],
  invalid: [
    {
      name: 'Mocha: the document deleted is picked by another variable than the one inserted',
      filename: JS_FILE,
      code: `
const { MongoClient } = require('mongodb');

describe('accounts', () => {
  const client = new MongoClient(process.env.MONGO_URL);

  it('replaces an account', async () => {
    const accounts = client.db().collection('accounts');
    const fresh = { owner: 'grace' };
    const stale = await accounts.findOne({ owner: 'ada' });
    await accounts.insertOne(fresh);
    await accounts.deleteOne({ _id: stale._id });
  });
});`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 11,
          data: { call: 'accounts.insertOne()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'accounts' },
              output: `
const { MongoClient } = require('mongodb');

describe('accounts', () => {
  const client = new MongoClient(process.env.MONGO_URL);

  afterEach(async () => {
    // Remove what each test wrote through \`accounts\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  it('replaces an account', async () => {
    const accounts = client.db().collection('accounts');
    const fresh = { owner: 'grace' };
    const stale = await accounts.findOne({ owner: 'ada' });
    await accounts.insertOne(fresh);
    await accounts.deleteOne({ _id: stale._id });
  });
});`,
            },
          ],
        },
      ],
    },
  ],
});
