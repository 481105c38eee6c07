import path from 'node:path';
import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isGenericContainerModule, isRelativeSpecifier, serviceDomainOf, speaksHttp, type BoundaryModule } from '../core/boundaries';
import { mayAnswerService } from '../core/http-fakes';
import type { BoundaryFact, Cleanup, CleanupPlace } from '../core/require-cleanup';
import {
  classifyCall,
  classifySql,
  DATABASE_NAME_KEYS,
  DATABASE_URL_KEYS,
  databaseOfUrl,
  GENERIC_FILE_WORDS,
  isWrite,
  namesInMemoryStore,
  RANDOM_VALUE_CALL,
  REJECTION_MATCHERS,
  runsSql,
  schemaWorkOf,
  type CallFacts,
  type WriteTarget,
  writeTargetOf,
} from '../core/vocabulary';
import { boundaryOfSpecifier, boundaryOfValue, libraryBoundaryOfSpecifier, moduleOriginOf, reachedBoundaryOfValue } from './boundary-values';
import { callChain, callFacts, callRoleOf, isWithin, propertyName, unwrap } from './call-chain';
import { fileCache } from './file-cache';
import { resolveName, type ModuleBinding } from './imports';
import { calledLocalFunction, functionOf, someCallIn, valuesOf, type FunctionNode } from './local-bindings';
import { singleValueOf } from './variables';
import { isStandInFunction } from './mocks';
import { exportOfSpecifier, isMockedAway, isPackageOrBuiltin, moduleIdentityOf, summaryOfSpecifier } from './project-modules';
import { exportedObjectOf } from './exported-objects';
import { partialTextOf } from './static-text';
import { testFileOf } from './test-file';
import { parseTeardownRegistration, testPlaceOf, type TestCall } from './test-calls';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type WritingCall = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

/** The object a method is called on (`pool` in `pool.query()`), or a tagged template's tag. */
export function receiverOf(node: WritingCall): Node | null {
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return node.tag;
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : null;
}

/** The boundary a value was traced to, as the core reads it. */
export function boundaryFact(context: Context, node: Node | null): BoundaryFact | null {
  const boundary = node ? reachedBoundaryOfValue(context, node, true) : null;
  return boundary ? { kind: boundary.kind, role: boundary.role } : null;
}

/** All the text of a tagged template or of a call's first string argument, for commands that hide SQL inside. */
export function fullText(node: WritingCall): string {
  const first = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node.quasi : node.arguments[0];
  // `client.command({ query: 'DROP TABLE …' })`, `pool.query({ text: 'DELETE …', values })`: the statement an options object carries.
  const source = first?.type === AST_NODE_TYPES.ObjectExpression ? statementOption(first) : first;
  if (!source) return '';
  if (source.type === AST_NODE_TYPES.Literal) return typeof source.value === 'string' ? source.value : '';
  const template = source.type === AST_NODE_TYPES.TaggedTemplateExpression ? source.quasi : source;
  if (template.type !== AST_NODE_TYPES.TemplateLiteral) return '';
  return template.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(' ');
}

/** The keys under which a client's options carry the statement to run. */
const STATEMENT_OPTIONS: ReadonlySet<string> = new Set(['query', 'sql', 'text', 'statement']);

function statementOption(options: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    if (STATEMENT_OPTIONS.has(property.key.name)) return property.value;
  }
  return undefined;
}

/**
 * Whether a call sends SQL that removes rows or tables, written in any case, through a SQL runner or
 * one of the file's own functions that hands its first parameter to one: `connection.execute(sql)`
 * after `const sql = 'drop table orders purge'`, `runSql('delete from orders')` with
 * `async function runSql(text) { await connection.execute(text); }`.
 */
export function removesThroughSql(context: Context, node: WritingCall, facts: CallFacts): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const last = facts.segments[facts.segments.length - 1] ?? '';
  if (!runsSql(last) && !(facts.segments.length === 1 && forwardsToSqlRunner(context, node))) return false;
  const text = facts.text ?? leadingTextOf(context, node.arguments[0]);
  return text !== undefined && classifySql(text) === 'cleanup';
}

/**
 * The known text a statement starts with, read as far as the file shows it ({@link partialTextOf}):
 * `sql` after `const sql = 'DROP TABLE ' + tableName + ' PURGE'`.
 */
function leadingTextOf(context: Context, node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const [first] = partialTextOf(context, node);
  return first?.type === 'text' ? first.value : undefined;
}

/**
 * `coll.drop()` in a test that made `coll` itself, earlier in its steps, by schema work
 * (`const coll = await db.createCollection('orders_7')`): the test drops the store it wrote to, and
 * everything in it, wherever the drop stands in the test.
 */
