/**
 * Facts about infrastructure built in a test file: which calls open something, where they run (per
 * test or once per suite), whether a test is about building it, and the statements a move into shared
 * hooks would carry. `prefer-shared-infrastructure` decides over them in its core.
 */
import { AST_NODE_TYPES } from './node-types';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  buildsInfrastructure,
  planSharedMove,
  type BlockStatement,
  type PerTestBuild,
  type TeardownStatement,
} from '../core/prefer-shared-infrastructure';
import { callLabel, defaultsToMemory, mayCheckOutConnection, namesInMemoryStore, openingOf, opensHandle, reconfiguresHandle, type CallFacts } from '../core/vocabulary';
import { containerOfValue, reachedBoundaryOfValue } from './boundary-values';
import { callChain, callFacts, callRoleOf, chainRootOf, isWithin, propertyKeyName, propertyName, staticString, unwrap } from './call-chain';
import { resolveName } from './imports';
import { calledLocalFunction, enclosingFunction, parameterVariable, valuesOf } from './local-bindings';
import { singleValueOf } from './variables';
import { isEnvironment, isEnvironmentRead } from './static-text';
import { buildSharedMove, declaredTypeOf, type SharedMove } from './shared-move';
import { BindingKeys, inputsOf, providedBy, providersOf, usesCallbackLocals } from './statement-inputs';
import { parseTestCall, testPlaceOf, type TestCall } from './test-calls';
import { testFileOf } from './test-file';
import { exportCalledBy, moduleKeyOf } from './project-modules';
import type { ExportValue } from '../core/module-summary';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Variable = TSESLint.Scope.Variable;
type Construction = TSESTree.CallExpression | TSESTree.NewExpression;

/** A call that opens infrastructure while a test runs. */
export interface InfrastructureCall {
  readonly node: Construction;
  /** The `beforeEach` hook or the test whose callback makes the call. */
  readonly owner: TestCall;
  /** The statement of the owner's callback that holds the call (the body itself for expression bodies). */
  readonly statement: Node;
  readonly label: string;
}

/** A call that closes or stops something, with the binding it closes. */
export interface CloseCall {
  readonly node: TSESTree.CallExpression;
  readonly binding: Variable | null;
  /** The hook or test whose callback holds it directly, and the statement there; `null` elsewhere. */
  readonly owner: TestCall | null;
  readonly statement: Node | null;
  /** The hook or test it runs in, however deeply nested. */
  readonly runsIn: TestCall | null;
  /** Whether it runs once per test (in a test, or an each-hook). */
  readonly perTest: boolean;
}

/** A call whose called segment may open something, as the rule's listeners saw it. */
export interface OpeningCandidate {
  readonly node: Construction;
  readonly facts: CallFacts;
}

/** The candidate a listener keeps, or `null` when the called segment opens nothing. */
export function openingCandidateOf(node: Construction): OpeningCandidate | null {
  const facts = callFacts(node);
  return facts && openingOf(facts, node.arguments.length) ? { node, facts } : null;
}

/**
 * What a call opens once its handle's later use is known: a factory given no address opens
 * something only if the handle it returns is connected (`mongoose.createConnection()` alone opens nothing).
 */
export function openingOfCall(context: Context, node: Construction): 'opens' | 'opens-container' | null {
  const facts = callFacts(node);
  const opening = facts ? openingOf(facts, node.arguments.length) : null;
  if (opening === 'opens-when-connected') return isConnectedLater(context, node) ? 'opens' : null;
  return opening;
}

/** The per-test builds of a file, as facts for the core, with the calls they stand for (same order). */
export interface PerTestBuilds {
  readonly facts: PerTestBuild[];
  readonly calls: InfrastructureCall[];
}

/**
 * Sorts the calls that open infrastructure into per-test builds (in a `beforeEach` or a test body)
 * and shared ones (module or suite scope, `beforeAll`), and gathers what the core needs to judge
 * each per-test build.
 */
