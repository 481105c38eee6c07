/**
 * `prefer-shared-infrastructure` and clients made over a connection the suite already holds
 * (`new Client({ connection })` with the connection a run-once hook opened): they wrap it and open
 * nothing. Tests that configure their build with values of their own, written differently, build
 * different things. AVA's hooks are properties of its test function, and the message names them so.
 * Code in a function of the file runs each time it is called, not once; closing a channel made from a
 * connection leaves the connection open. A fake the test answers for is started afresh on purpose.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/prefer-shared-infrastructure';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('prefer-shared-infrastructure: clients over a shared connection (TypeScript)', rule, {
  valid: [
    {
      name: 'AVA: each test wraps the connection the before hook opened',
      filename: 'test/integration/workflows.test.ts',
      code: `import anyTest, { type TestFn } from 'ava';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';

const test = anyTest as TestFn<{ env: TestWorkflowEnvironment }>;

test.before(async (t) => {
  t.context.env = await TestWorkflowEnvironment.createLocal();
});

test.after.always(async (t) => {
  await t.context.env.teardown();
});

test('starts a workflow', async (t) => {
  const client = new Client({ connection: t.context.env.connection });
  const handle = await client.workflow.start('greet', { taskQueue: 'greetings', workflowId: 'greet-1' });
  t.truthy(handle.workflowId);
});

test('lists workflows', async (t) => {
  const client = new Client({ connection: t.context.env.connection });
  t.truthy(client.workflow);
});
`,
    },
    {
      name: 'Vitest: each test builds its client with options of its own',
      filename: 'test/integration/audit.test.ts',
      code: `import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';

describe('audit entries', () => {
  it('writes entries in the primary region', async () => {
    const options = { appName: 'audit-primary', readPreference: 'primary' } as const;
    const client = new MongoClient(process.env.MONGO_URL!, options);
    await client.connect();
    await client.db('audit').collection('entries').insertOne({ action: 'login' });
  });

  it('reads entries from a secondary', async () => {
    const options = { appName: 'audit-replica', readPreference: 'secondary' } as const;
    const client = new MongoClient(process.env.MONGO_URL!, options);
    await client.connect();
    expect(await client.db('audit').collection('entries').findOne({})).toBeDefined();
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'AVA: each test opens a client of its own; the advice names test.before',
      filename: 'test/integration/workflows.test.ts',
      code: `import anyTest, { type TestFn } from 'ava';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';

const test = anyTest as TestFn<{ env: TestWorkflowEnvironment }>;

test.before(async (t) => {
  t.context.env = await TestWorkflowEnvironment.createLocal();
});

test.after.always(async (t) => {
  await t.context.env.teardown();
});

test('starts a workflow', async (t) => {
  const { connection } = t.context.env;
  const client = new Client({ namespace: "default" });
  const handle = await client.workflow.start('greet', { taskQueue: 'greetings', workflowId: 'greet-1' });
  t.truthy(handle.workflowId);
});

test('lists workflows', async (t) => {
  const client = new Client({ namespace: "default" });
  t.truthy(client.workflow);
});
`,
      errors: [{ messageId: 'perTestBody', line: 17, data: { call: 'new Client()', count: 2, shared: 'test.before' }, suggestions: [] }],
    },
    {
      name: 'AVA: a connection opened in the option itself is opened anew in each test',
      filename: 'test/integration/workflows.test.ts',
      code: `import anyTest, { type TestFn } from 'ava';
import { Client, Connection } from '@temporalio/client';

const test = anyTest as TestFn;

test('starts a workflow', async (t) => {
  const client = new Client({ connection: await Connection.connect({ address: 'localhost:7233' }) });
  await client.workflow.start('greet', { taskQueue: 'greetings', workflowId: 'greet-1' });
  t.pass();
});

test('lists workflows', async (t) => {
  const client = new Client({ connection: await Connection.connect({ address: 'localhost:7233' }) });
  t.truthy(client.workflow);
});
`,
      errors: [{ messageId: 'perTestBody', line: 7, data: { call: 'new Client()', count: 2, shared: 'test.before' }, suggestions: [] }],
    },
    {
      name: 'Vitest: each test writes the same options of its own, so one shared client would serve both',
      filename: 'test/integration/audit.test.ts',
      code: `import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';

describe('audit entries', () => {
  it('writes entries in the primary region', async () => {
    const options = { appName: 'audit-primary', readPreference: 'primary' } as const;
    const client = new MongoClient(process.env.MONGO_URL!, options);
    await client.connect();
    await client.db('audit').collection('entries').insertOne({ action: 'login' });
  });

  it('reads entries from a secondary', async () => {
    const options = { appName: 'audit-primary', readPreference: 'primary' } as const;
    const client = new MongoClient(process.env.MONGO_URL!, options);
    await client.connect();
    await client.db('audit').collection('entries').findOne({});
  });
});
`,
      errors: [{ messageId: 'perTestBody', line: 7, data: { call: 'new MongoClient()', count: 2, shared: 'beforeAll' }, suggestions: [] }],
    },
  ],
});

ts.run('prefer-shared-infrastructure: what runs once, and what closes the build (TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: each test hands a new client to a wrapper in place and closes the wrapper',
      filename: 'test/integration/session-store.test.ts',
      code: `import Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../src/session-store';

describe('session store', () => {
  it('forgets a deleted session', async () => {
    const store = new SessionStore(new Redis(process.env.REDIS_URL!), { prefix: 'a' });
    await store.delete('missing');
    expect(await store.get('missing')).toBeUndefined();
    await store.disconnect();
  });

  it('answers for a session nobody wrote', async () => {
    const store = new SessionStore(new Redis(process.env.REDIS_URL!), { prefix: 'a' });
    expect(await store.get('nobody')).toBeUndefined();
    await store.disconnect();
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: a function of the file that opens a pool runs on every call, so it opens nothing once for the suite',
      filename: 'test/integration/orders.test.ts',
      code: `import { Pool } from 'pg';
import { describe, expect, it } from 'vitest';

async function countRows(table: string) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query(\`SELECT count(*)::int AS count FROM \${table}\`);
  await pool.end();
  return rows[0].count;
}

describe('orders', () => {
  it('starts empty', async () => {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL });
    const { rows } = await pool.query('SELECT 1 AS one');
    expect(rows[0].one).toBe(1);
    expect(await countRows('orders')).toBe(0);
  });

  it('answers a ping', async () => {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL });
    expect((await pool.query('SELECT 1 AS one')).rowCount).toBe(1);
  });
});
`,
      errors: [{ messageId: 'perTestBody', line: 13, data: { call: 'new Pool()', count: 2, shared: 'beforeAll' }, suggestions: [] }],
    },
    {
      name: 'Vitest: each test closes the channel it made, not the connection it opened',
      filename: 'test/integration/order-events.test.ts',
      code: `import amqp, { type ChannelModel } from 'amqplib';
import { afterEach, describe, expect, it } from 'vitest';

describe('order events', () => {
  let connection: ChannelModel;

  afterEach(async () => {
    await connection.close();
  });

  it('publishes an order event', async () => {
    connection = await amqp.connect(process.env.AMQP_URL!);
    const channel = await connection.createChannel();
    await channel.assertQueue('orders', { exclusive: true });
    expect(channel.sendToQueue('orders', Buffer.from('{}'))).toBe(true);
    await channel.close();
  });

  it('consumes an order event', async () => {
    connection = await amqp.connect(process.env.AMQP_URL!);
    const channel = await connection.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true });
    expect(queue).not.toBe('');
    await channel.close();
  });
});
`,
      errors: [{ messageId: 'perTestBody', line: 12, data: { call: 'amqp.connect()', count: 2, shared: 'beforeAll' }, suggestions: [] }],
    },
  ],
});

cjs.run('prefer-shared-infrastructure: fakes a test answers for (node:test, CommonJS)', rule, {
  valid: [
    {
      name: 'node:test: a fresh SMTP server the test writes, before each test',
      filename: 'test/integration/receipts.test.js',
      code: `const assert = require('node:assert/strict');
const { afterEach, beforeEach, describe, it } = require('node:test');
const { SMTPServer } = require('smtp-server');
const { sendReceipt } = require('../../src/mail/receipts');

describe('receipts', () => {
  let server;
  let received;

  beforeEach((t, done) => {
    received = [];
    server = new SMTPServer({
      authOptional: true,
      onData(stream, session, callback) {
        stream.on('data', (chunk) => received.push(chunk));
        stream.on('end', callback);
      },
    });
    server.listen(2525, done);
  });

  afterEach((t, done) => {
    server.close(done);
  });

  it('sends a receipt', async () => {
    await sendReceipt({ to: 'ada@example.com', port: 2525 });
    assert.ok(received.length > 0);
  });

  it('sends a receipt with the order number', async () => {
    await sendReceipt({ to: 'ada@example.com', port: 2525, order: 42 });
    assert.match(Buffer.concat(received).toString(), /42/);
  });
});
`,
    },
  ],
  invalid: [],
});