export function dropsStoreMadeInTest(context: Context, node: WritingCall): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (propertyName(node.callee) !== 'drop') return false;
  const receiver = unwrap(node.callee.object);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const test = testPlaceOf(context, node).call;
  if (test?.kind !== 'test' || !test.callback) return false;
  const resolution = resolveName(context, receiver);
  const callback = test.callback;
  if (resolution.type !== 'local' || !resolution.variable.defs.every((def) => isWithin(def.name, callback))) return false;
  const value = singleValueOf(resolution.variable);
  const made = value && unwrap(value);
  if (made?.type !== AST_NODE_TYPES.CallExpression) return false;
  const facts = callFacts(made);
  return facts !== null && schemaWorkOf(facts) === 'build';
}

const sqlForwarders = fileCache<FunctionNode, boolean>();

/** Whether a call runs one of the file's functions that hands its first parameter to a SQL runner as the statement. */
function forwardsToSqlRunner(context: Context, node: TSESTree.CallExpression): boolean {
  const fn = calledLocalFunction(context, node);
  const parameter = fn?.params[0];
  if (!fn || parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  let answer = sqlForwarders.get(fn);
  if (answer === undefined) {
    answer = someCallIn(context, fn, (call) => {
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const statement = call.arguments[0];
      return runsSql(propertyName(call.callee) ?? '') && statement?.type === AST_NODE_TYPES.Identifier && statement.name === parameter.name;
    });
    sqlForwarders.set(fn, answer);
  }
  return answer;
}

/** Where a write was traced to, and the name to clean through. */
export interface TracedWrite {
  readonly boundary: BoundaryModule | null;
  readonly client: string | null;
}

export function traceWrite(context: Context, node: WritingCall, target: WriteTarget): TracedWrite {
  return target === 'argument' && node.type === AST_NODE_TYPES.CallExpression ? traceHelper(context, node) : traceReceiver(context, node);
}

/**
 * Whether the file mocks the module a traced write's boundary comes from, so nothing real is
 * written: a mock of the module, of the package behind a project wrapper, or of the project module
 * that wraps the client. A write that cannot be traced may go to whatever the file mocks: when the
 * file replaces a boundary's client, or a project module that reaches one, it is not said to be real.
 */
export function isMockedWrite(context: Context, traced: TracedWrite, mocked: ReadonlySet<string>): boolean {
  if (traced.boundary === null) return mocksABoundary(context, mocked);
  return isMockedAway(context, traced.boundary.specifier, traced.boundary.kind, mocked);
}

/**
 * Whether a traced write goes through a client that sends each call as an HTTP request to its
 * service (an S3 or SQS client), in a file that sets up an HTTP fake which may be the one answering
 * it (a nock scope for the service's host or one the file does not spell out, msw): then the fake
 * answers and nothing is stored.
 */
export function isAnsweredByHttpFake(context: Context, traced: TracedWrite): boolean {
  const specifier = traced.boundary?.specifier;
  return specifier !== undefined && speaksHttp(specifier) && mayAnswerService(testFileOf(context).httpFakes, serviceDomainOf(specifier));
}

/** The answer for a file's set of mocked modules, with the size the set had (setup files may add to it). */
const boundaryMocks = fileCache<ReadonlySet<string>, { readonly size: number; readonly answer: boolean }>();

/**
 * Whether a module the file mocks is a boundary's client (or what starts one, a container), or a
 * project module that reaches one or cannot be read. A mocked HTTP fake library stands in for nothing a
 * write could go to.
 */
function mocksABoundary(context: Context, mocked: ReadonlySet<string>): boolean {
  const known = boundaryMocks.get(mocked);
  if (known?.size === mocked.size) return known.answer;
  const answer = [...mocked].some((key) => {
    if (!path.isAbsolute(key)) return (libraryBoundaryOfSpecifier(context, key)?.role ?? 'fake') !== 'fake';
    const summary = summaryOfSpecifier(context, key);
    return summary === 'unknown' || (summary !== null && summary.boundaryKinds.length > 0);
  });
  boundaryMocks.set(mocked, { size: mocked.size, answer });
  return answer;
}

/**
 * A project helper writes through the module it comes from, or through the boundary value it is
 * handed. Only catalog and declared boundaries count here: that a project class reaches a boundary
 * somewhere says too little about a value merely handed to a helper nobody read.
 */
function traceHelper(context: Context, node: TSESTree.CallExpression): { boundary: BoundaryModule | null; client: string | null } {
  const own = boundaryOfValue(context, node.callee);
  if (own) return { boundary: own, client: null };
  for (const argument of node.arguments) {
    const boundary = boundaryOfValue(context, argument);
    if (boundary) return { boundary, client: argument.type === AST_NODE_TYPES.Identifier ? argument.name : null };
  }
  return { boundary: null, client: null };
}

/** A method writes through its receiver: `pool` in `pool.query(…)`, `sql` in ``sql`INSERT …` ``. */
function traceReceiver(context: Context, node: WritingCall): { boundary: BoundaryModule | null; client: string | null } {
  const receiver = receiverOf(node);
  const boundary = receiver ? reachedBoundaryOfValue(context, receiver, true) : null;
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    return { boundary, client: node.tag.type === AST_NODE_TYPES.Identifier ? node.tag.name : null };
  }
  const chain = callChain(node);
  const root = chain?.root;
  return { boundary, client: (chain?.segments.length ?? 0) > 1 && root?.type === AST_NODE_TYPES.Identifier ? clientName(context, root) : null };
}

