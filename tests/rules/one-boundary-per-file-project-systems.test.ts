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
  ],
  invalid: [
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
