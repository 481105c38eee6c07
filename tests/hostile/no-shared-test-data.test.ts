/** `no-shared-test-data` on hostile code: template tables, computed members, optional calls, unicode names. */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const FILE = 'tests/integration/users.test.ts';

ts.run('no-shared-test-data on hostile TypeScript', rule, {
  valid: [
    { name: 'an array one test changes and no other test reads', filename: FILE, code: `const données = [{ nom: 'Ada' }];\nit('adds', () => { données.push({ nom: 'Grace' }); });\n` },
    { name: 'a test file with no tests', filename: FILE, code: `let user: unknown;\nbeforeAll(async () => { user = await createUser(); });\n` },
    {
      name: 'tests handed to wrappers that take no function, a function by name, or nested wrappers',
      filename: FILE,
      code: `let user: unknown;\nbeforeAll(async () => { user = await createUser(); });\nit('a', wrap());\nit('b', wrap(check, 'user'));\nit('c', outer(inner(() => undefined)));\nit('d', (wrap as any)?.(async () => 1));\n`,
    },
  ],
  invalid: [
    {
      name: 'a describe.each template table, with the hook imported under its own name',
      filename: FILE,
      code: "import { Pool } from 'pg';\nimport { describe, it, afterEach, beforeAll, expect } from 'vitest';\nconst pool = new Pool();\ndescribe.each`\n  table\n  ${'users'}\n`('$table', ({ table }) => {\n  let row: unknown;\n  beforeAll(async () => { row = await pool.query(`INSERT INTO ${table} DEFAULT VALUES`); });\n  afterEach(() => pool.query(`TRUNCATE ${table}`));\n  it('a', () => { expect(row).toBeDefined(); });\n  it('b', () => { expect(row).toBeTruthy(); });\n});\n",
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          column: 27,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `row`', sources: '`row = pool.query()` (line 9)' },
          suggestions: [
            {
              messageId: 'runPerTest',
              data: { hook: 'beforeAll', replacement: 'beforeEach' },
              output: "import { Pool } from 'pg';\nimport { describe, it, afterEach, beforeEach, expect } from 'vitest';\nconst pool = new Pool();\ndescribe.each`\n  table\n  ${'users'}\n`('$table', ({ table }) => {\n  let row: unknown;\n  beforeEach(async () => { row = await pool.query(`INSERT INTO ${table} DEFAULT VALUES`); });\n  afterEach(() => pool.query(`TRUNCATE ${table}`));\n  it('a', () => { expect(row).toBeDefined(); });\n  it('b', () => { expect(row).toBeTruthy(); });\n});\n",
            },
          ],
        },
      ],
    },
    {
      name: 'a computed describe.each and an optional factory call',
      filename: FILE,
      code: `describe['each']([[1]])('x %i', () => {\n  let user: unknown;\n  beforeAll(async () => { user = await createUser?.({ name: nextName('ユーザー') }); });\n  afterEach(() => deleteUsers());\n  it('a', () => user);\n  it('b', () => user);\n});\n`,
      errors: [
        {
          messageId: 'sharedData',
          line: 3,
          column: 27,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `user`', sources: '`user = createUser()` (line 3)' },
          suggestions: [
            {
              messageId: 'runPerTest',
              data: { hook: 'beforeAll', replacement: 'beforeEach' },
              output: `describe['each']([[1]])('x %i', () => {\n  let user: unknown;\n  beforeEach(async () => { user = await createUser?.({ name: nextName('ユーザー') }); });\n  afterEach(() => deleteUsers());\n  it('a', () => user);\n  it('b', () => user);\n});\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'a unicode name gets a factory that is still an identifier',
      filename: FILE,
      code: `const ユーザー = [{ nom: 'Ada' }];\nit('adds', () => { ユーザー.push({ nom: 'Grace' }); });\nit('counts', () => ユーザー.length);\n`,
      errors: [
        {
          messageId: 'mutatedLiteral',
          line: 1,
          column: 7,
          suggestions: [
            {
              messageId: 'buildPerTest',
              data: { name: 'ユーザー', factory: 'buildユーザー' },
              output: `const buildユーザー = () => [{ nom: 'Ada' }];\nit('adds', () => { const ユーザー = buildユーザー(); ユーザー.push({ nom: 'Grace' }); });\nit('counts', () => { const ユーザー = buildユーザー(); return ユーザー.length; });\n`,
            },
          ],
        },
      ],
    },
  ],
});
