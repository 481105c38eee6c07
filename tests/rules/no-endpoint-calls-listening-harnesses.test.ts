/**
 * `no-endpoint-calls` on requests to the address a harness app resolves `listen()` to: an app built
 * in the test from the bare framework, around the plugin under test and with handlers written there,
 * answers as a stand-in does (`const address = await app.listen({ port: 0 })`, then `fetch(address)`).
 * An app given the project's routes is the application, and the server it starts is reported.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';

const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

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
          data: { file: 'test/integration/rate-limit.test.mjs', url: '${…}', client: 'fetch', more: ', and 1 more like it in this test', letThrough: '' },
        },
      ],
    },
  ],
});
