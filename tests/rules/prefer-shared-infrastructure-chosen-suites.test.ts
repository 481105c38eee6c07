/**
 * `prefer-shared-infrastructure` in a suite called through a choice made where it is called
 * (`(hasCluster ? describe : describe.skip)('…', () => {…})`): the suite is a suite, so its
 * `beforeEach` runs before its own tests, not before every test of the file.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/prefer-shared-infrastructure';

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const SLIDING_WINDOW = `const Redis = require('ioredis');
const { expect } = require('chai');
const { SlidingWindow } = require('../../src/sliding-window');

describe('SlidingWindow in memory', () => {
  it('counts a hit', () => {
    expect(new SlidingWindow(new Map()).hit('a')).to.equal(1);
  });
  it('starts empty', () => {
    expect(new SlidingWindow(new Map()).count('a')).to.equal(0);
  });
});

(process.env.REDIS_CLUSTER ? describe : describe.skip)('SlidingWindow on a Redis cluster', () => {
  let cluster;
  beforeEach(() => {
    cluster = new Redis.Cluster([{ host: '127.0.0.1', port: 7000 }]);
  });
  afterEach(() => cluster.quit());

  it('counts a hit', async () => {
    expect(await new SlidingWindow(cluster).hit('visits:1')).to.equal(1);
  });
  it('counts hits of one key together', async () => {
    const window = new SlidingWindow(cluster);
    await window.hit('visits:2');
    expect(await window.hit('visits:2')).to.equal(2);
  });
  it('keeps keys apart', async () => {
    const window = new SlidingWindow(cluster);
    await window.hit('visits:3');
    expect(await window.count('visits:4')).to.equal(0);
  });
});
`;

cjs.run('prefer-shared-infrastructure: a suite picked where it is called (Mocha, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the client is opened once for each of the three tests of its suite, not the five of the file',
      filename: 'test/integration/sliding-window.test.js',
      code: SLIDING_WINDOW,
      errors: [
        {
          messageId: 'perTestHook',
          line: 17,
          data: { call: 'new Redis.Cluster()', hook: 'beforeEach', count: 3, shared: 'before' },
          suggestions: [
            {
              messageId: 'moveToSharedHooks',
              data: { shared: 'before', teardown: 'after' },
              output: SLIDING_WINDOW.replace('  beforeEach(() => {', '  before(() => {').replace('  afterEach(() => cluster.quit());', '  after(() => cluster.quit());'),
            },
          ],
        },
      ],
    },
  ],
});
