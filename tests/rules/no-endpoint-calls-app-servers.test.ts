/**
 * `no-endpoint-calls` on a test-support helper that starts the project's own app on a free port
 * and hands back, with the server, a function that sends requests to it. Calling that function
 * drives the app over HTTP. A helper that serves a handler of its own is a stand-in, and a
 * function handed an address from elsewhere is judged by nothing the plugin can see.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/no-endpoint-calls';
import { temporaryProjects } from '../helpers/projects';
import { acceptanceMove } from '../helpers/advice';

const project = temporaryProjects('no-endpoint-calls-app-servers');

const billing = project('billing', {
  'package.json': JSON.stringify({ name: 'billing' }),
  'src/routes.ts': `import { Router } from 'express';
export const routes = Router();
routes.get('/invoices', (_request, response) => response.json([]));
`,
  // Mounts the project's routes on an app of its own, listens, and resolves with a sender bound to it.
  'test/support/server.ts': `import { createServer, type Server } from 'node:http';
import express from 'express';
import { routes } from '../../src/routes';

function senderFor(baseUrl: string) {
  return async function send(route: string, init: { method?: string; body?: unknown } = {}) {
    const response = await fetch(new URL(baseUrl + route), { method: init.method ?? 'GET', body: JSON.stringify(init.body) });
    return { status: response.status, json: await response.json() };
  };
}

export async function startApi(): Promise<{ server: Server; url: string; fetch: ReturnType<typeof senderFor> }> {
  const app = express();
  app.use(express.json());
  app.use(routes);
  const server = createServer(app);
  return new Promise((resolve) => {
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      const url = \`http://127.0.0.1:\${port}\`;
      resolve({ server, url, fetch: senderFor(url) });
    });
  });
}
`,
  // A stand-in for a payment provider: its answers are written here, nothing of the project's is served.
  'test/support/fake-provider.ts': `import { createServer, type Server } from 'node:http';

function senderFor(baseUrl: string) {
  return (route: string) => fetch(baseUrl + route);
}

export async function startFakeProvider(): Promise<{ server: Server; fetch: ReturnType<typeof senderFor> }> {
  const server = createServer((_request, response) => response.end('{"paid":true}'));
  return new Promise((resolve) => {
    server.listen(0, () => {
      const url = \`http://localhost:\${(server.address() as { port: number }).port}\`;
      resolve({ server, fetch: senderFor(url) });
    });
  });
}
`,
  // The same sender, pointed at an address the caller hands in.
  'test/support/remote.ts': `function senderFor(baseUrl: string) {
  return (route: string) => fetch(baseUrl + route);
}

export function connectTo(baseUrl: string) {
  return { fetch: senderFor(baseUrl) };
}
`,
  // CommonJS: the app module's own export is served.
  'src/app.js': `const express = require('express');
const app = express();
app.get('/health', (_request, response) => response.send('ok'));
module.exports = { app };
`,
  'test/support/server.cjs': `const http = require('node:http');
const axios = require('axios');
const { app } = require('../../src/app');

function clientAt(baseURL) {
  return (route) => axios.get(route, { baseURL });
}

exports.listen = function listen() {
  return new Promise((resolve) => {
    const server = http.createServer(app).listen(0, () => {
      const base = 'http://localhost:' + server.address().port;
      resolve({ server, request: clientAt(base) });
    });
  });
};
`,
  'test/integration/placeholder.ts': '',
});

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });

/** A path as the move command in a message shows it: RuleTester lints from the file system's root. */
const shown = (file: string) => path.relative(path.parse(file).root, file);

const reported = (line: number, file: string, client: string, call: string, more = '', request = '') => ({
  messageId: 'testClient' as const,
  line,
  data: { move: acceptanceMove(shown(path.join(billing, file))), client, call, request, more },
});

ts.run('no-endpoint-calls: a helper that starts the app and hands back a sender', rule, {
  valid: [
    {
      name: 'a stand-in server of another service, asked through its own sender (Vitest)',
      filename: path.join(billing, 'test/integration/provider.test.ts'),
      code: `import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeProvider } from '../support/fake-provider';

let provider: Awaited<ReturnType<typeof startFakeProvider>>;
beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(() => provider.server.close());

it('the stand-in answers', async () => {
  expect((await provider.fetch('/charges')).status).toBe(200);
});
`,
    },
    {
      name: 'a sender pointed at an address from the environment (Jest)',
      filename: path.join(billing, 'test/integration/remote.test.ts'),
      code: `import { connectTo } from '../support/remote';

const remote = connectTo(process.env.LEDGER_URL ?? '');

test('reads the ledger', async () => {
  expect((await remote.fetch('/entries')).ok).toBe(true);
});
`,
    },
    {
      name: "the server's other properties are not requests (Vitest)",
      filename: path.join(billing, 'test/integration/address.test.ts'),
      code: `import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApi } from '../support/server';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.server.close());

it('listens on this machine', () => {
  expect(new URL(api.url).hostname).toBe('127.0.0.1');
});
`,
    },
  ],
  invalid: [
    {
      name: 'requests through the sender, once a test (Vitest)',
      filename: path.join(billing, 'test/integration/invoices.test.ts'),
      code: `import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApi } from '../support/server';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.server.close());

it('lists no invoices at first', async () => {
  const { json } = await api.fetch('/invoices');
  expect(json).toEqual([]);
});

it('creates an invoice', async () => {
  await api.fetch('/invoices', { method: 'POST', body: { total: 10 } });
  expect((await api.fetch('/invoices')).json).toHaveLength(1);
});
`,
      errors: [
        reported(11, 'test/integration/invoices.test.ts', "a request function that `startApi()` from '../support/server' hands back", "api.fetch('/invoices')"),
        reported(16, 'test/integration/invoices.test.ts', "a request function that `startApi()` from '../support/server' hands back", 'api.fetch(…)', ', and 1 more like it in this test', ' (POST /invoices)'),
      ],
    },
    {
      name: 'the sender taken out by destructuring (Jest)',
      filename: path.join(billing, 'test/integration/destructured.test.ts'),
      code: `import { startApi } from '../support/server';

test('lists invoices', async () => {
  const { fetch, server } = await startApi();
  expect((await fetch('/invoices')).status).toBe(200);
  server.close();
});
`,
      errors: [reported(5, 'test/integration/destructured.test.ts', "a request function that `startApi()` from '../support/server' hands back", "fetch('/invoices')")],
    },
  ],
});

cjs.run('no-endpoint-calls: a helper that starts the app and hands back a sender (Mocha, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: "the app module's export served, and an axios sender on its address",
      filename: path.join(billing, 'test/integration/health.test.js'),
      code: `const assert = require('node:assert');
const { listen } = require('../support/server.cjs');

describe('health', () => {
  let api;
  before(async () => {
    api = await listen();
  });
  after(() => api.server.close());

  it('answers', async () => {
    const response = await api.request('/health');
    assert.equal(response.data, 'ok');
  });
});
`,
      errors: [reported(12, 'test/integration/health.test.js', "a request function that `listen()` from '../support/server.cjs' hands back", "api.request('/health')")],
    },
  ],
});
