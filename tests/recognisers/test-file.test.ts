import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { testFileOf, type TestFile } from '../../src/estree/test-file';
import { createRule } from '../../src/util/create-rule';
import { probe } from '../helpers/probe';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const SUITE = `
import type { Pool } from 'pg';
import { describe, it, beforeEach, vi } from 'vitest';
import nock from 'nock';
import db = require('../src/db');
export { seed } from './seed';
const { sendMail } = require('../src/mail');

vi.mock('../src/mail');

describe('orders', () => {
  let client: Pool;
  beforeEach(async () => {
    client = new db.Client({ max: 1 });
    global.fetch = vi.fn();
  });
  it('stores an order', async () => {
    const { audit } = await import('../src/audit');
    nock('https://payments.example').post('/charges').reply(201);
    await new db.Orders(client).add({ id: 1 });
  });
});
`;

/** What a model holds, as text, so that tables read like the code. */
function summary(context: Context, file: TestFile) {
  const text = (node: TSESTree.Node) => context.sourceCode.getText(node);
  return {
    loads: file.loads.map((load) => `${load.source}${load.typeOnly ? ' (type)' : ''} by ${load.node.type}`),
    calls: file.calls.map((call) => text(call.callee)),
    constructions: file.constructions.map((node) => text(node.callee)),
    inOrder: file.callsAndConstructions.map((node) => `${node.type === 'NewExpression' ? 'new ' : ''}${text(node.callee)}`),
    tests: file.tests.map((test) => `${test.kind} ${test.writtenName}`),
    hasTests: file.hasTests,
    mocks: file.mocks.map((mock) => mock.api),
    memberAssignments: file.memberAssignments.map((node) => text(node.left)),
  };
}

/** The model of `code`, read at the end of the file by a rule that gathered nothing itself. */
function walkedModel(code: string) {
  const [found] = probe(code, 'Program:exit', (context) => summary(context, testFileOf(context)));
  if (!found) throw new Error('the probe saw no Program:exit');
  return found.result;
}

describe('testFileOf', () => {
  it('lists loads, calls, constructions, tests, mocks and member assignments in source order', () => {
    expect(walkedModel(SUITE)).toEqual({
      loads: [
        'pg (type) by ImportDeclaration',
        'vitest by ImportDeclaration',
        'nock by ImportDeclaration',
        '../src/db by TSImportEqualsDeclaration',
        './seed by ExportNamedDeclaration',
        '../src/mail by CallExpression',
        '../src/audit by ImportExpression',
      ],
      calls: ['require', 'vi.mock', 'describe', 'beforeEach', 'vi.fn', 'it', "nock('https://payments.example').post('/charges').reply", "nock('https://payments.example').post", 'nock', 'new db.Orders(client).add'],
      constructions: ['db.Client', 'db.Orders'],
      inOrder: [
        'require',
        'vi.mock',
        'describe',
        'beforeEach',
        'new db.Client',
        'vi.fn',
        'it',
        "nock('https://payments.example').post('/charges').reply",
        "nock('https://payments.example').post",
        'nock',
        'new db.Orders(client).add',
        'new db.Orders',
      ],
      tests: ['describe describe', 'hook beforeEach', 'test it'],
      hasTests: true,
      mocks: ['vi.mock'],
      memberAssignments: ['global.fetch'],
    });
  });

  it('leaves out assertions, but not what they are handed nor a function the file names expect itself', () => {
    const model = walkedModel(`
import { strict as assert } from 'node:assert';
import { expect, it } from 'vitest';

it('keeps the order', async () => {
  expect(await orders.save({ id: 1 })).toMatchObject({ id: 1 });
  expect.assertions(1);
  assert.deepEqual(await orders.list(), [{ id: 1 }]);
  assert(ledger.balance() > 0);
  await expect(orders.save(null)).rejects.toThrow();
});
`);
    expect(model.calls).toEqual(['it', 'orders.save', 'orders.list', 'ledger.balance', 'orders.save']);
    expect(walkedModel("function expect(value) { return store.write(value); }\nexpect(1).done();\nassert.ok(true);\n").calls).toEqual([
      'store.write',
      'expect(1).done',
      'expect',
    ]);
  });

  it('says a helper file without tests has none', () => {
    const model = walkedModel("import { beforeEach } from 'vitest';\nexport function useDatabase() {\n  beforeEach(() => reset());\n}\n");
    expect(model.tests).toEqual(['hook beforeEach']);
    expect(model.hasTests).toBe(false);
  });
});

describe('the model gathered during the traversal', () => {
  it('is gathered once and read by every rule on the file, with the same content a walk finds', () => {
    const seen: Array<{ rule: string; model: TestFile; summary: ReturnType<typeof summary> }> = [];
    const readingRule = (name: string) =>
      createRule<[], 'never'>({
        name,
        meta: { type: 'problem', docs: { description: 'reads the model', config: 'strict', layers: ['integration'] }, schema: [], messages: { never: 'never' } },
        defaultOptions: [],
        create(context) {
          return {
            'Program:exit'() {
              const model = testFileOf(context);
              seen.push({ rule: name, model, summary: summary(context, model) });
            },
          };
        },
      });
    const linter = new Linter({ cwd: '/project' });
    const messages = linter.verify(
      SUITE,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as Linter.Parser },
          plugins: { model: { rules: { first: readingRule('first'), second: readingRule('second') } as never } },
          rules: { 'model/first': 'error', 'model/second': 'error' },
        },
      ],
      '/project/tests/integration/orders.test.ts',
    );
    expect(messages).toEqual([]);
    expect(seen.map(({ rule }) => rule)).toEqual(['first', 'second']);
    const [first, second] = seen;
    // One gathering: both rules read the very same lists.
    expect(second?.model.calls).toBe(first?.model.calls);
    expect(second?.model.loads).toBe(first?.model.loads);
    expect(first?.summary).toEqual(walkedModel(SUITE));
  });
});
