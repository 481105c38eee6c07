import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import * as espree from 'espree';
import noRealNetwork from '../../src/rules/no-real-network';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });
// Plain JavaScript with ESLint's own parser: CommonJS, as Mocha suites are often written.
const jsTester = new RuleTester({ languageOptions: { parser: espree, sourceType: 'commonjs', ecmaVersion: 'latest' } });

type MessageId = ESLintUtils.InferMessageIdsTypeFromRule<typeof noRealNetwork>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof noRealNetwork>;
// The rule tester may bring its own copy of @typescript-eslint/utils; the rule is the same either way.
const rule = noRealNetwork as unknown as Parameters<typeof ruleTester.run<MessageId, Options>>[1];

const INTEGRATION = 'tests/integration/payment-client.test.ts';
const UNIT = 'tests/unit/exchange-rates.test.ts';

ruleTester.run('no-real-network', rule, {
  valid: [
    {
      name: 'Jest: nock answers the host the adapter calls',
      filename: INTEGRATION,
      code: `import nock from 'nock';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

afterEach(() => nock.cleanAll());

test('charges a card', async () => {
  nock('https://api.stripe.com').post('/v1/charges').reply(200, { id: 'ch_1', status: 'succeeded' });
  const response = await fetch('https://api.stripe.com/v1/charges', { method: 'POST' });
  expect(response.status).toBe(200);
});
`,
    },
    {
      name: 'nock scope given as a constant, a template and a regular expression',
      filename: INTEGRATION,
      code: `import nock from 'nock';
import axios from 'axios';
const STRIPE = 'https://api.stripe.com';

beforeEach(() => {
  nock(STRIPE).get('/v1/balance').reply(200, {});
  nock(\`https://api.github.com/\`).get('/user').reply(200, {});
  nock(/\\.slack\\.com$/).post('/api/chat.postMessage').reply(200, {});
});

test('talks to three services', async () => {
  await axios.get(\`\${STRIPE}/v1/balance\`);
  await axios.get('https://api.github.com/user');
  await axios.post('https://hooks.slack.com/api/chat.postMessage', {});
});
`,
    },
    {
      name: 'a nock scope whose host cannot be read might answer any host',
      filename: INTEGRATION,
      code: `import nock from 'nock';
import { config } from '../../src/config';

test('charges', async () => {
  nock(config.paymentsUrl).post('/v1/charges').reply(200, {});
  await fetch('https://api.stripe.com/v1/charges', { method: 'POST' });
});
`,
    },
    {
      name: 'Vitest: nock.disableNetConnect() refuses every real connection',
      filename: INTEGRATION,
      code: `import nock from 'nock';
import { beforeAll, afterAll, it } from 'vitest';
import axios from 'axios';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

it('fails loudly instead of calling GitHub', async () => {
  await axios.get('https://api.github.com/repos/acme/shop');
});
`,
    },
    {
      name: 'Vitest: an msw server',
      filename: INTEGRATION,
      code: `import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { beforeAll, afterAll, afterEach, it, expect } from 'vitest';

const server = setupServer(http.get('https://api.exchangerate.host/latest', () => HttpResponse.json({ rates: { EUR: 0.9 } })));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it('reads the euro rate', async () => {
  const response = await fetch('https://api.exchangerate.host/latest');
  expect(await response.json()).toEqual({ rates: { EUR: 0.9 } });
});
`,
    },
    {
      name: 'msw handlers for a server set up elsewhere',
      filename: INTEGRATION,
      code: `import { http, HttpResponse } from 'msw';
import { server } from '../mocks/server';

test('reads the rate', async () => {
  server.use(http.get('https://api.exchangerate.host/latest', () => HttpResponse.json({})));
  await fetch('https://api.exchangerate.host/latest');
});
`,
    },
    {
      name: 'node:test: undici MockAgent as the global dispatcher',
      filename: INTEGRATION,
      code: `import { describe, it, before } from 'node:test';
import { MockAgent, setGlobalDispatcher, request } from 'undici';

describe('rates', () => {
  before(() => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    setGlobalDispatcher(agent);
  });
  it('fetches', async () => {
    await request('https://api.exchangerate.host/latest');
    await fetch('https://api.exchangerate.host/latest');
  });
});
`,
    },
    {
      name: 'a request sent through its own dispatcher',
      filename: INTEGRATION,
      code: `import { MockAgent } from 'undici';
const agent = new MockAgent();
test('fetches', async () => {
  await fetch('https://api.exchangerate.host/latest', { dispatcher: agent });
});
`,
    },
    {
      name: 'fetch-mock',
      filename: INTEGRATION,
      code: `import fetchMock from 'fetch-mock';
beforeAll(() => fetchMock.mockGlobal().get('https://api.exchangerate.host/latest', { rates: {} }));
test('fetches', async () => {
  await fetch('https://api.exchangerate.host/latest');
});
`,
    },
    {
      name: 'vitest-fetch-mock',
      filename: UNIT,
      code: `import { vi, it } from 'vitest';
import createFetchMock from 'vitest-fetch-mock';
createFetchMock(vi).enableMocks();
it('fetches', async () => {
  await fetch('https://api.exchangerate.host/latest');
});
`,
    },
    {
      name: 'jest-fetch-mock enabled by a setup file and primed in the test',
      filename: UNIT,
      code: `beforeEach(() => fetchMock.resetMocks());
test('fetches', async () => {
  fetch.mockResponseOnce(JSON.stringify({ rates: { EUR: 0.9 } }));
  await fetch('https://api.exchangerate.host/latest');
});
`,
    },
    {
      name: 'axios-mock-adapter',
      filename: UNIT,
      code: `import axios from 'axios';
import MockAdapter from 'axios-mock-adapter';
const mock = new MockAdapter(axios);
test('fetches', async () => {
  mock.onGet('https://api.exchangerate.host/latest').reply(200, {});
  await axios.get('https://api.exchangerate.host/latest');
});
`,
    },
    {
      name: 'Vitest unit test: the HTTP client module is mocked',
      filename: UNIT,
      code: `import { vi, it } from 'vitest';
import axios from 'axios';
vi.mock('axios');
it('fetches', async () => {
  vi.mocked(axios.get).mockResolvedValue({ data: {} });
  await axios.get('https://api.exchangerate.host/latest');
});
`,
    },
    {
      name: 'Jest unit test: node-fetch, node:https and the global fetch are replaced',
      filename: 'tests/unit/exchange-rates.test.js',
      code: `import fetch from 'node-fetch';
import https from 'node:https';
jest.mock('node-fetch');
jest.mock('https');
globalThis.fetch = jest.fn();
test('fetches', async () => {
  await fetch('https://api.exchangerate.host/latest');
  https.get('https://api.exchangerate.host/latest');
  await globalThis.fetch('https://api.exchangerate.host/latest');
});
`,
    },
    {
      name: 'vi.stubGlobal and a spy with an implementation replace fetch and axios.get',
      filename: UNIT,
      code: `import { vi, it } from 'vitest';
import axios from 'axios';
vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')));
vi.spyOn(axios, 'get').mockResolvedValue({ data: {} });
it('fetches', async () => {
  await fetch('https://api.exchangerate.host/latest');
  await axios.get('https://api.exchangerate.host/latest');
});
`,
    },
    {
      name: 'loopback, private and container hosts',
      filename: INTEGRATION,
      code: `import axios from 'axios';
const port = 3000;
test('talks to local services', async () => {
  await fetch('http://localhost:3000/health');
  await fetch(\`http://127.0.0.1:\${port}/health\`);
  await axios.get('http://[::1]:8080/x');
  await axios.get('http://wiremock:8080/__admin/mappings');
  await fetch('http://host.docker.internal:4566/queue');
  await fetch('http://10.0.0.12/metrics');
  await fetch('https://payments.test/v1/charges');
});
`,
    },
    {
      name: 'addresses that cannot be known from the file',
      filename: INTEGRATION,
      code: `import axios from 'axios';
import got from 'got';
import { API_URL } from '../../src/config';
const BASE = process.env.API_URL ?? 'https://api.stripe.com';
let mutable = 'https://api.stripe.com';
test('calls whatever the environment says', async () => {
  await fetch(API_URL);
  await fetch(BASE + '/v1/charges');
  await fetch(mutable);
  await fetch(\`https://\${process.env.HOST}/v1\`);
  await fetch(\`https://api.\${domain}/v1\`);
  await fetch(\`https://api.stripe.com\${path}\`);
  await axios.get(new URL(path, process.env.API_URL).href);
  await axios.create({ baseURL: process.env.API_URL }).get('/v1/charges');
  await got(url);
});
`,
    },
    {
      name: 'a relative path against an instance whose base URL cannot be read',
      filename: INTEGRATION,
      code: `import axios from 'axios';
const api = axios.create(config);
const other = axios.create({ ...defaults, timeout: 500 });
test('charges', async () => {
  await api.post('/v1/charges');
  await other.get('/v1/charges');
  await api.get(somePath);
});
`,
    },
    {
      name: 'functions that only look like HTTP clients',
      filename: INTEGRATION,
      code: `import { fetch as fetchUser } from '../../src/users';
import axios from './axios-stub';
const request = (url: string) => Promise.resolve(url);
test('does not touch the network', async () => {
  await fetchUser('https://api.stripe.com/v1/customers');
  await axios.get('https://api.stripe.com/v1/charges');
  await request('https://api.stripe.com/v1/charges');
  function fetch(url: string) { return url; }
  fetch('https://api.stripe.com');
  await cache.fetch('https://api.stripe.com/v1');
});
`,
    },
    {
      name: 'a type-only import of an HTTP client',
      filename: INTEGRATION,
      code: `import type { AxiosInstance } from 'axios';
declare const api: AxiosInstance;
test('charges', async () => {
  await api.get('https://api.stripe.com/v1/charges');
});
`,
    },
    {
      name: 'hosts allowed by the allowHosts option',
      filename: INTEGRATION,
      options: [{ allowHosts: ['api.sandbox.paypal.com', '*.stripe.com'] }],
      code: `test('talks to the sandboxes', async () => {
  await fetch('https://api.sandbox.paypal.com/v2/checkout/orders');
  await fetch('https://api.stripe.com/v1/charges');
});
`,
    },
    {
      name: 'a Unix socket is not the network',
      filename: INTEGRATION,
      code: `import http from 'node:http';
test('asks the Docker daemon', () => {
  http.get({ socketPath: '/var/run/docker.sock', path: '/containers/json' });
  http.get('https://registry.hub.docker.com/v2/', { socketPath: '/var/run/docker.sock' });
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: a nock scope for another host; the suggestion adds the hooks and their import',
      filename: INTEGRATION,
      code: `import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

describe('PaymentClient', () => {
  it('charges a card', async () => {
    nock('https://api.payments.example').post('/v1/charges').reply(200, { id: 'ch_1', status: 'succeeded' });
    const response = await fetch('https://api.stripe.com/v1/charges', { method: 'POST' });
    expect(response.ok).toBe(true);
  });
});
`,
      errors: [
        {
          messageId: 'realNetwork',
          data: { origin: 'https://api.stripe.com' },
          line: 8,
          column: 28,
          endLine: 8,
          endColumn: 90,
          suggestions: [
            {
              messageId: 'disableNetConnect',
              data: { nock: 'nock' },
              output: `import nock from 'nock';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

describe('PaymentClient', () => {
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });

  it('charges a card', async () => {
    nock('https://api.payments.example').post('/v1/charges').reply(200, { id: 'ch_1', status: 'succeeded' });
    const response = await fetch('https://api.stripe.com/v1/charges', { method: 'POST' });
    expect(response.ok).toBe(true);
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'autofix: the same edit as a fix',
      filename: INTEGRATION,
      options: [{ autofix: true }],
      code: `import nock from 'nock';
import { describe, expect, it } from 'vitest';

describe('PaymentClient', () => {
  it('charges a card', async () => {
    const response = await fetch('https://api.stripe.com/v1/charges', { method: 'POST' });
    expect(response.ok).toBe(true);
  });
});
`,
      output: `import nock from 'nock';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';

describe('PaymentClient', () => {
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });

  it('charges a card', async () => {
    const response = await fetch('https://api.stripe.com/v1/charges', { method: 'POST' });
    expect(response.ok).toBe(true);
  });
});
`,
      errors: [{ messageId: 'realNetwork', data: { origin: 'https://api.stripe.com' }, suggestions: [] }],
    },
    {
      name: 'Vitest: hooks already imported (one under another name) are reused; comments stay in place',
      filename: INTEGRATION,
      code: `import * as nock from 'nock';
import { afterAll as teardownAll, describe, it } from 'vitest';

describe('rates', () => {
  // The feed is public, so nobody noticed.
  it('reads the feed', async () => {
    await fetch('https://api.exchangerate.host/latest');
  });

  teardownAll(() => nock.cleanAll());
});
`,
      errors: [
        {
          messageId: 'realNetwork',
          data: { origin: 'https://api.exchangerate.host' },
          suggestions: [
            {
              messageId: 'disableNetConnect',
              data: { nock: 'nock' },
              output: `import * as nock from 'nock';
import { afterAll as teardownAll, describe, it, beforeAll } from 'vitest';

describe('rates', () => {
  beforeAll(() => {
    nock.disableNetConnect();
  });
  teardownAll(() => {
    nock.enableNetConnect();
  });

  // The feed is public, so nobody noticed.
  it('reads the feed', async () => {
    await fetch('https://api.exchangerate.host/latest');
  });

  teardownAll(() => nock.cleanAll());
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Jest globals: top-level tests get top-level hooks after the imports; tabs are kept',
      filename: INTEGRATION,
      code: `import nock from 'nock'; // HTTP fakes
import axios from 'axios';

test('lists repositories', async () => {
\tconst { data } = await axios.get('https://api.github.com/orgs/acme/repos');
\texpect(data).toHaveLength(3);
});
`,
      errors: [
        {
          messageId: 'realNetwork',
          data: { origin: 'https://api.github.com' },
          line: 5,
          column: 25,
          suggestions: [
            {
              messageId: 'disableNetConnect',
              data: { nock: 'nock' },
              output: `import nock from 'nock'; // HTTP fakes
import axios from 'axios';

beforeAll(() => {
  nock.disableNetConnect();
});
afterAll(() => {
  nock.enableNetConnect();
});

test('lists repositories', async () => {
\tconst { data } = await axios.get('https://api.github.com/orgs/acme/repos');
\texpect(data).toHaveLength(3);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:test with named imports: before/after are added to the import',
      filename: INTEGRATION,
      code: `import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import nock from 'nock';

describe('status page', () => {
  it('is reachable', (t, done) => {
    https.get({ hostname: 'www.githubstatus.com', path: '/api/v2/status.json' }, (response) => {
      assert.equal(response.statusCode, 200);
      done();
    });
  });
});
`,
      errors: [
        {
          messageId: 'realNetwork',
          data: { origin: 'https://www.githubstatus.com' },
          line: 8,
          suggestions: [
            {
              messageId: 'disableNetConnect',
              data: { nock: 'nock' },
              output: `import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import nock from 'nock';

describe('status page', () => {
  before(() => {
    nock.disableNetConnect();
  });
  after(() => {
    nock.enableNetConnect();
  });

  it('is reachable', (t, done) => {
    https.get({ hostname: 'www.githubstatus.com', path: '/api/v2/status.json' }, (response) => {
      assert.equal(response.statusCode, 200);
      done();
    });
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'node:test default import: the hooks are properties of test',
      filename: INTEGRATION,
      code: `import test from 'node:test';
import nock from 'nock';
import { request } from 'undici';

test.describe('rates', () => {
  test('reads the feed', async () => {
    await request('https://api.exchangerate.host/latest');
  });
});
`,
      errors: [
        {
          messageId: 'realNetwork',
          data: { origin: 'https://api.exchangerate.host' },
          suggestions: [
            {
              messageId: 'disableNetConnect',
              data: { nock: 'nock' },
              output: `import test from 'node:test';
import nock from 'nock';
import { request } from 'undici';

test.describe('rates', () => {
  test.before(() => {
    nock.disableNetConnect();
  });
  test.after(() => {
    nock.enableNetConnect();
  });

  test('reads the feed', async () => {
    await request('https://api.exchangerate.host/latest');
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the outermost suite gets the hooks',
      filename: INTEGRATION,
      code: `import nock from 'nock';

describe('PaymentClient', () => {
  describe('charge', () => {
    it('charges', async () => {
      await fetch('https://api.stripe.com/v1/charges');
    });
  });
});
`,
      errors: [
        {
          messageId: 'realNetwork',
          suggestions: [
            {
              messageId: 'disableNetConnect',
              output: `import nock from 'nock';

describe('PaymentClient', () => {
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });

  describe('charge', () => {
    it('charges', async () => {
      await fetch('https://api.stripe.com/v1/charges');
    });
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion without nock in the file',
      filename: UNIT,
      code: `import { it, expect } from 'vitest';
import { convert } from '../../src/exchange';

it('converts with the live rate', async () => {
  const rates = await (await fetch('https://api.exchangerate.host/latest?base=USD')).json();
  expect(convert(100, rates.EUR)).toBeGreaterThan(0);
});
`,
      errors: [{ messageId: 'realNetwork', data: { origin: 'https://api.exchangerate.host' }, line: 5, column: 30, suggestions: [] }],
    },
    {
      name: 'no suggestion when nock is required inside a suite',
      filename: INTEGRATION,
      code: `describe('rates', () => {
  const nock = require('nock');
  it('reads', async () => {
    await fetch('https://api.exchangerate.host/latest');
  });
});
`,
      errors: [{ messageId: 'realNetwork', suggestions: [] }],
    },
    {
      name: 'no suggestion for a request sent while the file loads, before any hook runs',
      filename: INTEGRATION,
      code: `import nock from 'nock';
const rates = await fetch('https://api.exchangerate.host/latest');
describe('rates', () => {
  const euro = fetch('https://api.exchangerate.host/latest?symbols=EUR');
  it('reads', async () => {
    expect(await rates.json()).toBeDefined();
  });
});
`,
      errors: [
        { messageId: 'realNetwork', line: 2, suggestions: [] },
        { messageId: 'realNetwork', line: 4, suggestions: [] },
      ],
    },
    {
      name: 'a helper function runs when a test calls it, so the hooks come first',
      filename: INTEGRATION,
      code: `import nock from 'nock';

async function latestRates() {
  return (await fetch('https://api.exchangerate.host/latest')).json();
}

it('reads', async () => {
  expect(await latestRates()).toBeDefined();
});
`,
      errors: [
        {
          messageId: 'realNetwork',
          line: 4,
          suggestions: [
            {
              messageId: 'disableNetConnect',
              output: `import nock from 'nock';

beforeAll(() => {
  nock.disableNetConnect();
});
afterAll(() => {
  nock.enableNetConnect();
});

async function latestRates() {
  return (await fetch('https://api.exchangerate.host/latest')).json();
}

it('reads', async () => {
  expect(await latestRates()).toBeDefined();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when a hook name is taken by a declaration of the file',
      filename: INTEGRATION,
      code: `import nock from 'nock';
const beforeAll = (fn: () => void) => fn();
test('reads', async () => {
  await fetch('https://api.exchangerate.host/latest');
});
`,
      errors: [{ messageId: 'realNetwork', suggestions: [] }],
    },
    {
      name: 'an axios instance with a base URL, and URLs built from constants',
      filename: INTEGRATION,
      code: `import axios from 'axios';

const STRIPE_URL = 'https://api.stripe.com';
const api = axios.create({ baseURL: STRIPE_URL, timeout: 2000 });
const chargesUrl = new URL('/v1/charges', STRIPE_URL);

test('charges', async () => {
  await api.post('/v1/charges', { amount: 500 });
  await axios.post(chargesUrl.toString(), { amount: 500 });
  await fetch(\`\${STRIPE_URL}/v1/charges/\${id}\`);
  await fetch(new Request(chargesUrl));
  await api.get('https://api.github.com/user');
});
`,
      errors: [
        { messageId: 'realNetwork', data: { origin: 'https://api.stripe.com' }, line: 8 },
        { messageId: 'realNetwork', data: { origin: 'https://api.stripe.com' }, line: 9 },
        { messageId: 'realNetwork', data: { origin: 'https://api.stripe.com' }, line: 10 },
        { messageId: 'realNetwork', data: { origin: 'https://api.stripe.com' }, line: 11 },
        { messageId: 'realNetwork', data: { origin: 'https://api.github.com' }, line: 12 },
      ],
    },
    {
      name: 'an instance created in a hook; a base URL given per request',
      filename: INTEGRATION,
      code: `import axios, { type AxiosInstance } from 'axios';
import got from 'got';

let api: AxiosInstance;
beforeAll(() => {
  api = axios.create({ baseURL: 'https://api.stripe.com/v1/' });
});

test('charges', async () => {
  await api.post('charges', { amount: 500 });
  await axios({ method: 'get', url: '/user', baseURL: 'https://api.github.com' });
  await axios.get('/user', { baseURL: 'https://api.github.com' });
  await got.post('v1/charges', { prefixUrl: 'https://api.stripe.com' });
});
`,
      errors: [
        { messageId: 'realNetwork', data: { origin: 'https://api.stripe.com' }, line: 10 },
        { messageId: 'realNetwork', data: { origin: 'https://api.github.com' }, line: 11 },
        { messageId: 'realNetwork', data: { origin: 'https://api.github.com' }, line: 12 },
        { messageId: 'realNetwork', data: { origin: 'https://api.stripe.com' }, line: 13 },
      ],
    },
    {
      name: 'every client the rule knows',
      filename: INTEGRATION,
      code: `import got from 'got';
import ky from 'ky';
import superagent from 'superagent';
import { request, fetch as undiciFetch } from 'undici';
import nodeFetch from 'node-fetch';
import { get } from 'node:https';
import * as http from 'http';

test('calls out', async () => {
  await got('https://api.github.com/zen');
  await ky.get('https://api.github.com/zen').text();
  await superagent.get('https://api.github.com/zen').set('accept', 'text/plain');
  await request({ origin: 'https://api.github.com', path: '/zen' });
  await undiciFetch('https://api.github.com/zen');
  await nodeFetch('https://api.github.com/zen');
  get('https://api.github.com/zen');
  http.request({ host: 'neverssl.com', path: '/' });
  await globalThis.fetch('https://api.github.com/zen');
});
`,
      errors: [
        { messageId: 'realNetwork', data: { origin: 'https://api.github.com' }, line: 10 },
        { messageId: 'realNetwork', data: { origin: 'https://api.github.com' }, line: 11 },
        { messageId: 'realNetwork', data: { origin: 'https://api.github.com' }, line: 12 },
        { messageId: 'realNetwork', data: { origin: 'https://api.github.com' }, line: 13 },
        { messageId: 'realNetwork', data: { origin: 'https://api.github.com' }, line: 14 },
        { messageId: 'realNetwork', data: { origin: 'https://api.github.com' }, line: 15 },
        { messageId: 'realNetwork', data: { origin: 'https://api.github.com' }, line: 16 },
        { messageId: 'realNetwork', data: { origin: 'http://neverssl.com' }, line: 17 },
        { messageId: 'realNetwork', data: { origin: 'https://api.github.com' }, line: 18 },
      ],
    },
    {
      name: 'a fake for one client does not cover another; a spy that calls through replaces nothing',
      filename: UNIT,
      code: `import { vi, it } from 'vitest';
import axios from 'axios';
vi.mock('axios');
vi.spyOn(globalThis, 'fetch');
it('fetches', async () => {
  await axios.get('https://api.exchangerate.host/latest');
  await fetch('https://api.exchangerate.host/latest');
});
`,
      errors: [{ messageId: 'realNetwork', data: { origin: 'https://api.exchangerate.host' }, line: 7 }],
    },
    {
      name: 'a MockAgent that is never made the global dispatcher fakes nothing',
      filename: INTEGRATION,
      code: `import { MockAgent } from 'undici';
const agent = new MockAgent();
test('fetches', async () => {
  agent.get('https://api.exchangerate.host').intercept({ path: '/latest' }).reply(200, {});
  await fetch('https://api.exchangerate.host/latest');
});
`,
      errors: [{ messageId: 'realNetwork', data: { origin: 'https://api.exchangerate.host' }, line: 5 }],
    },
  ],
});

jsTester.run('no-real-network (JavaScript)', rule, {
  valid: [
    {
      name: 'Mocha: nock.disableNetConnect() in a root hook, CommonJS',
      filename: 'test/integration/payment-client.test.js',
      code: `const nock = require('nock');
const axios = require('axios');

before(() => nock.disableNetConnect());

describe('payment client', function () {
  it('charges', async function () {
    await axios.post('https://api.stripe.com/v1/charges', { amount: 500 });
  });
});
`,
    },
    {
      name: 'jest-fetch-mock enabled in the file',
      filename: 'tests/unit/exchange-rates.test.js',
      code: `require('jest-fetch-mock').enableMocks();
test('fetches', async () => {
  await fetch('https://api.exchangerate.host/latest');
});
`,
    },
  ],
  invalid: [
    {
      name: 'Mocha with chai: the hooks are spelled before/after',
      filename: 'test/integration/payment-client.test.js',
      code: `const nock = require('nock');
const axios = require('axios');
const { expect } = require('chai');

describe('payment client', function () {
  it('charges a card', async function () {
    const { data } = await axios.post('https://api.stripe.com/v1/charges', { amount: 500 });
    expect(data.status).to.equal('succeeded');
  });
});
`,
      errors: [
        {
          messageId: 'realNetwork',
          data: { origin: 'https://api.stripe.com' },
          line: 7,
          column: 28,
          suggestions: [
            {
              messageId: 'disableNetConnect',
              data: { nock: 'nock' },
              output: `const nock = require('nock');
const axios = require('axios');
const { expect } = require('chai');

describe('payment client', function () {
  before(() => {
    nock.disableNetConnect();
  });
  after(() => {
    nock.enableNetConnect();
  });

  it('charges a card', async function () {
    const { data } = await axios.post('https://api.stripe.com/v1/charges', { amount: 500 });
    expect(data.status).to.equal('succeeded');
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Mocha TDD interface: suiteSetup/suiteTeardown',
      filename: 'test/integration/rates.test.js',
      code: `const nock = require('nock');
const https = require('https');

suite('rates', function () {
  setup(function () {});
  test('reads', function (done) {
    https.get('https://api.exchangerate.host/latest', () => done());
  });
});
`,
      errors: [
        {
          messageId: 'realNetwork',
          suggestions: [
            {
              messageId: 'disableNetConnect',
              output: `const nock = require('nock');
const https = require('https');

suite('rates', function () {
  suiteSetup(() => {
    nock.disableNetConnect();
  });
  suiteTeardown(() => {
    nock.enableNetConnect();
  });

  setup(function () {});
  test('reads', function (done) {
    https.get('https://api.exchangerate.host/latest', () => done());
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Jest globals in CommonJS, with a require destructured from @jest/globals',
      filename: 'tests/integration/rates.test.js',
      code: `const { describe, test } = require('@jest/globals');
const nock = require('nock');

describe('rates', () => {
  test('reads', async () => {
    await fetch('https://api.exchangerate.host/latest');
  });
});
`,
      errors: [
        {
          messageId: 'realNetwork',
          suggestions: [
            {
              messageId: 'disableNetConnect',
              output: `const { describe, test, beforeAll, afterAll } = require('@jest/globals');
const nock = require('nock');

describe('rates', () => {
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });

  test('reads', async () => {
    await fetch('https://api.exchangerate.host/latest');
  });
});
`,
            },
          ],
        },
      ],
    },
  ],
});

const esmTester = new RuleTester({ languageOptions: { parser: espree, sourceType: 'module', ecmaVersion: 'latest' } });

esmTester.run('no-real-network (JavaScript modules)', rule, {
  valid: [
    {
      name: 'node:test: nock answers the host',
      filename: 'tests/unit/exchange-rates.test.mjs',
      code: `import assert from 'node:assert/strict';
import { test } from 'node:test';
import axios from 'axios';
import nock from 'nock';

test('converts euros with the day rate', async () => {
  nock('https://api.frankfurter.app').get('/latest').query(true).reply(200, { rates: { USD: 1.1 } });
  const { data } = await axios.get('https://api.frankfurter.app/latest?from=EUR&to=USD');
  assert.ok(data.rates.USD > 0);
});
`,
    },
  ],
  invalid: [
    {
      name: 'node:test: a top-level test; before/after are imported next to test',
      filename: 'tests/unit/exchange-rates.test.mjs',
      code: `import assert from 'node:assert/strict';
import { test } from 'node:test';
import axios from 'axios';
import nock from 'nock';

test('converts euros with the day rate', async () => {
  const { data } = await axios.get('https://api.frankfurter.app/latest?from=EUR&to=USD');
  assert.ok(data.rates.USD > 0);
});
`,
      errors: [
        {
          messageId: 'realNetwork',
          data: { origin: 'https://api.frankfurter.app' },
          line: 7,
          column: 26,
          suggestions: [
            {
              messageId: 'disableNetConnect',
              data: { nock: 'nock' },
              output: `import assert from 'node:assert/strict';
import { test, before, after } from 'node:test';
import axios from 'axios';
import nock from 'nock';

before(() => {
  nock.disableNetConnect();
});
after(() => {
  nock.enableNetConnect();
});

test('converts euros with the day rate', async () => {
  const { data } = await axios.get('https://api.frankfurter.app/latest?from=EUR&to=USD');
  assert.ok(data.rates.USD > 0);
});
`,
            },
          ],
        },
      ],
    },
  ],
});

// The rule reads a file only when its text names an HTTP client module or `fetch`; these files hold
// the least that still counts, or nothing that does.
esmTester.run('no-real-network (the least a file must name)', rule, {
  valid: [
    {
      name: 'look-alikes: fetchRates, public URLs in strings and an ./http-client helper',
      filename: 'tests/unit/exchange-rates.test.mjs',
      code: `import { fetchRates } from '../../src/rates.js';
import { get } from './http-client.js';

it('reads the rates', async () => {
  expect(await fetchRates('https://api.frankfurter.app/latest')).toBeDefined();
  await get('https://api.frankfurter.app/latest');
});
`,
    },
  ],
  invalid: [
    {
      name: 'the global fetch, read as a computed property, and nothing imported',
      filename: 'tests/unit/exchange-rates.test.mjs',
      code: `it('reads the rates', async () => {
  await globalThis['fetch']('https://api.frankfurter.app/latest');
});
`,
      errors: [{ messageId: 'realNetwork', data: { origin: 'https://api.frankfurter.app' }, line: 2, column: 9, suggestions: [] }],
    },
    {
      name: 'ky from a subpath',
      filename: 'tests/unit/exchange-rates.test.mjs',
      code: `import ky from 'ky/distribution/index.js';

it('reads the rates', async () => {
  await ky.get('https://api.frankfurter.app/latest');
});
`,
      errors: [{ messageId: 'realNetwork', data: { origin: 'https://api.frankfurter.app' }, line: 4, column: 9, suggestions: [] }],
    },
    {
      name: 'fetch spelt with an escape: the file is read in full',
      filename: 'tests/unit/exchange-rates.test.mjs',
      code: `it('reads the rates', async () => {
  await \\u0066etch('https://api.frankfurter.app/latest');
});
`,
      errors: [{ messageId: 'realNetwork', data: { origin: 'https://api.frankfurter.app' }, line: 2, column: 9, suggestions: [] }],
    },
  ],
});

jsTester.run('no-real-network (the least a CommonJS file must name)', rule, {
  valid: [],
  invalid: [
    {
      name: 'node:https required inside a function',
      filename: 'test/integration/payment-client.test.js',
      code: `function charge() {
  const { request } = require('node:https');
  return request('https://api.stripe.com/v1/charges', { method: 'POST' });
}

it('charges a card', () => charge());
`,
      errors: [{ messageId: 'realNetwork', data: { origin: 'https://api.stripe.com' }, line: 3, column: 10, suggestions: [] }],
    },
  ],
});

ruleTester.run('no-real-network (SDKs of hosted services, and fakes that let hosts through)', rule, {
  valid: [
    {
      name: 'an SDK client pointed at a local stand-in',
      filename: 'tests/integration/billing.test.ts',
      code: `import Stripe from 'stripe';

const stripe = new Stripe('sk_test_123', { host: 'localhost', port: 12111, protocol: 'http' });

it('creates a customer', async () => {
  expect((await stripe.customers.create({ email: 'ada@example.com' })).id).toBeDefined();
});
`,
    },
    {
      name: 'an SDK client whose host comes from the environment, or from options the file does not show',
      filename: 'tests/integration/billing.test.ts',
      code: `import Stripe from 'stripe';
import { Octokit } from '@octokit/rest';
import { stripeOptions } from '../support/stripe';

const stripe = new Stripe('sk_test_123', { host: process.env.STRIPE_HOST });
const other = new Stripe('sk_test_123', stripeOptions);
const options = { apiVersion: '2024-06-20' };
options.host = process.env.STRIPE_HOST;
const third = new Stripe('sk_test_123', options);
const github = new Octokit({ baseUrl: process.env.GITHUB_API_URL });

it('works', async () => {
  await stripe.customers.list();
  await other.customers.list();
  await third.customers.list();
  await github.repos.get({ owner: 'acme', repo: 'shop' });
});
`,
    },
    {
      name: 'an SDK client answered by nock, or replaced in the test (Vitest)',
      filename: 'tests/unit/notify.test.ts',
      code: `import nock from 'nock';
import twilio from 'twilio';
import { Octokit } from '@octokit/rest';
import { vi, it } from 'vitest';

vi.mock('twilio');

it('opens an issue and texts the owner', async () => {
  nock('https://api.github.com').post('/repos/acme/shop/issues').reply(201, { number: 1 });
  await new Octokit({ auth: 'token' }).issues.create({ owner: 'acme', repo: 'shop', title: 'x' });
  await twilio('AC1', 'secret').messages.create({ to: '+1555', from: '+1556', body: 'hi' });
});
`,
    },
    {
      name: 'an msw server that fails every request no handler answers',
      filename: 'tests/integration/rates.test.ts',
      code: `import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';

const server = setupServer(http.get('https://api.rates.example.org/latest', () => HttpResponse.json({ eur: 0.9 })));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('fails on an unknown host', async () => {
  await expect(fetch('https://api.holidays.example.org/2026')).rejects.toThrow();
});
`,
    },
    {
      name: 'an SDK client made but never called from a test',
      filename: 'tests/integration/config.test.ts',
      code: `import twilio from 'twilio';

const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);

it('has a client', () => {
  expect(client).toBeDefined();
});
`,
    },
    {
      name: 'Jest: a client used only to check webhook signatures and listen for events sends nothing',
      filename: 'tests/integration/webhooks.test.ts',
      code: `import Stripe from 'stripe';

const stripe = new Stripe('sk_test_123');
const secret = 'whsec_local';

it('accepts a signed event', () => {
  const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'invoice.paid' });
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
  expect(stripe.webhooks.constructEvent(payload, header, secret).type).toBe('invoice.paid');
});

it('listens for responses', () => {
  const seen: string[] = [];
  stripe.on('response', (event) => seen.push(event.request_id));
  expect(seen).toEqual([]);
});
`,
    },
    {
      name: 'Vitest: a mail client whose key is only set',
      filename: 'tests/integration/mail.test.ts',
      code: `import { Client } from '@sendgrid/client';
import { expect, it } from 'vitest';

it('keeps the key it is given', () => {
  const client = new Client();
  client.setApiKey('SG.local');
  client.setDefaultHeader('X-Test', 'yes');
  expect(client).toBeDefined();
});
`,
    },
  ],
  invalid: [
    {
      name: 'Jest: a client that checks a signature and then creates a customer sends that request',
      filename: 'tests/integration/webhooks.test.ts',
      code: `import Stripe from 'stripe';

const stripe = new Stripe('sk_test_123');

it('opens an account for a signed event', async () => {
  const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'customer.created' });
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_local' });
  stripe.webhooks.constructEvent(payload, header, 'whsec_local');
  expect(await stripe.customers.create({ email: 'owner@example.test' })).toBeDefined();
});
`,
      errors: [{ messageId: 'sdkClient', line: 3, column: 16, data: { client: 'stripe client', origin: 'https://api.stripe.com', whose: ", the SDK's default host,", why: 'nothing in this file fakes that host' } }],
    },
    {
      name: 'an msw server answers the hosts of its handlers only, and lets other requests through',
      filename: 'tests/integration/rates.test.ts',
      code: `import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';

const server = setupServer(http.get('https://api.rates.example.org/latest', () => HttpResponse.json({ eur: 0.9 })));
beforeAll(() => server.listen());
afterAll(() => server.close());

it('converts with the latest rate', async () => {
  await fetch('https://api.rates.example.org/latest');
  await fetch('https://api.holidays.example.org/2026');
});
`,
      errors: [{ messageId: 'realNetwork', line: 10, column: 9, data: { origin: 'https://api.holidays.example.org' } }],
    },
    {
      name: "Jest: an SDK whose products each have a host sends to the service's domain, which the file never names",
      filename: 'tests/integration/sms.test.ts',
      code: `import twilio from 'twilio';

const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN, { accountSid: process.env.TWILIO_ACCOUNT });

test('sends a text', async () => {
  const message = await sms.messages.create({ to: '+15550001', from: '+15550002', body: 'hi' });
  expect(message.sid).toBeDefined();
});
`,
      errors: [{ messageId: 'sdkClient', line: 3, column: 13, data: { client: 'twilio client', origin: 'hosts under twilio.com', whose: '', why: 'nothing in this file fakes those hosts' } }],
    },
    {
      name: 'Vitest: an SDK client sends to its default host, which the file never names',
      filename: 'tests/integration/billing.test.ts',
      code: `import Stripe from 'stripe';
import { expect, it } from 'vitest';

const billing = new Stripe(process.env.BILLING_KEY);

it('opens an account for the shop', async () => {
  const account = await billing.customers.create({ email: 'owner@example.test' });
  expect(account.id).toMatch(/^cus_/);
});
`,
      errors: [{ messageId: 'sdkClient', line: 4, column: 17, data: { client: 'stripe client', origin: 'https://api.stripe.com', whose: ", the SDK's default host,", why: 'nothing in this file fakes that host' } }],
    },
    {
      name: 'a host option that names another public host, with nock set up for a different one',
      filename: 'tests/integration/cms.test.ts',
      code: `import { createClient } from 'contentful';
import nock from 'nock';

let preview: ReturnType<typeof createClient>;
beforeAll(() => {
  preview = createClient({ space: 'space', accessToken: 'token', host: 'preview.contentful.com' });
});

it('reads a draft', async () => {
  nock('https://images.example.com').get('/cat.png').reply(200);
  expect(await preview.getEntry('cat')).toBeDefined();
});
`,
      errors: [
        {
          messageId: 'sdkClient',
          line: 6,
          column: 13,
          data: { client: 'contentful client', origin: 'https://preview.contentful.com', whose: '', why: 'nothing in this file fakes that host' },
          suggestions: [
            {
              messageId: 'disableNetConnect',
              data: { nock: 'nock' },
              output: `import { createClient } from 'contentful';
import nock from 'nock';

beforeAll(() => {
  nock.disableNetConnect();
});
afterAll(() => {
  nock.enableNetConnect();
});

let preview: ReturnType<typeof createClient>;
beforeAll(() => {
  preview = createClient({ space: 'space', accessToken: 'token', host: 'preview.contentful.com' });
});

it('reads a draft', async () => {
  nock('https://images.example.com').get('/cat.png').reply(200);
  expect(await preview.getEntry('cat')).toBeDefined();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nock.enableNetConnect lets a public host through the refusal, and the message says so',
      filename: 'tests/integration/rates.test.ts',
      code: `import nock from 'nock';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/(127\\.0\\.0\\.1|rates\\.example\\.org)/);
});
afterAll(() => nock.enableNetConnect());

it('reads the rates', async () => {
  const response = await fetch('https://rates.example.org/latest');
  expect(response.ok).toBe(true);
});
`,
      errors: [
        {
          messageId: 'letThrough',
          line: 10,
          column: 26,
          data: { origin: 'https://rates.example.org', letThrough: 'nock.enableNetConnect(/(127\\.0\\.0\\.1|rates\\.example\\.org)/)' },
        },
      ],
    },
  ],
});
