/**
 * `require-cleanup` on a client a project helper makes over a database of its own making: a client
 * built over an in-memory database (`drizzle(new Database(':memory:'))`) is a database made for the
 * caller, and what the tests write goes with it. The same client built over a database file keeps
 * what is written, and a write through it is reported.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import rule from '../../src/rules/require-cleanup';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('require-cleanup-fresh-database-helpers');

const notes = project('notes', {
  'package.json': JSON.stringify({ name: 'notes', version: '1.0.0' }),
  'src/schema.ts': "import { sqliteTable, text } from 'drizzle-orm/sqlite-core';\n\nexport const notes = sqliteTable('notes', { id: text('id').primaryKey(), body: text('body') });\n",
  'test/support/db.ts': [
    "import Database from 'better-sqlite3';",
    "import { drizzle } from 'drizzle-orm/better-sqlite3';",
    '',
    'export function memoryDatabase() {',
    "  const sqlite = new Database(':memory:');",
    '  return drizzle(sqlite);',
    '}',
    '',
    'export function fileDatabase(file: string) {',
    '  const sqlite = new Database(file);',
    '  return drizzle(sqlite);',
    '}',
    '',
  ].join('\n'),
});

const NOTES = `import { beforeEach, describe, expect, it } from 'vitest';
import { notes } from '../../src/schema';
import { memoryDatabase } from '../support/db';

describe('notes', () => {
  let db: ReturnType<typeof memoryDatabase>;

  beforeEach(() => {
    db = memoryDatabase();
  });

  it('stores a note', async () => {
    await db.insert(notes).values({ id: 'n1', body: 'hello' });
    expect(await db.select().from(notes)).toHaveLength(1);
  });
});
`;

const ON_FILE = NOTES.replaceAll('memoryDatabase()', "fileDatabase('notes.db')").replaceAll('memoryDatabase', 'fileDatabase');

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const filename = path.join(notes, 'test/integration/notes.test.ts');

ts.run('require-cleanup: a database a helper makes in memory (Vitest, TypeScript)', rule, {
  valid: [{ name: 'a client made over an in-memory database, new for each test', filename, code: NOTES }],
  invalid: [
    {
      name: 'the same client made over a database file',
      filename,
      code: ON_FILE,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 13,
          data: { call: 'db.insert().values()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'db' },
              output: ON_FILE.replace("import { beforeEach, describe, expect, it } from 'vitest';", "import { beforeEach, describe, expect, it, afterEach } from 'vitest';").replace(
                "  beforeEach(() => {\n    db = fileDatabase('notes.db');\n  });\n",
                "  beforeEach(() => {\n    db = fileDatabase('notes.db');\n  });\n\n  afterEach(async () => {\n    // Remove what each test wrote through `db`: truncate the tables it wrote to, or roll back a per-test transaction.\n  });\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});
