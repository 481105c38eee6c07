/** `no-endpoint-calls` on hostile code: computed members, optional chaining, dynamic import, unicode names. */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/no-endpoint-calls';
import { acceptanceMove } from '../helpers/advice';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });
const FILE = 'tests/integration/users.test.ts';

ts.run('no-endpoint-calls on hostile TypeScript', rule, {
  valid: [
    { name: 'a local function named request', filename: FILE, code: `const request = (app: unknown) => ({ get: (url: string) => [app, url] });\nit('is a local helper', () => { request({}).get('/users'); });\n` },
  ],
  invalid: [
    {
      name: 'a computed member on supertest',
      filename: FILE,
      code: `import request from 'supertest';\nimport { createApp } from '../../src/app';\nit('lists', async () => { await request(createApp())['get']('/users').expect(200); });\n`,
      errors: [{ messageId: 'testClient', line: 3, column: 33 }],
    },
    {
      name: 'supertest loaded with dynamic import()',
      filename: FILE,
      code: `it('lists', async () => { const { default: request } = await import('supertest'); await request('http://localhost:3000').get('/users'); });\n`,
      // Given the app's loopback URL, supertest is judged as the request it sends.
      errors: [{ messageId: 'loopbackHttp', line: 1, column: 89 }],
    },
    {
      name: 'optional injection into an app with a unicode name',
      filename: FILE,
      code: `import { buildApp } from '../../src/app';\nconst アプリ = buildApp();\nit('lists', async () => { await アプリ?.inject?.({ method: 'GET', url: '/users' }); });\n`,
      errors: [{ messageId: 'testClient', line: 3, column: 33 }],
    },
    {
      name: 'fetch to loopback as a computed member of globalThis',
      filename: FILE,
      code: `it('calls the app', async () => { await globalThis['fetch']('http://127.0.0.1:3000/users'); });\n`,
      errors: [{ messageId: 'loopbackHttp', line: 1, column: 41, data: { url: 'http://127.0.0.1:3000/users', client: 'fetch', letThrough: '', more: '', move: acceptanceMove(FILE) } }],
    },
  ],
});

cjs.run('no-endpoint-calls on hostile CommonJS', rule, {
  valid: [],
  invalid: [
    {
      name: 'supertest from require, returned as a promise',
      filename: 'tests/integration/users.test.cjs',
      code: `const request = require('supertest');\nconst app = require('../../src/app');\nit('lists', function () { return request(app).get('/users'); });\n`,
      errors: [{ messageId: 'testClient', line: 3, column: 34 }],
    },
  ],
});
