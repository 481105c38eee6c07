import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index';
import rule from '../../src/rules/no-endpoint-calls';
import { ACCEPTANCE_BY_PATH, acceptanceMove } from '../helpers/advice';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });

/** The data every message takes: the file (named in the advice) and, by default, nothing more to say. */
const at = (file: string) => ({ move: acceptanceMove(file), request: '', more: '', letThrough: '' });
/**
 * A test file inside a package whose package.json declares the bin `acme`. Relative, so that the
 * working directory stays the repository root and paths in messages read as in a project.
 */
const CLI_TEST = 'tests/fixtures/acme-cli/tests/integration/import-users.test.ts';

ts.run('no-endpoint-calls (TypeScript)', rule, {
  valid: [
    {
      name: "LoopBack testlab's assertions and server config are no client of the app",
      filename: 'tests/integration/product-repository.test.ts',
      code: `
import { expect, givenHttpServerConfig } from '@loopback/testlab';
import { ProductRepository } from '../../src/repositories/product.repository';
import { testdb } from '../fixtures/datasources/testdb.datasource';

describe('ProductRepository', () => {
  beforeEach(() => new ProductRepository(testdb).deleteAll());
  it('finds a product by name', async () => {
    const products = new ProductRepository(testdb);
    await products.create({ name: 'Pen', port: givenHttpServerConfig().port });
    expect(await products.findOne({ where: { name: 'Pen' } })).to.containEql({ name: 'Pen' });
  });
});
`,
    },
    {
      name: 'a repository test against a real database, rolled back after each test (Jest)',
      filename: 'tests/integration/user-repository.test.ts',
      code: `
import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const users = new UserRepository(pool);

beforeEach(() => pool.query('BEGIN'));
afterEach(() => pool.query('ROLLBACK'));
afterAll(() => pool.end());

it('saves a user', async () => {
  const saved = await users.save({ email: 'ada@example.com', name: 'Ada' });
  expect(await users.findByEmail('ada@example.com')).toEqual(saved);
});
`,
    },
    {
      name: 'an HTTP adapter against nock, even on a loopback origin (Vitest)',
      filename: 'tests/integration/payment-client.test.ts',
      code: `
import nock from 'nock';
import { afterEach, expect, it } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

afterEach(() => nock.cleanAll());

it('charges a card', async () => {
  nock('http://localhost:4010').post('/v1/charges').reply(201, { id: 'ch_1', status: 'succeeded' });
  const client = new PaymentClient('http://localhost:4010');
  expect(await client.charge(500, 'tok_visa')).toEqual({ id: 'ch_1', status: 'succeeded' });
  const health = await fetch('http://localhost:4010/health');
  expect(health.ok).toBe(false);
});
`,
    },
    {
      name: 'fetch answered by an undici MockAgent',
      filename: 'tests/integration/rates-client.test.ts',
      code: `
import { MockAgent, setGlobalDispatcher } from 'undici';

const agent = new MockAgent();
agent.disableNetConnect();
setGlobalDispatcher(agent);

test('reads rates', async () => {
  agent.get('http://127.0.0.1:9999').intercept({ path: '/rates' }).reply(200, { eur: 1 });
  const response = await fetch('http://127.0.0.1:9999/rates');
  expect(await response.json()).toEqual({ eur: 1 });
});
`,
    },
    {
      name: 'boundary clients configured with a local endpoint',
      filename: 'tests/integration/session-store.test.ts',
      code: `
import Redis from 'ioredis';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import amqp from 'amqplib';

const redis = new Redis('redis://localhost:6379');
const s3 = new S3Client({ endpoint: 'http://localhost:4566', forcePathStyle: true });

test('stores a session', async () => {
  const connection = await amqp.connect('amqp://localhost');
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }));
  await redis.set('session:1', 'x');
  await connection.close();
});
`,
    },
    {
      name: 'HTTP calls to infrastructure on this machine: a container port, Elasticsearch, LocalStack',
      filename: 'tests/integration/product-search.test.ts',
      code: `
import { ElasticsearchContainer } from '@testcontainers/elasticsearch';

let elastic: Awaited<ReturnType<ElasticsearchContainer['start']>>;
beforeAll(async () => { elastic = await new ElasticsearchContainer('elasticsearch:8.13.0').start(); });
afterAll(() => elastic.stop());

test('finds a product', async () => {
  await fetch(\`http://localhost:\${elastic.getMappedPort(9200)}/products/_refresh\`, { method: 'POST' });
  await fetch('http://localhost:9200/products/_refresh', { method: 'POST' });
  await fetch('http://127.0.0.1:4566/_localstack/health');
});
`,
    },
    {
      name: 'a remote URL (the concern of no-real-network, not of this rule)',
      filename: 'tests/integration/exchange-rates.test.ts',
      code: `
import axios from 'axios';
test('x', async () => { await axios.get('https://api.exchangerate.example/latest'); });
`,
    },
    {
      name: 'URLs the file does not show',
      filename: 'tests/integration/webhooks.test.ts',
      code: `
import axios from 'axios';
import { config } from '../config';
test('x', async () => {
  await fetch(config.webhookUrl);
  await axios.post(\`http://\${process.env.HOST}:3000/hooks\`);
  const api = axios.create({ baseURL: config.baseUrl });
  await api.get('/hooks');
});
`,
    },
    {
      name: 'child processes that start or prepare infrastructure',
      filename: CLI_TEST,
      code: `
import { execSync, spawn } from 'node:child_process';
import { execa, $ } from 'execa';

beforeAll(async () => {
  execSync('docker compose up -d postgres');
  await execa('npx', ['prisma', 'migrate', 'reset', '--force']);
  spawn('pg_ctl', ['-D', '/tmp/pg', 'start']);
  await $\`redis-server --port 6380 --daemonize yes\`;
  execSync('node scripts/seed.js');
});
`,
    },
    {
      name: 'a process the file does not show, and node evaluating code',
      filename: CLI_TEST,
      code: `
import { spawn, execFileSync } from 'node:child_process';
spawn(command, args);
execFileSync(process.execPath, ['-e', 'console.log(1)']);
`,
    },
    {
      name: "a program named like a bin that this project's package.json does not declare",
      filename: 'tests/integration/sync.test.ts',
      code: `
import { execa } from 'execa';
test('x', async () => { await execa('acme', ['sync']); });
`,
    },
    {
      name: 'look-alikes: Angular inject, a local request helper, Hono-like apps and chai without chai-http',
      filename: 'tests/integration/look-alikes.test.ts',
      code: `
import { TestBed } from '@angular/core/testing';
import chai from 'chai';
import { createApp } from '../../src/app';

const request = (path: string) => ({ path });
const app = createApp();

it('x', () => {
  TestBed.inject(UserService);
  request('/users');
  app.request('/users');
  chai.request(app);
});
`,
    },
    {
      name: 'an Elysia harness built in the test around the project’s plugin, answering with its own handler',
      filename: 'tests/integration/rate-limit.test.ts',
      code: `
import { expect, it } from 'bun:test';
import { Elysia } from 'elysia';
import { rateLimit } from '../../src/plugins/rate-limit';

it('lets the first request through', async () => {
  const app = new Elysia().use(rateLimit({ max: 1 })).get('/ping', () => 'pong');
  const response = await app.handle(new Request('http://localhost/ping'));
  expect(await response.text()).toBe('pong');
});
`,
    },
    {
      name: 'helpers from a module that is not listed in endpointClients',
      filename: 'tests/integration/users.test.ts',
      code: `
import { api } from '../support/api-client';
test('x', async () => { await api.get('/users'); });
`,
    },
  ],
  invalid: [
    {
      name: 'supertest against an express app (Jest, ESM)',
      filename: 'tests/integration/users-api.test.ts',
      code: `
import request from 'supertest';
import { createApp } from '../../src/app';

const app = createApp();

it('creates a user', async () => {
  await request(app).post('/users').send({ email: 'ada@example.com' }).expect(201);
});
`,
      errors: [{ messageId: 'testClient', line: 8, column: 9, endColumn: 21, data: { ...at('tests/integration/users-api.test.ts'), client: 'supertest', call: 'request(app)', request: ' (POST /users)' } }],
    },
    {
      name: "supertest-fetch: a fetch made on the app with makeFetch, and its fetch(server, url)",
      filename: 'tests/integration/greetings.test.ts',
      code: `
import { fetch as fetchFrom, makeFetch } from 'supertest-fetch';
import { createApp } from '../../src/app';

const app = createApp();
const fetch = makeFetch(app);

it('greets', async () => {
  await fetch('/hello').expect(200);
});

it('greets by name', async () => {
  await fetchFrom(app, '/hello/ada').expect(200);
});
`,
      errors: [
        { messageId: 'testClient', line: 6, data: { ...at('tests/integration/greetings.test.ts'), client: 'supertest-fetch', call: 'makeFetch(app)', request: '' } },
        { messageId: 'testClient', line: 13, data: { ...at('tests/integration/greetings.test.ts'), client: 'supertest-fetch', call: "fetchFrom(app, '/hello/ada')", request: '' } },
      ],
    },
    {
      name: 'supertest aliased, its agent, a NestJS server and a running URL',
      filename: 'tests/integration/users.e2e.test.ts',
      code: `
import api, { agent as session } from 'supertest';

describe('users', () => {
  it('lists', async () => {
    await api(app.getHttpServer()).get('/users');
    const client = session(app);
    const other = api.agent(app);
    await api('http://localhost:3000').get('/health');
    await api(createApp({ database: pool, payments: fakePayments })).get('/health');
  });
});
`,
      errors: [
        // One report a test, with the request it sends and how many more calls drive the app.
        { messageId: 'testClient', line: 6, column: 11, data: { ...at('tests/integration/users.e2e.test.ts'), move: ACCEPTANCE_BY_PATH, client: 'supertest', call: 'api(app.getHttpServer())', request: ' (GET /users)', more: ', and 4 more like it in this test' } },
      ],
    },
    {
      name: 'fastify inject, traced and by its request (Vitest)',
      filename: 'tests/integration/orders-route.test.ts',
      code: `
import Fastify from 'fastify';
import { test, expect } from 'vitest';
import { buildServer } from '../../src/server';
import { ordersPlugin } from '../../src/orders';

test('creates an order', async () => {
  const app = Fastify().register(ordersPlugin);
  const response = await app.inject(request);
  const server = await buildServer();
  await server.inject({ method: 'POST', url: '/orders', payload: { sku: 'A1' } });
  await server.inject().get('/orders').end();
  expect(response.statusCode).toBe(201);
});
`,
      errors: [
        { messageId: 'testClient', line: 9, column: 26, data: { ...at('tests/integration/orders-route.test.ts'), client: 'in-process injection', call: 'app.inject(request)', more: ', and 2 more like it in this test' } },
      ],
    },
    {
      name: 'Hono app.request and testClient',
      filename: 'tests/integration/health.test.ts',
      code: `
import { Hono } from 'hono';
import { testClient } from 'hono/testing';
import { healthRoutes } from '../../src/routes/health';

const app = new Hono().route('/health', healthRoutes);

test('answers', async () => {
  const response = await app.request('/health');
});
test('answers through the typed client', async () => {
  const client = testClient(app);
});
`,
      errors: [
        { messageId: 'testClient', line: 9, column: 26, data: { ...at('tests/integration/health.test.ts'), client: 'Hono', call: "app.request('/health')" } },
        { messageId: 'testClient', line: 12, column: 18, data: { ...at('tests/integration/health.test.ts'), client: 'Hono', call: 'testClient(app)' } },
      ],
    },
    {
      name: 'LoopBack testlab clients of the app and of its server (Mocha)',
      filename: 'tests/integration/recommendations.test.ts',
      code: `
import { createRestAppClient, givenHttpServerConfig } from '@loopback/testlab';
import { ShopApplication } from '../../src/application';
import { startRecommender } from '../../src/recommender';

describe('recommendations', () => {
  it('lists products for a user', async () => {
    const app = new ShopApplication({ rest: givenHttpServerConfig() });
    await app.start();
    await createRestAppClient(app).get('/users/u1/recommendations').expect(200);
  });
  it('answers from the recommender server', async () => {
    const server = await startRecommender(givenHttpServerConfig());
    const client = createRestAppClient({
      restServer: server,
    });
    await client.get('/u1').expect(200);
  });
});
`,
      errors: [
        {
          messageId: 'testClient',
          line: 10,
          column: 11,
          data: { ...at('tests/integration/recommendations.test.ts'), client: '@loopback/testlab', call: 'createRestAppClient(app)', request: ' (GET /users/u1/recommendations)' },
        },
        {
          messageId: 'testClient',
          line: 14,
          column: 20,
          data: { ...at('tests/integration/recommendations.test.ts'), client: '@loopback/testlab', call: 'createRestAppClient({ restServer: server })' },
        },
      ],
    },
    {
      name: 'Elysia app.handle with a Request (bun:test)',
      filename: 'tests/integration/todos.test.ts',
      code: `
import { describe, expect, it } from 'bun:test';
import { Elysia } from 'elysia';
import { todoRoutes } from '../../src/routes/todos';

const app = new Elysia().use(todoRoutes);

describe('todos', () => {
  it('lists them', async () => {
    const response = await app.handle(new Request('http://localhost/todos'));
    expect(response.status).toBe(200);
  });
});
`,
      errors: [{ messageId: 'testClient', line: 10, column: 28, data: { ...at('tests/integration/todos.test.ts'), client: 'Elysia', call: 'app.handle(…)' } }],
    },
    {
      name: 'pactum specs',
      filename: 'tests/integration/users-contract.test.ts',
      code: `
import pactum, { spec as pactumSpec } from 'pactum';

it('gets a user', async () => {
  await pactum.spec().get('http://localhost:3000/users/1').expectStatus(200);
  await pactumSpec().get('http://localhost:3000/users/2');
});
`,
      errors: [
        { messageId: 'testClient', line: 5, column: 9, data: { ...at('tests/integration/users-contract.test.ts'), client: 'pactum', call: 'pactum.spec()', request: ' (GET http://localhost:3000/users/1)', more: ', and 1 more like it in this test' } },
      ],
    },
    {
      name: 'fetch to loopback: literal, template with a constant base, URL object, Request (node:test)',
      filename: 'tests/integration/users-http.test.ts',
      code: `
import { test } from 'node:test';
import assert from 'node:assert/strict';

const host = '127.0.0.1';
const baseUrl = \`http://\${host}:3000\`;

test('lists users', async () => {
  await fetch('http://localhost:3000/users');
  await fetch(\`\${baseUrl}/users?page=\${2}\`);
  await fetch(new URL('/users', baseUrl));
  const response = await fetch(new Request('http://[::1]:3000/users', { method: 'POST' }));
  assert.equal(response.status, 201);
});
`,
      errors: [
        { messageId: 'loopbackHttp', line: 9, column: 9, data: { ...at('tests/integration/users-http.test.ts'), url: 'http://localhost:3000/users', client: 'fetch', more: ', and 3 more like it in this test' } },
      ],
    },
    {
      name: 'a type-only import of an HTTP fake sets nothing up',
      filename: 'tests/integration/users-http.test.ts',
      code: `
import type { RequestHandler } from 'msw';
let handlers: RequestHandler[] = [];
it('x', async () => { await fetch('http://localhost:3000/users'); });
`,
      errors: [{ messageId: 'loopbackHttp', line: 4, column: 29, data: { ...at('tests/integration/users-http.test.ts'), url: 'http://localhost:3000/users', client: 'fetch' } }],
    },
    {
      name: 'fetch to a server the file starts: server.address() and the address fastify listens on',
      filename: 'tests/integration/server.test.ts',
      code: `
import type { AddressInfo } from 'node:net';
import { buildServer } from '../../src/server';

let baseUrl: string;
let server: ReturnType<typeof app.listen>;

beforeAll(async () => {
  server = app.listen(0);
  const { port } = server.address() as AddressInfo;
  baseUrl = \`http://localhost:\${port}\`;
});

it('answers on the random port', async () => {
  await fetch(\`\${baseUrl}/health\`);
  await fetch(\`http://\${(server.address() as AddressInfo).address}:1/x\`);
  const fastify = await buildServer();
  const address = await fastify.listen({ port: 0 });
  await fetch(\`\${address}/users\`);
});
`,
      errors: [
        { messageId: 'loopbackHttp', line: 15, data: { ...at('tests/integration/server.test.ts'), url: 'http://localhost:${…}/health', client: 'fetch', more: ', and 2 more like it in this test' } },
      ],
    },
    {
      name: 'axios, got, ky and undici to loopback, with instances and base URLs',
      filename: 'tests/integration/clients.test.ts',
      code: `
import axios from 'axios';
import got from 'got';
import ky from 'ky';
import { request as undiciRequest } from 'undici';

const api = axios.create({ baseURL: process.env.API_URL ?? 'http://localhost:8080' });
const client = got.extend({ prefixUrl: 'http://127.0.0.1:8080' });

it('calls the app', async () => {
  await api.post('/users', { name: 'Ada' });
  await axios.get('/users', { baseURL: 'http://localhost:8080' });
  await client.get('users');
  await ky.delete('http://localhost:8080/users/1');
  await undiciRequest('http://localhost:8080/users');
});
`,
      errors: [
        { messageId: 'loopbackHttp', line: 11, data: { ...at('tests/integration/clients.test.ts'), url: 'http://localhost:8080/users', client: 'axios.post', more: ', and 4 more like it in this test' } },
      ],
    },
    {
      name: "the project's CLI through execa, child_process and zx",
      filename: CLI_TEST,
      code: `
import { execa, execaNode, $ } from 'execa';
import { execSync, spawn, fork } from 'node:child_process';
import { $ as zx } from 'zx';
import path from 'node:path';

const cli = path.join(__dirname, '../../bin/acme.js');

// Each launcher in a test of its own: the rule reports once a test.
test('imports users', async () => {
  await execa('node', [cli, 'import', 'users.csv']);
});
test('runs the built entry point', () => execaNode('dist/main.js'));
test('imports through npx', () => execSync('npx acme import users.csv'));
test('prints help', () => spawn(process.execPath, ['./bin/acme.js', '--help']));
test('forks the source entry point', () => fork('src/cli.ts'));
test('syncs', async () => {
  await $\`acme sync --dry-run\`;
});
test('prints the version', async () => {
  await zx\`./bin/acme.js --version\`;
});
`,
      errors: [
        { messageId: 'projectCli', line: 11, column: 9, data: { ...at(CLI_TEST), command: 'node tests/fixtures/acme-cli/bin/acme.js import users.csv', launcher: 'execa (execa)' } },
        { messageId: 'projectCli', line: 13, column: 42, data: { ...at(CLI_TEST), command: 'node dist/main.js', launcher: 'execaNode (execa)' } },
        { messageId: 'projectCli', line: 14, column: 35, data: { ...at(CLI_TEST), command: 'npx acme import users.csv', launcher: 'execSync (child_process)' } },
        { messageId: 'projectCli', line: 15, column: 27, data: { ...at(CLI_TEST), command: 'node ./bin/acme.js --help', launcher: 'spawn (child_process)' } },
        { messageId: 'projectCli', line: 16, column: 44, data: { ...at(CLI_TEST), command: 'node src/cli.ts', launcher: 'fork (child_process)' } },
        { messageId: 'projectCli', line: 18, column: 9, data: { ...at(CLI_TEST), command: 'acme sync --dry-run', launcher: '$ (execa)' } },
        { messageId: 'projectCli', line: 21, column: 9, data: { ...at(CLI_TEST), command: './bin/acme.js --version', launcher: '$ (zx)' } },
      ],
    },
    {
      name: 'helpers from a module listed in endpointClients, aliased',
      filename: 'tests/integration/users.test.ts',
      settings: { 'integration-tests': { endpointClients: ['tests/support/api-client'] } },
      code: `
import { api as http, ApiClient } from '../support/api-client';
import { createUser } from '../support/factories';

test('x', async () => {
  await http.get('/users').expect(200);
  const client = new ApiClient();
  await createUser();
});
`,
      errors: [
        { messageId: 'testClient', line: 6, column: 9, data: { ...at('tests/integration/users.test.ts'), client: "the endpoint client '../support/api-client'", call: "http.get('/users')", more: ', and 1 more like it in this test' } },
      ],
    },
  ],
});

