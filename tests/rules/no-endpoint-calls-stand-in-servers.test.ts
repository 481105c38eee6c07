/**
 * `no-endpoint-calls` on requests to a stand-in server the test file writes itself: a server made by
 * `createServer` or `createSecureServer` with a handler written in place answers as a fake of some
 * service does, so a request to its port is no call of the app. A server around the project's app, or
 * a handler that hands the request to the app, is the app. A request the file's own server makes while
 * it answers (a gateway forwarding what it receives) is no step of the test.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { acceptanceMove } from '../helpers/advice';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });
const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

const loopback = (file: string, url: string, client: string) => ({ move: acceptanceMove(file), url, client, more: '', letThrough: '' });

cjs.run('no-endpoint-calls: a stand-in server (node:test, CommonJS)', rule, {
  valid: [
    {
      name: 'fetch to the port of a server whose handler the file writes',
      filename: 'test/integration/rates.test.js',
      code: `const assert = require('node:assert/strict');
const http = require('node:http');
const { after, before, test } = require('node:test');
const { fetchRates } = require('../../src/rates');

let server;

before(async () => {
  server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ EUR: 1.1 }));
  });
  await new Promise((resolve) => server.listen(0, resolve));
});

after(() => server.close());

test('the stand-in answers like the rates service', async () => {
  const response = await fetch(\`http://127.0.0.1:\${server.address().port}/latest\`);
  assert.deepEqual(await response.json(), { EUR: 1.1 });
});

test('reads the rates through the adapter', async () => {
  assert.equal((await fetchRates(\`http://127.0.0.1:\${server.address().port}\`)).EUR, 1.1);
});
`,
    },
  ],
  invalid: [],
});

ts.run('no-endpoint-calls: a stand-in server or the app (TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: a gateway the file writes forwards each request it answers',
      filename: 'test/integration/gateway.test.ts',
      code: `import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerWorker, startWorker, type Worker } from '../../src/worker';

let worker: Worker;
let proxy: http.Server;

beforeAll(async () => {
  worker = await startWorker();
  // Stands in front of the worker as a gateway would, forwarding each request.
  proxy = http.createServer((incoming, outgoing) => {
    const upstream = http.request({ hostname: '127.0.0.1', port: worker.port, path: incoming.url, method: incoming.method });
    upstream.on('response', (answer) => answer.pipe(outgoing));
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, resolve));
});

afterAll(async () => {
  proxy.close();
  await worker.stop();
});

it('registers through the gateway', async () => {
  const { port } = proxy.address() as AddressInfo;
  await expect(registerWorker(\`http://127.0.0.1:\${port}\`)).resolves.toBe(true);
});
`,
    },
    {
      name: 'Vitest: https.get to an HTTP/2 stand-in, port destructured from its address',
      filename: 'test/integration/alpn.test.ts',
      code: `import { createSecureServer } from 'node:http2';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';

const key = readFileSync(new URL('./fixtures/key.pem', import.meta.url));
const cert = readFileSync(new URL('./fixtures/cert.pem', import.meta.url));
const server = createSecureServer({ key, cert, allowHTTP1: true }, (req, res) => {
  res.end(req.httpVersion);
});

beforeAll(() => new Promise<void>((resolve) => server.listen(0, resolve)));
afterAll(() => server.close());

it('falls back to HTTP/1.1', async () => {
  const { port } = server.address() as AddressInfo;
  const version = await new Promise<string>((resolve) => {
    https.get(\`https://localhost:\${port}/\`, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
  });
  expect(version).toBe('1.1');
});
`,
    },
  ],
  invalid: [
    {
      name: 'Jest: the server serves the project\u2019s app',
      filename: 'test/integration/orders.test.ts',
      code: `import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { app } from '../../src/app';

describe('orders', () => {
  const server = http.createServer(app);

  beforeAll((done) => {
    server.listen(0, done);
  });

  afterAll((done) => {
    server.close(done);
  });

  it('lists orders', async () => {
    const { port } = server.address() as AddressInfo;
    const response = await axios.get(\`http://localhost:\${port}/orders\`);
    expect(response.status).toBe(200);
  });
});
`,
      errors: [{ messageId: 'loopbackHttp', line: 19, data: loopback('test/integration/orders.test.ts', 'http://localhost:${…}/orders', 'axios.get') }],
    },
  ],
});

esm.run('no-endpoint-calls: a handler that hands the request to the app (Mocha)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the handler written in place calls the project\u2019s request handler',
      filename: 'test/integration/health.test.js',
      code: `import http from 'node:http';
import { expect } from 'chai';
import { handleRequest } from '../../src/server.js';

describe('health', function () {
  let server;

  before(function (done) {
    server = http.createServer((req, res) => handleRequest(req, res)).listen(0, done);
  });

  after(function (done) {
    server.close(done);
  });

  it('reports healthy', async function () {
    const response = await fetch(\`http://localhost:\${server.address().port}/health\`);
    expect(response.status).to.equal(200);
  });
});
`,
      errors: [{ messageId: 'loopbackHttp', line: 17, data: loopback('test/integration/health.test.js', 'http://localhost:${…}/health', 'fetch') }],
    },
    {
      name: 'the handler calls a function of the file that hands the request to the project',
      filename: 'test/integration/health.test.js',
      code: `import http from 'node:http';
import { expect } from 'chai';
import { handleRequest } from '../../src/server.js';

function serve(req, res) {
  return handleRequest(req, res);
}

describe('health', function () {
  let server;

  before(function (done) {
    server = http.createServer((req, res) => serve(req, res)).listen(0, done);
  });

  after(function (done) {
    server.close(done);
  });

  it('reports healthy', async function () {
    const response = await fetch(\`http://localhost:\${server.address().port}/health\`);
    expect(response.status).to.equal(200);
  });
});
`,
      errors: [{ messageId: 'loopbackHttp', line: 21, data: loopback('test/integration/health.test.js', 'http://localhost:${…}/health', 'fetch') }],
    },
  ],
});

esm.run('no-endpoint-calls: a server started for a harness app the file builds (Mocha, Vitest)', rule, {
  valid: [
    {
      name: 'Mocha: fetch to an app whose route the test writes, around the project\u2019s middleware',
      filename: 'test/integration/limits.test.js',
      code: `import assert from 'node:assert/strict';
import http from 'node:http';
import express from 'express';
import { rateLimit } from '../../src/rate-limit.js';

describe('rate limit', () => {
  let server;
  before(async () => {
    const app = express();
    app.use(rateLimit({ perMinute: 1 }));
    app.get('/ping', (req, res) => res.send('pong'));
    server = http.createServer(app).listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
  });
  after(() => server.close());

  it('refuses the second request in a minute', async () => {
    const { port } = server.address();
    await fetch(\`http://localhost:\${port}/ping\`);
    assert.equal((await fetch(\`http://localhost:\${port}/ping\`)).status, 429);
  });
});
`,
    },
    {
      name: 'Vitest: fetch to the port of a harness app listening itself',
      filename: 'test/integration/errors.test.js',
      code: `import { afterAll, beforeAll, expect, it } from 'vitest';
import express from 'express';
import { errorHandler } from '../../src/errors.js';

let server;
beforeAll(() => {
  const app = express();
  app.get('/boom', () => {
    throw new Error('boom');
  });
  app.use(errorHandler);
  server = app.listen(0);
});
afterAll(() => server.close());

it('answers an unknown error with a 500', async () => {
  expect((await fetch(\`http://127.0.0.1:\${server.address().port}/boom\`)).status).toBe(500);
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: a setting of the app answers no request, so the project\u2019s routes make it the app',
      filename: 'test/integration/search.test.js',
      code: `import { afterAll, beforeAll, expect, it } from 'vitest';
import express from 'express';
import { routes } from '../../src/routes.js';

let server;
beforeAll(() => {
  const app = express();
  app.set('query parser', (text) => new URLSearchParams(text));
  app.use(routes);
  server = app.listen(0);
});
afterAll(() => server.close());

it('finds by tag', async () => {
  expect((await fetch(\`http://localhost:\${server.address().port}/search?tag=a\`)).status).toBe(200);
});
`,
      errors: [{ messageId: 'loopbackHttp', line: 15, data: loopback('test/integration/search.test.js', 'http://localhost:${…}/search?tag=a', 'fetch') }],
    },
  ],
});
