import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isGenericContainerModule, isRelativeSpecifier } from '../core/boundaries';
import {
  cleanupComment,
  cleanupOf,
  firstUncleanedWrite,
  writeOf,
  type BoundaryFact,
  type Cleanup,
  type Write,
} from '../core/require-cleanup';
import { callLabel, classifyCall, isWrite, writeTargetOf, type CallFacts } from '../core/vocabulary';
import { boundaryOfSpecifier, boundaryOfValue, containerOfValue } from '../estree/boundary-values';
import { callChain, callFacts, isOutermostCall, methodCallFacts, unwrap } from '../estree/call-chain';
import { hookReferences } from '../estree/hooks';
import { resolveName } from '../estree/imports';
import { indentUnitOf, lineIndent } from '../estree/text-edits';
import { parseTeardownRegistration, parseTestCall, testPlaceOf, type TestCall } from '../estree/test-calls';
import { createRule } from '../util/create-rule';

type Options = [{ autofix?: boolean }];
type MessageIds = 'missingCleanup' | 'addCleanupHook';
type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type WritingCall = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

interface FoundWrite {
  readonly node: WritingCall;
  readonly write: Write;
  readonly client: string | null;
  readonly call: string;
}

export default createRule<Options, MessageIds>({
  name: 'require-cleanup',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require test files that write to a boundary to clean up what they wrote',
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
            description: 'Insert the `afterEach` skeleton as a fix (for `eslint --fix`) rather than offer it as a suggestion.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ autofix: false }],
    messages: {
      missingCleanup:
        '`{{call}}` writes to {{target}}, but nothing in this file removes what the tests write. Roll back, truncate or delete after each test (or stop the container that holds the data), so every test starts from a known state.',
      addCleanupHook: 'Add an `{{hook}}` hook to fill in with the cleanup for `{{subject}}`.',
    },
  },
  defaultOptions: [{ autofix: false }],
  create(context, [{ autofix = false }]) {
    const tests: TestCall[] = [];
    const writes: FoundWrite[] = [];
    const cleanups: Cleanup[] = [];

    function visitCall(node: WritingCall, facts: CallFacts | null): void {
      if (!facts) return;
      const role = classifyCall(facts);
      if (isWrite(role)) {
        const found = writeOfCall(context, node, facts);
        if (found) writes.push(found);
      } else if (role === 'cleanup' || role === 'stop') {
        const receiver = receiverOf(node);
        const cleanup = cleanupOf({
          role,
          place: placeOf(context, node),
          boundary: receiver ? boundaryFact(boundaryOfValue(context, receiver)) : null,
          container: role === 'stop' && receiver ? containerOfValue(context, receiver) : null,
          fromUnrelatedPackage: isFromUnrelatedPackage(context, node),
        });
        if (cleanup) cleanups.push(cleanup);
      }
    }

    return {
      CallExpression(node) {
        const test = parseTestCall(context, node);
        if (test) {
          tests.push(test);
          if (test.kind === 'hook') collectNamedHookCleanups(context, test, cleanups);
          return;
        }
        if (!isOutermostCall(node)) return;
        visitCall(node, callFacts(node) ?? methodCallFacts(node));
      },
      TaggedTemplateExpression(node) {
        visitCall(node, callFacts(node));
      },
      'Program:exit'() {
        if (!tests.some((test) => test.kind !== 'hook')) return;
        const index = firstUncleanedWrite(writes.map((found) => found.write), cleanups);
        const found = writes[index];
        if (!found) return;
        const kind = found.write.kind;
        const edit = skeletonEdit(context, tests, found);
        const subject = found.client ?? found.call;
        const fix = edit?.fix ?? null;
        context.report({
          node: found.node,
          messageId: 'missingCleanup',
          data: { call: found.call, target: kind ? `the ${kind}` : 'a boundary' },
          fix: autofix ? fix : null,
          suggest: !autofix && edit && fix ? [{ messageId: 'addCleanupHook', data: { hook: edit.hook, subject }, fix }] : [],
        });
      },
    };
  },
});

/** The object a method is called on (`pool` in `pool.query()`), or a tagged template's tag. */
function receiverOf(node: WritingCall): TSESTree.Node | null {
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return node.tag;
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : null;
}

function boundaryFact(boundary: BoundaryFact | null): BoundaryFact | null {
  return boundary ? { kind: boundary.kind, role: boundary.role } : null;
}