js.run('no-endpoint-calls (JavaScript, ESM)', rule, {
  valid: [
    {
      name: 'an adapter test with msw answering on loopback',
      filename: 'tests/integration/rates.test.mjs',
      code: `
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

const server = setupServer(http.get('http://localhost:7000/rates', () => HttpResponse.json({ eur: 1 })));
before(() => server.listen());
after(() => server.close());

it('reads rates', async () => {
  const response = await fetch('http://localhost:7000/rates');
});
`,
    },
  ],
  invalid: [
    {
      name: 'supertest with Mocha and chai',
      filename: 'tests/integration/users.test.mjs',
      code: `
import { expect } from 'chai';
import request from 'supertest';
import { app } from '../../src/app.js';

describe('POST /users', () => {
  it('creates a user', async () => {
    const response = await request(app).post('/users').send({ name: 'Ada' });
    expect(response.status).to.equal(201);
  });
});
`,
      errors: [{ messageId: 'testClient', line: 8, column: 28, data: { ...at('tests/integration/users.test.mjs'), client: 'supertest', call: 'request(app)', request: ' (POST /users)' } }],
    },
    {
      name: 'chai-http 5 and axios to loopback',
      filename: 'tests/integration/orders.test.mjs',
      code: `
import * as chai from 'chai';
import chaiHttp, { request } from 'chai-http';
import axios from 'axios';

chai.use(chaiHttp);

it('creates an order', async () => {
  const response = await request.execute(app).post('/orders');
  await axios.post('http://localhost:3000/orders', {});
});
`,
      errors: [
        { messageId: 'testClient', line: 9, column: 26, data: { ...at('tests/integration/orders.test.mjs'), client: 'chai-http', call: 'request.execute(app)', request: ' (POST /orders)', more: ', and 1 more like it in this test' } },
      ],
    },
  ],
});

