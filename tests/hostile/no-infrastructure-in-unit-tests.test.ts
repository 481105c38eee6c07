/** `no-infrastructure-in-unit-tests` on hostile code: mocks written the odd way count, fake ones do not. */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/no-infrastructure-in-unit-tests';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });

const FILE = 'tests/unit/users.test.ts';
const client = (module: string, kind: string) => ({ messageId: 'client' as const, data: { module, kind } });

ts.run('no-infrastructure-in-unit-tests on hostile TypeScript', rule, {
  valid: [
    { name: 'mocked through a computed member', filename: FILE, code: `import { Pool } from 'pg';\njest['mock']('pg');\nit('connects', () => { new Pool(); });\n` },
    { name: 'mocked through a unicode escape, used under another name', filename: FILE, code: `import { Pool as Bassin } from 'pg';\nimport { vi } from 'vitest';\nvi.\\u006dock('pg');\nit('connects', () => { new Bassin(); });\n` },
    { name: 'mocked with optional chaining', filename: FILE, code: `import { Pool } from 'pg';\nimport { vi } from 'vitest';\nvi?.mock('pg');\nit('connects', () => { new Pool(); });\n` },
    { name: 'a type-only import and a declared value', filename: FILE, code: `import type { Pool } from 'pg';\ndeclare const pool: Pool;\nit('types only', () => { void pool; });\n` },
    { name: 're-exporting a client opens nothing', filename: FILE, code: `export { Pool } from 'pg';\n` },
    { name: 'an empty file', filename: FILE, code: '' },
  ],
  invalid: [
    {
      name: 'a local object named vi mocks nothing',
      filename: FILE,
      code: `import { Pool } from 'pg';\nfunction setUp() { const vi = { mock(name: string) { return name; } }; vi.mock('pg'); }\nit('connects', () => { const pool = new Pool(); void pool; setUp(); });\n`,
      errors: [{ ...client('pg', 'database'), line: 3, column: 37 }],
    },
    {
      name: 'import = require',
      filename: FILE,
      code: `import pg = require('pg');\nit('connects', () => { new pg.Pool(); });\n`,
      errors: [{ ...client('pg', 'database'), line: 2, column: 24 }],
    },
    {
      name: 'a client loaded with dynamic import()',
      filename: FILE,
      code: `it('connects lazily', async () => { const { default: Redis } = await import('ioredis'); const client = new Redis(); void client; });\n`,
      errors: [{ ...client('ioredis', 'cache'), line: 1, column: 104 }],
    },
    {
      name: 'a client built inside JSX',
      filename: 'tests/unit/app.test.tsx',
      code: `import { MongoClient } from 'mongodb';\nit('renders', () => { render(<App client={new MongoClient('mongodb://localhost')} />); });\n`,
      errors: [{ ...client('mongodb', 'database'), line: 2, column: 43 }],
    },
  ],
});

cjs.run('no-infrastructure-in-unit-tests on hostile CommonJS', rule, {
  valid: [],
  invalid: [
    {
      name: 'a container module from require, started on Mocha this',
      filename: 'tests/unit/users.test.cjs',
      code: `const { PostgreSqlContainer } = require('@testcontainers/postgresql');\nbefore(async function () { this.container = await new PostgreSqlContainer().start(); });\n`,
      errors: [{ messageId: 'container', data: { module: '@testcontainers/postgresql', system: 'a real database' }, line: 1, column: 33 }],
    },
  ],
});
