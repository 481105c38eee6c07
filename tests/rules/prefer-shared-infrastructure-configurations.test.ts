/**
 * `prefer-shared-infrastructure`: tests that each build a client with other arguments build different
 * things (`new Pool({ …, max: 1 })`, `new Pool({ …, statement_timeout: 50 })`): one instance opened
 * once could not stand in for both. The same arguments, written with other spaces, line breaks or a
 * trailing comma, are the same construction.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/prefer-shared-infrastructure';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });

ts.run('prefer-shared-infrastructure (Vitest): constructions configured per test', rule, {
  valid: [
    {
      name: 'two tests, each with a pool configured for what it checks',
      filename: 'tests/integration/pool.test.ts',
      code: `import { Pool } from 'pg';
import { afterEach, expect, it } from 'vitest';

let pool: Pool | undefined;
afterEach(async () => {
  await pool?.end();
});

it('connects with one connection at most', async () => {
  pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const { rows } = await pool.query('SELECT 1 AS one');
  expect(rows[0].one).toBe(1);
});

it('connects with a statement timeout', async () => {
  pool = new Pool({ connectionString: process.env.DATABASE_URL, statement_timeout: 50 });
  await expect(pool.query('SELECT pg_sleep(1)')).rejects.toThrow(/timeout/);
});`,
    },
  ],
  invalid: [
    {
      name: 'two tests build the same pool, laid out differently; a third configures its own',
      filename: 'tests/integration/pool.test.ts',
      code: `import { Pool } from 'pg';
import { afterEach, expect, it } from 'vitest';

let pool: Pool | undefined;
afterEach(async () => {
  await pool?.end();
});

it('reads one row', async () => {
  pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT 1 AS one');
  expect(rows[0].one).toBe(1);
});

it('reads two rows', async () => {
  pool = new Pool({
    connectionString: process.env.DATABASE_URL,
  });
  const { rows } = await pool.query('SELECT 1 UNION ALL SELECT 2');
  expect(rows).toHaveLength(2);
});

it('times out a slow statement', async () => {
  pool = new Pool({ connectionString: process.env.DATABASE_URL, statement_timeout: 50 });
  await expect(pool.query('SELECT pg_sleep(1)')).rejects.toThrow(/timeout/);
});`,
      errors: [{ messageId: 'perTestBody', line: 10, data: { call: 'new Pool()', count: 2, shared: 'beforeAll' }, suggestions: [] }],
    },
  ],
});