cjs.run('no-endpoint-calls (JavaScript, CommonJS)', rule, {
  valid: [
    {
      name: 'starting a database with docker from a Mocha hook',
      filename: 'test/integration/users.test.js',
      code: `
const { execSync } = require('child_process');
before(() => execSync('docker run -d --name pg -p 5432:5432 postgres:16'));
`,
    },
  ],
  invalid: [
    {
      name: 'supertest, chai-http and hapi inject with require',
      filename: 'test/integration/users.test.js',
      code: `
const request = require('supertest');
const chai = require('chai');
chai.use(require('chai-http'));
const Hapi = require('@hapi/hapi');

describe('users', () => {
  it('works', async () => {
    await request(app).get('/users');
    await chai.request(app).get('/users');
    const server = Hapi.server();
    server.route(usersRoutes);
    await server.inject('/users');
  });
});
`,
      errors: [
        { messageId: 'testClient', line: 9, column: 11, data: { ...at('test/integration/users.test.js'), client: 'supertest', call: 'request(app)', request: ' (GET /users)', more: ', and 2 more like it in this test' } },
      ],
    },
    {
      name: 'the CLI through a promisified exec',
      filename: 'test/integration/cli.test.js',
      code: `
const { promisify } = require('util');
const exec = promisify(require('child_process').exec);

it('prints the version', async () => {
  const { stdout } = await exec('node bin/cli.js --version');
});
`,
      errors: [{ messageId: 'projectCli', line: 6, column: 28, data: { ...at('test/integration/cli.test.js'), command: 'node bin/cli.js --version', launcher: 'exec (child_process)' } }],
    },
  ],
});

