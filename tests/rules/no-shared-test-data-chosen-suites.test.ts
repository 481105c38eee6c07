/**
 * `no-shared-test-data` on suites written through a constant that picks a variant of `describe`
 * (`const maybeDescribe = hasV2 ? describe : describe.skip`): the suite is a suite, so its run-once
 * hook is shared by its own tests, not by every test of the file.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: a suite function chosen by a condition (Vitest)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the hook is shared by the two tests of its suite, not the five of the file',
      filename: 'test/integration/metrics.test.ts',
      code: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, deleteProject } from '../support/projects';

const hasV2 = process.env.V2 === 'true';
const maybeDescribe = hasV2 ? describe : describe.skip;

describe('metrics', () => {
  it('one', () => expect(1).toBe(1));
  it('two', () => expect(2).toBe(2));
  it('three', () => expect(3).toBe(3));
});

maybeDescribe('v2 metrics', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = await createProject();
  });
  afterAll(() => deleteProject(projectId));

  it('reads metrics', async () => {
    expect(projectId).toBeDefined();
  });
  it('renames the project', async () => {
    projectId = projectId + '-renamed';
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 16,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `projectId`', sources: '`projectId = createProject()` (line 16)' },
          suggestions: [],
        },
      ],
    },
  ],
});

cjs.run('no-shared-test-data: a suite function chosen by a condition (Mocha)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the hook is shared by the two tests of its suite, not the three of the file',
      filename: 'test/integration/search.test.js',
      code: `const { expect } = require('chai');
const { seedArticles, removeArticles, search } = require('../support/search');

const whenSearchRuns = process.env.SEARCH_URL ? describe : describe.skip;

describe('ranking', function () {
  it('orders by score', function () {
    expect([3, 1, 2].sort()).to.deep.equal([1, 2, 3]);
  });
});

whenSearchRuns('search', function () {
  let articles;

  before(async function () {
    articles = await seedArticles([{ title: 'alpha' }, { title: 'beta' }]);
  });

  after(() => removeArticles(articles));

  it('finds a document', async function () {
    expect(await search(articles, 'alpha')).to.have.length(1);
  });

  it('adds a document', async function () {
    articles.push({ title: 'gamma' });
    expect(await search(articles, 'gamma')).to.have.length(1);
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 16,
          data: { hook: 'before', shared: 'the 2 tests that use `articles`', sources: '`articles = seedArticles()` (line 16)' },
          suggestions: [],
        },
      ],
    },
  ],
});
