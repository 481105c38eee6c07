/** `require-cleanup` on files on disk, where the runner's configuration names setup modules the rule cannot read. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-cleanup';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'require-cleanup-setup-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TEST = `import { Pool } from 'pg';
import { it } from 'vitest';

const pool = new Pool();

it('inserts an invoice', async () => {
  await pool.query('INSERT INTO invoices (total) VALUES (1)');
});
`;

const INSERT_REPORT =
  '`pool.query()` writes to the database, and this file registers no cleanup that removes it. Roll back, truncate or delete after each test, so every test starts from a known state.';

/** Lints the test file of a project made of `files`, and returns the rule's messages. */
function lint(name: string, files: Record<string, string>): string[] {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries({ 'package.json': '{ "name": "billing" }', 'tests/integration/invoices.test.ts': TEST, ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const linter = new Linter({ cwd: dir });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { cleanup: { rules: { 'require-cleanup': rule as unknown as Rule.RuleModule } } },
      rules: { 'cleanup/require-cleanup': 'error' },
    },
  ];
  return linter.verify(TEST, config, path.join(dir, 'tests/integration/invoices.test.ts')).map((message) => message.message);
}

describe('require-cleanup and the runner configuration', () => {
  it('reports a file whose runner loads no setup module', () => {
    expect(lint('plain', { 'vitest.config.ts': "export default { test: { include: ['tests/**/*.test.ts'] } };" })).toHaveLength(1);
  });

  it('stays silent when the runner loads a setup module of the project that it cannot read', () => {
    expect(lint('vitest-setup', { 'vitest.config.ts': "export default { test: { setupFiles: ['./tests/reset-database.ts'] } };" })).toEqual([]);
  });

  it('stays silent when Jest setup files are computed', () => {
    expect(lint('jest-computed', { 'jest.config.js': "module.exports = { setupFilesAfterEnv: [require.resolve('./tests/reset')] };" })).toEqual([]);
  });

  it('reports when the setup module only resets an HTTP fake after each test', () => {
    expect(
      lint('fake-reset', {
        'vitest.config.ts': "export default { test: { setupFiles: ['./tests/setup.ts'] } };",
        'tests/fakes.ts': "import { setupServer } from 'msw/node';\n\nexport const paymentsApi = setupServer();\n",
        'tests/setup.ts': "import { afterAll, afterEach, beforeAll } from 'vitest';\nimport { paymentsApi } from './fakes';\n\nbeforeAll(() => paymentsApi.listen());\nafterEach(() => paymentsApi.resetHandlers());\nafterAll(() => paymentsApi.close());\n",
      }),
    ).toEqual([INSERT_REPORT]);
  });

  it('reports when a setup hook only hands a mock the stand-in it runs later', () => {
    expect(
      lint('stand-in', {
        'vitest.config.ts': "export default { test: { setupFiles: ['./tests/setup.ts'] } };",
        'src/outbox.ts': 'export class Outbox {\n  send(message: string) {\n    return message;\n  }\n}\n',
        'tests/setup.ts':
          "import { beforeEach, vi } from 'vitest';\nimport { Outbox } from '../src/outbox';\n\nbeforeEach(() => {\n  vi.spyOn(Outbox.prototype, 'send').mockImplementation(function (this: Outbox, message: string) {\n    return this.deliverLater(message);\n  });\n});\n",
      }),
    ).toEqual([INSERT_REPORT]);
  });

  it('reports when a setup hook only asks the test context to skip a test', () => {
    expect(
      lint('context-skip', {
        'vitest.config.ts': "export default { test: { setupFiles: ['./tests/setup.ts'] } };",
        'tests/setup.ts':
          "import { beforeEach } from 'vitest';\n\nconst quarantined = ['flaky export'];\n\nbeforeEach((context) => {\n  if (quarantined.includes(context.task.name)) context.skip();\n});\n",
      }),
    ).toEqual([INSERT_REPORT]);
  });

  it('stays silent when a setup hook calls a project function it cannot read', () => {
    expect(
      lint('unread-reset', {
        'vitest.config.ts': "export default { test: { setupFiles: ['./tests/setup.ts'] } };",
        'tests/setup.ts': "import { afterEach } from 'vitest';\nimport { wipe } from './missing-helpers';\n\nafterEach(() => wipe());\n",
      }),
    ).toEqual([]);
  });

  it('still reports when the only setup module is a package (which registers no hooks the rule knows of)', () => {
    expect(lint('package-setup', { 'package.json': JSON.stringify({ name: 'billing', jest: { setupFiles: ['dotenv/config'] } }) })).toHaveLength(1);
  });
});
