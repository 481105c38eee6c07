/** `prefer-shared-infrastructure` on hostile code: hooks with timeouts, expression bodies and Mocha `this`. */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/prefer-shared-infrastructure';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });

const FILE = 'tests/integration/user-repository.test.ts';

ts.run('prefer-shared-infrastructure on hostile TypeScript', rule, {
  valid: [],
  invalid: [
    {
      // Regression: the shared hooks were written without the timeouts, so a container that needs a
      // minute to start would fail against the runner's default of a few seconds.
      name: 'the timeouts of the per-test hooks move with their statements',
      filename: FILE,
      code: `import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { afterEach, beforeEach, describe, it } from 'vitest';

describe('UserRepository', () => {
  let container: StartedPostgreSqlContainer;
  beforeEach(async () => {
    container = await new PostgreSqlContainer('postgres:16').start();
  }, 60_000);
  afterEach(async () => {
    await container.stop();
  }, 30_000);

  it('connects', () => {
    container.getConnectionUri();
  });
  it('connects again', () => {
    container.getConnectionUri();
  });
});
`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 7,
          data: { count: 2, call: 'new PostgreSqlContainer().start()', hook: 'beforeEach', shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'beforeAll', teardown: 'afterAll' },
              output: `import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { afterEach, beforeEach, describe, it, beforeAll, afterAll } from 'vitest';

describe('UserRepository', () => {
  let container: StartedPostgreSqlContainer;
  beforeAll(async () => {
    container = await new PostgreSqlContainer('postgres:16').start();
  }, 60_000);
  afterAll(async () => {
    await container.stop();
  }, 30_000);

  it('connects', () => {
    container.getConnectionUri();
  });
  it('connects again', () => {
    container.getConnectionUri();
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a hook that keeps its per-test reset keeps its timeout, and the shared hook gets one too',
      filename: FILE,
      code: `import { Pool } from 'pg';

let pool: Pool;
beforeEach(async () => {
  pool = new Pool();
  await pool.query('TRUNCATE users');
}, 10_000);

it('reads', async () => {
  await pool.query('SELECT 1');
});
it('reads again', async () => {
  await pool.query('SELECT 2');
});
`,
      errors: [
        {
          messageId: 'perTestHook',
          data: { count: 2, call: 'new Pool()', hook: 'beforeEach', shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHook',
              data: { shared: 'beforeAll' },
              output: `import { Pool } from 'pg';

let pool: Pool;
beforeAll(() => {
  pool = new Pool();
}, 10_000);

beforeEach(async () => {
  await pool.query('TRUNCATE users');
}, 10_000);

it('reads', async () => {
  await pool.query('SELECT 1');
});
it('reads again', async () => {
  await pool.query('SELECT 2');
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'statements that needed a timeout do not join a shared hook that has none',
      filename: FILE,
      code: `import mongoose from 'mongoose';

describe('payments', () => {
  beforeAll(() => {
    console.log('starting');
  });
  beforeEach(() => {
    mongoose.connect(process.env.MONGO_URL);
  }, 30_000);
  it('charges', () => {});
  it('refunds', () => {});
});
`,
      errors: [
        {
          messageId: 'perTestHook',
          line: 8,
          data: { count: 2, call: 'mongoose.connect()', hook: 'beforeEach', shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHook',
              data: { shared: 'beforeAll' },
              output: `import mongoose from 'mongoose';

describe('payments', () => {
  beforeAll(() => {
    console.log('starting');
  });
  beforeAll(() => {
    mongoose.connect(process.env.MONGO_URL);
  }, 30_000);
  it('charges', () => {});
  it('refunds', () => {});
});
`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('prefer-shared-infrastructure on hostile CommonJS', rule, {
  valid: [],
  invalid: [
    {
      name: 'a pool kept on Mocha this is reported, with no edit to offer',
      filename: 'tests/integration/user-repository.test.cjs',
      code: `const { Pool } = require('pg');\ndescribe('x', function () {\n  beforeEach(function () {\n    this.pool = new Pool();\n  });\n  afterEach(function () { return this.pool.end(); });\n  it('x', function () { return this.pool.query('SELECT 1'); });\n  it('y', function () { return this.pool.query('SELECT 2'); });\n});\n`,
      errors: [{ messageId: 'perTestHook', line: 4, column: 17, data: { count: 2, call: 'new Pool()', hook: 'beforeEach', shared: 'beforeAll' }, suggestions: [] }],
    },
  ],
});
