/**
 * `no-endpoint-calls` in a library's own repository: a bare app the test makes, with the library
 * itself mounted on it (loaded through the entry point its package publishes), answers with the
 * piece under test, not with an application. Another module of the repository mounted there is
 * still judged as the project's app. Written to disk, so the package's `main` and `exports` are
 * read: a file `exports` points at, under any subpath pattern, is published too.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('no-endpoint-calls-own-library');

const plugin = project('gql-plugin', {
  'package.json': JSON.stringify({ name: 'fastify-gql-lite', version: '2.0.0', main: 'index.js' }),
  'index.js': "module.exports = async function gql(app, options) {\n  app.post('/graphql', async () => ({ data: null, schema: options.schema }));\n};\n",
  'lib/admin-routes.js': "module.exports = async function admin(app) {\n  app.get('/admin', async () => 'admin');\n};\n",
});

const provider = project('oidc-lite', {
  'package.json': JSON.stringify({ name: 'oidc-lite', version: '1.0.0', type: 'module', main: 'lib/index.js' }),
  'lib/index.js': 'export default class Provider {\n  constructor(issuer) {\n    this.issuer = issuer;\n  }\n  callback() {\n    return (req, res) => res.end(this.issuer);\n  }\n}\n',
});

const framework = project('hapi-lite', {
  'package.json': JSON.stringify({ name: '@hapi/hapi', version: '21.0.0', main: 'lib/index.js' }),
  'lib/index.js': 'exports.server = (options) => ({ options });\n',
  'lib/admin-routes.js': "module.exports = [{ method: 'GET', path: '/admin', handler: () => 'admin' }];\n",
});

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });
const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

const PLUGIN_TEST = `const { test } = require('node:test');
const Fastify = require('fastify');
const gql = require('..');

test('answers the introspection query', async (t) => {
  const app = Fastify();
  app.register(gql, { schema: 'type Query { ping: String }', ide: true });
  const res = await app.inject({ method: 'POST', url: '/graphql', body: { query: '{ __typename }' } });
  t.assert.strictEqual(res.statusCode, 200);
});
`;

cjs.run('no-endpoint-calls: a fastify plugin’s own tests (node:test, CommonJS)', rule, {
  valid: [
    {
      name: 'the plugin, loaded by its package’s entry point, is what answers',
      filename: path.join(plugin, 'test/introspection.test.js'),
      code: PLUGIN_TEST,
    },
  ],
  invalid: [
    {
      name: 'another module of the repository mounted beside it may be an application’s routes',
      filename: path.join(plugin, 'test/introspection.test.js'),
      code: PLUGIN_TEST.replace("const gql = require('..');", "const gql = require('..');\nconst admin = require('../lib/admin-routes');").replace(
        "  app.register(gql, { schema: 'type Query { ping: String }', ide: true });",
        "  app.register(gql, { schema: 'type Query { ping: String }', ide: true });\n  app.register(admin);",
      ),
      errors: [{ messageId: 'testClient', line: 10 }],
    },
  ],
});

esm.run('no-endpoint-calls: a provider mounted on a bare Koa app in its own repository (Mocha, ESM)', rule, {
  valid: [
    {
      name: 'the provider from the package’s main file, mounted through a package’s wrapper',
      filename: path.join(provider, 'test/token.test.js'),
      code: `import Koa from 'koa';
import mount from 'koa-mount';
import request from 'supertest';
import Provider from '../lib/index.js';

describe('token endpoint', () => {
  it('answers under its mount path', async () => {
    const app = new Koa();
    app.use(mount('/op', new Provider('http://localhost:3000').callback()));
    await request(app.callback()).post('/op/token').expect(200);
  });
});
`,
    },
  ],
  invalid: [],
});

const FRAMEWORK_TEST = `const Http = require('node:http');
const { expect } = require('chai');
const Hapi = require('..');

describe('server', () => {
  it('serves a file route once started', async () => {
    const server = Hapi.server();
    server.app.visits = 0;
    server.route({ method: 'GET', path: '/file', handler: { file: __dirname + '/fixture.txt' } });
    expect(server.info.host).to.be.a('string');
    await server.start();
    const req = Http.get(\`http://localhost:\${server.info.port}/file\`);
    expect(req).to.exist;
    await server.inject('/file');
  });
});
`;

cjs.run('no-endpoint-calls: a web framework’s own tests, with routes configured in the test (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'the framework itself makes the server; its settings, reads and routes are the test’s',
      filename: path.join(framework, 'test/server.js'),
      code: FRAMEWORK_TEST,
    },
  ],
  invalid: [
    {
      name: 'routes from another module of the repository',
      filename: path.join(framework, 'test/server.js'),
      code: FRAMEWORK_TEST.replace("const Hapi = require('..');", "const Hapi = require('..');\nconst adminRoutes = require('../lib/admin-routes');").replace(
        "    server.route({ method: 'GET', path: '/file', handler: { file: __dirname + '/fixture.txt' } });",
        '    server.route(adminRoutes);',
      ),
      errors: [{ messageId: 'loopbackHttp', line: 13 }],
    },
  ],
});

/** An auth library that publishes one middleware per web framework under `exports` subpaths. */
const auth = project('auth-kit', {
  'package.json': JSON.stringify({
    name: 'auth-kit',
    version: '3.1.0',
    main: 'index.js',
    exports: { '.': { types: './index.d.ts', default: './index.js' }, './framework/*': { types: './framework/*/index.d.ts', default: './framework/*/index.js' } },
  }),
  'index.js': 'exports.init = (config) => config;\n',
  'framework/express/index.js': "exports.middleware = () => (req, res, next) => next();\nexports.errorHandler = () => (err, req, res, next) => next(err);\n",
  'lib/build/internal-routes.js': "exports.routes = () => (req, res) => res.end('internal');\n",
  // Test helpers of the library's suite: one only sends a request to the app it is given, one adds a route to it.
  'test/helpers.js': [
    "const request = require('supertest');",
    "const { routes } = require('../lib/build/internal-routes');",
    '',
    'exports.signUp = async function (app, email) {',
    "  const res = await request(app).post('/auth/signup').send({ email });",
    '  return res.body;',
    '};',
    '',
    'exports.withInternalRoutes = function (app, email) {',
    "  app.use('/internal', routes());",
    '  return email;',
    '};',
    '',
  ].join('\n'),
});

