/**
 * `require-cleanup` where the cleanup is a hook registered by a helper module the test file imports
 * for its exports: loading the module runs its top level, so `afterEach(truncateAll)` beside the
 * helpers registers for the file whatever the file takes from it. Written to disk, so the rule reads
 * the helper as it would in a project.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import rule from '../../src/rules/require-cleanup';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'require-cleanup-helper-hooks-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const HELPERS_WITH_HOOK = `import { afterEach } from 'vitest';
import { db } from '../../src/db';

export async function createInvoice(total: number) {
  return db.query('INSERT INTO invoices (total) VALUES ($1) RETURNING id', [total]);
}

export type Invoice = { id: number; total: number };

afterEach(async () => {
  await db.query('TRUNCATE invoices');
});
`;

const PROJECT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'billing', type: 'module' }),
  'src/db.ts': "import { Pool } from 'pg';\n\nexport const db = new Pool();\n",
  'tests/support/invoices.ts': HELPERS_WITH_HOOK,
  // The same helpers without the hook.
  'tests/support/plain-invoices.ts': HELPERS_WITH_HOOK.slice(0, HELPERS_WITH_HOOK.indexOf('\nafterEach')),
  // The helpers with the hook again, for a file that takes only a type from them.
  'tests/support/types.ts': HELPERS_WITH_HOOK,
  // Helpers whose top level calls a function of a module that cannot be found (an alias the project
  // resolves some other way): it may register any hook.
  'tests/support/unread-invoices.ts': `${HELPERS_WITH_HOOK.slice(0, HELPERS_WITH_HOOK.indexOf('\nafterEach'))}
import { useTestDatabase } from '../../src/testing/not-written-yet';

useTestDatabase();
`,
  // A helper the test calls while its suites are collected, which calls such a function.
  'tests/support/unread-setup.ts': `import { resetBetweenTests } from '../../src/testing/not-written-yet';

export function withCleanDatabase() {
  resetBetweenTests();
}
`,
};

for (const [file, text] of Object.entries(PROJECT)) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const filename = path.join(root, 'tests/integration/invoices.test.ts');

const TEST = `import { Pool } from 'pg';
import { expect, it } from 'vitest';
import { createInvoice } from '../support/invoices';

const pool = new Pool();

it('totals a new invoice', async () => {
  await pool.query('INSERT INTO invoices (total) VALUES (7)');
  const invoice = await createInvoice(3);
  expect(invoice.rows).toHaveLength(1);
});
`;

/** The insert the test makes, reported with no cleanup in view. */
const INSERT = { messageId: 'missingCleanup', data: { call: 'pool.query()', target: 'the database', container: '' } } as const;

/** The suggested edit on a variant of the test: `afterEach` imported, and an empty hook put before the pool. */
function withCleanupHook(code: string): string {
  return code
    .replace("import { expect, it } from 'vitest';", "import { expect, it, afterEach } from 'vitest';")
    .replace(
      'const pool = new Pool();',
      'afterEach(async () => {\n  // Remove what each test wrote through `pool`: truncate the tables it wrote to, or roll back a per-test transaction.\n});\n\nconst pool = new Pool();',
    );
}

const WITHOUT_HOOK = TEST.replace("'../support/invoices'", "'../support/plain-invoices'");
const TYPES_ONLY = TEST.replace("import { createInvoice } from '../support/invoices';", "import { type Invoice } from '../support/types';\nimport { createInvoice } from '../support/plain-invoices';");

ts.run('require-cleanup: hooks a helper module registers as the test file loads it (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'the helper module truncates after each test, and the file imports a helper from it',
      filename,
      code: TEST,
    },
    {
      name: 'loaded by require, the module runs the same',
      filename,
      code: TEST.replace("import { createInvoice } from '../support/invoices';", "const { createInvoice } = require('../support/invoices');"),
    },
    {
      name: 'the helper module calls, as it loads, a function the rule cannot read: it may register the cleanup',
      filename,
      code: TEST.replace("'../support/invoices'", "'../support/unread-invoices'"),
    },
    {
      name: 'the file calls, while its suites are collected, a helper that calls a function the rule cannot read',
      filename,
      code: WITHOUT_HOOK.replace(
        "import { createInvoice } from '../support/plain-invoices';",
        "import { createInvoice } from '../support/plain-invoices';\nimport { withCleanDatabase } from '../support/unread-setup';\n\nwithCleanDatabase();",
      ),
    },
  ],
  invalid: [
    {
      name: 'the same helpers without the hook clean nothing',
      filename,
      code: WITHOUT_HOOK,
      errors: [{ ...INSERT, line: 8, suggestions: [{ messageId: 'addCleanupHook', output: withCleanupHook(WITHOUT_HOOK) }] }],
    },
    {
      name: 'an import of types only is erased, so the module and its hook never load',
      filename,
      code: TYPES_ONLY,
      errors: [{ ...INSERT, line: 9, suggestions: [{ messageId: 'addCleanupHook', output: withCleanupHook(TYPES_ONLY) }] }],
    },
  ],
});