const clientNames = fileCache<TSESLint.Scope.Variable, string>();

/**
 * The name to clean through: `pool` rather than a `users` repository built from it (an adapter seldom
 * offers a way to empty its tables; the client it was handed does).
 */
function clientName(context: Context, root: TSESTree.Identifier): string {
  const resolution = resolveName(context, root);
  if (resolution.type !== 'local') return root.name;
  const { variable } = resolution;
  let name = clientNames.get(variable);
  if (name === undefined) {
    name = reachedBoundaryOfValue(context, root, true)?.role === 'adapter' ? (adapterClientOf(context, variable) ?? root.name) : root.name;
    clientNames.set(variable, name);
  }
  return name;
}

/** The boundary client an adapter variable was built from: `pool` in `repo = new UserRepository(pool)`. */
function adapterClientOf(context: Context, variable: TSESLint.Scope.Variable): string | null {
  const made = valuesOf(variable).find(
    (value): value is TSESTree.NewExpression | TSESTree.CallExpression =>
      value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression,
  );
  const client = made?.arguments.find(
    (argument): argument is TSESTree.Identifier =>
      argument.type === AST_NODE_TYPES.Identifier && reachedBoundaryOfValue(context, argument, true)?.role === 'client',
  );
  return client?.name ?? null;
}

/**
 * Where a cleanup runs. In a test, its own steps are `test` (a reset before the test's writes, or the
 * delete the test is about), while its `finally` block and the callbacks it registers to run after
 * itself (`onTestFinished`, `t.after`) are `elsewhere`.
 */
export function cleanupPlaceOf(context: Context, node: Node, hook: TestCall | null): CleanupPlace {
  if (hook) return hook.name === 'beforeEach' ? 'before-each' : hook.name === 'beforeAll' ? 'before-all' : 'elsewhere';
  const place = testPlaceOf(context, node);
  if (place.kind !== 'test' || !place.call) return 'elsewhere';
  const body = place.call.callback;
  for (let child: Node = node, parent = node.parent; parent && child !== body; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === child) return 'elsewhere';
    if (
      (child.type === AST_NODE_TYPES.ArrowFunctionExpression || child.type === AST_NODE_TYPES.FunctionExpression) &&
      parent.type === AST_NODE_TYPES.CallExpression &&
      parseTeardownRegistration(context, parent) === child
    ) {
      return 'elsewhere';
    }
  }
  return 'test';
}

/** Whether a call's root comes from a package that is not a boundary, such as `cleanup` from Testing Library or a sinon stub. */
export function isFromUnrelatedPackage(context: Context, node: WritingCall): boolean {
  const root = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node.tag : callChain(node)?.root;
  if (root?.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, root);
  if (resolution.type === 'global') return false;
  const source = resolution.type === 'module' ? resolution.binding.source : moduleOriginOf(context, root);
  return source !== null && isUnrelatedPackage(context, source);
}

function isUnrelatedPackage(context: Context, source: string): boolean {
  if (isRelativeSpecifier(source) || source.startsWith('/')) return false;
  if (!isPackageOrBuiltin(context, source)) return false;
  return !boundaryOfSpecifier(context, source) && !isGenericContainerModule(source);
}

/** `afterEach(resetDatabase)`: a hook handed a cleanup helper by name. */
export function namedHookCleanups(context: Context, hook: TestCall): Cleanup[] {
  return hook.node.arguments.flatMap((argument) => {
    if (argument.type !== AST_NODE_TYPES.Identifier || classifyCall({ segments: [argument.name] }) !== 'cleanup') return [];
    const resolution = resolveName(context, argument);
    if (resolution.type === 'module' && isUnrelatedPackage(context, resolution.binding.source)) return [];
    return [{ kind: null }];
  });
}

/**
 * Whether a write is made where the test expects it to fail: inside `expect(…).rejects`,
 * `expect(() => …).toThrow()`, `assert.rejects(…)` or chai's `rejectedWith`, or written so that its
 * success fails the test: `try { await write(); throw new Error('should have failed') } catch (err)
 * { … }`, or `write().then(() => reject(new Error('…'))).catch(check)`. Such a write is the
 * behaviour under test, not data left behind.
 */
export function isExpectedToFail(node: Node): boolean {
  return isInsideRejectionMatcher(node) || failsInTryOnSuccess(node) || failsInThenOnSuccess(node);
}

