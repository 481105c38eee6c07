/**
 * `no-endpoint-calls` on requests to the address a harness app resolves `listen()` to: an app built
 * in the test from the bare framework, around the plugin under test and with handlers written there,
 * answers as a stand-in does (`const address = await app.listen({ port: 0 })`, then `fetch(address)`).
 * So is fastify's `app.server` (`app.server.address().port`), and an app held in a variable that starts
 * out empty (`let app = null`, then `app = Fastify()` in a `try`). An app given the project's routes is
 * the application, and the server it starts is reported.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { acceptanceMove } from '../helpers/advice';

const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const RATE_LIMIT = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { rateLimit } from '../../src/plugins/rate-limit.js';

test('refuses the request over the limit', async (t) => {
  const app = Fastify();
  app.register(rateLimit, { max: 1 });
  app.get('/', async () => ({ ok: true }));
  t.after(() => app.close());

  const address = await app.listen({ port: 0 });
  await fetch(address);
  const second = await fetch(address);
  assert.equal(second.status, 429);
});
`;

esm.run('no-endpoint-calls: the address a harness app listens on (node:test, ESM)', rule, {
  valid: [
    {
      name: 'fetch to the address a bare app around the plugin under test resolves listen() to',
      filename: 'test/integration/rate-limit.test.mjs',
      code: RATE_LIMIT,
    },
  ],
  invalid: [
    {
      name: 'an app given the project’s routes is the application',
      filename: 'test/integration/rate-limit.test.mjs',
      code: RATE_LIMIT.replace("app.get('/', async () => ({ ok: true }));", 'app.register(ordersRoutes);').replace(
        "import { rateLimit } from '../../src/plugins/rate-limit.js';",
        "import { rateLimit } from '../../src/plugins/rate-limit.js';\nimport { ordersRoutes } from '../../src/routes/orders.js';",
      ),
      errors: [
        {
          messageId: 'localServerHttp',
          line: 14,
          data: { move: acceptanceMove('test/integration/rate-limit.test.mjs'), url: '${…}', client: 'fetch', more: ', and 1 more like it in this test', letThrough: '' },
        },
      ],
    },
  ],
});

const STREAM = `const http = require('node:http');
const { test } = require('node:test');
const Fastify = require('fastify');

test('streams the reply', (t, done) => {
  let fastify = null;
  try {
    fastify = Fastify({ logger: false });
  } catch (error) {
    t.assert.ifError(error);
  }
  fastify.get('/', (request, reply) => reply.send('hello'));
  fastify.listen({ port: 0 }, (err) => {
    t.assert.ifError(err);
    t.after(() => fastify.close());
    const port = fastify.server.address().port;
    http.get(\`http://localhost:\${port}\`, (response) => {
      t.assert.strictEqual(response.statusCode, 200);
      done();
    });
  });
});
`;

cjs.run('no-endpoint-calls: fastify\u2019s own server of a harness app (node:test, CommonJS)', rule, {
  valid: [
    {
      name: 'the port of the server of an app that starts out empty',
      filename: 'test/integration/stream.test.js',
      code: STREAM,
    },
    {
      name: 'the port of the server of an app made at once',
      filename: 'test/integration/stream.test.js',
      code: `const http = require('node:http');
const { test } = require('node:test');
const Fastify = require('fastify');

test('answers on its own server', (t, done) => {
  const fastify = Fastify();
  fastify.get('/', (request, reply) => reply.send('hello'));
  fastify.listen({ port: 0 }, () => {
    t.after(() => fastify.close());
    http.get(\`http://localhost:\${fastify.server.address().port}\`, (response) => {
      t.assert.strictEqual(response.statusCode, 200);
      done();
    });
  });
});
`,
    },
    {
      name: 'the address listen() resolves to, on an app that starts out empty',
      filename: 'test/integration/stream.test.js',
      code: `const { test } = require('node:test');
const Fastify = require('fastify');

test('answers once set up', async (t) => {
  let fastify = null;
  fastify = Fastify();
  fastify.get('/', async () => 'hello');
  t.after(() => fastify.close());
  const address = await fastify.listen({ port: 0 });
  const response = await fetch(address);
  t.assert.strictEqual(response.status, 200);
});
`,
    },
  ],
  invalid: [
    {
      name: 'an app given the project\u2019s routes is the application',
      filename: 'test/integration/stream.test.js',
      code: STREAM.replace("fastify.get('/', (request, reply) => reply.send('hello'));", 'fastify.register(ordersRoutes);').replace(
        "const Fastify = require('fastify');",
        "const Fastify = require('fastify');\nconst { ordersRoutes } = require('../../src/routes/orders');",
      ),
      errors: [
        {
          messageId: 'loopbackHttp',
          line: 18,
          data: { move: acceptanceMove('test/integration/stream.test.js'), url: 'http://localhost:${…}', client: 'http.get', more: '', letThrough: '' },
        },
      ],
    },
  ],
});
