/**
 * `no-shared-test-data`: tests written in a loop run once per item. Over an array the file writes
 * out, in place or as a `const` it only loops over, the count is exact; over anything else (an array
 * built at run time, or one the file adds to) it is a lower bound, and the message says "at least".
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });
const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

/** Jest, TypeScript: a seed in `beforeAll`, tests made for each role of `roles`, then one more. */
const rolesSuite = (roles: string, before = '') => `import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
${before}
describe('role lookup', () => {
  beforeAll(async () => {
    await pool.query("INSERT INTO roles (name) VALUES ('admin'), ('editor')");
  });
  afterAll(() => pool.end());

  ${roles}.forEach((role) => {
    it(\`finds the \${role} role\`, async () => {
      const { rows } = await pool.query('SELECT name FROM roles WHERE name = $1', [role]);
      expect(rows.length).toBeLessThanOrEqual(1);
    });
  });

  it('counts the roles', async () => {
    const { rows } = await pool.query('SELECT count(*) FROM roles');
    expect(Number(rows[0].count)).toBeGreaterThan(0);
  });
});
`;

ts.run('no-shared-test-data: tests made in a loop over an array of the file', rule, {
  valid: [],
  invalid: [
    {
      name: 'Jest: `forEach` over an array written in place (`as const`): three looped tests and one more',
      filename: 'tests/integration/roles.test.ts',
      code: rolesSuite("(['admin', 'editor', 'viewer'] as const)"),
      errors: [{ messageId: 'sharedData', line: 7, data: { hook: 'beforeAll', shared: 'a suite of 4 tests', sources: '`pool.query()` (line 7)' } }],
    },
    {
      name: 'Jest: `forEach` over a `const` array the file only loops over',
      filename: 'tests/integration/roles.test.ts',
      code: rolesSuite('ROLES', "const ROLES = ['admin', 'editor'];\n"),
      errors: [{ messageId: 'sharedData', line: 8, data: { hook: 'beforeAll', shared: 'a suite of 3 tests', sources: '`pool.query()` (line 8)' } }],
    },
    {
      name: 'Jest: a `const` array the file adds to may hold more items than it writes: a lower bound',
      filename: 'tests/integration/roles.test.ts',
      code: rolesSuite('ROLES', "const ROLES = ['admin', 'editor'];\nROLES.push('viewer');\n"),
      errors: [{ messageId: 'sharedData', line: 9, data: { hook: 'beforeAll', shared: 'a suite of at least 2 tests', sources: '`pool.query()` (line 9)' } }],
    },
    {
      name: 'Jest: an array built at run time: a lower bound',
      filename: 'tests/integration/roles.test.ts',
      code: rolesSuite("Object.keys({ admin: 1, editor: 2 })"),
      errors: [{ messageId: 'sharedData', line: 7, data: { hook: 'beforeAll', shared: 'a suite of at least 2 tests', sources: '`pool.query()` (line 7)' } }],
    },
    {
      name: 'Jest: an array with a spread may hold any number of items: a lower bound',
      filename: 'tests/integration/roles.test.ts',
      code: rolesSuite("['admin', ...process.argv.slice(2)]"),
      errors: [{ messageId: 'sharedData', line: 7, data: { hook: 'beforeAll', shared: 'a suite of at least 2 tests', sources: '`pool.query()` (line 7)' } }],
    },
  ],
});

/** Mocha: one account made in `before`, and a withdrawal test written once per amount. */
const withdrawals = (amounts: string) => `const assert = require('node:assert');
const { connect } = require('../../src/db');
const { AccountRepository } = require('../../src/accounts');

describe('withdrawals', function () {
  let db;
  let accounts;
  let account;

  before(async function () {
    db = await connect();
    accounts = new AccountRepository(db);
    account = await accounts.create({ owner: 'ada', balance: 100 });
  });
  after(async function () {
    await db.close();
  });

  for (const amount of ${amounts}) {
    it(\`withdraws \${amount}\`, async function () {
      const after = await accounts.withdraw(account.id, amount);
      assert.ok(after.balance >= 0);
    });
  }
});
`;

cjs.run('no-shared-test-data: one test written in a loop is several tests', rule, {
  valid: [
    {
      name: 'Mocha: a loop over one amount writes one test, which has the account to itself',
      filename: 'test/integration/withdrawals.test.js',
      code: withdrawals('[10]'),
    },
  ],
  invalid: [
    {
      name: 'Mocha: a loop over three amounts runs three tests that share the account',
      filename: 'test/integration/withdrawals.test.js',
      code: withdrawals('[10, 20, 30]'),
      errors: [{ messageId: 'sharedData', line: 13, data: { hook: 'before', shared: 'the 3 tests that use `account`', sources: '`account = accounts.create()` (line 13)' } }],
    },
  ],
});

