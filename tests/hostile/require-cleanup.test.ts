/** `require-cleanup` on hostile code: `import = require`, casts with type arguments, named hook functions, computed members. */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });
const FILE = 'tests/integration/users.test.ts';
const database = (call: string) => ({ call, target: 'the database', container: '' });
const REMOVE = '// Remove what each test wrote through';

ts.run('require-cleanup on hostile TypeScript', rule, {
  valid: [
    { name: 'a write through a mocked client', filename: FILE, code: `import { Pool } from 'pg';\njest['mock']('pg');\nit('writes', () => new Pool().query('INSERT INTO users DEFAULT VALUES'));\n` },
    {
      name: 'a delete of the row a write handed back, through optional chains and casts',
      filename: FILE,
      code: `import { Pool } from 'pg';\nconst pool = new Pool();\nit('writes', async () => {\n  const { rows: [row] } = (await pool.query('INSERT INTO users DEFAULT VALUES RETURNING id')) as any;\n  const id = row?.id as number;\n  await pool?.query('INSERT INTO logins (user_id) VALUES ($1)', [id!]);\n  await pool.query('DELETE FROM logins WHERE user_id = $1', [id]);\n  await pool.query(\`DELETE FROM users WHERE id = \${row.id}\`);\n});\n`,
    },
  ],
  invalid: [
    {
      name: 'import = require and a cast with type arguments',
      filename: FILE,
      code: `import pg = require('pg');\nconst pool = new pg.Pool();\ndescribe('typed', () => {\n  it('writes', async () => {\n    await (pool as pg.Pool).query<{ id: number }>('INSERT INTO users DEFAULT VALUES');\n  });\n});\n`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 5,
          column: 11,
          data: database('pool.query()'),
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'pool' },
              output: `import pg = require('pg');\nconst pool = new pg.Pool();\ndescribe('typed', () => {\n  afterEach(async () => {\n    ${REMOVE} \`pool\`: truncate the tables it wrote to, or roll back a per-test transaction.\n  });\n\n  it('writes', async () => {\n    await (pool as pg.Pool).query<{ id: number }>('INSERT INTO users DEFAULT VALUES');\n  });\n});\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'a write in a named async function hook',
      filename: FILE,
      code: `import { Pool } from 'pg';\nbeforeEach(async function named() { await new Pool().query('INSERT INTO users DEFAULT VALUES'); });\nit('reads', () => {});\n`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 2,
          column: 43,
          data: database('new Pool().query()'),
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'Pool' },
              output: `import { Pool } from 'pg';\nbeforeEach(async function named() { await new Pool().query('INSERT INTO users DEFAULT VALUES'); });\n\nafterEach(async () => {\n  ${REMOVE} \`Pool\`: truncate the tables it wrote to, or roll back a per-test transaction.\n});\nit('reads', () => {});\n`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('require-cleanup on hostile CommonJS', rule, {
  valid: [],
  invalid: [
    {
      name: 'a computed member on a required client',
      filename: 'tests/integration/cache.test.cjs',
      code: `const Redis = require('ioredis');\nconst client = new Redis();\ndescribe('cache', function () {\n  it('writes', async function () { await client['set']('k', 'v'); });\n});\n`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 4,
          column: 42,
          data: { call: 'client.set()', target: 'the cache', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'client' },
              output: `const Redis = require('ioredis');\nconst client = new Redis();\ndescribe('cache', function () {\n  afterEach(async () => {\n    ${REMOVE} \`client\`: flush the keys it set.\n  });\n\n  it('writes', async function () { await client['set']('k', 'v'); });\n});\n`,
            },
          ],
        },
      ],
    },
  ],
});
