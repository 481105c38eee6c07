/**
 * `no-shared-test-data` on helpers named for what they build when that is not a record: a request
 * (`createLocalReq(…)`, `buildRequest()`), a handler, a testing module. Built once in a run-once hook
 * and handed to every test, such an object stays in the process and is no data in a store. A helper
 * named for a record (`createAuthor(…)`) beside it is still shared data.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: objects built in the process (Vitest, Jest, TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: a request for the local API, built once and handed to each test',
      filename: 'test/integration/permissions.int.spec.ts',
      code: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalReq, type Cms, type CmsRequest } from '@acme/cms';
import { startCms } from '../helpers/start-cms';

describe('permissions', () => {
  let cms: Cms;
  let req: CmsRequest;

  beforeAll(async () => {
    cms = await startCms();
    req = await createLocalReq({ user: { id: 1, roles: ['admin'] } }, cms);
  });

  afterAll(() => cms.destroy());

  it('lets an admin read drafts', async () => {
    const article = await cms.create({ collection: 'articles', data: { title: 'a' }, req });
    const found = await cms.findByID({ collection: 'articles', id: article.id, draft: true, req });
    expect(found.title).toBe('a');
    await cms.delete({ collection: 'articles', id: article.id, req });
  });

  it('lets an admin list users', async () => {
    const { docs } = await cms.find({ collection: 'users', req });
    expect(Array.isArray(docs)).toBe(true);
  });
});
`,
    },
    {
      name: 'Jest: a request and a handler built once in `beforeAll`',
      filename: 'src/orders/orders.integration.test.ts',
      code: `import { Pool } from 'pg';
import { buildRequest, makeOrderHandler } from '../../test/support/http';

describe('order handler', () => {
  let pool: Pool;
  let request: ReturnType<typeof buildRequest>;
  let handler: ReturnType<typeof makeOrderHandler>;

  beforeAll(() => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
    request = buildRequest({ headers: { 'x-tenant': 't1' } });
    handler = makeOrderHandler(pool);
  });

  afterEach(() => pool.query('TRUNCATE orders'));
  afterAll(() => pool.end());

  it('accepts an order', async () => {
    const response = await handler({ ...request, body: { sku: 'a', quantity: 1 } });
    expect(response.status).toBe(201);
  });

  it('refuses an empty order', async () => {
    const response = await handler({ ...request, body: {} });
    expect(response.status).toBe(400);
  });
});
`,
    },
  ],
  invalid: [],
});

cjs.run('no-shared-test-data: objects built in the process (Mocha, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the request stays in the process; the author made beside it is shared data',
      filename: 'test/integration/books.test.js',
      code: `const assert = require('node:assert');
const { createRequest, createAuthor } = require('../support/factories');
const books = require('../../src/books');
const db = require('../../src/db');

describe('books', function () {
  let req;
  let author;

  before(async function () {
    req = createRequest({ locale: 'en' });
    author = await createAuthor(db, { name: 'Ann' });
  });

  after(() => db.destroy());

  it('lists the author\\'s books', async function () {
    const list = await books.byAuthor(req, author.id);
    assert.deepStrictEqual(list, []);
  });

  it('adds a book', async function () {
    const book = await books.add(req, { authorId: author.id, title: 'B' });
    assert.equal(book.authorId, author.id);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 12,
          data: { hook: 'before', shared: 'the 2 tests that use `author`', sources: '`author = createAuthor()` (line 12)' },
          suggestions: [],
        },
      ],
    },
  ],
});
