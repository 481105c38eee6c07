import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../../src/index';
import type * as sourceModules from '../../src/estree/project-modules';
import { clearProjectModules } from '../../src/estree/project-modules';
import { writeProject, type Project } from './project';

let project: Project | undefined;

beforeEach(() => clearProjectModules());
afterEach(() => {
  project?.remove();
  project = undefined;
});

/** The messages of one rule on a file of the project, linted from the project's root. */
function lint(file: string, code: string, rule: string): string[] {
  if (!project) throw new Error('no project');
  const linter = new Linter({ cwd: project.root });
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as Linter.Parser },
          plugins: { 'integration-tests': plugin },
          rules: { [`integration-tests/${rule}`]: 'error' },
        },
      ],
      project.path(file),
    )
    .map((message) => `${message.line}: ${message.message}`);
}

/** A monorepo of a query builder whose tests import its own packages by name, without node_modules. */
function queryBuilderRepository(): Project {
  return writeProject({
    'package.json': JSON.stringify({ name: 'builder-root', private: true, workspaces: ['packages/*'] }),
    'packages/kysely/package.json': JSON.stringify({ name: 'kysely', main: 'dist/index.js' }),
    'packages/kysely/src/index.ts': `export class FileHelper {\n  static exists(path: string) { return path.length > 0; }\n}\n`,
  });
}

const STUBS_OWN_CODE = [
  `import { vi, test, expect } from 'vitest';`,
  `import { Kysely } from 'kysely';`,
  `import { loadSettings } from '../src/settings';`,
  `test('reads the config', async () => {`,
  `  vi.spyOn(Kysely.prototype, 'executeQuery').mockResolvedValue({ rows: [] });`,
  `  await expect(loadSettings()).resolves.toEqual({});`,
  `});`,
].join('\n');

describe("the repository's own packages", () => {
  it('are the code under test: stubbing a workspace package is not mocking a boundary', () => {
    project = queryBuilderRepository();
    // The same package name is a database client in the catalog for every other repository.
    expect(lint('packages/kysely/test/config.test.ts', STUBS_OWN_CODE, 'no-boundary-mock')).toEqual([]);
  });

  it('are the code under test when reached through a paths alias to the sources', () => {
    project = writeProject({
      'package.json': JSON.stringify({ name: 'drizzle-orm' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { 'drizzle-orm/*': ['./src/*'] } } }),
      'src/migrator.ts': `export const migrator = { plan: () => [] as string[] };\n`,
    });
    const code = [
      `import { vi, test } from 'vitest';`,
      `import { migrator } from 'drizzle-orm/migrator';`,
      `test('plans nothing', () => {`,
      `  vi.spyOn(migrator, 'plan').mockReturnValue([]);`,
      `});`,
    ].join('\n');
    expect(lint('tests/migrator.test.ts', code, 'no-boundary-mock')).toEqual([]);
  });

  it('are boundaries for a project that only depends on them', () => {
    project = writeProject({ 'package.json': JSON.stringify({ name: 'shop', dependencies: { kysely: '1.0.0' } }) });
    expect(lint('tests/config.test.ts', STUBS_OWN_CODE, 'no-boundary-mock')).toHaveLength(1);
  });
});

describe('the built plugin', () => {
  it('summarises a project module through the CommonJS build', () => {
    const built = createRequire(__filename)(path.resolve(__dirname, '../../dist/estree/project-modules.js')) as typeof sourceModules;
    project = writeProject({
      'test/helpers.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\nexport * from './more';\n`,
      'test/more.ts': `import { pool } from './helpers';\nafterEach(() => truncateAll());\nexport async function truncateAll() {\n  await pool.query('TRUNCATE orders');\n}\n`,
      'test/a.test.ts': '',
    });
    built.clearProjectModules();
    const context = { filename: project.path('test/a.test.ts'), cwd: project.root, settings: {} } as Parameters<typeof built.summaryOfSpecifier>[0];
    const summary = built.summaryOfSpecifier(context, './helpers');
    expect(summary).not.toBe('unknown');
    expect(summary === 'unknown' || summary === null ? null : summary.exports.get('pool')?.value).toEqual({ type: 'boundary-client', kind: 'database' });
    expect(built.summaryOfSpecifier(context, './more')).toMatchObject({ hooksOnImport: [{ kind: 'afterEach', effects: ['truncate'] }] });
  });
});