/** Names of calls that fail a test: `assert.fail()`, `expect.fail()`, `t.fail()`, a bare `fail()`. */
const FAILING_CALLS: ReadonlySet<string> = new Set(['fail']);
/** Callbacks a test or a promise hands out, called with an error to fail: `reject(new Error(…))`, `done(new Error(…))`. */
const ERROR_CALLBACKS: ReadonlySet<string> = new Set(['reject', 'done', 'cb', 'callback', 'next']);

/** Whether a statement fails the test when it runs: `throw …`, `assert.fail(…)`, `reject(new Error(…))`. */
function failsTest(statement: TSESTree.Statement | undefined): boolean {
  if (statement?.type === AST_NODE_TYPES.ThrowStatement) return true;
  return statement?.type === AST_NODE_TYPES.ExpressionStatement && failsTestWhenRun(statement.expression);
}

/** `assert.fail(…)`, `fail()`, or an error handed to the callback that ends the test or the promise: `done(new Error(…))`. */
function failsTestWhenRun(node: Node): boolean {
  const expression = unwrap(node);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = lastName(expression.callee) ?? '';
  if (FAILING_CALLS.has(name)) return true;
  const [first] = expression.arguments;
  return ERROR_CALLBACKS.has(name) && expression.callee.type === AST_NODE_TYPES.Identifier && first?.type === AST_NODE_TYPES.NewExpression;
}

/** The statement a write is the whole of (`await conn.query(…)`, `const rows = await conn.query(…)`). */
function statementOf(node: Node): TSESTree.Statement | null {
  let current: Node = node;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.AwaitExpression || current.parent.type === AST_NODE_TYPES.ChainExpression || current.parent.type === AST_NODE_TYPES.TSAsExpression || current.parent.type === AST_NODE_TYPES.TSNonNullExpression)) {
    current = current.parent;
  }
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.parent.declarations.length === 1) return parent.parent;
  return null;
}

/** `try { await write(); throw new Error('must fail') } catch (err) { … }`: the statement after the write fails the test. */
function failsInTryOnSuccess(node: Node): boolean {
  const statement = statementOf(node);
  const block = statement?.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement || block.parent?.type !== AST_NODE_TYPES.TryStatement) return false;
  const attempt = block.parent;
  if (attempt.block !== block || !attempt.handler) return false;
  return failsTest(block.body[block.body.indexOf(statement as TSESTree.Statement) + 1]);
}

/** `write().then(() => { reject(new Error('must fail')) }).catch(check)`, or `.then(fail, check)`: its success fails the test, its failure is checked. */
function failsInThenOnSuccess(node: Node): boolean {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || propertyName(member) !== 'then') return false;
  const then = member.parent;
  if (then?.type !== AST_NODE_TYPES.CallExpression || then.callee !== member) return false;
  const [onSuccess, onFailure] = then.arguments;
  const success = onSuccess ? unwrap(onSuccess) : null;
  if (success?.type !== AST_NODE_TYPES.ArrowFunctionExpression && success?.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const body = success.body;
  if (!(body.type === AST_NODE_TYPES.BlockStatement ? failsTest(body.body[0]) : failsTestWhenRun(body))) return false;
  if (onFailure) return true;
  const next = then.parent;
  return next?.type === AST_NODE_TYPES.MemberExpression && next.object === then && propertyName(next) === 'catch';
}

function isInsideRejectionMatcher(node: Node): boolean {
  let child: Node = node;
  for (let parent = node.parent, depth = 0; parent && depth < 12; child = parent, parent = parent.parent, depth++) {
    if (parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(child as TSESTree.CallExpressionArgument)) continue;
    if (REJECTION_MATCHERS.has(lastName(parent.callee) ?? '')) return true;
    // `expect(x)` followed by `.rejects…`, `.to.be.rejectedWith(…)`, `.toThrow()`.
    for (let outer: Node = parent; outer.parent; outer = outer.parent) {
      const up: Node = outer.parent;
      if (up.type === AST_NODE_TYPES.MemberExpression && up.object === outer) {
        if (REJECTION_MATCHERS.has(propertyName(up) ?? '')) return true;
      } else if (!(up.type === AST_NODE_TYPES.CallExpression && up.callee === outer)) {
        break;
      }
    }
  }
  return false;
}

