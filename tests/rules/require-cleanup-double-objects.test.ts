/**
 * `require-cleanup` on a service of the project built, in the test, over an object whose members
 * are all mock functions (`new OrderService({ orders: { save: vi.fn() } } as unknown as Database)`):
 * the service calls those, and nothing is stored. Built over the project's real client, the same
 * write is reported.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import rule from '../../src/rules/require-cleanup';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('require-cleanup-double-objects');

const shop = project('shop', {
  'package.json': JSON.stringify({ name: 'shop', version: '1.0.0' }),
  'src/database.ts': "import { PrismaClient } from '@prisma/client';\n\nexport class Database extends PrismaClient {}\n\nexport const database = new Database();\n",
  'src/order-service.ts': [
    "import { PrismaClient } from '@prisma/client';",
    '',
    'export class OrderService {',
    '  constructor(private readonly db: PrismaClient) {}',
    '',
    '  async save(order: { id: string; total: number }) {',
    '    return this.db.order.upsert({ where: { id: order.id }, create: order, update: order });',
    '  }',
    '}',
    '',
  ].join('\n'),
});

/** A Jest file whose service is built in a `beforeEach` over the database given. */
const ordersFile = (database: string): string => `import { OrderService } from '../../src/order-service';
import { Database, database } from '../../src/database';

describe('OrderService', () => {
  let upsert: jest.Mock;
  let service: OrderService;

  beforeEach(() => {
    upsert = jest.fn();
    service = new OrderService(${database});
  });

  it('saves an order by its id', async () => {
    await service.save({ id: 'o-1', total: 12 });
    expect(upsert).toHaveBeenCalledTimes(1);
  });
});
`;

const DOUBLE = '{ order: { upsert, findMany: jest.fn() } } as unknown as Database';
const MIXED = "{ order: { upsert }, datasourceUrl: 'postgres://localhost/shop' } as unknown as Database";

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const filename = path.join(shop, 'test/integration/orders.test.ts');

/** The write reported in the file built over `database`, and the `afterEach` suggested after its `beforeEach`. */
const reportedWrite = (database: string) => ({
  messageId: 'missingCleanup' as const,
  line: 14,
  data: { call: 'service.save()', target: 'the database', container: '' },
  suggestions: [
    {
      messageId: 'addCleanupHook' as const,
      data: { hook: 'afterEach', subject: 'service' },
      output: ordersFile(database).replace(
        `    service = new OrderService(${database});\n  });\n`,
        `    service = new OrderService(${database});\n  });\n\n  afterEach(async () => {\n    // Remove what each test wrote through \`service\`: truncate the tables it wrote to, or roll back a per-test transaction.\n  });\n`,
      ),
    },
  ],
});

ts.run('require-cleanup: a service built over an object of mock functions (Jest, TypeScript)', rule, {
  valid: [{ name: 'the service calls the mock functions it was handed', filename, code: ordersFile(DOUBLE) }],
  invalid: [
    {
      name: 'an object that also holds an address is no double: the service may connect with it',
      filename,
      code: ordersFile(MIXED),
      errors: [reportedWrite(MIXED)],
    },
    {
      name: 'the same service built over the project\u2019s database client',
      filename,
      code: ordersFile('database'),
      errors: [reportedWrite('database')],
    },
  ],
});
