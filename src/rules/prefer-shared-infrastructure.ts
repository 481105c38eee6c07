import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  buildsInfrastructure,
  planSharedMove,
  type BlockStatement,
  type TeardownStatement,
} from '../core/prefer-shared-infrastructure';
import { callLabel, classifyCall, mayCheckOutConnection } from '../core/vocabulary';
import { boundaryOfValue, containerOfValue } from '../estree/boundary-values';
import { callChain, callFacts, unwrap } from '../estree/call-chain';
import { HOOK_NAMES, hookStyleOf } from '../estree/hooks';
import { resolveName } from '../estree/imports';
import { parseTestCall, testPlaceOf, type TestCall } from '../estree/test-calls';
import { buildSharedMove, declaredTypeOf, type MoveRequest, type SharedMove } from '../estree/shared-move';
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
    const built: InfrastructureCall[] = [];
    const closes: CloseCall[] = [];

    function visit(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const facts = callFacts(node);
      if (!facts) return;
      const role = classifyCall(facts);
      if (role === 'infrastructure') {
        const owner = perTestOwner(context, node);
        if (!owner) return;
        const statement = statementIn(owner, node);
        const chain = callChain(node);
        const infrastructure = buildsInfrastructure({
          role,
          boundary: boundaryOfValue(context, node),
          container: containerOfValue(context, node) !== null,
          mayCheckOut: mayCheckOutConnection(facts),
          onModule: chain?.root.type === AST_NODE_TYPES.Identifier && resolveName(context, chain.root).type === 'module',
          guarded: isGuarded(node, statement),
        });
        if (infrastructure) built.push({ node, owner, statement, label: callLabel(facts) });
      } else if ((role === 'close' || role === 'stop') && node.type === AST_NODE_TYPES.CallExpression) {
        const place = testPlaceOf(context, node);
        const owner = place.call && place.call.kind !== 'describe' && nearestFunction(node) === place.call.callback ? place.call : null;
        closes.push({
          node,
          binding: rootBinding(context, node),
          owner,
          statement: owner ? statementIn(owner, node) : null,
          perTest: place.kind === 'test' || (place.kind === 'hook' && place.call?.hook?.scope === 'each'),
        });
      }
    }

    return {
      CallExpression(node) {
        const test = parseTestCall(context, node);
        if (test) tests.push(test);
        else visit(node);
      },
      NewExpression: visit,
      'Program:exit'() {
        const byOwner = new Map<TestCall, InfrastructureCall[]>();
        for (const call of built) byOwner.set(call.owner, [...(byOwner.get(call.owner) ?? []), call]);
        const style = hookStyleOf(context, tests) ?? 'jest';
        for (const [owner, calls] of byOwner) {
          const first = calls[0] as InfrastructureCall;
          const shared = HOOK_NAMES[style].beforeAll;
          const move = planFor(context, tests, owner, calls, closes);
          const fix = move?.fix ?? null;
          context.report({
            node: first.node,
            messageId: owner.kind === 'hook' ? 'perTestHook' : 'perTestBody',
            data: { call: first.label, hook: owner.writtenName, shared },
            fix: autofix ? fix : null,
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
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  return variable && variable.defs.length > 0 ? variable : null;
}

/** Builds the facts of the owner's block and of the teardowns that may close what it builds, and asks the core. */
function planFor(
  context: Context,
  tests: readonly TestCall[],
  owner: TestCall,
  calls: readonly InfrastructureCall[],
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
  const facts: BlockStatement[] = blockStatements.map((statement) =>
    blockFacts(context, owner, statement, infrastructureStatements.has(statement), calls, providers, keys),
  );

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

/** Stable keys for bindings, so the core can compare them without knowing about scopes. */
class BindingKeys {
  private readonly keys = new Map<Variable, string>();
  of(variable: Variable): string {
    let key = this.keys.get(variable);
    if (!key) {
      key = `${variable.name}#${this.keys.size}`;
      this.keys.set(variable, key);
    }
    return key;
  }
}

/** Which statement of a block declares or assigns each binding. */
function providersOf(context: Context, statements: readonly Node[], keys: BindingKeys): Map<string, Node> {
  const providers = new Map<string, Node>();
  for (const statement of statements) {
    for (const variable of providedBy(context, statement)) providers.set(keys.of(variable), statement);
  }
  return providers;
}

/** The bindings a statement declares (`const pool = …`) or assigns at its top (`pool = …`). */
function providedBy(context: Context, statement: Node): readonly Variable[] {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) return context.sourceCode.getDeclaredVariables(statement);
  const expression = unwrap(statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement);
  if (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.left.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, expression.left);
    return resolution.type === 'local' ? [resolution.variable] : [];
  }
  return [];
}

/** Every reference made inside a node, through the scopes that hold it. */
function referencesIn(context: Context, node: Node): TSESLint.Scope.Reference[] {
  const found: TSESLint.Scope.Reference[] = [];
  const visit = (scope: TSESLint.Scope.Scope): void => {
    for (const reference of scope.references) {
      const range = reference.identifier.range;
      if (range[0] >= node.range[0] && range[1] <= node.range[1]) found.push(reference);
    }
    for (const child of scope.childScopes) {
      if (child.block.range[0] < node.range[1] && child.block.range[1] > node.range[0]) visit(child);
    }
  };
  visit(context.sourceCode.getScope(node));
  return found;
}

function containsThis(context: Context, node: Node): boolean {
  return context.sourceCode.getTokens(node).some((token) => token.type === 'Keyword' && token.value === 'this');
}

/**
 * Whether what a statement reads is available before any test runs: globals, imports, bindings other
 * statements of its block provide (`reads`), and outer bindings that no per-test code assigns.
 */
function inputsOf(
  context: Context,
  owner: TestCall,
  statement: Node,
  providers: ReadonlyMap<string, Node>,
  keys: BindingKeys,
): { ok: boolean; reads: string[] } {
  if (containsThis(context, statement)) return { ok: false, reads: [] };
  const reads = new Set<string>();
  const callback = owner.callback as Node;
  for (const reference of referencesIn(context, statement)) {
    const variable = reference.resolved;
    if (!variable || variable.defs.length === 0) continue;
    const declaredAt = variable.identifiers[0];
    if (declaredAt && declaredAt.range[0] >= statement.range[0] && declaredAt.range[1] <= statement.range[1]) continue;
    const key = keys.of(variable);
    const provider = providers.get(key);
    if (provider) {
      if (provider !== statement) reads.add(key);
      continue;
    }
    const insideCallback = declaredAt && declaredAt.range[0] >= callback.range[0] && declaredAt.range[1] <= callback.range[1];
    if (insideCallback || isWrittenPerTest(context, variable)) return { ok: false, reads: [] };
  }
  return { ok: true, reads: [...reads] };
}

/** Whether any test or each-hook assigns the binding. */
function isWrittenPerTest(context: Context, variable: Variable): boolean {
  return variable.references.some((reference) => {
    if (!reference.isWrite() || reference.init) return false;
    const place = testPlaceOf(context, reference.identifier);
    return place.kind === 'test' || (place.kind === 'hook' && place.call?.hook?.scope === 'each');
  });
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
  const movable = infrastructure && inputs.ok && hasMovableShape(context, owner, statement, provided);
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

/**
 * Whether a statement reads `this`, or a parameter or local of the callback it sits in (`done`), other
 * than the bindings that move out with it (`moving`).
 */
function usesCallbackLocals(context: Context, owner: TestCall, statement: Node, moving: (variable: Variable) => boolean): boolean {
  if (containsThis(context, statement)) return true;
  const callback = owner.callback as Node;
  return referencesIn(context, statement).some((reference) => {
    const variable = reference.resolved;
    const declaredAt = variable?.identifiers[0];
    if (!variable || !declaredAt || moving(variable)) return false;
    return declaredAt.range[0] >= callback.range[0] && declaredAt.range[1] <= callback.range[1];
  });
}
