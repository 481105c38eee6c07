import { AST_NODE_TYPES } from '../estree/node-types';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  buildsInfrastructure,
  planSharedMove,
  type BlockStatement,
  type TeardownStatement,
} from '../core/prefer-shared-infrastructure';
import { callLabel, isConnectionCheckIn, mayCheckOutConnection, namesInMemoryStore, type CallFacts } from '../core/vocabulary';
import { boundaryOfValue, containerOfValue } from '../estree/boundary-values';
import { callChain, callFacts, callRoleOf, staticString, unwrap } from '../estree/call-chain';
import { HOOK_NAMES, hookStyleOf } from '../estree/hooks';
import { resolveName } from '../estree/imports';
import { parseMockCall } from '../estree/mocks';
import { parseTestCall, testPlaceOf, type TestCall } from '../estree/test-calls';
import { buildSharedMove, declaredTypeOf, type MoveRequest, type SharedMove } from '../estree/shared-move';
import { BindingKeys, inputsOf, providedBy, providersOf, usesCallbackLocals } from '../estree/statement-inputs';
import { createRule } from '../util/create-rule';

type Options = [{ autofix?: boolean }];
type MessageIds = 'perTestHook' | 'perTestBody' | 'moveToSharedHook' | 'moveToSharedHooks';
type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** A call that builds infrastructure while a test runs. */
interface InfrastructureCall {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The `beforeEach` hook or the test whose callback makes the call. */
  readonly owner: TestCall;
  /** The statement of the owner's callback that holds the call (the body itself for expression bodies). */
  readonly statement: Node;
  readonly label: string;
}

/** A call that closes or stops something, with the binding it closes. */
interface CloseCall {
  readonly node: TSESTree.CallExpression;
  readonly binding: Variable | null;
  /** The hook or test whose callback holds it directly, and the statement there; `null` elsewhere. */
  readonly owner: TestCall | null;
  readonly statement: Node | null;
  /** Whether it runs once per test (in a test, or an each-hook). */
  readonly perTest: boolean;
}

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
        '`{{call}}` builds infrastructure in `{{hook}}`, once for every test. Build it once in `{{shared}}` and keep only per-test resets (truncate, flush, rollback) in `{{hook}}`.',
      perTestBody:
        '`{{call}}` builds infrastructure inside a test. Build it once in `{{shared}}` for the tests that use it, and keep the test about its behaviour.',
      moveToSharedHook: 'Move the infrastructure into `{{shared}}`.',
      moveToSharedHooks: 'Move the infrastructure into `{{shared}}`, and its teardown into `{{teardown}}`.',
    },
  },
  defaultOptions: [{ autofix: false }],
  create(context, [{ autofix = false }]) {
    const tests: TestCall[] = [];
    const candidates: Array<{ node: TSESTree.CallExpression | TSESTree.NewExpression; facts: CallFacts; owner: TestCall }> = [];
    const closing: TSESTree.CallExpression[] = [];
    const mocked = new Set<string>();

    function visit(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const facts = callFacts(node);
      if (!facts) return;
      const role = callRoleOf(node);
      if ((role === 'close' || role === 'stop') && node.type === AST_NODE_TYPES.CallExpression && !isConnectionCheckIn(facts)) closing.push(node);
      const owner = role === 'infrastructure' ? perTestOwner(context, node) : null;
      if (owner) candidates.push({ node, facts, owner });
    }

    /** A call that builds infrastructure in a per-test place, with what the core needs to judge it. */
    function infrastructureCallOf(node: TSESTree.CallExpression | TSESTree.NewExpression, facts: CallFacts, owner: TestCall): InfrastructureCall | null {
      const statement = statementIn(owner, node);
      const root = callChain(node)?.root;
      const boundary = boundaryOfValue(context, node);
      const container = containerOfValue(context, node);
      const specifier = boundary?.specifier ?? container?.specifier;
      const infrastructure = buildsInfrastructure({
        role: 'infrastructure',
        boundary,
        container: container !== null,
        mayCheckOut: mayCheckOutConnection(facts),
        onModule: root?.type === AST_NODE_TYPES.Identifier && resolveName(context, root).type === 'module',
        guarded: isGuarded(node, statement),
        mocked: specifier !== undefined && mocked.has(specifier),
        inMemory: configurationStrings(node.arguments).some(namesInMemoryStore),
      });
      return infrastructure ? { node, owner, statement, label: callLabel(facts) } : null;
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
        visit(node);
      },
      NewExpression: visit,
      'Program:exit'() {
        const built = candidates.flatMap(({ node, facts, owner }) => infrastructureCallOf(node, facts, owner) ?? []);
        if (built.length === 0) return;
        const closes = closing.map((node) => closeCallOf(context, node));
        const byOwner = new Map<TestCall, InfrastructureCall[]>();
        for (const call of built) byOwner.set(call.owner, [...(byOwner.get(call.owner) ?? []), call]);
        const shared = HOOK_NAMES[hookStyleOf(context, tests) ?? 'jest'].beforeAll;
        for (const [owner, calls] of byOwner) {
          const first = calls[0] as InfrastructureCall;
          const connecting = candidates.filter((candidate) => candidate.owner === owner && mayCheckOutConnection(candidate.facts));
          const move = planFor(context, tests, owner, calls, connecting, closes);
          context.report({
            node: first.node,
            messageId: owner.kind === 'hook' ? 'perTestHook' : 'perTestBody',
            data: { call: first.label, hook: context.sourceCode.getText(owner.node.callee), shared },
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
      },
    };
  },
});

