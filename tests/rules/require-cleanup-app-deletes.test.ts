/**
 * `require-cleanup` in a file that sends the app a DELETE request: what the app removes for it cannot
 * be read from the test file, so the rule does not say that nothing removes what the tests wrote. A
 * request that deletes nothing (a GET) changes nothing.
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
