/**
 * `require-cleanup` in a file that sends the app a DELETE request: what the app removes for it cannot
 * be read from the test file, so the rule does not say that nothing removes what the tests wrote. A
 * request that deletes nothing (a GET, a PATCH) changes nothing. An HTTP client's DELETE counts too,
 * wherever it goes: the address is often read at run time, and may be the app's.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const jobs = (method: string) => `import { adminApp } from './common';
import { executor } from '../internal/database';

afterAll(async () => {
  await adminApp.inject({ method: '${method}', url: '/tenants/t1' });
});

it('queues a job', async () => {
  await executor.query({ text: 'INSERT INTO pgboss.job (id) VALUES ($1)', values: ['j1'] });
});
`;

ts.run('require-cleanup: a DELETE request injected into the app (Vitest)', rule, {
  valid: [{ name: 'the tenant is deleted through the admin API after the tests', filename: 'src/test/jobs.test.ts', code: jobs('DELETE') }],
  invalid: [
    {
      name: 'a GET request removes nothing',
      filename: 'src/test/jobs.test.ts',
      code: jobs('GET'),
      errors: [
        {
          messageId: 'missingCleanup',
          line: 9,
          data: { call: 'executor.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'executor' },
              output: `import { adminApp } from './common';
import { executor } from '../internal/database';

afterAll(async () => {
  await adminApp.inject({ method: 'GET', url: '/tenants/t1' });
});

afterEach(async () => {
  // Remove what each test wrote through \`executor\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

it('queues a job', async () => {
  await executor.query({ text: 'INSERT INTO pgboss.job (id) VALUES ($1)', values: ['j1'] });
});
`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('require-cleanup: a DELETE request through supertest (Jest)', rule, {
  valid: [
    {
      name: 'each order is deleted through the API after its test',
      filename: 'test/orders.test.js',
      code: `const request = require('supertest');
const { app } = require('../src/app');
const { db } = require('../src/db');

let orderId;
afterEach(async () => {
  await request(app).delete(\`/orders/\${orderId}\`).expect(204);
});

test('stores an order', async () => {
  const [row] = await db.query('INSERT INTO orders (total) VALUES (10) RETURNING id');
  orderId = row.id;
});
`,
    },
  ],
  invalid: [],
});

/** node:test: a tenant written through pg, then a request to the app with the method `method`. */
const tenants = (method: string) => `import { test, after } from 'node:test';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
after(() => pool.end());

test('removes a tenant', async () => {
  await pool.query("INSERT INTO tenants (id) VALUES ('t1')");
  await fetch(\`\${process.env.APP_URL}/tenants/t1\`, { method: '${method}' });
});
`;

const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

esm.run('require-cleanup: a DELETE request sent by an HTTP client (node:test, Mocha, Vitest)', rule, {
  valid: [
    {
      name: 'node:test: `fetch` with the method DELETE to an address the file reads from the environment',
      filename: 'test/integration/tenants.test.mjs',
      code: tenants('DELETE'),
    },
    {
      name: 'Mocha: a helper of the file sends the DELETE through an axios instance',
      filename: 'test/integration/tenants.test.js',
      code: `import axios from 'axios';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

async function deleteTenant(serverUrl, id) {
  const client = axios.create();
  return client.delete(\`\${serverUrl}/v1/tenants/\${id}\`);
}

describe('tenants', function () {
  after(() => pool.end());

  it('deletes a tenant it created', async function () {
    await pool.query("INSERT INTO tenants (id) VALUES ('t1')");
    await deleteTenant(process.env.APP_URL, 't1');
  });
});
`,
    },
    {
      name: "Vitest: a `delete` handed a path, on an agent the file cannot read",
      filename: 'test/integration/tenants.test.js',
      code: `import { it, afterAll } from 'vitest';
import pg from 'pg';
import { createSession } from './support/session';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());

it('deletes a tenant', async () => {
  const session = await createSession();
  await pool.query("INSERT INTO tenants (id) VALUES ('t1')");
  await session.agent.delete('/v1/tenants/t1');
});
`,
    },
  ],
  invalid: [
    {
      name: 'node:test: a PATCH removes nothing',
      filename: 'test/integration/tenants.test.mjs',
      code: tenants('PATCH'),
      errors: [
        {
          messageId: 'missingCleanup',
          line: 8,
          data: { call: 'pool.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `import { test, after, afterEach } from 'node:test';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
after(() => pool.end());

afterEach(async () => {
  // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

test('removes a tenant', async () => {
  await pool.query("INSERT INTO tenants (id) VALUES ('t1')");
  await fetch(\`\${process.env.APP_URL}/tenants/t1\`, { method: 'PATCH' });
});
`,
            },
          ],
        },
      ],
    },
  ],
});