/** A close or stop call, with the binding it closes and where it runs. */
function closeCallOf(context: Context, node: TSESTree.CallExpression): CloseCall {
  const place = testPlaceOf(context, node);
  const owner = place.call && place.call.kind !== 'describe' && nearestFunction(node) === place.call.callback ? place.call : null;
  return {
    node,
    binding: rootBinding(context, node),
    owner,
    statement: owner ? statementIn(owner, node) : null,
    perTest: place.kind === 'test' || (place.kind === 'hook' && place.call?.hook?.scope === 'each'),
  };
}

/** The static strings in a call's configuration: arguments, and values of object literals in them. */
function configurationStrings(nodes: readonly Node[], depth = 0): string[] {
  if (depth > 3) return [];
  return nodes.flatMap((node) => {
    const text = staticString(node);
    if (text !== null) return [text];
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      return configurationStrings(
        node.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property ? [property.value] : [])),
        depth + 1,
      );
    }
    return [];
  });
}

function nearestFunction(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      return current;
    }
  }
  return null;
}

/** The `beforeEach` hook or test whose own callback makes the call (not a helper function inside it). */
function perTestOwner(context: Context, node: Node): TestCall | null {
  const place = testPlaceOf(context, node);
  const call = place.call;
  if (!call || nearestFunction(node) !== call.callback) return null;
  return place.kind === 'test' || call.name === 'beforeEach' ? call : null;
}

/** The statement of the owner's callback body that holds `node`, or the body itself for expression bodies. */
function statementIn(owner: TestCall, node: Node): Node {
  const body = owner.callback?.body as Node;
  let current = node;
  while (current.parent && current.parent !== body) current = current.parent;
  return body.type === AST_NODE_TYPES.BlockStatement ? current : body;
}

/** Whether a call only runs under a condition: `pool ??= new Pool()`, `if (!pool) pool = …`, `x ? a() : b()`. */
function isGuarded(node: Node, statement: Node): boolean {
  for (let current: Node | undefined = node; current && current !== statement; current = current.parent) {
    const parent: Node | undefined = current.parent;
    if (!parent) break;
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current) return true;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === current) return true;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.operator !== '=') return true;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== current) return true;
    if (parent.type === AST_NODE_TYPES.SwitchCase || parent.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}

/** The variable at the root of a call's chain: `pool` in `pool.end()`, or an import (`mongoose.disconnect()`). */
function rootBinding(context: Context, node: TSESTree.CallExpression): Variable | null {
  const root = callChain(node)?.root;
  if (root?.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context.sourceCode.getScope(root), root);
  return variable && variable.defs.length > 0 ? variable : null;
}

