/**
 * `no-shared-test-data` on data a run-once hook makes that only the run-once hooks of nested suites
 * read: what each of those hooks makes from it is that hook's own, judged there, and no test reads
 * the value itself. Moving the outer data to `beforeEach` would not help either: a nested suite's
 * run-once hook runs before the outer per-test hooks. As soon as a test reads the value itself, the
 * tests under those nested hooks count as its readers too.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

/** A Mocha file whose outer `before` makes a shelf that nested suites' `before` hooks build on. */
const libraryFile = (extraTest: string): string => `const { expect } = require('chai');
const shelves = require('../../src/shelves');
const books = require('../../src/books');

describe('library', () => {
  let shelfId;

  before(async () => {
    shelfId = await shelves.create({ name: 'fiction' });
  });

  describe('a book on the shelf', () => {
    let listing;

    before(async () => {
      const bookId = await books.create({ title: 'Emma', shelfId });
      listing = await books.listing(bookId);
    });

    it('shows the shelf name', () => {
      expect(listing.shelf).to.equal('fiction');
    });
  });

  describe('a second book', () => {
    let listing;

    before(async () => {
      const bookId = await books.create({ title: 'Dune', shelfId });
      listing = await books.listing(bookId);
    });

    it('is listed after the first', () => {
      expect(listing.position).to.equal(2);
    });
  });
${extraTest}});
`;

const readingTest = `
  it('counts the shelf', async () => {
    expect(await shelves.count(shelfId)).to.equal(1);
  });
`;

cjs.run('no-shared-test-data: data only nested run-once hooks read (Mocha, CommonJS)', rule, {
  valid: [{ name: 'a shelf the nested suites build on, that no test reads', filename: 'test/integration/library.test.js', code: libraryFile('') }],
  invalid: [
    {
      name: 'the same shelf read by a test of its own as well',
      filename: 'test/integration/library.test.js',
      code: libraryFile(readingTest),
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: 'before', shared: 'the 3 tests that use `shelfId`', sources: '`shelfId = shelves.create()` (line 9)' },
          suggestions: [],
        },
      ],
    },
  ],
});

ts.run('no-shared-test-data: data only nested run-once hooks read (Jest, TypeScript)', rule, {
  valid: [
    {
      name: 'an account the nested suite\u2019s hook builds an invoice on',
      filename: 'tests/integration/invoices.test.ts',
      code: `import { beforeAll, describe, expect, it } from '@jest/globals';
import { createAccount, createInvoice } from '../support/factories';

let account: { id: number };

beforeAll(async () => {
  account = await createAccount();
});

describe('invoices', () => {
  let invoice: { id: number; total: number };

  beforeAll(async () => {
    invoice = await createInvoice({ accountId: account.id });
  });

  it('has an id', () => expect(invoice.id).toBeDefined());
});

describe('an empty invoice', () => {
  let invoice: { id: number; total: number };

  beforeAll(async () => {
    invoice = await createInvoice({ accountId: account.id, lines: [] });
  });

  it('totals zero', () => expect(invoice.total).toBe(0));
});
`,
    },
  ],
  invalid: [],
});
