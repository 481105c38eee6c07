/**
 * `no-shared-test-data` on an instance of the library under test made once for the tests: a helper of
 * the project's whose summary says it hands back what the entry point of its own package makes
 * (`kit = await t.create({ modules })`, with `create` returning `require('../index.js')(config)`), or
 * that entry point loaded and called in the test file. Such an instance is what the tests run, not a
 * record they share; the data the hook then writes through it still is. Made by one test and used by
 * the next, it is reported in the words for a client or an app: open it in a setup hook.
 */
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('no-shared-test-data-own-package-instances');

const cms = project('page-kit', {
  'package.json': JSON.stringify({ name: 'page-kit', version: '2.0.0', main: 'index.js' }),
  'index.js': 'module.exports = async (options) => ({ options, page: { insert: async (page) => page } });\n',
  'test-lib/util.js': [
    'async function create(options = {}) {',
    "  return require('../index.js')({ shortName: 'test', ...options });",
    '}',
    'async function createArticle(kit, title) {',
    '  return kit.page.insert({ type: "article", title });',
    '}',
    'module.exports = { create, createArticle };',
    '',
  ].join('\n'),
});

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const PAGES = `const assert = require('node:assert');
const t = require('../test-lib/util.js');

describe('pages', function () {
  let kit;

  before(async function () {
    kit = await t.create({ modules: { article: { extend: 'piece-type' } } });
  });

  afterEach(async function () {
    await kit.page.deleteMany({});
  });

  it('inserts a page', async function () {
    const page = await kit.page.insert({ title: 'Home' });
    assert.strictEqual(page.title, 'Home');
  });

  it('inserts an article', async function () {
    const page = await kit.page.insert({ type: 'article', title: 'News' });
    assert.strictEqual(page.type, 'article');
  });
});
`;

cjs.run('no-shared-test-data: instances of the library under test (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'a helper that hands back what the package’s entry point makes, called once in `before`',
      filename: path.join(cms, 'test/pages.js'),
      code: PAGES,
    },
    {
      name: 'the package’s entry point loaded and called in the test file itself',
      filename: path.join(cms, 'test/pages.js'),
      code: PAGES.replace("const t = require('../test-lib/util.js');", "const pageKit = require('..');").replace(
        "kit = await t.create({ modules: { article: { extend: 'piece-type' } } });",
        "kit = await pageKit({ shortName: 'pages-test' });",
      ),
    },
  ],
  invalid: [
    {
      name: 'an article the hook writes through the instance is still shared data',
      filename: path.join(cms, 'test/pages.js'),
      code: PAGES.replace(
        "    kit = await t.create({ modules: { article: { extend: 'piece-type' } } });\n",
        "    kit = await t.create({ modules: { article: { extend: 'piece-type' } } });\n    await t.createArticle(kit, 'Welcome');\n",
      ).replace('  afterEach(async function () {\n    await kit.page.deleteMany({});\n  });\n\n', ''),
      errors: [{ messageId: 'sharedData', line: 9, data: { hook: 'before', shared: 'a suite of 2 tests', sources: '`t.createArticle()` (line 9)' } }],
    },
    {
      name: 'the instance made by the first test and used by the next: open it in a setup hook',
      filename: path.join(cms, 'test/pages.js'),
      code: PAGES.replace(
        "  before(async function () {\n    kit = await t.create({ modules: { article: { extend: 'piece-type' } } });\n  });\n\n",
        '  after(async function () {\n    await kit?.close();\n  });\n\n',
      ).replace(
        "  it('inserts a page', async function () {\n",
        "  it('starts', async function () {\n    kit = await t.create({ modules: { article: { extend: 'piece-type' } } });\n  });\n\n  it('inserts a page', async function () {\n",
      ),
      errors: [{ messageId: 'handedOnOpened', line: 20, data: { name: 'kit', later: 'by 2 later tests, starting here', hook: 'before' } }],
    },
  ],
});
