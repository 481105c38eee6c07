import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import oneBoundaryPerFile from '../../src/rules/one-boundary-per-file';

/**
 * Boundaries are systems: a job queue kept in Redis and the Redis client handed to it are one; the
 * test's own HTTP client talking to the app on this machine is none; a framework's harness that
 * boots the app on a database brings that database in.
 */
const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const esm = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' } });
const rule = oneBoundaryPerFile;

ts.run('one-boundary-per-file: systems, not kinds', rule, {
  valid: [
    {
      name: 'a BullMQ queue and the ioredis connection it runs on are one system (Vitest)',
      filename: 'tests/integration/email-jobs.test.ts',
      code: `import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';

const connection = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null });
const queue = new Queue('emails', { connection });
afterAll(async () => { await queue.obliterate({ force: true }); await connection.quit(); });

it('hands a job to the worker', async () => {
  const done = new Promise((resolve) => new Worker('emails', async (job) => resolve(job.data), { connection }));
  await queue.add('welcome', { to: 'a@example.com' });
  expect(await done).toEqual({ to: 'a@example.com' });
});
`,
    },
    {
      name: 'a job queue kept in Postgres beside the Postgres driver is one system (Jest)',
      filename: 'tests/integration/invoice-jobs.test.ts',
      code: `import PgBoss from 'pg-boss';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const boss = new PgBoss(process.env.DATABASE_URL!);
beforeAll(() => boss.start());
afterAll(async () => { await boss.stop(); await pool.end(); });

test('queues an invoice', async () => {
  await boss.send('invoice', { id: 1 });
  const { rows } = await pool.query("SELECT count(*) FROM pgboss.job WHERE name = 'invoice'");
  expect(Number(rows[0].count)).toBe(1);
});
`,
    },
    {
      name: "the test's own client to the app on a loopback address is no boundary",
      filename: 'tests/integration/orders-api.test.ts',
      code: `import axios from 'axios';
import { Pool } from 'pg';

const api = axios.create({ baseURL: 'http://localhost:3000' });
const pool = new Pool();
test('lists orders', async () => {
  await pool.query("INSERT INTO orders (id) VALUES (1)");
  const response = await api.get('/orders');
  const health = await fetch('http://127.0.0.1:3000/health');
  expect(response.data).toHaveLength(1);
  expect(health.ok).toBe(true);
});
`,
    },
    {
      name: 'a request whose address cannot be read counts as nothing',
      filename: 'tests/integration/orders-api.test.ts',
      code: `import axios from 'axios';
import { Pool } from 'pg';

const pool = new Pool();
test('lists orders', async () => {
  await pool.query('SELECT 1');
  await axios.get(\`\${process.env.APP_URL}/orders\`);
});
`,
    },
    {
      name: 'a harness start function that the file never calls starts nothing',
      filename: 'tests/integration/payments.e2e-spec.ts',
      code: `import nock from 'nock';
import { createTestEnvironment } from '@vendure/testing';

void createTestEnvironment;
it('charges', async () => { nock('https://api.payments.test').post('/charges').reply(201, {}); });
`,
    },
  ],
  invalid: [
    {
      name: 'a framework harness booting the app on a database, and a fake payment API (Vitest)',
      filename: 'tests/integration/payments.e2e-spec.ts',
      code: `import { createTestEnvironment } from '@vendure/testing';
import nock from 'nock';
import { beforeAll, it } from 'vitest';

const { server } = createTestEnvironment({ apiOptions: { port: 3050 } });
beforeAll(() => server.init({ productsCsvPath: 'products.csv' }));
it('charges', async () => { nock('https://api.payments.test').post('/charges').reply(201, {}); });
`,
      errors: [
        {
          messageId: 'tooManyBoundariesByName',
          line: 2,
          column: 18,
          data: { count: 2, boundaries: 'database (line 1), http (line 2)', max: 1, file: 'tests/integration/payments.e2e-spec.ts' },
        },
      ],
    },
    {
      name: 'a queue on Redis and a database are two systems; the message names the split command, quoting a path with a space',
      filename: 'tests/integration/order flow.test.ts',
      code: `import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { PrismaClient } from '@prisma/client';

const connection = new Redis();
const queue = new Queue('orders', { connection });
const prisma = new PrismaClient();
test('publishes an order', async () => { await queue.add('created', await prisma.order.create({ data: {} })); });
`,
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 3,
          data: { count: 2, boundaries: 'redis: queue (line 1) + cache (line 2), database (line 3)', max: 1, file: "'tests/integration/order flow.test.ts'" },
        },
      ],
    },
  ],
});

esm.run('one-boundary-per-file: requests that leave the machine (JavaScript, node:test)', rule, {
  valid: [],
  invalid: [
    {
      name: 'fetch to a public API beside a database counts as http',
      filename: 'test/integration/exchange-rates.test.mjs',
      code: `import { test } from 'node:test';
import pg from 'pg';

const pool = new pg.Pool();
test('stores the rate', async () => {
  const rate = await fetch('https://rates.example.com/eur');
  await pool.query('INSERT INTO rates VALUES ($1)', [await rate.json()]);
});
`,
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 6,
          column: 22,
          data: { count: 2, boundaries: 'database (line 2), http (line 6)', max: 1, file: 'test/integration/exchange-rates.test.mjs' },
        },
      ],
    },
  ],
});
