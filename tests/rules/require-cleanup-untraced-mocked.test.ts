/**
 * `require-cleanup` on a write it cannot trace, in a file that mocks a module. When what the file
 * replaces is a boundary's client, or one of the project's modules (which may reach one), the write
 * may go to the stand-in: the rule does not call it real. A mock of a package that is no boundary
 * changes nothing.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const tagging = (mock: string) => `import { expect, it, vi } from 'vitest';
import { openPool } from './pool';

const connection = { execute: vi.fn(async () => [[]]), release: vi.fn() };
${mock}

it('tags the statements it sends', async () => {
  const conn = await openPool().getConnection();
  await conn.execute('insert into api_keys (id) values (?)', ['k1']);
  expect(connection.execute).toHaveBeenCalledOnce();
});
`;

ts.run('require-cleanup: an untraced write beside a mocked module (Vitest)', rule, {
  valid: [
    {
      name: 'the database driver is mocked: the connection may be the stand-in',
      filename: 'src/db/pool.test.ts',
      code: tagging("vi.mock('mysql2/promise', () => ({ default: { createPool: () => ({ getConnection: async () => connection }) } }));"),
    },
  ],
  invalid: [
    {
      name: 'only an id generator is mocked: the write is reported',
      filename: 'src/db/pool.test.ts',
      code: tagging("vi.mock('nanoid', () => ({ nanoid: () => 'k1' }));"),
      errors: [
        {
          messageId: 'missingCleanup',
          line: 9,
          data: { call: 'conn.execute()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'conn' },
              output: `import { expect, it, vi, afterEach } from 'vitest';
import { openPool } from './pool';

afterEach(async () => {
  // Remove what each test wrote through \`conn\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

const connection = { execute: vi.fn(async () => [[]]), release: vi.fn() };
vi.mock('nanoid', () => ({ nanoid: () => 'k1' }));

it('tags the statements it sends', async () => {
  const conn = await openPool().getConnection();
  await conn.execute('insert into api_keys (id) values (?)', ['k1']);
  expect(connection.execute).toHaveBeenCalledOnce();
});
`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('require-cleanup: an untraced write beside a mocked project module (Jest)', rule, {
  valid: [
    {
      name: 'the project’s db module is mocked: the transaction may be the stand-in’s',
      filename: 'test/payments.test.js',
      code: `const { createDb } = require('../src/db');

jest.mock('../src/db', () => ({ createDb: () => ({ begin: async () => ({ query: jest.fn() }) }) }));

test('records the payment', async () => {
  const tx = await createDb().begin();
  await tx.query('INSERT INTO payments (amount) VALUES ($1)', [10]);
});
`,
    },
  ],
  invalid: [],
});