export function gatherPerTestBuilds(
  context: Context,
  tests: readonly TestCall[],
  candidates: readonly OpeningCandidate[],
  closes: readonly CloseCall[],
  mocked: ReadonlySet<string>,
): PerTestBuilds {
  const perTest: InfrastructureCall[] = [];
  const runsOnce: Array<{ node: Construction; facts: CallFacts; scope: Node }> = [];
  for (const { node, facts } of candidates) {
    const runs = whenItRuns(context, node);
    if (!runs) continue;
    const owner = runs.perTest;
    if (!owner) {
      runsOnce.push({ node, facts, scope: runs.shared ?? context.sourceCode.ast });
      continue;
    }
    const statement = statementIn(owner, node);
    if (opensInfrastructure(context, node, facts, statement, mocked) && !readsWhatItsOwnerStarts(context, node, owner) && !wrapsGivenHandle(context, node) && !buildsOnProjectInfrastructure(context, node, owner)) {
      perTest.push({ node, owner, statement, label: callLabel(facts) });
    }
  }
  // What opens once matters only beside something that opens per test: most files have nothing per test.
  if (perTest.length === 0) return { facts: [], calls: [] };
  const shared = runsOnce.flatMap(({ node, facts, scope }) => (opensInfrastructure(context, node, facts, node, mocked) ? [{ scope, key: callLabel(facts) }] : []));
  const facts = perTest.map((call): PerTestBuild => {
    const suite = suiteOf(context, call.owner) ?? context.sourceCode.ast;
    return {
      key: call.label,
      configuration: call.owner.kind === 'test' ? configurationOf(context, call) : undefined,
      suite: String(suite.range[0]),
      owner: String(call.owner.node.range[0]),
      place: call.owner.kind === 'test' ? 'test' : 'hook',
      tests: call.owner.kind === 'test' ? 1 : tests.filter((test) => test.kind === 'test' && isWithin(test.node, suite)).length,
      shared: shared.flatMap((build) => (isWithin(call.owner.node, build.scope) ? [build.key] : [])),
      aboutBuilding: call.owner.kind === 'test' && isAboutBuilding(context, call, closes),
      reconfigured: call.owner.kind === 'hook' && isReconfiguredByTests(context, call, tests),
    };
  });
  return { facts, calls: perTest };
}

/**
 * How a test configures what it builds: the text of the arguments, with the values the test makes
 * itself written out (`new WorkflowClient({ dataConverter })` after `const dataConverter = …` in each
 * test): tests that give those values differently build different things, however alike the call
 * reads. A value that cannot be read (set twice, destructured) makes the test's build its own.
 */
function configurationOf(context: Context, call: InfrastructureCall): string {
  const text = argumentsText(context, call.node);
  const values = new Map<string, string>();
  for (const variable of ownValuesRead(context, call.node, call.owner.callback)) {
    const definition = variable.defs[0];
    if (definition?.type === 'Parameter') continue;
    const value = definition?.type === 'Variable' && definition.node.id.type === AST_NODE_TYPES.Identifier ? singleValueOf(variable) : null;
    values.set(variable.name, value ? context.sourceCode.getText(value).replace(/\s+/g, '') : `\u0000${call.owner.node.range[0]}`);
  }
  return values.size === 0 ? text : `${text}\u0000${[...values].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => `${name}=${value}`).join(';')}`;
}

/** The text of a call's arguments, spaces, line breaks and trailing commas aside: how the call configures what it builds. */
function argumentsText(context: Context, node: TSESTree.Node): string {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return '';
  return node.arguments.map((argument) => context.sourceCode.getText(argument).replace(/\s+/g, '').replace(/,(?=[}\])])/g, '')).join(',');
}

/** Methods whose result is something running that a test started: a container, a server, a compose environment. */
const STARTERS: ReadonlySet<string> = new Set(['start', 'listen', 'up']);

/**
 * Whether a build is configured from something the same test or hook starts itself
 * (`new Client({ node: container.getHttpUrl() })` after `const container = await new X().start()`):
 * it can move to a run-once hook only together with what it reads, which is judged on its own.
 */
function readsWhatItsOwnerStarts(context: Context, node: Construction, owner: TestCall): boolean {
  return ownValuesRead(context, node, owner.callback).some(({ defs: [definition] }) => {
    if (definition?.type !== 'Variable' || !definition.node.init) return false;
    const init = unwrap(definition.node.init);
    const chain = init.type === AST_NODE_TYPES.CallExpression ? callChain(init) : null;
    return chain !== null && STARTERS.has(chain.segments[chain.segments.length - 1] ?? '');
  });
}

/**
 * Whether a build stands on what the same test or hook opens through one of the project's own
 * functions (`scheduler.start()` after `scheduler = new Scheduler({ db: database.db })` and
 * `database = await openTestDatabase()`, a helper that connects to a database of its own): it can move to a
 * run-once hook only together with that call, which this rule cannot judge, so it says nothing.
 * Followed through the values the callback gives the variables the build reads, its receiver's
 * included, a few steps deep.
 */
