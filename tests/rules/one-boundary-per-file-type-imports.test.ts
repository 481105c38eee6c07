/**
 * `one-boundary-per-file` on an import used only as a type: `import { Job } from 'bullmq'` read only in
 * `as Job` names a type, and nothing of the queue runs, as with `import type`. A value taken from the
 * same import (`new Queue(…)`, `Job.fromId(…)`) exercises the queue. So an HTTP fake taken only to tidy up
 * (`nock.cleanAll()`) sets up no fake and exercises no HTTP boundary; one that intercepts a host does.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/one-boundary-per-file';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('one-boundary-per-file: imports used only as types (Vitest)', rule, {
  valid: [
    {
      name: 'the queue package only types the job handed to the processor',
      filename: 'test/integration/trace-deletion.test.ts',
      code: `import { Pool } from 'pg';
import { Job } from 'bullmq';
import { afterAll, expect, it } from 'vitest';
import { processTraceDeletion } from '../../src/queues/trace-deletion';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

afterAll(() => pool.end());

it('deletes the traces of a project', async () => {
  await pool.query("INSERT INTO traces (id, project_id) VALUES ('t1', 'p1')");
  await processTraceDeletion({ data: { projectId: 'p1' } } as Job);
  const { rows } = await pool.query("SELECT id FROM traces WHERE project_id = 'p1'");
  expect(rows).toHaveLength(0);
});
`,
    },
  ],
  invalid: [
    {
      name: 'the same import also opens a queue',
      filename: 'test/integration/trace-deletion.test.ts',
      code: `import { Pool } from 'pg';
import { Job, Queue } from 'bullmq';
import { afterAll, expect, it } from 'vitest';
import { processTraceDeletion } from '../../src/queues/trace-deletion';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const queue = new Queue('trace-deletion');

afterAll(async () => {
  await queue.close();
  await pool.end();
});

it('deletes the traces of a project', async () => {
  await pool.query("INSERT INTO traces (id, project_id) VALUES ('t1', 'p1')");
  await processTraceDeletion({ data: { projectId: 'p1' } } as Job);
  const { rows } = await pool.query("SELECT id FROM traces WHERE project_id = 'p1'");
  expect(rows).toHaveLength(0);
});
`,
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 2,
          data: { count: 2, boundaries: 'database (line 1), queue (line 2)', max: 1, file: 'test/integration/trace-deletion.test.ts' },
        },
      ],
    },
  ],
});

cjs.run('one-boundary-per-file: a value from the queue package (Jest, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'JavaScript has no type positions: the required class is a value',
      filename: 'test/integration/trace-deletion.test.js',
      code: `const { Pool } = require('pg');
const { Job } = require('bullmq');
const { processTraceDeletion } = require('../../src/queues/trace-deletion');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

afterAll(() => pool.end());

it('deletes the traces of a project', async () => {
  await pool.query("INSERT INTO traces (id, project_id) VALUES ('t1', 'p1')");
  await processTraceDeletion(Job.fromId(null, 'job-1'));
});
`,
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 2,
          data: { count: 2, boundaries: 'database (line 1), queue (line 2)', max: 1, file: 'test/integration/trace-deletion.test.js' },
        },
      ],
    },
  ],
});

const tidying = (interceptor: string) => `import nock from 'nock';
import { PrismaClient } from '@prisma/client';
import { afterEach, expect, it } from 'vitest';
import { registerUser } from '../../src/users';

const prisma = new PrismaClient();

afterEach(() => {
  nock.cleanAll();
});

it('registers a user', async () => {
${interceptor}  await registerUser(prisma, { email: 'ana@example.com' });
  expect(await prisma.user.count()).toBe(1);
});
`;

ts.run('one-boundary-per-file: an HTTP fake taken only to tidy up (Vitest)', rule, {
  valid: [
    {
      name: 'nock only cleans up after each test: the database is the one boundary',
      filename: 'test/integration/users.test.ts',
      code: tidying(''),
    },
  ],
  invalid: [
    {
      name: 'nock also intercepts the mail provider: two boundaries',
      filename: 'test/integration/users.test.ts',
      code: tidying("  nock('https://api.mail.test').post('/send').reply(202);\n"),
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 2,
          data: { count: 2, boundaries: 'http (line 1), database (line 2)', max: 1, file: 'test/integration/users.test.ts' },
        },
      ],
    },
  ],
});
