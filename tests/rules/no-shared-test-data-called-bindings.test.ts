/**
 * `no-shared-test-data` on a binding a run-once hook fills with a function the tests only call
 * (`afterPush = createEventWaiter(events, 'pushed')`, then `await afterPush(() => …)`): it holds a
 * function, not a record the tests share, whatever its maker is named. A record beside it is still shared,
 * and so is a record beside a request context and a caller of the app (`createInnerTRPCContext(…)`,
 * `appRouter.createCaller(ctx)`), which are not records either.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: a function the tests only call (Vitest)', rule, {
  valid: [
    {
      name: 'an event waiter made once and called by each test',
      filename: 'test/integration/undo.test.ts',
      code: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app';
import { createEventWaiter } from '../support/events';

describe('undo', () => {
  let app: TestApp;
  let afterPush: <T>(run: () => Promise<T>) => Promise<T>;

  beforeAll(async () => {
    app = await startApp();
    afterPush = createEventWaiter(app.events, 'operation.pushed');
  });

  afterAll(() => app.close());

  it('undoes a rename', async () => {
    await afterPush(() => app.rename('t1', 'Orders'));
    expect(await app.undo()).toBe(true);
  });

  it('redoes a rename', async () => {
    await afterPush(() => app.rename('t1', 'Invoices'));
    expect(await app.redo()).toBe(false);
  });
});
`,
    },
  ],
  invalid: [],
});

cjs.run('no-shared-test-data: a function beside a shared record (Mocha)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the order is shared; the maker of fresh orders is not',
      filename: 'test/integration/orders.test.js',
      code: `const { expect } = require('chai');
const { createOrder, createOrderMaker } = require('../support/orders');

describe('orders', function () {
  let makeOrder;
  let order;

  before(async function () {
    makeOrder = createOrderMaker({ currency: 'EUR' });
    order = await createOrder({ total: 10 });
  });

  it('makes its own order', async function () {
    expect((await makeOrder({ total: 5 })).currency).to.equal('EUR');
  });

  it('reads the shared order', function () {
    expect(order.total).to.equal(10);
  });

  it('pays the shared order', async function () {
    order.paid = true;
    expect(order.paid).to.equal(true);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 10,
          data: { hook: 'before', shared: 'the 2 tests that use `order`', sources: '`order = createOrder()` (line 10)' },
          suggestions: [],
        },
      ],
    },
  ],
});

ts.run('no-shared-test-data: a request context and a caller of the app (Vitest)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the project is shared; the context and the caller built on it are not data',
      filename: 'test/integration/comments.test.ts',
      code: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../src/server/routers';
import { createInnerTRPCContext } from '../../src/server/context';
import { prisma } from '../../src/server/db';
import { createProject } from '../support/projects';

describe('comments router', () => {
  let caller: ReturnType<typeof appRouter.createCaller>;
  let projectId: string;

  beforeAll(async () => {
    projectId = (await createProject(prisma)).id;
    const ctx = createInnerTRPCContext({ session: { user: { id: 'u1' } } });
    caller = appRouter.createCaller(ctx);
  });

  afterAll(() => prisma.project.delete({ where: { id: projectId } }));

  it('lists no comments', async () => {
    expect(await caller.comments.list({ projectId })).toEqual([]);
  });

  it('adds a comment', async () => {
    await caller.comments.add({ projectId, text: 'hi' });
    expect(await caller.comments.list({ projectId })).toHaveLength(1);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 12,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `projectId`', sources: '`projectId = createProject()` (line 12)' },
          suggestions: [],
        },
      ],
    },
  ],
});
