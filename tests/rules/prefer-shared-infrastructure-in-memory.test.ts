/**
 * `prefer-shared-infrastructure` on a client built around another: what the wrapper is built on says
 * whether a fresh one per test is the isolation itself. A query builder over an in-memory database
 * made in the same hook is one; the same builder over a Postgres pool is infrastructure to share.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/prefer-shared-infrastructure';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const FILE = 'tests/integration/users.test.ts';

const TESTS = `
it('counts users', async () => {
  const rows = await db.selectFrom('users').selectAll().execute();
  expect(rows).toEqual([]);
});
it('adds a user', async () => {
  await db.insertInto('users').values({ email: 'ada@example.com' }).execute();
});
`;

ts.run('prefer-shared-infrastructure: what a wrapper is built on (Vitest)', rule, {
  valid: [
    {
      name: 'a query builder over an in-memory database made in the same hook',
      filename: FILE,
      code: `import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';

let sqlite: Database.Database;
let db: Kysely<any>;
beforeEach(() => {
  sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE users (id integer primary key, email text)');
  db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
});
afterEach(() => db.destroy());
${TESTS}`,
    },
  ],
  invalid: [
    {
      name: 'the same query builder over a Postgres pool',
      filename: FILE,
      code: `import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';

let db: Kysely<any>;
beforeEach(() => {
  db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });
});
afterEach(() => db.destroy());
${TESTS}`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 7,
          data: { call: 'new Kysely()', hook: 'beforeEach', count: 2, shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              output: `import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { afterEach, beforeEach, expect, it, beforeAll, afterAll } from 'vitest';

let db: Kysely<any>;
beforeAll(() => {
  db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });
});
afterAll(() => db.destroy());
${TESTS}`,
            },
          ],
        },
      ],
    },
  ],
});