// The rule reads a file only when its text names what a finding needs (a client module, `fetch`,
// `inject`, a process module); these files hold the least that still counts, or nothing that does.
js.run('no-endpoint-calls (the least a file must name)', rule, {
  valid: [
    {
      name: 'look-alikes of the names the rule needs: fetchUser, an injector, http URLs and an ./axios-like helper',
      filename: 'tests/integration/users.test.mjs',
      code: `
import { fetchUser } from '../../src/users.js';
import { injector } from '../../src/container.js';
import { get } from './axios-like.js';

const BASE_URL = 'http://localhost:3000';

it('reads a user', async () => {
  expect(await fetchUser(\`\${BASE_URL}/users/1\`)).toEqual({ id: 1 });
  expect(injector.get('users')).toBeDefined();
  await get('https://localhost/health');
});
`,
    },
  ],
  invalid: [
    {
      name: 'inject with a request, and no framework import',
      filename: 'tests/integration/users.test.mjs',
      code: `
import { build } from '../../src/app.js';

it('lists users', async () => {
  const app = await build();
  await app.inject({ method: 'GET', url: '/users' });
  await app['inject']('/health');
});
`,
      errors: [
        { messageId: 'testClient', line: 6, column: 9, data: { ...at('tests/integration/users.test.mjs'), client: 'in-process injection', call: 'app.inject(…)', request: ' (GET /users)', more: ', and 1 more like it in this test' } },
      ],
    },
    {
      name: 'inject with a request object: the message names its method and path, written out or as a constant',
      filename: 'tests/integration/orders.test.ts',
      code: `
import { build } from '../../src/app';

const ORDERS = '/v2/orders';

it('takes an order', async () => {
  const app = await build();
  await app.inject({ method: 'POST', url: ORDERS, payload: { sku: 'A1', quantity: 2 } });
});

it('cancels an order', async () => {
  const app = await build();
  await app.inject({ method: 'delete', path: \`\${ORDERS}/7\`, headers: { authorization: 'Bearer t' } });
});

it('reads an order by a method chosen elsewhere', async () => {
  const app = await build();
  const method = 'GET';
  await app.inject({ method, url: \`\${ORDERS}/7\`, headers: { accept: 'application/json' } });
});
`,
      errors: [
        { messageId: 'testClient', line: 8, column: 9, data: { ...at('tests/integration/orders.test.ts'), client: 'in-process injection', call: 'app.inject(…)', request: ' (POST /v2/orders)' } },
        { messageId: 'testClient', line: 13, column: 9, data: { ...at('tests/integration/orders.test.ts'), client: 'in-process injection', call: 'app.inject(…)', request: ' (DELETE /v2/orders/7)' } },
        // A method held in a variable is not shown: the message names only what the call writes out.
        { messageId: 'testClient', line: 19, column: 9, data: { ...at('tests/integration/orders.test.ts'), client: 'in-process injection', call: 'app.inject(…)' } },
      ],
    },
    {
      name: 'the global fetch, and nothing imported',
      filename: 'tests/integration/health.test.mjs',
      code: `
it('is up', async () => {
  await fetch('http://localhost:3000/health');
  await globalThis['fetch']('http://127.0.0.1:3000/ready');
});
`,
      errors: [
        { messageId: 'loopbackHttp', line: 3, column: 9, data: { ...at('tests/integration/health.test.mjs'), url: 'http://localhost:3000/health', client: 'fetch', more: ', and 1 more like it in this test' } },
      ],
    },
    {
      name: 'Hono from a subpath export',
      filename: 'tests/integration/users.test.mjs',
      code: `
import { Hono } from 'hono/tiny';
import { userRoutes } from '../../src/routes/users.mjs';

const app = new Hono().route('/users', userRoutes);
it('lists users', async () => {
  await app.request('/users');
});
`,
      errors: [{ messageId: 'testClient', line: 7, column: 9, data: { ...at('tests/integration/users.test.mjs'), client: 'Hono', call: "app.request('/users')" } }],
    },
    {
      name: 'child_process loaded with import() inside a test',
      filename: 'test/integration/cli.test.mjs',
      code: `
it('prints the version', async () => {
  const { execSync } = await import('node:child_process');
  execSync('node bin/cli.js --version');
});
`,
      errors: [{ messageId: 'projectCli', line: 4, column: 3, data: { ...at('test/integration/cli.test.mjs'), command: 'node bin/cli.js --version', launcher: 'execSync (child_process)' } }],
    },
    {
      name: 'names spelt with escapes: the file is read in full',
      filename: 'tests/integration/users.test.mjs',
      code: `
it('lists users', async () => {
  await \\u0066etch('http://localhost:3000/users');
});
`,
      errors: [{ messageId: 'loopbackHttp', line: 3, column: 9, data: { ...at('tests/integration/users.test.mjs'), url: 'http://localhost:3000/users', client: 'fetch' } }],
    },
  ],
});