esm.run('no-shared-test-data: a loop that awaits its items', rule, {
  valid: [],
  invalid: [
    {
      name: 'node:test: `for await` over an array: a lower bound',
      filename: 'test/integration/withdrawals.test.mjs',
      code: `import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../../src/db.js';

describe('deposits', () => {
  let db;
  before(async () => {
    db = await connect();
    await db.collection('accounts').insertOne({ _id: 'ada', balance: 100 });
  });
  after(() => db.close());

  for await (const amount of [10, 20, 30]) {
    it(\`deposits \${amount}\`, async () => {
      await db.collection('accounts').updateOne({ _id: 'ada' }, { $inc: { balance: amount } });
    });
  }
  it('reads the balance', async () => {
    assert.ok(await db.collection('accounts').findOne({ _id: 'ada' }));
  });
});
`,
      errors: [{ messageId: 'sharedData', line: 9, data: { hook: 'before', shared: 'a suite of at least 2 tests', sources: "`db.collection().insertOne()` (line 9)" } }],
    },
  ],
});

/** Vitest, TypeScript: a project seeded once, and a test written once per row of a table the file declares. */
const scheduleSuite = (table: string, tests: string) => `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pool } from 'pg';

interface Cadence {
  name: string;
  minutes: number;
}

${table}

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

describe('schedules', () => {
  beforeAll(async () => {
    await pool.query("INSERT INTO projects (id) VALUES ('p1')");
  });
  afterAll(() => pool.end());

${tests}
});
`;

const scheduleTests = `  it.each(CADENCES)('schedules every $name', async ({ minutes }) => {
    const { rows } = await pool.query('SELECT next_run($1, $2) AS at', ['p1', minutes]);
    expect(rows[0].at).toBeDefined();
  });

  it('lists the schedules of the project', async () => {
    const { rows } = await pool.query("SELECT * FROM schedules WHERE project_id = 'p1'");
    expect(rows).toBeDefined();
  });`;

ts.run('no-shared-test-data: tests made from a `const` table the file hands to `each`', rule, {
  valid: [],
  invalid: [
    {
      name: 'Vitest: `it.each` over a typed `const` array the file writes out: one test per row, and one more',
      filename: 'tests/integration/schedules.test.ts',
      code: scheduleSuite(
        "const CADENCES: Cadence[] = [\n  { name: 'hour', minutes: 60 },\n  { name: 'day', minutes: 1440 },\n  { name: 'week', minutes: 10080 },\n];",
        scheduleTests,
      ),
      errors: [{ messageId: 'sharedData', line: 19, data: { hook: 'beforeAll', shared: 'a suite of 4 tests', sources: '`pool.query()` (line 19)' } }],
    },
    {
      name: 'Vitest: `describe.each` over such a table runs the tests inside once per row',
      filename: 'tests/integration/schedules.test.ts',
      code: scheduleSuite(
        "const CADENCES = [{ name: 'hour', minutes: 60 }, { name: 'day', minutes: 1440 }] satisfies Cadence[];",
        `  describe.each(CADENCES)('every $name', ({ minutes }) => {
    it('schedules the next run', async () => {
      const { rows } = await pool.query('SELECT next_run($1, $2) AS at', ['p1', minutes]);
      expect(rows[0].at).toBeDefined();
    });

    it('keeps the project', async () => {
      const { rows } = await pool.query("SELECT id FROM projects WHERE id = 'p1'");
      expect(rows).toHaveLength(1);
    });
  });`,
      ),
      errors: [{ messageId: 'sharedData', line: 15, data: { hook: 'beforeAll', shared: 'a suite of 4 tests', sources: '`pool.query()` (line 15)' } }],
    },
    {
      name: 'Vitest: a table the file also adds to may hold more rows than it writes: a lower bound',
      filename: 'tests/integration/schedules.test.ts',
      code: scheduleSuite(
        "const CADENCES: Cadence[] = [{ name: 'hour', minutes: 60 }];\nCADENCES.push({ name: 'day', minutes: 1440 });",
        scheduleTests,
      ),
      errors: [{ messageId: 'sharedData', line: 16, data: { hook: 'beforeAll', shared: 'a suite of at least 2 tests', sources: '`pool.query()` (line 16)' } }],
    },
  ],
});