const AUTH_TEST = (load: string, mount: string) => `const assert = require('assert');
const express = require('express');
const request = require('supertest');
const AuthKit = require('../..');
${load}

describe('sign-in', function () {
  it('answers the sign-in route', async function () {
    AuthKit.init({ appName: 'demo' });
    const app = express();
    app.use(${mount});
    const res = await request(app).post('/auth/signin').send({ email: 'ada@example.test' });
    assert.strictEqual(res.status, 200);
  });
});
`;

/** The subpath middleware on a bare app, which the test hands to one of its suite's helpers first. */
const HANDED_TO_HELPER = (helper: string) =>
  AUTH_TEST("const { middleware } = require('../../framework/express');\nconst helpers = require('../helpers');", 'middleware()').replace(
    '    const res = await request(app)',
    `    await helpers.${helper}(app, 'ada@example.test');\n    const res = await request(app)`,
  );

cjs.run('no-endpoint-calls: a library that publishes its framework middleware as subpaths (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'the middleware from a subpath the package exports, mounted on a bare app',
      filename: path.join(auth, 'test/signin/signin.test.js'),
      code: AUTH_TEST("const { middleware } = require('../../framework/express');", 'middleware()'),
    },
    {
      name: 'the app handed to a helper that only sends it a request',
      filename: path.join(auth, 'test/signin/signin.test.js'),
      code: HANDED_TO_HELPER('signUp'),
    },
  ],
  invalid: [
    {
      name: 'the app handed to a helper that adds a route to it is judged as the project’s app',
      filename: path.join(auth, 'test/signin/signin.test.js'),
      code: HANDED_TO_HELPER('withInternalRoutes'),
      errors: [{ messageId: 'testClient', line: 14 }],
    },
    {
      name: 'a module the package does not export mounted there is judged as the project’s app',
      filename: path.join(auth, 'test/signin/signin.test.js'),
      code: AUTH_TEST("const { routes } = require('../../lib/build/internal-routes');", 'routes()'),
      errors: [{ messageId: 'testClient', line: 12 }],
    },
  ],
});