function buildsOnProjectInfrastructure(context: Context, node: Construction, owner: TestCall): boolean {
  const callback = owner.callback;
  if (!callback) return false;
  const seen = new Set<TSESLint.Scope.Variable>();
  const standsOn = (build: Node, depth: number): boolean =>
    depth <= MAX_START_DEPTH &&
    valuesReadBy(context, build, callback).some((variable) => {
      if (seen.has(variable)) return false;
      seen.add(variable);
      return valuesOf(variable).some((value) => {
        if (!isWithin(value, callback)) return false;
        // Values come unwrapped: `await openTestDatabase()` is the call itself.
        if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.NewExpression) return false;
        return (value.type === AST_NODE_TYPES.CallExpression && opensThroughProject(context, value)) || standsOn(value, depth + 1);
      });
    });
  return standsOn(node, 0);
}

const MAX_START_DEPTH = 3;

/**
 * A call of a project function that hands back a connection, a fresh database, an object holding
 * one (`await openTestDatabase()` handing back `{ db, close }`), or what cannot be read: infrastructure
 * of the project's own making, opened where it is called.
 */
function opensThroughProject(context: Context, call: TSESTree.CallExpression): boolean {
  const exported = exportCalledBy(context, call);
  return exported !== null && (exported === 'unknown' || holdsConnection(exported.value));
}

/** A connection, a fresh database, what cannot be read, or an object that holds one (`{ db, close }`). */
function holdsConnection(value: ExportValue): boolean {
  if (value.type === 'boundary-client' || value.type === 'fresh-database' || value.type === 'unknown') return true;
  return value.type === 'other' && value.holdsClient === true;
}

/**
 * The variables a build reads that its callback gives a value: those its arguments read, and the
 * receiver of a method call (`scheduler.start()`).
 */
function valuesReadBy(context: Context, build: Node, callback: Node): TSESLint.Scope.Variable[] {
  if (build.type !== AST_NODE_TYPES.CallExpression && build.type !== AST_NODE_TYPES.NewExpression) return [];
  const read = ownValuesRead(context, build, callback, true);
  const root = build.type === AST_NODE_TYPES.CallExpression && build.callee.type === AST_NODE_TYPES.MemberExpression ? chainRootOf(build.callee) : null;
  if (root) {
    const resolution = resolveName(context, root);
    if (resolution.type === 'local') read.push(resolution.variable);
  }
  return read;
}

/**
 * The variables a call's arguments read that the test or hook declares in its own callback, once per
 * read; with `declaredAnywhere`, those declared outside it as well (a suite's `let pool`).
 */
function ownValuesRead(context: Context, node: Construction, callback: Node | null, declaredAnywhere = false): TSESLint.Scope.Variable[] {
  const scope = callback && context.sourceCode.scopeManager?.acquire(callback);
  const [first] = node.arguments;
  if (!scope || !callback || !first) return [];
  const start = first.range[0];
  const end = (node.arguments[node.arguments.length - 1] as Node).range[1];
  const read: TSESLint.Scope.Variable[] = [];
  for (const { identifier, resolved } of declaredAnywhere ? scope.through.concat(scope.references) : scope.references) {
    const definition = resolved?.defs[0];
    if (identifier.range[0] >= start && identifier.range[1] <= end && resolved && definition && (declaredAnywhere || isWithin(definition.name, callback))) read.push(resolved);
  }
  return read;
}

/** Options that hand a client a connection it uses rather than opens: `new Client({ connection })`. */
const HANDLE_OPTIONS: ReadonlySet<string> = new Set(['connection', 'conn', 'client', 'pool', 'driver', 'db', 'dataSource']);

/**
 * Whether a construction is handed a connection that is already open, in an option named for one:
 * `new Client({ connection })` with `connection` taken from what a shared hook opened, or
 * `{ connection: env.connection }`. It wraps that connection and opens nothing of its own. An option
 * whose value is written out, in place or in a constant (`{ connection: { host, port } }`), is
 * configuration: the client opens a connection from it.
 */
function wrapsGivenHandle(context: Context, node: Construction): boolean {
  const [options] = node.arguments;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return options.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || !HANDLE_OPTIONS.has(propertyKeyName(property.key) ?? '')) return false;
    const value = unwrap(property.value);
    if (value.type === AST_NODE_TYPES.MemberExpression) return readsHandle(value);
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const resolution = resolveName(context, value);
    if (resolution.type !== 'local') return false;
    const definition = resolution.variable.defs[0];
    if (definition?.type !== 'Variable') return false;
    // `const { connection } = t.context.env`: read off something opened elsewhere.
    if (definition.node.id.type === AST_NODE_TYPES.ObjectPattern) {
      const from = definition.node.init && unwrap(definition.node.init);
      return (from?.type === AST_NODE_TYPES.MemberExpression && !readsEnvironment(from)) || from?.type === AST_NODE_TYPES.Identifier;
    }
    // `{ workflowService: … } as unknown as ConnectionLike`: a stand-in written in the test.
    if (definition.node.init && isCastThroughUnknown(definition.node.init)) return true;
    const values = valuesOf(resolution.variable);
    return values.length > 0 && values.every((held) => (held.type === AST_NODE_TYPES.MemberExpression ? readsHandle(held) : opensHandleItself(held)));
  });
}

