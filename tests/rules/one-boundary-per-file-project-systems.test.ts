/**
 * `one-boundary-per-file` on clients the project hands out from its own modules, on small projects
 * written to disk. A module's client runs on the system of the client packages it is built on: a pool
 * made from `pg` beside a job queue kept in Postgres is one boundary, as the two packages would be if
 * the test loaded them itself. Where the packages behind a module's clients run on different
 * systems, the module's client is not said to run on either.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import path from 'node:path';
import rule from '../../src/rules/one-boundary-per-file';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('one-boundary-project-systems');

const shop = project('shop', {
  'package.json': JSON.stringify({ name: 'shop', version: '1.0.0' }),
  'src/db.ts': "import { Pool } from 'pg';\n\nexport const db = new Pool({ connectionString: process.env.DATABASE_URL });\n",
  'src/redis.js': "import { Redis } from 'ioredis';\n\nexport const connection = new Redis({ maxRetriesPerRequest: null });\n",
  // A barrel of server helpers: plain functions beside the Redis client.
  'src/server/index.ts': "export { connection as redis } from '../redis.js';\n\nexport function traceId(): string {\n  return 'trace-1';\n}\n",
  // A cache kept in the process: Keyv given no store.
  'src/price-cache.ts': "import Keyv from 'keyv';\n\nexport const prices = new Keyv({ namespace: 'prices', ttl: 60_000 });\n",
  // The same cache given a Redis store: it reaches Redis.
  'src/session-cache.ts': "import Keyv from 'keyv';\nimport KeyvRedis from '@keyv/redis';\n\nexport const sessions = new Keyv({ store: new KeyvRedis(process.env.REDIS_URL) });\n",
  // A reporting module that reads from Postgres and from MySQL: its client is on no one system.
  'src/reporting.ts': `import { Pool } from 'pg';
import { createPool } from 'mysql2/promise';

export class ReportingStore {
  private readonly orders = new Pool();
  private readonly legacy = createPool({ uri: process.env.LEGACY_URL });

  async totals() {
    const [current, old] = await Promise.all([this.orders.query('select sum(total) from orders'), this.legacy.query('select sum(total) from orders')]);
    return { current, old };
  }
}
`,
});

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const esm = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' } });

ts.run('one-boundary-per-file: the system behind a project module’s client', rule, {
  valid: [
    {
      name: 'a pool from the project’s db module beside a queue kept in Postgres is one boundary (Jest)',
      filename: path.join(shop, 'tests/integration/invoice-jobs.test.ts'),
      code: `import PgBoss from 'pg-boss';
import { db } from '../../src/db';

const boss = new PgBoss(process.env.DATABASE_URL!);
beforeAll(() => boss.start());
afterAll(() => boss.stop());

test('queues an invoice', async () => {
  await boss.send('invoice', { id: 1 });
  const { rows } = await db.query("select count(*) from pgboss.job where name = 'invoice'");
  expect(Number(rows[0].count)).toBe(1);
});
`,
    },
    {
      name: 'a cache the project keeps in the process (Keyv without a store) beside its database is one boundary (Vitest)',
      filename: path.join(shop, 'tests/integration/price-list.test.ts'),
      code: `import { afterEach, expect, it } from 'vitest';
import { db } from '../../src/db';
import { prices } from '../../src/price-cache';

afterEach(async () => {
  await prices.clear();
  await db.query('delete from price_list');
});

it('lists a price once it is cached', async () => {
  await db.query("insert into price_list (sku, cents) values ('tea', 450)");
  await prices.set('tea', 450);
  expect(await prices.get('tea')).toBe(450);
});
`,
    },
  ],
  invalid: [
    {
      name: 'a barrel import over several lines: the message names the line of the client it brings in (Vitest)',
      filename: path.join(shop, 'tests/integration/trace-cache.test.ts'),
      code: `import { afterAll, expect, it } from 'vitest';
import { db } from '../../src/db';
import {
  traceId,
  redis,
} from '../../src/server';

afterAll(async () => {
  await db.end();
  redis.disconnect();
});

it('caches a trace', async () => {
  await db.query('insert into traces (id) values ($1)', [traceId()]);
  await redis.set(\`trace:\${traceId()}\`, '1');
  expect(await redis.get(\`trace:\${traceId()}\`)).toBe('1');
});
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 6, data: { count: 2, boundaries: 'database (line 2), cache (line 5)', max: 1, file: path.relative('/', path.join(shop, 'tests/integration/trace-cache.test.ts')) } }],
    },
    {
      name: 'a store reading Postgres and MySQL beside a queue in Postgres: two boundaries (Mocha)',
      filename: path.join(shop, 'tests/integration/report-jobs.test.ts'),
      code: `import { expect } from 'chai';
import PgBoss from 'pg-boss';
import { ReportingStore } from '../../src/reporting';

describe('nightly report', () => {
  const boss = new PgBoss(process.env.DATABASE_URL!);
  before(() => boss.start());
  after(() => boss.stop());

  it('queues the totals', async () => {
    const totals = await new ReportingStore().totals();
    await boss.send('report', totals);
    expect(await boss.getQueueSize('report')).to.equal(1);
  });
});
`,
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 3,
          data: {
            count: 2,
            boundaries: 'queue (line 2), database (line 3)',
            max: 1,
            // RuleTester lints from the root of the file system.
            file: path.relative('/', path.join(shop, 'tests/integration/report-jobs.test.ts')),
          },
        },
      ],
    },
    {
      name: 'a cache the project keeps in Redis (Keyv given a Redis store) beside its database: two boundaries (Vitest)',
      filename: path.join(shop, 'tests/integration/sign-in.test.ts'),
      code: `import { afterEach, expect, it } from 'vitest';
import { db } from '../../src/db';
import { sessions } from '../../src/session-cache';

afterEach(async () => {
  await sessions.clear();
  await db.query('delete from users');
});

it('keeps the session of a user who signed in', async () => {
  await db.query("insert into users (id, email) values (1, 'ada@example.com')");
  await sessions.set('s-1', { userId: 1 });
  expect(await sessions.get('s-1')).toEqual({ userId: 1 });
});
`,
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 3,
          data: {
            count: 2,
            boundaries: 'database (line 2), cache (line 3)',
            max: 1,
            file: path.relative('/', path.join(shop, 'tests/integration/sign-in.test.ts')),
          },
        },
      ],
    },
  ],
});

esm.run('one-boundary-per-file: the system behind a project module’s client (JavaScript)', rule, {
  valid: [
    {
      name: 'a BullMQ queue on the project’s Redis connection is one boundary (Vitest)',
      filename: path.join(shop, 'tests/integration/email-jobs.test.js'),
      code: `import { Queue } from 'bullmq';
import { afterAll, expect, it } from 'vitest';
import { connection } from '../../src/redis.js';

const queue = new Queue('emails', { connection });
afterAll(() => queue.obliterate({ force: true }));

it('keeps the job until a worker takes it', async () => {
  await queue.add('welcome', { to: 'a@example.com' });
  expect(await connection.llen('bull:emails:wait')).toBe(1);
});
`,
    },
  ],
  invalid: [],
});