function lastName(callee: Node): string | null {
  const node = unwrap(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return node.type === AST_NODE_TYPES.MemberExpression ? propertyName(node) : null;
}

/**
 * Whether a write in a test goes to a store the same test starts and lets go of: through a client
 * made (directly or through the test's other values) from what `new …(…).start()` gave, which the
 * test holds with `using` / `await using` or stops itself (`await container.stop()`). The store and
 * what was written to it end with the test, whatever system it runs. The started value itself is not
 * such a client: disposing of a connection (`await using conn = …`) closes it and keeps its data.
 */
export function writesIntoStoreOfTest(context: Context, node: WritingCall): boolean {
  const root = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? unwrap(node.tag) : callChain(node)?.root;
  if (root?.type !== AST_NODE_TYPES.Identifier) return false;
  const test = testPlaceOf(context, node).call;
  if (test?.kind !== 'test' || !test.callback) return false;
  return isMadeFromStoreOfTest(context, root, test.callback, 0);
}

function isMadeFromStoreOfTest(context: Context, identifier: TSESTree.Identifier, callback: FunctionNode, depth: number): boolean {
  const resolution = resolveName(context, identifier);
  if (resolution.type !== 'local' || depth > 3) return false;
  const { variable } = resolution;
  if (!variable.defs.every((def) => isWithin(def.name, callback))) return false;
  if (depth > 0 && isStoreStartedInTest(context, variable, callback)) return true;
  // The test's own values the client is made from: `createClient({ url: container.getConnectionUrl() })`,
  // each time it is made (a client made again after a restart).
  const values = valuesOf(variable);
  const others = context.sourceCode.getScope(callback).variables;
  return (
    values.length > 0 &&
    values.every((value) =>
      others.some((other) => {
        const read = other !== variable && other.references.find((reference) => isWithin(reference.identifier, value));
        return read ? isMadeFromStoreOfTest(context, read.identifier as TSESTree.Identifier, callback, depth + 1) : false;
      }),
    )
  );
}

/** `await using container = await new RedisContainer(image).start()`, or one the test stops itself. */
function isStoreStartedInTest(context: Context, variable: TSESLint.Scope.Variable, callback: FunctionNode): boolean {
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== 'Variable' || !definition.node.init) return false;
  const started = unwrap(definition.node.init);
  if (started.type !== AST_NODE_TYPES.CallExpression || !STARTS.has(lastName(started.callee) ?? '') || !isConstructed(context, started, true)) return false;
  const { kind } = definition.parent;
  return (
    kind === 'using' ||
    kind === 'await using' ||
    variable.references.some(({ identifier }) => {
      const member = identifier.parent;
      return (
        isWithin(identifier, callback) &&
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === identifier &&
        member.parent.type === AST_NODE_TYPES.CallExpression &&
        member.parent.callee === member &&
        callRoleOf(member.parent) === 'stop'
      );
    })
  );
}

/** `new RedisContainer(image).withPassword(secret)`, or a variable holding one (`container` in `container.start()`). */
function isConstructed(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression, followRoot: boolean): boolean {
  const chain = callChain(node);
  if (!chain) return false;
  if (chain.constructed.size > 0) return true;
  if (!followRoot || chain.root.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, chain.root);
  const value = resolution.type === 'local' ? singleValueOf(resolution.variable) : null;
  const made = value && unwrap(value);
  return (made?.type === AST_NODE_TYPES.CallExpression || made?.type === AST_NODE_TYPES.NewExpression) && isConstructed(context, made, false);
}

const STARTS: ReadonlySet<string> = new Set(['start', 'up']);

/**
 * Whether a write goes through an instance with no connection behind it: one made by `drizzle.mock()`,
 * or a query builder configured with a `client` but no `connection` (`knex({ client: 'pg' })`).
 */
export function isConnectionless(context: Context, node: WritingCall): boolean {
  const root = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node.tag : callChain(node)?.root;
  if (root?.type !== AST_NODE_TYPES.Identifier) return false;
  return isConnectionlessValue(context, root, 0);
}

/**
 * A variable made by `drizzle.mock()`, `knex({ client })`, by wrapping one (`withReplicas(mockDb, […])`),
 * or built on a test double (`new UserRepository(vi.fn(() => fakeEm)())`, `new OrderService({ orders:
 * { save: vi.fn() } })`).
 */
const connectionlessVariables = fileCache<TSESLint.Scope.Variable, boolean>();

function isConnectionlessValue(context: Context, identifier: TSESTree.Identifier, depth: number): boolean {
  const resolution = resolveName(context, identifier);
  if (resolution.type !== 'local' || depth > 3) return false;
  // Asked from the top, the answer is the variable's own, the same for every write through it.
  if (depth === 0) {
    const cached = connectionlessVariables.get(resolution.variable);
    if (cached !== undefined) return cached;
    const answer = connectionlessValues(context, resolution.variable, depth);
    connectionlessVariables.set(resolution.variable, answer);
    return answer;
  }
  return connectionlessValues(context, resolution.variable, depth);
}

function connectionlessValues(context: Context, variable: TSESLint.Scope.Variable, depth: number): boolean {
  return valuesOf(variable).some(
    (value) =>
      (value.type === AST_NODE_TYPES.CallExpression && (makesConnectionless(context, value, depth) || isStandInFunction(context, value.callee))) ||
      (value.type === AST_NODE_TYPES.NewExpression &&
        value.arguments.some((argument) => (argument.type === AST_NODE_TYPES.Identifier && isConnectionlessValue(context, argument, depth + 1)) || isDoubleObject(context, argument, 0))),
  );
}

