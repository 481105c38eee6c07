/**
 * A client the catalog says keeps its data in the process unless it is given a store: Keyv made with
 * no store is a map in memory, not a cache service. Spying on it mocks no boundary, and what a test
 * sets in it is gone with the test. Given an address or a store, it is the service again.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import noBoundaryMock from '../../src/rules/no-boundary-mock';
import requireCleanup from '../../src/rules/require-cleanup';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const spying = (made: string) => `import Keyv from 'keyv';
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

it('passes on a failing read', async () => {
  const keyv = ${made};
  vi.spyOn(keyv, 'get').mockRejectedValue(new Error('down'));
  await expect(keyv.get('a')).rejects.toThrow('down');
});
`;

ts.run('no-boundary-mock: Keyv without a store (Vitest)', noBoundaryMock, {
  valid: [
    { name: 'options without a store', filename: 'tests/integration/cache.test.ts', code: spying("new Keyv({ namespace: 'sessions' })") },
    { name: 'a Map as the store', filename: 'tests/integration/cache.test.ts', code: spying('new Keyv({ store: new Map() })') },
  ],
  invalid: [
    {
      name: 'an address makes it the Redis service',
      filename: 'tests/integration/cache.test.ts',
      code: spying("new Keyv('redis://localhost:6379')"),
      errors: [
        {
          messageId: 'mockedBoundary',
          line: 8,
          suggestions: [
            {
              messageId: 'removeMock',
              output: `import Keyv from 'keyv';
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

it('passes on a failing read', async () => {
  const keyv = new Keyv('redis://localhost:6379');
  await expect(keyv.get('a')).rejects.toThrow('down');
});
`,
            },
          ],
        },
      ],
    },
  ],
});

const remembering = (made: string) => `const Keyv = require('keyv');
const KeyvRedis = require('@keyv/redis').default;

test('remembers a session', async () => {
  const sessions = ${made};
  await sessions.set('s1', { user: 'ada' });
  expect(await sessions.get('s1')).toEqual({ user: 'ada' });
});
`;

cjs.run('require-cleanup: Keyv without a store (Jest)', requireCleanup, {
  valid: [{ name: 'a namespace and no store', filename: 'tests/integration/sessions.test.js', code: remembering("new Keyv({ namespace: 'sessions' })") }],
  invalid: [
    {
      name: 'a Redis store',
      filename: 'tests/integration/sessions.test.js',
      code: remembering("new Keyv({ store: new KeyvRedis('redis://localhost:6379'), namespace: 'sessions' })"),
      errors: [
        {
          messageId: 'missingCleanup',
          line: 6,
          data: { call: 'sessions.set()', target: 'the cache', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'sessions' },
              output: `const Keyv = require('keyv');
const KeyvRedis = require('@keyv/redis').default;

afterEach(async () => {
  // Remove what each test wrote through \`sessions\`: flush the keys it set.
});

test('remembers a session', async () => {
  const sessions = new Keyv({ store: new KeyvRedis('redis://localhost:6379'), namespace: 'sessions' });
  await sessions.set('s1', { user: 'ada' });
  expect(await sessions.get('s1')).toEqual({ user: 'ada' });
});
`,
            },
          ],
        },
      ],
    },
  ],
});
