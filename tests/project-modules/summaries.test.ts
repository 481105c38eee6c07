import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as OxcResolver from 'oxc-resolver';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModuleSummary, ModuleSummaryResult } from '../../src/core/module-summary';
import { boundaryOfSpecifier } from '../../src/estree/boundary-values';
import {
  clearProjectModules,
  forgetStamps,
  moduleKeyOf,
  exportOfSpecifier,
  isOwnPackage,
  isOwnPackageSpecifier,
  isPackageOrBuiltin,
  moduleIdentityOf,
  projectModuleStats,
  summaryOfSpecifier,
} from '../../src/estree/project-modules';
import { STAMPS_TRUSTED_FOR_MS } from '../../src/estree/module-summaries';
import { writeProject, type Project } from './project';

let project: Project | undefined;

beforeEach(() => clearProjectModules());
afterEach(() => {
  project?.remove();
  project = undefined;
});

function known(summary: ModuleSummaryResult | null): ModuleSummary {
  if (summary === null || summary === 'unknown') throw new Error(`expected a summary, got ${String(summary)}`);
  return summary;
}

const TEST = 'test/orders.test.ts';
/** The resolver the plugin loads with `require`: the same module instance. */
const { ResolverFactory } = createRequire(__filename)('oxc-resolver') as typeof OxcResolver;

