import { AST_NODE_TYPES } from '../estree/node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isGenericContainerModule, isRelativeSpecifier, packageName, type BoundaryModule } from '../core/boundaries';
import {
  cleanupComment,
  cleanupOf,
  firstUncleanedWrite,
  writeOf,
  type BoundaryFact,
  type Cleanup,
  type Write,
} from '../core/require-cleanup';
import { callLabel, classifyCall, isWrite, writeTargetOf, type CallFacts, type CallRole } from '../core/vocabulary';
import { boundaryOfSpecifier, boundaryOfValue, containerOfValue } from '../estree/boundary-values';
import { callChain, callFacts, callRoleOf, isOutermostCall, methodCallFacts, unwrap } from '../estree/call-chain';
import { hookPlaceFor, insertHook } from '../estree/hooks';
import { resolveName } from '../estree/imports';
import { parseMockCall } from '../estree/mocks';
import { parseTeardownRegistration, parseTestCall, testPlaceOf, type TestCall } from '../estree/test-calls';
import { createRule } from '../util/create-rule';
import { fileCache } from '../estree/file-cache';

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
    const candidates: Array<{ node: WritingCall; facts: CallFacts; role: CallRole }> = [];
    const mocked = new Set<string>();

    function collect(node: WritingCall, facts: CallFacts | null, role: CallRole | null): void {
      if (facts && role && (isWrite(role) || role === 'cleanup' || role === 'stop')) candidates.push({ node, facts, role });
    }

    return {
      CallExpression(node) {
        const test = parseTestCall(context, node);
        if (test) {
          tests.push(test);
          return;
        }
        for (const target of parseMockCall(context, node)?.targets ?? []) {
          if (target.type === 'module') mocked.add(target.specifier);
        }
        if (!isOutermostCall(node)) return;
        const facts = callFacts(node);
        if (facts) collect(node, facts, callRoleOf(node));
        else {
          const method = methodCallFacts(node);
          collect(node, method, method && classifyCall(method));
        }
      },
      TaggedTemplateExpression(node) {
        collect(node, callFacts(node), callRoleOf(node));
      },
      'Program:exit'() {
        // Only test files: a helper module that writes is cleaned up by the tests that use it.
        if (!tests.some((test) => test.kind !== 'hook')) return;
        const writes = candidates.flatMap(({ node, facts, role }) => (isWrite(role) ? (writeOfCall(context, node, facts, mocked) ?? []) : []));
        if (writes.length === 0) return;
        const cleanups = [
          ...candidates.flatMap(({ node, role }) => (role === 'cleanup' || role === 'stop' ? (cleanupOfCall(context, node, role) ?? []) : [])),
          ...tests.flatMap((test) => (test.kind === 'hook' ? namedHookCleanups(context, test) : [])),
        ];
        const found = writes[firstUncleanedWrite(writes.map(({ write }) => write), cleanups)];
        if (!found) return;
        const kind = found.write.kind;
        const edit = skeletonEdit(context, tests, found);
        context.report({
          node: found.node,
          messageId: 'missingCleanup',
          data: { call: found.call, target: kind ? `the ${kind}` : 'a boundary' },
          fix: autofix ? (edit?.fix ?? null) : null,
          suggest: !autofix && edit ? [{ messageId: 'addCleanupHook', data: { hook: edit.hook, subject: found.client ?? found.call }, fix: edit.fix }] : [],
        });
      },
    };
  },
});

/** What a cleanup or stop call covers, traced to the boundary or container it acts on. */
function cleanupOfCall(context: Context, node: WritingCall, role: 'cleanup' | 'stop'): Cleanup | null {
  const receiver = receiverOf(node);
  return cleanupOf({
    role,
    place: placeOf(context, node),
    boundary: receiver ? boundaryFact(boundaryOfValue(context, receiver)) : null,
    container: role === 'stop' && receiver ? containerOfValue(context, receiver) : null,
    fromUnrelatedPackage: isFromUnrelatedPackage(context, node),
  });
}

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
function writeOfCall(context: Context, node: WritingCall, facts: CallFacts, mocked: ReadonlySet<string>): FoundWrite | null {
  const target = writeTargetOf(facts);
  if (!target) return null;
  const { boundary, client } =
    target === 'argument' && node.type === AST_NODE_TYPES.CallExpression ? traceHelper(context, node) : traceReceiver(context, node, facts);
  const write = writeOf({ target, boundary: boundaryFact(boundary), mocked: boundary !== null && isMocked(boundary.specifier, mocked) });
  return write ? { node, write, client, call: callLabel(facts) } : null;
}

/** Whether the file replaces the module (`vi.mock('ioredis')`): writes through it reach no real system. */
function isMocked(specifier: string, mocked: ReadonlySet<string>): boolean {
  return [...mocked].some((candidate) => candidate === specifier || (!isRelativeSpecifier(candidate) && packageName(candidate) === packageName(specifier)));
}

