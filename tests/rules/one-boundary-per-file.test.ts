import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/one-boundary-per-file';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });

/** The example project's settings: its own adapters, declared by kind. */
const adapters = {
  'integration-tests': {
    boundaries: {
      database: ['src/repositories/**'],
      http: ['src/adapters/payments/**'],
      queue: ['src/adapters/events/**'],
    },
  },
};

ts.run('one-boundary-per-file (TypeScript)', rule, {
  valid: [
    {
      name: 'a GraphQL client pointed at the app under test, beside the database the app uses',
      filename: 'tests/integration/graphql-schema.test.ts',
      code: `
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from '../support/server';

let mongo: MongoClient;
let client: ApolloClient<unknown>;
beforeAll(async () => {
  mongo = await new MongoClient(process.env.MONGO_URL!).connect();
  await startServer(4010);
  client = new ApolloClient({ link: new HttpLink({ uri: 'http://localhost:4010/graphql' }), cache: new InMemoryCache() });
});
afterAll(() => mongo.close());

it('names the operation', () => {
  expect(getMainDefinition(gql('query Health { health }')).kind).toBe('OperationDefinition');
});
it('answers a query', async () => {
  const { data } = await client.query({ query: gql('{ health }') });
  expect(data.health).toBe('ok');
  expect(await mongo.db().collection('health').countDocuments()).toBeGreaterThanOrEqual(0);
});
`,
    },
    {
      name: 'one kind from two modules: pg and knex (Jest)',
      filename: 'tests/integration/order-repository.test.ts',
      code: `
import { Pool } from 'pg';
import knex from 'knex';
import { faker } from '@faker-js/faker';
import { describe, it, expect, afterAll } from '@jest/globals';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const pool = new Pool();
afterAll(() => Promise.all([db.destroy(), pool.end()]));

describe('orders', () => {
  it('counts', async () => {
    await db('orders').insert({ sku: faker.string.alphanumeric(6) });
    expect((await pool.query('SELECT count(*) FROM orders')).rows).toHaveLength(1);
  });
});
`,
    },
    {
      name: 'an HTTP client and its fake: the http boundary done right (Vitest)',
      filename: 'tests/integration/payment-client.test.ts',
      code: `
import nock from 'nock';
import axios from 'axios';
import { test, expect } from 'vitest';

test('charges', async () => {
  nock('https://api.payments.example').post('/v1/charges').reply(201, { id: 'ch_1' });
  const { data } = await axios.post('https://api.payments.example/v1/charges', {});
  expect(data.id).toBe('ch_1');
});
`,
    },
    {
      name: 'a PostgreSQL testcontainer and the pg driver',
      filename: 'tests/integration/user-repository.test.ts',
      code: `
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { GenericContainer } from 'testcontainers';
import { Client } from 'pg';

let container: StartedPostgreSqlContainer;
beforeAll(async () => { container = await new PostgreSqlContainer('postgres:16').start(); });
afterAll(() => container.stop());

test('connects', async () => {
  const helper = await new GenericContainer(process.env.HELPER_IMAGE!).start();
  const client = new Client({ connectionString: container.getConnectionUri() });
  await client.connect();
  await client.end();
  await helper.stop();
});
`,
    },
    {
      name: 'type-only imports of other boundaries',
      filename: 'tests/integration/user-repository.test.ts',
      code: `
import { Pool } from 'pg';
import type { Redis } from 'ioredis';
import { type Channel, type Connection } from 'amqplib';
import type Stripe = require('stripe');

let cache: Redis | undefined;
let channel: Channel | undefined;
test('saves', async () => { await new Pool().query('SELECT 1'); });
`,
    },
    {
      name: 'a repository that caches in Redis, with allowTogether',
      filename: 'tests/integration/cached-user-repository.test.ts',
      options: [{ allowTogether: [['database', 'cache']] }],
      code: `
import { Pool } from 'pg';
import Redis from 'ioredis';
test('reads through the cache', async () => { await new Redis().get('user:1'); await new Pool().query('SELECT 1'); });
`,
    },
    {
      name: 'two kinds with max: 2',
      filename: 'tests/integration/outbox.test.ts',
      options: [{ max: 2 }],
      code: `
import { Pool } from 'pg';
import { Kafka } from 'kafkajs';
test('publishes from the outbox', async () => { new Kafka({ brokers: ['localhost:9092'] }); new Pool(); });
`,
    },
    {
      name: 'an ignored kind',
      filename: 'tests/integration/signup.test.ts',
      options: [{ ignoreKinds: ['email'] }],
      code: `
import { Pool } from 'pg';
import nodemailer from 'nodemailer';
test('x', () => { nodemailer.createTransport({}); new Pool(); });
`,
    },
    {
      name: 'a module in the ignore setting',
      filename: 'tests/integration/user-repository.test.ts',
      settings: { 'integration-tests': { ignore: ['ioredis'] } },
      code: `
import { Pool } from 'pg';
import Redis from 'ioredis';
test('x', () => { new Redis(); new Pool(); });
`,
    },
    {
      name: 'another adapter that is mocked, and a stubbed fetch, exercise nothing',
      filename: 'tests/integration/user-repository.test.ts',
      settings: adapters,
      code: `
import { vi, test, expect } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';
import { PaymentClient } from '../../src/adapters/payments/payment-client.js';

vi.mock('../../src/adapters/payments/payment-client');
vi.stubGlobal('fetch', vi.fn());

test('saves the user even when payments are down', async () => {
  vi.mocked(PaymentClient.prototype.charge).mockRejectedValue(new Error('down'));
  await fetch('https://status.example.com');
  expect(await new UserRepository(pool).save({ email: 'a@b.c', name: 'A' })).toBeDefined();
});
`,
    },
    {
      name: 'the service under test, not declared in settings, is not a boundary',
      filename: 'tests/integration/signup-service.test.ts',
      settings: adapters,
      code: `
import { UserRepository } from '../../src/repositories/user-repository';
import { SignupService } from '../../src/signup-service';
import { expect } from 'chai';
it('signs up', async () => { await new SignupService(new UserRepository(pool)).signUp('a@b.c'); });
`,
    },
    {
      name: 'a shared setup file without tests may start every container',
      filename: 'tests/integration/global-setup.ts',
      code: `
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { RedisContainer } from '@testcontainers/redis';

export default async function setup() {
  const postgres = await new PostgreSqlContainer().start();
  const redis = await new RedisContainer().start();
  process.env.DATABASE_URL = postgres.getConnectionUri();
  process.env.REDIS_URL = redis.getConnectionUrl();
}
`,
    },
  ],
  invalid: [
    {
      name: 'two kinds through imports (Jest)',
      filename: 'tests/integration/user-cache.test.ts',
      code: `
import { Pool } from 'pg';
import Redis from 'ioredis';

const pool = new Pool();
const redis = new Redis();

it('caches a user', async () => {
  await pool.query('INSERT INTO users (name) VALUES ($1)', ['Ada']);
  await redis.set('user:1', 'Ada');
});
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 3, column: 19, endColumn: 28, data: { count: 2, boundaries: 'database (line 2), cache (line 3)', max: 1, file: 'tests/integration/user-cache.test.ts' } }],
    },
    {
      name: 'imports written over several lines: the message names the line of the client each one brings in, the report sits at the module name',
      filename: 'tests/integration/user-cache.test.ts',
      code: `
import {
  Pool,
  type PoolClient,
} from 'pg';
import {
  Redis,
} from 'ioredis';

const pool = new Pool();
const redis = new Redis();

it('caches a user', async () => {
  const client: PoolClient = await pool.connect();
  await client.query('INSERT INTO users (name) VALUES ($1)', ['Ada']);
  await redis.set('user:1', 'Ada');
  client.release();
});
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 8, column: 8, endColumn: 17, data: { count: 2, boundaries: 'database (line 3), cache (line 7)', max: 1, file: 'tests/integration/user-cache.test.ts' } }],
    },
    {
      name: 'user adapters from settings: a repository and a payment client',
      filename: 'tests/integration/checkout.test.ts',
      settings: adapters,
      code: `
import { UserRepository } from '../../src/repositories/user-repository';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

test('checks out', async () => {
  const user = await new UserRepository(pool).save({ email: 'a@b.c', name: 'A' });
  await new PaymentClient().charge(500, user.email);
});
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 3, column: 31, data: { count: 2, boundaries: 'database (line 2), http (line 3)', max: 1, file: 'tests/integration/checkout.test.ts' } }],
    },
    {
      name: 'the same file named as an acceptance test, linted as an integration test by the user\u2019s globs',
      filename: 'tests/checkout.e2e-spec.ts',
      settings: adapters,
      code: `
import { UserRepository } from '../src/repositories/user-repository';
import { PaymentClient } from '../src/adapters/payments/payment-client';

test('checks out', async () => {
  const user = await new UserRepository(pool).save({ email: 'a@b.c', name: 'A' });
  await new PaymentClient().charge(500, user.email);
});
`,
      errors: [{ messageId: 'tooManyBoundariesByName', line: 3, column: 31, data: { count: 2, boundaries: 'database (line 2), http (line 3)', max: 1, file: 'tests/checkout.e2e-spec.ts' } }],
    },
    {
      name: 'testcontainers modules of two kinds, and a generic container by its image',
      filename: 'tests/integration/order-events.test.ts',
      code: `
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { GenericContainer } from 'testcontainers';
import { KafkaContainer } from '@testcontainers/kafka';

beforeAll(async () => {
  await new GenericContainer('redis:7-alpine').withExposedPorts(6379).start();
  await new PostgreSqlContainer().start();
  await new KafkaContainer().start();
});
test('x', () => {});
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 4, column: 32, data: { count: 3, boundaries: 'database (line 2), queue (line 4), cache (line 7)', max: 1, file: 'tests/integration/order-events.test.ts' } }],
    },
    {
      name: 'three kinds over max: 2, reported at the third',
      filename: 'tests/integration/order-flow.test.ts',
      options: [{ max: 2 }],
      code: `
import { Pool } from 'pg';
import { SQSClient } from '@aws-sdk/client-sqs';
import { S3Client } from '@aws-sdk/client-s3';
test('x', () => { new Pool(); new SQSClient({}); new S3Client({}); });
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 4, column: 26, data: { count: 3, boundaries: 'database (line 2), queue (line 3), storage (line 4)', max: 2, file: 'tests/integration/order-flow.test.ts' } }],
    },
    {
      name: 'allowTogether groups count once, but a third kind still counts',
      filename: 'tests/integration/cached-users.test.ts',
      options: [{ allowTogether: [['database', 'cache']] }],
      code: `
import { Pool } from 'pg';
import Redis from 'ioredis';
import amqp from 'amqplib';
test('x', async () => { new Pool(); new Redis(); await amqp.connect('amqp://localhost'); });
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 4, column: 18, data: { count: 2, boundaries: 'database (line 2) + cache (line 3), queue (line 4)', max: 1, file: 'tests/integration/cached-users.test.ts' } }],
    },
    {
      name: 'a mock of one module does not hide another module of the same kind',
      filename: 'tests/integration/payments.test.ts',
      code: `
import { vi, test } from 'vitest';
import { Pool } from 'pg';
import axios from 'axios';
import got from 'got';
vi.mock('axios');
test('x', async () => { new Pool(); await got('https://example.com'); await axios.get('https://example.com'); });
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 7, column: 43, data: { count: 2, boundaries: 'database (line 3), http (line 7)', max: 1, file: 'tests/integration/payments.test.ts' } }],
    },
    {
      name: 'a dynamic import',
      filename: 'tests/integration/search.test.ts',
      code: `
import { Client } from '@elastic/elasticsearch';
test('x', async () => {
  const { default: Redis } = await import('ioredis');
  new Client({ node: 'http://localhost:9200' });
  new Redis();
});
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 4, column: 36, data: { count: 2, boundaries: 'database (line 2), cache (line 4)', max: 1, file: 'tests/integration/search.test.ts' } }],
    },
  ],
});