describe('an adapter module', () => {
  it('reaches the database through pg, and its class is an adapter of it', () => {
    project = writeProject({
      'package.json': '{ "name": "shop" }',
      'src/orders-repository.ts': `import { Pool } from 'pg';\nexport class OrdersRepository {\n  constructor(private readonly pool: Pool) {}\n}\n`,
      [TEST]: '',
    });
    const summary = known(summaryOfSpecifier(project.context(TEST), '../src/orders-repository'));
    expect(summary.boundaryKinds).toEqual(['database']);
    expect(summary.complete).toBe(true);
    expect(summary.exports.get('OrdersRepository')?.value).toEqual({ type: 'boundary-client', kind: 'database' });
  });

  it('calls a class that extends an adapter of another module an adapter too, and one that extends anything else not', () => {
    project = writeProject({
      'package.json': '{ "name": "shop" }',
      'src/base-repository.ts': `import { MongoClient } from 'mongodb';\nexport class BaseRepository {\n  constructor(private readonly client: MongoClient) {}\n  create(doc: object) { return this.client.db().collection('x').insertOne(doc); }\n}\n`,
      'src/tenant-repository.ts': `import { BaseRepository } from './base-repository';\nexport class TenantRepository extends BaseRepository {}\n`,
      'src/clock.ts': `export class Clock {\n  now() { return new Date(0); }\n}\n`,
      'src/fixed-clock.ts': `import { Clock } from './clock';\nexport class FixedClock extends Clock {}\n`,
      [TEST]: '',
    });
    const context = project.context(TEST);
    expect(known(summaryOfSpecifier(context, '../src/tenant-repository')).exports.get('TenantRepository')?.value).toEqual({ type: 'boundary-client', kind: 'database' });
    expect(known(summaryOfSpecifier(context, '../src/fixed-clock')).exports.get('FixedClock')?.value.type).toBe('other');
  });

  it('reaches a system through Keyv only where the module loads the store too', () => {
    project = writeProject({
      'package.json': '{ "name": "shop" }',
      'src/memory-cache.ts': `import { Keyv } from 'keyv';\nexport class MemoryCache {\n  private readonly keyv = new Keyv({ namespace: 'prices' });\n  get(key: string) { return this.keyv.get(key); }\n}\n`,
      'src/session-cache.ts': `import { Keyv } from 'keyv';\nimport KeyvRedis from '@keyv/redis';\nexport class SessionCache {\n  private readonly keyv = new Keyv({ store: new KeyvRedis(process.env.REDIS_URL) });\n}\n`,
      [TEST]: '',
    });
    const context = project.context(TEST);
    const memory = known(summaryOfSpecifier(context, '../src/memory-cache'));
    expect(memory.boundaryKinds).toEqual([]);
    expect(memory.exports.get('MemoryCache')?.value.type).not.toBe('boundary-client');
    const sessions = known(summaryOfSpecifier(context, '../src/session-cache'));
    expect(sessions.boundaryKinds).toEqual(['cache']);
    expect(sessions.exports.get('SessionCache')?.value).toEqual({ type: 'boundary-client', kind: 'cache' });
  });

  it('calls a Keyv a module exports no client of a system when it is made without a store', () => {
    project = writeProject({
      'package.json': '{ "name": "shop" }',
      'src/caches.ts': [
        `import Keyv from 'keyv';`,
        `import KeyvRedis from '@keyv/redis';`,
        `import { MemoryStore } from './memory-store';`,
        `import { FileStore } from './file-store';`,
        `export const prices = new Keyv({ namespace: 'prices', ttl: 60_000 });`,
        `export const plain = new Keyv();`,
        `export const mapped = new Keyv({ store: new Map() });`,
        `export const sessions = new Keyv({ store: new KeyvRedis(process.env.REDIS_URL) });`,
        `export const byAddress = new Keyv(process.env.CACHE_URL);`,
        `export const byUri = new Keyv({ uri: 'redis://localhost:6379' });`,
        `export const inMemory = new Keyv({ store: new MemoryStore() });`,
        `export const onDisk = new Keyv({ store: new FileStore('./cache') });`,
        ``,
      ].join('\n'),
      'src/memory-store.ts': `export class MemoryStore {\n  private readonly entries = new Map<string, unknown>();\n  get(key: string) { return this.entries.get(key); }\n}\n`,
      'src/file-store.ts': `import { promises as fs } from 'node:fs';\nimport { Redis } from 'ioredis';\nexport class FileStore {\n  constructor(private readonly folder: string, private readonly redis = new Redis()) {}\n}\n`,
      [TEST]: '',
    });
    const caches = known(summaryOfSpecifier(project.context(TEST), '../src/caches'));
    const valueOf = (name: string) => caches.exports.get(name)?.value;
    expect(['prices', 'plain', 'mapped', 'inMemory'].map(valueOf)).toEqual([{ type: 'other' }, { type: 'other' }, { type: 'other' }, { type: 'other' }]);
    expect(['sessions', 'byAddress', 'byUri', 'onDisk'].map(valueOf)).toEqual([
      { type: 'boundary-client', kind: 'cache' },
      { type: 'boundary-client', kind: 'cache' },
      { type: 'boundary-client', kind: 'cache' },
      { type: 'boundary-client', kind: 'cache' },
    ]);
  });

  it('marks what a helper hands back from its own package’s entry point as an instance of the library', () => {
    project = writeProject({
      'package.json': JSON.stringify({ name: 'page-kit', version: '2.0.0', main: 'index.js' }),
      'index.js': 'module.exports = async (options) => ({ options, pages: [] });\n',
      'test-lib/util.js': [
        `const makeKit = require('../index.js');`,
        `async function create(options = {}) {\n  return require('../index.js')({ shortName: 'test', ...options });\n}`,
        `function createWithImport(options) {\n  return makeKit(options);\n}`,
        `function label(options) {\n  return { ...options, label: true };\n}`,
        `function other(options) {\n  return require('../lib/tools.js')(options);\n}`,
        `module.exports = { create, createWithImport, label, other };`,
        ``,
      ].join('\n'),
      'lib/tools.js': 'module.exports = (options) => options;\n',
      [TEST]: '',
    });
    const helpers = known(summaryOfSpecifier(project.context(TEST), '../test-lib/util.js'));
    const valueOf = (name: string) => helpers.exports.get(name)?.value;
    expect(valueOf('create')).toEqual({ type: 'other', ownPackage: true });
    expect(valueOf('createWithImport')).toEqual({ type: 'other', ownPackage: true });
    // An object the helper builds itself, and another module of the package, are not the library.
    expect(valueOf('label')).toEqual({ type: 'other' });
    expect(valueOf('other')).not.toMatchObject({ ownPackage: true });
  });

  it('reaches what a module loads only when it runs: import() and require() inside functions', () => {
    project = writeProject({
      'src/lazy-db.ts': `export async function connect() {\n  const { Pool } = await import /* loaded on first use */ ('pg');\n  return new Pool();\n}\n`,
      'src/legacy-cache.js': `function client() {\n  const Redis = require('ioredis');\n  return new Redis();\n}\nmodule.exports = { client };\n`,
      'src/prices.ts': `// Prices never come from an import('./elsewhere') here.\nexport const price = (cents: number) => cents / 100;\n`,
      [TEST]: '',
    });
    const context = project.context(TEST);
    expect(known(summaryOfSpecifier(context, '../src/lazy-db')).boundaryKinds).toEqual(['database']);
    expect(known(summaryOfSpecifier(context, '../src/legacy-cache.js')).boundaryKinds).toEqual(['cache']);
    expect(known(summaryOfSpecifier(context, '../src/prices')).boundaryKinds).toEqual([]);
  });

  it('reaches it transitively through another project module, and hands back a client from a factory', () => {
    project = writeProject({
      'src/db.js': `const { Pool } = require('pg');\nfunction makePool() { return new Pool({ connectionString: process.env.URL }); }\nmodule.exports = { makePool };\n`,
      'src/service.js': `import { makePool } from './db.js';\nexport const pool = makePool();\nexport function label() { return 'orders'; }\n`,
      [TEST]: '',
    });
    const summary = known(summaryOfSpecifier(project.context(TEST), '../src/service.js'));
    expect(summary.boundaryKinds).toEqual(['database']);
    expect(summary.exports.get('pool')?.value).toEqual({ type: 'boundary-client', kind: 'database' });
    expect(summary.exports.get('label')?.value).toEqual({ type: 'other' });
    // What each function's own body reaches, not the whole module's.
    expect(summary.exports.get('label')?.boundaryKinds).toEqual([]);
  });

  it('reads no load out of strings, templates or comments in a module it reaches, and still finds the loads after them', () => {
    project = writeProject({
      // A setup hint printed for users, a template that writes out code, a glob whose `/*` opens no
      // comment, and a remark after code: none of them loads anything. The pool is loaded after all of them.
      'src/setup-hints.ts': [
        `export const hint = 'Add: import { Redis } from "ioredis";';`,
        'export const generated = `',
        "import amqp from 'amqplib';",
        "const { Kafka } = require('kafkajs');",
        '`;',
        "export const specs = 'src/*.ts';",
        "export const port = 5432; // was require('mysql2') once",
        "/* the pool below is the module's only client */",
        "import { Pool } from 'pg';",
        'export const pool = new Pool();',
        '',
      ].join('\n'),
      // A re-export with a comment among its names still loads what it names.
      'src/db.ts': `export {\n  /** the pool, for callers that still import it from here */\n  pool, // and nothing else\n} from './setup-hints';\n`,
      'src/orders.ts': `import { pool } from './db';\nexport const ordersPool = pool;\n`,
      [TEST]: '',
    });
    const summary = known(summaryOfSpecifier(project.context(TEST), '../src/orders'));
    expect(summary.boundaryKinds).toEqual(['database']);
    expect(summary.clientModules).toEqual([{ specifier: 'pg', kind: 'database' }]);
  });

  it('reads a module it reaches whose export keyword is followed by a long run of blanks', () => {
    project = writeProject({
      // Formatting left by a generator: the scan matches each run of blanks whole, once, and moves on.
      'src/generated/pool.ts': `import { Pool } from 'pg';\nexport${' '.repeat(50_000)}const pool = new Pool();\n`,
      'src/orders.ts': `import { pool } from './generated/pool';\nexport const ordersPool = pool;\n`,
      [TEST]: '',
    });
    expect(known(summaryOfSpecifier(project.context(TEST), '../src/orders')).boundaryKinds).toEqual(['database']);
  });

  it('calls a class an adapter only when its module loads the client itself', () => {
    project = writeProject({
      'src/toolbox/index.ts': `export * from './sql';\nexport const slug = (text: string) => text.toLowerCase();\n`,
      'src/toolbox/sql.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\n`,
      'src/payments/gateway.ts': `import { slug } from '../toolbox';\nexport class PaymentGateway {\n  reference(text: string) { return slug(text); }\n}\n`,
      [TEST]: '',
    });
    const summary = known(summaryOfSpecifier(project.context(TEST), '../src/payments/gateway'));
    // The barrel it borrows a helper from reaches the database, so the module does, transitively;
    // the class itself is application code, not a database adapter.
    expect(summary.boundaryKinds).toEqual(['database']);
    expect(summary.exports.get('PaymentGateway')?.value).toEqual({ type: 'other' });
  });

  it('lists the members a class defines itself, not those it inherits or computes', () => {
    project = writeProject({
      'package.json': '{ "name": "shop" }',
      'src/base.ts': `export class Base {\n  async count() {\n    return 0;\n  }\n}\n`,
      'src/invoices.ts': `import { Pool } from 'pg';\nimport { Base } from './base';\nconst key = 'hidden';\nexport default class Invoices extends Base {\n  static table = 'invoices';\n  private pool = new Pool();\n  get size() {\n    return 1;\n  }\n  async 'add-line'() {}\n  [key]() {}\n  async save() {}\n}\nexport const total = () => 0;\n`,
      [TEST]: '',
    });
    const summary = known(summaryOfSpecifier(project.context(TEST), '../src/invoices'));
    expect(summary.exports.get('default')?.ownMembers).toEqual(['table', 'pool', 'size', 'add-line', 'save']);
    expect(summary.exports.get('total')?.ownMembers).toBeUndefined();
  });

  it('reaches nothing through a data file shipped in a client package', () => {
    project = writeProject({
      'src/mail-settings.ts': `import services from 'nodemailer/lib/well-known/services.json';\nexport const known = Object.keys(services);\n`,
      [TEST]: '',
    });
    expect(known(summaryOfSpecifier(project.context(TEST), '../src/mail-settings')).boundaryKinds).toEqual([]);
  });

  it('calls a double a fake, and an adapter handed one (or one that may be one) no real client', () => {
    project = writeProject({
      'package.json': '{ "name": "shop" }',
      'src/queue-client.ts': `import amqplib from 'amqplib';\nexport class QueueClient {\n  constructor(private readonly provider: unknown = amqplib) {}\n}\n`,
      'test/fake-queue.ts': `export class FakeQueueProvider {\n  sent: unknown[] = [];\n}\n`,
      'test/helpers.ts': [
        `import amqplib from 'amqplib';`,
        `import { QueueClient } from '../src/queue-client';`,
        `import { FakeQueueProvider } from './fake-queue';`,
        `export const fakeClient = () => new QueueClient(new FakeQueueProvider());`,
        `export function startConsumer(useFake: boolean) {`,
        `  const provider = useFake ? new FakeQueueProvider() : amqplib;`,
        `  return new QueueClient(provider);`,
        `}`,
        `export const realClient = () => new QueueClient();`,
        ``,
      ].join('\n'),
      [TEST]: '',
    });
    const context = project.context(TEST);
    expect(known(summaryOfSpecifier(context, './fake-queue')).exports.get('FakeQueueProvider')?.value).toEqual({ type: 'fake', kind: null });
    const helpers = known(summaryOfSpecifier(context, './helpers'));
    expect(helpers.exports.get('fakeClient')?.value).toEqual({ type: 'fake', kind: 'queue' });
    expect(helpers.exports.get('startConsumer')?.value.type).not.toBe('boundary-client');
    expect(helpers.exports.get('realClient')?.value).toEqual({ type: 'boundary-client', kind: 'queue' });
  });

  it('hands back a fresh database for an in-memory one', () => {
    project = writeProject({
      'test/db.ts': `import Database from 'better-sqlite3';\nexport function freshDb() {\n  return new Database(':memory:');\n}\n`,
      [TEST]: '',
    });
    expect(exportOfSpecifier(project.context(TEST), './db', 'freshDb')).toMatchObject({ value: { type: 'fresh-database' } });
  });

  it('hands back a fresh database for a client made over an in-memory one, and a client for one made over a file', () => {
    project = writeProject({
      'src/db.ts': [
        `import Database from 'better-sqlite3';`,
        `import { drizzle } from 'drizzle-orm/better-sqlite3';`,
        `export function memoryDb() {`,
        `  const file = new Database(':memory:');`,
        `  const db = drizzle(file);`,
        `  return db;`,
        `}`,
        `export function fileDb(path: string) {`,
        `  const file = new Database(path);`,
        `  return drizzle(file);`,
        `}`,
        ``,
      ].join('\n'),
      [TEST]: '',
    });
    const context = project.context(TEST);
    expect(exportOfSpecifier(context, '../src/db', 'memoryDb')).toMatchObject({ value: { type: 'fresh-database' } });
    expect(exportOfSpecifier(context, '../src/db', 'fileDb')).toMatchObject({ value: { type: 'boundary-client', kind: 'database' } });
  });
});

