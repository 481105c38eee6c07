/**
 * `one-boundary-per-file` on an import used only as a type: `import { Job } from 'bullmq'` read only in
 * `as Job` names a type, and nothing of the queue runs, as with `import type`. A value taken from the
 * same import (`new Queue(…)`, `Job.fromId(…)`) exercises the queue.
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
