/** `one-boundary-per-file` on hostile code: `import = require`, type-only imports, computed mocks, dynamic import. */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/one-boundary-per-file';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const FILE = 'tests/integration/users.test.ts';

ts.run('one-boundary-per-file on hostile TypeScript', rule, {
  valid: [
    { name: 'a type-only import is no boundary', filename: FILE, code: `import type { Pool } from 'pg';\nimport Redis from 'ioredis';\ndeclare const pool: Pool;\nit('x', async () => { await new Redis().get('k'); void pool; });\n` },
    { name: 'a boundary mocked through a computed member does not count', filename: FILE, code: `import { Pool } from 'pg';\nimport Redis from 'ioredis';\njest['mock']('ioredis');\nit('x', async () => { await new Pool().query('SELECT 1'); await new Redis().get('k'); });\n` },
  ],
  invalid: [
    {
      name: 'import = require beside an ES import',
      filename: FILE,
      code: `import pg = require('pg');\nimport axios from 'axios';\nit('x', async () => { await new pg.Pool().query('SELECT 1'); await axios.get('https://api.example.com'); });\n`,
      // An HTTP client counts where a request leaves the machine, not where it is loaded.
      errors: [{ messageId: 'tooManyBoundaries', line: 3, column: 68, data: { count: 2, boundaries: 'database (line 1), http (line 3)', max: 1, file: 'tests/integration/users.test.ts' } }],
    },
    {
      name: 'a second boundary loaded with dynamic import()',
      filename: FILE,
      code: `import { Pool } from 'pg';\nit('x', async () => { const { default: Redis } = await import('ioredis'); await new Pool().query('SELECT 1'); await new Redis().get('k'); });\n`,
      errors: [{ messageId: 'tooManyBoundaries', line: 2, column: 56, data: { count: 2, boundaries: 'database (line 1), cache (line 2)', max: 1, file: 'tests/integration/users.test.ts' } }],
    },
  ],
});
