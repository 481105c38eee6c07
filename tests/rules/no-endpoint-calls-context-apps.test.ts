/**
 * `no-endpoint-calls` on an app or server a library's own Mocha tests keep on the test context: made
 * bare in a hook (`this.server = Fastify()`), given routes written in the test and the library under
 * test, then sent requests (`this.server.inject(…)`); or started in the test (`this.server =
 * app.listen(0)`) after a hook cleared it (`this.server = undefined`) and closed by another when set.
 * What answers is the test's own harness. Another module of the repository registered there, or the
 * context's app handed to one, may be an application, and is still reported.
 */
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('no-endpoint-calls-context-apps');

const kit = project('session-kit', {
  'package.json': JSON.stringify({ name: 'session-kit', version: '4.2.0', main: 'index.js', exports: { '.': './index.js', './framework/*': './framework/*/index.js' } }),
  'index.js': 'exports.createSession = async (req, userId) => ({ userId });\n',
  'framework/fastify/index.js': 'exports.plugin = async function sessions(app) {\n  app.decorateRequest("session", null);\n};\n',
  'framework/koa/index.js': 'exports.middleware = () => async (ctx, next) => next();\n',
  'lib/admin-routes.js': "module.exports = async function admin(app) {\n  app.get('/admin', async () => 'admin');\n};\n",
});

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const FASTIFY = `const assert = require('node:assert');
const Fastify = require('fastify');
const SessionKit = require('..');
const FastifyFramework = require('../framework/fastify');

describe('sessions on fastify', function () {
  beforeEach(function () {
    this.server = Fastify();
  });

  afterEach(async function () {
    await this.server.close();
  });

  it('creates a session', async function () {
    this.server.post('/login', async (req, reply) => {
      await SessionKit.createSession(req, 'ada');
      return reply.send('');
    });
    await this.server.register(FastifyFramework.plugin);

    const res = await this.server.inject({ method: 'POST', url: '/login' });
    assert.strictEqual(res.statusCode, 200);
  });
});
`;

const KOA = `const assert = require('node:assert');
const Koa = require('koa');
const Router = require('@koa/router');
const request = require('supertest');
const KoaFramework = require('../framework/koa');

describe('sessions on koa', function () {
  beforeEach(function () {
    this.server = undefined;
  });

  afterEach(function () {
    if (this.server !== undefined) this.server.close();
  });

  it('answers through the middleware', async function () {
    const app = new Koa();
    const router = new Router();
    app.use(KoaFramework.middleware());
    router.get('/me', async (ctx) => {
      ctx.body = { id: 'ada' };
    });
    app.use(router.routes());
    this.server = app.listen(0);

    const res = await request(this.server).get('/me');
    assert.deepStrictEqual(res.body, { id: 'ada' });
  });
});
`;

cjs.run('no-endpoint-calls: harnesses kept on the Mocha test context (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'a bare fastify app made in `beforeEach`, given a route written in the test and the library’s plugin',
      filename: path.join(kit, 'test/fastify.test.js'),
      code: FASTIFY,
    },
    {
      name: 'a koa server started in the test, cleared before each test and closed after it when set',
      filename: path.join(kit, 'test/koa.test.js'),
      code: KOA,
    },
  ],
  invalid: [
    {
      name: 'a test registers another module of the repository on the context’s app',
      filename: path.join(kit, 'test/fastify.test.js'),
      code: FASTIFY.replace(
        '    await this.server.register(FastifyFramework.plugin);\n',
        "    await this.server.register(FastifyFramework.plugin);\n    await this.server.register(require('../lib/admin-routes'));\n",
      ),
      errors: [{ messageId: 'testClient', line: 23 }],
    },
    {
      name: 'the context’s app handed to another module of the repository',
      filename: path.join(kit, 'test/fastify.test.js'),
      code: FASTIFY.replace("const FastifyFramework = require('../framework/fastify');", "const FastifyFramework = require('../framework/fastify');\nconst { mountAdmin } = require('../lib/admin');").replace(
        '    await this.server.register(FastifyFramework.plugin);\n',
        '    await this.server.register(FastifyFramework.plugin);\n    mountAdmin(this.server);\n',
      ),
      errors: [{ messageId: 'testClient', line: 24 }],
    },
    {
      name: 'the koa server started from an app another module of the repository makes',
      filename: path.join(kit, 'test/koa.test.js'),
      code: KOA.replace("const KoaFramework = require('../framework/koa');", "const KoaFramework = require('../framework/koa');\nconst { createApp } = require('../lib/app');").replace(
        '    const app = new Koa();\n',
        '    const app = createApp();\n',
      ),
      errors: [{ messageId: 'testClient', line: 27 }],
    },
  ],
});
