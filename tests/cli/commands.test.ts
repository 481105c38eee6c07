import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesUnder, fixtures, tempProject, type TempProject } from './helpers';

// The split and move commands on a small tea-shop suite: Vitest and TypeScript (checkout), Jest
// and ESM JavaScript (orders), Mocha and CommonJS (billing), node:test and .mjs (inventory).
// `suite-after` is the whole project after the writes below, read and checked line by line.

const SPLITS = ['tests/integration/checkout.test.ts', 'tests/integration/orders.test.js', 'tests/integration/billing.test.cjs', 'tests/integration/inventory.test.mjs'];
const after = filesUnder(path.join(fixtures, 'suite-after'));

const projects: TempProject[] = [];
function project(): TempProject {
  const created = tempProject();
  projects.push(created);
  return created;
}
afterEach(() => {
  for (const created of projects.splice(0)) created.remove();
});

interface LintMessage {
  ruleId: string | null;
  fatal?: boolean;
}

/** Lints files of a project with its own config, as the user's ESLint would. */
async function lint(dir: string, files: readonly string[]): Promise<Record<string, Array<string | null>>> {
  const { ESLint } = createRequire(path.join(dir, 'package.json'))('eslint') as { ESLint: new (options: object) => { lintFiles: (files: string[]) => Promise<Array<{ filePath: string; messages: LintMessage[] }>> } };
  const results = await new ESLint({ cwd: dir }).lintFiles([...files]);
  return Object.fromEntries(results.map((result) => [path.relative(dir, result.filePath).split(path.sep).join('/'), result.messages.map((message) => (message.fatal ? 'fatal' : message.ruleId))]));
}

function oneLine(text: string): void {
  expect(text.trim().split('\n')).toHaveLength(1);
}

describe('split', () => {
  it('prints a diff and a summary as a dry run, and changes nothing', async () => {
    const shop = project();
    const before = shop.files();
    const result = await shop.run('split', 'tests/integration/checkout.test.ts');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(shop.files()).toEqual(before);
    expect(result.stdout).toContain('--- /dev/null\n+++ b/tests/integration/checkout.database.test.ts\n');
    expect(result.stdout).toContain('--- a/tests/integration/checkout.test.ts\n+++ b/tests/integration/checkout.test.ts\n');
    expect(result.stdout).toContain(
      "tests/integration/checkout.test.ts: 2 tests → tests/integration/checkout.database.test.ts, 1 test → tests/integration/checkout.http.test.ts; 1 stays in tests/integration/checkout.test.ts: 'charges for a stored order' (line 47) exercises database and http.\n",
    );
    expect(result.stdout).toMatch(/Dry run: nothing was written\. Run again with --write to apply 3 file changes\.\n$/);
  });

  it('writes one file per boundary for every framework and module kind, each exactly as expected', async () => {
    const shop = project();
    const result = await shop.run('split', ...SPLITS, '--write');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).not.toContain('@@');
    expect(result.stdout).toContain('Wrote 12 file changes.');
    const written = shop.files();
    for (const file of Object.keys(written)) {
      if (!file.startsWith('tests/acceptance/') && !/signup|storefront|seed|customer/.test(file)) expect([file, written[file]]).toEqual([file, after[file]]);
    }
    for (const removed of ['tests/integration/orders.test.js', 'tests/integration/billing.test.cjs', 'tests/integration/inventory.test.mjs']) expect(written[removed]).toBeUndefined();
  });

  it('leaves files that lint clean under one-boundary-per-file, but for the test that exercises both', async () => {
    const shop = project();
    await shop.run('split', ...SPLITS, '--write');
    const created = Object.keys(shop.files()).filter((file) => /\.(database|http|cache|queue)\.test\./.test(file));
    expect(created).toHaveLength(8);
    const messages = await lint(shop.dir, [...created, 'tests/integration/checkout.test.ts']);
    for (const file of created) expect([file, messages[file]]).toEqual([file, []]);
    expect(messages['tests/integration/checkout.test.ts']).toEqual(['integration-tests/one-boundary-per-file']);
  });

  it('changes nothing on a second run', async () => {
    const shop = project();
    await shop.run('split', ...SPLITS, '--write');
    const once = shop.files();
    const created = Object.keys(once).filter((file) => /^tests\/integration\/(checkout|orders|billing|inventory)\./.test(file));
    const again = await shop.run('split', ...created, '--write', '--force');
    expect(again.code).toBe(0);
    expect(shop.files()).toEqual(once);
    expect(again.stdout).toContain("tests/integration/checkout.test.ts: nothing to split: every test stays ('charges for a stored order' (line 28) exercises database and http).");
    expect(again.stdout).toContain('tests/integration/orders.cache.test.js: one-boundary-per-file reports nothing; nothing to split.');
  });

  it('refuses, with the reason, to split tests that share suite-level state', async () => {
    const shop = project();
    const before = shop.files();
    const result = await shop.run('split', 'tests/integration/ledger.test.ts', '--write');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "tests/integration/ledger.test.ts: not split: test 'writes an entry' (line 12) sets `entryId` (declared at line 7), which test 'reports the entry to the auditor' (line 18) reads, and the two would land in different files.\nNothing was changed.\n",
    );
    expect(shop.files()).toEqual(before);
  });

  it('names the new files by --name', async () => {
    const shop = project();
    const result = await shop.run('split', 'tests/integration/billing.test.cjs', '--name', '{name}-{boundary}{ext}', '--write');
    expect(result.code).toBe(0);
    expect(Object.keys(shop.files()).filter((file) => file.startsWith('tests/integration/billing'))).toEqual([
      'tests/integration/billing-database.test.cjs',
      'tests/integration/billing-http.test.cjs',
    ]);
  });
});

