import { AST_NODE_TYPES } from '../estree/node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findPerTestBuilds } from '../core/prefer-shared-infrastructure';
import { isConnectionCheckIn } from '../core/vocabulary';
import { callFacts, callRoleOf } from '../estree/call-chain';
import { hookNameIn } from '../estree/hooks';
import {
  closeCallOf,
  gatherPerTestBuilds,
  openingCandidateOf,
  sharedMoveFor,
  type OpeningCandidate,
} from '../estree/infrastructure-builds';
import { testFileOf } from '../estree/test-file';
import { createRule } from '../util/create-rule';
import { moduleKeyOf } from '../estree/project-modules';

type Options = [{ autofix?: boolean }];
type MessageIds = 'perTestHook' | 'perTestBody' | 'moveToSharedHook' | 'moveToSharedHooks';
type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'prefer-shared-infrastructure',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer building containers, pools, clients and servers once per suite rather than once per test',
      config: 'strict',
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
            description: 'Apply the move into shared hooks as a fix (for `eslint --fix`) rather than offer it as a suggestion.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ autofix: false }],
    messages: {
      perTestHook:
        '`{{call}}` opens infrastructure in `{{hook}}`, once for each of the {{count}} tests it runs before. Open it once in `{{shared}}` and keep only per-test resets (truncating tables, flushing a cache, rolling back) in `{{hook}}`.',
      perTestBody:
        '`{{call}}` opens infrastructure anew in {{count}} tests of this suite. Open it once in `{{shared}}` for the tests that use it, and keep each test about its behaviour.',
      moveToSharedHook: 'Move the infrastructure into `{{shared}}`.',
      moveToSharedHooks: 'Move the infrastructure into `{{shared}}`, and its teardown into `{{teardown}}`.',
    },
  },
  defaultOptions: [{ autofix: false }],
  create(context, [{ autofix = false }]) {
    return { 'Program:exit': () => checkFile(context, autofix) };
  },
});

/** A call that closes or stops something, other than handing a connection back to its pool. */
function isClosing(node: TSESTree.CallExpression | TSESTree.NewExpression): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const role = callRoleOf(node);
  const facts = role === 'close' || role === 'stop' ? callFacts(node) : null;
  return facts !== null && !isConnectionCheckIn(facts);
}

function checkFile(context: Context, autofix: boolean): void {
  const file = testFileOf(context);
  const tests = file.tests;
  const testNodes = new Set<TSESTree.Node>();
  for (const test of tests) testNodes.add(test.node);
  const calls: Array<TSESTree.CallExpression | TSESTree.NewExpression> = [];
  const candidates: OpeningCandidate[] = [];
  for (const node of file.callsAndConstructions) {
    if (testNodes.has(node)) continue;
    calls.push(node);
    const candidate = openingCandidateOf(node);
    if (candidate) candidates.push(candidate);
  }
  if (candidates.length === 0) return;
  const closing = calls.filter(isClosing);
  const mocked = new Set(
    file.mocks.flatMap((mock) => mock.targets.flatMap((target) => (target.type === 'module' ? [moduleKeyOf(context, target.specifier, target.relativeTo)] : []))),
  );
  const closes = closing.map((node) => closeCallOf(context, node));
  const builds = gatherPerTestBuilds(context, tests, candidates, closes, mocked);
  const shared = hookNameIn(context, tests, 'beforeAll');
  for (const found of findPerTestBuilds(builds.facts)) {
    const first = builds.calls[found.build];
    if (!first) continue;
    const { owner } = first;
    const move = owner.kind === 'hook' ? sharedMoveFor(context, tests, builds.calls.filter((call) => call.owner === owner), candidates, closes) : null;
    context.report({
      node: first.node,
      messageId: owner.kind === 'hook' ? 'perTestHook' : 'perTestBody',
      data: { call: first.label, hook: context.sourceCode.getText(owner.node.callee), shared, count: found.tests },
      fix: autofix ? (move?.fix ?? null) : null,
      suggest:
        !autofix && move
          ? [
              move.teardown
                ? { messageId: 'moveToSharedHooks', data: { shared: move.shared, teardown: move.teardown }, fix: move.fix }
                : { messageId: 'moveToSharedHook', data: { shared: move.shared }, fix: move.fix },
            ]
          : [],
    });
  }
}