interface Traced {
  readonly boundary: BoundaryModule | null;
  readonly client: string | null;
}

/** A project helper writes through the module it comes from, or through the boundary value it is handed. */
function traceHelper(context: Context, node: TSESTree.CallExpression): Traced {
  const own = boundaryOfValue(context, node.callee);
  if (own) return { boundary: own, client: null };
  for (const argument of node.arguments) {
    const boundary = boundaryOfValue(context, argument);
    if (boundary) return { boundary, client: argument.type === AST_NODE_TYPES.Identifier ? argument.name : null };
  }
  return { boundary: null, client: null };
}

/** A method writes through its receiver: `pool` in `pool.query(…)`, `sql` in ``sql`INSERT …` ``. */
function traceReceiver(context: Context, node: WritingCall, facts: CallFacts): Traced {
  const receiver = receiverOf(node);
  const boundary = receiver ? boundaryOfValue(context, receiver) : null;
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    return { boundary, client: node.tag.type === AST_NODE_TYPES.Identifier ? node.tag.name : null };
  }
  const root = callChain(node)?.root;
  return { boundary, client: facts.segments.length > 1 && root?.type === AST_NODE_TYPES.Identifier ? clientName(context, root) : null };
}

/**
 * The name to clean through: `pool` rather than a `users` repository built from it (an adapter seldom
 * offers a way to empty its tables; the client it was handed does).
 */
function clientName(context: Context, root: TSESTree.Identifier): string {
  const resolution = resolveName(context, root);
  if (resolution.type !== 'local') return root.name;
  // Asked for every write through the variable: worked out once, not once per write.
  const { variable } = resolution;
  let name = clientNames.get(variable);
  if (name === undefined) {
    name = boundaryOfValue(context, root)?.role === 'adapter' ? (adapterClientOf(context, variable) ?? root.name) : root.name;
    clientNames.set(variable, name);
  }
  return name;
}

const clientNames = fileCache<TSESLint.Scope.Variable, string>();

/** The boundary client an adapter variable was built from: `pool` in `repo = new UserRepository(pool)`. */
function adapterClientOf(context: Context, variable: TSESLint.Scope.Variable): string | null {
  const definition = variable.defs[0];
  const values = [definition?.type === 'Variable' ? definition.node.init : null, ...variable.references.map((reference) => reference.writeExpr)];
  const made = values.map((value) => value && unwrap(value)).find(
    (value): value is TSESTree.NewExpression | TSESTree.CallExpression =>
      value?.type === AST_NODE_TYPES.NewExpression || value?.type === AST_NODE_TYPES.CallExpression,
  );
  const client = made?.arguments.find(
    (argument): argument is TSESTree.Identifier =>
      argument.type === AST_NODE_TYPES.Identifier && boundaryOfValue(context, argument)?.role === 'client',
  );
  return client?.name ?? null;
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
  const root = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node.tag : callChain(node)?.root;
  if (root?.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, root);
  return resolution.type === 'module' && isUnrelatedPackage(context, resolution.binding.source);
}

function isUnrelatedPackage(context: Context, source: string): boolean {
  if (isRelativeSpecifier(source) || source.startsWith('/')) return false;
  return !boundaryOfSpecifier(context, source) && !isGenericContainerModule(source);
}

/** `afterEach(resetDatabase)`: a hook handed a cleanup helper by name. */
function namedHookCleanups(context: Context, hook: TestCall): Cleanup[] {
  return hook.node.arguments.flatMap((argument) => {
    if (argument.type !== AST_NODE_TYPES.Identifier || classifyCall({ segments: [argument.name] }) !== 'cleanup') return [];
    const resolution = resolveName(context, argument);
    const unrelated = resolution.type === 'module' && isUnrelatedPackage(context, resolution.binding.source);
    return cleanupOf({ role: 'cleanup', place: 'teardown', boundary: null, container: null, fromUnrelatedPackage: unrelated }) ?? [];
  });
}

/**
 * The edit that inserts an `afterEach` to fill in, in the write's suite. None when that suite already
 * has an empty `afterEach` waiting to be filled in, so that `--fix` adds it only once.
 */
function skeletonEdit(context: Context, tests: readonly TestCall[], found: FoundWrite): { hook: string; fix: TSESLint.ReportFixFunction } | null {
  const place = hookPlaceFor(context, tests, found.node);
  const waiting = place?.hooks.some(
    (hook) => hook?.name === 'afterEach' && hook.callback?.body.type === AST_NODE_TYPES.BlockStatement && hook.callback.body.body.length === 0,
  );
  if (!place || waiting) return null;
  const inserted = insertHook(context, tests, place, 'afterEach', [`// ${cleanupComment(found.write, found.client, found.call)}`]);
  return inserted && { hook: inserted.name.split('.').pop() as string, fix: inserted.fix };
}