/**
 * An object written in the test whose every member stands in for a function: a mock function, a
 * function literal, a variable given only those, or another such object (`{ orders: { upsert,
 * findMany } } as unknown as Database`, with `upsert = jest.fn()`). A client built on it calls those.
 */
function isDoubleObject(context: Context, node: Node, depth: number): boolean {
  const object = unwrap(node);
  if (object.type !== AST_NODE_TYPES.ObjectExpression || object.properties.length === 0 || depth > 3) return false;
  return object.properties.every((property) => {
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init') return false;
    const value = unwrap(property.value);
    if (value.type === AST_NODE_TYPES.ObjectExpression) return isDoubleObject(context, value, depth + 1);
    if (value.type !== AST_NODE_TYPES.Identifier) return isStandInFunction(context, value);
    const resolution = resolveName(context, value);
    if (resolution.type !== 'local') return false;
    const values = valuesOf(resolution.variable);
    return values.length > 0 && values.every((given) => isStandInFunction(context, given));
  });
}

function makesConnectionless(context: Context, call: TSESTree.CallExpression, depth: number): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'mock') return true;
  const first = call.arguments[0];
  if (first?.type === AST_NODE_TYPES.Identifier && isConnectionlessValue(context, first, depth + 1)) return true;
  const options = call.arguments[0];
  if (call.arguments.length !== 1 || options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const keys = options.properties.flatMap((property) =>
    property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier ? [property.key.name] : [],
  );
  return keys.includes('client') && !keys.some((key) => key === 'connection' || key === 'pool' || key === 'connectionString');
}

/**
 * Whether a helper's name is all that says it writes, and it cannot be shown to: a function of the
 * file's own whose body calls no writing method, a project helper whose module summary reaches no
 * boundary (or cannot be read), a global. `seedStubFiles(dir)` may write files; `sql` may be a local
 * tag that only builds text. The same holds for `create` on an imported factory
 * (`PolicyFactory.create(fetcher)`): what its module reaches says whether it can store anything.
 */
export function isLocalHelperWithoutWrites(context: Context, node: WritingCall, facts: CallFacts): boolean {
  if (facts.segments.length === 2 && facts.text === undefined && writeTargetOf(facts) === 'named') return isImportedFactoryWithoutWrites(context, node);
  if (facts.segments.length !== 1) return false;
  const callee = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node.tag : unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, callee);
  if (resolution.type === 'local') {
    const fn = functionOf(resolution.variable);
    return fn !== null && !bodyWrites(context, fn);
  }
  if (handsBoundary(context, node)) return false;
  // A template tag that comes from a module (`sql` from a client module) runs what it is given.
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return false;
  if (resolution.type === 'global') return true;
  return reachesNoBoundary(context, callee, resolution.binding);
}

/**
 * Whether a write named by its function (`seedWidget(store, …)`) calls one of the file's own
 * functions whose writes all go through its parameters: where it writes is then where what it is
 * handed leads, not what its name says. A store the test builds in memory and hands to it stores
 * nothing outside the test.
 */
export function writesThroughItsParameters(context: Context, node: WritingCall): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const fn = calledLocalFunction(context, node);
  if (!fn || fn.params.length === 0) return false;
  let answer = throughParameters.get(fn);
  if (answer === undefined) {
    let through = false;
    const elsewhere = someCallIn(context, fn, (call) => {
      if (call.type === AST_NODE_TYPES.NewExpression) return false;
      const facts = callFacts(call);
      if (facts === null) return false;
      if (facts.segments.length === 1) return writeTargetOf(facts) === 'named';
      if (!writesByItsWords(facts)) return false;
      const root = call.type === AST_NODE_TYPES.TaggedTemplateExpression ? unwrap(call.tag) : callChain(call)?.root;
      if (root?.type !== AST_NODE_TYPES.Identifier || !isParameterOf(context, root, fn)) return true;
      through = true;
      return false;
    });
    answer = through && !elsewhere;
    throughParameters.set(fn, answer);
  }
  return answer;
}

const throughParameters = fileCache<FunctionNode, boolean>();

function isParameterOf(context: Context, name: TSESTree.Identifier, fn: FunctionNode): boolean {
  const resolution = resolveName(context, name);
  return resolution.type === 'local' && resolution.variable.defs.some((definition) => definition.type === 'Parameter' && definition.node === fn);
}

/** A factory's `create` called on an import: one of the file's own factories is left to its name. */
function isImportedFactoryWithoutWrites(context: Context, node: WritingCall): boolean {
  const root = node.type === AST_NODE_TYPES.CallExpression ? callChain(node)?.root : undefined;
  if (root?.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, root);
  return resolution.type === 'module' && !handsBoundary(context, node) && reachesNoBoundary(context, root, resolution.binding);
}

/**
 * Whether an imported helper cannot be shown to reach a boundary: its project module's summary reaches
 * none for it, or cannot be read; or it comes from a package and is no boundary value itself.
 */