/** `env.connection`, `t.context.pool`: a property named for a handle, not read from the environment's settings. */
function readsHandle(node: TSESTree.MemberExpression): boolean {
  return HANDLE_OPTIONS.has(propertyName(node) ?? '') && !readsEnvironment(node);
}

/** `process.env.DATABASE_URL`, `import.meta.env.DB`, or the environment itself: settings, strings. */
function readsEnvironment(node: TSESTree.MemberExpression): boolean {
  return isEnvironmentRead(node) || isEnvironment(node);
}

/** A value that is itself a connection: `await pool.connect()`, `new Connection(options)`. */
function opensHandleItself(node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
  return callRoleOf(node) === 'infrastructure';
}

/** `value as unknown as T`: a value made to pass for a type it is not, as a stand-in written by hand is. */
function isCastThroughUnknown(node: Node): boolean {
  return node.type === AST_NODE_TYPES.TSAsExpression && node.expression.type === AST_NODE_TYPES.TSAsExpression && node.expression.typeAnnotation.type === AST_NODE_TYPES.TSUnknownKeyword;
}

/**
 * Whether a call runs per test (directly in a test body or a `beforeEach` callback: `perTest`), or
 * once for a suite (at module or suite scope, or in a `beforeAll`: `shared`, the suite call or `null`
 * for the file). `null` for anything else, such as a helper function or an `afterEach`.
 */
function whenItRuns(context: Context, node: Node): { perTest: TestCall; shared?: never } | { perTest?: never; shared: Node | null } | null {
  const place = testPlaceOf(context, node);
  const call = place.call;
  if (call && enclosingFunction(node) === call.callback && (place.kind === 'test' || isHook(call, 'each'))) return { perTest: call };
  // Code that runs once where it is written: not the body of a function, which runs each time it is called.
  if (place.kind === 'module' || place.kind === 'describe') return enclosingFunction(node) === (call?.callback ?? null) ? { shared: call?.node ?? null } : null;
  return call && isHook(call, 'all') ? { shared: suiteOf(context, call) } : null;
}

function opensInfrastructure(context: Context, node: Construction, facts: CallFacts, statement: Node, mocked: ReadonlySet<string>): boolean {
  const root = callChain(node)?.root;
  const boundary = reachedBoundaryOfValue(context, node);
  const container = containerOfValue(context, node);
  const specifier = boundary?.specifier ?? container?.specifier;
  return buildsInfrastructure({
    opening: openingOf(facts, node.arguments.length),
    boundary,
    container: container !== null,
    mayCheckOut: mayCheckOutConnection(facts),
    onModule: root?.type === AST_NODE_TYPES.Identifier && resolveName(context, root).type === 'module',
    connected: isConnectedLater(context, node),
    guarded: isGuarded(node, statement),
    mocked: specifier !== undefined && mocked.has(moduleKeyOf(context, specifier)),
    inMemory: configurationStrings(context, node.arguments).some(namesInMemoryStore) || node.arguments.some((argument) => opensSqliteInMemory(context, argument)),
  });
}

/** An options argument, written in place or held by a constant, that sets up SQLite with no file: `{ dialect: 'sqlite' }`. */
function opensSqliteInMemory(context: Context, argument: Node): boolean {
  let options = unwrap(argument);
  if (options.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, options);
    const value = resolution.type === 'local' ? singleValueOf(resolution.variable) : null;
    if (!value) return false;
    options = unwrap(value);
  }
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  let dialect: string | null = null;
  const keys: string[] = [];
  for (const property of options.properties) {
    const key = property.type === AST_NODE_TYPES.Property && !property.computed ? propertyKeyName(property.key) : null;
    if (key === null) return false;
    keys.push(key);
    if (key === 'dialect') dialect = staticString((property as TSESTree.Property).value);
  }
  return defaultsToMemory(dialect, keys);
}

/**
 * Whether the handle a call returns is opened afterwards: `createClient().connect()`, or
 * `client = createClient()` followed somewhere by `client.connect()`.
 */
