/**
 * `no-shared-test-data` on a seed routine named for the seed it plants (`basicSeed(client)`,
 * `usersSeed(db)`): run once for a suite, it seeds data its tests share, like `seedUsers()`. A seed
 * for a random generator (`randomSeed()`) is no data.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: seed routines (Jest)', rule, {
  valid: [
    {
      name: 'a seed for a random generator, made once',
      filename: 'test/integration/shuffle.test.ts',
      code: `import { randomSeed } from '../support/random';
import { shuffleDeck } from '../../src/cards';

let seed: number;
beforeAll(() => {
  seed = randomSeed();
});

test('shuffles the same way twice', () => {
  expect(shuffleDeck(seed)).toEqual(shuffleDeck(seed));
});

test('keeps every card', () => {
  expect(shuffleDeck(seed)).toHaveLength(52);
});
`,
    },
  ],
  invalid: [
    {
      name: 'a seed routine run once for a suite of three tests',
      filename: 'test/integration/feed.test.ts',
      code: `import { basicSeed } from '../support/seeds';
import { db } from '../../src/db';
import { readFeed, likePost } from '../../src/feed';

beforeAll(async () => {
  await basicSeed(db);
});

test('shows three posts', async () => {
  expect(await readFeed('ana')).toHaveLength(3);
});

test('likes one', async () => {
  await likePost('ana', 1);
});

test('shows the like', async () => {
  expect((await readFeed('ana'))[0].likes).toBe(1);
});
`,
      errors: [{ messageId: 'sharedData', line: 6, data: { hook: 'beforeAll', shared: 'a suite of 3 tests', sources: '`basicSeed()` (line 6)' }, suggestions: [] }],
    },
  ],
});

cjs.run('no-shared-test-data: seed routines (Mocha, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'a seeder run in before, its users read by two tests',
      filename: 'test/integration/users.test.js',
      code: `const assert = require('node:assert');
const { usersSeeder } = require('../support/seeders');
const { findUser } = require('../../src/users');

describe('users', () => {
  before(async () => {
    await usersSeeder();
  });

  it('finds ana', async () => {
    assert.ok(await findUser('ana'));
  });

  it('finds ben', async () => {
    assert.ok(await findUser('ben'));
  });
});
`,
      errors: [{ messageId: 'sharedData', line: 7, data: { hook: 'before', shared: 'a suite of 2 tests', sources: '`usersSeeder()` (line 7)' }, suggestions: [] }],
    },
  ],
});
