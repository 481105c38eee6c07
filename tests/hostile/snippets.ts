/**
 * Test files written the way real suites sometimes are: odd syntax, odd structure, odd size.
 * Every rule must lint each of them as an integration and a unit file without throwing, and every
 * edit it offers must parse, keep comments and converge. The 10,000-line file is built by
 * `largeFile` and checked on its own, since parsing it takes seconds.
 */
import type { Program } from '../fuzz/program';

export interface HostileSnippet {
  readonly name: string;
  readonly code: string;
  readonly extension: string;
  readonly sourceType?: 'module' | 'commonjs';
}

function lines(...text: string[]): string {
  return text.join('\n') + '\n';
}

/** A suite of `depth` nested describes with a hook and a test at the bottom. */
export function nestedDescribes(depth: number): string {
  let code = `import { Pool } from 'pg';\nlet pool: Pool;\n`;
  for (let level = 0; level < depth; level++) code += `${'  '.repeat(level)}describe('level ${level}', () => {\n`;
  const inner = '  '.repeat(depth);
  code += `${inner}beforeEach(async () => { pool = new Pool(); await pool.query('INSERT INTO users DEFAULT VALUES'); });\n`;
  code += `${inner}it('reaches the bottom', async () => { await pool.query('SELECT 1'); });\n`;
  for (let level = depth - 1; level >= 0; level--) code += `${'  '.repeat(level)}});\n`;
  return code;
}

/** About `lineCount` lines of ordinary tests, with the anti-patterns spread through them. */
export function largeFile(lineCount: number): string {
  const out: string[] = [
    `import { Pool } from 'pg';`,
    `import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';`,
    `import { UserRepository } from '../../src/repositories/user-repository';`,
    `vi.mock('pg');`,
    `let pool: Pool;`,
    `const fixtures = [{ email: 'ada@example.com' }];`,
  ];
  let block = 0;
  while (out.length < lineCount) {
    out.push(
      `describe('block ${block}', () => {`,
      `  let repository: UserRepository;`,
      `  beforeAll(async () => {`,
      `    pool = new Pool(); // shared`,
      `    await pool.query('INSERT INTO users (email) VALUES ($1)', ['user${block}@example.com']);`,
      `  });`,
      `  beforeEach(() => { repository = new UserRepository(pool); });`,
      ...Array.from({ length: 8 }, (_, index) => [
        `  it('case ${block}.${index}', async () => {`,
        `    const found = await repository.findByEmail('user${block}@example.com');`,
        `    fixtures.push({ email: 'x${index}@example.com' });`,
        `    expect(found).toBeDefined();`,
        `  });`,
      ]).flat(),
      `  afterAll(() => pool.end());`,
      `});`,
    );
    block++;
  }
  return out.join('\n') + '\n';
}