export function isConnectedLater(context: Context, node: Construction): boolean {
  let current: Node = node;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.AwaitExpression || current.parent.type === AST_NODE_TYPES.TSAsExpression || current.parent.type === AST_NODE_TYPES.TSNonNullExpression)) {
    current = current.parent;
  }
  const parent = current.parent;
  if (isOpenerOf(current)) return true;
  let variable: Variable | null = null;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
    variable = context.sourceCode.getDeclaredVariables(parent)[0] ?? null;
  } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && parent.left.type === AST_NODE_TYPES.Identifier) {
    variable = findVariable(context.sourceCode.getScope(parent.left), parent.left);
  }
  return variable?.references.some((reference) => isOpenerOf(reference.identifier)) ?? false;
}

/** Whether a value is the receiver of a call that opens it (`value.connect()`). */
function isOpenerOf(value: Node): boolean {
  const member = value.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return false;
  const name = propertyName(member);
  return name !== null && opensHandle(name) && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

function isHook(call: TestCall, scope: 'each' | 'all'): boolean {
  return call.kind === 'hook' && call.hook?.when === 'before' && call.hook.scope === scope;
}

/** The suite call (`describe`) that holds a hook or test, or `null` for the file. */
function suiteOf(context: Context, call: TestCall): Node | null {
  return testPlaceOf(context, call.node).call?.node ?? null;
}

/**
 * Whether a test is about building what it builds: building it is expected to fail
 * (`expect(() => new Cluster(…)).toThrow()`, `expect(connect()).rejects`, `assert.rejects(…)`), the
 * test asserts on it (`expect(client.options.keyPrefix)`, `assert.strictEqual(pool.poolAlias, 'a')`),
 * or it closes what it opened itself.
 */
function isAboutBuilding(context: Context, call: InfrastructureCall, closes: readonly CloseCall[]): boolean {
  const callback = call.owner.callback as Node;
  if (insideAssertion(context, call.node, callback)) return true;
  if (isDisposedWithTest(call.node, call.statement)) return true;
  const asserted = (reference: TSESLint.Scope.Reference) => isWithin(reference.identifier, callback) && isAsserted(context, reference.identifier, callback);
  if (builtVariables(context, call).some((variable) => variable.references.some(asserted))) return true;
  const built = builtVariables(context, call);
  // `new KeyvValkey(new Redis(url))`: built in place for a wrapper, which holds it and closes it.
  const holders = built.length > 0 ? built : [...wrapperVariables(context, call), ...receiverVariables(context, call)];
  return closes.some((close) => close.runsIn === call.owner && close.binding !== null && (holders.includes(close.binding) || wrapsBuilt(close.binding, holders, callback)));
}

/**
 * Whether a test changes the handle a hook built: `orm.discoverEntity(…)`, `orm.config.set(…)`,
 * `client.options.prefix = 'x'`, or handing it to a function that does (`logQueries(orm)`). Also
 * replacing one of its methods (`sinon.stub(client, 'ping')`), on the handle or on what the test
 * builds from it (`sinon.stub(limiter.client, 'functionLoad')` after `limiter = new Limiter({
 * storeClient: client })`): shared, the handle would keep a stub no one restores.
 */
function isReconfiguredByTests(context: Context, call: InfrastructureCall, tests: readonly TestCall[]): boolean {
  const bodies = tests.flatMap((test) => (test.kind === 'test' && test.callback ? [test.callback] : []));
  const handles = providedBy(context, call.statement);
  const changed = handles.some((variable) =>
    variable.references.some((reference) => {
      const identifier = reference.identifier;
      return bodies.some((body) => isWithin(identifier, body)) && reconfiguresThrough(context, identifier, 0);
    }),
  );
  if (changed || handles.length === 0) return changed;
  return testFileOf(context).mocks.some(
    (mock) => mock.replaces && bodies.some((body) => isWithin(mock.node, body)) && mock.targets.some((target) => target.type === 'method' && reachesHandle(context, target.object, handles)),
  );
}

/**
 * Whether an object is a handle, or a member of a value a test built by handing it one (`limiter.client`):
 * the built value itself (`sinon.stub(limiter, 'block')`) is the test's own, not the handle.
 */
function reachesHandle(context: Context, object: Node, handles: readonly TSESLint.Scope.Variable[]): boolean {
  const root = chainRootOf(object);
  const resolution = root && resolveName(context, root);
  if (resolution?.type !== 'local') return false;
  if (handles.includes(resolution.variable)) return true;
  if (unwrap(object) === root) return false;
  const value = singleValueOf(resolution.variable);
  const built = value && unwrap(value);
  if (built?.type !== AST_NODE_TYPES.NewExpression && built?.type !== AST_NODE_TYPES.CallExpression) return false;
  return built.arguments.some((argument) => handedIn(context, argument, handles));
}

/** Whether an argument is a handle, or an object literal that holds one (`{ storeClient: client }`). */
function handedIn(context: Context, argument: Node, handles: readonly TSESLint.Scope.Variable[]): boolean {
  const value = unwrap(argument);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, value);
    return resolution.type === 'local' && handles.includes(resolution.variable);
  }
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return value.properties.some((property) => property.type === AST_NODE_TYPES.Property && handedIn(context, property.value, handles));
}

