import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { hookReferences, hookStyleOf, runsWhileLoading } from '../../src/estree/hooks';
import { parseTestCall, type HookName, type TestCall } from '../../src/estree/test-calls';
import { probe } from '../helpers/probe';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Lints `code` once and hands the file's test calls to `inspect` at the end. */
function withTestCalls<T>(code: string, inspect: (context: Context, calls: TestCall[], program: TSESTree.Program) => T, options: { globals?: Record<string, 'readonly'>; script?: boolean } = {}): T {
  let answer: T | undefined;
  const linter = new Linter({ cwd: '/project' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: tsParser as Linter.Parser, sourceType: options.script ? 'commonjs' : 'module', globals: options.globals ?? {} },
        plugins: {
          probe: {
            rules: {
              probe: {
                meta: { type: 'problem', schema: [] },
                create(raw) {
                  const context = raw as unknown as Context;
                  const calls: TestCall[] = [];
                  return {
                    CallExpression(node: TSESTree.CallExpression) {
                      const call = parseTestCall(context, node);
                      if (call) calls.push(call);
                    },
                    'Program:exit'(node: TSESTree.Program) {
                      answer = inspect(context, calls, node);
                    },
                  } as never;
                },
              },
            },
          },
        },
        rules: { 'probe/probe': 'error' },
      },
    ],
    '/project/tests/integration/example.test.ts',
  );
  if (messages[0]) throw new Error(messages[0].message);
  return answer as T;
}

describe('hookStyleOf', () => {
  it.each<[string, string, string | null, Record<string, 'readonly'>?]>([
    ['Vitest imports', `import { describe, it } from 'vitest';\ndescribe('x', () => { it('y', () => {}); });`, 'jest'],
    ['Jest globals', `describe('x', () => { beforeAll(() => {}); it('y', () => {}); });`, 'jest'],
    ['node:test imports', `import { describe, it } from 'node:test';\ndescribe('x', () => { it('y', () => {}); });`, 'bdd'],
    ['Mocha BDD globals, by their hook names', `describe('x', () => { before(() => {}); it('y', () => {}); });`, 'bdd'],
    ['Mocha BDD globals, by context/specify', `context('x', () => { specify('y', () => {}); });`, 'bdd'],
    ['Mocha TDD globals', `suite('x', () => { setup(() => {}); test('y', () => {}); });`, 'tdd'],
    ['Mocha TDD imports', `import { suite, test } from 'mocha';\nsuite('x', () => { test('y', () => {}); });`, 'tdd'],
    ['globals that say nothing: Jest-like', `describe('x', () => { beforeEach(() => {}); it('y', () => {}); });`, 'jest'],
    ['globals that say nothing, Mocha globals configured', `describe('x', () => { it('y', () => {}); });`, 'bdd', { before: 'readonly', after: 'readonly' }],
    ['globals in a file that imports chai: Mocha', `import { expect } from 'chai';\ndescribe('x', () => { it('y', () => {}); });`, 'bdd'],
    ['globals in a file that uses jest.fn: Jest', `const spy = jest.fn();\ndescribe('x', () => { it('y', () => {}); });`, 'jest'],
    ['suite globals with nothing else: Vitest or Mocha TDD', `suite('x', () => { test('y', () => {}); });`, null],
  ])('%s', (_label, code, expected, globals) => {
    expect(withTestCalls(code, (context, calls) => hookStyleOf(context, calls), { globals })).toBe(expected);
  });
});

describe('hookReferences', () => {
  function referencesFor(code: string, hooks: HookName[], options?: { script?: boolean }) {
    return withTestCalls(
      code,
      (context, calls, program) => {
        const found = hookReferences(context, calls, hooks, program.body[program.body.length - 1] as TSESTree.Node);
        if (!found) return null;
        const edit = found.importEdit;
        const text = context.sourceCode.text;
        return { names: found.names, code: edit ? text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]) : null };
      },
      options,
    );
  }

  it('adds the hooks to the Vitest import the tests come from', () => {
    const code = `import { describe, it } from 'vitest';\ndescribe('x', () => { it('y', () => {}); });`;
    expect(referencesFor(code, ['beforeAll', 'afterAll'])).toEqual({
      names: ['beforeAll', 'afterAll'],
      code: `import { describe, it, beforeAll, afterAll } from 'vitest';\ndescribe('x', () => { it('y', () => {}); });`,
    });
  });

  it('uses an existing import, aliased or not', () => {
    const code = `import { describe, it, afterEach as cleanupAfterEach } from '@jest/globals';\ndescribe('x', () => { it('y', () => {}); });`;
    expect(referencesFor(code, ['afterEach'])).toEqual({ names: ['cleanupAfterEach'], code: null });
  });

  it('adds to a CommonJS require of node:test, with its names', () => {
    const code = `const { describe, it } = require('node:test');\ndescribe('x', () => { it('y', () => {}); });`;
    expect(referencesFor(code, ['beforeAll', 'afterAll'], { script: true })).toEqual({
      names: ['before', 'after'],
      code: `const { describe, it, before, after } = require('node:test');\ndescribe('x', () => { it('y', () => {}); });`,
    });
  });

  it('uses properties of the node:test default export', () => {
    const code = `import test from 'node:test';\ntest.describe('x', () => { test('y', () => {}); });`;
    expect(referencesFor(code, ['afterEach'])).toEqual({ names: ['test.afterEach'], code: null });
  });

  it('uses globals without an import', () => {
    const code = `describe('x', () => { before(() => {}); it('y', () => {}); });`;
    expect(referencesFor(code, ['beforeAll', 'afterEach'])).toEqual({ names: ['before', 'afterEach'], code: null });
  });

  it('joins the Vitest import when tests come from test.extend', () => {
    const code = `import { test as base, expect } from 'vitest';\nconst test = base.extend({});\ntest('y', () => {});`;
    expect(referencesFor(code, ['afterEach'])).toEqual({
      names: ['afterEach'],
      code: `import { test as base, expect, afterEach } from 'vitest';\nconst test = base.extend({});\ntest('y', () => {});`,
    });
  });

  it.each([
    ['the name is taken by a local', `import { describe, it } from 'vitest';\nconst afterEach = () => {};\ndescribe('x', () => { it('y', () => {}); });`],
    ['the style is unknown', `suite('x', () => { test('y', () => {}); });`],
  ])('gives nothing when %s', (_label, code) => {
    expect(referencesFor(code, ['afterEach'])).toBeNull();
  });
});

/** For every call of `probe()`, whether it runs while the file loads. */
function loading(code: string) {
  return probe(code, 'CallExpression', (context, node) => {
    const callee = (node as { callee?: { type: string; name?: string } }).callee;
    return callee?.type === 'Identifier' && callee.name === 'probe' ? runsWhileLoading(context, node) : null;
  }).map(({ result }) => result);
}

describe('runsWhileLoading', () => {
  it.each([
    ['the top level', 'probe();', [true]],
    ['a describe body', "describe('x', () => { probe(); });", [true]],
    ['nested describe bodies', "describe('x', function () { describe('y', () => { probe(); }); });", [true]],
    ['a test', "it('x', () => { probe(); });", [false]],
    ['a hook', 'beforeAll(async () => { await probe(); });', [false]],
    ['a helper function', 'function helper() { probe(); }\nconst arrow = () => probe();', [false, false]],
    ['a callback inside a describe body', "describe('x', () => { [1].forEach(() => probe()); });", [false]],
  ])('%s', (_label, code, expected) => {
    expect(loading(code)).toEqual(expected);
  });
});
