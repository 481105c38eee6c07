/**
 * `require-cleanup` on a chain that ends in telling a test double what to answer:
 * `db.user.create.mockResolvedValue(user)` names a writing verb without calling it, so it writes nothing.
 * The project's Prisma double lives in a support module written to disk, as real suites keep it.
 */
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('require-cleanup-double-answers');
const root = project('accounts', {
  'package.json': JSON.stringify({ name: 'accounts', type: 'module' }),
  'src/db.ts': `import { PrismaClient } from '@prisma/client';

export const db = new PrismaClient();
`,
  'src/accounts.ts': `import { db } from './db';

export async function signUp(email: string) {
  return db.user.create({ data: { email } });
}
`,
  'test/support/db-double.ts': `import { PrismaClient } from '@prisma/client';
import { mockDeep, type DeepMockProxy } from 'jest-mock-extended';
import { db } from '../../src/db';

jest.mock('../../src/db', () => ({ db: mockDeep<PrismaClient>() }));

export const dbDouble = db as unknown as DeepMockProxy<PrismaClient>;
`,
});

const ts = new RuleTester();
const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

ts.run('require-cleanup: a double told what to answer (Jest)', rule, {
  valid: [
    {
      name: 'the Prisma double from a support module is told what `create` answers',
      filename: path.join(root, 'test/integration/signup.test.ts'),
      code: `import { signUp } from '../../src/accounts';
import { dbDouble } from '../support/db-double';

describe('signUp', () => {
  it('creates the user', async () => {
    dbDouble.user.create.mockResolvedValue({ id: 1, email: 'ana@example.com' });
    await expect(signUp('ana@example.com')).resolves.toMatchObject({ id: 1 });
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'the real client writes',
      filename: path.join(root, 'test/integration/signup.test.ts'),
      code: `import { db } from '../../src/db';

describe('users', () => {
  it('creates the user', async () => {
    await db.user.create({ data: { email: 'ana@example.com' } });
    expect(await db.user.count()).toBe(1);
  });
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 5,
          data: { call: 'db.user.create()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'db' },
              output: `import { db } from '../../src/db';

describe('users', () => {
  afterEach(async () => {
    // Remove what each test wrote through \`db\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  it('creates the user', async () => {
    await db.user.create({ data: { email: 'ana@example.com' } });
    expect(await db.user.count()).toBe(1);
  });
});
`,
            },
          ],
        },
      ],
    },
  ],
});

esm.run('require-cleanup: a double told what to answer (Vitest, JavaScript)', rule, {
  valid: [
    {
      name: 'a client method replaced by `vi.fn()` is told what `set` answers',
      filename: path.join(root, 'test/integration/cache.test.js'),
      code: `import Redis from 'ioredis';
import { expect, it, vi } from 'vitest';
import { rememberVisit } from '../../src/visits.js';

const redis = new Redis();
redis.set = vi.fn();

it('remembers a visit', async () => {
  redis.set.mockResolvedValue('OK');
  await rememberVisit(redis, 'home');
  expect(redis.set).toHaveBeenCalledWith('visit:home', '1');
});
`,
    },
  ],
  invalid: [],
});