const MAX_HAND_OFF_DEPTH = 3;

/**
 * Whether a call the handle is handed to may change it (`logQueries(orm)`, whose body calls
 * `orm.config.set(…)`): one of the file's functions that reconfigures that parameter, or hands it on
 * to one that does; a project module's function whose summary says it reconfigures it; or a
 * project function that cannot be read, which may do anything to it. A package's function
 * (`wrap(orm)`) is the library's, and not taken to.
 */
function handsHandleToReconfigure(context: Context, call: TSESTree.CallExpression, position: number, depth: number): boolean {
  if (position < 0 || depth > MAX_HAND_OFF_DEPTH || call.arguments.slice(0, position).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  const local = calledLocalFunction(context, call);
  if (local) {
    const param = local.params[position];
    if (param?.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = parameterVariable(context, local, param);
    return variable?.references.some((reference) => reconfiguresThrough(context, reference.identifier, depth)) ?? false;
  }
  const exported = exportCalledBy(context, call);
  if (exported === null) return false;
  return exported === 'unknown' || exported.value.type === 'unknown' || (exported.reconfigures ?? []).includes(position);
}

/** Whether a use of a handle inside a function changes it: a reconfiguring call on it, or handing it on to one. */
function reconfiguresThrough(context: Context, identifier: Node, depth: number): boolean {
  const path: string[] = [];
  let current: Node = identifier;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) {
    const name = propertyName(current.parent);
    if (name === null) return false;
    path.push(name);
    current = current.parent;
  }
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === current) return path.length > 0 && reconfiguresHandle(path);
  if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  if (parent.callee === current) return reconfiguresHandle(path);
  return path.length === 0 && handsHandleToReconfigure(context, parent, parent.arguments.indexOf(identifier as TSESTree.CallExpressionArgument), depth + 1);
}

/** Modules whose functions assert, under whatever name the file imports them (`import { strictEqual } from 'node:assert'`). */
const ASSERTION_MODULES: ReadonlySet<string> = new Set(['assert', 'node:assert', 'assert/strict', 'node:assert/strict', 'chai']);

/**
 * An assertion: `expect(…)` (Jest, Vitest, chai), `assert(…)` and `assert.strictEqual(…)` (Node,
 * chai), node:test's `t.assert.ok(…)`, or a function imported from an assertion module.
 */
function isAssertionCall(context: Context, node: Node): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const chain = callChain(node);
  if (!chain) return false;
  const [first, second] = chain.segments;
  if (first === 'expect' || first === 'assert' || second === 'assert') return true;
  if (chain.root.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, chain.root);
  return resolution.type === 'module' && ASSERTION_MODULES.has(resolution.binding.source);
}

