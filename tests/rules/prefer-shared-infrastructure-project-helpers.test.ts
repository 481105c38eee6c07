/**
 * `prefer-shared-infrastructure` where the project's own functions stand between a hook and its tests,
 * read from modules on disk:
 * - a test that hands the handle a `beforeEach` built to a function that changes it (a helper that
 *   turns query logging on through `orm.config.set(…)`) needs a fresh one, like a test that calls
 *   `orm.config.set(…)` itself;
 * - a build that stands on what a project helper opens in the same hook (a scheduler started on
 *   the database a helper connects to for each test) can only move together with that helper's
 *   call, which the rule cannot judge.
 * A helper that only writes data through the handle, or hands back settings, changes nothing of this.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/prefer-shared-infrastructure';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('prefer-shared-infrastructure-project-helpers');

const billing = project('billing', {
  'package.json': JSON.stringify({ name: 'billing', type: 'module' }),
  'test/support/orm.ts': `import type { MikroORM } from '@mikro-orm/core';

/** Turns query logging on for the tests that look at the SQL sent. */
export function logQueries(orm: MikroORM, namespaces: string[] = ['query']) {
  const lines: string[] = [];
  orm.config.set('debug', namespaces);
  return lines;
}

/** Writes two invoices through the entity manager. */
export async function seedInvoices(orm: MikroORM) {
  await orm.em.insertMany('Invoice', [{ total: 10 }, { total: 20 }]);
}
`,
  // Connects to a database of its own for each caller, and drops it on the way out.
  'test/support/database.js': `import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';

export async function openTestDatabase() {
  const name = \`jobs_\${randomUUID()}\`;
  const client = await MongoClient.connect(\`\${process.env.MONGO_URL}/\${name}\`);
  const db = client.db(name);
  return {
    db,
    async close() {
      await db.dropDatabase();
      await client.close();
    },
  };
}

export function testSettings() {
  return { address: process.env.MONGO_URL };
}
`,
});

const ORM_SUITE = (testBody: string) => `import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { logQueries, seedInvoices } from '../support/orm';
import { Invoice } from '../../src/invoice';

describe('invoice queries', () => {
  let orm: MikroORM;

  beforeEach(async () => {
    orm = await MikroORM.init({ entities: [Invoice], dbName: 'billing_test' });
  });

  afterEach(async () => {
    await orm.close(true);
  });

  test('finds invoices by total', async () => {
${testBody}
    expect(await orm.em.count(Invoice, { total: 10 })).toBe(1);
  });

  test('counts every invoice', async () => {
    expect(await orm.em.count(Invoice)).toBe(0);
  });
});
`;

const ts = new RuleTester({ languageOptions: { parser: tsParser } });

ts.run('prefer-shared-infrastructure: a handle handed to a project function (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: "a test hands the ORM to the project's helper that changes its config",
      filename: path.join(billing, 'test/integration/invoice-queries.test.ts'),
      code: ORM_SUITE(`    const sql = logQueries(orm);
    expect(sql).toEqual([]);`),
    },
    {
      name: 'a test hands the ORM to a function of the file that changes its config',
      filename: path.join(billing, 'test/integration/invoice-queries.test.ts'),
      code: `${ORM_SUITE(`    traceQueries(orm);`)}
function traceQueries(orm: MikroORM) {
  orm.config.set('debug', true);
}
`,
    },
    {
      name: 'a function of the file hands the ORM on to the helper that changes it',
      filename: path.join(billing, 'test/integration/invoice-queries.test.ts'),
      code: `${ORM_SUITE(`    watch(orm);`)}
function watch(orm: MikroORM) {
  return logQueries(orm, ['query', 'query-params']);
}
`,
    },
    {
      name: 'a test changes a setting of the ORM by assignment',
      filename: path.join(billing, 'test/integration/invoice-queries.test.ts'),
      code: ORM_SUITE(`    orm.config.debug = true;`),
    },
  ],
  invalid: [
    {
      name: "a test hands the ORM to the project's helper that only writes data through it",
      filename: path.join(billing, 'test/integration/invoice-queries.test.ts'),
      code: ORM_SUITE(`    await seedInvoices(orm);`),
      errors: [
        {
          messageId: 'perTestHook',
          data: { call: 'MikroORM.init()', hook: 'beforeEach', count: 2, shared: 'beforeAll' },
          line: 10,
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'beforeAll', teardown: 'afterAll' },
              output: ORM_SUITE(`    await seedInvoices(orm);`)
                .replace("test } from 'vitest';", "test, beforeAll, afterAll } from 'vitest';")
                .replace('  beforeEach(async () => {\n    orm = await', '  beforeAll(async () => {\n    orm = await')
                .replace('  afterEach(async () => {\n    await orm.close(true);', '  afterAll(async () => {\n    await orm.close(true);'),
            },
          ],
        },
      ],
    },
  ],
});

const SCHEDULER_SUITE = (setup: string, imports: string) => `const { after, afterEach, beforeEach, describe, it } = require('mocha');
const assert = require('node:assert');
const { Agenda } = require('agenda');
${imports}

describe('scheduled jobs', function () {
  let database;
  let agenda;

  beforeEach(async function () {
${setup}
  });

  afterEach(async function () {
    await agenda.stop();
  });

  it('runs a job scheduled now', async function () {
    const job = await agenda.now('send-report');
    assert.ok(job.attrs._id);
  });

  it('lists scheduled jobs', async function () {
    const jobs = await agenda.jobs({});
    assert.equal(jobs.length, 0);
  });
});
`;

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

cjs.run('prefer-shared-infrastructure: a build on what a project helper opens in the same hook (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'a scheduler started on the database a project helper connects to for each test',
      filename: path.join(billing, 'test/integration/scheduled-jobs.test.js'),
      code: SCHEDULER_SUITE(
        `    database = await openTestDatabase();
    agenda = new Agenda({ mongo: database.db });
    await agenda.start();`,
        "const { openTestDatabase } = require('../support/database');",
      ),
    },
    {
      name: 'a scheduler started on what a project helper the rule cannot read hands back',
      filename: path.join(billing, 'test/integration/scheduled-jobs.test.js'),
      code: SCHEDULER_SUITE(
        `    database = await connectForTest();
    agenda = new Agenda({ mongo: database.db });
    await agenda.start();`,
        "const { connectForTest } = require('../support/not-written-yet');",
      ),
    },
  ],
  invalid: [
    {
      name: 'a scheduler started on settings a project helper hands back',
      filename: path.join(billing, 'test/integration/scheduled-jobs.test.js'),
      code: SCHEDULER_SUITE(
        `    database = testSettings();
    agenda = new Agenda({ db: { address: database.address } });
    await agenda.start();`,
        "const { testSettings } = require('../support/database');",
      ),
      errors: [{ messageId: 'perTestHook', data: { call: 'agenda.start()', hook: 'beforeEach', count: 2, shared: 'before' }, line: 13, suggestions: [] }],
    },
  ],
});