describe('a helper that registers hooks', () => {
  it('says which hooks a call registers and that they truncate', () => {
    project = writeProject({
      'test/helpers/database.ts': [
        `import { pool } from '../../src/pool';`,
        `export function useCleanDatabase() {`,
        `  beforeEach(async () => {`,
        `    await pool.query('TRUNCATE orders CASCADE');`,
        `  });`,
        `  afterAll(() => pool.end());`,
        `}`,
      ].join('\n'),
      'src/pool.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\n`,
      [TEST]: '',
    });
    const helper = exportOfSpecifier(project.context(TEST), './helpers/database', 'useCleanDatabase');
    expect(helper).toMatchObject({
      boundaryKinds: ['database'],
      registersHooks: [
        { kind: 'beforeEach', effects: ['truncate'] },
        { kind: 'afterAll', effects: ['close'] },
      ],
    });
  });

  it('says which hooks a setup file registers when imported, through a function it calls', () => {
    project = writeProject({
      'test/setup.js': `const { resetDb } = require('./reset');\nafterEach(() => resetDb());\n`,
      'test/reset.js': `exports.resetDb = async function () { await knex('orders').del(); };\n`,
      [TEST]: '',
    });
    const summary = known(summaryOfSpecifier(project.context(TEST), './setup'));
    expect(summary.hooksOnImport).toEqual([{ kind: 'afterEach', effects: ['delete'] }]);
  });

  it('marks a hook that calls a helper it cannot read as unknown', () => {
    project = writeProject({
      'test/setup.ts': `import { wipe } from './missing';\nafterEach(() => wipe());\n`,
      [TEST]: '',
    });
    const summary = known(summaryOfSpecifier(project.context(TEST), './setup'));
    expect(summary.hooksOnImport).toEqual([{ kind: 'afterEach', effects: ['unknown'] }]);
    expect(summary.complete).toBe(false);
  });

  it('says a call of a function it cannot read may register a hook that does anything, at the top level or in a function', () => {
    project = writeProject({
      'test/setup.ts': `import { registerDbHooks } from './missing';\nregisterDbHooks();\n`,
      'test/helpers.ts': `import { registerDbHooks } from './missing';\nimport { format } from './format';\nexport function useDatabase() {\n  registerDbHooks();\n}\nexport function label(n: number) {\n  return format(n);\n}\n`,
      'test/format.ts': `export const format = (n: number) => n.toFixed(2);\n`,
      [TEST]: '',
    });
    const context = project.context(TEST);
    const unseen = (hooks: readonly { effects: readonly string[] }[] | undefined) => (hooks ?? []).some((hook) => hook.effects.includes('unknown'));
    expect(unseen(known(summaryOfSpecifier(context, './setup')).hooksOnImport)).toBe(true);
    const helpers = known(summaryOfSpecifier(context, './helpers'));
    expect(helpers.hooksOnImport).toEqual([]);
    expect(unseen(helpers.exports.get('useDatabase')?.registersHooks)).toBe(true);
    // Which hook it may be cannot be told either.
    expect(known(summaryOfSpecifier(context, './setup')).hooksOnImport).toEqual([{ kind: 'unknown', effects: ['unknown'] }]);
    expect(helpers.exports.get('useDatabase')?.registersHooks).toEqual([{ kind: 'unknown', effects: ['unknown'] }]);
    // A function it can read registers nothing.
    expect(helpers.exports.get('label')?.registersHooks).toEqual([]);
  });
});

