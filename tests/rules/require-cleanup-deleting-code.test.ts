/**
 * `require-cleanup` on a test of deleting: the test writes rows, then runs the project's code that
 * deletes them (`projectDeletionJob({ payload: { projectId } })`, `deleteOrder(orderId)`), handed the keys
 * the writes used. That code removes what the test wrote, in whatever tables its body touches. Handed
 * other keys, or only asked a question about them (`isProjectDeletionQueued(projectId)`), it removes nothing.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const missing = { messageId: 'missingCleanup' as const, line: 12, data: { call: 'prisma.project.create()', target: 'the database', container: '' } };

ts.run('require-cleanup: the code under test deletes what the test wrote (Vitest)', rule, {
  valid: [
    {
      name: 'a deletion job handed the project id the test wrote',
      filename: 'test/integration/projects.test.ts',
      code: `import { randomUUID } from 'node:crypto';
import { PrismaClient } from '@prisma/client';
import { afterAll, expect, it } from 'vitest';
import { projectDeletionJob } from '../../src/jobs/project-deletion';

const prisma = new PrismaClient();

afterAll(() => prisma.$disconnect());

it('removes the project once the job has run', async () => {
  const projectId = randomUUID();
  await prisma.project.create({ data: { id: projectId, name: 'Scratch' } });

  await projectDeletionJob({ payload: { projectId } });

  expect(await prisma.project.findMany({ where: { id: projectId } })).toEqual([]);
});
`,
    },
  ],
  invalid: [
    {
      name: 'the job is handed another id',
      filename: 'test/integration/projects.test.ts',
      code: `import { randomUUID } from 'node:crypto';
import { PrismaClient } from '@prisma/client';
import { afterAll, expect, it } from 'vitest';
import { projectDeletionJob } from '../../src/jobs/project-deletion';

const prisma = new PrismaClient();

afterAll(() => prisma.$disconnect());

it('removes the project once the job has run', async () => {
  const projectId = randomUUID();
  await prisma.project.create({ data: { id: projectId, name: 'Scratch' } });

  const otherId = randomUUID();
  await projectDeletionJob({ payload: { projectId: otherId } });

  expect(await prisma.project.findMany({ where: { id: projectId } })).toEqual([]);
});
`,
      errors: [{ ...missing, suggestions: [{ messageId: 'addCleanupHook', data: { hook: 'afterEach', subject: 'prisma' }, output: `import { randomUUID } from 'node:crypto';
import { PrismaClient } from '@prisma/client';
import { afterAll, expect, it, afterEach } from 'vitest';
import { projectDeletionJob } from '../../src/jobs/project-deletion';

const prisma = new PrismaClient();

afterAll(() => prisma.$disconnect());

afterEach(async () => {
  // Remove what each test wrote through \`prisma\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

it('removes the project once the job has run', async () => {
  const projectId = randomUUID();
  await prisma.project.create({ data: { id: projectId, name: 'Scratch' } });

  const otherId = randomUUID();
  await projectDeletionJob({ payload: { projectId: otherId } });

  expect(await prisma.project.findMany({ where: { id: projectId } })).toEqual([]);
});
` }] }],
    },
    {
      name: 'a question about the deletion removes nothing',
      filename: 'test/integration/projects.test.ts',
      code: `import { randomUUID } from 'node:crypto';
import { PrismaClient } from '@prisma/client';
import { afterAll, expect, it } from 'vitest';
import { isProjectDeletionQueued } from '../../src/jobs/project-deletion';

const prisma = new PrismaClient();

afterAll(() => prisma.$disconnect());

it('removes the project once the job has run', async () => {
  const projectId = randomUUID();
  await prisma.project.create({ data: { id: projectId, name: 'Scratch' } });

  expect(await isProjectDeletionQueued(projectId)).toBe(false);

  expect(await prisma.project.findMany({ where: { id: projectId } })).toHaveLength(1);
});
`,
      errors: [{ ...missing, suggestions: [{ messageId: 'addCleanupHook', data: { hook: 'afterEach', subject: 'prisma' }, output: `import { randomUUID } from 'node:crypto';
import { PrismaClient } from '@prisma/client';
import { afterAll, expect, it, afterEach } from 'vitest';
import { isProjectDeletionQueued } from '../../src/jobs/project-deletion';

const prisma = new PrismaClient();

afterAll(() => prisma.$disconnect());

afterEach(async () => {
  // Remove what each test wrote through \`prisma\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

it('removes the project once the job has run', async () => {
  const projectId = randomUUID();
  await prisma.project.create({ data: { id: projectId, name: 'Scratch' } });

  expect(await isProjectDeletionQueued(projectId)).toBe(false);

  expect(await prisma.project.findMany({ where: { id: projectId } })).toHaveLength(1);
});
` }] }],
    },
  ],
});

cjs.run('require-cleanup: a delete helper of the project (Jest)', rule, {
  valid: [
    {
      name: 'the helper is handed the order id both inserts used, whatever tables it deletes from',
      filename: 'test/integration/orders.test.js',
      code: `const { randomUUID } = require('node:crypto');
const { Pool } = require('pg');
const { deleteOrder } = require('../../src/orders/delete-order');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

afterAll(() => pool.end());

test('deletes an order with its lines', async () => {
  const orderId = randomUUID();
  await pool.query('INSERT INTO orders (id) VALUES ($1)', [orderId]);
  await pool.query('INSERT INTO order_lines (order_id, sku) VALUES ($1, $2)', [orderId, 'lamp']);

  await deleteOrder(orderId);

  const { rows } = await pool.query('SELECT id FROM orders WHERE id = $1', [orderId]);
  expect(rows).toHaveLength(0);
});
`,
    },
  ],
  invalid: [],
});
