import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fileCache, finishFile, startFile } from '../../src/estree/file-cache';
import { parseTestCall, type TestCall } from '../../src/estree/test-calls';
import { createRule } from '../../src/util/create-rule';

describe('fileCache', () => {
  it('keeps answers while the same file is linted and forgets them when another starts', () => {
    const cache = fileCache<object, string>();
    const first = {};
    const key = {};
    startFile(first);
    cache.set(key, 'answer');
    startFile(first);
    expect(cache.get(key)).toBe('answer');
    startFile({});
    expect(cache.size).toBe(0);
  });

  it('lets a file go when the last rule that started on it finishes, not before', () => {
    const cache = fileCache<object, string>();
    const file = {};
    startFile(file);
    startFile(file);
    cache.set({}, 'answer');
    finishFile(file);
    expect(cache.size).toBe(1);
    finishFile(file);
    expect(cache.size).toBe(0);
    // A rule finishing on a file that is no longer current leaves the current file's answers alone.
    const next = {};
    startFile(next);
    cache.set({}, 'answer');
    finishFile(file);
    expect(cache.size).toBe(1);
  });
});

describe('caches across rules and files', () => {
  /** Two rules that each ask the shared recogniser about every call, and note what they got. */
  function lintWithTwoRules(files: Array<{ name: string; code: string }>) {
    const answers: Array<{ rule: string; file: string; call: TestCall }> = [];
    const seen = fileCache<TSESTree.Node, true>();
    const sizes: number[] = [];
    const probeRule = (rule: string) =>
      createRule<[], never>({
        name: rule,
        meta: { type: 'problem', docs: { description: 'Require nothing', config: 'strict', layers: ['integration'] }, schema: [], messages: {} },
        defaultOptions: [],
        create(context) {
          return {
            CallExpression(node) {
              seen.set(node, true);
              const call = parseTestCall(context, node);
              if (call) answers.push({ rule, file: context.filename, call });
            },
            'Program:exit'() {
              sizes.push(seen.size);
            },
          };
        },
      });
    const linter = new Linter({ cwd: '/project' });
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: { probe: { rules: { first: probeRule('first'), second: probeRule('second') } as never } },
        rules: { 'probe/first': 'error', 'probe/second': 'error' },
      },
    ];
    for (const { name, code } of files) {
      const messages = linter.verify(code, config, { filename: `/project/tests/integration/${name}` });
      expect(messages).toEqual([]);
    }
    return { answers, sizes };
  }

  it('gives every rule the same answer object for a node: the work is done once per file', () => {
    const { answers } = lintWithTwoRules([{ name: 'a.test.ts', code: `describe('users', () => { it('saves', async () => { await save(); }); });` }]);
    const byRule = (rule: string) => answers.filter((answer) => answer.rule === rule).map((answer) => answer.call);
    expect(byRule('first')).toHaveLength(2);
    byRule('first').forEach((call, index) => expect(byRule('second')[index]).toBe(call));
  });

  it('starts each file with empty caches', () => {
    const { sizes } = lintWithTwoRules([
      { name: 'a.test.ts', code: `it('one', () => { a(); b(); c(); });` },
      { name: 'b.test.ts', code: `it('two', () => { d(); });` },
    ]);
    // Both rules see 4 calls in the first file, then only the 2 calls of the second file.
    expect(sizes).toEqual([4, 4, 2, 2]);
  });
});
