import { AST_NODE_TYPES } from '../estree/node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findSharedData, type HandedOn, type MutatedLiteral, type PerTestHookEdit, type SharedHookData } from '../core/no-shared-test-data';
import { planPerTestHooks } from '../estree/hook-renames';
import { hookNameIn } from '../estree/hooks';
import type { TextEdit } from '../estree/text-edits';
import { factoryNameOf, planLiteralFactory } from '../estree/literal-factory';
import { collectSharedData, hasBodyMadeByCall, sourceLabel, type SharedDataSyntax } from '../estree/shared-data-facts';
import type { TestCall } from '../estree/test-calls';
import { testFileOf } from '../estree/test-file';
import { fixOfEdits, reportWithEdit, scenarioAdvice } from '../estree/report';
import { createRule } from '../util/create-rule';

type Options = [{ autofix?: boolean }];
type MessageIds = 'sharedData' | 'sharedScenario' | 'handedOn' | 'handedOnReplaced' | 'handedOnOpened' | 'mutatedLiteral' | 'runPerTest' | 'buildPerTest';
type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

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
      sharedData:
        '`{{hook}}` seeds test data once and shares it with {{shared}}: {{sources}}. Those tests share what it made, so any change one of them makes would be seen by the tests after it. Create the data in `beforeEach` or in each test; keep only infrastructure and schema in `{{hook}}`.',
      sharedScenario:
        '`{{hook}}` seeds test data once for {{shared}} ({{sources}}), and these tests hand state to each other, so they pass only in order. Merge the dependent steps into one test, or {{scenario}}; keep only infrastructure and schema in `{{hook}}`.',
      handedOn:
        '`{{name}}` is set by an earlier test and read {{later}}: a test run alone, reordered or in parallel finds it not yet set. Give each test its own data, or merge the dependent steps into one test (or {{scenario}}).',
      handedOnReplaced:
        '`{{name}}` is changed by an earlier test and read {{later}}: what it reads depends on whether that test ran first, so a test run alone, reordered or in parallel may see another value. Give each test its own value, or merge the dependent steps into one test (or {{scenario}}).',
      handedOnOpened:
        '`{{name}}` is opened by an earlier test and used {{later}}: a test run alone, reordered or in parallel finds it not yet open. Open it in a setup hook (`{{hook}}`) instead.',
      mutatedLiteral:
        '`{{name}}` is one object for {{tests}} tests and a {{changedIn}} changes it, so tests see what earlier ones left behind. Build a fresh copy for each test.',
      runPerTest: 'Run this hook before each test: `{{hook}}` → `{{replacement}}`.',
      buildPerTest: 'Turn `{{name}}` into `{{factory}}()` and build a fresh copy at the top of each test that uses it.',
    },
  },
  defaultOptions: [{ autofix: false }],
  create(context, [{ autofix = false }]) {
    const sourceCode = context.sourceCode;
    const hookName = (call: TestCall): string => sourceCode.getText(call.node.callee);

    /** Reports a finding with its edit as a suggestion, or as the fix when `autofix` is on. */
    function report(target: { node: TSESTree.Node } | { loc: TSESTree.SourceLocation }, messageId: MessageIds, data: Record<string, string | number>, suggestion: Suggestion | null): void {
      const edit = suggestion && { messageId: suggestion.messageId, data: suggestion.data, fix: fixOfEdits(suggestion.edits) };
      reportWithEdit(context, { ...target, messageId, data }, edit, autofix);
    }

    function perTestSuggestion(syntax: SharedDataSyntax, edit: PerTestHookEdit): Suggestion | null {
      const hook = syntax.hooks.get(edit.hook);
      const edits = hook && planPerTestHooks(context, [hook]);
      const rename = edits?.[0];
      if (!hook || !edits || !rename) return null;
      const replacement = sourceCode.text.slice(hook.node.callee.range[0], rename.range[0]) + rename.text;
      return { messageId: 'runPerTest', data: { hook: hookName(hook), replacement }, edits };
    }

    /** One report per hook, at the first place it makes shared data, listing every place. */
    function reportHookData(syntax: SharedDataSyntax, finding: SharedHookData): void {
      const hook = syntax.hooks.get(finding.hook);
      // One place once, also when it gives several bindings their values (`[user, jar] = await register()`).
      const anchors = [...new Set(finding.sources.flatMap((id) => syntax.anchors.get(id) ?? []))].sort((a, b) => a.range[0] - b.range[0]);
      const [first] = anchors;
      if (!hook || !first) return;
      const names = finding.bindings.map((id) => `\`${syntax.bindings.get(id)?.name ?? ''}\``);
      // Tests written in a loop run more often than the file shows: the count is then a lower bound.
      const count = finding.atLeast ? `at least ${finding.tests}` : `${finding.tests}`;
      const shared = finding.scope === 'suite' ? `a suite of ${count} tests` : `${finding.atLeast ? '' : 'the '}${count} tests that use ${names.join(', ')}`;
      const labels = anchors.map((node) => `\`${sourceLabel(node)}\` (line ${node.loc.start.line})`);
      const sources = labels.length > 4 ? `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more` : labels.join(', ');
      const data = { hook: hookName(hook), shared, sources, scenario: scenarioAdvice(context) };
      const suggestion = finding.edit && perTestSuggestion(syntax, finding.edit);
      const loc = { start: first.loc.start, end: (anchors[anchors.length - 1] ?? first).loc.end };
      report({ loc }, finding.ordered ? 'sharedScenario' : 'sharedData', data, suggestion);
    }

    function reportHandedOn(syntax: SharedDataSyntax, finding: HandedOn): void {
      const anchor = syntax.anchors.get(finding.use);
      const name = syntax.bindings.get(finding.binding)?.name;
      if (!anchor || !name) return;
      const later = finding.tests === 1 ? 'here, by a later test' : `by ${finding.tests} later tests, starting here`;
      const hook = hookNameIn(context, [...syntax.hooks.values(), ...syntax.tests.values()], 'beforeAll');
      report({ node: anchor }, finding.opens ? 'handedOnOpened' : finding.replaces ? 'handedOnReplaced' : 'handedOn', { name, later, hook, scenario: scenarioAdvice(context) }, null);
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
      'Program:exit'(program) {
        const syntax = sharedDataOf(context, program);
        if (!syntax) return;
        for (const finding of findSharedData(syntax.facts)) {
          if (finding.kind === 'mutatedLiteral') reportMutatedLiteral(syntax, finding);
          else if (finding.kind === 'handedOn') reportHandedOn(syntax, finding);
          else reportHookData(syntax, finding);
        }
      },
    };
  },
});

/** What the file's suites, tests and hooks share, or `null` when it can share nothing. */
function sharedDataOf(context: Context, program: TSESTree.Program): SharedDataSyntax | null {
  // Only a call with a function written inline (or handed to a wrapper, `withTx(async () => {…})`)
  // can matter: without one, a describe is no suite and a hook has no statements and holds no use.
  // A test runs no code without one, unless a call makes its body: it runs then, unseen, and counts
  // beside tests the file shows, never alone.
  const tests = testFileOf(context).tests;
  if (!tests.some((call) => call.kind === 'test' && hasInlineFunction(call))) return null;
  const calls = tests.filter((call) => hasInlineFunction(call) || hasBodyMadeByCall(call));
  return collectSharedData(context, program, calls);
}

const hasInlineFunction = (call: TestCall): boolean => call.node.arguments.some((argument) => isInlineFunction(argument) || isWrappedFunction(argument));
const isInlineFunction = (node: TSESTree.CallExpressionArgument): boolean => node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
/** `withTx(async () => {…})`: a function written inline and handed to a wrapper. */
const isWrappedFunction = (node: TSESTree.CallExpressionArgument): boolean => node.type === AST_NODE_TYPES.CallExpression && node.arguments.some(isInlineFunction);
