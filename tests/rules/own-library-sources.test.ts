/**
 * `no-real-network` and `one-boundary-per-file` in the repository of a library the catalog knows
 * (an SDK of a hosted service, a database driver) whose tests load it from its own sources by
 * path, and on clients a file holds only by type.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noRealNetwork from '../../src/rules/no-real-network';
import oneBoundaryPerFile from '../../src/rules/one-boundary-per-file';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('own-library-sources');

/** The repository of a mail service's SDK: its sources under src/, its tests' option sets under test/fixtures/. */
const sdk = project('mail-sdk', {
  'package.json': JSON.stringify({ name: 'postmark', main: 'dist/index.js' }),
  'src/index.ts': `export class ServerClient {
  constructor(readonly token: string, readonly options: { requestHost?: string; timeout?: number } = {}) {}
  async sendEmail(message: { To: string; Subject: string }) {
    return fetch(\`https://\${this.options.requestHost ?? 'api.postmarkapp.com'}/email\`, { method: 'POST', body: JSON.stringify(message) });
  }
}
`,
  'test/fixtures/options.ts': `const common = { timeout: 30 };
export const europe = { ...common, requestHost: 'api.eu.postmarkapp.com' };
export const tunable = { requestHost: 'api.postmarkapp.com' };
export const patched = { requestHost: 'api.postmarkapp.com' };
patched.requestHost = process.env.MAIL_HOST ?? patched.requestHost;
export function makeOptions() {
  return { requestHost: 'api.postmarkapp.com' };
}
`,
  'test/helpers/client.ts': `import { ServerClient as Real } from '../../src/index';
export class ServerClient extends Real {
  override async sendEmail() {
    return new Response('{}');
  }
}
`,
  'test/integration/placeholder.ts': '',
});

/** A library that is no catalogued SDK, with a client class of the same name. */
const other = project('mail-kit', {
  'package.json': JSON.stringify({ name: '@acme/mail-kit' }),
  'src/index.ts': `export class ServerClient {
  constructor(readonly token: string) {}
  async sendEmail() {
    return fetch('https://mail.acme.example/send');
  }
}
`,
});

/**
 * The monorepo of a job scheduler the catalog knows by name only (it does not say which of its
 * exports are clients), with a storage backend package whose tests load the scheduler by name.
 */
const scheduler = project('job-scheduler', {
  'package.json': JSON.stringify({ name: 'scheduler-monorepo', private: true, workspaces: ['packages/*'] }),
  'packages/agenda/package.json': JSON.stringify({ name: 'agenda', main: 'src/index.ts' }),
  'packages/agenda/src/index.ts': `export class Agenda {
  constructor(readonly options: { backend: unknown }) {}
  async start() {}
}
export class InMemoryNotificationChannel {
  readonly sent: string[] = [];
  notify(message: string) { this.sent.push(message); }
}
`,
  'packages/sql-backend/package.json': JSON.stringify({ name: '@scheduler/sql-backend', main: 'src/index.ts' }),
  'packages/sql-backend/src/index.ts': `import pg from 'pg';
export class SqlBackend {
  constructor(readonly pool: pg.Pool) {}
}
`,
});

/** The repository of a document-database driver: the driver under src/, a barrel the tests load it through. */
const driver = project('doc-driver', {
  'package.json': JSON.stringify({ name: 'mongodb', main: 'lib/index.js' }),
  'src/index.ts': `export class MongoClient {
  constructor(readonly url: string) {}
  async connect() { return this; }
  db(name?: string) { return { name, command: async (document: object) => document }; }
  async close() {}
}
export class ObjectId {
  constructor(readonly hex = '') {}
}
`,
  'test/driver.ts': `export * from '../src/index';\n`,
  'test/tools/environment.ts': `import { MongoClient } from '../../src/index';
export function newClient(url: string) {
  return new MongoClient(url);
}
`,
});

const ts = new RuleTester({ languageOptions: { parser: tsParser } });

/** A path as the split command in a message shows it: RuleTester lints from the file system's root. */
const shown = (file: string) => path.relative(path.parse(file).root, file);

