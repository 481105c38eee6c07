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

/** A repository of a database driver, whose tests load the driver by its own name. */
const DRIVER_REPOSITORY: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'driver-monorepo', private: true, workspaces: ['packages/*'] }),
  'packages/pg/package.json': JSON.stringify({ name: 'pg', main: 'lib/index.js' }),
  'packages/pg/lib/index.js': `const net = require('net');

class Client {
  async connect() {
    this.socket = net.connect(5432);
  }
  async query(text) {
    return { text, rows: [] };
  }
  async end() {
    this.socket.end();
  }
}

class Scope {
  static async create(client, callback) {
    return callback(client);
  }
}

module.exports = { Client, Scope };
`,
};

const rules = { 'require-cleanup': requireCleanup, 'prefer-shared-infrastructure': preferShared } as unknown as Record<string, Rule.RuleModule>;

/** Lints `code` as a test file of the workspace with one rule, and returns its messages. */
function lint(ruleName: keyof typeof rules, name: string, code: string, testFile = 'packages/ledger-store/test/entries.test.ts', files = WORKSPACE): string[] {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries({ ...files, [testFile]: code })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.js'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { own: { rules } },
      rules: { [`own/${ruleName}`]: 'error' },
    },
  ];
  return new Linter({ cwd: dir }).verify(code, config, path.join(dir, testFile)).map((message) => message.message);
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

describe('require-cleanup in a driver’s own repository', () => {
  it('does not read a static factory of the driver’s own class as a write', () => {
    const code = `const { Client, Scope } = require('pg');
const assert = require('node:assert');
const { it } = require('mocha');

it('runs a callback in a scope of its own', async () => {
  const shared = new Client();
  await Scope.create(shared, async (scoped) => {
    assert.ok(scoped);
  });
});
`;
    expect(lint('require-cleanup', 'own-static-factory', code, 'packages/pg/test/settings.test.js', DRIVER_REPOSITORY)).toEqual([]);
  });

  it('reports a write through the driver’s own client when nothing removes it', () => {
    const code = `const { Client } = require('pg');
const { before, it } = require('mocha');

const client = new Client();
before(() => client.connect());

it('inserts a row', async () => {
  await client.query("INSERT INTO notes (body) VALUES ('first')");
});
`;
    expect(lint('require-cleanup', 'own-driver-write', code, 'packages/pg/test/notes.test.js', DRIVER_REPOSITORY)).toEqual([
      '`client.query()` writes to the database, and this file registers no cleanup that removes it. Roll back, truncate or delete after each test, so every test starts from a known state.',
    ]);
  });
});

describe('prefer-shared-infrastructure with the repository’s own clients', () => {
  const DRIVER_SUITE = (hook: string) => `const { Client } = require('pg');
const assert = require('node:assert');
const { ${hook}, afterEach, describe, it } = require('mocha');

describe('simple queries', () => {
  let client;
  ${hook}(async () => {
    client = new Client();
    await client.connect();
  });
  afterEach(() => client.end());

  it('selects a number', async () => {
    assert.ok(await client.query('SELECT 1'));
  });

  it('selects a string', async () => {
    assert.ok(await client.query("SELECT 'a'"));
  });
});
`;

  it('reports the driver a repository lints from its own source, connected before each test', () => {
    expect(lint('prefer-shared-infrastructure', 'own-driver', DRIVER_SUITE('beforeEach'), 'packages/pg/test/queries.test.js', DRIVER_REPOSITORY)).toEqual([
      '`new Client()` opens infrastructure in `beforeEach`, once for each of the 2 tests it runs before. Open it once in `before` and keep only per-test resets (truncating tables, flushing a cache, rolling back) in `beforeEach`.',
    ]);
  });

  it('stays silent when that driver is connected once for the suite', () => {
    expect(lint('prefer-shared-infrastructure', 'own-driver-once', DRIVER_SUITE('before'), 'packages/pg/test/queries.test.js', DRIVER_REPOSITORY)).toEqual([]);
  });

  it('does not say that constructing a class of the project’s data layer opens a connection', () => {
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
    expect(lint('prefer-shared-infrastructure', 'data-layer', code)).toEqual([]);
  });
});
