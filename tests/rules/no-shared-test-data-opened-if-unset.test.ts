/**
 * `no-shared-test-data` on a client each test opens when it finds it unset (`if (!db) db = open()`,
 * `db || (db = open())`), or opens after ending whatever is there (`await client?.end()`,
 * `await closeClient(client)`): such a test reuses or ends what an earlier test opened, but does not
 * need it, so nothing is handed on. A test that reads the client without that care still needs the
 * earlier one.
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

const RECONNECTS = `const { Client } = require('pg');
const { expect } = require('chai');
const { saveInvoice } = require('../../src/invoices');

async function closeClient(client) {
  if (client) await client.end();
}

describe('invoices', function () {
  let client;

  after(async function () {
    await closeClient(client);
  });

  it('saves an invoice', async function () {
    client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    expect(await saveInvoice(client, { total: 10 })).to.have.property('id');
  });

  it('saves an invoice on a fresh connection', async function () {
    await client?.end();
    client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    expect(await saveInvoice(client, { total: 20 })).to.have.property('id');
  });

  it('saves an invoice after a helper ends the old connection', async function () {
    await closeClient(client);
    client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    expect(await saveInvoice(client, { total: 30 })).to.have.property('id');
  });
});
`;

cjs.run('no-shared-test-data: clients ended before a test opens its own (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'each later test ends whatever connection is there, if any, then opens its own',
      filename: 'test/integration/invoices.test.js',
      code: RECONNECTS,
    },
  ],
  invalid: [
    {
      name: 'ending it without `?.` needs an earlier test to have opened it',
      filename: 'test/integration/invoices.test.js',
      code: RECONNECTS.replace('    await client?.end();\n', '    await client.end();\n'),
      errors: [{ messageId: 'handedOnOpened', line: 23, data: { name: 'client', later: 'here, by a later test', hook: 'before' } }],
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
