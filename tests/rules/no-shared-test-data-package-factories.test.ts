/**
 * `no-shared-test-data` on a static factory of a class an installed package exports
 * (`TestWorkflowEnvironment.createTimeSkipping()`): a package knows none of the project's records, so
 * what it makes in a run-once hook is infrastructure. The project's own factory class still makes data.
 * The package is installed in a small project on disk, as the rule resolves it.
 */
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('no-shared-test-data-package-factories');
const root = project('journeys', {
  'package.json': JSON.stringify({ name: 'journeys', type: 'module' }),
  'node_modules/@temporalio/testing/package.json': JSON.stringify({ name: '@temporalio/testing', version: '1.0.0', main: 'index.js' }),
  'node_modules/@temporalio/testing/index.js': `export class TestWorkflowEnvironment { static async createTimeSkipping() { return new TestWorkflowEnvironment(); } }
`,
  'src/db.ts': `import { PrismaClient } from '@prisma/client';

export const db = new PrismaClient();
`,
  'test/support/factories.ts': `import { db } from '../../src/db';

export class UserFactory {
  static async create(overrides: Partial<{ email: string }> = {}) {
    return db.user.create({ data: { email: 'ana@example.com', ...overrides } });
  }
}
`,
});

const ts = new RuleTester();

ts.run('no-shared-test-data: static factories of packages and of the project (Vitest)', rule, {
  valid: [
    {
      name: 'a test workflow environment made once by the package\u2019s static factory',
      filename: path.join(root, 'test/integration/journeys.test.ts'),
      code: `import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourney } from '../../src/journeys';

describe('journeys', () => {
  let testEnv: TestWorkflowEnvironment;

  beforeAll(async () => {
    testEnv = await TestWorkflowEnvironment.createTimeSkipping();
  });

  afterAll(() => testEnv.teardown());

  it('sends the welcome message', async () => {
    expect(await runJourney(testEnv, 'welcome')).toBe('sent');
  });

  it('waits a day before the reminder', async () => {
    await testEnv.sleep('1 day');
    expect(await runJourney(testEnv, 'reminder')).toBe('sent');
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'the project\u2019s own factory class makes a user once for two tests',
      filename: path.join(root, 'test/integration/users.test.ts'),
      code: `import { beforeAll, describe, expect, it } from 'vitest';
import { renameUser } from '../../src/users';
import { UserFactory } from '../support/factories';

describe('users', () => {
  let user: { id: number; email: string };

  beforeAll(async () => {
    user = await UserFactory.create();
  });

  it('renames the user', async () => {
    expect((await renameUser(user.id, 'Ana')).name).toBe('Ana');
  });

  it('keeps the email', async () => {
    expect(user.email).toBe('ana@example.com');
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `user`', sources: '`user = UserFactory.create()` (line 9)' },
          suggestions: [],
        },
      ],
    },
  ],
});
