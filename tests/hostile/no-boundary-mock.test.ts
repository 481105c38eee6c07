/** `no-boundary-mock` on hostile code: each anti-pattern written the odd way is still found, with an exact edit. */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/no-boundary-mock';
import { nestedDescribes } from './snippets';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });

const FILE = 'tests/integration/users.test.ts';
const SPY = `jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] } as never);`;
const DEEP = nestedDescribes(50).replace('beforeEach(async', `beforeAll(() => { });\n${'  '.repeat(50)}beforeEach(async`);
const database = (what: string, how: string) => ({
  what,
  kind: 'database',
  how,
  effect: what.startsWith('module ') ? 'so its calls no longer reach the database' : 'so this call no longer reaches the database',
});

ts.run('no-boundary-mock on hostile TypeScript', rule, {
  valid: [
    {
      name: 'a local object named jest is not the test runner',
      filename: FILE,
      code: `function setUp() {\n  const jest = { mock: (name: string) => name };\n  jest.mock('pg');\n}\n`,
    },
    {
      name: 'a specifier the file cannot prove is left alone',
      filename: FILE,
      code: `const name = 'pg';\njest.mock(name);\n(0, jest.mock)('pg');\njest.mock(...['pg']);\n`,
    },
    { name: 'an empty file', filename: FILE, code: '' },
  ],
  invalid: [
    {
      name: 'a computed member',
      filename: FILE,
      code: `import { Pool } from 'pg';\njest['mock']('pg');\nlet pool: Pool;\n`,
      errors: [{ messageId: 'mockedDatabase', line: 2, column: 1, data: database('module `pg`', '`jest.mock`'), suggestions: [{ messageId: 'removeMock', data: database('module `pg`', '`jest.mock`'), output: `import { Pool } from 'pg';\nlet pool: Pool;\n` }] }],
    },
    {
      name: 'optional chaining on the runner and the spy',
      filename: FILE,
      code: `import { Pool } from 'pg';\nimport { vi } from 'vitest';\nvi?.mock('pg');\nconst pool = new Pool();\nvi.spyOn?.(pool, 'query')?.mockResolvedValue?.({ rows: [] } as never);\n`,
      errors: [
        { messageId: 'mockedDatabase', line: 3, suggestions: [{ messageId: 'removeMock', data: database('module `pg`', '`vi.mock`'), output: `import { Pool } from 'pg';\nimport { vi } from 'vitest';\nconst pool = new Pool();\nvi.spyOn?.(pool, 'query')?.mockResolvedValue?.({ rows: [] } as never);\n` }] },
        { messageId: 'mockedDatabase', line: 5, suggestions: [{ messageId: 'removeMock', data: database('`pool.query` from `pg`', '`vi.spyOn`'), output: `import { Pool } from 'pg';\nimport { vi } from 'vitest';\nvi?.mock('pg');\nconst pool = new Pool();\n` }] },
      ],
    },
    {
      name: 'a unicode escape in the method name',
      filename: FILE,
      code: `import { vi } from 'vitest';\nvi.\\u006dock('pg');\n`,
      errors: [{ messageId: 'mockedDatabase', suggestions: [{ messageId: 'removeMock', data: database('module `pg`', '`vi.mock`'), output: `` }] }],
    },
    {
      name: 'a hex escape spells the method in a computed member',
      filename: FILE,
      code: `import { vi } from 'vitest';\nvi['\\x6dock']('pg');\n`,
      errors: [{ messageId: 'mockedDatabase', suggestions: [{ messageId: 'removeMock', data: database('module `pg`', '`vi.mock`'), output: `` }] }],
    },
    {
      name: 'a line continuation splits the method name in a computed member',
      filename: FILE,
      code: `import { vi } from 'vitest';\nvi['mo\\\nck']('pg');\n`,
      errors: [{ messageId: 'mockedDatabase', suggestions: [{ messageId: 'removeMock', data: database('module `pg`', '`vi.mock`'), output: `` }] }],
    },
    {
      name: 'a stand-in assigned to a global in a file with no mocking word',
      filename: FILE,
      code: `import { getUsers } from '../src/users';\nglobalThis.fetch = async () => new Response('[]');\n`,
      errors: [{ messageId: 'mockedHttp', line: 2, suggestions: [{ messageId: 'removeMock', output: `import { getUsers } from '../src/users';\n` }] }],
    },
    {
      name: 'a mock inside a re-exported helper has no statement of its own to remove',
      filename: FILE,
      code: `export { createUser } from '../factories';\nexport const mockPool = () => jest.mock('pg');\n`,
      errors: [{ messageId: 'mockedDatabase', line: 2, column: 31, suggestions: [] }],
    },
    {
      name: 'a typed double in a file with enums, namespaces and satisfies',
      filename: FILE,
      code: `import type { PrismaClient } from '@prisma/client';\nimport { mockDeep } from 'jest-mock-extended';\nenum Role { Admin = 'admin' }\nnamespace Fixtures { export const admin = { role: Role.Admin }; }\nconst config = { url: '' } satisfies { url: string };\nconst prisma = mockDeep<PrismaClient>();\n`,
      errors: [{ messageId: 'mockedDatabase', line: 6, suggestions: [] }],
    },
    {
      name: 'a mock fifty describes deep',
      filename: FILE,
      code: DEEP.replace('{ }', `{ ${SPY} }`),
      errors: [{ messageId: 'mockedDatabase', line: 53, suggestions: [{ messageId: 'removeMock', data: database('`pool.query` from `pg`', '`jest.spyOn`'), output: DEEP }] }],
    },
    {
      name: 'a mock in a .tsx test',
      filename: 'tests/integration/user-card.test.tsx',
      code: `import axios from 'axios';\njest.mock('axios');\nit('renders', () => { render(<UserCard id={1}>{/* empty */}</UserCard>); });\n`,
      errors: [{ messageId: 'mockedHttp', line: 2, suggestions: [{ messageId: 'removeMock', data: { what: 'module `axios`', kind: 'http', how: '`jest.mock`' }, output: `import axios from 'axios';\nit('renders', () => { render(<UserCard id={1}>{/* empty */}</UserCard>); });\n` }] }],
    },
    {
      name: 'a byte order mark and CRLF line endings, with the comment after the mock kept',
      filename: FILE,
      code: `\uFEFFimport { Pool } from 'pg';\r\njest.mock('pg'); // mocked\r\nlet pool: Pool;\r\n`,
      errors: [{ messageId: 'mockedDatabase', line: 2, suggestions: [{ messageId: 'removeMock', data: database('module `pg`', '`jest.mock`'), output: `\uFEFFimport { Pool } from 'pg';\r\n// mocked\r\nlet pool: Pool;\r\n` }] }],
    },
  ],
});

cjs.run('no-boundary-mock on hostile CommonJS', rule, {
  valid: [],
  invalid: [
    {
      name: 'require, a dynamic import and a stub on a required prototype',
      filename: 'tests/integration/users.test.cjs',
      code: `const sinon = require('sinon');\nit('loads lazily', async () => {\n  const pg = await import('pg');\n  sinon.stub(require('pg').Pool.prototype, 'query').resolves({ rows: [] });\n  void pg;\n});\n`,
      errors: [{ messageId: 'mockedDatabase', line: 4, suggestions: [{ messageId: 'removeMock', data: database("`require('pg').Pool.prototype.query` from `pg`", '`sinon.stub`'), output: `it('loads lazily', async () => {\n  const pg = await import('pg');\n  void pg;\n});\n` }] }],
    },
  ],
});