/** The assertion call whose argument holds the node, if any; `null` past `stop`. */
function enclosingAssertion(context: Context, node: Node, stop: Node): { assertion: TSESTree.CallExpression; path: Node[] } | null {
  const path: Node[] = [];
  for (let current = node; current.parent && current !== stop; current = current.parent) {
    path.push(current);
    if (isAssertionCall(context, current.parent) && current.parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return { assertion: current.parent, path };
  }
  return null;
}

function insideAssertion(context: Context, node: Node, stop: Node): boolean {
  return enclosingAssertion(context, node, stop) !== null;
}

/**
 * A read of the value itself inside an assertion: a property or a synchronous method
 * (`expect(pool.options.max)`, `expect(connection.mapOptions({}))`, `assert.strictEqual(pool.poolMin, 2)`).
 * A round-trip through it is a use, not an assertion on it: `expect(await pool.query(…))`,
 * `expect(pool.query(…)).resolves`, `assert.rejects(pool.query(…))`.
 */
function isAsserted(context: Context, identifier: Node, stop: Node): boolean {
  const found = enclosingAssertion(context, identifier, stop);
  if (!found) return false;
  if (found.path.some((node) => node.type === AST_NODE_TYPES.AwaitExpression)) return false;
  // `assert.rejects(pool.query(…))` waits for a round trip, as `expect(…).rejects` does.
  const callee = found.assertion.callee;
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
  if (method === 'rejects' || method === 'doesNotReject') return false;
  let outer: Node = found.assertion;
  while (outer.parent?.type === AST_NODE_TYPES.MemberExpression && outer.parent.object === outer) {
    const name = propertyName(outer.parent);
    if (name === 'resolves' || name === 'rejects') return false;
    outer = outer.parent;
  }
  return true;
}

/**
 * The variables that hold what a call builds: declared with it (`const pool = await createPool()`) or
 * assigned it (`pool = await createPool()`, to a binding a hook closes).
 */
/**
 * Whether a binding the test closes holds a wrapper of what it built (`wrapClient(raw)`), which closes
 * what it wraps. Something made by a method of the build (`connection.createChannel()`, a session, a
 * checked-out client) is closed on its own and leaves the build open.
 */
function wrapsBuilt(binding: TSESLint.Scope.Variable, built: readonly TSESLint.Scope.Variable[], callback: Node): boolean {
  if (built.length === 0 || !binding.defs.some((def) => isWithin(def.name, callback))) return false;
  const value = singleValueOf(binding);
  const made = value && unwrap(value);
  if (made?.type !== AST_NODE_TYPES.CallExpression && made?.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = unwrap(made.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier && built.some((variable) => variable.name === object.name)) return false;
  }
  // Handed over whole (`wrapClient(raw)`, `new Store({ client: redis })`); a client configured from
  // what it reads off it (`new Client({ url: container.getConnectionUri() })`) wraps nothing.
  const handedOver = (identifier: Node) => !(identifier.parent?.type === AST_NODE_TYPES.MemberExpression && identifier.parent.object === identifier);
  return built.some((variable) => variable.references.some((reference) => isWithin(reference.identifier, made) && handedOver(reference.identifier)));
}

/** The variables holding a wrapper a build is handed to where it is made: `keyv` in `const keyv = new KeyvValkey(new Redis(url))`. */
function wrapperVariables(context: Context, call: InfrastructureCall): readonly TSESLint.Scope.Variable[] {
  let current: Node = call.node;
  while (current.parent?.type === AST_NODE_TYPES.AwaitExpression || current.parent?.type === AST_NODE_TYPES.TSAsExpression) current = current.parent;
  const wrapper = current.parent;
  if ((wrapper?.type !== AST_NODE_TYPES.NewExpression && wrapper?.type !== AST_NODE_TYPES.CallExpression) || !wrapper.arguments.includes(current as TSESTree.CallExpressionArgument)) return [];
  return builtVariables(context, { ...call, node: wrapper });
}

/**
 * The variable a call opens when it is a method of it: `ds` in `await ds.initialize()`, `client` in
 * `await client.connect()`. Closing that variable closes what the call opened.
 */
function receiverVariables(context: Context, call: InfrastructureCall): readonly TSESLint.Scope.Variable[] {
  if (call.node.type !== AST_NODE_TYPES.CallExpression) return [];
  const callee = unwrap(call.node.callee);
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : null;
  if (receiver?.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = findVariable(context.sourceCode.getScope(receiver), receiver);
  return variable ? [variable] : [];
}

function builtVariables(context: Context, call: InfrastructureCall): readonly TSESLint.Scope.Variable[] {
  const holder = enclosingHolder(call.node, call.statement);
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator) return context.sourceCode.getDeclaredVariables(holder);
  if (holder?.left.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = findVariable(context.sourceCode.getScope(holder), holder.left);
  return variable ? [variable] : [];
}

function enclosingHolder(node: Node, stop: Node): TSESTree.VariableDeclarator | TSESTree.AssignmentExpression | null {
  for (let current: Node | undefined = node.parent; current && current !== stop.parent; current = current.parent) {
    if (current.type === AST_NODE_TYPES.VariableDeclarator) return current;
    // `new PostgreSqlContainer().start()`: a call that starts what was built hands it on.
    if (current.type === AST_NODE_TYPES.MemberExpression && current.parent?.type === AST_NODE_TYPES.CallExpression && current.parent.callee === current && callRoleOf(current.parent) === 'infrastructure') {
      current = current.parent;
      continue;
    }
    if (current.type === AST_NODE_TYPES.AssignmentExpression) return current.operator === '=' ? current : null;
    if (current.type !== AST_NODE_TYPES.AwaitExpression && current.type !== AST_NODE_TYPES.TSAsExpression && current.type !== AST_NODE_TYPES.TSNonNullExpression && current.type !== AST_NODE_TYPES.ChainExpression) return null;
  }
  return null;
}

/**
 * Whether what a call builds is held by a `using` or `await using` declaration of its statement
 * (`await using network = await new Network().start()`), which closes it when the test's block ends.
 */
function isDisposedWithTest(node: Node, statement: Node): boolean {
  let current: Node = node;
  for (let parent = current.parent; parent && current !== statement; current = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === current && (parent.parent.kind === 'using' || parent.parent.kind === 'await using');
    const passesValueOn =
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === current);
    if (!passesValueOn) return false;
  }
  return false;
}

/** A close or stop call, with the binding it closes and where it runs. */
export function closeCallOf(context: Context, node: TSESTree.CallExpression): CloseCall {
  const place = testPlaceOf(context, node);
  const runsIn = place.call && place.call.kind !== 'describe' ? place.call : null;
  const owner = runsIn && enclosingFunction(node) === runsIn.callback ? runsIn : null;
  return {
    node,
    binding: rootBinding(context, node),
    owner,
    statement: owner ? statementIn(owner, node) : null,
    runsIn,
    perTest: place.kind === 'test' || (place.kind === 'hook' && place.call?.hook?.scope === 'each'),
  };
}

/**
 * The static strings in a call's configuration: arguments, values of object literals in them, the
 * arguments of what is constructed in them, and the values of the file's variables they name.
 */
function configurationStrings(context: Context, nodes: readonly Node[], depth = 0): string[] {
  if (depth > 5) return [];
  return nodes.flatMap((node) => {
    const text = staticString(node);
    if (text !== null) return [text];
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      return configurationStrings(
        context,
        node.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property ? [property.value] : [])),
        depth + 1,
      );
    }
    // What a wrapper is built on: `new Kysely({ dialect: new SqliteDialect({ database }) })`.
    if (node.type === AST_NODE_TYPES.NewExpression) return configurationStrings(context, node.arguments, depth + 1);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const resolution = resolveName(context, node);
      return resolution.type === 'local' ? configurationStrings(context, valuesOf(resolution.variable), depth + 1) : [];
    }
    return [];
  });
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