cjs.run('no-endpoint-calls (the least a CommonJS file must name)', rule, {
  valid: [],
  invalid: [
    {
      name: 'supertest required inside a helper, with a template literal',
      filename: 'test/integration/users.test.js',
      code: `
const { app } = require('../../src/app');

function api() {
  return require(\`supertest\`)(app);
}

it('lists users', () => api().get('/users').expect(200));
`,
      errors: [{ messageId: 'testClient', line: 5, column: 10, data: { ...at('test/integration/users.test.js'), client: 'supertest', call: 'require(`supertest`)(app)' } }],
    },
    {
      name: 'axios required from a subpath',
      filename: 'test/integration/users.test.js',
      code: `
const axios = require('axios/dist/node/axios.cjs');

it('lists users', async () => {
  await axios.get('http://localhost:3000/users');
});
`,
      errors: [{ messageId: 'loopbackHttp', line: 5, column: 9, data: { ...at('test/integration/users.test.js'), url: 'http://localhost:3000/users', client: 'axios.get' } }],
    },
    {
      name: 'a specifier spelt with an escape',
      filename: 'test/integration/users.test.js',
      code: `
const request = require('super\\x74est');

it('lists users', () => request(app).get('/users'));
`,
      errors: [{ messageId: 'testClient', line: 4, column: 25, data: { ...at('test/integration/users.test.js'), client: 'supertest', call: 'request(app)', request: ' (GET /users)' } }],
    },
  ],
});

