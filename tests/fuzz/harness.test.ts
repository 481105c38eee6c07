/**
 * The fuzzer's own checks, proven against rules that misbehave on purpose: a check that cannot
 * fail would let a broken rule through.
 */
import type { Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { applyFixes, checkProgram, deletedText, optionsFor, parseProgram, parseTargetFor, type RuleMap } from './check';
import { generateTestProgram } from './grammar';
import { minimise } from './minimise';
import type { Program } from './program';
import { generateRandomProgram } from './random-js';
import { caseSeed, Random } from './random';

const AUTOFIX_SCHEMA = [{ type: 'object', properties: { autofix: { type: 'boolean' } }, additionalProperties: false }];

type Edit = (fixer: Rule.RuleFixer, node: Rule.Node, context: Rule.RuleContext) => Rule.Fix;

/** A rule that offers `edit` on every `jest.mock(...)` statement: a fix under `autofix`, else a suggestion. */
function mockRule(edit: Edit): Rule.RuleModule {
  return {
    meta: { type: 'problem', fixable: 'code', hasSuggestions: true, schema: AUTOFIX_SCHEMA, messages: { found: 'found', remove: 'remove' } },
    create(context) {
      const autofix = (context.options[0] as { autofix?: boolean } | undefined)?.autofix === true;
      return {
        'ExpressionStatement > CallExpression[callee.object.name="jest"][callee.property.name="mock"]'(node: Rule.Node) {
          const statement = node.parent as Rule.Node;
          const fix = (fixer: Rule.RuleFixer) => edit(fixer, statement, context);
          if (autofix) context.report({ node, messageId: 'found', fix });
          else context.report({ node, messageId: 'found', suggest: [{ messageId: 'remove', fix }] });
        },
      };
    },
  };
}

/** Removes the statement and the line break after it, keeping everything else. */
const removeStatement: Edit = (fixer, statement, context) => {
  const text = context.sourceCode.text;
  const end = text[statement.range![1]] === '\n' ? statement.range![1] + 1 : statement.range![1];
  return fixer.removeRange([statement.range![0], end]);
};

const RULES: RuleMap = {
  'removes-mock': mockRule(removeStatement),
  'throws-on-pool': {
    meta: { type: 'problem', schema: [] },
    create: () => ({
      Identifier(node: Rule.Node & { name: string }) {
        if (node.name === 'pool') throw new TypeError("Cannot read properties of undefined (reading 'kind')");
      },
    }),
  },
  'breaks-syntax': mockRule((fixer, statement) => fixer.replaceText(statement, 'jest.mock(')),
  'eats-trailing-comment': mockRule((fixer, statement, context) => {
    const text = context.sourceCode.text;
    const lineEnd = text.indexOf('\n', statement.range![1]);
    return fixer.removeRange([statement.range![0], lineEnd === -1 ? text.length : lineEnd]);
  }),
  'drops-timeout': {
    meta: { type: 'problem', fixable: 'code', schema: AUTOFIX_SCHEMA, messages: { once: 'once' } },
    create: (context) => ({
      'CallExpression[callee.name="beforeEach"]'(node: Rule.Node) {
        const callback = node.type === 'CallExpression' ? node.arguments[0] : undefined;
        if (!callback) return;
        context.report({ node, messageId: 'once', fix: (fixer) => fixer.replaceText(node, `beforeAll(${context.sourceCode.getText(callback)})`) });
      },
    }),
  },
  'ping-pong': {
    meta: { type: 'problem', fixable: 'code', schema: AUTOFIX_SCHEMA, messages: { flip: 'flip' } },
    create: (context) => ({
      Identifier(node: Rule.Node & { name: string }) {
        if (node.name === 'ping' || node.name === 'pong') {
          context.report({ node, messageId: 'flip', fix: (fixer) => fixer.replaceText(node, node.name === 'ping' ? 'pong' : 'ping') });
        }
      },
    }),
  },
};

function program(code: string, extension = '.ts'): Program {
  return { code, extension, sourceType: 'module', origin: { generator: 'grammar', seed: 1 } };
}

const SUITE = [
  `import { Pool } from 'pg';`,
  `// keep: explains the mock below`,
  `jest.mock('pg', () => ({ /* a fake pool */ Pool: jest.fn() })); // trailing note`,
  `let pool: Pool;`,
  `beforeAll(() => { pool = new Pool(); });`,
  `it('works', async () => { const ping = 1; expect(ping).toBe(1); });`,
  '',
].join('\n');

function failuresOf(rule: string, code = SUITE) {
  return checkProgram(program(code), { rules: { [rule]: RULES[rule]! }, seed: 7 }).failures.map((failure) => [failure.kind, failure.rule, failure.layer]);
}

describe('checkProgram', () => {
  it('passes a rule whose edits remove the mock statement and nothing else', () => {
    const result = checkProgram(program(SUITE), { rules: { 'removes-mock': RULES['removes-mock']! }, seed: 7 });
    expect(result.failures).toEqual([]);
    expect(result.reports).toEqual({ 'removes-mock': 2 });
    expect(result.fixesApplied).toEqual({ 'removes-mock': 2 });
    expect(result.suggestionsChecked).toEqual({ 'removes-mock': 2 });
  });

  it('reports a rule that throws, in both layers, and still checks the other rules', () => {
    const result = checkProgram(program(SUITE), { rules: { 'throws-on-pool': RULES['throws-on-pool']!, 'breaks-syntax': RULES['breaks-syntax']! }, seed: 7 });
    expect(result.failures.map((failure) => [failure.kind, failure.rule, failure.layer])).toEqual([
      ['rule-throws', 'throws-on-pool', 'integration'],
      ['fix-does-not-parse', 'breaks-syntax', 'integration'],
      ['suggestion-does-not-parse', 'breaks-syntax', 'integration'],
      ['rule-throws', 'throws-on-pool', 'unit'],
      ['fix-does-not-parse', 'breaks-syntax', 'unit'],
      ['suggestion-does-not-parse', 'breaks-syntax', 'unit'],
    ]);
    expect(result.failures[0]!.message).toBe("TypeError: Cannot read properties of undefined (reading 'kind')");
  });

  it('reports an edit that deletes a comment outside the statement it removes', () => {
    expect(failuresOf('eats-trailing-comment')).toEqual([
      ['edit-deletes-comment', 'eats-trailing-comment', 'integration'],
      ['edit-deletes-comment', 'eats-trailing-comment', 'unit'],
    ]);
  });

  it('reports an edit that moves a hook body but drops its timeout', () => {
    const code = `let pool;\nbeforeEach(() => { pool = new Pool({ max: 5 }); }, 60_000);\n`;
    expect(failuresOf('drops-timeout', code)).toEqual([
      ['edit-deletes-code', 'drops-timeout', 'integration'],
      ['edit-deletes-code', 'drops-timeout', 'unit'],
    ]);
    expect(checkProgram(program(code), { rules: { 'drops-timeout': RULES['drops-timeout']! }, seed: 7, layers: ['unit'] }).failures[0]!.message).toBe('fix deletes 60_000');
  });

  it('reports fixes that never settle', () => {
    expect(failuresOf('ping-pong')).toEqual([
      ['fixes-do-not-converge', 'ping-pong', 'integration'],
      ['fixes-do-not-converge', 'ping-pong', 'unit'],
    ]);
  });

  it('reports generated input that does not parse, and skips random input that does not', () => {
    const broken = checkProgram(program('describe(('), { rules: {}, seed: 1 });
    expect(broken.failures.map((failure) => failure.kind)).toEqual(['input-does-not-parse', 'input-does-not-parse']);
    const random = checkProgram({ ...program('let a; let a;', '.mjs'), origin: { generator: 'eslump', seed: 1 } }, { rules: {}, seed: 1 });
    expect(random).toMatchObject({ skipped: true, failures: [] });
  });
});

describe('deletedText', () => {
  const code = [
    `// before`,
    `jest.mock('pg', /* inside */ () => ({ Pool: 1 })); // after`,
    `describe('x', () => {`,
    `  // between`,
    `  beforeEach(() => { pool = new Pool({ max: 5 }); }, 60_000);`,
    `});`,
  ].join('\n');
  const sourceCode = parseProgram(code, parseTargetFor(program(code), 'integration'))!;
  const at = (needle: string) => code.indexOf(needle);
  const statementEnd = at('; // after') + 1;
  const hook = [at('  beforeEach'), at(', 60_000);') + ', 60_000);'.length] as const;

  it.each([
    ['removing a statement takes what is inside it', [at('jest'), statementEnd], '', [], []],
    ['removing a statement keeps the comment after it', [at('jest'), at('\ndescribe')], '', ['// after'], []],
    ['a comment may move with re-indented code', [at('describe'), code.length], "describe('x', () => {\n    // between\n    beforeEach(() => { pool = new Pool({ max: 5 }); }, 60_000);\n});", [], []],
    ['rewriting a block may not drop a statement-level comment inside it', [at('  // between'), hook[1]], '  beforeEach(() => {}, 60_000);', ['// between'], []],
    ['a hook whose body moves keeps its timeout', hook, '  beforeAll(() => { pool = new Pool({ max: 5 }); });', [], ['60_000']],
    ['a hook removed as a whole takes its timeout along', hook, '', [], []],
    ['cutting a comment in half deletes it', [at('// after') + 4, code.length], '', ['// after'], []],
    ['an insertion deletes nothing', [at('describe'), at('describe')], 'afterEach(() => {});\n', [], []],
  ] as const)('%s', (_label, range, text, comments, literals) => {
    expect(deletedText(sourceCode, { range, text })).toEqual({ comments, literals });
  });
});

describe('applyFixes', () => {
  it('applies fixes by range order and skips overlapping or touching ones, as ESLint does', () => {
    const fixes = [
      { range: [4, 5] as const, text: 'B' },
      { range: [0, 1] as const, text: 'A' },
      { range: [4, 6] as const, text: 'X' },
      { range: [5, 5] as const, text: '!' },
    ];
    expect(applyFixes('a b c d', fixes)).toEqual({ output: 'A b B d', applied: [fixes[1], fixes[0]] });
  });
});

describe('optionsFor', () => {
  it('turns autofix on and passes no option a schema does not name', () => {
    expect(optionsFor(RULES['removes-mock']!, new Random(1), true)).toEqual([{ autofix: true }]);
    expect(optionsFor(RULES['throws-on-pool']!, new Random(1), true)).toEqual([]);
  });
});

describe('minimise', () => {
  it('shrinks a failing program to the statements the failure needs', () => {
    const failure = checkProgram(program(SUITE), { rules: { 'eats-trailing-comment': RULES['eats-trailing-comment']! }, seed: 7, layers: ['integration'] }).failures[0]!;
    const small = minimise(program(SUITE), failure, RULES, 7);
    expect(small.code).toBe('jest.mock(); // trailing note\n');
  });
});

describe('the generators', () => {
  it('build the same program from the same seed', () => {
    expect(generateTestProgram(42)).toEqual(generateTestProgram(42));
    expect(generateRandomProgram(42)).toEqual(generateRandomProgram(42));
    expect(generateTestProgram(42).code).not.toBe(generateTestProgram(43).code);
  });

  it('write test-shaped programs that parse, in every framework, language and module system', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 150; index++) {
      const generated = generateTestProgram(caseSeed(99, index));
      expect(parseProgram(generated.code, parseTargetFor(generated, 'unit')), generated.code).not.toBeNull();
      seen.add(generated.extension).add(generated.sourceType);
      for (const marker of ['vitest', 'node:test', '@jest/globals', 'sinon', 'jest.mock', 'vi.mock', 'beforeAll', 'afterEach', 'before(', 'after(']) {
        if (generated.code.includes(marker)) seen.add(marker);
      }
    }
    expect([...seen].sort()).toEqual(['.cjs', '.cts', '.js', '.jsx', '.mjs', '.mts', '.ts', '.tsx', '@jest/globals', 'after(', 'afterEach', 'before(', 'beforeAll', 'commonjs', 'jest.mock', 'module', 'node:test', 'sinon', 'vi.mock', 'vitest'].sort());
  });
});