describe('what hooks do', () => {
  it('reads a hook given a function by name, and a deletion spread over collections', () => {
    project = writeProject({
      'test/db.ts': [
        `import mongoose from 'mongoose';`,
        `async function clearCollections() {`,
        `  await Promise.all(Object.values(mongoose.connection.collections).map((collection) => collection.deleteMany({})));`,
        `}`,
        `export function setupTestDatabase() {`,
        `  describe('with a database', () => {`,
        `    afterEach(clearCollections);`,
        `  });`,
        `}`,
      ].join('\n'),
      [TEST]: '',
    });
    expect(exportOfSpecifier(project.context(TEST), './db', 'setupTestDatabase')).toMatchObject({
      registersHooks: [{ kind: 'afterEach', effects: ['delete'] }],
    });
  });

  it('says unknown for a call on something a project module hands out, and for SQL it cannot read', () => {
    project = writeProject({
      'test/setup.ts': [
        `import { testDb } from './test-db';`,
        `import { pool } from './pool';`,
        `const statement = process.env.CLEANUP ?? '';`,
        `beforeEach(() => testDb.prepare());`,
        `afterEach(() => pool.query(statement));`,
        `afterAll(() => console.log('done'));`,
      ].join('\n'),
      'test/test-db.ts': `export const testDb = makeTestDb();\ndeclare function makeTestDb(): { prepare(): void };\n`,
      'test/pool.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\n`,
      [TEST]: '',
    });
    expect(known(summaryOfSpecifier(project.context(TEST), './setup')).hooksOnImport).toEqual([
      { kind: 'beforeEach', effects: ['unknown'] },
      { kind: 'afterEach', effects: ['unknown'] },
      { kind: 'afterAll', effects: [] },
    ]);
  });
});

describe('what a setup module mocks, and what a wrapper is built on', () => {
  it('lists the modules mocked at the top level, not in hooks, and not those only spied on', () => {
    project = writeProject({
      'package.json': '{ "name": "shop" }',
      'test/setup.ts':
        "import { beforeEach, vi } from 'vitest';\nvi.mock('../src/db');\nawait vi.doMock('ioredis', () => ({}));\njest.mock('pg');\nvi.mock('../src/log', { spy: true });\nbeforeEach(() => { vi.mock('../src/mailer'); });\nvi.mock(`../src/${'queue'}`);\n",
      [TEST]: '',
    });
    expect(known(summaryOfSpecifier(project.context(TEST), './setup')).mocksOnImport).toEqual(['../src/db', 'ioredis', 'pg']);
  });

  it('names the client packages a module reaches, through the project modules it loads', () => {
    project = writeProject({
      'package.json': '{ "name": "shop" }',
      'src/db.ts': "import { Pool } from 'pg';\nexport const db = new Pool();\n",
      'src/cache.ts': "import Redis from 'ioredis';\nexport const cache = new Redis();\n",
      'src/index.ts': "export { db } from './db';\nexport { cache } from './cache';\nexport { setupServer } from 'msw/node';\n",
      [TEST]: '',
    });
    const summary = known(summaryOfSpecifier(project.context(TEST), '../src'));
    expect([...(summary.clientModules ?? [])].sort((a, b) => a.specifier.localeCompare(b.specifier))).toEqual([
      { specifier: 'ioredis', kind: 'cache' },
      { specifier: 'pg', kind: 'database' },
    ]);
  });
});

