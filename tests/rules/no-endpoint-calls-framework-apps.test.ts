/**
 * `no-endpoint-calls` on the project's own app, exported by one of its modules and driven in process:
 * Hono's `app.request('/x')` and `app.fetch(request)`, Elysia's `app.handle(request)`. The app counts
 * when its routes come from the project's code (`app.route('/orders', orders)`); an app whose
 * handlers the module writes itself is a stand-in, or an example of the project's middleware, and is
 * never reported.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { temporaryProjects } from '../helpers/projects';
import { testClientReport } from '../helpers/advice';

const project = temporaryProjects('no-endpoint-calls-framework-apps');

const shop = project('shop', {
  'package.json': JSON.stringify({ name: 'shop', type: 'module' }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }),
  'src/routes/orders.ts': `import { Hono } from 'hono';
import { listOrders, placeOrder } from '../orders/service';

export const orders = new Hono();
orders.get('/', async (c) => c.json(await listOrders()));
orders.post('/', async (c) => c.json(await placeOrder(await c.req.json()), 201));
`,
  'src/orders/service.ts': `export async function listOrders() {
  return [];
}

export async function placeOrder(order: unknown) {
  return order;
}
`,
  // The app the project serves: a Hono app handed the project's routes, exported as a value.
  'src/app.ts': `import { Hono } from 'hono';
import { orders } from './routes/orders';

export const app = new Hono();
app.route('/orders', orders);
`,
  // The same, built by a function, with the OpenAPI flavour of Hono.
  'src/create-app.ts': `import { OpenAPIHono } from '@hono/zod-openapi';
import { orders } from './routes/orders';

export function createApp() {
  const app = new OpenAPIHono();
  app.route('/v1/orders', orders);
  return app;
}
`,
  // An Elysia app that takes the project's plugin, exported as the module's default.
  'src/server.ts': `import { Elysia } from 'elysia';
import { ordersPlugin } from './plugins/orders';

const server = new Elysia();
server.use(ordersPlugin);

export default server;
`,
  'src/plugins/orders.ts': `import { Elysia } from 'elysia';

export const ordersPlugin = new Elysia({ prefix: '/orders' }).get('/', () => []);
`,
  // The project's middleware, and an example app that puts it in front of handlers written there.
  'src/session.ts': `import type { MiddlewareHandler } from 'hono';

export function useSession(): MiddlewareHandler {
  return async (c, next) => {
    c.set('session', { id: 's1' });
    await next();
  };
}
`,
  'examples/session-app.ts': `import { Hono } from 'hono';
import { useSession } from '../src/session';

export const app = new Hono();
app.use(useSession());
app.get('/session', (c) => c.json(c.get('session')));
`,
  // A stand-in of another company's API for the tests: every answer is written here.
  'test/support/fake-payments.ts': `import { Hono } from 'hono';

export const fakePayments = new Hono();
fakePayments.post('/v1/charges', (c) => c.json({ id: 'ch_1', status: 'succeeded' }));
`,
  'test/integration/placeholder.ts': '',
});

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

/** The report of a test that drives the app through `client` at `line` of `file`, a path in the project. */
const reported = (line: number, file: string, client: string, call: string, also: { request?: string; more?: string } = {}) =>
  testClientReport(line, path.join(shop, file), client, call, also);

ts.run("no-endpoint-calls: the project's own app driven in process (TypeScript)", rule, {
  valid: [
    {
      name: 'Vitest: a route added to the app in a test is no request to it',
      filename: path.join(shop, 'test/integration/routes.test.ts'),
      code: `import { expect, it } from 'vitest';
import { app } from '../../src/app';

it('lets a test add a route of its own', () => {
  app.get('/probe', (c) => c.text('ok'));
  expect(app.routes.length).toBeGreaterThan(0);
});
`,
    },
    {
      name: 'Vitest: a stand-in of another service whose answers are all written in the helper',
      filename: path.join(shop, 'test/integration/payments.test.ts'),
      code: `import { expect, it } from 'vitest';
import { fakePayments } from '../support/fake-payments';

it('answers a charge', async () => {
  const res = await fakePayments.request('/v1/charges', { method: 'POST' });
  expect(res.status).toBe(200);
});
`,
    },
    {
      name: "Vitest: an example app that puts the project's middleware in front of handlers it writes itself",
      filename: path.join(shop, 'examples/session-app.test.ts'),
      code: `import { expect, it } from 'vitest';
import { app } from './session-app';

it('starts a session', async () => {
  const res = await app.request('/session');
  expect(await res.json()).toEqual({ id: 's1' });
});
`,
    },
    {
      name: 'Jest: an app from a module that cannot be read stays unjudged',
      filename: path.join(shop, 'test/integration/unread.test.ts'),
      code: `import { app } from '../../src/missing-app';

test('lists orders', async () => {
  expect((await app.request('/orders')).status).toBe(200);
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: a request into the Hono app a module exports, through a tsconfig alias',
      filename: path.join(shop, 'test/integration/orders.test.ts'),
      code: `import { expect, it } from 'vitest';
import { app } from '@/app';

it('places an order', async () => {
  const res = await app.request('/orders', { method: 'POST', body: JSON.stringify({ sku: 'A1' }) });
  expect(res.status).toBe(201);
});

it('lists orders', async () => {
  const res = await app.fetch(new Request('http://localhost/orders'));
  expect(res.status).toBe(200);
});
`,
      errors: [
        reported(5, 'test/integration/orders.test.ts', "the Hono app `app` from '@/app'", 'app.request(…)', { request: ' (POST /orders)' }),
        reported(10, 'test/integration/orders.test.ts', "the Hono app `app` from '@/app'", 'app.fetch(…)'),
      ],
    },
    {
      name: 'Jest: the app a project function builds, held in a variable a hook sets',
      filename: path.join(shop, 'test/integration/v1-orders.test.ts'),
      code: `import { createApp } from '../../src/create-app';

let app: ReturnType<typeof createApp>;

beforeEach(() => {
  app = createApp();
});

test('lists orders', async () => {
  expect((await app.request('/v1/orders')).status).toBe(200);
});
`,
      errors: [reported(10, 'test/integration/v1-orders.test.ts', "the Hono app `createApp()` from '../../src/create-app'", "app.request('/v1/orders')")],
    },
  ],
});

js.run("no-endpoint-calls: the project's own app driven in process (JavaScript)", rule, {
  valid: [],
  invalid: [
    {
      name: 'node:test: a request handed to the Elysia app a module exports by default',
      filename: path.join(shop, 'test/integration/server.test.js'),
      code: `import assert from 'node:assert/strict';
import { test } from 'node:test';
import server from '../../src/server.ts';

test('lists orders', async () => {
  const res = await server.handle(new Request('http://localhost/orders'));
  assert.equal(res.status, 200);
});
`,
      errors: [reported(6, 'test/integration/server.test.js', "the Elysia app `server` from '../../src/server.ts'", 'server.handle(…)')],
    },
    {
      name: 'Mocha: the Hono app, handed a request by a test after a hook builds it',
      filename: path.join(shop, 'test/integration/app.test.js'),
      code: `import { expect } from 'chai';
import { app } from '../../src/app.ts';

describe('orders', () => {
  it('places an order', async () => {
    const res = await app.request('/orders', { method: 'POST' });
    expect(res.status).to.equal(201);
  });
});
`,
      errors: [reported(6, 'test/integration/app.test.js', "the Hono app `app` from '../../src/app.ts'", 'app.request(…)', { request: ' (POST /orders)' })],
    },
  ],
});
