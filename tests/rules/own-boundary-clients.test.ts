/**
 * `require-cleanup` and `prefer-shared-infrastructure` on a workspace whose own package opens a
 * database: the repository's own client is the code under test, yet what it writes stays written
 * and each connection it opens is real.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import preferShared from '../../src/rules/prefer-shared-infrastructure';
import requireCleanup from '../../src/rules/require-cleanup';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'own-boundary-clients-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const WORKSPACE: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'ledger-monorepo', private: true, workspaces: ['packages/*'] }),
  'packages/ledger-store/package.json': JSON.stringify({ name: '@books/ledger-store', main: 'src/index.ts' }),
  'packages/ledger-store/src/index.ts': `export { LedgerStore } from './store';\n`,
  'packages/ledger-store/src/store.ts': `import { Pool } from 'pg';

export class LedgerStore {
  private constructor(private readonly pool: Pool) {}

  static async connect(url: string): Promise<LedgerStore> {
    const pool = new Pool({ connectionString: url });
    await pool.query('SELECT 1');
    return new LedgerStore(pool);
  }

  insert(entry: { account: string; cents: number }) {
    return this.pool.query('INSERT INTO entries (account, cents) VALUES ($1, $2)', [entry.account, entry.cents]);
  }

  truncate() {
    return this.pool.query('TRUNCATE entries');
  }
}
`,
  'packages/money/package.json': JSON.stringify({ name: '@books/money', main: 'src/index.ts' }),
  'packages/money/src/index.ts': `export class Purse {
  private coins: number[] = [];
  insertCoin(cents: number) {
    this.coins.push(cents);
  }
}
`,
};

const rules = { 'require-cleanup': requireCleanup, 'prefer-shared-infrastructure': preferShared } as unknown as Record<string, Rule.RuleModule>;

/** Lints `code` as a test file of the workspace with one rule, and returns its messages. */
function lint(ruleName: keyof typeof rules, name: string, code: string): string[] {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries({ ...WORKSPACE, 'packages/ledger-store/test/entries.test.ts': code })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { own: { rules } },
      rules: { [`own/${ruleName}`]: 'error' },
    },
  ];
  return new Linter({ cwd: dir }).verify(code, config, path.join(dir, 'packages/ledger-store/test/entries.test.ts')).map((message) => message.message);
}

const OPENED_ONCE = `import { LedgerStore } from '@books/ledger-store';
import { beforeAll, expect, it } from 'vitest';

let store: LedgerStore;
beforeAll(async () => {
  store = await LedgerStore.connect(process.env.LEDGER_URL!);
});
`;

describe('require-cleanup with the repository’s own database client', () => {
  it('reports a write through the own package’s client when nothing removes it', () => {
    const code = `${OPENED_ONCE}
it('books a debit', async () => {
  await store.insert({ account: 'rent', cents: -900 });
});

it('books a credit', async () => {
  await store.insert({ account: 'salary', cents: 2500 });
});
`;
    expect(lint('require-cleanup', 'writes', code)).toEqual([
      '`store.insert()` writes to the database, and this file registers no cleanup that removes it. Roll back, truncate or delete after each test, so every test starts from a known state.',
    ]);
  });

  it('counts a cleanup verb on the own client as cleanup', () => {
    const code = `${OPENED_ONCE}import { afterEach } from 'vitest';

afterEach(() => store.truncate());

it('books a debit', async () => {
  await store.insert({ account: 'rent', cents: -900 });
});
`;
    expect(lint('require-cleanup', 'truncates', code)).toEqual([]);
  });

  it('stays silent on an own package that reaches no boundary', () => {
    const code = `import { Purse } from '@books/money';
import { it } from 'vitest';

const purse = new Purse();

it('takes a coin', () => {
  purse.insertCoin(50);
});
`;
    expect(lint('require-cleanup', 'no-boundary', code)).toEqual([]);
  });

  it('stays silent when the own client is only handed to a helper it cannot read', () => {
    const code = `${OPENED_ONCE}import { seedEntries } from './unread-seeds';

it('lists entries', async () => {
  await seedEntries(store);
});
`;
    expect(lint('require-cleanup', 'handed', code)).toEqual([]);
  });
});

describe('prefer-shared-infrastructure with the repository’s own database client', () => {
  it('reports the own client connected before each of several tests', () => {
    const code = `import { LedgerStore } from '@books/ledger-store';
import { beforeEach, expect, it } from 'vitest';

let store: LedgerStore;
beforeEach(async () => {
  store = await LedgerStore.connect(process.env.LEDGER_URL!);
});

it('books a debit', async () => {
  expect(await store.insert({ account: 'rent', cents: -900 })).toBeDefined();
});

it('books a credit', async () => {
  expect(await store.insert({ account: 'salary', cents: 2500 })).toBeDefined();
});
`;
    expect(lint('prefer-shared-infrastructure', 'per-test', code)).toEqual([
      '`LedgerStore.connect()` opens infrastructure in `beforeEach`, once for each of the 2 tests it runs before. Open it once in `beforeAll` and keep only per-test resets (truncate, flush, rollback) in `beforeEach`.',
    ]);
  });

  it('stays silent when the own client is connected once for the suite', () => {
    const code = `${OPENED_ONCE}
it('books a debit', async () => {
  expect(await store.insert({ account: 'rent', cents: -900 })).toBeDefined();
});

it('books a credit', async () => {
  expect(await store.insert({ account: 'salary', cents: 2500 })).toBeDefined();
});
`;
    expect(lint('prefer-shared-infrastructure', 'shared', code)).toEqual([]);
  });
});