describe('a test-server helper', () => {
  it('hands back an app client when it returns supertest(app)', () => {
    project = writeProject({
      'src/app.ts': `import express from 'express';\nexport const app = express();\n`,
      'test/server.ts': `import supertest from 'supertest';\nimport { app } from '../src/app';\nexport const testServer = () => supertest(app);\n`,
      'test/index.ts': `export * from './server';\n`,
      [TEST]: '',
    });
    const context = project.context(TEST);
    expect(exportOfSpecifier(context, './server', 'testServer')?.valueOf()).toMatchObject({ value: { type: 'app-client' } });
    // Re-exported through a barrel.
    expect(exportOfSpecifier(context, './index', 'testServer')).toMatchObject({ value: { type: 'app-client' } });
  });

  it('hands back an app client for an HTTP client bound to a loopback address', () => {
    project = writeProject({
      'test/client.ts': `import axios from 'axios';\nexport function api(port: number) {\n  return axios.create({ baseURL: \`http://localhost:\${port}\` });\n}\n`,
      [TEST]: '',
    });
    expect(exportOfSpecifier(project.context(TEST), './client', 'api')).toMatchObject({ value: { type: 'app-client' } });
  });
});

describe('resolution', () => {
  it('follows a tsconfig paths alias, declared in a config the tsconfig extends', () => {
    project = writeProject({
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@infra/*': ['src/infra/*'] } } }),
      'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json' }),
      'src/infra/queue.ts': `import { Kafka } from 'kafkajs';\nexport const kafka = new Kafka({ brokers: [] });\n`,
      [TEST]: '',
    });
    const context = project.context(TEST);
    expect(moduleIdentityOf(context, '@infra/queue')).toEqual({ type: 'project', file: project.path('src/infra/queue.ts'), workspacePackage: null });
    expect(known(summaryOfSpecifier(context, '@infra/queue')).boundaryKinds).toEqual(['queue']);
  });

  it('follows a package.json imports alias', () => {
    project = writeProject({
      'package.json': JSON.stringify({ name: 'shop', imports: { '#db/*': './src/db/*.js' } }),
      'src/db/client.js': `const redis = require('ioredis');\nmodule.exports = new redis();\n`,
      [TEST]: '',
    });
    const context = project.context(TEST);
    expect(moduleIdentityOf(context, '#db/client')).toEqual({ type: 'project', file: project.path('src/db/client.js'), workspacePackage: 'shop' });
    expect(known(summaryOfSpecifier(context, '#db/client')).exports.get('default')?.value).toEqual({ type: 'boundary-client', kind: 'cache' });
  });

  it('finds a workspace package, and the package importing itself by name, without node_modules', () => {
    project = writeProject({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/knex/package.json': JSON.stringify({ name: 'knex', main: 'dist/index.js' }),
      'packages/knex/src/index.ts': `export function knex() { return {}; }\n`,
      'packages/cli/package.json': JSON.stringify({ name: '@shop/cli' }),
      'packages/cli/src/index.ts': `export const run = () => 0;\n`,
      'packages/knex/test/query.test.ts': '',
    });
    const context = project.context('packages/knex/test/query.test.ts');
    expect(moduleIdentityOf(context, 'knex')).toEqual({ type: 'project', file: project.path('packages/knex/src/index.ts'), workspacePackage: 'knex' });
    expect(moduleIdentityOf(context, '@shop/cli')).toEqual({ type: 'project', file: project.path('packages/cli/src/index.ts'), workspacePackage: '@shop/cli' });
    expect(isOwnPackage(context, 'knex')).toBe(true);
    expect(isOwnPackage(context, 'pg')).toBe(false);
    expect(isOwnPackageSpecifier(context, 'knex')).toBe(true);
    // The repository's own package is the code under test: its catalog entry does not apply...
    expect(boundaryOfSpecifier(context, 'knex')).toBeNull();
    // ...unless the settings declare it a boundary.
    const declared = project.context('packages/knex/test/query.test.ts', { 'integration-tests': { boundaries: { database: ['knex'] } } });
    expect(boundaryOfSpecifier(declared, 'knex')).toMatchObject({ kind: 'database' });
    // Packages that are not the repository's keep their entries.
    expect(boundaryOfSpecifier(context, 'pg')).toMatchObject({ kind: 'database' });
    expect(moduleIdentityOf(context, 'pg')).toEqual({ type: 'package', name: 'pg', subpath: '' });
  });

  it('finds a workspace package once for every folder that loads it', () => {
    project = writeProject({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/cli/package.json': JSON.stringify({ name: '@shop/cli' }),
      'packages/cli/src/index.ts': `export const run = () => 0;\n`,
      'packages/orders/package.json': JSON.stringify({ name: '@shop/orders' }),
      'packages/orders/test/orders.test.ts': '',
      'packages/billing/package.json': JSON.stringify({ name: '@shop/billing' }),
      'packages/billing/test/billing.test.ts': '',
    });
    const cli = { type: 'project', file: project.path('packages/cli/src/index.ts'), workspacePackage: '@shop/cli' };
    expect(moduleIdentityOf(project.context('packages/orders/test/orders.test.ts'), '@shop/cli')).toEqual(cli);
    // Another package resolves bare specifiers on its own, but finds the workspace package's module as the first did.
    const lookups = vi.spyOn(ResolverFactory.prototype, 'sync');
    expect(moduleIdentityOf(project.context('packages/billing/test/billing.test.ts'), '@shop/cli')).toEqual(cli);
    expect(lookups).not.toHaveBeenCalled();
    lookups.mockRestore();
  });

  it('treats a paths alias to the package’s own sources as its own code', () => {
    project = writeProject({
      'package.json': JSON.stringify({ name: '@acme/orm' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@acme/*': ['./packages/*/src'] } } }),
      'packages/orm/src/index.ts': `export class EntityManager {}\n`,
      [TEST]: '',
    });
    const context = project.context(TEST);
    expect(moduleIdentityOf(context, '@acme/orm')).toMatchObject({ type: 'project', file: project.path('packages/orm/src/index.ts') });
    expect(isOwnPackageSpecifier(context, '@acme/orm')).toBe(true);
  });

  it('names built-ins and packages as such', () => {
    project = writeProject({ [TEST]: '' });
    const context = project.context(TEST);
    expect(moduleIdentityOf(context, 'node:fs')).toEqual({ type: 'builtin', name: 'fs' });
    expect(moduleIdentityOf(context, 'child_process')).toEqual({ type: 'builtin', name: 'child_process' });
    expect(moduleIdentityOf(context, '@aws-sdk/client-s3/dist')).toEqual({ type: 'package', name: '@aws-sdk/client-s3', subpath: 'dist' });
    expect(summaryOfSpecifier(context, 'pg')).toBeNull();
  });

  it('resolves text linted without a path from the working directory', () => {
    project = writeProject({ 'helper.ts': `export const x = 1;\n` });
    const context = { ...project.context('helper.ts'), filename: '<input>' } as ReturnType<Project['context']>;
    expect(moduleIdentityOf(context, './helper')).toMatchObject({ type: 'project', file: project.path('helper.ts') });
  });

  it('resolves relative imports when the tsconfig extends a package that is not installed', () => {
    project = writeProject({
      'tsconfig.json': JSON.stringify({ extends: '@shared-configs/strict/tsconfig.json', compilerOptions: { baseUrl: '.' } }),
      'test/helpers/db-kind.js': `exports.isSqlite = (db) => db.client === 'sqlite3';\n`,
      [TEST]: '',
    });
    const context = project.context(TEST);
    expect(moduleIdentityOf(context, './helpers/db-kind')).toMatchObject({ type: 'project', file: project.path('test/helpers/db-kind.js') });
    expect(summaryOfSpecifier(context, './helpers/db-kind')).not.toBe('unknown');
    expect(moduleIdentityOf(context, './helpers/missing')).toEqual({ type: 'unresolved', specifier: './helpers/missing' });
  });

  it('tells a package or a built-in from a project module without summarising the module', () => {
    project = writeProject({ 'package.json': '{ "name": "shop" }', 'src/orders.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\n`, [TEST]: '' });
    const context = project.context(TEST);
    expect(['pg', 'node:fs', 'fs', '../src/orders', './missing'].map((specifier) => isPackageOrBuiltin(context, specifier))).toEqual([true, true, true, false, false]);
    expect(projectModuleStats().summariesBuilt).toBe(0);
    // Exactly where the summary is `null`.
    expect(['pg', 'node:fs', 'fs', '../src/orders', './missing'].map((specifier) => summaryOfSpecifier(context, specifier) === null)).toEqual([true, true, true, false, false]);
  });

  it('calls an unresolvable relative import unknown', () => {
    project = writeProject({ [TEST]: '' });
    const context = project.context(TEST);
    expect(moduleIdentityOf(context, './nowhere')).toEqual({ type: 'unresolved', specifier: './nowhere' });
    expect(summaryOfSpecifier(context, './nowhere')).toBe('unknown');
  });
});

describe('one key per module', () => {
  it('gives every spelling of a module the key of what it resolves to', () => {
    project = writeProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/*'] } } }),
      'src/db/pool.ts': `export const pool = {};\n`,
      'src/db/index.ts': `export * from './pool';\n`,
      [TEST]: '',
    });
    const context = project.context(TEST);
    const pool = moduleKeyOf(context, '../src/db/pool');
    expect(pool).toBe(project.path('src/db/pool.ts'));
    expect(['../src/db/pool.js', '../src/db/pool.ts', '@app/db/pool'].map((specifier) => moduleKeyOf(context, specifier))).toEqual([pool, pool, pool]);
    expect(moduleKeyOf(context, '../src/db')).toBe(project.path('src/db/index.ts'));
    expect([moduleKeyOf(context, 'node:https'), moduleKeyOf(context, 'https')]).toEqual(['node:https', 'node:https']);
    expect(moduleKeyOf(context, 'mysql2/promise')).toBe('mysql2/promise');
    // Nothing on disk: the path without its extension or `/index`.
    expect(moduleKeyOf(context, './missing/index.js')).toBe(project.path('test/missing'));
  });
});

describe('relative imports from different folders', () => {
  it('resolve a path they both name to the same module, and a directory-only specifier to the directory', () => {
    project = writeProject({
      'src/lib.ts': `export const lib = 1;\n`,
      'src/lib/index.ts': `export const dir = 1;\n`,
      'test/a.test.ts': '',
      'test/deep/b.test.ts': '',
    });
    const shallow = project.context('test/a.test.ts');
    const deep = project.context('test/deep/b.test.ts');
    const resolutions = vi.spyOn(ResolverFactory.prototype, 'resolveFileSync');
    expect(moduleKeyOf(shallow, '../src/lib')).toBe(project.path('src/lib.ts'));
    expect(moduleKeyOf(deep, '../../src/lib')).toBe(project.path('src/lib.ts'));
    // One path, asked about from two folders: resolved once.
    expect(resolutions).toHaveBeenCalledTimes(1);
    resolutions.mockRestore();
    expect(moduleKeyOf(deep, '../../src/lib/')).toBe(project.path('src/lib/index.ts'));
    expect(moduleKeyOf(shallow, '../src/lib/')).toBe(project.path('src/lib/index.ts'));
    expect(moduleKeyOf(deep, '..')).toBe(project.path('test'));
    expect(moduleIdentityOf(deep, '../../src/nowhere')).toEqual({ type: 'unresolved', specifier: '../../src/nowhere' });
    expect(moduleIdentityOf(shallow, '../src/nowhere')).toEqual({ type: 'unresolved', specifier: '../src/nowhere' });
  });
});

describe('what cannot be read', () => {
  it('calls a module with a parse error unknown', () => {
    project = writeProject({ 'test/broken.ts': `export function (\n`, [TEST]: '' });
    expect(summaryOfSpecifier(project.context(TEST), './broken')).toBe('unknown');
  });

  it('never claims a module in a cycle complete', () => {
    project = writeProject({
      'test/a.ts': `import { b } from './b';\nexport const a = () => b();\n`,
      'test/b.ts': `import { a } from './a';\nimport { Pool } from 'pg';\nexport const b = () => a();\n`,
      [TEST]: '',
    });
    const context = project.context(TEST);
    const a = known(summaryOfSpecifier(context, './a'));
    expect(a.complete).toBe(false);
    expect(a.boundaryKinds).toEqual(['database']);
    expect(known(summaryOfSpecifier(context, './b')).complete).toBe(false);
  });

  it('lists the exports of barrels that re-export each other, each name once', () => {
    project = writeProject({
      'test/left.ts': `export * from './right';\nexport const openLeft = () => 1;\n`,
      'test/right.ts': `export * from './left';\nexport const openRight = () => 2;\n`,
      [TEST]: '',
    });
    const left = known(summaryOfSpecifier(project.context(TEST), './left'));
    expect([...left.exports.keys()].sort()).toEqual(['openLeft', 'openRight']);
    expect(left.exports.size).toBe(2);
  });

  it('looks a name up through nested barrels without reading the branches that cannot hold it', () => {
    project = writeProject({
      'test/index.ts': `export * from './orders';\nexport * from './users';\n`,
      'test/orders/index.ts': `export * from './create';\nexport * from './cancel';\n`,
      'test/orders/create.ts': `export const createOrder = () => 1;\n`,
      'test/orders/cancel.ts': `export const cancelOrder = () => 1;\n`,
      'test/users/index.ts': `export * from './create';\n`,
      'test/users/create.ts': `import { Pool } from 'pg';\nexport const createUser = () => new Pool();\n`,
      [TEST]: '',
    });
    const index = known(summaryOfSpecifier(project.context(TEST), './index'));
    const before = projectModuleStats().summariesBuilt;
    expect(index.exports.get('createUser')?.value).toEqual({ type: 'boundary-client', kind: 'database' });
    // The users barrel and the module that defines the name; the orders barrel is never summarised.
    expect(projectModuleStats().summariesBuilt - before).toBe(2);
    // A name exported as a namespace, and one no module holds.
    project.write('test/tools.ts', `export * as orders from './orders';\n`);
    const tools = known(summaryOfSpecifier(project.context(TEST), './tools'));
    expect(tools.exports.has('orders')).toBe(true);
    expect(index.exports.has('deleteEverything')).toBe(false);
    // A barrel that also hands on a whole module the CommonJS way: the name may come through that one.
    project.write('test/legacy/index.js', `export * from '../orders';\nmodule.exports = require('./refunds');\n`);
    project.write('test/legacy/refunds.js', `exports.refundOrder = () => 3;\n`);
    project.write('test/compat.ts', `export * from './legacy';\n`);
    expect(known(summaryOfSpecifier(project.context(TEST), './compat')).exports.has('refundOrder')).toBe(true);
  });

  it('gives a module the same answer whichever module asked about it first', () => {
    const files: Record<string, string> = { [TEST]: '' };
    for (let index = 0; index < 9; index++) files[`test/layer${index}.ts`] = `export * from './layer${index + 1}';\n`;
    files['test/layer9.ts'] = `import { Pool } from 'pg';\nexport const pool = new Pool();\n`;
    project = writeProject(files);
    const context = project.context(TEST);
    const alone = known(summaryOfSpecifier(context, './layer5')).exports.get('pool')?.value;
    clearProjectModules();
    // Read first from the far end of the chain, where the depth limit cuts the read short.
    const first = summaryOfSpecifier(context, './layer0');
    if (first !== null && first !== 'unknown') first.exports.get('pool');
    expect(known(summaryOfSpecifier(context, './layer5')).exports.get('pool')?.value).toEqual(alone);
    expect(alone).toEqual({ type: 'boundary-client', kind: 'database' });
  });

  it('calls a module over the size limit unknown', () => {
    project = writeProject({ 'test/huge.js': `export const data = ${JSON.stringify('x'.repeat(300 * 1024))};\n`, [TEST]: '' });
    expect(summaryOfSpecifier(project.context(TEST), './huge')).toBe('unknown');
  });
});

describe('the cache', () => {
  // Stamps are trusted for a while: the clock is moved on to show what a later lint sees.
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());
  const aWhileLater = () => vi.setSystemTime(Date.now() + STAMPS_TRUSTED_FOR_MS);

  it('sees a helper edited between two lints in the same process', () => {
    project = writeProject({
      'test/helper.ts': `export function reset() {}\n`,
      [TEST]: '',
    });
    expect(known(summaryOfSpecifier(project.context(TEST), './helper')).boundaryKinds).toEqual([]);
    const helper = project.path('test/helper.ts');
    project.write('test/helper.ts', `import { createClient } from 'redis';\nexport function reset() { return createClient(); }\n`);
    // The same size and time would hide an edit; make sure the time moves.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(helper, later, later);
    aWhileLater();
    const edited = known(summaryOfSpecifier(project.context(TEST), './helper'));
    expect(edited.boundaryKinds).toEqual(['cache']);
    expect(edited.exports.get('reset')?.value).toEqual({ type: 'boundary-client', kind: 'cache' });
  });

  it('sees an edit to a module that a summarised helper reaches', () => {
    project = writeProject({
      'test/helper.ts': `export * from './inner';\n`,
      'test/inner.ts': `export const x = 1;\n`,
      [TEST]: '',
    });
    expect(known(summaryOfSpecifier(project.context(TEST), './helper')).boundaryKinds).toEqual([]);
    project.write('test/inner.ts', `import 'mongodb';\nexport const x = 1;\n`);
    aWhileLater();
    expect(known(summaryOfSpecifier(project.context(TEST), './helper')).boundaryKinds).toEqual(['database']);
  });

  it('reads a re-exported module once however many names are looked for through the barrel, and again once it changes', () => {
    project = writeProject({
      'test/barrel.ts': `export * from './orders';\nexport * from './users';\n`,
      'test/orders.ts': `export const createOrder = () => 1;\n`,
      'test/users.ts': `export const createUser = () => 2;\n`,
      [TEST]: '',
    });
    const users = project.path('test/users.ts');
    const orders = project.path('test/orders.ts');
    const barrel = known(summaryOfSpecifier(project.context(TEST), './barrel'));
    // Found in the second module: both texts have been looked at.
    expect(barrel.exports.has('createUser')).toBe(true);
    const reads = vi.spyOn(fs, 'readFileSync');
    for (const name of ['cancelOrder', 'refundOrder', 'shipOrder', 'archiveOrder']) expect(barrel.exports.has(name)).toBe(false);
    // Neither module holds those names, and neither text is read again to tell.
    expect(reads.mock.calls.filter(([file]) => file === users || file === orders)).toHaveLength(0);
    reads.mockRestore();
    project.write('test/users.ts', `export const createUser = () => 2;\nexport const shipOrder = () => 3;\n`);
    aWhileLater();
    expect(known(summaryOfSpecifier(project.context(TEST), './barrel')).exports.has('shipOrder')).toBe(true);
  });

  it('sees an edit two modules down, through what another summary already read', () => {
    project = writeProject({
      'src/inner.ts': `export const x = 1;\n`,
      'src/middle.ts': `import './inner';\nexport const y = 1;\n`,
      'test/helper.ts': `import '../src/middle';\nexport const z = 1;\n`,
      'test/other.ts': `import '../src/middle';\nexport const w = 1;\n`,
      [TEST]: '',
    });
    // The middle module is read first on its own, so the helper's answer builds on that one.
    expect(known(summaryOfSpecifier(project.context(TEST), '../src/middle')).boundaryKinds).toEqual([]);
    expect(known(summaryOfSpecifier(project.context(TEST), './helper')).boundaryKinds).toEqual([]);
    project.write('src/inner.ts', `import { MongoClient } from 'mongodb';\nexport const x = new MongoClient('');\n`);
    aWhileLater();
    expect(known(summaryOfSpecifier(project.context(TEST), './helper')).boundaryKinds).toEqual(['database']);
    expect(known(summaryOfSpecifier(project.context(TEST), './other')).boundaryKinds).toEqual(['database']);
    expect(known(summaryOfSpecifier(project.context(TEST), '../src/middle')).boundaryKinds).toEqual(['database']);
  });

  it('looks at the disk again only once the stamps it read have been trusted for a while, or are forgotten', () => {
    project = writeProject({
      'test/helper.ts': `export const x = 1;\n`,
      [TEST]: '',
    });
    expect(known(summaryOfSpecifier(project.context(TEST), './helper')).boundaryKinds).toEqual([]);
    project.write('test/helper.ts', `import 'ioredis';\nexport const x = 1;\n`);
    // The next file linted at once is answered from the stamps read a moment ago.
    expect(known(summaryOfSpecifier(project.context(TEST), './helper')).boundaryKinds).toEqual([]);
    // A command that has just written files forgets them, and the next lint reads the disk.
    forgetStamps();
    expect(known(summaryOfSpecifier(project.context(TEST), './helper')).boundaryKinds).toEqual(['cache']);
  });

  it('scans each module of a graph whose modules all import each other a bounded number of times', () => {
    // Ten modules that each import the other nine, and one of them the database driver: every path
    // through the graph, down to the depth limit, would be tens of millions of scans.
    const names = Array.from({ length: 10 }, (_, index) => `m${index}`);
    const files: Record<string, string> = { [TEST]: '' };
    for (const name of names) {
      const imports = names.filter((other) => other !== name).map((other) => `import './${other}';`);
      if (name === 'm9') imports.push(`import { Pool } from 'pg';`);
      files[`src/graph/${name}.ts`] = `${imports.join('\n')}\nexport const ${name} = 1;\n`;
    }
    project = writeProject(files);
    const summary = known(summaryOfSpecifier(project.context(TEST), '../src/graph/m0'));
    expect(summary.boundaryKinds).toEqual(['database']);
    // At most one scan per module and depth within one outermost scan (ten modules, seven depths),
    // and one outermost scan per summary built; following every path would take over 30,000.
    const stats = projectModuleStats();
    expect(stats.modulesScanned).toBeLessThanOrEqual(10 * 7 * stats.summariesBuilt);
  });

  it('reads the text of a module in a cycle once, however many summaries scan it again', () => {
    const names = ['a', 'b', 'c', 'd'];
    const files: Record<string, string> = { [TEST]: '' };
    for (const name of names) files[`src/ring/${name}.ts`] = `${names.filter((other) => other !== name).map((other) => `import './${other}';`).join('\n')}\nexport const ${name} = 1;\n`;
    project = writeProject(files);
    known(summaryOfSpecifier(project.context(TEST), '../src/ring/a'));
    const reads = vi.spyOn(fs, 'readFileSync');
    known(summaryOfSpecifier(project.context(TEST), '../src/ring/b'));
    // What the cycle cut short is worked out again for the new summary, from the texts already read:
    // only the module summarised is read, to be parsed.
    expect(reads.mock.calls.map(([file]) => file)).toEqual([project.path('src/ring/b.ts')]);
    reads.mockRestore();
  });

  it('builds a summary once and answers later lints from the cache', () => {
    project = writeProject({ 'test/helper.ts': `export const x = 1;\n`, [TEST]: '', 'test/other.test.ts': '' });
    summaryOfSpecifier(project.context(TEST), './helper');
    summaryOfSpecifier(project.context('test/other.test.ts'), './helper');
    summaryOfSpecifier(project.context('test/other.test.ts'), './helper');
    const stats = projectModuleStats();
    expect(stats.summariesBuilt).toBe(1);
    expect(stats.summaryHits).toBe(2);
  });
});

describe('a helper that sends requests to the app it is given', () => {
  it('lists the parameters it only hands to a test client, and no other', () => {
    project = writeProject({
      'package.json': '{ "name": "auth-kit" }',
      'test/helpers.js': [
        "const request = require('supertest');",
        '',
        'exports.signUp = async (app, email) => (await request(app).post("/auth/signup").send({ app: email })).body;',
        'exports.signIn = function (email, app) {',
        '  return request(app).post("/auth/signin").send({ email });',
        '};',
        'exports.mountAndSend = (app) => {',
        '  app.use(() => {});',
        '  return request(app).get("/");',
        '};',
        'exports.keepsIt = (app) => ({ app, client: request(app) });',
        '',
      ].join('\n'),
      [TEST]: '',
    });
    const context = project.context(TEST);
    const sendsWith = (name: string) => {
      const exported = exportOfSpecifier(context, './helpers', name);
      if (exported === null || exported === 'unknown') throw new Error(`expected ${name}`);
      return exported.sendsWith;
    };
    expect(sendsWith('signUp')).toEqual([0]);
    expect(sendsWith('signIn')).toEqual([1]);
    expect(sendsWith('mountAndSend')).toBeUndefined();
    expect(sendsWith('keepsIt')).toBeUndefined();
  });
});