ts.run("no-real-network: an SDK's own sources, and options imported from a project module", noRealNetwork, {
  valid: [
    {
      name: 'the options object is pointed elsewhere by this file before the client is made (Vitest)',
      filename: path.join(sdk, 'test/integration/redirect.test.ts'),
      code: `import { expect, it } from 'vitest';
import { ServerClient } from '../../src/index';
import { tunable } from '../fixtures/options';

if (process.env.LOCAL_MAIL) {
  tunable.requestHost = '127.0.0.1:9025';
}
const client = new ServerClient('server-token', tunable);

it('sends a message', async () => {
  expect(await client.sendEmail({ To: 'ada@example.test', Subject: 'hi' })).toBeDefined();
});
`,
    },
    {
      name: 'options that their own module rewrites, or that a function makes, say nothing certain (Jest)',
      filename: path.join(sdk, 'test/integration/rewritten.test.ts'),
      code: `import { ServerClient } from '../../src/index';
import { makeOptions, patched } from '../fixtures/options';

const first = new ServerClient('server-token', patched);
const second = new ServerClient('server-token', makeOptions());

test('sends two messages', async () => {
  await first.sendEmail({ To: 'ada@example.test', Subject: 'one' });
  await second.sendEmail({ To: 'ada@example.test', Subject: 'two' });
});
`,
    },
    {
      name: 'a client class of a helper among the tests is no SDK: it may answer by itself (Mocha)',
      filename: path.join(sdk, 'test/integration/helper.test.ts'),
      code: `import { ServerClient } from '../helpers/client';

describe('sending', () => {
  it('sends a message', async () => {
    await new ServerClient('server-token').sendEmail();
  });
});
`,
    },
    {
      name: 'a library that the catalog does not list as an SDK has no default host (node:test)',
      filename: path.join(other, 'test/send.test.ts'),
      code: `import { test } from 'node:test';
import { ServerClient } from '../src/index';

test('sends', async () => {
  await new ServerClient('token').sendEmail();
});
`,
    },
    {
      name: 'a client whose properties the tests only read sends nothing (Vitest)',
      filename: path.join(sdk, 'test/integration/extension.test.ts'),
      code: `import { expect, it } from 'vitest';
import { ServerClient } from '../../src/index';

it('keeps the token it was given', () => {
  const client = new ServerClient('server-token');
  expect(client.token).toBe('server-token');
  expect(new ServerClient('other').options).toEqual({});
});
`,
    },
    {
      name: 'a spread of something unreadable keeps the host unknown',
      filename: path.join(sdk, 'test/integration/spread.test.ts'),
      code: `import { ServerClient } from '../../src/index';

const client = new ServerClient('server-token', { ...globalThis.mailOptions, timeout: 5 });

it('sends a message', async () => {
  await client.sendEmail({ To: 'ada@example.test', Subject: 'hi' });
});
`,
    },
  ],
  invalid: [
    {
      name: "the SDK's own client, loaded by path, sends to its default host (Vitest)",
      filename: path.join(sdk, 'test/integration/default-host.test.ts'),
      code: `import { expect, it } from 'vitest';
import { ServerClient } from '../../src/index';

const client = new ServerClient(process.env.SERVER_TOKEN!);

it('sends a message', async () => {
  expect(await client.sendEmail({ To: 'ada@example.test', Subject: 'hi' })).toBeDefined();
});
`,
      errors: [
        {
          messageId: 'sdkClient',
          line: 4,
          column: 16,
          data: { client: 'postmark client', origin: 'https://api.postmarkapp.com', whose: ", the SDK's default host,", why: 'nothing in this file fakes that host' },
        },
      ],
    },
    {
      name: 'a host option read from an exported constant, through a spread, with nock set up for another host (Jest)',
      filename: path.join(sdk, 'test/integration/europe.test.ts'),
      code: `import nock from 'nock';
import { ServerClient } from '../../src/index';
import { europe } from '../fixtures/options';

let client: ServerClient;
beforeAll(() => {
  client = new ServerClient('server-token', { ...europe, timeout: 10 });
});

test('sends a message from the EU region', async () => {
  nock('https://hooks.example.com').post('/delivered').reply(200);
  await client.sendEmail({ To: 'ada@example.test', Subject: 'hi' });
});
`,
      errors: [
        {
          messageId: 'sdkClient',
          line: 7,
          column: 12,
          data: { client: 'postmark client', origin: 'https://api.eu.postmarkapp.com', whose: '', why: 'nothing in this file fakes that host' },
          suggestions: [
            {
              messageId: 'disableNetConnect',
              data: { nock: 'nock' },
              output: `import nock from 'nock';
import { ServerClient } from '../../src/index';
import { europe } from '../fixtures/options';

beforeAll(() => {
  nock.disableNetConnect();
});
afterAll(() => {
  nock.enableNetConnect();
});

let client: ServerClient;
beforeAll(() => {
  client = new ServerClient('server-token', { ...europe, timeout: 10 });
});

test('sends a message from the EU region', async () => {
  nock('https://hooks.example.com').post('/delivered').reply(200);
  await client.sendEmail({ To: 'ada@example.test', Subject: 'hi' });
});
`,
            },
          ],
        },
      ],
    },
  ],
});