export const HOSTILE_SNIPPETS: readonly HostileSnippet[] = [
  {
    name: 'computed members',
    extension: '.ts',
    code: lines(
      `import { Pool } from 'pg';`,
      `jest['mock']('pg');`,
      `jest[\`mock\`]('axios', () => ({ default: { get: jest['fn']() } }));`,
      `const method = 'spyOn';`,
      `describe['each']([[1], [2]])('row %i', (n) => {`,
      `  let pool: Pool;`,
      `  beforeAll(() => { pool = new Pool(); });`,
      `  it['concurrent']('runs', async () => { jest[method](pool, 'query'); jest['spyOn'](pool, 'connect')['mockResolvedValue'](undefined as never); });`,
      `  afterAll(() => pool['end']());`,
      `});`,
    ),
  },
  {
    name: 'optional chaining',
    extension: '.ts',
    code: lines(
      `import { Pool } from 'pg';`,
      `import { vi, describe, it, beforeAll, afterAll } from 'vitest';`,
      `vi?.mock('pg');`,
      `let pool: Pool | undefined;`,
      `describe('optional', () => {`,
      `  beforeAll(async () => { pool = new Pool(); await pool?.query?.('INSERT INTO users DEFAULT VALUES'); });`,
      `  it('spies', async () => { vi.spyOn?.(pool!, 'query')?.mockResolvedValue?.({ rows: [] } as never); await globalThis.fetch?.('https://api.example.com/x'); });`,
      `  afterAll(async () => { await pool?.end(); });`,
      `});`,
    ),
  },
  {
    name: 'satisfies, decorators, enums, namespaces and other TypeScript',
    extension: '.ts',
    code: lines(
      `import type { PrismaClient } from '@prisma/client';`,
      `import pg = require('pg');`,
      `import { mockDeep } from 'jest-mock-extended';`,
      `enum Role { Admin = 'admin', Member = 'member' }`,
      `const enum Flag { On = 1 }`,
      `declare const injected: PrismaClient;`,
      `namespace Fixtures { export const admin = { role: Role.Admin } as const; }`,
      `declare module 'pg' { interface Pool { tag?: string } }`,
      `function Injectable(): ClassDecorator { return () => {}; }`,
      `@Injectable()`,
      `class FakeRepository {`,
      `  @Reflect.metadata('key', 'value') accessor saved = 0;`,
      `  constructor(private readonly pool: pg.Pool) {}`,
      `  save<T extends object>(row: T): T { return row; }`,
      `}`,
      `const config = { url: process.env.DATABASE_URL ?? '' } satisfies { url: string };`,
      `const prisma = mockDeep<PrismaClient>();`,
      `let pool!: pg.Pool;`,
      `describe('typescript', () => {`,
      `  beforeAll(async () => { pool = new pg.Pool(config); await (pool as pg.Pool).query<{ id: number }>('INSERT INTO users DEFAULT VALUES'); });`,
      `  it('uses everything', async () => {`,
      `    await using handle = { [Symbol.asyncDispose]: async () => {} };`,
      `    const repository = new FakeRepository(pool);`,
      `    expect(repository.save(Fixtures.admin)).toBe(Fixtures.admin);`,
      `    expect(Flag.On).toBe(1);`,
      `    jest.mocked(prisma.user.create).mockResolvedValue({} as never);`,
      `    void handle; void injected;`,
      `  });`,
      `  afterAll(() => pool.end());`,
      `});`,
    ),
  },
  {
    name: 'JSX in a .tsx test',
    extension: '.tsx',
    code: lines(
      `import { render, screen } from '@testing-library/react';`,
      `import axios from 'axios';`,
      `import { UserCard } from '../../src/components/user-card';`,
      `jest.mock('axios');`,
      `describe('<UserCard />', () => {`,
      `  beforeEach(() => { jest.spyOn(axios, 'get').mockResolvedValue({ data: { name: 'Ada' } }); });`,
      `  it('renders', async () => {`,
      `    render(<UserCard id={1} onSave={async () => { await axios.post('https://api.example.com/users', {}); }}>{/* children */}<span>Ada</span></UserCard>);`,
      `    expect(await screen.findByText('Ada')).toBeTruthy();`,
      `  });`,
      `});`,
    ),
  },
  {
    name: 'CommonJS and dynamic import()',
    extension: '.cjs',
    sourceType: 'commonjs',
    code: lines(
      `'use strict';`,
      `const { Pool } = require('pg');`,
      `const redis = require('ioredis');`,
      `const sinon = require('sinon');`,
      `const { expect } = require('chai');`,
      `const proxyquire = require('proxyquire');`,
      `jest.mock('pg');`,
      `const app = proxyquire('../../src/app', { pg: { Pool: sinon.stub() } });`,
      `describe('commonjs', function () {`,
      `  let pool;`,
      `  before(async function () {`,
      `    this.timeout(10000);`,
      `    const pg = await import('pg');`,
      `    pool = new pg.Pool();`,
      `    await pool.query('INSERT INTO users DEFAULT VALUES');`,
      `  });`,
      `  it('loads lazily', async () => {`,
      `    const { default: Redis } = await import('ioredis');`,
      `    const client = new Redis();`,
      `    await client.set('k', 'v');`,
      `    import('axios').then((axios) => axios.default.get('https://example.org/'));`,
      `    sinon.stub(require('pg').Pool.prototype, 'query').resolves({ rows: [] });`,
      `    expect(app).to.exist;`,
      `    void redis;`,
      `  });`,
      `  after(() => pool.end());`,
      `});`,
      `module.exports = { pool: () => require('pg') };`,
    ),
  },
  {
    name: 'shadowed framework names',
    extension: '.ts',
    code: lines(
      `import { Pool } from 'pg';`,
      `import { describe as feature } from './dsl';`,
      `function jestLike() { const jest = { mock: (name: string) => name, spyOn: () => undefined }; jest.mock('pg'); jest.spyOn(); }`,
      `const vi = { mock(name: string) { return name; }, stubGlobal() {} };`,
      `vi.mock('pg');`,
      `vi.stubGlobal('fetch', () => undefined);`,
      `feature('not a suite', () => {`,
      `  const beforeAll = (fn: () => unknown) => fn();`,
      `  let pool: Pool;`,
      `  beforeAll(() => { pool = new Pool(); return pool.query('INSERT INTO users DEFAULT VALUES'); });`,
      `  const it = (title: string, fn: () => unknown) => fn();`,
      `  it('is a local function', () => pool.query('DELETE FROM users'));`,
      `});`,
      `export function describe(title: string, body: () => void) { body(); }`,
      `describe('local describe', () => { jestLike(); });`,
    ),
  },
  {
    name: 're-exported helpers',
    extension: '.ts',
    code: lines(
      `import { Pool } from 'pg';`,
      `export { createUser, buildOrder as makeOrder } from '../factories';`,
      `export * from '../support/database';`,
      `export * as nock from 'nock';`,
      `export const pool = new Pool();`,
      `export async function seedUsers() { await pool.query('INSERT INTO users DEFAULT VALUES'); }`,
      `export default async function truncate() { await pool.query('TRUNCATE users'); }`,
      `export const mockPool = () => jest.mock('pg');`,
    ),
  },
  { name: 'an empty file', extension: '.ts', code: '' },
  { name: 'only comments', extension: '.ts', code: lines('// integration tests live here soon', '/* jest.mock("pg") */', '/** @jest-environment node */') },
  {
    name: 'a test file with no tests',
    extension: '.ts',
    code: lines(
      `import { Pool } from 'pg';`,
      `import nock from 'nock';`,
      `jest.mock('axios');`,
      `let pool: Pool;`,
      `beforeAll(() => { pool = new Pool(); nock.disableNetConnect(); });`,
      `afterAll(() => pool.end());`,
      `describe('pending', () => {});`,
      `it.todo('writes users');`,
    ),
  },
  { name: '50 nested describes', extension: '.ts', code: nestedDescribes(50) },
  {
    name: 'describe.each and test.each tables',
    extension: '.ts',
    code: lines(
      `import { Pool } from 'pg';`,
      `import { describe, test, it, beforeAll, afterEach, expect } from 'vitest';`,
      `let pool: Pool;`,
      'describe.each`',
      '  table       | column',
      `  \${'users'}  | \${'email'}`,
      `  \${'orders'} | \${'total'}`,
      "`('$table', ({ table, column }) => {",
      `  beforeAll(async () => { pool = new Pool(); await pool.query(\`INSERT INTO \${table} DEFAULT VALUES\`); });`,
      `  afterEach(() => pool.query(\`DELETE FROM \${table}\`));`,
      `  test.each([[1, 2], [3, 4]])('adds %i', async (a, b) => { expect(a + b).toBeGreaterThan(0); void column; });`,
      `  it.each([{ email: 'a@b.c' }])('saves $email', async ({ email }) => { await pool.query('INSERT INTO users (email) VALUES ($1)', [email]); });`,
      `  describe.skip.each([1])('skipped %i', () => { it.only.each([1])('x', () => {}); });`,
      `  test.for([1, 2])('for %i', (n) => { expect(n).toBeTruthy(); });`,
      `});`,
    ),
  },
  {
    name: 'unicode identifiers and escapes',
    extension: '.ts',
    code: lines(
      `import { Pool as Bassin } from 'pg';`,
      `import { describe, it, beforeAll, vi } from 'vitest';`,
      `vi.\\u006dock('pg');`,
      `vi['\\u006dock']('ioredis');`,
      `let ユーザー: Bassin;`,
      `const données = [{ nom: 'Ada' }];`,
      `describe('日本語のテスト 🚀', () => {`,
      `  beforeAll(async () => { ユーザー = new Bassin(); await ユーザー.query('INSERT INTO users DEFAULT VALUES'); });`,
      `  it('ça marche ✓', async () => { données.push({ nom: 'Grace' }); const \\u{1D4B6} = 1; await ユーザー.query('SELECT 1'); void \\u{1D4B6}; });`,
      `});`,
    ),
  },
  {
    name: 'odd callees and arguments',
    extension: '.ts',
    code: lines(
      `import { Pool } from 'pg';`,
      `const name = 'pg';`,
      `(0, jest.mock)('pg');`,
      `jest.mock.call(null, 'pg');`,
      `jest.mock(...['pg']);`,
      `jest.mock();`,
      `jest.mock(42 as never);`,
      `jest.mock(\`\${name}\`);`,
      `jest.mock(name);`,
      `jest.spyOn();`,
      `jest.spyOn(Pool.prototype);`,
      `beforeAll();`,
      `beforeAll(setup);`,
      `afterAll(done => done());`,
      `beforeEach(async function named() { await new Pool().query('INSERT INTO users DEFAULT VALUES'); });`,
      `describe();`,
      `describe('no body');`,
      `it('no body');`,
      `it(async () => {});`,
      `describe('sequence', () => { beforeAll(() => (globalThis.pool = new Pool(), globalThis.pool.query('INSERT INTO t DEFAULT VALUES'))); });`,
      `function setup() { return new Pool(); }`,
    ),
  },
  {
    name: 'sloppy-mode script',
    extension: '.js',
    sourceType: 'commonjs',
    code: lines(
      `var pg = require('pg');`,
      `var options = { max: 010 };`,
      `with (pg) { jest.mock('pg'); }`,
      `describe('sloppy', function () {`,
      `  var pool;`,
      `  before(function (done) { pool = new pg.Pool(options); if (true) { function helper() { return arguments.length; } helper(); } done(); });`,
      `  it('delete is fine here', function () { delete options.max; });`,
      `  after(function () { return pool.end(); });`,
      `});`,
    ),
  },
  {
    name: 'Vitest fixtures, node:test contexts and Mocha this',
    extension: '.mts',
    code: lines(
      `import { test as base, expect } from 'vitest';`,
      `import { mock, describe as suite, it as check } from 'node:test';`,
      `import { Kysely } from 'kysely';`,
      `const test = base.extend<{ db: Kysely<object> }>({`,
      `  db: async ({}, use) => { const db = new Kysely<object>({} as never); await use(db); await db.destroy(); },`,
      `});`,
      `test('inserts in a transaction', async ({ db }) => { await db.insertInto('users' as never).values({} as never).execute(); expect(db).toBeDefined(); });`,
      `suite('node test', () => {`,
      `  check('mocks through the context', (t) => { t.mock.method(console, 'log'); mock.method(Kysely.prototype, 'destroy', async () => {}); });`,
      `});`,
    ),
  },
  {
    name: 'a byte order mark and CRLF line endings',
    extension: '.ts',
    code: '\uFEFF' + [`import { Pool } from 'pg';`, `jest.mock('pg'); // mocked`, `let pool: Pool;`, `beforeAll(() => { pool = new Pool(); });`, `it('x', () => pool.query('SELECT 1'));`, ''].join('\r\n'),
  },
];

export function asProgram(snippet: HostileSnippet): Program {
  return {
    code: snippet.code,
    extension: snippet.extension,
    sourceType: snippet.sourceType ?? 'module',
    origin: { generator: 'table', seed: 0 },
  };
}
