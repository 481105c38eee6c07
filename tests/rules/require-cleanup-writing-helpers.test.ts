/**
 * `require-cleanup` on a file's own helper named for writing (`seedShelf(store, …)`,
 * `insertOrders(pool, …)`). When every write in its body goes through one of its parameters, the
 * helper writes wherever what it is handed leads: a store the test builds in memory keeps nothing
 * after the test, a database pool keeps its rows. A helper that writes through a client of its own
 * is judged by its name, as before.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

/** A Jest file with a helper that inserts orders, and the pool made at its top. */
const ordersFile = (helper: string, call: string): string => `import { Pool } from 'pg';
import { afterAll, describe, expect, it } from '@jest/globals';
import { openOrders } from '../../src/orders';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

${helper}

afterAll(() => pool.end());

describe('open orders', () => {
  it('lists the orders not yet shipped', async () => {
    ${call}
    expect(await openOrders(pool)).toHaveLength(1);
  });
});
`;

/** The file with the suggested `afterEach` added: imported, and written at the top of the suite. */
const withCleanupHook = (code: string, comment: string): string =>
  code
    .replace("import { afterAll, describe, expect, it } from '@jest/globals';", "import { afterAll, describe, expect, it, afterEach } from '@jest/globals';")
    .replace("describe('open orders', () => {\n", `describe('open orders', () => {\n  afterEach(async () => {\n    // Remove what each test ${comment}.\n  });\n\n`);

const throughParameter = `async function insertOrder(db: Pool, reference: string) {
  await db.query('INSERT INTO orders (reference, shipped) VALUES ($1, false)', [reference]);
}`;
const throughOwnClient = `async function insertOrder(reference: string) {
  await pool.query('INSERT INTO orders (reference, shipped) VALUES ($1, false)', [reference]);
}`;

ts.run('require-cleanup: a writing helper of the file, handed where to write (Jest, Vitest)', rule, {
  valid: [
    {
      name: 'Vitest: a seeding helper writes into the store each test builds in memory',
      filename: 'test/integration/shelf.test.ts',
      code: `import { describe, expect, it } from 'vitest';
import { Shelf } from '../../src/shelf';

class ListStore {
  readonly rows: Array<{ id: string; title: string }> = [];

  async insert(row: { id: string; title: string }) {
    this.rows.push(row);
  }
}

async function seedShelf(store: ListStore, titles: string[]) {
  for (const [index, title] of titles.entries()) await store.insert({ id: String(index), title });
}

describe('shelf', () => {
  it('counts the books it holds', async () => {
    const store = new ListStore();
    await seedShelf(store, ['Dune', 'Emma']);
    expect(await new Shelf(store).count()).toBe(2);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'Jest: the same kind of helper handed the database pool, and nothing removes its rows',
      filename: 'test/integration/orders.test.ts',
      code: ordersFile(throughParameter, `await insertOrder(pool, 'A-1');`),
      errors: [
        {
          messageId: 'missingCleanup',
          line: 15,
          data: { call: 'insertOrder()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { subject: 'pool', hook: 'afterEach' },
              output: withCleanupHook(ordersFile(throughParameter, `await insertOrder(pool, 'A-1');`), 'wrote through `pool`: truncate the tables it wrote to, or roll back a per-test transaction'),
            },
          ],
        },
      ],
    },
    {
      name: 'Jest: a helper that writes through the pool it closes over is judged by its name',
      filename: 'test/integration/orders.test.ts',
      code: ordersFile(throughOwnClient, `await insertOrder('A-1');`),
      errors: [
        {
          messageId: 'missingCleanup',
          line: 15,
          data: { call: 'insertOrder()', target: 'a boundary', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { subject: 'insertOrder()', hook: 'afterEach' },
              output: withCleanupHook(ordersFile(throughOwnClient, `await insertOrder('A-1');`), 'wrote with `insertOrder()`: delete what it created'),
            },
          ],
        },
      ],
    },
  ],
});

esm.run('require-cleanup: a writing helper of the file, handed where to write (Mocha, JavaScript)', rule, {
  valid: [
    {
      name: 'a helper that inserts into a table the test makes from a class of its own',
      filename: 'test/integration/sessions.test.js',
      code: `import { expect } from 'chai';
import { expireBefore } from '../../src/expiry.js';

class RowTable {
  constructor() {
    this.rows = [];
  }

  insert(row) {
    this.rows.push(row);
  }
}

function insertSessions(table, ids) {
  for (const id of ids) table.insert({ id, startedAt: 0 });
}

describe('expiry', () => {
  it('expires every session started before the cut-off', () => {
    const table = new RowTable();
    insertSessions(table, ['s1', 's2']);
    expect(expireBefore(table, 1)).to.equal(2);
  });
});
`,
    },
  ],
  invalid: [],
});
