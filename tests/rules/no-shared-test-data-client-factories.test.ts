/**
 * `no-shared-test-data` on a client package's own factory, whatever name the file gives the package:
 * `Axios.create({ baseURL })` in a run-once hook builds an HTTP client (infrastructure), not test data.
 * Data the hook makes through that client is still shared data.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: a client package\u2019s factory (Vitest)', rule, {
  valid: [
    {
      name: 'two axios instances made in `beforeAll` under another name for the package',
      filename: 'test/integration/invoices.test.ts',
      code: `import Axios, { type AxiosInstance } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { createInvoice } from '../support/invoices';

describe('invoices API', () => {
  let app: TestApp;
  let owner: AxiosInstance;
  let guest: AxiosInstance;

  beforeAll(async () => {
    app = await startTestApp();
    owner = Axios.create({ baseURL: app.url, headers: { cookie: app.cookie } });
    guest = Axios.create({ baseURL: app.url });
  });

  afterAll(() => app.close());

  it('lists invoices', async () => {
    const { data } = await owner.get('/invoices');
    expect(data).toEqual([]);
  });

  it('creates an invoice', async () => {
    const { status } = await createInvoice(owner, { amount: 10 });
    expect(status).toBe(201);
  });

  it('turns guests away', async () => {
    await expect(guest.get('/invoices')).rejects.toThrow();
  });
});
`,
    },
  ],
  invalid: [],
});

cjs.run('no-shared-test-data: a client package\u2019s factory (Mocha, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the client is infrastructure; the invoice made through it is shared data',
      filename: 'test/integration/invoices.test.js',
      code: `const { expect } = require('chai');
const http = require('axios');
const { createInvoice } = require('../support/invoices');

describe('invoices API', function () {
  let client;
  let invoice;

  before(async function () {
    client = http.create({ baseURL: process.env.API_URL });
    invoice = await createInvoice(client, { amount: 10 });
  });

  it('reads the invoice', async function () {
    const { data } = await client.get(\`/invoices/\${invoice.id}\`);
    expect(data.amount).to.equal(10);
  });

  it('pays the invoice', async function () {
    await client.post(\`/invoices/\${invoice.id}/pay\`);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 11,
          data: { hook: 'before', shared: 'the 2 tests that use `invoice`', sources: '`invoice = createInvoice()` (line 11)' },
          suggestions: [],
        },
      ],
    },
  ],
});