describe('move', () => {
  it('moves a file into the acceptance folder and rewrites the three files that import it', async () => {
    const shop = project();
    const dry = await shop.run('move', 'tests/integration/signup.test.ts');
    expect([dry.code, dry.stderr]).toEqual([0, '']);
    expect(dry.stdout).toContain("-import { newCustomer } from '@tests/integration/signup.test';\n+import { newCustomer } from '@tests/acceptance/signup.test';\n");
    const result = await shop.run('move', 'tests/integration/signup.test.ts', '--write');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe(
      'tests/integration/signup.test.ts → tests/acceptance/signup.test.ts (1 call drives the app); imports updated in src/seed.ts, tests/integration/helpers/customers.ts, tests/unit/customer-shape.test.ts.\nWrote 5 file changes.\n',
    );
    for (const file of ['tests/acceptance/signup.test.ts', 'src/seed.ts', 'tests/integration/helpers/customers.ts', 'tests/unit/customer-shape.test.ts']) {
      expect([file, shop.read(file)]).toEqual([file, after[file]]);
    }
    expect(shop.files()['tests/integration/signup.test.ts']).toBeUndefined();
    expect(await lint(shop.dir, ['tests/acceptance/signup.test.ts'])).toEqual({ 'tests/acceptance/signup.test.ts': [] });

    const once = shop.files();
    const again = await shop.run('move', 'tests/acceptance/signup.test.ts', '--write');
    expect(again.stdout).toBe('tests/acceptance/signup.test.ts is already in the acceptance layer; nothing to move.\n');
    expect(again.code).toBe(0);
    expect(shop.files()).toEqual(once);
  });

  it('rewrites the moved file’s own imports when --to puts it deeper', async () => {
    const shop = project();
    const result = await shop.run('move', 'tests/integration/signup.test.ts', '--to', 'tests/acceptance/api', '--write');
    expect(result.code).toBe(0);
    expect(shop.read('tests/acceptance/api/signup.test.ts')).toContain("import { buildApp } from '../../../src/app';");
    expect(shop.read('tests/acceptance/api/signup.test.ts')).toContain("vi.mock('../../../src/mailer', () => ({ sendWelcome: vi.fn() }));");
    expect(shop.read('tests/unit/customer-shape.test.ts')).toContain("import { newCustomer } from '../acceptance/api/signup.test';");
    expect(shop.read('src/seed.ts')).toContain("import { newCustomer } from '@tests/acceptance/api/signup.test';");
  });

  it('moves a CommonJS file and rewrites the require calls that load it', async () => {
    const shop = project();
    const result = await shop.run('move', 'tests/integration/health.test.cjs', '--to', 'tests/acceptance/smoke', '--write');
    expect([result.code, result.stderr]).toEqual([0, '']);
    const original = readFileSync(path.join(fixtures, 'suite/tests/integration/health.test.cjs'), 'utf8');
    expect(shop.read('tests/acceptance/smoke/health.test.cjs')).toBe(original.replace("require('../../src/app.cjs')", "require('../../../src/app.cjs')"));
    expect(shop.read('tests/acceptance/smoke/health.test.cjs')).not.toBe(original);
    expect(shop.read('src/probe.cjs')).toBe("'use strict';\nconst { healthPath } = require('../tests/acceptance/smoke/health.test.cjs');\n\nexports.probeUrl = (host) => `http://${host}${healthPath}`;\n");
    expect(await lint(shop.dir, ['tests/acceptance/smoke/health.test.cjs'])).toEqual({ 'tests/acceptance/smoke/health.test.cjs': [] });
  });

  it('says which tests of a mixed file move along when the whole file moves', async () => {
    const shop = project();
    const result = await shop.run('move', 'tests/integration/storefront.test.ts');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'tests/integration/storefront.test.ts → tests/acceptance/storefront.test.ts (1 call drives the app); 1 test does not drive the app and moves too (--tests leaves it).\n',
    );
  });

  it('moves only the tests that drive the app with --tests', async () => {
    const shop = project();
    const result = await shop.run('move', '--tests', 'tests/integration/storefront.test.ts', '--write');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain('tests/integration/storefront.test.ts: 1 test that drives the app → tests/acceptance/storefront.test.ts; 1 other stays.');
    for (const file of ['tests/acceptance/storefront.test.ts', 'tests/integration/storefront.test.ts']) expect([file, shop.read(file)]).toEqual([file, after[file]]);
    expect(await lint(shop.dir, ['tests/integration/storefront.test.ts', 'tests/acceptance/storefront.test.ts'])).toEqual({
      'tests/integration/storefront.test.ts': [],
      'tests/acceptance/storefront.test.ts': [],
    });
    const once = shop.files();
    const again = await shop.run('move', '--tests', 'tests/integration/storefront.test.ts', '--write');
    expect(again.stdout).toBe('tests/integration/storefront.test.ts: no-endpoint-calls reports nothing; nothing to move.\n');
    expect(shop.files()).toEqual(once);
  });
});