/** The write a call makes, traced to the boundary it lands in; `null` when it is not provably a write. */
function writeOfCall(context: Context, node: WritingCall, facts: CallFacts): FoundWrite | null {
  const target = writeTargetOf(facts);
  if (!target) return null;
  const { boundary, client } =
    target === 'argument' && node.type === AST_NODE_TYPES.CallExpression ? traceHelper(context, node) : traceReceiver(context, node, facts);
  const write = writeOf({ target, boundary });
  return write ? { node, write, client, call: callLabel(facts) } : null;
}

/** A project helper writes through the module it comes from, or through the boundary value it is handed. */
function traceHelper(context: Context, node: TSESTree.CallExpression): { boundary: BoundaryFact | null; client: string | null } {
  const own = boundaryOfValue(context, node.callee);
  if (own) return { boundary: boundaryFact(own), client: null };
  for (const argument of node.arguments) {
    const boundary = boundaryOfValue(context, argument);
    if (boundary) return { boundary: boundaryFact(boundary), client: argument.type === AST_NODE_TYPES.Identifier ? argument.name : null };
  }
  return { boundary: null, client: null };
}

/** A method writes through its receiver: `pool` in `pool.query(…)`, `sql` in ``sql`INSERT …` ``. */
function traceReceiver(context: Context, node: WritingCall, facts: CallFacts): { boundary: BoundaryFact | null; client: string | null } {
  const receiver = receiverOf(node);
  const boundary = receiver ? boundaryFact(boundaryOfValue(context, receiver)) : null;
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    return { boundary, client: node.tag.type === AST_NODE_TYPES.Identifier ? node.tag.name : null };
  }
  const root = callChain(node)?.root;
  return { boundary, client: facts.segments.length > 1 && root?.type === AST_NODE_TYPES.Identifier ? clientName(context, root) : null };
}

/**
 * The name to clean through, as a hook would see it: `pool` rather than a `repository` a test built
 * from it, when the receiver is a test's own local made from a boundary value.
 */
function clientName(context: Context, root: TSESTree.Identifier): string {
  const resolution = resolveName(context, root);
  if (resolution.type !== 'local' || testPlaceOf(context, resolution.variable.identifiers[0] ?? root).kind !== 'test') return root.name;
  const definition = resolution.variable.defs[0];
  const init = definition?.type === 'Variable' && definition.node.init ? unwrap(definition.node.init) : null;
  if (init?.type !== AST_NODE_TYPES.NewExpression && init?.type !== AST_NODE_TYPES.CallExpression) return root.name;
  const made = init.arguments.find(
    (argument): argument is TSESTree.Identifier => argument.type === AST_NODE_TYPES.Identifier && boundaryOfValue(context, argument) !== null,
  );
  return made?.name ?? root.name;
}

/**
 * `test` for code that runs as part of a test's own steps; `teardown` for everything else, including a
 * test's `finally` block and callbacks it registers to run after itself (`onTestFinished`, `t.after`).
 */
function placeOf(context: Context, node: TSESTree.Node): 'test' | 'teardown' {
  const place = testPlaceOf(context, node);
  if (place.kind !== 'test' || !place.call) return 'teardown';
  const body = place.call.callback;
  for (let child: TSESTree.Node = node, parent = node.parent; parent && child !== body; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === child) return 'teardown';
    if (
      (child.type === AST_NODE_TYPES.ArrowFunctionExpression || child.type === AST_NODE_TYPES.FunctionExpression) &&
      parent.type === AST_NODE_TYPES.CallExpression &&
      parseTeardownRegistration(context, parent) === child
    ) {
      return 'teardown';
    }
  }
  return 'test';
}

/** Whether a call's root comes from a package that is not a boundary, such as `cleanup` from Testing Library. */
function isFromUnrelatedPackage(context: Context, node: WritingCall): boolean {
  const chain = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? null : callChain(node);
  const root = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node.tag : chain?.root;
  if (root?.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, root);
  if (resolution.type !== 'module') return false;
  const source = resolution.binding.source;
  if (isRelativeSpecifier(source) || source.startsWith('/')) return false;
  return !boundaryOfSpecifier(context, source) && !isGenericContainerModule(source);
}