/** Builds the facts of the owner's block and of the teardowns that may close what it builds, and asks the core. */
function planFor(
  context: Context,
  tests: readonly TestCall[],
  owner: TestCall,
  calls: readonly InfrastructureCall[],
  connecting: ReadonlyArray<{ readonly node: TSESTree.CallExpression | TSESTree.NewExpression }>,
  closes: readonly CloseCall[],
): SharedMove | null {
  const container = owner.node.parent;
  const body = container?.parent;
  if (container?.type !== AST_NODE_TYPES.ExpressionStatement || !body || (body.type !== AST_NODE_TYPES.BlockStatement && body.type !== AST_NODE_TYPES.Program)) return null;
  const callback = owner.callback as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  const blockStatements: readonly Node[] = callback.body.type === AST_NODE_TYPES.BlockStatement ? callback.body.body : [callback.body];
  const keys = new BindingKeys();
  const infrastructureStatements = new Set(calls.map((call) => call.statement));
  const providers = providersOf(context, blockStatements, keys);
  // `await client.connect()` whose result is dropped connects the client itself; `client = await pool.connect()` borrows.
  const connects = (statement: Node) =>
    connecting.flatMap(({ node }) => {
      const dropped = statementIn(owner, node) === statement && unwrap(statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement) === node;
      const binding = dropped && node.type === AST_NODE_TYPES.CallExpression ? rootBinding(context, node) : null;
      return binding ? [keys.of(binding)] : [];
    });
  const facts: BlockStatement[] = blockStatements.map((statement) => ({
    ...blockFacts(context, owner, statement, infrastructureStatements.has(statement), calls, providers, keys),
    connects: connects(statement),
  }));

  const siblingHooks = body.body.flatMap((statement) => {
    const call = statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.CallExpression
      ? parseTestCall(context, statement.expression)
      : null;
    return call ? [call] : [];
  });
  const teardownSources = owner.kind === 'hook' ? siblingHooks.filter((hook) => hook.name === 'afterEach') : [owner];
  const teardownCandidates = teardownSources.flatMap((source) => {
    const fn = source.callback;
    if (!fn) return [];
    const statements: readonly Node[] = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [fn.body];
    return statements.filter((statement) => !infrastructureStatements.has(statement)).map((statement) => ({ source, statement }));
  });
  const builtHere = new Set(facts.flatMap((statement) => (statement.infrastructure ? statement.provides : [])));
  const teardownFacts: TeardownStatement[] = teardownCandidates.map(({ source, statement }) =>
    teardownFactsOf(context, source, statement, closes, keys, builtHere),
  );
  const considered = new Set(teardownCandidates.map((candidate) => candidate.statement));
  const closedElsewhere = closes.flatMap((close) =>
    close.perTest && close.binding && !(close.statement && considered.has(close.statement)) ? [keys.of(close.binding)] : [],
  );

  const plan = planSharedMove(facts, teardownFacts, closedElsewhere);
  if (!plan) return null;
  const request: MoveRequest = {
    owner,
    body,
    moved: plan.move.map((index) => blockStatements[index] as Node),
    teardowns: plan.teardown.map((index) => teardownCandidates[index] as { source: TestCall; statement: Node }),
    siblingHooks,
  };
  return buildSharedMove(context, tests, request);
}

function blockFacts(
  context: Context,
  owner: TestCall,
  statement: Node,
  infrastructure: boolean,
  calls: readonly InfrastructureCall[],
  providers: ReadonlyMap<string, Node>,
  keys: BindingKeys,
): BlockStatement {
  const provided = providedBy(context, statement);
  const provides = provided.map((variable) => keys.of(variable));
  const started = calls
    .filter((call) => call.statement === statement && call.node.type === AST_NODE_TYPES.CallExpression)
    .map((call) => rootBinding(context, call.node as TSESTree.CallExpression))
    .filter((variable): variable is Variable => variable !== null)
    .map((variable) => keys.of(variable));
  const inputs = inputsOf(context, owner, statement, providers, keys);
  const movable = inputs.ok && hasMovableShape(context, owner, statement, provided);
  return { infrastructure, movable, provides, reads: inputs.reads, builds: [...provides, ...started] };
}

/**
 * In a hook: a plain call, an assignment with `=`, or a declaration. In a test body, only a declaration
 * of one binding the test goes on to use (`const pool = new Pool()`), which becomes the suite's.
 * In TypeScript, a declaration also needs a type the suite-level `let` can carry.
 */
function hasMovableShape(context: Context, owner: TestCall, statement: Node, provided: readonly Variable[]): boolean {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    const [declarator, ...others] = statement.declarations;
    if (!declarator || others.length > 0 || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return false;
    if (owner.kind === 'test' && !provided.some((variable) => variable.references.some((reference) => reference.isRead()))) return false;
    return declaredTypeOf(context, declarator) !== null;
  }
  if (owner.kind === 'test') return false;
  const expression = unwrap(statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement);
  if (expression.type === AST_NODE_TYPES.AssignmentExpression) {
    return expression.operator === '=' && expression.left.type === AST_NODE_TYPES.Identifier;
  }
  return expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.NewExpression;
}

/** What a teardown statement closes, and whether it is a plain close that can move as it is. */
function teardownFactsOf(
  context: Context,
  source: TestCall,
  statement: Node,
  closes: readonly CloseCall[],
  keys: BindingKeys,
  builtHere: ReadonlySet<string>,
): TeardownStatement {
  const closing = closes.filter((close) => close.statement === statement && close.binding);
  const expression = unwrap(statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement);
  const plain = closing.length === 1 && closing[0]?.node === expression;
  const movable = plain && !usesCallbackLocals(context, source, statement, (variable) => builtHere.has(keys.of(variable)));
  return { closes: closing.map((close) => keys.of(close.binding as Variable)), movable };
}