function reachesNoBoundary(context: Context, name: TSESTree.Identifier, binding: ModuleBinding): boolean {
  const summary = summaryOfSpecifier(context, binding.source);
  if (summary === null) return !boundaryOfValue(context, name);
  if (summary === 'unknown') return true;
  return (summary.exports.get(binding.imported)?.boundaryKinds.length ?? 0) === 0;
}

/** Whether a call is handed a value traced to a boundary (`reset(db)`, `createUser(pool)`). */
export function handsBoundary(context: Context, node: WritingCall): boolean {
  return node.type === AST_NODE_TYPES.CallExpression && node.arguments.some((argument) => boundaryOfValue(context, argument) !== null);
}

/** Whether a call's method name or the SQL it is handed says it writes (`repo.save(…)`, `db.query('INSERT …')`). */
function writesByItsWords(facts: CallFacts): boolean {
  return isWrite(classifyCall(facts)) || (facts.text !== undefined && isWrite(classifySql(facts.text)));
}

const bodyWritesCache = fileCache<FunctionNode, boolean>();

/** Whether a function's body calls a writing method (`repo.save(…)`) or runs SQL that writes. */
function bodyWrites(context: Context, fn: FunctionNode): boolean {
  let answer = bodyWritesCache.get(fn);
  if (answer === undefined) {
    answer = someCallIn(context, fn, (call) => {
      if (call.type === AST_NODE_TYPES.NewExpression) return false;
      const facts = callFacts(call);
      return facts !== null && facts.segments.length > 1 && writesByItsWords(facts);
    });
    bodyWritesCache.set(fn, answer);
  }
  return answer;
}

/**
 * Whether a client is made from options one of the project's modules exports whose text names a
 * database kept in memory (`new DataSource(testOptions)`, with
 * `export const testOptions = { type: 'sqlite', database: ':memory:' }` in a test helper), directly or
 * through a variable of the file holding them.
 */
export function isMadeWithInMemoryOptions(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return node.arguments.some((argument) => {
    let value: Node = argument;
    if (value.type === AST_NODE_TYPES.Identifier) {
      const resolution = resolveName(context, value);
      if (resolution.type === 'local') value = singleValueOf(resolution.variable) ?? value;
    }
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const resolution = resolveName(context, value);
    if (resolution.type !== 'module' || resolution.binding.typeOnly) return false;
    const identity = moduleIdentityOf(context, resolution.binding.source);
    if (identity.type !== 'project') return false;
    const properties = exportedObjectOf(identity.file, resolution.binding.imported);
    return properties?.some((property) => property.text !== null && namesInMemoryStore(property.text)) ?? false;
  });
}

/**
 * Whether an option names a database made for this file alone: named at random for the run
 * (`dbName: \`test_${randomUUID()}\``, `database: 'app_' + Date.now()`) or after the file itself
 * (`dbName: 'orders_482'` in `GH482.test.ts`, or `clientUrl: 'mongodb://localhost/orders_482'`).
 * Such a database holds only what this file wrote.
 */
export function isFreshDatabaseName(context: Context, property: TSESTree.Property): boolean {
  const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
  const inUrl = key !== null && DATABASE_URL_KEYS.has(key);
  if (key === null || (!DATABASE_NAME_KEYS.has(key) && !inUrl)) return false;
  let value: Node = property.value;
  if (value.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, value);
    const init = resolution.type === 'local' ? valuesOf(resolution.variable)[0] : undefined;
    if (!init) return false;
    value = init;
  }
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') {
    const name = inUrl ? databaseOfUrl(value.value) : value.value;
    return name !== null && isNamedAfterFile(name, context.filename);
  }
  return hasRandomPart(context, value, 0);
}

/**
 * What a file's text holds wherever one of its strings names a database kept in memory
 * (`namesInMemoryStore`: always with `memory`) or is a database URL ({@link isFreshDatabaseUrl}: a
 * scheme's `://`). A file without either has no string worth reading for them.
 */
export const DATABASE_STRING_WORDS = /memory|:\/\//;

/** Schemes of database connection URLs. */
const DATABASE_URL = /^(?:mongodb(?:\+srv)?|postgres(?:ql)?|mysql|mariadb|mssql|sqlserver|cockroachdb):\/\//i;

/** Whether a string is a database connection URL naming a database after this file (`'mongodb://host/orders_482'`). */
export function isFreshDatabaseUrl(context: Context, text: string): boolean {
  if (!DATABASE_URL.test(text)) return false;
  const name = databaseOfUrl(text);
  return name !== null && isNamedAfterFile(name, context.filename);
}

/** Whether a name carries a distinctive word or number of the file's own name. */
function isNamedAfterFile(name: string, filename: string): boolean {
  const lower = name.toLowerCase();
  return fileNameTokens(filename).some((token) => lower.includes(token));
}

