/**
 * `no-endpoint-calls` in a framework plugin's own repository, on the ways its tests set up a bare app
 * around the plugin: a plugin function written in the test that registers the library under a prefix,
 * the app awaited until it is ready, a class the test declares handed in as an option, a property of
 * the app passed through one of the file's own functions, and a plugin function the file declares and
 * registers by name. Each is the test's own code. Another module of the repository reached the same
 * ways may be an application's, and is still reported.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('no-endpoint-calls-plugin-harnesses');

const plugin = project('gql-plugin', {
  'package.json': JSON.stringify({ name: 'fastify-gql-lite', version: '3.1.0', main: 'index.js' }),
  'index.js': "module.exports = async function gql(app, options) {\n  app.post('/graphql', async () => ({ data: null, schema: options.schema }));\n};\n",
  'lib/admin-routes.js': "module.exports = async function admin(app) {\n  app.get('/admin', async () => 'admin');\n};\n",
  'lib/pubsub.js': 'module.exports = class PubSub {\n  publish() {}\n  subscribe() {}\n};\n',
  'lib/schema-tools.js': 'exports.withAdminFields = (schema) => schema;\n',
});

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });
const ts = new RuleTester({ languageOptions: { parser: tsParser } });

const PREFIXED = `const { test } = require('node:test');
const Fastify = require('fastify');
const gql = require('..');

test('serves the endpoint under the prefix of a wrapping plugin', async (t) => {
  const app = Fastify();
  t.after(() => app.close());
  app.register(async (instance) => {
    instance.register(gql, { schema: 'type Query { ping: String }', resolvers: { Query: { ping: () => 'pong' } } });
  }, { prefix: '/v2' });
  await app;

  const res = await app.inject({ method: 'POST', url: '/v2/graphql', body: { query: '{ ping }' } });
  t.assert.strictEqual(res.statusCode, 200);
});
`;

const PUBSUB = `const { test } = require('node:test');
const { EventEmitter } = require('node:events');
const Fastify = require('fastify');
const gql = require('..');

class MemoryPubSub {
  constructor() {
    this.emitter = new EventEmitter();
  }

  publish(event, done) {
    this.emitter.emit(event.topic, event.payload);
    done();
  }
}

test('publishes through the pubsub the test hands in', async (t) => {
  const app = Fastify();
  t.after(() => app.close());
  app.register(gql, {
    schema: 'type Query { ping: String } type Mutation { notify: Boolean }',
    resolvers: { Mutation: { notify: async () => true } },
    subscription: { pubsub: new MemoryPubSub() },
  });

  const res = await app.inject({ method: 'POST', url: '/graphql', body: { query: 'mutation { notify }' } });
  t.assert.strictEqual(res.statusCode, 200);
});
`;

const NAMED_PLUGIN = `const { test } = require('node:test');
const Fastify = require('fastify');
const gql = require('..');

test('serves the endpoint from a plugin the test names', async (t) => {
  const app = Fastify();
  t.after(() => app.close());

  async function versioned(instance) {
    await instance.register(gql, { schema: 'type Query { ping: String }', resolvers: { Query: { ping: () => 'pong' } } });
    instance.get('/health', async () => 'ok');
  }

  await app.register(versioned, { prefix: '/v1' });
  t.assert.ok(app.graphql);

  const res = await app.inject({ method: 'POST', url: '/v1/graphql', body: { query: '{ ping }' } });
  t.assert.strictEqual(res.statusCode, 200);
});
`;

const TRANSFORMED = `import { expect, test } from 'vitest';
import Fastify from 'fastify';
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import gql from '..';

function upperCaseFields(schema: unknown) {
  return mapSchema(schema as never, {
    [MapperKind.OBJECT_FIELD]: (field) => field,
  });
}

test('runs the schema the test transformed', async () => {
  const app = Fastify();
  await app.register(gql, { schema: 'type Query { name: String }', resolvers: { Query: { name: () => 'ada' } } });
  app.graphql.schema = upperCaseFields(app.graphql.schema);

  const res = await app.inject({ method: 'POST', url: '/graphql', body: { query: '{ name }' } });
  expect(res.json()).toEqual({ data: { name: 'ADA' } });
  await app.close();
});
`;

cjs.run('no-endpoint-calls: harnesses a plugin’s own tests build (node:test, CommonJS)', rule, {
  valid: [
    {
      name: 'a plugin written in the test registers the library under a prefix; the app is awaited until ready',
      filename: path.join(plugin, 'test/prefix.test.js'),
      code: PREFIXED,
    },
    {
      name: 'a class the test declares, handed to the library as an option',
      filename: path.join(plugin, 'test/subscription.test.js'),
      code: PUBSUB,
    },
    {
      name: 'a plugin function the file declares and registers by name; a decoration of the app checked with t.assert',
      filename: path.join(plugin, 'test/versioned.test.js'),
      code: NAMED_PLUGIN,
    },
    {
      name: 'a plugin written inline that uses nothing of the repository’s, its route configured by a decoration the library added',
      filename: path.join(plugin, 'test/decorated.test.js'),
      code: `const { test } = require('node:test');
const Fastify = require('fastify');
const gql = require('..');

test('configures a route with the decoration', async (t) => {
  const app = Fastify();
  await app.register(gql, { schema: 'type Query { ping: String }', resolvers: { Query: { ping: () => 'pong' } } });
  app.register((instance, _options, done) => {
    instance.route({ method: 'GET', url: '/slow', preHandler: [instance.graphqlGuard({ depth: 2 })], handler: async () => 'ok' });
    done();
  });

  const res = await app.inject('/slow');
  t.assert.strictEqual(res.statusCode, 200);
});
`,
    },
  ],
  invalid: [
    {
      name: 'the wrapping plugin also registers another module of the repository',
      filename: path.join(plugin, 'test/prefix.test.js'),
      code: PREFIXED.replace("const gql = require('..');", "const gql = require('..');\nconst admin = require('../lib/admin-routes');").replace(
        "resolvers: { Query: { ping: () => 'pong' } } });\n",
        "resolvers: { Query: { ping: () => 'pong' } } });\n    instance.register(admin);\n",
      ),
      errors: [{ messageId: 'testClient', line: 15 }],
    },
    {
      name: 'the class the test declares extends one of the repository’s modules',
      filename: path.join(plugin, 'test/subscription.test.js'),
      code: PUBSUB.replace("const gql = require('..');", "const gql = require('..');\nconst PubSub = require('../lib/pubsub');").replace(
        'class MemoryPubSub {',
        'class MemoryPubSub extends PubSub {',
      ).replace('  constructor() {\n    this.emitter', '  constructor() {\n    super();\n    this.emitter'),
      errors: [{ messageId: 'testClient', line: 28 }],
    },
    {
      name: 'the plugin function the file names also registers another module of the repository',
      filename: path.join(plugin, 'test/versioned.test.js'),
      code: NAMED_PLUGIN.replace("const gql = require('..');", "const gql = require('..');\nconst admin = require('../lib/admin-routes');").replace(
        "    instance.get('/health', async () => 'ok');\n",
        "    instance.get('/health', async () => 'ok');\n    instance.register(admin);\n",
      ),
      errors: [{ messageId: 'testClient', line: 19 }],
    },
    {
      name: 'a handler of the test’s own, next to a plugin written inline that registers another module of the repository',
      filename: path.join(plugin, 'test/admin.test.js'),
      code: `const { test } = require('node:test');
const Fastify = require('fastify');
const admin = require('../lib/admin-routes');

test('answers the probe', async (t) => {
  const app = Fastify();
  app.get('/ping', async () => 'pong');
  app.register(async (instance) => {
    instance.register(admin);
  });

  const res = await app.inject('/admin');
  t.assert.strictEqual(res.statusCode, 200);
});
`,
      errors: [{ messageId: 'testClient', line: 12 }],
    },
  ],
});

ts.run('no-endpoint-calls: a plugin’s own schema passed through the test’s function (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'the file’s own function, built on a package, transforms the schema the app holds',
      filename: path.join(plugin, 'test/directives.test.ts'),
      code: TRANSFORMED,
    },
  ],
  invalid: [
    {
      name: 'the function passes the schema to another module of the repository',
      filename: path.join(plugin, 'test/directives.test.ts'),
      code: TRANSFORMED.replace("import gql from '..';", "import gql from '..';\nimport { withAdminFields } from '../lib/schema-tools';").replace(
        '  return mapSchema(schema as never, {',
        '  return mapSchema(withAdminFields(schema) as never, {',
      ),
      errors: [{ messageId: 'testClient', line: 18 }],
    },
  ],
});
