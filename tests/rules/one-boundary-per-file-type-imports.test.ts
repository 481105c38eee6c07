/**
 * `one-boundary-per-file` on an import used only as a type, or not read at all: `import { Job } from 'bullmq'` read only in
 * `as Job` names a type, and nothing of the queue runs, as with `import type`; nor does it run for a name
 * the file imports and never reads. A value taken from the
 * same import (`new Queue(…)`, `Job.fromId(…)`) exercises the queue. So an HTTP fake taken only to tidy up
 * (`nock.cleanAll()`) sets up no fake and exercises no HTTP boundary; one that intercepts a host does.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/one-boundary-per-file';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('one-boundary-per-file: imports used only as types (Vitest)', rule, {
  valid: [
    {
      name: 'the queue package only types the job handed to the processor',
      filename: 'test/integration/trace-deletion.test.ts',
      code: `import { Pool } from 'pg';
import { Job } from 'bullmq';
import { afterAll, expect, it } from 'vitest';
import { processTraceDeletion } from '../../src/queues/trace-deletion';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

afterAll(() => pool.end());

it('deletes the traces of a project', async () => {
  await pool.query("INSERT INTO traces (id, project_id) VALUES ('t1', 'p1')");
  await processTraceDeletion({ data: { projectId: 'p1' } } as Job);
  const { rows } = await pool.query("SELECT id FROM traces WHERE project_id = 'p1'");
  expect(rows).toHaveLength(0);
});
`,
    },
  ],
  invalid: [
    {
      name: 'the same import also opens a queue',
      filename: 'test/integration/trace-deletion.test.ts',
      code: `import { Pool } from 'pg';
import { Job, Queue } from 'bullmq';
import { afterAll, expect, it } from 'vitest';
import { processTraceDeletion } from '../../src/queues/trace-deletion';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const queue = new Queue('trace-deletion');

afterAll(async () => {
  await queue.close();
  await pool.end();
});

it('deletes the traces of a project', async () => {
  await pool.query("INSERT INTO traces (id, project_id) VALUES ('t1', 'p1')");
  await processTraceDeletion({ data: { projectId: 'p1' } } as Job);
  const { rows } = await pool.query("SELECT id FROM traces WHERE project_id = 'p1'");
  expect(rows).toHaveLength(0);
});
`,
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 2,
          data: { count: 2, boundaries: 'database (line 1), queue (line 2)', max: 1, file: 'test/integration/trace-deletion.test.ts' },
        },
      ],
    },
  ],
});

cjs.run('one-boundary-per-file: a value from the queue package (Jest, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'JavaScript has no type positions: the required class is a value',
      filename: 'test/integration/trace-deletion.test.js',
      code: `const { Pool } = require('pg');
const { Job } = require('bullmq');
const { processTraceDeletion } = require('../../src/queues/trace-deletion');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

afterAll(() => pool.end());

it('deletes the traces of a project', async () => {
  await pool.query("INSERT INTO traces (id, project_id) VALUES ('t1', 'p1')");
  await processTraceDeletion(Job.fromId(null, 'job-1'));
});
`,
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 2,
          data: { count: 2, boundaries: 'database (line 1), queue (line 2)', max: 1, file: 'test/integration/trace-deletion.test.js' },
        },
      ],
    },
  ],
});

const tidying = (interceptor: string) => `import nock from 'nock';
import { PrismaClient } from '@prisma/client';
import { afterEach, expect, it } from 'vitest';
import { registerUser } from '../../src/users';

const prisma = new PrismaClient();

afterEach(() => {
  nock.cleanAll();
});

it('registers a user', async () => {
${interceptor}  await registerUser(prisma, { email: 'ana@example.com' });
  expect(await prisma.user.count()).toBe(1);
});
`;

ts.run('one-boundary-per-file: an HTTP fake taken only to tidy up (Vitest)', rule, {
  valid: [
    {
      name: 'nock only cleans up after each test: the database is the one boundary',
      filename: 'test/integration/users.test.ts',
      code: tidying(''),
    },
  ],
  invalid: [
    {
      name: 'nock also intercepts the mail provider: two boundaries',
      filename: 'test/integration/users.test.ts',
      code: tidying("  nock('https://api.mail.test').post('/send').reply(202);\n"),
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 2,
          data: { count: 2, boundaries: 'http (line 1), database (line 2)', max: 1, file: 'test/integration/users.test.ts' },
        },
      ],
    },
  ],
});

const leftOver = (readsIt: string) => `import { MongoClient } from 'mongodb';
import Redis from 'ioredis';
import { expect } from 'chai';
import { ProfileStore } from '../../src/profiles/profile-store.js';

describe('ProfileStore', () => {
  let client;
  let store;

  before(async () => {
    client = await MongoClient.connect(process.env.MONGO_URL);
    store = new ProfileStore(client.db('profiles_test'));
  });

  afterEach(() => client.db('profiles_test').collection('profiles').deleteMany({}));

  after(() => client.close());

  it('saves a profile and reads it back', async () => {
    await store.save({ id: 'p1', name: 'Ines' });
    expect(await store.find('p1')).to.include({ name: 'Ines' });${readsIt}
  });
});
`;

const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

esm.run('one-boundary-per-file: an import the file never reads (Mocha, JavaScript)', rule, {
  valid: [
    {
      name: 'the cache client is imported but never read: the database is the one boundary',
      filename: 'test/integration/profile-store.test.js',
      code: leftOver(''),
    },
  ],
  invalid: [
    {
      name: 'the same import opens a cache connection: two boundaries',
      filename: 'test/integration/profile-store.test.js',
      code: leftOver("\n    expect(await new Redis().get('profile:p1')).to.equal(null);"),
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 2,
          data: { count: 2, boundaries: 'database (line 1), cache (line 2)', max: 1, file: 'test/integration/profile-store.test.js' },
        },
      ],
    },
  ],
});

const NOTIFICATIONS = `import { describe, expect, it, afterAll } from '@jest/globals';
import { Pool } from 'pg';
import { connect, Message } from 'amqplib';
import { NotificationRepository } from '../../src/notifications/repository';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const repository = new NotificationRepository(pool);

afterAll(() => pool.end());

describe('NotificationRepository', () => {
  it('stores a notification from a queued message', async () => {
    const message = { content: Buffer.from(JSON.stringify({ userId: 'u1', text: 'hello' })) } as Message;
    const { id } = await repository.createFromMessage(message);
    expect((await repository.find(id))?.text).toBe('hello');
  });
});
`;
const FIXTURE_LINE = "    const message = { content: Buffer.from(JSON.stringify({ userId: 'u1', text: 'hello' })) } as Message;\n";
const LAST_ASSERTION = "    expect((await repository.find(id))?.text).toBe('hello');\n";

ts.run('one-boundary-per-file: a leftover import beside one read as a type (Jest)', rule, {
  valid: [
    {
      name: 'one name only types a fixture and the other is never read',
      filename: 'test/integration/notifications.int.test.ts',
      code: NOTIFICATIONS,
    },
  ],
  invalid: [
    {
      name: 'the test also connects to the broker: two boundaries',
      filename: 'test/integration/notifications.int.test.ts',
      code: NOTIFICATIONS.replace(FIXTURE_LINE, `    const connection = await connect(process.env.AMQP_URL!);\n${FIXTURE_LINE}`).replace(LAST_ASSERTION, `${LAST_ASSERTION}    await connection.close();\n`),
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 3,
          data: { count: 2, boundaries: 'database (line 2), queue (line 3)', max: 1, file: 'test/integration/notifications.int.test.ts' },
        },
      ],
    },
  ],
});