describe('hostile input gets one line, a non-zero exit, and changes nothing', () => {
  const cases: Array<[string, (shop: TempProject) => string[], RegExp]> = [
    [
      'a file that does not parse',
      (shop) => {
        writeFileSync(path.join(shop.dir, 'tests/integration/broken.test.ts'), "import pg from 'pg';\nit('x', () => {\n");
        return ['split', 'tests/integration/broken.test.ts', '--force', '--write'];
      },
      /^eslint-plugin-integration-tests split: tests\/integration\/broken\.test\.ts does not parse \(line 3: '}' expected\.\); nothing was changed\.$/,
    ],
    ['a path outside the project', () => ['move', '../elsewhere.test.ts', '--write'], /^eslint-plugin-integration-tests move: \.\.\/elsewhere\.test\.ts is outside the project at .+\.$/],
    ['a file that does not exist', () => ['split', 'tests/integration/missing.test.ts'], /^eslint-plugin-integration-tests split: tests\/integration\/missing\.test\.ts does not exist\.$/],
    [
      'a file in no layer (split)',
      () => ['split', 'src/orders.ts', '--write'],
      /^eslint-plugin-integration-tests split: src\/orders\.ts is in no layer where one-boundary-per-file runs: your ESLint config does not treat it as an integration test\.$/,
    ],
    ['a file in no layer (move)', () => ['move', 'src/seed.ts', '--write'], /^eslint-plugin-integration-tests move: src\/seed\.ts is in no layer where no-endpoint-calls runs/],
    [
      'a read-only target folder',
      (shop) => {
        mkdirSync(path.join(shop.dir, 'tests/acceptance'));
        chmodSync(path.join(shop.dir, 'tests/acceptance'), 0o555);
        return ['move', 'tests/integration/signup.test.ts', '--write'];
      },
      /^eslint-plugin-integration-tests move: tests\/acceptance is read-only; nothing was written\.$/,
    ],
    [
      'a name clash',
      (shop) => {
        writeFileSync(path.join(shop.dir, 'tests/integration/checkout.http.test.ts'), '// taken\n');
        return ['split', 'tests/integration/checkout.test.ts', '--write', '--force'];
      },
      /^eslint-plugin-integration-tests split: tests\/integration\/checkout\.http\.test\.ts already exists; choose another --name\. Nothing was changed\.$/,
    ],
    [
      'uncommitted changes without --force',
      (shop) => {
        writeFileSync(path.join(shop.dir, 'tests/integration/checkout.test.ts'), `${shop.read('tests/integration/checkout.test.ts')}// edited\n`);
        return ['split', 'tests/integration/checkout.test.ts', '--write'];
      },
      /^eslint-plugin-integration-tests split: tests\/integration\/checkout\.test\.ts has uncommitted changes; commit or stash them, or pass --force\.$/,
    ],
    [
      'a --to folder that is still in the integration layer',
      () => ['move', 'tests/integration/signup.test.ts', '--to', 'tests/integration/api', '--write'],
      /^eslint-plugin-integration-tests move: tests\/integration\/api\/signup\.test\.ts would still be reported by no-endpoint-calls \(line 13\); nothing was changed\.$/,
    ],
    ['an unknown option', () => ['split', '--wrte', 'tests/integration/checkout.test.ts'], /^eslint-plugin-integration-tests split: Unknown option '--wrte'\.$/],
  ];

  it.each(cases)('%s', async (_label, setUp, expected) => {
    const shop = project();
    const args = setUp(shop);
    const before = shop.files();
    const result = await shop.run(...args);
    chmodSync(shop.dir, 0o755);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    oneLine(result.stderr);
    expect(result.stderr.trim()).toMatch(expected);
    expect(shop.files()).toEqual(before);
  });

  it('applies a dirty file with --force', async () => {
    const shop = project();
    writeFileSync(path.join(shop.dir, 'tests/integration/checkout.test.ts'), `${shop.read('tests/integration/checkout.test.ts')}// edited\n`);
    const result = await shop.run('split', 'tests/integration/checkout.test.ts', '--write', '--force');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(shop.read('tests/integration/checkout.test.ts')).toMatch(/\/\/ edited\n$/);
  });
});

