/**
 * `require-cleanup` on SQL written with a template tag and handed on: a statement passed to a call
 * is judged with that call. Handed to a runner (`pool.query(SQL`INSERT …`)`), the runner writes it;
 * handed to anything else (a function that inspects or formats the text), or nested
 * in another template as a fragment, it only builds text and writes nothing.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

ts.run('require-cleanup: tagged statements handed to a call (Jest, Vitest)', rule, {
  valid: [
    {
      name: 'Jest: statements built with an imported tag and handed to functions that read their text',
      filename: 'test/integration/statement-info.test.ts',
      code: `import sql from '@databases/sql';
import { describe, expect, test } from '@jest/globals';
import { hasValues, isSingleStatement } from '../../src/statement-info';

describe('statement info', () => {
  test('sees the values of an insert', () => {
    expect(hasValues(sql\`INSERT INTO invoices (total) VALUES (\${12})\`)).toBe(true);
  });

  test('tells one statement from several', () => {
    expect(isSingleStatement(sql\`UPDATE invoices SET paid = true WHERE id = \${7}\`)).toBe(true);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: the same kind of statement handed to the pool runs, and nothing removes its row',
      filename: 'test/integration/invoices.test.ts',
      code: `import { Pool } from 'pg';
import SQL from 'sql-template-strings';
import { afterAll, expect, it } from 'vitest';
import { totalDue } from '../../src/invoices';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

afterAll(() => pool.end());

it('sums what is due', async () => {
  await pool.query(SQL\`INSERT INTO invoices (total, paid) VALUES (\${12}, false)\`);
  expect(await totalDue(pool)).toBe(12);
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 11,
          data: { call: 'pool.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { subject: 'pool', hook: 'afterEach' },
              output: `import { Pool } from 'pg';
import SQL from 'sql-template-strings';
import { afterAll, expect, it, afterEach } from 'vitest';
import { totalDue } from '../../src/invoices';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

afterAll(() => pool.end());

afterEach(async () => {
  // Remove what each test wrote through \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

it('sums what is due', async () => {
  await pool.query(SQL\`INSERT INTO invoices (total, paid) VALUES (\${12}, false)\`);
  expect(await totalDue(pool)).toBe(12);
});
`,
            },
          ],
        },
      ],
    },
  ],
});

esm.run('require-cleanup: a statement nested in another as a fragment (node:test, JavaScript)', rule, {
  valid: [
    {
      name: 'an insert written as a fragment of a batch that is only split, never run',
      filename: 'test/integration/split-batch.test.js',
      code: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import sql from '@databases/sql';
import { splitStatements } from '../../src/split-statements.js';

test('splits a batch into its statements', () => {
  const batch = sql\`BEGIN; \${sql\`INSERT INTO events (id) VALUES (1)\`}; COMMIT;\`;
  assert.equal(splitStatements(batch).length, 3);
});
`,
    },
  ],
  invalid: [],
});
