import { AST_NODE_TYPES } from '../estree/node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findSharedData, type MutatedLiteral, type PerTestHookEdit, type SharedBinding, type SharedSeed } from '../core/no-shared-test-data';
import { planPerTestHooks } from '../estree/hook-renames';
import type { TextEdit } from '../estree/text-edits';
import { factoryNameOf, planLiteralFactory } from '../estree/literal-factory';
import { collectSharedData, type SharedDataSyntax } from '../estree/shared-data-facts';
import { parseTestCall, type TestCall } from '../estree/test-calls';
import { createRule } from '../util/create-rule';

type Options = [{ autofix?: boolean }];
type MessageIds = 'sharedBinding' | 'sharedSeed' | 'mutatedLiteral' | 'runPerTest' | 'runPerTestWithTeardown' | 'buildPerTest';

interface Suggestion {
  readonly messageId: MessageIds;
  readonly data: Record<string, string>;
  readonly edits: readonly TextEdit[];
}

export default createRule<Options, MessageIds>({
  name: 'no-shared-test-data',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow test data that tests share through run-once setup hooks or suite-level objects',
      config: 'recommended',
      layers: ['integration'],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          autofix: {
            type: 'boolean',
            description: 'Apply the edit as a fix (`eslint --fix`) instead of offering it as a suggestion.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ autofix: false }],
    messages: {
      sharedBinding:
        '`{{name}}` is created once in `{{hook}}` and read by {{tests}} tests, so each test sees what the others did to it. Create it for each test (in `beforeEach` or in the test); keep only infrastructure in `{{hook}}`.',
      sharedSeed:
        'This creates test data once in `{{hook}}` for {{tests}} tests, so they depend on what the others did to it. Create it for each test (in `beforeEach` or in the test); keep only infrastructure in `{{hook}}`.',
      mutatedLiteral:
        '`{{name}}` is one object for {{tests}} tests and a {{changedIn}} changes it, so tests see what earlier ones left behind. Build a fresh copy for each test.',
      runPerTest: 'Run this hook before each test: `{{hook}}` → `{{replacement}}`.',
      runPerTestWithTeardown: 'Run this hook before each test (`{{hook}}` → `{{replacement}}`) and its teardown after each test.',
      buildPerTest: 'Turn `{{name}}` into `{{factory}}()` and build a fresh copy at the top of each test that uses it.',
    },
  },
  defaultOptions: [{ autofix: false }],
  create(context, [{ autofix = false }]) {
    const calls: TestCall[] = [];
    const sourceCode = context.sourceCode;
    const hookName = (call: TestCall): string => sourceCode.getText(call.node.callee);

    /** Reports a finding with its edit as a suggestion, or as the fix when `autofix` is on. */
    function report(target: { node: TSESTree.Node } | { loc: TSESTree.SourceLocation }, messageId: MessageIds, data: Record<string, string | number>, suggestion: Suggestion | null): void {
      const fix = suggestion && ((fixer: TSESLint.RuleFixer) => suggestion.edits.map((edit) => fixer.replaceTextRange([...edit.range], edit.text)));
      if (autofix && fix) context.report({ ...target, messageId, data, fix });
      else context.report({ ...target, messageId, data, suggest: suggestion && fix ? [{ messageId: suggestion.messageId, data: suggestion.data, fix }] : [] });
    }

    function perTestSuggestion(syntax: SharedDataSyntax, edit: PerTestHookEdit): Suggestion | null {
      const hook = syntax.hooks.get(edit.hook);
      const teardowns = edit.teardowns.flatMap((id) => syntax.hooks.get(id) ?? []);
      const edits = hook && planPerTestHooks(context, [hook, ...teardowns]);
      const rename = edits?.[0];
      if (!hook || !edits || !rename) return null;
      const replacement = sourceCode.text.slice(hook.node.callee.range[0], rename.range[0]) + rename.text;
      return { messageId: teardowns.length > 0 ? 'runPerTestWithTeardown' : 'runPerTest', data: { hook: hookName(hook), replacement }, edits };
    }

    function reportHookData(syntax: SharedDataSyntax, finding: SharedBinding | SharedSeed, suggestion: Suggestion | null): void {
      const hook = syntax.hooks.get(finding.hook);
      const anchor = syntax.anchors.get(finding.kind === 'sharedBinding' ? finding.use : finding.statement);
      if (!hook || !anchor) return;
      const data: Record<string, string | number> = { hook: hookName(hook), tests: finding.tests };
      if (finding.kind === 'sharedBinding') data.name = syntax.bindings.get(finding.binding)?.name ?? '';
      report({ node: anchor }, finding.kind, data, suggestion);
    }

    function reportMutatedLiteral(syntax: SharedDataSyntax, finding: MutatedLiteral): void {
      const binding = syntax.bindings.get(finding.binding);
      if (!binding) return;
      const { name, declarator, variable } = binding;
      let suggestion: Suggestion | null = null;
      if (finding.edit) {
        const tests = finding.edit.tests.flatMap((test) => syntax.tests.get(test) ?? []);
        const references = variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier as TSESTree.Identifier);
        const edits = planLiteralFactory(context, declarator, references, tests);
        suggestion = edits && { messageId: 'buildPerTest', data: { name, factory: factoryNameOf(name) }, edits };
      }
      const start = declarator.id.loc.start;
      const loc = { start, end: { line: start.line, column: start.column + name.length } };
      report({ loc }, 'mutatedLiteral', { name, tests: finding.tests, changedIn: finding.changedIn }, suggestion);
    }

    return {
      CallExpression(node) {
        // Only a call with a function written inline can matter: without one, a describe is no
        // suite, a test runs no code (it counts as no run) and a hook has no statements and holds
        // no use, so it can change no finding. Every other call is skipped unrecognised.
        if (!node.arguments.some(isInlineFunction)) return;
        const call = parseTestCall(context, node);
        if (call) calls.push(call);
      },
      'Program:exit'(program) {
        if (!calls.some((call) => call.kind === 'test')) return;
        const syntax = collectSharedData(context, program, calls);
        if (!syntax) return;
        // Every finding in one hook offers the same edit: plan it once.
        const perTest = new Map<number, Suggestion | null>();
        for (const finding of findSharedData(syntax.facts)) {
          if (finding.kind === 'mutatedLiteral') {
            reportMutatedLiteral(syntax, finding);
            continue;
          }
          const { edit } = finding;
          if (edit && !perTest.has(edit.hook)) perTest.set(edit.hook, perTestSuggestion(syntax, edit));
          reportHookData(syntax, finding, edit ? (perTest.get(edit.hook) ?? null) : null);
        }
      },
    };
  },
});

function isInlineFunction(node: TSESTree.CallExpressionArgument): boolean {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}
