/**
 * `no-boundary-mock` on a test double built inside a module mock's factory
 * (`jest.mock('@prisma/client', () => ({ PrismaClient: jest.fn(() => mockDeep<PrismaClient>()) }))`):
 * the double is the stand-in of the mock already reported, so the file gets one report, not two.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-boundary-mock';

const ts = new RuleTester();

ts.run('no-boundary-mock: a double inside a module mock\u2019s factory (Jest)', rule, {
  valid: [],
  invalid: [
    {
      name: 'one report for the module mock and the double its factory builds',
      filename: 'test/integration/orders.test.ts',
      code: `import { PrismaClient } from '@prisma/client';
import { mockDeep } from 'jest-mock-extended';
import { listOrders } from '../../src/orders';

jest.mock('@prisma/client', () => ({
  PrismaClient: jest.fn(() => mockDeep<PrismaClient>()),
}));

describe('listOrders', () => {
  it('reads the orders', async () => {
    expect(await listOrders()).toEqual([]);
  });
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          line: 5,
          data: { what: 'module `@prisma/client`', kind: 'database', how: '`jest.mock`', effect: 'so its calls no longer reach the database' },
          suggestions: [
            {
              messageId: 'removeMock',
              data: { what: 'module `@prisma/client`', kind: 'database', how: '`jest.mock`', effect: 'so its calls no longer reach the database' },
              output: `import { listOrders } from '../../src/orders';

describe('listOrders', () => {
  it('reads the orders', async () => {
    expect(await listOrders()).toEqual([]);
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a double built on its own, outside any module mock, is reported',
      filename: 'test/integration/orders.test.ts',
      code: `import { PrismaClient } from '@prisma/client';
import { mockDeep } from 'jest-mock-extended';
import { listOrders } from '../../src/orders';

const prisma = mockDeep<PrismaClient>();

it('reads the orders', async () => {
  prisma.order.findMany.mockResolvedValue([]);
  expect(await listOrders(prisma)).toEqual([]);
});
`,
      errors: [{ messageId: 'mockedDatabase', line: 5 }],
    },
  ],
});
