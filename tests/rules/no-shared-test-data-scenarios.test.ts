/**
 * `no-shared-test-data` calls a suite with data seeded once an ordered scenario only when tests that
 * share the data hand state to each other, and at least half of them do, or at least three tests of
 * the suite (a third of it or more). Two tests that do, among many that stand alone,
 * get their own report; the rest are told to make their data per test, which works for them.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';
import { SCENARIO_BY_PATH, SCENARIO_TO_ACCEPTANCE } from '../helpers/advice';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: when shared data makes a scenario (Vitest)', rule, {
  valid: [],
  invalid: [
    {
      name: 'one hand-off among five views of seeded posts is no scenario of the five',
      filename: 'test/integration/timeline.test.ts',
      code: `import { beforeAll, describe, expect, it } from 'vitest';
import { createPost, readTimeline, likePost, readLikes } from '../support/social';

describe('timeline', () => {
  let likeId: string;

  beforeAll(async () => {
    await createPost({ author: 'ana', text: 'first' });
  });

  it('shows the post', async () => {
    expect(await readTimeline('ana')).toHaveLength(1);
  });

  it('shows it to followers', async () => {
    expect(await readTimeline('ben')).toHaveLength(1);
  });

  it('hides it from blocked readers', async () => {
    expect(await readTimeline('cai')).toHaveLength(0);
  });

  it('likes it', async () => {
    likeId = await likePost('ana', 'first');
  });

  it('counts the like', async () => {
    expect(await readLikes(likeId)).toBe(1);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 8,
          data: { hook: 'beforeAll', shared: 'a suite of 5 tests', sources: '`createPost()` (line 8)' },
          suggestions: [],
        },
        { messageId: 'handedOn', line: 28, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'likeId', later: 'here, by a later test' }, suggestions: [] },
      ],
    },
  ],
});

/** Four steps of a checkout, three of them handing values along to the next. */
const CHECKOUT = `const assert = require('node:assert');
const { createCart, addItem, pay, readReceipt } = require('../support/shop');

describe('checkout', () => {
  let cart;
  let item;
  let receipt;

  before(async () => {
    cart = await createCart({ owner: 'ana' });
  });

  it('starts empty', async () => {
    assert.equal(cart.items.length, 0);
  });

  it('adds an item', async () => {
    item = await addItem(cart.id, 'book');
  });

  it('pays', async () => {
    receipt = await pay(cart.id, item.price);
  });

  it('keeps the receipt', async () => {
    assert.equal((await readReceipt(receipt.id)).total, 12);
  });
});
`;

cjs.run('no-shared-test-data: when shared data makes a scenario (Mocha, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'three steps of four hand values along, two of them on the shared cart: a scenario',
      filename: 'test/integration/checkout.test.js',
      code: CHECKOUT,
      errors: [
        {
          messageId: 'sharedScenario',
          line: 10,
          data: { scenario: SCENARIO_TO_ACCEPTANCE, hook: 'before', shared: 'the 3 tests that use `cart`', sources: '`cart = createCart()` (line 10)' },
          suggestions: [],
        },
        { messageId: 'handedOn', line: 22, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'item', later: 'here, by a later test' }, suggestions: [] },
        { messageId: 'handedOn', line: 26, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'receipt', later: 'here, by a later test' }, suggestions: [] },
      ],
    },
    {
      name: 'the same scenario in a file named as an end-to-end test, taken by the integration globs: leave it out of them',
      filename: 'test/checkout.e2e.test.js',
      code: CHECKOUT,
      errors: [
        {
          messageId: 'sharedScenario',
          line: 10,
          data: { scenario: SCENARIO_BY_PATH, hook: 'before', shared: 'the 3 tests that use `cart`', sources: '`cart = createCart()` (line 10)' },
          suggestions: [],
        },
        { messageId: 'handedOn', line: 22, data: { scenario: SCENARIO_BY_PATH, name: 'item', later: 'here, by a later test' }, suggestions: [] },
        { messageId: 'handedOn', line: 26, data: { scenario: SCENARIO_BY_PATH, name: 'receipt', later: 'here, by a later test' }, suggestions: [] },
      ],
    },
  ],
});
