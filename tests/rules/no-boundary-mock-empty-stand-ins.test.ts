/**
 * `no-boundary-mock` on a module replaced by a stand-in that answers nothing (every export an empty
 * object, an empty class, `null` or `undefined`), or that hands every read on to a client the test puts in place
 * later. A test that called through the first would throw, so none of its answers come from the
 * mock; through the second it reaches whatever the file puts there, and that decides whether the
 * boundary is real. The project is written to disk so that its database module is read as the
 * adapter it is.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import rule from '../../src/rules/no-boundary-mock';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'no-boundary-mock-empty-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PROJECT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'ledger', version: '1.0.0' }),
  // The application's database module: it connects as soon as it is loaded.
  'src/db.ts': `import { Pool } from 'pg';

export const pool = new Pool({ connectionString: process.env.DATABASE_URL });
export const replica = new Pool({ connectionString: process.env.REPLICA_URL });
`,
  // A base class whose own statics write through a pool the module opens.
  'src/events/base-event.ts': `import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export class BaseEvent {
  static async publish(payload: unknown): Promise<void> {
    await pool.query('INSERT INTO events (payload) VALUES ($1)', [payload]);
  }
}
`,
  'src/db.js': `import pg from 'pg';

export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
`,
};

for (const [file, text] of Object.entries(PROJECT)) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const TS_TEST = path.join(root, 'tests/integration/ledger.test.ts');
const JS_TEST = path.join(root, 'tests/integration/ledger.test.js');

/** The finding for a database module mocked with `how` at `line`, with its one edit: the mock taken out. */
function mockedDatabase(what: string, how: string, line: number, output: string) {
  const data = { what, kind: 'database', how, effect: 'so its calls no longer reach the database' };
  return { messageId: 'mockedDatabase' as const, line, data, suggestions: [{ messageId: 'removeMock' as const, data, output }] };
}

