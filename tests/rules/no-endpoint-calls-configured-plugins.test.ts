/**
 * `no-endpoint-calls` on a library's own tests: the test makes a bare app, registers the library
 * with options that hand it functions the test writes (resolvers, a root value), and sends requests
 * in process. What answers is the test's own code run by the piece under test, not the project's
 * app. Options taken from another of the project's modules, or no function of the test's, still
 * leave the project answering, and are reported.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const GRAPHQL_PLUGIN = `const { test } = require('node:test');
const Fastify = require('fastify');
const graphql = require('..');

test('adds two numbers', async (t) => {
  const app = Fastify();
  const typeDefs = \`
    type Query { sum(a: Int, b: Int): Int }
  \`;
  const resolvers = {
    Query: { sum: async (_, { a, b }) => a + b },
  };
  app.register(graphql, { schema: typeDefs, resolvers });

  const res = await app.inject({ method: 'POST', url: '/graphql', body: { query: '{ sum(a: 1, b: 2) }' } });
  t.assert.deepStrictEqual(JSON.parse(res.body), { data: { sum: 3 } });
});
`;

cjs.run('no-endpoint-calls: a library registered with the test’s own functions (node:test, CommonJS)', rule, {
  valid: [
    {
      name: 'resolvers written in the test answer the query the plugin under test parses',
      filename: 'test/integration/sum.test.js',
      code: GRAPHQL_PLUGIN,
    },
    {
      name: 'a batch of queries sent as an array adds nothing to the app',
      filename: 'test/integration/sum.test.js',
      code: GRAPHQL_PLUGIN.replace("body: { query: '{ sum(a: 1, b: 2) }' }", "body: [{ query: '{ sum(a: 1, b: 2) }' }, { query: '{ sum(a: 3, b: 4) }' }]"),
    },
    {
      name: 'a resolver that hands the app to the test context’s assertion',
      filename: 'test/integration/sum.test.js',
      code: GRAPHQL_PLUGIN.replace('Query: { sum: async (_, { a, b }) => a + b },', 'Query: { sum: async (_, { a, b }, ctx) => (t.assert.strictEqual(ctx.app, app), a + b) },'),
    },
    {
      name: 'an option made by the registered library’s own helper',
      filename: 'test/integration/sum.test.js',
      code: GRAPHQL_PLUGIN.replace('{ schema: typeDefs, resolvers }', '{ schema: typeDefs, resolvers, cache: graphql.defaults.lru(10) }'),
    },
  ],
  invalid: [
    {
      name: 'options with no function of the test’s: the plugin answers with what the project wrote',
      filename: 'test/integration/sum.test.js',
      code: GRAPHQL_PLUGIN.replace('{ schema: typeDefs, resolvers }', '{ schema: typeDefs, ide: true }'),
      errors: [{ messageId: 'testClient', line: 15 }],
    },
    {
      name: 'an option from another of the project’s modules may bring the project’s own handlers',
      filename: 'test/integration/sum.test.js',
      code: GRAPHQL_PLUGIN.replace("const graphql = require('..');", "const graphql = require('..');\nconst { loaders } = require('../lib/loaders');")
        .replace('{ schema: typeDefs, resolvers }', '{ schema: typeDefs, resolvers, loaders }'),
      errors: [{ messageId: 'testClient', line: 16 }],
    },
  ],
});

const EXPRESS_HANDLER = `import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { graphqlHandler } from '../../src/handler';

describe('graphql handler', () => {
  const app = express();
  app.use(express.json());
  app.post('/graphql', graphqlHandler({ schema: 'type Query { hello: String }', rootValue: { hello: () => 'world' } }));

  it('answers from the root value it is given', async () => {
    const res = await request(app).post('/graphql').send({ query: '{ hello }' });
    expect(res.body).toEqual({ data: { hello: 'world' } });
  });
});
`;

ts.run('no-endpoint-calls: a handler the project makes from the test’s own functions (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'the project’s handler factory given a root value whose functions the test writes',
      filename: 'tests/integration/graphql-handler.test.ts',
      code: EXPRESS_HANDLER,
    },
  ],
  invalid: [
    {
      name: 'the same factory given only text: what answers is the project’s',
      filename: 'tests/integration/graphql-handler.test.ts',
      code: EXPRESS_HANDLER.replace("rootValue: { hello: () => 'world' }", "rootValue: 'world'"),
      errors: [{ messageId: 'testClient', line: 12 }],
    },
    {
      name: 'a request to the project’s router mounted beside it',
      filename: 'tests/integration/graphql-handler.test.ts',
      code: EXPRESS_HANDLER.replace("import { graphqlHandler } from '../../src/handler';", "import { graphqlHandler } from '../../src/handler';\nimport { ordersRouter } from '../../src/orders';")
        .replace('  app.use(express.json());\n', '  app.use(express.json());\n  app.use(\'/orders\', ordersRouter);\n')
        .replace(".post('/graphql').send({ query: '{ hello }' })", ".get('/orders/7')"),
      errors: [{ messageId: 'testClient', line: 14 }],
    },
  ],
});

const HAPI_ROUTE = `const Hapi = require('@hapi/hapi');
const { expect } = require('chai');
const { bearerScheme } = require('../../lib/auth');

function whoAmI(request) {
  return request.auth.credentials;
}

describe('bearer scheme', () => {
  it('hands the route the credentials it checked', async () => {
    const server = Hapi.server();
    server.auth.scheme('bearer', bearerScheme);
    server.auth.strategy('default', 'bearer', { validate: async (token) => ({ isValid: token === 'abc', credentials: { id: 1 } }) });
    server.route({ method: 'GET', path: '/me', options: { auth: 'default' }, handler: whoAmI });

    const res = await server.inject({ url: '/me', headers: { authorization: 'Bearer abc' } });
    expect(res.result).to.deep.equal({ id: 1 });
  });
});
`;

cjs.run('no-endpoint-calls: a hapi server the test configures around the piece under test (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'a route whose handler the test writes, behind the project’s auth scheme',
      filename: 'test/integration/bearer.test.js',
      code: HAPI_ROUTE,
    },
    {
      name: 'a server with nothing registered answers with the framework’s own 404',
      filename: 'test/integration/bearer.test.js',
      code: `const Hapi = require('@hapi/hapi');
const assert = require('node:assert');

describe('unknown paths', () => {
  it('answers 404', async () => {
    const server = Hapi.server({ port: 0, routes: { security: true } });
    const res = await server.inject('/nowhere');
    assert.strictEqual(res.statusCode, 404);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'a route whose handler is the project’s',
      filename: 'test/integration/bearer.test.js',
      code: HAPI_ROUTE.replace("const { bearerScheme } = require('../../lib/auth');", "const { bearerScheme } = require('../../lib/auth');\nconst { showProfile } = require('../../lib/profile');").replace('handler: whoAmI', 'handler: showProfile'),
      errors: [{ messageId: 'testClient', line: 17 }],
    },
    {
      name: 'the project’s routes added to the server',
      filename: 'test/integration/bearer.test.js',
      code: HAPI_ROUTE.replace("const { bearerScheme } = require('../../lib/auth');", "const { bearerScheme } = require('../../lib/auth');\nconst { profileRoutes } = require('../../lib/profile');")
        .replace("server.route({ method: 'GET', path: '/me', options: { auth: 'default' }, handler: whoAmI });", 'server.route(profileRoutes);'),
      errors: [{ messageId: 'testClient', line: 17 }],
    },
  ],
});

const HAPI_PLUGINS = `const Hapi = require('@hapi/hapi');
const { expect } = require('chai');
const { basicScheme } = require('../../lib/auth');

const internals = {};

describe('basic auth plugin', () => {
  it('rejects a request without credentials', async () => {
    const server = Hapi.server();
    server.route({ method: 'GET', path: '/', handler: () => 'in' });
    await server.register(internals.plugins.auth);
    const res = await server.inject('/');
    expect(res.statusCode).to.equal(401);
  });
});

internals.plugins = {
  auth: {
    name: 'auth',
    register(server) {
      server.auth.scheme('basic', basicScheme);
      server.auth.strategy('default', 'basic');
      server.auth.default('default');
    },
  },
};
`;

cjs.run('no-endpoint-calls: plugins kept on the file’s own object, two levels down (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'a plugin the file writes under `internals.plugins`, putting the project’s scheme in front of the test’s route',
      filename: 'test/integration/basic-auth.test.js',
      code: HAPI_PLUGINS,
    },
  ],
  invalid: [
    {
      name: 'the same member given one of the project’s plugins afterwards',
      filename: 'test/integration/basic-auth.test.js',
      code: HAPI_PLUGINS.replace("const { basicScheme } = require('../../lib/auth');", "const { basicScheme } = require('../../lib/auth');\nconst { adminPlugin } = require('../../lib/admin');") + 'internals.plugins.auth = adminPlugin;\n',
      errors: [{ messageId: 'testClient', line: 13 }],
    },
    {
      name: 'the object of plugins giving that member one of the project’s',
      filename: 'test/integration/basic-auth.test.js',
      code: HAPI_PLUGINS.replace("  auth: {\n    name: 'auth',", "  auth: require('../../lib/auth-plugin'),\n  local: {\n    name: 'local',"),
      errors: [{ messageId: 'testClient', line: 12 }],
    },
  ],
});

const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

const BUILDER = `import Fastify from 'fastify';
import graphql from '../../index.js';

const defaultResolvers = { Query: { ping: () => 'pong' } };

function typeDefs() {
  return { schema: 'type Query { ping: String }', cache: false };
}

function buildServer(resolvers = defaultResolvers, options = {}) {
  const app = Fastify();
  const { schema } = typeDefs();
  app.register(graphql, { schema, resolvers, ...options });
  return app;
}

test('answers a ping', async () => {
  const app = buildServer();
  const res = await app.inject({ method: 'POST', url: '/graphql', body: { query: '{ ping }' } });
  expect(res.json()).toEqual({ data: { ping: 'pong' } });
});

test('answers with the resolvers it is given', async () => {
  const app = buildServer({ Query: { ping: () => 'pang' } }, { jit: 1 });
  const res = await app.inject({ method: 'POST', url: '/graphql', body: { query: '{ ping }' } });
  expect(res.json()).toEqual({ data: { ping: 'pang' } });
});
`;

esm.run('no-endpoint-calls: a harness built by one of the file’s own functions (Jest, ESM)', rule, {
  valid: [
    {
      name: 'the function makes the app, registers the library with what its callers and the file write, and hands it back',
      filename: 'test/integration/ping.test.js',
      code: BUILDER,
    },
  ],
  invalid: [
    {
      name: 'one caller hands the function the project’s resolvers: that app answers with the project’s code',
      filename: 'test/integration/ping.test.js',
      code: BUILDER.replace("import graphql from '../../index.js';", "import graphql from '../../index.js';\nimport { resolvers as appResolvers } from '../../src/resolvers.js';").replace(
        "buildServer({ Query: { ping: () => 'pang' } }, { jit: 1 })",
        'buildServer(appResolvers)',
      ),
      errors: [
        { messageId: 'testClient', line: 20 },
        { messageId: 'testClient', line: 26 },
      ],
    },
    {
      name: 'the function registers the project’s routes',
      filename: 'test/integration/ping.test.js',
      code: BUILDER.replace("import graphql from '../../index.js';", "import graphql from '../../index.js';\nimport { routes } from '../../src/routes.js';").replace(
        '  return app;\n}',
        '  app.register(routes);\n  return app;\n}',
      ),
      errors: [
        { messageId: 'testClient', line: 21 },
        { messageId: 'testClient', line: 27 },
      ],
    },
  ],
});

const SESSION_STORE = `import { describe, expect, it } from 'vitest';
import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { SqlSessionStore } from '../../src/sql-session-store';

function buildApp(Store: typeof SqlSessionStore, url: string) {
  const app = express();
  app.use(session({ secret: 'test-secret', resave: false, saveUninitialized: false, store: new Store({ url }) }));
  app.get('/visits', (req, res) => {
    req.session.visits = (req.session.visits ?? 0) + 1;
    res.json({ visits: req.session.visits });
  });
  return { app, url };
}

async function visitAgain(app: express.Express, cookie: string) {
  return request(app).get('/visits').set('Cookie', cookie);
}

describe('SqlSessionStore', () => {
  it('keeps the count between two visits', async () => {
    const { app } = buildApp(SqlSessionStore, process.env.DATABASE_URL ?? '');
    const first = await request(app).get('/visits');
    const second = await visitAgain(app, first.headers['set-cookie'][0]);
    expect(second.body.visits).toBe(2);
  });
});
`;

ts.run('no-endpoint-calls: a harness one of the file’s functions hands back in an object, and hands on to another (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'the project’s session store sits in the middleware of an app whose only route the test writes',
      filename: 'test/integration/sql-session-store.test.ts',
      code: SESSION_STORE,
    },
  ],
  invalid: [
    {
      name: 'the function that builds the app also mounts the project’s router',
      filename: 'test/integration/sql-session-store.test.ts',
      code: SESSION_STORE.replace("import { SqlSessionStore } from '../../src/sql-session-store';", "import { SqlSessionStore } from '../../src/sql-session-store';\nimport { accountRoutes } from '../../src/routes';").replace(
        '  return { app, url };',
        "  app.use('/account', accountRoutes);\n  return { app, url };",
      ),
      errors: [
        { messageId: 'testClient', line: 20 },
        { messageId: 'testClient', line: 26 },
      ],
    },
    {
      name: 'the function the app is handed to mounts the project’s router on it',
      filename: 'test/integration/sql-session-store.test.ts',
      code: SESSION_STORE.replace("import { SqlSessionStore } from '../../src/sql-session-store';", "import { SqlSessionStore } from '../../src/sql-session-store';\nimport { accountRoutes } from '../../src/routes';").replace(
        "  return request(app).get('/visits')",
        "  app.use('/account', accountRoutes);\n  return request(app).get('/visits')",
      ),
      errors: [
        { messageId: 'testClient', line: 20 },
        { messageId: 'testClient', line: 26 },
      ],
    },
    {
      name: 'another caller hands the function the project’s own app: its request is reported, the test’s own harness is not',
      filename: 'test/integration/sql-session-store.test.ts',
      code: SESSION_STORE.replace("import { SqlSessionStore } from '../../src/sql-session-store';", "import { SqlSessionStore } from '../../src/sql-session-store';\nimport { app as shopApp } from '../../src/app';").replace(
        '    expect(second.body.visits).toBe(2);',
        "    expect(second.body.visits).toBe(2);\n    await visitAgain(shopApp, 'sid=1');",
      ),
      errors: [{ messageId: 'testClient', line: 19 }],
    },
  ],
});
