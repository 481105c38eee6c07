import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index';
import noBoundaryMock from '../../src/rules/no-boundary-mock';

const settings = {
  'integration-tests': {
    boundaries: {
      database: ['src/repositories/**'],
      http: ['src/adapters/payments/**'],
    },
  },
};

const ts = new RuleTester({ languageOptions: { parser: tsParser }, settings });
const esm = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' }, settings });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' }, settings });

const rule = noBoundaryMock;

const USERS_TS = 'tests/integration/user-repository.test.ts';
const USERS_JS = 'tests/integration/user-repository.test.js';
const PAYMENTS_TS = 'tests/integration/payment-client.test.ts';
const PAYMENTS_JS = 'tests/integration/payment-client.test.js';

/** Whole modules, globals and generated doubles lose all their calls; a stubbed member loses one. */
const wholeThing = (what: string) => /^(?:module|global) /.test(what);
const database = (what: string, how: string, whole = wholeThing(what)) => ({
  what,
  kind: 'database',
  how,
  effect: whole ? 'so its calls no longer reach the database' : 'so this call no longer reaches the database',
});
const http = (what: string, how: string, whole = wholeThing(what)) => ({
  what,
  kind: 'http',
  how,
  effect: whole ? 'so its calls no longer send requests' : 'so this call no longer sends a request',
});

