/**
 * `no-shared-test-data` on the file's own builders: a function of the file that only returns an
 * object it builds (`return new Cart({ … })`, an object literal), with no call in it that makes
 * data, hands back a value in memory, whatever its name (`givenCart()`, `createUser()`). Assigned in
 * a run-once hook it is shared data only when a test changes it, as the literal would be. A builder
 * that also writes, or whose body the rule cannot see, is still judged by its name. A model defined
 * on a data source (`db.createModel('Order', properties)`) is schema, not a record.
 * What a factory builds without saving (`orderFactory.build()`, `Factory.Order.makeOne()`) is a
 * value in memory too.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const READ_ONLY_CART = `import { expect } from 'chai';
import { RedisDataSource } from '../../datasources';
import { CartRepository } from '../../repositories';
import { Cart, CartItem } from '../../models';

describe('cart repository', () => {
  let repo: CartRepository;
  let cart: Cart;

  before(() => {
    cart = givenCart();
    repo = new CartRepository(new RedisDataSource());
  });
  beforeEach(() => repo.set(cart.userId, cart));
  afterEach(() => repo.deleteAll());

  it('reads the cart back', async () => {
    expect((await repo.get(cart.userId)).toJSON()).to.eql(cart.toJSON());
  });
  it('lists its key', async () => {
    const keys = [];
    for await (const key of repo.keys()) keys.push(key);
    expect(keys).to.contain(cart.userId);
  });
});

function givenCart() {
  return new Cart({ userId: 'u1', items: [new CartItem({ productId: 'p1', quantity: 3 })] });
}
`;

ts.run('no-shared-test-data: values the file’s own builders hand back (Mocha, TypeScript)', rule, {
  valid: [
    {
      name: 'a model object built once in `before` that the tests only read; each test writes it afresh',
      filename: 'src/__tests__/integration/cart.repository.integration.ts',
      code: READ_ONLY_CART,
    },
  ],
  invalid: [
    {
      name: 'the same object, pushed to by one test, is shared data',
      filename: 'src/__tests__/integration/cart.repository.integration.ts',
      code: READ_ONLY_CART.replace(
        "  it('lists its key', async () => {",
        "  it('adds an item', async () => {\n    cart.items.push(new CartItem({ productId: 'p2', quantity: 1 }));\n    await repo.set(cart.userId, cart);\n  });\n  it('lists its key', async () => {",
      ),
      errors: [{ messageId: 'sharedData', line: 11, data: { hook: 'before', shared: 'the 3 tests that use `cart`', sources: '`cart = givenCart()` (line 11)' } }],
    },
  ],
});

cjs.run('no-shared-test-data: values the file’s own builders hand back (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'Mocha: a model defined on the data source in `before` maps a table and holds no rows',
      filename: 'test/integration/decimal.test.js',
      code: `const { getDataSource } = require('./init.js');

describe('decimal properties', function () {
  let db;
  let Order;

  before(function (done) {
    db = getDataSource();
    Order = db.createModel('Order', { total: { type: String, mongodb: { dataType: 'Decimal128' } } });
    Order.destroyAll(done);
  });
  afterEach(function (done) {
    Order.destroyAll(done);
  });

  it('stores a decimal', async function () {
    const order = await Order.create({ total: '0.0005' });
    order.total.should.equal('0.0005');
  });
  it('finds by a decimal', async function () {
    await Order.create({ total: '0.0007' });
    (await Order.find({ where: { total: '0.0007' } })).length.should.equal(1);
  });
});`,
    },
    {
      name: 'an arrow function returning an object literal with generated values, read by two tests',
      filename: 'tests/integration/signup.test.js',
      code: `const { randomUUID } = require('node:crypto');
const { createUsersRepository } = require('../../src/users');
const { pool } = require('../../src/db');

let user;
const repo = createUsersRepository(pool);

beforeAll(() => {
  user = createUser();
});
afterEach(() => pool.query('DELETE FROM users'));
afterAll(() => pool.end());

const createUser = () => ({ id: randomUUID(), email: 'grace@example.com', name: 'Grace' });

test('stores a user', async () => {
  await repo.insert(user);
  expect(await repo.findById(user.id)).toMatchObject({ email: user.email });
});
test('finds a user by email', async () => {
  await repo.insert(user);
  expect(await repo.findByEmail(user.email)).toMatchObject({ id: user.id });
});`,
    },
  ],
  invalid: [
    {
      name: 'a builder that also saves the object still seeds a row',
      filename: 'tests/integration/signup.test.js',
      code: `const { createUsersRepository } = require('../../src/users');
const { pool } = require('../../src/db');

let user;
const repo = createUsersRepository(pool);

beforeAll(async () => {
  user = await createUser();
});
afterAll(() => pool.end());

async function createUser() {
  return repo.insert({ email: 'grace@example.com', name: 'Grace' });
}

test('finds the user by id', async () => {
  expect(await repo.findById(user.id)).toMatchObject({ name: 'Grace' });
});
test('finds the user by email', async () => {
  expect(await repo.findByEmail('grace@example.com')).toMatchObject({ id: user.id });
});`,
      errors: [{ messageId: 'sharedData', line: 8, data: { hook: 'beforeAll', shared: 'the 2 tests that use `user`', sources: '`user = createUser()` (line 8)' } }],
    },
  ],
});

const FACTORY_DRAFT = `import { beforeAll, afterEach, describe, expect, it } from 'vitest';
import { orderFactory } from '../factories/order';
import { db } from '../../src/db';
import { OrderRepository } from '../../src/orders/repository';

describe('OrderRepository', () => {
  const repo = new OrderRepository(db);
  let draft: ReturnType<typeof orderFactory.build>;

  beforeAll(() => {
    draft = orderFactory.build({ total: 42 });
  });
  afterEach(() => db.deleteFrom('orders').execute());

  it('saves the draft', async () => {
    const saved = await repo.save(draft);
    expect(saved.total).toBe(42);
  });
  it('finds it again by id', async () => {
    const { id } = await repo.save(draft);
    expect((await repo.findById(id))?.total).toBe(42);
  });
});
`;

const CHANGED_DRAFT = FACTORY_DRAFT.replace(
  "  it('finds it again by id', async () => {",
  "  it('saves a discounted copy', async () => {\n    draft.total = 40;\n    expect((await repo.save(draft)).total).toBe(40);\n  });\n  it('finds it again by id', async () => {",
);
const SAVED_DRAFT = FACTORY_DRAFT.replace('beforeAll(() => {\n    draft = orderFactory.build(', 'beforeAll(async () => {\n    draft = await orderFactory.create(');
/** The suggested edit: the hook, and its import, run before each test. */
const PER_TEST = (code: string): string => code.replaceAll('beforeAll', 'beforeEach');

