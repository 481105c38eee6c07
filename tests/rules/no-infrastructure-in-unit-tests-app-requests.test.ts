/**
 * `no-infrastructure-in-unit-tests` on a unit test file that also drives the project's own app
 * through a test client: moving it to the integration layer would only trade this report for an
 * endpoint-call one, so the message points at the acceptance layer. An app the test support
 * writes as a stand-in, or one the plugin cannot read, keeps the plain message.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-infrastructure-in-unit-tests';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('no-infrastructure-in-unit-tests-app-requests');

const shop = project('shop', {
  'package.json': JSON.stringify({ name: 'shop' }),
  'src/app.js': `const express = require('express');

const app = express();
app.get('/', (request, response) => response.send('home'));
module.exports = app;
`,
  'src/server.ts': `import express from 'express';
import { listOrders } from './orders';

export const server = express();
server.get('/orders', async (request, response) => response.json(await listOrders()));
`,
  'src/orders.ts': `export async function listOrders() {
  return [];
}
`,
  // A stand-in another service answers with in the tests.
  'test/support/fake-carrier.ts': `import http from 'node:http';

export class FakeCarrier {
  readonly handler = (request: http.IncomingMessage, response: http.ServerResponse) => response.end('{}');
}

export const carrier = new FakeCarrier();
`,
});

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs' } });

const besideApp = (messageId: 'containerBesideApp' | 'clientBesideApp', data: Record<string, string>, line: number) => ({ messageId, data, line });

cjs.run('no-infrastructure-in-unit-tests: a unit test that also drives the app (CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'an in-memory MongoDB beside supertest on the app required in a Mocha hook',
      filename: path.join(shop, 'test/app.test.js'),
      code: `const request = require('supertest');
const { MongoMemoryServer } = require('mongodb-memory-server');

let app;
let mongo;

before(async () => {
  mongo = await MongoMemoryServer.create();
  process.env.MONGODB_URI = mongo.getUri();
  app = require('../src/app');
});

after(() => mongo.stop());

it('serves the home page', (done) => {
  request(app).get('/').expect(200, done);
});
`,
      errors: [
        besideApp('containerBesideApp', { module: 'mongodb-memory-server', system: 'a real database', app: 'app', source: '../src/app', library: 'supertest' }, 2),
      ],
    },
  ],
});

ts.run('no-infrastructure-in-unit-tests: a unit test that also drives the app (TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      name: 'a pg pool beside supertest on the exported server (Vitest)',
      filename: path.join(shop, 'test/unit/orders.test.ts'),
      code: `import { it } from 'vitest';
import { Pool } from 'pg';
import request from 'supertest';
import { server } from '../../src/server';

const pool = new Pool();

it('lists orders', async () => {
  await pool.query('select 1');
  await request(server).get('/orders').expect(200);
});
`,
      errors: [besideApp('clientBesideApp', { module: 'pg', kind: 'database', app: 'server', source: '../../src/server', library: 'supertest' }, 6)],
    },
    {
      name: "a stand-in of another service keeps the plain message (Jest)",
      filename: path.join(shop, 'test/unit/carrier.test.ts'),
      code: `import { Pool } from 'pg';
import request from 'supertest';
import { carrier } from '../support/fake-carrier';

const pool = new Pool();

test('the carrier answers', async () => {
  await request(carrier.handler).get('/rates').expect(200);
  await pool.end();
});
`,
      errors: [{ messageId: 'client', data: { module: 'pg', kind: 'database' }, line: 5 }],
    },
    {
      name: 'an app from a package keeps the plain message (node:test)',
      filename: path.join(shop, 'test/unit/health.test.ts'),
      code: `import { it } from 'node:test';
import { Pool } from 'pg';
import request from 'supertest';
import { healthApp } from 'health-kit';

const pool = new Pool();

it('reports healthy', async () => {
  await request(healthApp).get('/health').expect(200);
  await pool.end();
});
`,
      errors: [{ messageId: 'client', data: { module: 'pg', kind: 'database' }, line: 6 }],
    },
  ],
});
