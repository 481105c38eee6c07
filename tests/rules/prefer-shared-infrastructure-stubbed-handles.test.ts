/**
 * `prefer-shared-infrastructure` on a handle a test stubs: replacing one of its methods, on the handle
 * itself or on what the test builds from it (`sinon.stub(limiter.client, 'script')` after `limiter =
 * new Limiter({ storeClient: client })`), changes it, so each test needs a fresh one. A stub of
 * something else (a logger) leaves the handle as it was.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/prefer-shared-infrastructure';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const SESSIONS = `import Redis from 'ioredis';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { logger } from '../../src/logger';
import { SessionStore } from '../../src/sessions/session-store';

let redis: Redis;

beforeEach(() => {
  redis = new Redis(process.env.REDIS_URL!);
});

afterEach(async () => {
  await redis.flushdb();
  await redis.quit();
});

it('keeps a session', async () => {
  const store = new SessionStore({ client: redis });
  await store.save('s-1', { userId: 'u-1' });
  expect(await store.load('s-1')).toEqual({ userId: 'u-1' });
});

it('logs a session it cannot read', async () => {
  const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
  const store = new SessionStore({ client: redis });
  await redis.set('session:s-2', 'not json');
  expect(await store.load('s-2')).toBeNull();
  expect(warn).toHaveBeenCalled();
});
`;

/** The same file with the client opened once: `beforeAll` opens it, `afterAll` closes it, `afterEach` only flushes. */
const SESSIONS_SHARED = SESSIONS.replace("import { afterEach, beforeEach, expect, it, vi } from 'vitest';", "import { afterEach, beforeEach, expect, it, vi, beforeAll, afterAll } from 'vitest';")
  .replace('beforeEach(() => {\n  redis', 'beforeAll(() => {\n  redis')
  .replace('  await redis.flushdb();\n  await redis.quit();\n});', '  await redis.flushdb();\n});\n\nafterAll(async () => {\n  await redis.quit();\n});');

/** The second test's first lines, after which a stub is added. */
const WARN_STUB = "  const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);\n";
const LOGGER_STUB = `${WARN_STUB}  const store = new SessionStore({ client: redis });\n`;

ts.run('prefer-shared-infrastructure: stubs in the tests (Vitest)', rule, {
  valid: [
    {
      name: 'a test stubs a method of the store it built from the handle',
      filename: 'test/integration/session-store.test.ts',
      code: SESSIONS.replace(LOGGER_STUB, `${LOGGER_STUB}  vi.spyOn(store.client, 'get').mockResolvedValue('not json');\n`),
    },
    {
      name: 'a test stubs a method of the handle itself',
      filename: 'test/integration/session-store.test.ts',
      code: SESSIONS.replace(WARN_STUB, `${WARN_STUB}  vi.spyOn(redis, 'get').mockResolvedValue('not json');\n`),
    },
  ],
  invalid: [
    {
      name: 'the only stub is of the logger: the handle is opened anew for nothing',
      filename: 'test/integration/session-store.test.ts',
      code: SESSIONS,
      errors: [
        {
          messageId: 'perTestHook',
          line: 9,
          data: { call: 'new Redis()', hook: 'beforeEach', count: 2, shared: 'beforeAll' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'beforeAll', teardown: 'afterAll' },
              output: SESSIONS_SHARED,
            },
          ],
        },
      ],
    },
  ],
});

const CJS = `const Redis = require('ioredis');
const sinon = require('sinon');
const { expect } = require('chai');
const { Limiter } = require('../../lib/limiter');

describe('Limiter', () => {
  let client;

  beforeEach(() => {
    client = new Redis({ host: '127.0.0.1', port: 6379 });
  });

  afterEach(async () => {
    await client.flushdb();
    client.disconnect();
  });

  it('consumes a point', async () => {
    const limiter = new Limiter({ storeClient: client, points: 2 });
    expect((await limiter.consume('ip-1')).remaining).to.equal(1);
  });

  it('fails when its script cannot be loaded', async () => {
    const limiter = new Limiter({ storeClient: client, points: 2 });
    sinon.stub(limiter.client, 'script').rejects(new Error('NOSCRIPT'));
    await expect(limiter.consume('ip-2')).to.be.rejectedWith('NOSCRIPT');
  });
});
`;

/** The same file with the client opened once in `before` and closed in `after`. */
const CJS_SHARED = CJS.replace('  beforeEach(() => {\n    client', '  before(() => {\n    client').replace(
  '    await client.flushdb();\n    client.disconnect();\n  });',
  '    await client.flushdb();\n  });\n\n  after(() => {\n    client.disconnect();\n  });',
);

cjs.run('prefer-shared-infrastructure: stubs in the tests (Mocha, sinon)', rule, {
  valid: [
    {
      name: 'a test stubs the client it handed to the limiter, through the limiter',
      filename: 'test/integration/limiter.test.js',
      code: CJS,
    },
  ],
  invalid: [
    {
      name: 'a test stubs a method of the limiter it built, not of the client',
      filename: 'test/integration/limiter.test.js',
      code: CJS.replace("sinon.stub(limiter.client, 'script')", "sinon.stub(limiter, 'block')"),
      errors: [
        {
          messageId: 'perTestHook',
          line: 10,
          data: { call: 'new Redis()', hook: 'beforeEach', count: 2, shared: 'before' },
          suggestions: [{ messageId: 'moveToSharedHooks', data: { shared: 'before', teardown: 'after' }, output: CJS_SHARED.replace("sinon.stub(limiter.client, 'script')", "sinon.stub(limiter, 'block')") }],
        },
      ],
    },
  ],
});
