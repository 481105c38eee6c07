/**
 * `no-endpoint-calls` on requests to a port written out that a stand-in server of the file listens on
 * (`stub.listen(4010)`, then `fetch('http://localhost:4010/…')`): the request reaches that stand-in, as
 * one to a port the system picked (`listen(0)`, then `server.address().port`) does. A port the app
 * listens on, a port nothing in the file listens on, and a port both listen on are still the app's.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { acceptanceMove } from '../helpers/advice';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const loopback = (file: string, url: string, client: string) => ({ move: acceptanceMove(file), url, client, more: '', letThrough: '' });

ts.run('no-endpoint-calls: a stand-in on a port written out (Jest, Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'Jest: an Express stub with a route written here, started with a callback, on port 4010',
      filename: 'test/integration/weather.test.ts',
      code: `import express from 'express';
import type { Server } from 'node:http';
import { forecast } from '../../src/weather';

describe('weather client', () => {
  let server: Server;

  beforeAll((done) => {
    const stub = express();
    stub.get('/forecast/:city', (req, res) => res.json({ city: req.params.city, sky: 'clear' }));
    server = stub.listen(4010, done);
  });

  afterAll((done) => server.close(done));

  it('reads the forecast through the client', async () => {
    expect(await forecast('http://localhost:4010', 'oslo')).toEqual({ city: 'oslo', sky: 'clear' });
  });

  it('answers on the stub itself', async () => {
    const response = await fetch('http://localhost:4010/forecast/rome');
    expect(response.status).toBe(200);
  });
});
`,
    },
    {
      name: 'Vitest: a fastify stub started with `listen({ port })` on a named port',
      filename: 'test/integration/rates.test.ts',
      code: `import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RatesClient } from '../../src/rates-client';

const STUB_PORT = 4011;
const stub = Fastify();
stub.get('/rates', async () => ({ EUR: 1.1 }));

beforeAll(async () => {
  await stub.listen({ port: STUB_PORT });
});

afterAll(() => stub.close());

it('reads the stub directly', async () => {
  const response = await fetch(\`http://127.0.0.1:\${STUB_PORT}/rates\`);
  expect(await response.json()).toEqual({ EUR: 1.1 });
});

it('reads the rates through the client', async () => {
  const client = new RatesClient(\`http://127.0.0.1:\${STUB_PORT}\`);
  expect(await client.rate('EUR')).toBe(1.1);
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: the app from the project listens on the port the request goes to',
      filename: 'test/integration/health.test.ts',
      code: `import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { app } from '../../src/app';

let server: Server;

beforeAll(() => {
  server = app.listen(4012);
});

afterAll(() => server.close());

it('answers the health check', async () => {
  const response = await fetch('http://localhost:4012/health');
  expect(response.status).toBe(200);
});
`,
      errors: [{ messageId: 'loopbackHttp', line: 14, data: loopback('test/integration/health.test.ts', 'http://localhost:4012/health', 'fetch') }],
    },
    {
      name: 'Jest: a stub listens on 4013 but the request goes to 4014',
      filename: 'test/integration/orders.test.ts',
      code: `import express from 'express';
import type { Server } from 'node:http';
import axios from 'axios';

let stub: Server;

beforeAll(() => {
  const payments = express();
  payments.post('/charges', (req, res) => res.status(201).json({ id: 'ch_1' }));
  stub = payments.listen(4013);
});

afterAll(() => stub.close());

it('creates an order', async () => {
  const { status } = await axios.post('http://localhost:4014/orders', { sku: 'a' });
  expect(status).toBe(201);
});
`,
      errors: [{ messageId: 'loopbackHttp', line: 16, data: loopback('test/integration/orders.test.ts', 'http://localhost:4014/orders', 'axios.post') }],
    },
  ],
});

cjs.run('no-endpoint-calls: a stand-in on a port written out (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'a node:http stand-in whose handler the file writes, on a constant port',
      filename: 'test/integration/mailer.test.js',
      code: `const http = require('node:http');
const { expect } = require('chai');
const axios = require('axios');
const { sendWelcome } = require('../../src/mailer');

const PORT = 5055;

describe('mailer', function () {
  let server;
  let received;

  before(function (done) {
    server = http.createServer((req, res) => {
      received = req.url;
      res.end('{}');
    });
    server.listen(PORT, done);
  });

  after(function (done) {
    server.close(done);
  });

  it('posts to the mail service', async function () {
    await sendWelcome(\`http://127.0.0.1:\${PORT}\`, 'ann@example.com');
    expect(received).to.equal('/messages');
  });

  it('the stand-in answers', async function () {
    const { status } = await axios.get(\`http://127.0.0.1:\${PORT}/ping\`);
    expect(status).to.equal(200);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'a stand-in and the app both listen on the port: the request may reach the app',
      filename: 'test/integration/mixed.test.js',
      code: `const http = require('node:http');
const { expect } = require('chai');
const { createApp } = require('../../src/app');

describe('mixed', function () {
  let stub;
  let server;

  before(function () {
    stub = http.createServer((req, res) => res.end('ok'));
    stub.listen(4015);
    server = createApp().listen(4015);
  });

  after(function () {
    stub.close();
    server.close();
  });

  it('answers', async function () {
    const response = await fetch('http://localhost:4015/status');
    expect(response.status).to.equal(200);
  });
});
`,
      errors: [{ messageId: 'loopbackHttp', line: 21, data: loopback('test/integration/mixed.test.js', 'http://localhost:4015/status', 'fetch') }],
    },
  ],
});
