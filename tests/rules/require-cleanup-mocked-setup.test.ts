/**
 * `require-cleanup` on projects on disk whose database module is mocked away: in a runner setup
 * file, or in the test file through the package or project module behind a wrapper. Writes through a
 * mocked module never reach a database, so there is nothing to clean up.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-cleanup';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'require-cleanup-mocked-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A database module of the project: a pool it hands out. */
const DB_TS = "import { Pool } from 'pg';\n\nexport const db = new Pool({ connectionString: process.env.DATABASE_URL });\n";
const DB_JS = "const { Pool } = require('pg');\n\nmodule.exports = { db: new Pool({ connectionString: process.env.DATABASE_URL }) };\n";
/** The project's entry module, handing the database module on with a logger. */
const INDEX_TS = "export { db } from './db';\nexport { log } from './log';\n";
const LOG_TS = 'export function log(line: string) {\n  process.stdout.write(`${line}\\n`);\n}\n';

const POOL_TEST = `import { describe, expect, it } from 'vitest';
import { db } from '../../src/db';

describe('orders', () => {
  it('stores an order', async () => {
    await db.query('INSERT INTO orders (total) VALUES (5)');
    expect(true).toBe(true);
  });
});
`;

const BARREL_TEST = `import { expect, it } from 'vitest';
import { db, log } from '../../src';

it('adds an order through the entry module', async () => {
  log('adding');
  await db.query('INSERT INTO orders (total) VALUES (12)');
  expect(db).toBeDefined();
});
`;

const POOL_REPORT =
  '`db.query()` writes to the database, and this file registers no cleanup that removes it. Roll back, truncate or delete after each test, so every test starts from a known state.';

const VITEST_SETUP = "export default { test: { setupFiles: ['./tests/setup.ts'] } };";

/** Lints `code` as the test file `testFile` of a project made of `files`, and returns the rule's messages. */
function lint(name: string, files: Record<string, string>, code: string, testFile = 'tests/integration/orders.test.ts'): string[] {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries({ 'package.json': '{ "name": "shop" }', [testFile]: code, ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const linter = new Linter({ cwd: dir });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.js'],
      languageOptions: testFile.endsWith('.ts') ? { parser: tsParser as unknown as Linter.Parser } : { ecmaVersion: 'latest', sourceType: 'commonjs' },
      plugins: { cleanup: { rules: { 'require-cleanup': rule as unknown as Rule.RuleModule } } },
      rules: { 'cleanup/require-cleanup': 'error' },
    },
  ];
  return linter.verify(code, config, path.join(dir, testFile)).map((message) => message.message);
}