describe('split refuses what it cannot share out', () => {
  it('a hook statement that works on two boundaries at once, needed on both sides', async () => {
    const shop = project();
    writeFileSync(
      path.join(shop.dir, 'tests/integration/reset.test.ts'),
      [
        "import { afterEach, expect, it } from 'vitest';",
        "import nock from 'nock';",
        "import pg from 'pg';",
        '',
        'const pool = new pg.Pool();',
        '',
        'afterEach(() => Promise.all([pool.query("truncate carts"), nock.cleanAll()]));',
        '',
        "it('reads a cart', async () => {",
        "  expect((await pool.query('select 1')).rowCount).toBe(1);",
        '});',
        '',
        "it('calls the courier', async () => {",
        "  nock('https://courier.example.test').get('/').reply(200);",
        "  expect((await fetch('https://courier.example.test/')).status).toBe(200);",
        '});',
        '',
      ].join('\n'),
    );
    const before = shop.files();
    const result = await shop.run('split', 'tests/integration/reset.test.ts', '--write', '--force');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'tests/integration/reset.test.ts: not split: the hook at line 7 exercises database and http in one statement, and tests on either side of the split need it; split that statement by hand first.\nNothing was changed.\n',
    );
    expect(shop.files()).toEqual(before);
  });

  it('a statement that exercises a boundary none of the tests beside it exercise', async () => {
    const shop = project();
    writeFileSync(
      path.join(shop.dir, 'tests/integration/courier.test.ts'),
      [
        "import { beforeAll, describe, expect, it } from 'vitest';",
        "import nock from 'nock';",
        "import pg from 'pg';",
        "import Redis from 'ioredis';",
        '',
        'const pool = new pg.Pool();',
        'const redis = new Redis();',
        '',
        "describe('couriers', () => {",
        '  beforeAll(() => nock.disableNetConnect());',
        '',
        "  it('lists couriers', async () => {",
        "    expect((await pool.query('select * from couriers')).rows).toEqual([]);",
        '  });',
        '',
        "  it('caches the list', async () => {",
        "    expect(await redis.get('couriers')).toBeNull();",
        '  });',
        '});',
        '',
      ].join('\n'),
    );
    const result = await shop.run('split', 'tests/integration/courier.test.ts', '--force');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'tests/integration/courier.test.ts: not split: the hook at line 10 exercises http, which no test that would share its file exercises; move or remove it by hand first.\nNothing was changed.\n',
    );
  });
});