js.run('one-boundary-per-file (JavaScript, ESM)', rule, {
  valid: [
    {
      name: 'global fetch with msw: one http boundary (node:test)',
      filename: 'tests/integration/rates.test.mjs',
      code: `
import { test } from 'node:test';
import { setupServer } from 'msw/node';
const server = setupServer();
test('x', async () => { server.listen(); await fetch('https://rates.example/eur'); });
`,
    },
  ],
  invalid: [
    {
      name: 'global fetch and a database (node:test)',
      filename: 'tests/integration/sync.test.mjs',
      code: `
import { test } from 'node:test';
import { MongoClient } from 'mongodb';

test('syncs products', async () => {
  const client = new MongoClient('mongodb://localhost:27017');
  const response = await fetch('https://catalog.example/products');
  await client.db('shop').collection('products').insertMany(await response.json());
});
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 7, column: 26, endColumn: 31, data: { count: 2, boundaries: 'database (line 3), http (line 7)', max: 1, file: 'tests/integration/sync.test.mjs' } }],
    },
  ],
});

cjs.run('one-boundary-per-file (JavaScript, CommonJS)', rule, {
  valid: [
    {
      name: 'one queue through require (Mocha)',
      filename: 'test/integration/order-publisher.test.js',
      code: `
const amqp = require('amqplib');
const { expect } = require('chai');
const sinon = require('sinon');
describe('publisher', () => { it('publishes', async () => { await amqp.connect('amqp://localhost'); }); });
`,
    },
  ],
  invalid: [
    {
      name: 'two kinds through require (Mocha)',
      filename: 'test/integration/order-publisher.test.js',
      code: `
const { Pool } = require('pg');
const amqp = require('amqplib');

describe('order publisher', () => {
  it('publishes after saving', async () => {
    await new Pool().query('INSERT INTO orders DEFAULT VALUES');
    await amqp.connect('amqp://localhost');
  });
});
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 3, column: 14, endColumn: 32, data: { count: 2, boundaries: 'database (line 2), queue (line 3)', max: 1, file: 'test/integration/order-publisher.test.js' } }],
    },
  ],
});