ts.run('no-boundary-mock: stand-ins that answer nothing (TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: the database module kept from loading while the test works on its own pool',
      filename: TS_TEST,
      code: `import { Pool } from 'pg';
import { expect, it, vi } from 'vitest';
import { LedgerService } from '../../src/ledger';

vi.mock('../../src/db', () => ({ pool: {}, replica: {} }));

it('books an entry', async () => {
  const pool = new Pool({ connectionString: process.env.TEST_DATABASE_URL });
  const ledger = new LedgerService(pool);
  await ledger.book({ account: 'cash', amount: 10 });
  expect(await ledger.balance('cash')).toBe(10);
  await pool.end();
});
`,
    },
    {
      name: 'Jest: a block body that returns only empty values, however nested, and plain ones',
      filename: TS_TEST,
      code: `import { startLedger } from '../../src/ledger';

jest.mock('../../src/db', () => {
  return { pool: null, replica: { primary: undefined, lag: void 0 }, readers: [], poolSize: 4, label: \`ledger\` };
});

it('starts without the shared pools', async () => {
  expect(await startLedger({ connectionString: process.env.TEST_DATABASE_URL })).toBeDefined();
});
`,
    },
    {
      name: 'Vitest: a proxy hands every read on to the pool each test puts in a hoisted holder',
      filename: TS_TEST,
      code: `import { Pool } from 'pg';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { balance, book } from '../../src/ledger';

const db = vi.hoisted(() => ({ pool: undefined as Pool | undefined, retries: 3 }));

vi.mock('../../src/db', () => {
  const forward = new Proxy({}, { get: (_target, key) => (db.pool as unknown as Record<string | symbol, unknown>)[key] });
  return { pool: forward, replica: forward, schema: 'public', readsFromReplica: false };
});

beforeEach(() => {
  db.pool = new Pool({ connectionString: process.env.TEST_DATABASE_URL });
});

afterEach(async () => {
  await db.pool?.end();
});

it('books an entry', async () => {
  await book({ account: 'cash', amount: 10 });
  expect(await balance('cash')).toBe(10);
});
`,
    },
    {
      name: 'Vitest: getters hand back a variable of the file that each test sets to the pool it opens',
      filename: TS_TEST,
      code: `import { Pool } from 'pg';
import { afterEach, expect, it, vi } from 'vitest';
import { balance, book } from '../../src/ledger';

var current: Pool | undefined;

vi.mock('../../src/db', () => ({
  get pool() {
    return current;
  },
  get replica() {
    return current;
  },
}));

function usePool(pool: Pool) {
  current = pool;
}

afterEach(async () => {
  await current?.end();
  current = undefined;
});

it('books an entry', async () => {
  usePool(new Pool({ connectionString: process.env.TEST_DATABASE_URL }));
  await book({ account: 'cash', amount: 10 });
  expect(await balance('cash')).toBe(10);
});
`,
    },
    {
      name: 'Vitest: getters and a proxy maker of the factory, beside what it keeps of the real module',
      filename: TS_TEST,
      code: `import { Pool } from 'pg';
import { expect, it, vi } from 'vitest';
import { balance } from '../../src/ledger';

const primary = vi.hoisted(() => ({ client: null as Pool | null }));
const reader = vi.hoisted(() => ({ client: null as Pool | null }));

vi.mock('../../src/db', async () => {
  const { escapeIdentifier } = await vi.importActual<typeof import('pg')>('pg');
  const through = (holder: { client: Pool | null }) => new Proxy({}, {
    get(_target, key) {
      if (!holder.client) throw new Error('no pool for this test');
      const value = (holder.client as any)[key];
      // Objects are looked up again on every read, so a later test's pool is the one reached.
      if (value !== null && typeof value === 'object') return new Proxy(value, { get: (_value, inner) => (holder.client as any)[key][inner] });
      return value;
    },
  });
  return {
    escapeIdentifier,
    get pool() {
      return primary.client;
    },
    replica: through(reader),
  };
});

it('reads a balance from the reader', async () => {
  primary.client = new Pool({ connectionString: process.env.TEST_DATABASE_URL });
  reader.client = primary.client;
  expect(await balance('cash')).toBe(0);
});
`,
    },
    {
      name: 'Vitest: a base class replaced by an empty class, so that loading its subclass opens no pool',
      filename: TS_TEST,
      code: `import { expect, it, vi } from 'vitest';

vi.mock('../../src/events/base-event', () => ({ BaseEvent: class {} }));

it('formats a receipt line', async () => {
  const { Receipt } = await import('../../src/events/receipt');
  expect(Receipt.line({ account: 'cash', amount: 10 })).toBe('cash: 10');
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: a class with a member answers calls',
      filename: TS_TEST,
      code: `import { expect, it, vi } from 'vitest';

vi.mock('../../src/events/base-event', () => ({ BaseEvent: class { static async publish() {} } }));

it('publishes a receipt', async () => {
  const { Receipt } = await import('../../src/events/receipt');
  await expect(Receipt.send({ account: 'cash', amount: 10 })).resolves.toBeUndefined();
});
`,
      errors: [
        mockedDatabase('module `../../src/events/base-event`', '`vi.mock`', 3, `import { expect, it } from 'vitest';

it('publishes a receipt', async () => {
  const { Receipt } = await import('../../src/events/receipt');
  await expect(Receipt.send({ account: 'cash', amount: 10 })).resolves.toBeUndefined();
});
`),
      ],
    },
    {
      name: 'Jest: a class that extends another is not empty',
      filename: TS_TEST,
      code: `import { EventEmitter } from 'node:events';
import { Receipt } from '../../src/events/receipt';

jest.mock('../../src/events/base-event', () => ({ BaseEvent: class extends EventEmitter {} }));

it('formats a receipt line', () => {
  expect(Receipt.line({ account: 'cash', amount: 10 })).toBe('cash: 10');
});
`,
      errors: [
        // The mock was the only use of \`EventEmitter\`: the edit takes its import out too.
        mockedDatabase('module `../../src/events/base-event`', '`jest.mock`', 4, `import { Receipt } from '../../src/events/receipt';

it('formats a receipt line', () => {
  expect(Receipt.line({ account: 'cash', amount: 10 })).toBe('cash: 10');
});
`),
      ],
    },
    {
      name: 'Vitest: a stand-in with a function in it answers calls',
      filename: TS_TEST,
      code: `import { expect, it, vi } from 'vitest';
import { balance } from '../../src/ledger';

vi.mock('../../src/db', () => ({ pool: { query: vi.fn(async () => ({ rows: [{ total: 10 }] })) }, replica: {} }));

it('reads a balance', async () => {
  expect(await balance('cash')).toBe(10);
});
`,
      // The mock was the last use of \`vi\`: the edit takes it out of the import too.
      errors: [mockedDatabase('module `../../src/db`', '`vi.mock`', 4, `import { expect, it } from 'vitest';
import { balance } from '../../src/ledger';

it('reads a balance', async () => {
  expect(await balance('cash')).toBe(10);
});
`)],
    },
    {
      name: 'Vitest: a proxy over a holder the file fills with a stand-in of its own',
      filename: TS_TEST,
      code: `import { expect, it, vi } from 'vitest';
import { balance } from '../../src/ledger';

const db = vi.hoisted(() => ({ pool: undefined as unknown }));

vi.mock('../../src/db', () => ({ pool: new Proxy({}, { get: (_target, key) => (db.pool as Record<string | symbol, unknown>)[key] }) }));

it('reads a balance', async () => {
  db.pool = { query: vi.fn(async () => ({ rows: [{ total: 10 }] })) };
  expect(await balance('cash')).toBe(10);
});
`,
      errors: [
        mockedDatabase('module `../../src/db`', '`vi.mock`', 6, `import { expect, it, vi } from 'vitest';
import { balance } from '../../src/ledger';

const db = vi.hoisted(() => ({ pool: undefined as unknown }));

it('reads a balance', async () => {
  db.pool = { query: vi.fn(async () => ({ rows: [{ total: 10 }] })) };
  expect(await balance('cash')).toBe(10);
});
`),
      ],
    },
    {
      name: 'Vitest: a getter over a variable the file sets to a stand-in of its own',
      filename: TS_TEST,
      code: `import { expect, it, vi } from 'vitest';
import { balance } from '../../src/ledger';

let current: unknown;

vi.mock('../../src/db', () => ({
  get pool() {
    return current;
  },
}));

it('reads a balance', async () => {
  current = { query: vi.fn(async () => ({ rows: [{ total: 10 }] })) };
  expect(await balance('cash')).toBe(10);
});
`,
      errors: [
        mockedDatabase('module `../../src/db`', '`vi.mock`', 6, `import { expect, it, vi } from 'vitest';
import { balance } from '../../src/ledger';

let current: unknown;

it('reads a balance', async () => {
  current = { query: vi.fn(async () => ({ rows: [{ total: 10 }] })) };
  expect(await balance('cash')).toBe(10);
});
`),
      ],
    },
    {
      name: 'Vitest: an object with a value in it answers reads, even a plain one',
      filename: TS_TEST,
      code: `import { expect, it, vi } from 'vitest';
import { poolStats } from '../../src/ledger';

vi.mock('../../src/db', () => ({ pool: { totalCount: 3 }, schema: 'public' }));

it('counts the connections', async () => {
  expect(await poolStats()).toEqual({ connections: 3 });
});
`,
      errors: [
        mockedDatabase('module `../../src/db`', '`vi.mock`', 4, `import { expect, it } from 'vitest';
import { poolStats } from '../../src/ledger';

it('counts the connections', async () => {
  expect(await poolStats()).toEqual({ connections: 3 });
});
`),
      ],
    },
    {
      name: 'Jest: a stand-in that hands back a value answers reads',
      filename: TS_TEST,
      code: `import { startLedger } from '../../src/ledger';

jest.mock('../../src/db', () => ({ pool: { totalCount: 3 } }));

it('counts its connections', async () => {
  expect((await startLedger()).connections).toBe(3);
});
`,
      errors: [mockedDatabase('module `../../src/db`', '`jest.mock`', 3, `import { startLedger } from '../../src/ledger';

it('counts its connections', async () => {
  expect((await startLedger()).connections).toBe(3);
});
`)],
    },
  ],
});

js.run('no-boundary-mock: stand-ins that answer nothing (JavaScript, node:test)', rule, {
  valid: [
    {
      name: 'node:test: named exports that are all empty',
      filename: JS_TEST,
      code: `import { mock, test } from 'node:test';
import assert from 'node:assert/strict';

mock.module('../../src/db.js', { namedExports: { pool: {} } });

test('books an entry on a pool of its own', async () => {
  const { LedgerService } = await import('../../src/ledger.js');
  assert.ok(LedgerService);
});
`,
    },
    {
      name: 'Jest: a getter over a variable each test sets to the pool it opens',
      filename: JS_TEST,
      code: `import pg from 'pg';
import { balance } from '../../src/ledger.js';

let mockPool;

jest.mock('../../src/db.js', () => ({
  get pool() {
    return mockPool;
  },
}));

afterEach(() => mockPool.end());

test('reads a balance', async () => {
  mockPool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL });
  expect(await balance('cash')).toBe(0);
});
`,
    },
    {
      name: 'node:test: the database module\'s pool replaced by an empty class',
      filename: JS_TEST,
      code: `import { mock, test } from 'node:test';
import assert from 'node:assert/strict';

mock.module('../../src/db.js', { namedExports: { pool: class {} } });

test('books an entry on a pool of its own', async () => {
  const { LedgerService } = await import('../../src/ledger.js');
  assert.ok(LedgerService);
});
`,
    },
  ],
  invalid: [
    {
      name: 'node:test: a default export with a method answers calls',
      filename: JS_TEST,
      code: `import { mock, test } from 'node:test';
import assert from 'node:assert/strict';

mock.module('../../src/db.js', { namedExports: { pool: {} }, defaultExport: { query: async () => ({ rows: [] }) } });

test('lists no entries', async () => {
  const { entries } = await import('../../src/ledger.js');
  assert.deepEqual(await entries(), []);
});
`,
      errors: [mockedDatabase('module `../../src/db.js`', '`mock.module`', 4, `import { test } from 'node:test';
import assert from 'node:assert/strict';

test('lists no entries', async () => {
  const { entries } = await import('../../src/ledger.js');
  assert.deepEqual(await entries(), []);
});
`)],
    },
  ],
});