/**
 * The move of a `beforeEach` hook's infrastructure into shared hooks, with the `afterEach` statements
 * that close it, or `null` when the move could change what the tests do.
 */
export function sharedMoveFor(
  context: Context,
  tests: readonly TestCall[],
  calls: readonly InfrastructureCall[],
  candidates: readonly OpeningCandidate[],
  closes: readonly CloseCall[],
): SharedMove | null {
  const owner = (calls[0] as InfrastructureCall).owner;
  const container = owner.node.parent;
  const body = container?.parent;
  if (owner.kind !== 'hook' || container?.type !== AST_NODE_TYPES.ExpressionStatement || !body || (body.type !== AST_NODE_TYPES.BlockStatement && body.type !== AST_NODE_TYPES.Program)) return null;
  const callback = owner.callback as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  const blockStatements: readonly Node[] = callback.body.type === AST_NODE_TYPES.BlockStatement ? callback.body.body : [callback.body];
  const keys = new BindingKeys();
  const infrastructureStatements = new Set(calls.map((call) => call.statement));
  const providers = providersOf(context, blockStatements, keys);
  // `await client.connect()` whose result is dropped connects the client itself; `client = await pool.connect()` borrows.
  const connecting = candidates.filter(({ node, facts }) => mayCheckOutConnection(facts) && enclosingFunction(node) === callback);
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
  const teardownCandidates = siblingHooks.filter((hook) => hook.name === 'afterEach').flatMap((source) => {
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
  return buildSharedMove(context, tests, {
    owner,
    body,
    moved: plan.move.map((index) => blockStatements[index] as Node),
    teardowns: plan.teardown.map((index) => teardownCandidates[index] as { source: TestCall; statement: Node }),
    siblingHooks,
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
  const movable = inputs.ok && hasMovableShape(context, statement);
  return { infrastructure, movable, provides, reads: inputs.reads, builds: [...provides, ...started] };
}

/**
 * A plain call, an assignment with `=`, or a declaration of one binding. In TypeScript, a declaration
 * also needs a type the suite-level `let` can carry.
 */
function hasMovableShape(context: Context, statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    const [declarator, ...others] = statement.declarations;
    if (!declarator || others.length > 0 || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return false;
    return declaredTypeOf(context, declarator) !== null;
  }
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