describe('require-cleanup when the database module is mocked away', () => {
  it('Vitest: stays silent when a setup file mocks the project module the test writes through', () => {
    const files = { 'vitest.config.ts': VITEST_SETUP, 'src/db.ts': DB_TS, 'tests/setup.ts': "import { vi } from 'vitest';\n\nvi.mock('../src/db');\n" };
    expect(lint('vitest-mocks-wrapper', files, POOL_TEST)).toEqual([]);
  });

  it('Vitest: stays silent when a setup file mocks the driver package behind the project module', () => {
    const files = { 'vitest.config.ts': VITEST_SETUP, 'src/db.ts': DB_TS, 'tests/setup.ts': "import { vi } from 'vitest';\n\nvi.mock('pg', () => ({ Pool: vi.fn() }));\n" };
    expect(lint('vitest-mocks-driver', files, POOL_TEST)).toEqual([]);
  });

  it('Vitest: stays silent when a setup file mocks the module that wraps the client, and the test reaches it through the entry module', () => {
    const files = {
      'vitest.config.ts': VITEST_SETUP,
      'src/db.ts': DB_TS,
      'src/log.ts': LOG_TS,
      'src/index.ts': INDEX_TS,
      'tests/setup.ts': "import { vi } from 'vitest';\n\nvi.mock('../src/db');\n",
    };
    expect(lint('vitest-mocks-under-repository', files, BARREL_TEST)).toEqual([]);
  });

  it('Vitest: still reports when the setup file mocks a module of the entry module that hands out no database client', () => {
    const files = {
      'vitest.config.ts': VITEST_SETUP,
      'src/db.ts': DB_TS,
      'src/log.ts': LOG_TS,
      'src/index.ts': INDEX_TS,
      'tests/setup.ts': "import { vi } from 'vitest';\n\nvi.mock('../src/log');\n",
    };
    expect(lint('vitest-mocks-logger', files, BARREL_TEST)).toEqual([POOL_REPORT]);
  });

  it('Vitest: still reports when the setup file mocks a client of another kind', () => {
    const files = { 'vitest.config.ts': VITEST_SETUP, 'src/db.ts': DB_TS, 'tests/setup.ts': "import { vi } from 'vitest';\n\nvi.mock('ioredis');\n" };
    expect(lint('vitest-mocks-cache', files, POOL_TEST)).toEqual([POOL_REPORT]);
  });

  it('Vitest: still reports when the setup file only spies on the module (`{ spy: true }` keeps the real one)', () => {
    const files = { 'vitest.config.ts': VITEST_SETUP, 'src/db.ts': DB_TS, 'tests/setup.ts': "import { vi } from 'vitest';\n\nvi.mock('../src/db', { spy: true });\n" };
    expect(lint('vitest-spies', files, POOL_TEST)).toEqual([POOL_REPORT]);
  });

  it('Vitest: still reports when the mock is inside a hook of the setup file rather than at its top level', () => {
    const files = {
      'vitest.config.ts': VITEST_SETUP,
      'src/db.ts': DB_TS,
      'tests/setup.ts': "import { beforeAll, vi } from 'vitest';\n\nbeforeAll(() => {\n  vi.doMock('../src/db');\n});\n",
    };
    expect(lint('vitest-mock-in-hook', files, POOL_TEST)).toEqual([POOL_REPORT]);
  });

  it('Jest (JavaScript): stays silent when `setupFilesAfterEnv` mocks the driver behind the required module', () => {
    const test = `const { db } = require('../../src/db');

describe('orders', () => {
  test('stores an order', async () => {
    await db.query('INSERT INTO orders (total) VALUES (5)');
  });
});
`;
    const files = {
      'jest.config.js': "module.exports = { setupFilesAfterEnv: ['<rootDir>/tests/setup.js'] };",
      'src/db.js': DB_JS,
      'tests/setup.js': "jest.mock('pg');\n",
    };
    expect(lint('jest-mocks-driver', files, test, 'tests/integration/orders.test.js')).toEqual([]);
  });

  it('Jest (JavaScript): still reports when no setup file mocks anything', () => {
    const test = `const { db } = require('../../src/db');

test('stores an order', async () => {
  await db.query('INSERT INTO orders (total) VALUES (5)');
});
`;
    const files = { 'jest.config.js': "module.exports = { testEnvironment: 'node' };", 'src/db.js': DB_JS };
    expect(lint('jest-no-mock', files, test, 'tests/integration/orders.test.js')).toEqual([POOL_REPORT]);
  });

  it('node:test: reports the same test when nothing is mocked', () => {
    const test = `import { test } from 'node:test';

const { db } = await import('../../src/db');

test('stores an order', async () => {
  await db.query('INSERT INTO orders (total) VALUES (5)');
});
`;
    expect(lint('node-test-no-mock', { 'src/db.ts': DB_TS }, test)).toEqual([POOL_REPORT]);
  });

  it('node:test: stays silent when the test file mocks the driver behind the project module', () => {
    const test = `import { mock, test } from 'node:test';

mock.module('pg', { namedExports: { Pool: class {} } });
const { db } = await import('../../src/db');

test('stores an order', async () => {
  await db.query('INSERT INTO orders (total) VALUES (5)');
});
`;
    expect(lint('node-test-mocks-driver', { 'src/db.ts': DB_TS }, test)).toEqual([]);
  });

  it('Mocha: still reports when the required setup file stubs methods but mocks no module', () => {
    const test = `const { expect } = require('chai');
const { db } = require('../../src/db');

describe('orders', () => {
  it('stores an order', async () => {
    await db.query('INSERT INTO orders (total) VALUES (5)');
    expect(true).to.equal(true);
  });
});
`;
    const files = {
      '.mocharc.json': JSON.stringify({ require: ['./tests/setup.js'] }),
      'src/db.js': DB_JS,
      'tests/setup.js': "const sinon = require('sinon');\n\nexports.mochaHooks = { afterEach() { sinon.restore(); } };\n",
    };
    expect(lint('mocha-sinon', files, test, 'tests/integration/orders.test.js')).toEqual([POOL_REPORT]);
  });
});
