/**
 * `no-endpoint-calls` on a bare app one of the file's functions makes: handed to the test client
 * straight from the call (`request(createApp())`), or put on Mocha's test context by a hook
 * (`this.app = createApp()`) and handed on from there (`request(this.app)`). The app answers with
 * the middleware under test and handlers written in the file. An app given the project's routes, or
 * one the tests add to through the context, is still the application.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { acceptanceMove } from '../helpers/advice';

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const PARSER_TESTS = `const express = require('express');
const request = require('supertest');
const { jsonBody } = require('../../src/middleware/json-body');

describe('jsonBody', function () {
  it('parses an object', function () {
    return request(createApp()).post('/').send({ user: 'ada' }).expect(200, { user: 'ada' });
  });

  describe('with a limit', function () {
    before(function () {
      this.app = createApp({ limit: 10 });
    });

    it('refuses a large body', function () {
      return request(this.app).post('/').send({ user: 'a'.repeat(20) }).expect(413);
    });
  });

  describe('behind a logger', function () {
    before(function () {
      const app = express();
      app.use(function (req, res, next) {
        res.setHeader('x-seen', 'yes');
        next();
      });
      app.use(jsonBody());
      app.post('/', function (req, res) {
        res.json(req.body);
      });
      this.app = app;
    });

    it('still parses', function () {
      return request(this.app).post('/').send({ user: 'ada' }).expect('x-seen', 'yes');
    });
  });
});

function createApp(options) {
  const app = express();
  app.use(jsonBody(options));
  app.post('/', function (req, res) {
    res.json(req.body);
  });
  return app;
}
`;

/** The finding for a supertest call, with the data its message is made from. */
const drives = (file: string, call: string, request: string, line: number) => ({
  messageId: 'testClient' as const,
  line,
  data: { move: acceptanceMove(file), client: 'supertest', call, request, more: '' },
});

cjs.run('no-endpoint-calls: bare apps made by the file’s functions (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'the middleware under test on apps made by the file, handed over directly and through the test context',
      filename: 'test/integration/json-body.test.js',
      code: PARSER_TESTS,
    },
  ],
  invalid: [
    {
      name: 'a test that adds the project’s routes to the app on the context',
      filename: 'test/integration/json-body.test.js',
      code: PARSER_TESTS.replace("const { jsonBody } = require('../../src/middleware/json-body');", "const { jsonBody } = require('../../src/middleware/json-body');\nconst { ordersRouter } = require('../../src/routes/orders');").replace(
        "    it('refuses a large body', function () {\n",
        "    it('refuses a large body', function () {\n      this.app.use('/orders', ordersRouter);\n",
      ),
      errors: [
        drives('test/integration/json-body.test.js', 'request(this.app)', ' (POST /)', 18),
        drives('test/integration/json-body.test.js', 'request(this.app)', ' (POST /)', 37),
      ],
    },
    {
      name: 'a function of the file that mounts the project’s routes makes the application',
      filename: 'test/integration/json-body.test.js',
      code: PARSER_TESTS.replace("const { jsonBody } = require('../../src/middleware/json-body');", "const { jsonBody } = require('../../src/middleware/json-body');\nconst { ordersRouter } = require('../../src/routes/orders');").replace(
        "  app.post('/', function (req, res) {\n    res.json(req.body);\n  });\n  return app;",
        "  app.use('/orders', ordersRouter);\n  return app;",
      ),
      // Every app the file puts on the context is judged together: one that is not a harness makes
      // \`this.app\` the application wherever it is read.
      errors: [
        drives('test/integration/json-body.test.js', 'request(createApp())', ' (POST /)', 8),
        drives('test/integration/json-body.test.js', 'request(this.app)', ' (POST /)', 17),
        drives('test/integration/json-body.test.js', 'request(this.app)', ' (POST /)', 36),
      ],
    },
  ],
});

cjs.run('no-endpoint-calls: Node.js servers a test makes itself (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'a server whose listener, written in the file, answers on its own',
      filename: 'test/integration/orders.test.js',
      code: `const http = require('node:http');
const request = require('supertest');

describe('a health check stand-in', () => {
  it('answers', async () => {
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    await request(server).get('/health').expect(200, 'ok');
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'a server whose listener hands the request to the application, written in place, in a variable, or given later',
      filename: 'test/integration/orders.test.js',
      code: `const http = require('node:http');
const request = require('supertest');
const { app } = require('../../src/app');

describe('orders', () => {
  it('lists orders through a wrapped handler', async () => {
    const server = http.createServer((req, res) => app(req, res));
    await request(server).get('/orders').expect(200);
  });

  it('lists orders on a bare server given the app later', async () => {
    const server = http.createServer();
    server.on('request', app);
    await request(server).get('/orders').expect(200);
  });

  it('lists orders through a listener variable', async () => {
    const listener = (req, res) => app.handle(req, res);
    const server = http.createServer(listener);
    await request(server).get('/orders').expect(200);
  });
});
`,
      errors: [
        drives('test/integration/orders.test.js', 'request(server)', ' (GET /orders)', 8),
        drives('test/integration/orders.test.js', 'request(server)', ' (GET /orders)', 14),
        drives('test/integration/orders.test.js', 'request(server)', ' (GET /orders)', 20),
      ],
    },
  ],
});