describe('one-boundary-per-file through project modules', () => {
  it('counts the clients a file takes from project modules, not everything those modules reach', () => {
    project = writeProject({
      'package.json': JSON.stringify({ name: 'shop' }),
      'src/db.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\n`,
      'src/cache.ts': `import { Redis } from 'ioredis';\nexport const redis = new Redis();\nexport const keyOf = (id: string) => 'order:' + id;\n`,
    });
    const takesBoth = [
      `import { test, expect } from 'vitest';`,
      `import { pool } from '../src/db';`,
      `import { redis } from '../src/cache';`,
      `test('caches the order row', async () => {`,
      `  await pool.query('select 1');`,
      `  expect(await redis.get('order:1')).toBeNull();`,
      `});`,
    ].join('\n');
    expect(lint('tests/orders.test.ts', takesBoth, 'one-boundary-per-file')).toHaveLength(1);
    // A key-building helper of the cache module is not the cache client.
    const takesAHelper = takesBoth.replace(`import { redis } from '../src/cache';`, `import { keyOf } from '../src/cache';`).replace(`expect(await redis.get('order:1')).toBeNull();`, `expect(keyOf('1')).toBe('order:1');`);
    expect(lint('tests/orders.test.ts', takesAHelper, 'one-boundary-per-file')).toEqual([]);
  });

  it('does not count an adapter every use of which is stubbed', () => {
    project = writeProject({
      'package.json': JSON.stringify({ name: 'shop' }),
      'src/db.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\n`,
      'src/files.ts': `import { S3Client } from '@aws-sdk/client-s3';\nexport const files = new S3Client({});\n`,
    });
    const code = [
      `import { test, expect, vi } from 'vitest';`,
      `import { pool } from '../src/db';`,
      `import { files } from '../src/files';`,
      `test('stores the invoice row, with the upload stubbed', async () => {`,
      `  vi.spyOn(files, 'send').mockResolvedValue({});`,
      `  await pool.query('select 1');`,
      `  expect(true).toBe(true);`,
      `});`,
    ].join('\n');
    expect(lint('tests/invoices.test.ts', code, 'one-boundary-per-file')).toEqual([]);
    // Used for real as well, it counts.
    const usedToo = code.replace(`  expect(true).toBe(true);`, `  expect(await files.send({})).toEqual({});`);
    expect(lint('tests/invoices.test.ts', usedToo, 'one-boundary-per-file')).toHaveLength(1);
  });

  it('does not count a client imported from a project module and never read', () => {
    project = writeProject({
      'package.json': JSON.stringify({ name: 'shop' }),
      'src/db.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\n`,
      'src/cache.ts': `import { Redis } from 'ioredis';\nexport const redis = new Redis();\n`,
    });
    const code = [
      `import { test, expect } from 'vitest';`,
      `import { pool } from '../src/db';`,
      `import { redis } from '../src/cache';`,
      `test('stores the order row', async () => {`,
      `  const { rows } = await pool.query('select 1 as one');`,
      `  expect(rows).toHaveLength(1);`,
      `});`,
    ].join('\n');
    expect(lint('tests/orders.test.ts', code, 'one-boundary-per-file')).toEqual([]);
    // Read once, the cache client counts.
    const readsIt = code.replace(`  expect(rows).toHaveLength(1);`, `  expect(await redis.get('order:1')).toBeNull();`);
    expect(lint('tests/orders.test.ts', readsIt, 'one-boundary-per-file')).toHaveLength(1);
  });

  it('does not count a helper that sends HTTP requests, whose address its summary does not give', () => {
    project = writeProject({
      'package.json': JSON.stringify({ name: 'shop' }),
      'src/db.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\n`,
      'tests/api-client.ts': `import axios from 'axios';\nexport const api = axios.create({ baseURL: process.env.APP_URL });\n`,
    });
    const code = [
      `import { test, expect } from 'vitest';`,
      `import { pool } from '../src/db';`,
      `import { api } from './api-client';`,
      `test('lists the orders it stored', async () => {`,
      `  await pool.query('select 1');`,
      `  expect((await api.get('/orders')).status).toBe(200);`,
      `});`,
    ].join('\n');
    expect(lint('tests/orders.test.ts', code, 'one-boundary-per-file')).toEqual([]);
  });
});
