/**
 * `no-endpoint-calls` on requests answered by a route the test file registers itself, with a
 * handler written there, on an app it makes from the bare framework: the project's plugin or
 * middleware registered on that app is the piece under test, and the request reaches the test's
 * own handler. A request to another path of that app, or to the project's own app, is reported.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const PLUGIN_TEST = `const { test } = require('node:test');
const Fastify = require('fastify');
const dbPlugin = require('../index');
const { connectionString } = require('./helpers');

test('decorates each request with a client', async (t) => {
  const app = Fastify();
  t.after(() => app.close());
  await app.register(dbPlugin, { connectionString, perRequest: true });

  app.get('/users/:id', async (req) => {
    t.assert.ok(req.db);
    return { id: req.params.id };
  });

  const res = await app.inject({ url: '/users/7' });
  t.assert.strictEqual(res.statusCode, 200);
});
`;

cjs.run('no-endpoint-calls: requests answered by the test’s own routes (node:test, CommonJS)', rule, {
  valid: [
    {
      name: 'a fastify plugin of the project registered with options from a helper; the request reaches the route the test wrote',
      filename: 'test/integration/per-request.test.js',
      code: PLUGIN_TEST,
    },
    {
      name: 'a POST with its method written in the options, to a route registered for every method',
      filename: 'test/integration/per-request.test.js',
      code: PLUGIN_TEST.replace("app.get('/users/:id'", "app.all('/users/:id'").replace("app.inject({ url: '/users/7' })", "app.inject({ method: 'POST', url: '/users/7?full=1' })"),
    },
  ],
  invalid: [
    {
      name: 'a request to a path the test registers nothing for may reach the plugin’s own routes',
      filename: 'test/integration/per-request.test.js',
      code: PLUGIN_TEST.replace("app.inject({ url: '/users/7' })", "app.inject({ url: '/health' })"),
      errors: [{ messageId: 'testClient', line: 16 }],
    },
    {
      name: 'a request with another method than the route’s',
      filename: 'test/integration/per-request.test.js',
      code: PLUGIN_TEST.replace("app.inject({ url: '/users/7' })", "app.inject({ method: 'DELETE', url: '/users/7' })"),
      errors: [{ messageId: 'testClient', line: 16 }],
    },
  ],
});

const ERROR_HANDLER = `import express from 'express';
import request from 'supertest';
import { ordersRouter } from '../../orders/router';
import { errorHandler } from '../../http/error-handler';

describe('error handler', () => {
  const app = express();
  app.use('/orders', ordersRouter);
  app.get('/boom', () => {
    throw new Error('kaput');
  });
  app.use(errorHandler);

  it('answers a thrown error with 500 and no stack', async () => {
    const res = await request(app).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body.stack).toBeUndefined();
  });
});
`;

ts.run('no-endpoint-calls: requests answered by the test’s own routes (Jest, supertest, TypeScript)', rule, {
  valid: [
    {
      name: 'a route the test adds to a bare express app behind the project’s router; the request goes to the test’s route',
      filename: 'src/__tests__/integration/errors.test.ts',
      code: ERROR_HANDLER,
    },
  ],
  invalid: [
    {
      name: 'the same app asked for the project’s route is driven over HTTP',
      filename: 'src/__tests__/integration/errors.test.ts',
      code: ERROR_HANDLER.replace("request(app).get('/boom')", "request(app).get('/orders')"),
      errors: [{ messageId: 'testClient', line: 15 }],
    },
    {
      name: 'a route added to the project’s own app does not make it a harness',
      filename: 'src/__tests__/integration/errors.test.ts',
      code: `import request from 'supertest';
import { app } from '../../app';

describe('error handler', () => {
  app.get('/boom', () => {
    throw new Error('kaput');
  });

  it('answers a thrown error with 500', async () => {
    expect((await request(app).get('/boom')).status).toBe(500);
  });
});
`,
      errors: [{ messageId: 'testClient', line: 10 }],
    },
  ],
});