/** A small library whose `exports` publishes every module by one root pattern (`./*`). */
const router = project('route-kit', {
  'package.json': JSON.stringify({ name: 'route-kit', version: '1.4.0', exports: { '.': './index.js', './*': './*.js' } }),
  'index.js': 'exports.createRouter = () => (req, res, next) => next();\n',
  'lib/cors.js': 'exports.cors = () => (req, res, next) => next();\n',
});

cjs.run('no-endpoint-calls: a library that publishes its modules by a root `exports` pattern (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'a module the root pattern publishes, mounted on a bare app',
      filename: path.join(router, 'test/signin/cors.test.js'),
      code: AUTH_TEST("const { cors } = require('../../lib/cors');", 'cors()').replace("const AuthKit = require('../..');\n", '').replace("    AuthKit.init({ appName: 'demo' });\n", ''),
    },
  ],
  invalid: [],
});

/**
 * A realtime server library written in TypeScript, whose manifest names build output a checkout does
 * not have yet: its tests load it as `'..'`, which names the package itself.
 */
const realtime = project('live-wire', {
  'package.json': JSON.stringify({
    name: 'live-wire',
    version: '4.0.0',
    main: './dist/index.js',
    exports: { '.': { import: './wrapper.mjs', require: './dist/index.js' } },
  }),
  'lib/index.ts': 'import type { Server as HttpServer } from "node:http";\nexport class Server {\n  constructor(readonly http?: HttpServer) {}\n  attach(http: HttpServer) {\n    return this;\n  }\n}\n',
  'lib/admin.ts': 'import type { Server as HttpServer } from "node:http";\nexport function mountAdmin(http: HttpServer) {\n  http.on("request", (req, res) => res.end("admin"));\n}\n',
  'src/app.ts': 'export const app = (req: unknown, res: { end(body: string): void }) => res.end("shop");\n',
});

const ts = new RuleTester({ languageOptions: { parser: tsParser } });

const ATTACHED = `import { createServer } from 'node:http';
import request from 'supertest';
import { Server } from '..';

describe('serving the client bundle', () => {
  it('answers on a bare server it is attached to', async () => {
    const httpServer = createServer();
    new Server(httpServer);
    await request(httpServer).get('/live-wire/client.js').expect(200);
  });

  it('answers once attached later', async () => {
    const httpServer = createServer((req, res) => {
      res.writeHead(404);
      res.end();
    });
    const io = new Server();
    io.attach(httpServer);
    await request(httpServer).get('/live-wire/client.js').expect(200);
  });
});
`;

ts.run('no-endpoint-calls: a server library whose entry point is not built yet (Mocha, TypeScript)', rule, {
  valid: [
    {
      name: 'the library, loaded as its own folder, attached to a bare Node.js server the test makes',
      filename: path.join(realtime, 'test/attachment.test.ts'),
      code: ATTACHED,
    },
  ],
  invalid: [
    {
      name: 'a server around the application is the application, in the library’s repository too',
      filename: path.join(realtime, 'test/attachment.test.ts'),
      code: ATTACHED.replace("import { Server } from '..';", "import { Server } from '..';\nimport { app } from '../src/app';").replace(
        '    const httpServer = createServer();\n    new Server(httpServer);',
        '    const httpServer = createServer(app);\n    new Server(httpServer);',
      ),
      errors: [{ messageId: 'testClient', line: 10 }],
    },
    {
      name: 'another module of the repository handed the server may answer in the library’s place',
      filename: path.join(realtime, 'test/attachment.test.ts'),
      code: ATTACHED.replace("import { Server } from '..';", "import { Server } from '..';\nimport { mountAdmin } from '../lib/admin';").replace(
        '    new Server(httpServer);\n    await request(httpServer).get',
        '    new Server(httpServer);\n    mountAdmin(httpServer);\n    await request(httpServer).get',
      ),
      errors: [{ messageId: 'testClient', line: 11 }],
    },
  ],
});
