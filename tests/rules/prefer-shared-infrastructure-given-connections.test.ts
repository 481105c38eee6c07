/**
 * `prefer-shared-infrastructure` and clients made over a connection the suite already holds
 * (`new Client({ connection })` with the connection a run-once hook opened): they wrap it and open
 * nothing. Tests that configure their build with values of their own, written differently, build
 * different things. AVA's hooks are properties of its test function, and the message names them so.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/prefer-shared-infrastructure';

const ts = new RuleTester();

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
  const { connection } = t.context.env;
  const client = new Client({ connection });
  const handle = await client.workflow.start('greet', { taskQueue: 'greetings', workflowId: 'greet-1' });
  t.truthy(handle.workflowId);
});

test('lists workflows', async (t) => {
  const client = new Client({ connection: t.context.env.connection, namespace: 'default' });
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
