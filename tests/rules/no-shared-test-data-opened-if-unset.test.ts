/**
 * `no-shared-test-data` on a client each test opens when it finds it unset (`if (!db) db = open()`,
 * `db || (db = open())`): such a test reuses what an earlier test opened, but does not need it, so
 * nothing is handed on. A test that reads the client without that check still needs the earlier one.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: clients opened when unset (Vitest, Jest, TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: every test opens the query builder when no earlier test has',
      filename: 'test/adapters/knex-adapter.integration.test.ts',
      code: `import { afterAll, describe, expect, it } from 'vitest';
import knex, { type Knex } from 'knex';
import { fromKnex } from '../../src/adapters/knex';

const url = process.env.DATABASE_URL;

describe('knex adapter', () => {
  let db: Knex | undefined;

  afterAll(async () => {
    await db?.destroy();
  });

  it('runs a statement inside a transaction', async () => {
    db = knex({ client: 'pg', connection: url });
    const rows = await db.transaction((trx) => fromKnex(trx).run('select 1 as one'));
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('rolls back when the statement fails', async () => {
    if (!db) db = knex({ client: 'pg', connection: url });
    await expect(db.transaction((trx) => fromKnex(trx).run('select nope'))).rejects.toThrow();
  });

  it('runs a statement without parameters', async () => {
    if (db === undefined) {
      db = knex({ client: 'pg', connection: url });
    }
    expect(await db.transaction((trx) => fromKnex(trx).run('select 2 as two'))).toEqual([{ two: 2 }]);
  });
});
`,
    },
    {
      name: 'Jest: a pool opened with `||` when unset',
      filename: 'src/jobs/job-store.integration.test.ts',
      code: `import { Pool } from 'pg';
import { JobStore } from './job-store';

let pool: Pool | null = null;

afterAll(async () => {
  await pool?.end();
});

it('stores a job', async () => {
  pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const store = new JobStore(pool);
  expect(await store.add({ name: 'mail' })).toMatchObject({ name: 'mail' });
});

it('lists the jobs it stored', async () => {
  const store = new JobStore(pool || (pool = new Pool({ connectionString: process.env.DATABASE_URL })));
  await store.add({ name: 'resize' });
  expect(await store.list()).toContainEqual(expect.objectContaining({ name: 'resize' }));
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: a later test that uses the client without the check still needs the earlier one',
      filename: 'test/adapters/knex-adapter.integration.test.ts',
      code: `import { afterAll, describe, expect, it } from 'vitest';
import knex, { type Knex } from 'knex';
import { fromKnex } from '../../src/adapters/knex';

describe('knex adapter', () => {
  let db: Knex | undefined;

  afterAll(async () => {
    await db?.destroy();
  });

  it('runs a statement inside a transaction', async () => {
    db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
    expect(await db.transaction((trx) => fromKnex(trx).run('select 1 as one'))).toEqual([{ one: 1 }]);
  });

  it('rolls back when the statement fails', async () => {
    if (!db) db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
    await expect(db.transaction((trx) => fromKnex(trx).run('select nope'))).rejects.toThrow();
  });

  it('reports the server version', async () => {
    expect(await fromKnex(db!).version()).toMatch(/^1[0-9]/);
  });
});
`,
      errors: [{ messageId: 'handedOnOpened', line: 23, data: { name: 'db', later: 'here, by a later test', hook: 'beforeAll' } }],
    },
    {
      name: 'Jest: a check that fails the test when the client is unset opens nothing',
      filename: 'src/jobs/job-store.integration.test.ts',
      code: `import { Pool } from 'pg';
import { JobStore } from './job-store';

let pool: Pool | undefined;

afterAll(async () => {
  await pool?.end();
});

it('stores a job', async () => {
  pool = new Pool({ connectionString: process.env.DATABASE_URL });
  expect(await new JobStore(pool).add({ name: 'mail' })).toMatchObject({ name: 'mail' });
});

it('lists the jobs it stored', async () => {
  if (!pool) throw new Error('the pool is not open');
  expect(await new JobStore(pool).list()).toHaveLength(1);
});
`,
      errors: [{ messageId: 'handedOnOpened', line: 16, data: { name: 'pool', later: 'here, by a later test', hook: 'beforeAll' } }],
    },
  ],
});

cjs.run('no-shared-test-data: clients opened when unset (Mocha, node:test, CommonJS)', rule, {
  valid: [
    {
      name: 'Mocha: each test connects the broker channel when it finds none',
      filename: 'test/integration/order-events.test.js',
      code: `const amqp = require('amqplib');
const { expect } = require('chai');
const { publishOrderPlaced } = require('../../src/events/orders');

describe('order events', function () {
  let connection;

  after(async function () {
    if (connection) await connection.close();
  });

  it('publishes an order placed event', async function () {
    connection = await amqp.connect(process.env.AMQP_URL);
    const channel = await connection.createChannel();
    expect(await publishOrderPlaced(channel, { id: 'o-1' })).to.equal(true);
  });

  it('publishes to the orders exchange', async function () {
    if (connection == null) connection = await amqp.connect(process.env.AMQP_URL);
    const channel = await connection.createChannel();
    expect(await publishOrderPlaced(channel, { id: 'o-2' })).to.equal(true);
  });
});
`,
    },
    {
      name: 'node:test: a client opened with `??` when unset',
      filename: 'test/integration/cache.test.js',
      code: `const { test, after } = require('node:test');
const assert = require('node:assert');
const { createClient } = require('redis');
const { rememberVisit } = require('../../src/cache/visits');

let client;

after(async () => {
  await client?.quit();
});

test('remembers a visit', async () => {
  client = await createClient({ url: process.env.REDIS_URL }).connect();
  assert.equal(await rememberVisit(client, 'ann'), 1);
});

test('counts a second visit', async () => {
  const redis = client ?? (client = await createClient({ url: process.env.REDIS_URL }).connect());
  await rememberVisit(redis, 'bob');
  assert.equal(await rememberVisit(redis, 'bob'), 2);
});
`,
    },
  ],
  invalid: [],
});