describe('split keeps comments', () => {
  it('keeps the comment that heads the file in every file, even when the statement under it goes', async () => {
    const shop = project();
    writeFileSync(
      path.join(shop.dir, 'tests/integration/labels.test.ts'),
      [
        '// Shipping labels: stored in Postgres, printed by the label service.',
        "import nock from 'nock';",
        "import pg from 'pg';",
        "import { expect, it } from 'vitest';",
        '',
        "it('stores a label', async () => {",
        "  expect(await new pg.Pool().query('select 1')).toBeDefined();",
        '});',
        '',
        '// The label service answers with a PDF.',
        "it('prints a label', async () => {",
        "  nock('https://labels.example.test').post('/print').reply(200);",
        "  expect((await fetch('https://labels.example.test/print', { method: 'POST' })).ok).toBe(true);",
        '});',
        '',
      ].join('\n'),
    );
    const result = await shop.run('split', 'tests/integration/labels.test.ts', '--write', '--force');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(shop.read('tests/integration/labels.database.test.ts')).toBe(
      [
        '// Shipping labels: stored in Postgres, printed by the label service.',
        "import pg from 'pg';",
        "import { expect, it } from 'vitest';",
        '',
        "it('stores a label', async () => {",
        "  expect(await new pg.Pool().query('select 1')).toBeDefined();",
        '});',
        '',
      ].join('\n'),
    );
    expect(shop.read('tests/integration/labels.http.test.ts')).toBe(
      [
        '// Shipping labels: stored in Postgres, printed by the label service.',
        "import nock from 'nock';",
        "import { expect, it } from 'vitest';",
        '',
        '// The label service answers with a PDF.',
        "it('prints a label', async () => {",
        "  nock('https://labels.example.test').post('/print').reply(200);",
        "  expect((await fetch('https://labels.example.test/print', { method: 'POST' })).ok).toBe(true);",
        '});',
        '',
      ].join('\n'),
    );
  });
});

