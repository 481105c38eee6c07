/**
 * `no-boundary-mock` in a project whose runner setup files already mock a boundary for every test
 * file: a mock in the test file takes away nothing a test there would reach, and the message says so
 * rather than that this mock is what keeps the test from the boundary.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-boundary-mock';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'no-boundary-mock-setup-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A repository module that opens its own pool. */
const REPOSITORY = `import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function saveInvoice(total: number) {
  const result = await pool.query('INSERT INTO invoices (total) VALUES ($1) RETURNING id', [total]);
  return result.rows[0];
}
`;

const TEST = `import { expect, it, vi } from 'vitest';
import { saveInvoice } from '../../src/invoices';

vi.mock('../../src/invoices');

it('totals an invoice', async () => {
  vi.mocked(saveInvoice).mockResolvedValue({ id: 1 });
  expect(await saveInvoice(12)).toEqual({ id: 1 });
});
`;

function lint(name: string, files: Record<string, string>): string[] {
  const dir = path.join(root, name);
  const testFile = 'tests/integration/invoices.test.ts';
  for (const [file, text] of Object.entries({ 'package.json': '{ "name": "billing" }', 'src/invoices.ts': REPOSITORY, [testFile]: TEST, ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const linter = new Linter({ cwd: dir });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { mocks: { rules: { 'no-boundary-mock': rule as unknown as Rule.RuleModule } } },
      rules: { 'mocks/no-boundary-mock': 'error' },
    },
  ];
  return linter.verify(TEST, config, path.join(dir, testFile)).map((message) => message.message);
}

describe('no-boundary-mock when the runner setup files already mock the boundary', () => {
  it('Vitest: says that no test reaches the database, because the setup file mocks the driver', () => {
    const messages = lint('driver-mocked-in-setup', {
      'vitest.config.ts': "export default { test: { setupFiles: ['./tests/setup.ts'] } };",
      'tests/setup.ts': "import { vi } from 'vitest';\n\nvi.mock('pg');\n",
    });
    expect(messages).toEqual([
      "This test replaces module `../../src/invoices` (database boundary) with `vi.mock`, and no test here reaches the database in any case: the runner's setup files already replace the client it is built on for every test file, so the fix starts there. Use the real database and roll back what each test writes instead.",
    ]);
  });

  it('Vitest: says the setup file replaces the module itself when it mocks the same module', () => {
    const messages = lint('module-mocked-in-setup', {
      'vitest.config.ts': "export default { test: { setupFiles: ['./tests/setup.ts'] } };",
      'tests/setup.ts': "import { vi } from 'vitest';\n\nvi.mock('../src/invoices');\n",
    });
    expect(messages).toEqual([
      "This test replaces module `../../src/invoices` (database boundary) with `vi.mock`, and no test here reaches the database in any case: the runner's setup files already replace it for every test file, so the fix starts there. Use the real database and roll back what each test writes instead.",
    ]);
  });

  it('Vitest: a setup file that mocks something else leaves the usual message', () => {
    const messages = lint('other-module-mocked-in-setup', {
      'vitest.config.ts': "export default { test: { setupFiles: ['./tests/setup.ts'] } };",
      'tests/setup.ts': "import { vi } from 'vitest';\n\nvi.mock('./clock');\n",
      'tests/clock.ts': 'export const now = () => new Date(0);\n',
    });
    expect(messages).toEqual([
      'This test replaces module `../../src/invoices` (database boundary) with `vi.mock`, so its calls no longer reach the database. Use the real database and roll back what each test writes instead.',
    ]);
  });

  it('Vitest: a setup file that only makes the real client with other options replaces nothing', () => {
    const messages = lint('driver-subclassed-in-setup', {
      'vitest.config.ts': "export default { test: { setupFiles: ['./tests/setup.ts'] } };",
      'tests/setup.ts': `import { vi } from 'vitest';
import type * as PgModule from 'pg';

vi.mock('pg', async (importOriginal) => {
  const actual = await importOriginal<typeof PgModule>();
  function withTimeout(options: Record<string, unknown> = {}) {
    return { ...options, connectionTimeoutMillis: 2000 };
  }
  class Pool extends actual.Pool {
    constructor(options?: Record<string, unknown>) {
      super(withTimeout(options));
    }
  }
  return { ...actual, Pool, default: { ...actual, Pool } };
});
`,
    });
    expect(messages).toEqual([
      'This test replaces module `../../src/invoices` (database boundary) with `vi.mock`, so its calls no longer reach the database. Use the real database and roll back what each test writes instead.',
    ]);
  });

  it('Vitest: a setup file whose subclass answers a method itself still replaces the client', () => {
    const messages = lint('driver-overridden-in-setup', {
      'vitest.config.ts': "export default { test: { setupFiles: ['./tests/setup.ts'] } };",
      'tests/setup.ts': `import { vi } from 'vitest';

vi.mock('pg', async (importOriginal) => {
  const actual = await importOriginal<typeof import('pg')>();
  class Pool extends actual.Pool {
    async query() {
      return { rows: [] };
    }
  }
  return { ...actual, Pool };
});
`,
    });
    expect(messages).toEqual([
      "This test replaces module `../../src/invoices` (database boundary) with `vi.mock`, and no test here reaches the database in any case: the runner's setup files already replace the client it is built on for every test file, so the fix starts there. Use the real database and roll back what each test writes instead.",
    ]);
  });

  it('without a runner setup file, the usual message', () => {
    expect(lint('no-setup', {})).toEqual([
      'This test replaces module `../../src/invoices` (database boundary) with `vi.mock`, so its calls no longer reach the database. Use the real database and roll back what each test writes instead.',
    ]);
  });
});