ts.run('no-boundary-mock (Jest, TypeScript)', rule, {
  valid: [
    {
      name: 'a real database with a transaction rolled back after each test',
      filename: USERS_TS,
      code: `import { Pool, type PoolClient } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

let pool: Pool;
let client: PoolClient;
beforeAll(() => { pool = new Pool({ connectionString: process.env.DATABASE_URL }); });
beforeEach(async () => { client = await pool.connect(); await client.query('BEGIN'); });
afterEach(async () => { await client.query('ROLLBACK'); client.release(); });
afterAll(() => pool.end());

it('saves a user', async () => {
  const saved = await new UserRepository(client as never).save({ email: 'a@example.com', name: 'A' });
  expect(saved.id).toBeGreaterThan(0);
});
`,
    },
    {
      name: 'a spy that only watches the real client',
      filename: USERS_TS,
      code: `import { Pool } from 'pg';
const pool = new Pool();
it('runs one query', async () => {
  const query = jest.spyOn(pool, 'query');
  await pool.query('SELECT 1');
  expect(query).toHaveBeenCalledTimes(1);
});
`,
    },
    {
      name: 'a spy that watches the real fetch',
      filename: PAYMENTS_TS,
      code: `const calls = jest.spyOn(global, 'fetch');\nafterEach(() => calls.mockClear());\n`,
    },
    {
      name: 'mocks of things that are not boundaries: a clock, a logger, the console, config',
      filename: USERS_TS,
      code: `import { logger } from '../../src/logger';
jest.mock('../../src/clock');
jest.mock('../../src/config', () => ({ databaseUrl: 'postgres://localhost/test' }));
jest.spyOn(logger, 'info').mockImplementation(() => undefined);
jest.spyOn(console, 'error').mockImplementation(() => undefined);
jest.spyOn(Date, 'now').mockReturnValue(0);
jest.useFakeTimers();
`,
    },
    {
      name: 'a module the options allow',
      filename: PAYMENTS_TS,
      code: `jest.mock('stripe');`,
      options: [{ allow: ['stripe'] }],
    },
    {
      name: 'an adapter the options allow by glob',
      filename: PAYMENTS_TS,
      code: `jest.mock('../../src/repositories/user-repository');`,
      options: [{ allow: ['src/repositories/**'] }],
    },
    {
      name: 'a module ignored in settings',
      filename: PAYMENTS_TS,
      code: `jest.mock('axios');`,
      settings: { 'integration-tests': { ignore: ['axios'] } },
    },
    {
      name: 'a double of a type from a module that is not a boundary',
      filename: USERS_TS,
      code: `import { mockDeep } from 'jest-mock-extended';
import type { Logger } from '../../src/logger';
const logger = mockDeep<Logger>();
`,
    },
    {
      name: 'a double of a type declared in the file',
      filename: USERS_TS,
      code: `import { mock } from 'jest-mock-extended';
interface Clock { now(): Date }
const clock = mock<Clock>();
`,
    },
    {
      name: 'putting the saved fetch back',
      filename: PAYMENTS_TS,
      code: `const originalFetch = global.fetch;\nafterEach(() => { global.fetch = originalFetch; });\n`,
    },
    {
      name: 'a stand-in set only where the runtime has no fetch replaces nothing (Jest)',
      filename: PAYMENTS_TS,
      code: `beforeEach(() => {
  jest.resetAllMocks();
  if (!global.fetch) {
    global.fetch = jest.fn();
  }
});
`,
    },
    {
      name: 'the same fill-in written with typeof, or as one statement',
      filename: PAYMENTS_TS,
      code: `if (typeof globalThis.fetch === 'undefined') globalThis.fetch = jest.fn();
if (globalThis.fetch === undefined || !('fetch' in globalThis)) {
  globalThis.fetch = jest.fn();
}
`,
    },
    {
      name: 'incomplete and dynamic calls are left alone',
      filename: USERS_TS,
      code: `import sinon from 'sinon';
import td from 'testdouble';
import { mockDeep } from 'jest-mock-extended';
jest.mock();
jest.mock(moduleName);
jest.spyOn();
jest.spyOn(pool);
sinon.stub();
td.replace();
mockDeep();
global.fetch += '';
global['fe' + 'tch'] = jest.fn();
`,
    },
    {
      name: 'a stub of the HTTP fake itself',
      filename: PAYMENTS_TS,
      code: `import nock from 'nock';\njest.spyOn(nock, 'cleanAll').mockImplementation(() => nock);\n`,
    },
  ],
  invalid: [
    {
      name: 'jest.mock of a database driver; the suggestion removes the line and the blank line it leaves doubled',
      filename: USERS_TS,
      code: `import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

jest.mock('pg');

describe('UserRepository', () => {
  it('saves a user', async () => {
    await new UserRepository(new Pool()).save({ email: 'a@example.com', name: 'A' });
  });
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('module `pg`', '`jest.mock`'),
          line: 4,
          column: 1,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeMock',
              data: database('module `pg`', '`jest.mock`'),
              output: `import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

describe('UserRepository', () => {
  it('saves a user', async () => {
    await new UserRepository(new Pool()).save({ email: 'a@example.com', name: 'A' });
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'jest.mock of a user adapter declared in settings, with a factory; comments on neighbouring lines stay',
      filename: USERS_TS,
      code: `import { UserRepository } from '../../src/repositories/user-repository';
// The repository is replaced so the test runs without a database.
jest.mock('../../src/repositories/user-repository', () => ({ UserRepository: jest.fn() }));
// Service under test
import { SignupService } from '../../src/signup-service';
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('module `../../src/repositories/user-repository`', '`jest.mock`'),
          line: 3,
          suggestions: [
            {
              messageId: 'removeMock',
              data: database('module `../../src/repositories/user-repository`', '`jest.mock`'),
              output: `import { UserRepository } from '../../src/repositories/user-repository';
// The repository is replaced so the test runs without a database.
// Service under test
import { SignupService } from '../../src/signup-service';
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a spy on a pool made in beforeAll, given a result',
      filename: USERS_TS,
      code: `import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

let pool: Pool;
beforeAll(() => { pool = new Pool(); });

it('finds nobody', async () => {
  jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] } as never);
  expect(await new UserRepository(pool).findByEmail('a@example.com')).toBeUndefined();
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('`pool.query` from `pg`', '`jest.spyOn`'),
          line: 8,
          column: 29,
          suggestions: [
            {
              messageId: 'removeMock',
              data: database('`pool.query` from `pg`', '`jest.spyOn`'),
              output: `import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

let pool: Pool;
beforeAll(() => { pool = new Pool(); });

it('finds nobody', async () => {
  expect(await new UserRepository(pool).findByEmail('a@example.com')).toBeUndefined();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a spy stored in a variable and given an implementation later: reported, but removing it would break the variable',
      filename: USERS_TS,
      code: `import { Pool } from 'pg';
const pool = new Pool();
const query = jest.spyOn(pool, 'query');
query.mockRejectedValueOnce(new Error('connection lost'));
`,
      // The squiggle goes on the call that replaces the behaviour, not on the spy that only watches.
      // Given only a `…Once` behaviour, the spy answers the next call and hands the rest to the pool.
      errors: [{ messageId: 'mockedDatabase', data: { ...database('`pool.query` from `pg`', '`jest.spyOn`'), effect: 'so the calls it answers itself no longer reach the database' }, line: 4, column: 7, suggestions: [] }],
    },
    {
      name: 'a spy given a lasting behaviour after a `…Once` one answers every call',
      filename: USERS_TS,
      code: `import { Pool } from 'pg';
const pool = new Pool();
const query = jest.spyOn(pool, 'query');
query.mockRejectedValueOnce(new Error('connection lost')).mockResolvedValue({ rows: [] } as never);
`,
      errors: [{ messageId: 'mockedDatabase', data: database('`pool.query` from `pg`', '`jest.spyOn`'), line: 4, column: 7, suggestions: [] }],
    },
    {
      name: 'a spy on a static method of a model class',
      filename: USERS_TS,
      code: `import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({ email: String }));
it('finds a user', async () => {
  jest.spyOn(User, 'findOne').mockResolvedValue(null);
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('`User.findOne` from `mongoose`', '`jest.spyOn`'),
          line: 4,
          suggestions: [
            {
              messageId: 'removeMock',
              data: database('`User.findOne` from `mongoose`', '`jest.spyOn`'),
              output: `import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({ email: String }));
it('finds a user', async () => {
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'jest.spyOn(global, fetch) with a canned response',
      filename: PAYMENTS_TS,
      code: `beforeEach(() => {
  jest.spyOn(global, 'fetch').mockResolvedValue(new Response('{"status":"succeeded"}'));
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          data: http('global `fetch`', '`jest.spyOn`'),
          suggestions: [{ messageId: 'removeMock', data: http('global `fetch`', '`jest.spyOn`'), output: `beforeEach(() => {\n});\n` }],
        },
      ],
    },
    {
      name: 'jest.createMockFromModule: a generated double of a whole module',
      filename: USERS_TS,
      code: `const pg = jest.createMockFromModule<typeof import('pg')>('pg');`,
      errors: [{ messageId: 'mockedDatabase', data: database('module `pg`', '`jest.createMockFromModule`'), suggestions: [] }],
    },
    {
      name: 'an import of a hand-written mock from __mocks__',
      filename: USERS_TS,
      code: `import { Pool } from '../../__mocks__/pg';`,
      errors: [{ messageId: 'mockedDatabase', data: database('module `pg`', 'a `__mocks__` import'), column: 22, suggestions: [] }],
    },
    {
      name: 'an import of a hand-written mock beside a user adapter',
      filename: USERS_TS,
      code: `import { UserRepository } from '../../src/repositories/__mocks__/user-repository';`,
      errors: [{ messageId: 'mockedDatabase', data: database('module `../../src/repositories/user-repository`', 'a `__mocks__` import'), suggestions: [] }],
    },
    {
      name: 'the autofix option removes the mock as a fix',
      filename: USERS_TS,
      code: `jest.mock('pg');\njest.mock('ioredis');\n\ntest('x', () => {});\n`,
      options: [{ autofix: true }],
      // The second removal touches the first, so ESLint applies it in a second pass.
      output: [`jest.mock('ioredis');\n\ntest('x', () => {});\n`, `test('x', () => {});\n`],
      errors: [
        { messageId: 'mockedDatabase', data: database('module `pg`', '`jest.mock`'), line: 1 },
        { messageId: 'mockedBoundary', data: { what: 'module `ioredis`', kind: 'cache', how: '`jest.mock`', effect: 'so its calls no longer reach the cache service' }, line: 2 },
      ],
    },
    {
      name: 'allow leaves other boundaries reported',
      filename: PAYMENTS_TS,
      code: `jest.mock('stripe');\njest.mock('pg');\n`,
      options: [{ allow: ['stripe'] }],
      errors: [
        {
          messageId: 'mockedDatabase',
          line: 2,
          suggestions: [{ messageId: 'removeMock', data: database('module `pg`', '`jest.mock`'), output: `jest.mock('stripe');\n` }],
        },
      ],
    },
    {
      name: 'imported jest from @jest/globals, aliased',
      filename: USERS_TS,
      code: `import { jest as j, test } from '@jest/globals';\nj.mock('@prisma/client');\ntest('x', () => {});\n`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('module `@prisma/client`', '`jest.mock`'),
          suggestions: [{ messageId: 'removeMock', data: database('module `@prisma/client`', '`jest.mock`'), output: `import { test } from '@jest/globals';\ntest('x', () => {});\n` }],
        },
      ],
    },
  ],
});

ts.run('no-boundary-mock (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'nock fakes the payment server and the real adapter sends the request',
      filename: PAYMENTS_TS,
      code: `import nock from 'nock';
import { afterEach, expect, it } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

afterEach(() => nock.cleanAll());

it('charges a card', async () => {
  nock('https://api.payments.example').post('/v1/charges').reply(200, { id: 'ch_1', status: 'succeeded' });
  const charge = await new PaymentClient('https://api.payments.example', 'key').charge(500, 'tok_visa');
  expect(charge.status).toBe('succeeded');
});
`,
    },
    {
      name: 'msw fakes the server for fetch',
      filename: PAYMENTS_TS,
      code: `import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';

const server = setupServer(http.post('https://api.payments.example/v1/charges', () => HttpResponse.json({ status: 'succeeded' })));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
`,
    },
    {
      name: 'undici MockAgent intercepts at the network level',
      filename: PAYMENTS_TS,
      code: `import { MockAgent, setGlobalDispatcher } from 'undici';
const agent = new MockAgent();
agent.disableNetConnect();
setGlobalDispatcher(agent);
agent.get('https://api.payments.example').intercept({ path: '/v1/charges', method: 'POST' }).reply(200, {});
`,
    },
    {
      name: 'fetch stubbed with a fake-server library',
      filename: PAYMENTS_TS,
      code: `import { vi } from 'vitest';
import createFetchMock from 'vitest-fetch-mock';
vi.stubGlobal('fetch', createFetchMock(vi));
`,
    },
    {
      name: 'a container started once in beforeAll',
      filename: USERS_TS,
      code: `import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { beforeAll, afterAll } from 'vitest';
let container: StartedPostgreSqlContainer;
beforeAll(async () => { container = await new PostgreSqlContainer('postgres:16').start(); });
afterAll(() => container.stop());
`,
    },
    {
      name: 'spy: true keeps the real module and only records calls',
      filename: USERS_TS,
      code: `import { vi } from 'vitest';\nvi.mock('pg', { spy: true });\n`,
    },
    {
      name: 'a call-through spy through an aliased vi',
      filename: USERS_TS,
      code: `import { vi as v } from 'vitest';
import * as pg from 'pg';
const connect = v.spyOn(pg.Pool.prototype, 'connect');
`,
    },
    {
      name: 'a global that is not a boundary',
      filename: USERS_TS,
      code: `import { vi } from 'vitest';\nvi.stubGlobal('crypto', { randomUUID: () => 'id' });\n`,
    },
  ],
  invalid: [
    {
      name: 'vi.mock of an HTTP client through an aliased import; a trailing comment stays',
      filename: PAYMENTS_TS,
      code: `import { vi as v } from 'vitest';
import axios from 'axios';
v.mock('axios'); // no network in CI
`,
      errors: [
        {
          messageId: 'mockedHttp',
          data: http('module `axios`', '`vi.mock`'),
          line: 3,
          suggestions: [
            {
              messageId: 'removeMock',
              data: http('module `axios`', '`vi.mock`'),
              output: `import axios from 'axios';
// no network in CI
`,
            },
          ],
        },
      ],
    },
    {
      name: 'vi.mock with the typed import form, last line of the file',
      filename: USERS_TS,
      code: `import { vi } from 'vitest';\nvi.mock(import('pg'), async () => ({ Pool: vi.fn() }));`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('module `pg`', '`vi.mock`'),
          suggestions: [{ messageId: 'removeMock', data: database('module `pg`', '`vi.mock`'), output: `import { vi } from 'vitest';` }],
        },
      ],
    },
    {
      name: 'vi.doMock of a payment adapter declared in settings',
      filename: PAYMENTS_TS,
      code: `import { vi, beforeEach } from 'vitest';
beforeEach(() => {
  vi.doMock('../../src/adapters/payments/payment-client');
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          data: http('module `../../src/adapters/payments/payment-client`', '`vi.doMock`'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: http('module `../../src/adapters/payments/payment-client`', '`vi.doMock`'),
              output: `import { beforeEach } from 'vitest';\nbeforeEach(() => {\n});\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'vi.stubGlobal of fetch',
      filename: PAYMENTS_TS,
      code: `import { vi } from 'vitest';

vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('{}')));

it('charges', () => {});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          data: http('global `fetch`', '`vi.stubGlobal`'),
          suggestions: [
            { messageId: 'removeMock', data: http('global `fetch`', '`vi.stubGlobal`'), output: `it('charges', () => {});\n` },
          ],
        },
      ],
    },
    {
      name: 'a stub on the repository under test; the blank line left against the closing brace goes too',
      filename: USERS_TS,
      code: `import { vi, beforeEach } from 'vitest';
import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

const repo = new UserRepository(new Pool());
beforeEach(() => {
  vi.clearAllMocks();

  vi.spyOn(repo, 'save').mockResolvedValue({ id: 1, email: 'a@example.com', name: 'A' });
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('`repo.save` from `../../src/repositories/user-repository`', '`vi.spyOn`'),
          line: 9,
          suggestions: [
            {
              messageId: 'removeMock',
              data: database('`repo.save` from `../../src/repositories/user-repository`', '`vi.spyOn`'),
              output: `import { vi, beforeEach } from 'vitest';
import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

const repo = new UserRepository(new Pool());
beforeEach(() => {
  vi.clearAllMocks();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a stub on a namespace import',
      filename: USERS_TS,
      code: `import { vi } from 'vitest';\nimport * as pg from 'pg';\nvi.spyOn(pg, 'Pool').mockImplementation(() => ({}) as never);\n`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('`pg.Pool` from `pg`', '`vi.spyOn`'),
          suggestions: [{ messageId: 'removeMock', data: database('`pg.Pool` from `pg`', '`vi.spyOn`'), output: `` }],
        },
      ],
    },
    {
      name: 'mockDeep of a type-only import of the Prisma client',
      filename: USERS_TS,
      code: `import { mockDeep } from 'vitest-mock-extended';
import type { PrismaClient } from '@prisma/client';
const prisma = mockDeep<PrismaClient>();
`,
      errors: [{ messageId: 'mockedDatabase', data: database('`PrismaClient` from `@prisma/client`', '`mockDeep`', true), line: 3, suggestions: [] }],
    },
    {
      name: 'mock of a cache client type',
      filename: 'tests/integration/session-store.test.ts',
      code: `import { mock } from 'vitest-mock-extended';\nimport Redis from 'ioredis';\nconst redis = mock<Redis>();\n`,
      errors: [{ messageId: 'mockedBoundary', data: { what: '`Redis` from `ioredis`', kind: 'cache', how: '`mock`', effect: 'so its calls no longer reach the cache service' }, suggestions: [] }],
    },
    {
      name: 'createMock of a TypeORM repository',
      filename: USERS_TS,
      code: `import { createMock } from '@golevelup/ts-vitest';
import type { Repository } from 'typeorm';
import type { User } from '../../src/entities/user';
const users = createMock<Repository<User>>();
`,
      errors: [{ messageId: 'mockedDatabase', data: database('`Repository<User>` from `typeorm`', '`createMock`', true), suggestions: [] }],
    },
    {
      name: 'ts-mockito mock of the user adapter',
      filename: USERS_TS,
      code: `import { instance, mock } from 'ts-mockito';
import { UserRepository } from '../../src/repositories/user-repository';
const repo = instance(mock(UserRepository));
`,
      errors: [{ messageId: 'mockedDatabase', data: database('`UserRepository` from `../../src/repositories/user-repository`', '`mock`', true), suggestions: [] }],
    },
    {
      name: 'the mock statement holds a comment: no suggestion, so the comment is not lost',
      filename: USERS_TS,
      code: `import { vi } from 'vitest';\nvi.mock('pg', () => ({ /* no pool needed */ Pool: vi.fn() }));\n`,
      errors: [{ messageId: 'mockedDatabase', suggestions: [] }],
    },
    {
      name: 'the mock is the body of an if: no suggestion',
      filename: USERS_TS,
      code: `import { vi } from 'vitest';\nif (!process.env.DATABASE_URL) vi.mock('pg');\n`,
      errors: [{ messageId: 'mockedDatabase', suggestions: [] }],
    },
    {
      name: 'the mock shares its line with other statements',
      filename: USERS_TS,
      code: `import { vi, beforeEach } from 'vitest';\nimport { Pool } from 'pg';\nconst pool = new Pool();\nbeforeEach(() => { vi.spyOn(pool, 'query').mockResolvedValue({ rows: [] } as never); vi.useFakeTimers(); });\n`,
      errors: [
        {
          messageId: 'mockedDatabase',
          suggestions: [
            {
              messageId: 'removeMock',
              data: database('`pool.query` from `pg`', '`vi.spyOn`'),
              output: `import { vi, beforeEach } from 'vitest';\nimport { Pool } from 'pg';\nconst pool = new Pool();\nbeforeEach(() => { vi.useFakeTimers(); });\n`,
            },
          ],
        },
      ],
    },
  ],
});

ts.run('no-boundary-mock (node:test, TypeScript)', rule, {
  valid: [
    {
      name: 'mock.method without an implementation only watches',
      filename: USERS_TS,
      code: `import { mock, test } from 'node:test';
import { Pool } from 'pg';
const pool = new Pool();
test('queries once', async () => {
  const query = mock.method(pool, 'query');
  await pool.query('SELECT 1');
  query.mock.restore();
});
`,
    },
    {
      name: 'mock.timers and mock.fn are not mocks of a boundary',
      filename: USERS_TS,
      code: `import { mock } from 'node:test';\nmock.timers.enable({ apis: ['Date'] });\nconst onSaved = mock.fn();\n`,
    },
  ],
  invalid: [
    {
      name: 'mock.module of the database driver',
      filename: USERS_TS,
      code: `import { mock } from 'node:test';\nmock.module('pg', { namedExports: { Pool: class { query() { return { rows: [] }; } } } });\n`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('module `pg`', '`mock.module`'),
          suggestions: [{ messageId: 'removeMock', data: database('module `pg`', '`mock.module`'), output: `` }],
        },
      ],
    },
    {
      name: 't.mock.method on a pool with an implementation',
      filename: USERS_TS,
      code: `import test from 'node:test';
import { Pool } from 'pg';
const pool = new Pool();
test('finds nobody', async (t) => {
  t.mock.method(pool, 'query', async () => ({ rows: [] }));
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('`pool.query` from `pg`', '`mock.method`'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: database('`pool.query` from `pg`', '`mock.method`'),
              output: `import test from 'node:test';
import { Pool } from 'pg';
const pool = new Pool();
test('finds nobody', async (t) => {
});
`,
            },
          ],
        },
      ],
    },
  ],
});

esm.run('no-boundary-mock (node:test and Vitest, JavaScript modules)', rule, {
  valid: [
    {
      name: 'a real queue round trip',
      filename: 'tests/integration/order-publisher.test.mjs',
      code: `import { test } from 'node:test';
import amqp from 'amqplib';
test('publishes', async () => {
  const connection = await amqp.connect(process.env.AMQP_URL);
  await connection.close();
});
`,
    },
  ],
  invalid: [
    {
      name: 'mock.method replacing global fetch',
      filename: 'tests/integration/payment-client.test.mjs',
      code: `import { mock, beforeEach } from 'node:test';
beforeEach(() => {
  mock.method(globalThis, 'fetch', async () => new Response('{}'));
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          data: http('global `fetch`', '`mock.method`'),
          suggestions: [
            { messageId: 'removeMock', data: http('global `fetch`', '`mock.method`'), output: `import { beforeEach } from 'node:test';\nbeforeEach(() => {\n});\n` },
          ],
        },
      ],
    },
    {
      name: 'a queue client stubbed through vi with a dynamic import after the mock',
      filename: 'tests/integration/order-publisher.test.mjs',
      code: `import { vi } from 'vitest';
vi.mock('amqplib');
const { OrderPublisher } = await import('../../src/adapters/events/order-publisher.js');
`,
      errors: [
        {
          messageId: 'mockedBoundary',
          data: { what: 'module `amqplib`', kind: 'queue', how: '`vi.mock`', effect: 'so its calls no longer reach the queue service' },
          suggestions: [
            {
              messageId: 'removeMock',
              data: { what: 'module `amqplib`', kind: 'queue', how: '`vi.mock`', effect: 'so its calls no longer reach the queue service' },
              output: `const { OrderPublisher } = await import('../../src/adapters/events/order-publisher.js');\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'jest.unstable_mockModule before importing the module under test',
      filename: 'tests/integration/user-repository.test.mjs',
      code: `import { jest } from '@jest/globals';
jest.unstable_mockModule('pg', () => ({ default: { Pool: jest.fn() } }));
const { UserRepository } = await import('../../src/repositories/user-repository.js');
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('module `pg`', '`jest.unstable_mockModule`'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: database('module `pg`', '`jest.unstable_mockModule`'),
              output: `const { UserRepository } = await import('../../src/repositories/user-repository.js');\n`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('no-boundary-mock (Mocha + sinon, Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'sinon.spy watches the real pool',
      filename: USERS_JS,
      code: `const sinon = require('sinon');
const { Pool } = require('pg');
const pool = new Pool();
it('queries', async () => {
  const query = sinon.spy(pool, 'query');
  await pool.query('SELECT 1');
  sinon.assert.calledOnce(query);
});
`,
    },
    {
      name: 'nock for the payment adapter under Mocha',
      filename: PAYMENTS_JS,
      code: `const nock = require('nock');
const { PaymentClient } = require('../../src/adapters/payments/payment-client');
afterEach(() => nock.cleanAll());
it('charges', async () => {
  nock('https://api.payments.example').post('/v1/charges').reply(200, { status: 'succeeded' });
  await new PaymentClient('https://api.payments.example', 'key').charge(500, 'tok');
});
`,
    },
    {
      name: 'rewire of a variable whose name says nothing about where it comes from',
      filename: USERS_JS,
      code: `const rewire = require('rewire');\nconst repo = rewire('../../src/repositories/user-repository');\nrepo.__set__('pool', fakePool);\n`,
    },
    {
      name: 'an anonymous sinon stub',
      filename: USERS_JS,
      code: `const sinon = require('sinon');\nconst onSaved = sinon.stub();\n`,
    },
  ],
  invalid: [
    {
      name: 'sinon.stub of a pool method in beforeEach',
      filename: USERS_JS,
      code: `const sinon = require('sinon');
const { Pool } = require('pg');
const { UserRepository } = require('../../src/repositories/user-repository');

describe('UserRepository', () => {
  const pool = new Pool();
  beforeEach(() => {
    sinon.stub(pool, 'query').resolves({ rows: [] });
  });
  afterEach(() => sinon.restore());
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          data: database('`pool.query` from `pg`', '`sinon.stub`'),
          line: 8,
          suggestions: [
            {
              messageId: 'removeMock',
              data: database('`pool.query` from `pg`', '`sinon.stub`'),
              output: `const sinon = require('sinon');
const { Pool } = require('pg');
const { UserRepository } = require('../../src/repositories/user-repository');

describe('UserRepository', () => {
  const pool = new Pool();
  beforeEach(() => {
  });
  afterEach(() => sinon.restore());
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a sinon sandbox made in a hook stubs a queue client',
      filename: 'tests/integration/order-queue.test.js',
      code: `const sinon = require('sinon');
const { SQSClient } = require('@aws-sdk/client-sqs');
const client = new SQSClient({});
let sandbox;
beforeEach(() => { sandbox = sinon.createSandbox(); });
it('sends', () => {
  sandbox.stub(client, 'send').resolves({});
});
`,
      errors: [
        {
          messageId: 'mockedBoundary',
          data: { what: '`client.send` from `@aws-sdk/client-sqs`', kind: 'queue', how: '`sinon.stub`', effect: 'so this call no longer reaches the queue service' },
          suggestions: [
            {
              messageId: 'removeMock',
              data: { what: '`client.send` from `@aws-sdk/client-sqs`', kind: 'queue', how: '`sinon.stub`', effect: 'so this call no longer reaches the queue service' },
              output: `const sinon = require('sinon');
const { SQSClient } = require('@aws-sdk/client-sqs');
const client = new SQSClient({});
let sandbox;
beforeEach(() => { sandbox = sinon.createSandbox(); });
it('sends', () => {
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'sinon.createStubInstance of a destructured require',
      filename: USERS_JS,
      code: `const { createStubInstance } = require('sinon');\nconst { Pool } = require('pg');\nconst pool = createStubInstance(Pool);\n`,
      errors: [{ messageId: 'mockedDatabase', data: database('`Pool` from `pg`', '`sinon.createStubInstance`', true), suggestions: [] }],
    },
    {
      name: 'sinon.replace of an HTTP client method',
      filename: PAYMENTS_JS,
      code: `const sinon = require('sinon');\nconst axios = require('axios');\nsinon.replace(axios, 'post', sinon.fake.resolves({ data: { status: 'succeeded' } }));\n`,
      errors: [
        {
          messageId: 'mockedHttp',
          data: http('`axios.post` from `axios`', '`sinon.replace`'),
          suggestions: [{ messageId: 'removeMock', data: http('`axios.post` from `axios`', '`sinon.replace`'), output: `` }],
        },
      ],
    },
    {
      name: 'proxyquire stubs of the driver, reported at the stubbed key without an edit; keys resolve from the loaded module',
      filename: USERS_JS,
      code: `const proxyquire = require('proxyquire').noCallThru();
const { UserRepository } = proxyquire('../../src/repositories/user-repository', {
  pg: { Pool: FakePool },
  '../logger': silentLogger,
});
`,
      errors: [{ messageId: 'mockedDatabase', data: database('module `pg`', '`proxyquire`'), line: 3, column: 3, suggestions: [] }],
    },
    {
      name: 'td.replace of a user adapter',
      filename: USERS_JS,
      code: `const td = require('testdouble');\nconst repo = td.replace('../../src/repositories/user-repository');\n`,
      errors: [{ messageId: 'mockedDatabase', data: database('module `../../src/repositories/user-repository`', '`td.replace`'), suggestions: [] }],
    },
    {
      name: 'td.replace of a method on an HTTP client',
      filename: PAYMENTS_JS,
      code: `const td = require('testdouble');\nconst got = require('got');\ntd.replace(got, 'post');\n`,
      errors: [{ messageId: 'mockedHttp', data: http('`got.post` from `got`', '`td.replace`'), suggestions: [{ messageId: 'removeMock', output: `` }] }],
    },
    {
      name: 'rewire of a variable named after an HTTP client',
      filename: PAYMENTS_JS,
      code: `const rewire = require('rewire');\nconst client = rewire('../../src/adapters/payments/payment-client');\nclient.__set__('axios', { post: async () => ({ data: {} }) });\n`,
      errors: [{ messageId: 'mockedHttp', data: http('module `axios`', '`rewire.__set__`'), suggestions: [{ messageId: 'removeMock', output: `const rewire = require('rewire');\nconst client = rewire('../../src/adapters/payments/payment-client');\n` }] }],
    },
    {
      name: 'jest.doMock of an HTTP client required later',
      filename: PAYMENTS_JS,
      code: `jest.doMock('axios');\nconst axios = require('axios');\n`,
      errors: [{ messageId: 'mockedHttp', data: http('module `axios`', '`jest.doMock`'), suggestions: [{ messageId: 'removeMock', output: `const axios = require('axios');\n` }] }],
    },
    {
      name: 'a fill-in for a missing fetch is left alone; the replacement in the test is reported',
      filename: PAYMENTS_JS,
      code: `beforeEach(() => {
  if (!globalThis.fetch) globalThis.fetch = jest.fn();
});

test('reports a network failure', async () => {
  globalThis.fetch = jest.fn(() => Promise.reject(new Error('offline')));
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          line: 6,
          data: http('global `fetch`', 'an assignment'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: http('global `fetch`', 'an assignment'),
              output: `beforeEach(() => {
  if (!globalThis.fetch) globalThis.fetch = jest.fn();
});

test('reports a network failure', async () => {
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a check of another global does not make the assignment a fill-in',
      filename: PAYMENTS_JS,
      code: `if (!globalThis.Headers) {
  globalThis.fetch = jest.fn();
}
`,
      errors: [{ messageId: 'mockedHttp', line: 2, data: http('global `fetch`', 'an assignment'), suggestions: [{ messageId: 'removeMock', data: http('global `fetch`', 'an assignment'), output: `if (!globalThis.Headers) {\n}\n` }] }],
    },
    {
      name: 'global.fetch replaced by assignment',
      filename: PAYMENTS_JS,
      code: `beforeEach(() => {
  global.fetch = jest.fn(async () => ({ ok: true, json: async () => ({}) }));
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          data: http('global `fetch`', 'an assignment'),
          suggestions: [{ messageId: 'removeMock', data: http('global `fetch`', 'an assignment'), output: `beforeEach(() => {\n});\n` }],
        },
      ],
    },
    {
      name: 'a require of a hand-written mock',
      filename: USERS_JS,
      code: `const { Pool } = require('../../__mocks__/pg');`,
      errors: [{ messageId: 'mockedDatabase', data: database('module `pg`', 'a `__mocks__` import'), suggestions: [] }],
    },
    {
      name: 'a mock whose removal would join its neighbours: no suggestion',
      filename: USERS_JS,
      code: `const pool = makePool()\njest.mock('pg');\n(async () => { await pool.end() })()\n`,
      errors: [{ messageId: 'mockedDatabase', suggestions: [] }],
    },
  ],
});

describe('no-boundary-mock in the recommended config', () => {
  const linter = new Linter({ cwd: '/project' });
  const config = [...(plugin.configs.recommended as Linter.Config[]), { languageOptions: { parser: tsParser as Linter.Parser } }];
  const code = `jest.mock('pg');\n`;

  it.each([
    ['tests/integration/user-repository.test.ts', 1],
    ['src/repositories/user-repository.int.test.ts', 1],
    ['tests/unit/user-service.test.ts', 0],
    ['tests/e2e/signup.test.ts', 0],
    ['src/repositories/user-repository.test.ts', 0],
  ])('%s: %i report(s)', (filename, count) => {
    const messages = linter.verify(code, config, `/project/${filename}`);
    expect(messages.filter((message) => message.ruleId === 'integration-tests/no-boundary-mock')).toHaveLength(count);
  });
});
