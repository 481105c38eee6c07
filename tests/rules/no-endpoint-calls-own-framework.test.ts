/**
 * `no-endpoint-calls` in a web framework's own repository: its sources loaded by path
 * (`const Koa = require('..')` in koa's tests) are the framework, so a bare app made in the test with
 * a handler written there is the test's harness, as `new Koa()` from the package would be. The same
 * code in a project that is not a web framework drives that project's app.
 */
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { temporaryProjects } from '../helpers/projects';
import { acceptanceMove } from '../helpers/advice';

const APPLICATION = `module.exports = class Application {
  constructor() {
    this.middleware = [];
  }

  use(fn) {
    this.middleware.push(fn);
    return this;
  }

  callback() {
    return (req, res) => res.end();
  }
};
`;
const project = temporaryProjects('no-endpoint-calls-own-framework');
const framework = project('koa', { 'package.json': JSON.stringify({ name: 'koa', version: '3.0.0', main: 'lib/application.js' }), 'lib/application.js': APPLICATION });
const shop = project('storefront', { 'package.json': JSON.stringify({ name: 'storefront', version: '1.0.0', main: 'lib/application.js' }), 'lib/application.js': APPLICATION });

const TEST = `const { describe, it } = require('node:test');
const request = require('supertest');
const Koa = require('..');

describe('ctx.body', () => {
  it('sends a string body', async () => {
    const app = new Koa();
    app.use((ctx) => {
      ctx.body = 'ok';
    });
    await request(app.callback()).get('/').expect(200, 'ok');
  });
});
`;
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

cjs.run('no-endpoint-calls: a framework\u2019s own sources (node:test)', rule, {
  valid: [
    {
      name: 'koa\u2019s tests make a bare app of koa itself',
      filename: path.join(framework, '__tests__/body.test.js'),
      code: TEST,
    },
  ],
  invalid: [
    {
      name: 'a project that is no web framework: its app is the app',
      filename: path.join(shop, '__tests__/body.test.js'),
      code: TEST,
      // RuleTester lints from the root of the file system, so the message gives the path from there.
      errors: [
        {
          messageId: 'testClient',
          line: 11,
          data: { client: 'supertest', call: 'request(app.callback())', request: ' (GET /)', more: '', move: acceptanceMove(path.relative(path.parse(shop).root, path.join(shop, '__tests__/body.test.js'))) },
        },
      ],
    },
  ],
});
