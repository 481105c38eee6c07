/**
 * `no-shared-test-data` on a repository that builds entities with `create` and writes them with `save`
 * (TypeORM, MikroORM): the message names the save that writes, not the create that only builds.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester();

ts.run('no-shared-test-data: entities built, then saved (Mocha)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the seeded invoices are made by the save',
      filename: 'test/integration/invoices.test.ts',
      code: `import { expect } from 'chai';
import { DataSource } from 'typeorm';
import { Invoice } from '../../src/entities/invoice';

describe('invoice totals', () => {
  let dataSource: DataSource;

  before(async () => {
    dataSource = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Invoice] }).initialize();
    const invoices = dataSource.getRepository(Invoice);
    const drafts = invoices.create([{ total: 10 }, { total: 32 }]);
    await invoices.save(drafts);
  });

  after(() => dataSource.destroy());

  it('sums the totals', async () => {
    expect(await dataSource.getRepository(Invoice).sum('total')).to.equal(42);
  });

  it('voids an invoice', async () => {
    await dataSource.getRepository(Invoice).update({ total: 10 }, { voided: true });
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 12,
          data: { hook: 'before', shared: 'a suite of 2 tests', sources: '`invoices.save()` (line 12)' },
          suggestions: [],
        },
      ],
    },
  ],
});
