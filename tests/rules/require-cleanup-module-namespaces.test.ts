/**
 * `require-cleanup` on functions of a project module taken whole: `import * as db from '../support/db'`,
 * `const db = require('../support/db')`, or a namespace a workspace package exports
 * (`import { testUtils } from '@acme/shared'` over `export * as testUtils from './test-utils'`).
 * `db.truncateAll()` is that module's `truncateAll`, named like one called bare, so a hook that calls
 * it cleans up; a function whose name says nothing of removing data still does not. A write through
 * a helper of the project names where it lands when the helper's module reaches one boundary.
 */
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/require-cleanup';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('require-cleanup-module-namespaces');
const root = project('acme', {
  'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] }),
  'packages/shared/package.json': JSON.stringify({ name: '@acme/shared', main: 'src/index.ts' }),
  'packages/shared/src/index.ts': `export * as testUtils from './test-utils';
`,
  'packages/shared/src/test-utils.ts': `import { Pool } from 'pg';

const pool = new Pool();

export async function truncateAll() {
  await pool.query('TRUNCATE users, orders CASCADE');
}
`,
  'packages/app/package.json': JSON.stringify({ name: '@acme/app' }),
  'packages/app/test/support/db.ts': `import { Pool } from 'pg';

export const pool = new Pool();

export async function truncateAll() {
  await pool.query('TRUNCATE users CASCADE');
}

export async function insertUser(name: string) {
  await pool.query('INSERT INTO users (name) VALUES ($1)', [name]);
}

export async function countRows(table: string) {
  return (await pool.query(\`SELECT count(*) FROM \${table}\`)).rows[0].count;
}
`,
  'packages/app/test/support/db.js': `const { Pool } = require('pg');

const pool = new Pool();

exports.pool = pool;
exports.cleanDatabase = async () => {
  await pool.query('DELETE FROM users');
};
`,
});

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });

const file = (name: string) => path.join(root, 'packages/app/test/integration', name);

ts.run('require-cleanup: functions of a module taken whole (Vitest, Jest)', rule, {
  valid: [
    {
      name: 'a namespace import whose function truncates after each test (Vitest)',
      filename: file('users.test.ts'),
      code: `import { afterEach, expect, it } from 'vitest';
import * as db from '../support/db';

afterEach(() => db.truncateAll());

it('adds a user', async () => {
  await db.pool.query("INSERT INTO users (name) VALUES ('ana')");
  expect(await db.countRows('users')).toBe('1');
});
`,
    },
    {
      name: "a workspace package's exported namespace, taken by name (Jest)",
      filename: file('orders.test.ts'),
      code: `import { testUtils } from '@acme/shared';
import { Pool } from 'pg';

const pool = new Pool();

afterEach(async () => {
  await testUtils.truncateAll();
});

test('places an order', async () => {
  await pool.query("INSERT INTO orders (sku) VALUES ('A1')");
  expect((await pool.query('SELECT * FROM orders')).rowCount).toBe(1);
});
`,
    },
  ],
  invalid: [
    {
      name: 'a function of the namespace that removes nothing (Vitest)',
      filename: file('counts.test.ts'),
      code: `import { afterEach, expect, it } from 'vitest';
import * as db from '../support/db';

afterEach(() => db.countRows('users'));

it('adds a user', async () => {
  await db.pool.query("INSERT INTO users (name) VALUES ('ana')");
  expect(await db.countRows('users')).toBe('1');
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 7,
          data: { call: 'db.pool.query()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              output: `import { afterEach, expect, it } from 'vitest';
import * as db from '../support/db';

afterEach(() => db.countRows('users'));

afterEach(async () => {
  // Remove what each test wrote through \`db\`: truncate the tables it wrote to, or roll back a per-test transaction.
});

it('adds a user', async () => {
  await db.pool.query("INSERT INTO users (name) VALUES ('ana')");
  expect(await db.countRows('users')).toBe('1');
});
`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('require-cleanup: functions of a module taken whole (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'a required module whose function deletes after each test',
      filename: file('users.test.js'),
      code: `const assert = require('node:assert');
const db = require('../support/db.js');

describe('users', () => {
  afterEach(() => db.cleanDatabase());

  it('adds a user', async () => {
    await db.pool.query("INSERT INTO users (name) VALUES ('ana')");
    assert.equal((await db.pool.query('SELECT * FROM users')).rowCount, 1);
  });
});
`,
    },
  ],
  invalid: [],
});

ts.run('require-cleanup: where a helper of the project writes (Vitest)', rule, {
  valid: [],
  invalid: [
    {
      name: 'a helper whose module reaches only the database writes to the database',
      filename: file('signup.test.ts'),
      code: `import { expect, it } from 'vitest';
import { countRows, insertUser } from '../support/db';

it('signs a user up', async () => {
  await insertUser('ana');
  expect(await countRows('users')).toBe('1');
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 5,
          data: { call: 'insertUser()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              output: `import { expect, it, afterEach } from 'vitest';
import { countRows, insertUser } from '../support/db';

afterEach(async () => {
  // Remove what each test wrote with \`insertUser()\`: delete what it created.
});

it('signs a user up', async () => {
  await insertUser('ana');
  expect(await countRows('users')).toBe('1');
});
`,
            },
          ],
        },
      ],
    },
  ],
});