ts.run("one-boundary-per-file: a driver's own sources, and clients held by type", oneBoundaryPerFile, {
  valid: [
    {
      name: "what the driver's sources export besides its clients is no boundary (Mocha)",
      filename: path.join(driver, 'test/integration/ids.test.ts'),
      code: `import { ObjectId } from '../driver';

describe('ids', () => {
  it('round-trips through the time service', async () => {
    const response = await fetch('https://time.example.org/now');
    expect(new ObjectId(await response.text()).hex).toHaveLength(24);
  });
});
`,
    },
    {
      name: "a library's own sources say nothing about which export is a client when the catalog does not list them (Vitest)",
      filename: path.join(scheduler, 'packages/sql-backend/test/backend.test.ts'),
      code: `import pg from 'pg';
import { InMemoryNotificationChannel } from 'agenda';
import { afterAll, expect, it } from 'vitest';
import { SqlBackend } from '../src/index';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());

it('stores jobs and tells the channel', async () => {
  const channel = new InMemoryNotificationChannel();
  const backend = new SqlBackend(pool);
  channel.notify('stored');
  expect(backend.pool).toBe(pool);
  expect((await pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
});
`,
    },
    {
      name: 'a client type that annotates a stand-in, a parameter or a cast counts as nothing (Vitest)',
      filename: 'tests/integration/cache-stand-ins.test.ts',
      code: `import type { Redis } from 'ioredis';
import { Pool } from 'pg';
import { createMockRedis } from './support/redis';
import { expect, it } from 'vitest';

const pool = new Pool();
const fake: Redis = createMockRedis();
const cast = { get: async () => null } as unknown as Redis;
const literal: Redis = { get: async () => null } as never;

function warm(cache: Redis) {
  return cache.get('warm');
}

it('reads orders', async () => {
  await warm(fake);
  expect(await cast.get('x')).toBeNull();
  expect(await literal.get('y')).toBeNull();
  expect((await pool.query('SELECT 1')).rows).toHaveLength(1);
});
`,
    },
  ],
  invalid: [
    {
      name: "the driver's client, held by type and made by a test environment, beside a real third-party host (Mocha)",
      filename: path.join(driver, 'test/integration/aws-auth.test.ts'),
      code: `import { expect } from 'chai';
import { type MongoClient } from '../driver';
import { newClient } from '../tools/environment';

describe('signing in with cloud credentials', () => {
  let client: MongoClient;
  beforeEach(async () => {
    client = await newClient(process.env.DATABASE_URI!).connect();
  });
  afterEach(() => client.close());

  it('signs a token request', async () => {
    const response = await fetch('https://sts.cloud-provider.example/', { method: 'POST' });
    expect(response.ok).to.equal(true);
    expect(await client.db('auth').command({ ping: 1 })).to.deep.equal({ ping: 1 });
  });
});
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 13, column: 28, data: { count: 2, boundaries: 'database (line 8), http (line 13)', max: 1, file: shown(path.join(driver, 'test/integration/aws-auth.test.ts')) } }],
    },
    {
      name: "the driver's client taken by value from its sources, beside a cache held by type (Jest)",
      filename: path.join(driver, 'test/integration/cached-lookups.test.ts'),
      code: `import type { Redis } from 'ioredis';
import { MongoClient } from '../../src/index';
import { openCache } from './support';

const client = new MongoClient(process.env.DATABASE_URI!);
let cache: Redis;
beforeAll(async () => {
  cache = await openCache();
});

test('caches a lookup', async () => {
  await cache.set('user:1', JSON.stringify(await client.db().command({ find: 'users' })));
});
`,
      errors: [{ messageId: 'tooManyBoundaries', line: 8, column: 11, data: { count: 2, boundaries: 'database (line 2), cache (line 8)', max: 1, file: shown(path.join(driver, 'test/integration/cached-lookups.test.ts')) } }],
    },
  ],
});
