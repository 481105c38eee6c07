/**
 * `require-cleanup` where the project's own queue adapter is handed a test double, on a small project
 * written to disk: what goes to the double reaches no broker, so there is nothing to clean up.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import rule from '../../src/rules/require-cleanup';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'require-cleanup-doubles-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PROJECT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'orders', type: 'module' }),
  // The adapter: it publishes through amqplib unless it is handed another provider.
  'src/queue-client.js': `import amqplib from 'amqplib';

export class QueueClient {
  constructor(provider = amqplib) {
    this.provider = provider;
  }
  async publish(exchange, key, message) {
    const connection = await this.provider.connect('amqp://localhost');
    const channel = await connection.createChannel();
    channel.publish(exchange, key, Buffer.from(JSON.stringify(message)));
  }
}
`,
  // An in-memory stand-in for amqplib.
  'tests/support/fake-queue-provider.js': `export class FakeQueueProvider {
  constructor() {
    this.published = [];
  }
  async connect() {
    return { createChannel: async () => ({ publish: (...args) => this.published.push(args) }) };
  }
}
`,
  // A helper that picks the fake or the real provider by a flag only its caller knows.
  'tests/support/consumers.js': `import amqplib from 'amqplib';
import { QueueClient } from '../../src/queue-client.js';
import { FakeQueueProvider } from './fake-queue-provider.js';

export async function startConsumer(useFake) {
  const provider = useFake ? new FakeQueueProvider() : amqplib;
  return new QueueClient(provider);
}
`,
};

for (const [file, text] of Object.entries(PROJECT)) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const TEST = path.join(root, 'tests/integration/user-deleted.test.js');

js.run('require-cleanup: a queue adapter handed a test double (Vitest)', rule, {
  valid: [
    {
      name: 'the adapter is made here with a fake provider',
      filename: TEST,
      code: `import { expect, test } from 'vitest';
import { QueueClient } from '../../src/queue-client.js';
import { FakeQueueProvider } from '../support/fake-queue-provider.js';

test('publishes a deletion', async () => {
  const client = new QueueClient(new FakeQueueProvider());
  await client.publish('user.events', 'user.deleted', { id: 7 });
  expect(client).toBeDefined();
});
`,
    },
    {
      name: 'a helper hands back an adapter that may talk to a fake',
      filename: TEST,
      code: `import { expect, test } from 'vitest';
import { startConsumer } from '../support/consumers.js';

test('publishes a deletion', async () => {
  const client = await startConsumer(true);
  await client.publish('user.events', 'user.deleted', { id: 7 });
  expect(client).toBeDefined();
});
`,
    },
  ],
  invalid: [
    {
      name: 'the adapter on its real provider writes to the broker',
      filename: TEST,
      code: `import { expect, test } from 'vitest';
import { QueueClient } from '../../src/queue-client.js';

test('publishes a deletion', async () => {
  const client = new QueueClient();
  await client.publish('user.events', 'user.deleted', { id: 7 });
  expect(client).toBeDefined();
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 6,
          data: { call: 'client.publish()', target: 'the queue', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'client' },
              output: `import { expect, test, afterEach } from 'vitest';
import { QueueClient } from '../../src/queue-client.js';

afterEach(async () => {
  // Remove what each test wrote through \`client\`: purge the queues it published to.
});

test('publishes a deletion', async () => {
  const client = new QueueClient();
  await client.publish('user.events', 'user.deleted', { id: 7 });
  expect(client).toBeDefined();
});
`,
            },
          ],
        },
      ],
    },
  ],
});