/** A Hono app the test builds around the validator under test, kept under the name `app.post` hands back. */
const HONO_ROUTE = `
import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { formValidator } from '../../src/middleware/form-validator';

const app = new Hono();
const route = app.post(
  '/author',
  formValidator({ required: ['name'] }),
  (c) => c.json({ saved: c.req.valid('form').name }),
);

it('refuses an empty form', async () => {
  const res = await route.request('/author', { method: 'POST' });
  expect(res.status).toBe(400);
});
`;

ts.run('no-endpoint-calls (harnesses, fakes and URLs)', rule, {
  valid: [
    {
      name: 'a bare app with nothing registered answers with the framework\u2019s defaults (Vitest)',
      filename: 'tests/integration/not-found.test.ts',
      code: `
import { expect, it } from 'vitest';
import express from 'express';
import request from 'supertest';
import { notFoundBody } from '../../src/errors';

it('answers 404 when nothing is mounted', async () => {
  const app = express();
  app.set('x-powered-by', false);
  const response = await request(app).get('/missing');
  expect(response.status).toBe(404);
  expect(notFoundBody(response.status)).toEqual({ error: 'Not Found' });
});
`,
    },
    {
      name: 'a throwaway express app around the middleware under test, its handlers written in the test (Jest)',
      filename: 'tests/integration/require-plan.test.ts',
      code: `
import express, { Router } from 'express';
import request from 'supertest';
import { requirePlan } from '../../src/middleware/require-plan';

test('lets a paying customer through', async () => {
  const app = express();
  const billing = { planOf: async () => 'pro' };
  const reports = Router();
  reports.get('/monthly', (_req, res) => res.json({ ok: true }));
  app.use(express.json());
  app.use('/reports', requirePlan(billing, 'pro'), reports);
  await request(app).get('/reports/monthly').expect(200);
});
`,
    },
    {
      name: 'a fastify harness decorated with values of the language\u2019s own types (node:test)',
      filename: 'tests/integration/request-counter.test.ts',
      code: `
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { countRequests } from '../../src/plugins/count-requests';

test('counts each request once', async () => {
  const app = Fastify();
  app.decorate('seen', new Map());
  app.decorate('startedAt', new Date(0));
  app.get('/items/:id', { onRequest: countRequests }, async () => 'ok');
  const id = 7;
  await app.inject({ method: 'GET', url: \`/items/\${id}\` });
  assert.equal(app.seen.get('/items/:id'), 1);
});
`,
    },
    {
      name: 'a Koa harness served through its callback, and a Hono one built in a chain (Vitest)',
      filename: 'tests/integration/rate-limit.test.ts',
      code: `
import Koa from 'koa';
import { Hono } from 'hono';
import request from 'supertest';
import { expect, it } from 'vitest';
import { rateLimit } from '../../src/middleware/rate-limit';

it('answers the first call', async () => {
  const app = new Koa();
  app.use(rateLimit({ perMinute: 1 }));
  app.use(async (ctx) => {
    ctx.body = 'ok';
  });
  await request(app.callback()).get('/').expect(200);
});

it('answers through hono', async () => {
  const app = new Hono().use(rateLimit({ perMinute: 1 })).get('/', (c) => c.text('ok'));
  expect((await app.request('/')).status).toBe(200);
});
`,
    },
    {
      name: 'a Hono harness whose middleware under test covers wildcard paths, in front of handlers written here (Vitest)',
      filename: 'tests/integration/authorizer.test.ts',
      code: `
import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { authorize } from '../../src/middleware/authorize';
import { policyFor } from '../../src/policies';

it('lets an admin through and stops a guest', async () => {
  const app = new Hono();
  app.use('*', authorize({ policy: policyFor('shop') }));
  app.use('/admin/*', authorize({ policy: policyFor('admin') }));
  app.get('/orders', (c) => c.text('orders'));
  app.get('/admin/users', (c) => c.text('users'));
  const admin = await app.fetch(new Request('http://localhost/admin/users', { headers: { authorization: 'Basic YWRtaW46eA==' } }));
  expect(admin.status).toBe(200);
  expect((await app.request('/orders')).status).toBe(401);
});
`,
    },
    {
      name: "the project's middleware wrapped around a handler written in the test, mounted on a path (Mocha)",
      filename: 'tests/integration/feature-gate.test.ts',
      code: `
import express from 'express';
import request from 'supertest';
import { whenEnabled } from '../../src/middleware/when-enabled';

describe('whenEnabled', () => {
  it('falls through to the next route when the flag is off', async () => {
    const app = express();
    app.use('/beta', whenEnabled(() => false, (_req, res) => res.send('beta')));
    app.get('/beta', (_req, res) => res.send('stable'));
    await request(app).get('/beta').expect(200, 'stable');
  });
});
`,
    },
    {
      name: "supertest as a plain HTTP client of a mail catcher whose address the file cannot read",
      filename: 'tests/integration/signup-mail.test.ts',
      code: `
import request from 'supertest';
import { MAILBOX_HOST, MAILBOX_PORT } from '../support/env';

const mailbox = \`http://\${MAILBOX_HOST}:\${MAILBOX_PORT}\`;

it('reads the confirmation mail', async () => {
  const { body } = await request(mailbox).get('/email');
  expect(body).toHaveLength(1);
});
`,
    },
    {
      name: 'supertest against a loopback port of a mail catcher',
      filename: 'tests/integration/mailer.test.ts',
      code: `
import request from 'supertest';
import { sendWelcome } from '../../src/mailer';

it('delivers the welcome mail', async () => {
  await sendWelcome('ada@example.com');
  await request('http://localhost:8025').get('/api/v2/messages').expect(200);
});
`,
    },
    {
      name: 'nock refuses every connection it is not told to let through, so the loopback request never leaves',
      filename: 'tests/integration/pricing-client.test.ts',
      code: `
import nock from 'nock';
import { PricingClient } from '../../src/adapters/pricing-client';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

it('asks the pricing service', async () => {
  nock('https://pricing.example.com').get('/v1/prices').reply(200, []);
  expect(await new PricingClient('https://pricing.example.com').prices()).toEqual([]);
  await expect(fetch('http://localhost:3000/health')).rejects.toThrow();
});
`,
    },
    {
      name: 'a Hono harness kept under the name its route method hands back, which is the same app (Vitest)',
      filename: 'tests/integration/author-form.test.ts',
      code: HONO_ROUTE,
    },
  ],
  invalid: [
    {
      name: 'the name a route method hands back is the same app: one that mounts the project\u2019s routes is the project app (Vitest)',
      filename: 'tests/integration/author-form.test.ts',
      code: HONO_ROUTE.replace("import { formValidator } from '../../src/middleware/form-validator';", "import { formValidator } from '../../src/middleware/form-validator';\nimport { authorRoutes } from '../../src/routes/authors';").replace(
        "  (c) => c.json({ saved: c.req.valid('form').name }),\n);",
        "  (c) => c.json({ saved: c.req.valid('form').name }),\n);\napp.route('/authors', authorRoutes);",
      ),
      errors: [{ messageId: 'testClient', line: 16, column: 21, data: { ...at('tests/integration/author-form.test.ts'), client: 'Hono', call: 'route.request(…)', request: ' (POST /author)' } }],
    },
    {
      name: 'a bare app handed to the project through a package\u2019s default-export helper is the project app (Jest)',
      filename: 'tests/integration/init.test.ts',
      code: `
import express from 'express';
import request from 'supertest';
import { interopDefault } from 'mlly';

const mountRoutes = interopDefault(await import('../../src/routes.js'));

test('serves orders', async () => {
  const app = express();
  mountRoutes(app);
  await request(app).get('/orders').expect(200);
});
`,
      errors: [{ messageId: 'testClient', line: 11, column: 9, data: { ...at('tests/integration/init.test.ts'), client: 'supertest', call: 'request(app)', request: ' (GET /orders)' } }],
    },
    {
      name: 'a fastify app decorated with a Map of the project\u2019s handlers holds the project\u2019s code',
      filename: 'tests/integration/order-handlers.test.ts',
      code: `
import Fastify from 'fastify';
import { orderHandlers } from '../../src/handlers/orders';

test('answers from the order handlers', async () => {
  const app = Fastify();
  app.decorate('handlers', new Map(orderHandlers));
  app.get('/items/:id', async () => 'ok');
  const id = 7;
  await app.inject({ method: 'GET', url: \`/items/\${id}\` });
});
`,
      errors: [{ messageId: 'testClient', line: 10, column: 9, data: { ...at('tests/integration/order-handlers.test.ts'), client: 'in-process injection', call: 'app.inject(…)', request: ' (GET /items/7)' } }],
    },
    {
      name: 'an express app handed to the project to add its routes is the project app',
      filename: 'tests/integration/orders-routes.test.ts',
      code: `
import express from 'express';
import request from 'supertest';
import { mountOrderRoutes } from '../../src/routes/orders';

test('lists orders', async () => {
  const app = express();
  mountOrderRoutes(app);
  await request(app).get('/orders').expect(200);
});
`,
      errors: [{ messageId: 'testClient', line: 9, column: 9, data: { ...at('tests/integration/orders-routes.test.ts'), client: 'supertest', call: 'request(app)', request: ' (GET /orders)' } }],
    },
    {
      name: "an express app whose last handler is the project's router",
      filename: 'tests/integration/invoices-router.test.ts',
      code: `
import express from 'express';
import request from 'supertest';
import { invoicesRouter } from '../../src/routes/invoices';

const app = express();
app.use(express.json());
app.use('/invoices', invoicesRouter);

it('creates an invoice', () =>
  request(app)
    .post('/invoices')
    .send({ amount: 10 })
    .expect(201));
`,
      errors: [{ messageId: 'testClient', line: 11, column: 3, data: { ...at('tests/integration/invoices-router.test.ts'), client: 'supertest', call: 'request(app)', request: ' (POST /invoices)' } }],
    },
    {
      name: "supertest given the app's loopback URL is judged as the request it is",
      filename: 'tests/integration/health.test.ts',
      code: `
import request from 'supertest';

it('is healthy', async () => {
  await request('http://localhost:3000').get('/health').expect(200);
});
`,
      errors: [{ messageId: 'loopbackHttp', line: 5, column: 9, data: { ...at('tests/integration/health.test.ts'), url: 'http://localhost:3000', client: 'supertest' } }],
    },
    {
      name: 'an axios instance on the app, its config held in a variable; nock lets loopback through and says so',
      filename: 'tests/integration/orders-api.test.ts',
      code: `
import axios, { type AxiosInstance } from 'axios';
import nock from 'nock';
import { startApi } from '../../src/api';

let api: AxiosInstance;

beforeAll(async () => {
  const { port } = await startApi();
  const options = { baseURL: \`http://127.0.0.1:\${port}\`, validateStatus: () => true };
  api = axios.create(options);
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});

beforeEach(() => {
  nock('http://localhost/users').get('/7').reply(200, { id: 7 });
});

it('places an order', async () => {
  const created = await api.post('/orders', { userId: 7 });
  const read = await api.get(\`/orders/\${created.data.id}\`);
  expect(read.status).toBe(200);
});
`,
      errors: [
        {
          messageId: 'loopbackHttp',
          line: 21,
          column: 25,
          data: {
            ...at('tests/integration/orders-api.test.ts'),
            url: 'http://127.0.0.1:${…}/orders',
            client: 'axios.post',
            letThrough: ", which `nock.enableNetConnect('127.0.0.1')` lets through",
            more: ', and 1 more like it in this test',
          },
        },
      ],
    },
    {
      name: "nock answering a remote host leaves a request to the app's webhook route alone (Mocha)",
      filename: 'tests/integration/refund-webhook.test.ts',
      code: `
import nock from 'nock';
import { expect } from 'chai';

describe('refund webhook', () => {
  let port: number;
  before(() => {
    port = Number(process.env.APP_PORT);
  });

  it('marks the refund as settled', async () => {
    nock('https://api.payments.example.com').get('/v1/refunds/r_1').reply(200, { status: 'settled' });
    const response = await fetch(\`http://localhost:\${port}/webhooks/refunds\`, { method: 'POST', body: 'id=r_1' });
    expect(response.status).to.equal(200);
  });
});
`,
      errors: [{ messageId: 'loopbackHttp', line: 13, column: 28, data: { ...at('tests/integration/refund-webhook.test.ts'), url: 'http://localhost:${…}/webhooks/refunds', client: 'fetch' } }],
    },
    {
      name: 'requests in a hook are one report for the hook, those in the test another',
      filename: 'tests/integration/session.test.ts',
      code: `
import request from 'supertest';
import { app } from '../../src/app';

let cookie: string;
beforeEach(async () => {
  await request(app).post('/signup').send({ email: 'ada@example.com' });
  const login = await request(app).post('/login').send({ email: 'ada@example.com' });
  cookie = login.headers['set-cookie'];
});

it('reads the profile', async () => {
  await request(app).get('/me').set('Cookie', cookie).expect(200);
});
`,
      errors: [
        { messageId: 'testClient', line: 7, column: 9, data: { ...at('tests/integration/session.test.ts'), client: 'supertest', call: 'request(app)', request: ' (POST /signup)', more: ', and 1 more like it in this hook' } },
        { messageId: 'testClient', line: 13, column: 9, data: { ...at('tests/integration/session.test.ts'), client: 'supertest', call: 'request(app)', request: ' (GET /me)' } },
      ],
    },
  ],
});