ts.run('no-shared-test-data: what a factory builds without saving (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: '`orderFactory.build()` in `beforeAll` is an object in memory, read by the tests that save it themselves',
      filename: 'test/integration/orders.repository.test.ts',
      code: FACTORY_DRAFT,
    },
  ],
  invalid: [
    {
      name: 'changed by one test, the built object is shared, as a literal would be',
      filename: 'test/integration/orders.repository.test.ts',
      code: CHANGED_DRAFT,
      errors: [
        {
          messageId: 'sharedData',
          line: 11,
          data: { hook: 'beforeAll', shared: 'the 3 tests that use `draft`', sources: '`draft = orderFactory.build()` (line 11)' },
          suggestions: [{ messageId: 'runPerTest', output: PER_TEST(CHANGED_DRAFT) }],
        },
      ],
    },
    {
      name: '`orderFactory.create()` saves the order: a row shared by the tests',
      filename: 'test/integration/orders.repository.test.ts',
      code: SAVED_DRAFT,
      errors: [
        {
          messageId: 'sharedData',
          line: 11,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `draft`', sources: '`draft = orderFactory.create()` (line 11)' },
          suggestions: [{ messageId: 'runPerTest', output: PER_TEST(SAVED_DRAFT) }],
        },
      ],
    },
  ],
});