describe('split reads loads the way the rule counts them', () => {
  it('keeps an import with no bindings in every file, and counts a dynamic import in the test that makes it', async () => {
    const shop = project();
    const original = [
      "import 'reflect-metadata';",
      "import { describe, expect, it } from 'vitest';",
      "import pg from 'pg';",
      '',
      "describe('stock', () => {",
      "  it('counts rows', async () => {",
      "    expect((await new pg.Pool().query('select count(*) from stock')).rowCount).toBe(1);",
      '  });',
      '',
      "  it('caches counts', async () => {",
      "    const { default: Redis } = await import('ioredis');",
      "    expect(await new Redis().get('stock')).toBeNull();",
      '  });',
      '});',
      '',
    ].join('\n');
    writeFileSync(path.join(shop.dir, 'tests/integration/stock.test.ts'), original);
    const result = await shop.run('split', 'tests/integration/stock.test.ts', '--write', '--force');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(shop.read('tests/integration/stock.database.test.ts')).toBe(
      [
        "import 'reflect-metadata';",
        "import { describe, expect, it } from 'vitest';",
        "import pg from 'pg';",
        '',
        "describe('stock', () => {",
        "  it('counts rows', async () => {",
        "    expect((await new pg.Pool().query('select count(*) from stock')).rowCount).toBe(1);",
        '  });',
        '});',
        '',
      ].join('\n'),
    );
    expect(shop.read('tests/integration/stock.cache.test.ts')).toBe(
      [
        "import 'reflect-metadata';",
        "import { describe, expect, it } from 'vitest';",
        '',
        "describe('stock', () => {",
        "  it('caches counts', async () => {",
        "    const { default: Redis } = await import('ioredis');",
        "    expect(await new Redis().get('stock')).toBeNull();",
        '  });',
        '});',
        '',
      ].join('\n'),
    );
    expect(shop.files()['tests/integration/stock.test.ts']).toBeUndefined();
  });
});

describe('move finds the acceptance folder in the config', () => {
  it('uses the acceptance globs the user passed to createConfigs', async () => {
    const shop = project();
    writeFileSync(
      path.join(shop.dir, 'eslint.config.js'),
      [
        "import tsParser from '@typescript-eslint/parser';",
        "import plugin from 'eslint-plugin-integration-tests';",
        '',
        'export default [',
        "  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },",
        "  ...plugin.createConfigs({ integration: ['specs/adapters/**/*.test.ts'], acceptance: ['specs/api/**/*.test.ts'] }).recommended,",
        '];',
        '',
      ].join('\n'),
    );
    mkdirSync(path.join(shop.dir, 'specs/adapters'), { recursive: true });
    const signup = shop.read('tests/integration/signup.test.ts');
    writeFileSync(path.join(shop.dir, 'specs/adapters/signup.test.ts'), signup);
    const result = await shop.run('move', 'specs/adapters/signup.test.ts', '--write', '--force');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain('specs/adapters/signup.test.ts → specs/api/signup.test.ts');
    expect(shop.read('specs/api/signup.test.ts')).toBe(signup);
  });
});

describe('a test file that exports something', () => {
  it('is not split, since files that import it would lose what they import', async () => {
    const shop = project();
    const checkout = shop.read('tests/integration/checkout.test.ts').replace("const PAYMENTS_URL = 'https://payments.example.test';", "export const PAYMENTS_URL = 'https://payments.example.test';");
    writeFileSync(path.join(shop.dir, 'tests/integration/checkout.test.ts'), checkout);
    const before = shop.files();
    const result = await shop.run('split', 'tests/integration/checkout.test.ts', '--write', '--force');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'tests/integration/checkout.test.ts: not split: it exports something (line 8) that other files may import; move that out of the test file first.\nNothing was changed.\n',
    );
    expect(shop.files()).toEqual(before);
  });

  it('is moved whole, but not test by test', async () => {
    const shop = project();
    const result = await shop.run('move', '--tests', 'tests/integration/signup.test.ts', '--write');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'tests/integration/signup.test.ts: not moved: it exports something (line 9) that other files may import; move the whole file, or move that out first.\nNothing was changed.\n',
    );
  });
});