/** `afterEach(resetDatabase)`: a hook handed a cleanup helper by name. */
function collectNamedHookCleanups(context: Context, hook: TestCall, cleanups: Cleanup[]): void {
  for (const argument of hook.node.arguments) {
    if (argument.type !== AST_NODE_TYPES.Identifier) continue;
    const resolution = resolveName(context, argument);
    const unrelated =
      resolution.type === 'module' &&
      !isRelativeSpecifier(resolution.binding.source) &&
      !boundaryOfSpecifier(context, resolution.binding.source);
    const role = classifyCall({ segments: [argument.name] });
    if (role !== 'cleanup') continue;
    const cleanup = cleanupOf({ role, place: 'teardown', boundary: null, container: null, fromUnrelatedPackage: unrelated });
    if (cleanup) cleanups.push(cleanup);
  }
}

/** Where the skeleton goes: the outermost suite around the write, the only suite of the file, or the module. */
function targetBody(context: Context, tests: readonly TestCall[], node: TSESTree.Node): TSESTree.Program | TSESTree.BlockStatement | null {
  let outermost: TestCall | null = null;
  for (let place = testPlaceOf(context, node); place.call; place = testPlaceOf(context, place.call.node)) {
    if (place.call.kind === 'describe') outermost = place.call;
  }
  if (!outermost) {
    const topLevel = tests.filter((test) => test.node.parent?.parent?.type === AST_NODE_TYPES.Program);
    const only = topLevel[0];
    if (topLevel.length === 1 && only?.kind === 'describe') outermost = only;
  }
  if (!outermost) return context.sourceCode.ast;
  const body = outermost.callback?.body;
  return body?.type === AST_NODE_TYPES.BlockStatement ? body : null;
}

function hookOfStatement(context: Context, statement: TSESTree.Node): TestCall | null {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const call = parseTestCall(context, statement.expression);
  return call?.kind === 'hook' ? call : null;
}

function isImportStatement(statement: TSESTree.Node): boolean {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return true;
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.some((declarator) => {
      const init = declarator.init && unwrap(declarator.init);
      return init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require';
    })
  );
}

/**
 * The edit that inserts an empty `afterEach` for the write's suite: after the suite's last hook, else
 * after its leading declarations (after the imports, at module level), else at its top. None when
 * that suite already has an empty `afterEach` waiting to be filled in, so a fix is applied only once.
 */
function skeletonEdit(context: Context, tests: readonly TestCall[], found: FoundWrite): { hook: string; fix: TSESLint.ReportFixFunction } | null {
  const body = targetBody(context, tests, found.node);
  if (!body) return null;
  const statements: readonly TSESTree.Node[] = body.body;
  const hooks = statements.map((statement) => hookOfStatement(context, statement));
  const waiting = hooks.some(
    (hook) => hook?.name === 'afterEach' && hook.callback?.body.type === AST_NODE_TYPES.BlockStatement && hook.callback.body.body.length === 0,
  );
  if (waiting || statements.length === 0) return null;

  const first = statements[0] as TSESTree.Node;
  const indent = lineIndent(context.sourceCode, first);
  let anchor = lastIndexOf(statements, (_, index) => hooks[index] !== null);
  if (anchor < 0 && body.type === AST_NODE_TYPES.Program) anchor = lastIndexOf(statements, isImportStatement);
  if (anchor < 0 && body.type !== AST_NODE_TYPES.Program) {
    while (statements[anchor + 1]?.type === AST_NODE_TYPES.VariableDeclaration) anchor++;
  }

  const references = hookReferences(context, tests, ['afterEach'], anchor >= 0 ? (statements[anchor] as TSESTree.Node) : first);
  if (!references) return null;
  const hook = references.names[0] as string;
  const unit = indentUnitOf(context.sourceCode, tests);
  const comment = cleanupComment(found.write, found.client, found.call);
  const skeleton = `${hook}(async () => {\n${indent}${unit}// ${comment}\n${indent}});`;
  const importEdit = references.importEdit;
  const fix: TSESLint.ReportFixFunction = (fixer) => {
    const edits = [
      anchor >= 0
        ? fixer.insertTextAfter(statements[anchor] as TSESTree.Node, `\n\n${indent}${skeleton}`)
        : fixer.insertTextBefore(first, `${skeleton}\n\n${indent}`),
    ];
    if (importEdit) edits.push(fixer.insertTextAfterRange(importEdit.range, importEdit.text));
    return edits;
  };
  return { hook: hook.split('.').pop() as string, fix };
}

function lastIndexOf<T>(items: readonly T[], predicate: (item: T, index: number) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) {
    if (predicate(items[index] as T, index)) return index;
  }
  return -1;
}