cjs.run('no-endpoint-calls (command lines through test helpers, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'a CLI test helper running the bin through a normalised path (Mocha, CommonJS)',
      filename: 'test/integration/migrate-cli.test.js',
      code: `
const path = require('path');
const { execCommand } = require('cli-testlab');

const CLI = path.normalize(__dirname + '/../../bin/migrate.js');

describe('migrate:up', () => {
  it('applies pending migrations', async () => {
    await execCommand(\`node \${CLI} up --dir=\${process.env.MIGRATIONS_DIR}\`);
  });
});
`,
      errors: [{ messageId: 'projectCli', line: 9, column: 11, data: { ...at('test/integration/migrate-cli.test.js'), command: 'node bin/migrate.js up --dir=${…}', launcher: 'execCommand (cli-testlab)' } }],
    },
  ],
});

js.run('no-endpoint-calls (command lines the file spells out)', rule, {
  valid: [],
  invalid: [
    {
      name: 'a script path in a template literal that climbs out of the test folder',
      filename: 'test/integration/cli/init.test.mjs',
      code: `
import { exec } from 'node:child_process';

const cliPath = \`\${import.meta.dirname}/../../../src/cli.js\`;

it('scaffolds a project', (done) => {
  exec(\`node \${cliPath} init --name demo\`, (error) => done(error));
});
`,
      errors: [{ messageId: 'projectCli', line: 7, column: 3, data: { ...at('test/integration/cli/init.test.mjs'), command: 'node src/cli.js init --name demo', launcher: 'exec (child_process)' } }],
    },
  ],
});

describe('no-endpoint-calls in the configs', () => {
  const code = `import request from 'supertest';\nit('x', () => request(app).get('/'));\n`;
  const lint = (filename: string) =>
    new Linter({ cwd: '/project' })
      .verify(code, [...plugin.configs.recommended] as Linter.Config[], path.join('/project', filename))
      .map((message) => message.ruleId);

  it('reports integration files', () => {
    expect(lint('tests/integration/users.test.js')).toEqual(['integration-tests/no-endpoint-calls']);
  });

  it.each(['tests/acceptance/users.test.js', 'tests/e2e/users.test.js', 'src/users.e2e-spec.js', 'tests/unit/users.test.js'])(
    'leaves %s alone: driving the app is what acceptance tests do',
    (filename) => {
      expect(lint(filename)).toEqual([]);
    },
  );
});

it('ends each message with where the file should go', () => {
  for (const message of Object.values(rule.meta.messages)) expect(message).toMatch(/directly, or \{\{move\}\}\.$/);
  expect(rule.meta.messages.testClient.endsWith('Call the adapter or repository under test directly, or {{move}}.')).toBe(true);
});