function fileNameTokens(filename: string): string[] {
  const base = path.basename(filename).replace(/\.[^.]*$/, '');
  const words = base
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.toLowerCase());
  const numbers = base.match(/\d{3,}/g) ?? [];
  return [
    ...numbers,
    ...words.filter((word) => !GENERIC_FILE_WORDS.has(word) && (/\d/.test(word) ? word.length >= 3 : word.length >= 5)),
  ];
}

function hasRandomPart(context: Context, node: Node, depth: number): boolean {
  if (depth > 4) return false;
  const next = (child: Node) => hasRandomPart(context, child, depth + 1);
  switch (node.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.some(next);
    case AST_NODE_TYPES.BinaryExpression:
      return next(node.left) || next(node.right);
    case AST_NODE_TYPES.CallExpression: {
      // `randomUUID()`, `Date.now()`, and paths built from such parts: `join(tmpdir(), \`db-${Date.now()}\`)`.
      const segments = callChain(node)?.segments ?? [];
      return segments.some((segment) => RANDOM_VALUE_CALL.test(segment)) || node.arguments.some(next);
    }
    case AST_NODE_TYPES.Identifier: {
      const resolution = resolveName(context, node);
      const value = resolution.type === 'local' ? valuesOf(resolution.variable)[0] : undefined;
      return value !== undefined && next(value);
    }
    default:
      return false;
  }
}

/**
 * Whether a writing call's result is kept rather than run: `const query = db.update(t).set(v)` or
 * `const user = repo.create({…})` builds a statement or an entity to look at or save later. A write
 * runs when it is awaited, returned, chained or made as a statement of its own.
 */
export function isKeptUnrun(node: WritingCall): boolean {
  let child: Node = node;
  let parent = node.parent;
  while (parent && (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.ChainExpression)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === child;
  return parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child;
}

const CLASS_NAME = /^[A-Z]/;

/**
 * Whether a call is a static factory of a class a package exports: `RequestContext.create(em)`,
 * `SchemaCommandFactory.create('update')`. A package knows none of the project's tables, so its
 * classes build objects rather than rows (the project's own models, such as `User.create()`, come
 * from the project). A class of the project's own code, a workspace package's included, is read: its
 * static method is a factory when the class defines it to hand back a new instance of itself
 * (`TestNetwork.create()` ending in `return new TestNetwork(…)`), where a model's inherited
 * `User.create()` still writes a row.
 */
export function isStaticFactory(context: Context, node: WritingCall, facts: CallFacts): boolean {
  if (facts.segments.length !== 2 || facts.constructed?.has(0) || node.type !== AST_NODE_TYPES.CallExpression) return false;
  const root = callChain(node)?.root;
  if (root?.type !== AST_NODE_TYPES.Identifier || !CLASS_NAME.test(root.name)) return false;
  const resolution = resolveName(context, root);
  if (resolution.type !== 'module') return false;
  const source = resolution.binding.source;
  // A library linted from its own source is still a library: it knows none of the tests' tables.
  if (!isRelativeSpecifier(source) && (isPackageOrBuiltin(context, source) || libraryBoundaryOfSpecifier(context, source) !== null)) return true;
  // The project's class whose own static method only hands back a new instance of it.
  const method = facts.segments[1];
  const exported = resolution.binding.imported === '*' ? null : exportOfSpecifier(context, source, resolution.binding.imported);
  return method !== undefined && exported !== null && exported !== 'unknown' && (exported.staticFactories ?? []).includes(method);
}

/**
 * Whether a call goes to a helper the rule cannot read: imported from a package, or from a project
 * module with no summary. A write through it is inferred from what it is handed, and messages say so.
 */
export function isUnreadHelper(context: Context, node: WritingCall): boolean {
  const callee = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node.tag : unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, callee);
  if (resolution.type !== 'module') return false;
  const summary = summaryOfSpecifier(context, resolution.binding.source);
  return summary === null || summary === 'unknown';
}

/**
 * The one boundary kind a project function called by a write reaches (`insertSyncConfig()` whose
 * module reaches only the database), read from its summary; `null` when it reaches none or several,
 * or when it cannot be read. Names where a helper's write lands in a message.
 */
export function soleKindReachedBy(context: Context, node: WritingCall): string | null {
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(node.callee);
  const root = callee.type === AST_NODE_TYPES.Identifier ? callee : callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : null;
  if (root?.type !== AST_NODE_TYPES.Identifier) return null;
  const resolution = resolveName(context, root);
  if (resolution.type !== 'module') return null;
  const { source, imported } = resolution.binding;
  const name = callee === root ? imported : imported === '*' && callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
  if (name === null || name === '*') return null;
  const exported = exportOfSpecifier(context, source, name);
  if (exported === null || exported === 'unknown' || exported.boundaryKinds.length !== 1) return null;
  return exported.boundaryKinds[0] ?? null;
}
