import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { packageName } from '../core/boundaries';
import { namesEnding } from '../core/vocabulary';
import { moduleOriginOf } from './boundary-values';
import { chainRootOf, isInlineFunction, isUnset, isWithin, propertyName, staticString, unwrap } from './call-chain';
import { moduleOfExpression, resolveName } from './imports';
import { moduleMemberOf } from './module-members';
import { exportCalledBy, isOwnPublishedEntry, isPackageOrBuiltin, moduleIdentityOf } from './project-modules';
import { contextAssignments, contextPropertyOf, contextReads } from './context-properties';
import { parseTestCall } from './test-calls';
import { TEST_CLIENT_MODULES } from './test-clients';
import { calledLocalFunction, localFunctionNamed, parameterVariable, returnedValueOf, type FunctionNode } from './local-bindings';
import { destructuredPropertyOf, plainValuesOf, singleValueOf } from './variables';
import { usesProjectModules } from './static-text';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Web frameworks and what makes a bare app or router of each, as member paths of the module
 * (`''` is the module value itself: `express()`, `new Koa()`, `fastify()`).
 */
const FRAMEWORK_MAKERS: Readonly<Record<string, ReadonlySet<string>>> = {
  express: new Set(['', 'Router']),
  koa: new Set(['']),
  '@koa/router': new Set(['']),
  'koa-router': new Set(['']),
  fastify: new Set(['', 'fastify']),
  hono: new Set(['Hono']),
  elysia: new Set(['Elysia']),
  connect: new Set(['']),
  polka: new Set(['']),
  restify: new Set(['createServer']),
  '@hapi/hapi': new Set(['server', 'Server']),
  hapi: new Set(['server', 'Server']),
};

/**
 * Node's own servers: `http.createServer()` with nothing, or with a listener and options written in
 * the file, is a bare server of its own (one given the project's app serves that app instead).
 */
const NODE_SERVER_MAKERS: ReadonlySet<string> = new Set(['http.createServer', 'https.createServer', 'http2.createServer', 'http2.createSecureServer']);

/** What serves an app without adding handlers: `http.createServer(app)`, `app.callback()`, `app.listen()`. */
const SERVING_METHODS: ReadonlySet<string> = new Set(['callback', 'listen', 'ready', 'server', 'handler', 'fetch', 'routes', 'allowedMethods']);
const MAX_DEPTH = 4;

/**
 * Whether the app a test client is given is a throwaway harness: a bare app (or router) of a web
 * framework, made in this file, that answers with a handler written in this file, and whose other
 * handlers are written here or come from packages. The project's code may sit in front of those
 * handlers (the middleware under test: `app.use(limit())`, or before the last argument of a
 * registration) or wrap a handler written here, never stand as the last handler of a mount or a
 * route (where the project's own routes go), and the app is passed to nothing that could add
 * routes to it. A router mounted alone (`app.use(router)`) looks like a middleware and is taken for one.
 */
export function isHarnessApp(context: Context, node: Node): boolean {
  return isHarness(context, servedApp(unwrap(node)), 0);
}

/** `app.callback()`, `http.createServer(app)`: the app they serve. */
function servedApp(node: Node): Node {
  if (node.type !== AST_NODE_TYPES.CallExpression) return node;
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && SERVING_METHODS.has(propertyName(callee) ?? '')) return unwrap(callee.object);
  const [first] = node.arguments;
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'createServer' && first) return servedApp(unwrap(first));
  return node;
}

function isHarness(context: Context, node: Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (node.type === AST_NODE_TYPES.CallExpression) return answersAsHarness(context, handedBackApp(context, node, depth), depth);
  const property = contextPropertyOf(node);
  if (property !== null) return isHarnessOnContext(context, property, depth);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, node);
  if (resolution.type !== 'local') return false;
  const definition = resolution.variable.defs[0];
  if (definition?.type === 'Parameter') return isHarnessParameter(context, resolution.variable, definition, depth);
  const all = plainValuesOf(resolution.variable);
  // `let app = null`, then the app: the empty start answers no request.
  const values = all.filter((value) => !isUnset(value));
  if (all.length > 1) return values.length > 0 && isHarnessEachTime(context, resolution.variable, values, depth);
  return answersAsHarness(context, appOf(context, resolution.variable, depth), depth);
}

/**
 * `let server` made anew in `beforeEach` and again in a test (`server = hapi.server()` each time):
 * a harness when every value it is given is a bare app of a framework, and every use of the variable,
 * whichever app it holds then, is one a harness may have.
 */
function isHarnessEachTime(context: Context, variable: TSESLint.Scope.Variable, values: readonly Node[], depth: number): boolean {
  const references = [...variable.references];
  return values.every((value) => isFrameworkMaker(context, value) && answersAsHarness(context, { value, references }, depth));
}

/**
 * `request(this.app)` after `this.app = createApp()` in a Mocha hook: a harness when everything the
 * file puts there is one, and the file only ever hands it to a test client or a server.
 */
function isHarnessOnContext(context: Context, property: string, depth: number): boolean {
  // `this.server = undefined` in `beforeEach`, then the app: the empty start answers no request.
  const values = (contextAssignments(context.sourceCode).get(property) ?? []).filter((value) => !isUnset(value));
  if (values.length === 0) return false;
  if (onlyServedOnContext(context, property) && values.every((value) => isHarness(context, servedApp(unwrap(value)), depth + 1))) return true;
  return values.every((value) => isFrameworkMaker(context, value)) && answersAsHarnessOnContext(context, property, depth);
}

/**
 * `this.server = Fastify()` in a Mocha hook, then `this.server.post('/create', handler)`,
 * `this.server.register(plugin)` and `this.server.inject(…)` in the tests: every read of the property
 * is a use a harness may have, and one of them registers a handler of the test's own or the library
 * under test, as for an app held in a variable.
 */
function answersAsHarnessOnContext(context: Context, property: string, depth: number): boolean {
  const reads = (contextReads(context.sourceCode).get(property) ?? []).map(asReadOf);
  return (
    reads.length > 0 &&
    reads.every((read) => isHarmlessUse(context, read, depth)) &&
    reads.some((read) => registersOwnHandler(context, read, depth) || registersLibrary(context, read))
  );
}

/** A read of `this.<property>`, in the shape of a read of a variable: what the checks of an app's uses take. */
function asReadOf(member: TSESTree.MemberExpression): TSESLint.Scope.Reference {
  return { identifier: member, isWrite: () => false } as unknown as TSESLint.Scope.Reference;
}

/**
 * Whether the file only ever hands `this.<property>` to a test client or a server, checks whether it
 * is set (`if (this.server !== undefined)`), or closes it (`this.server.close()`).
 */
function onlyServedOnContext(context: Context, property: string): boolean {
  return (contextReads(context.sourceCode).get(property) ?? []).every(
    (read) => (read.parent?.type === AST_NODE_TYPES.CallExpression && read.parent.arguments.includes(read) && servesOnly(context, read.parent)) || checksOrCloses(read),
  );
}

const EQUALITY_OPERATORS: ReadonlySet<string> = new Set(['==', '!=', '===', '!==']);

/** `this.server !== undefined`, `if (this.server)`, `this.server && …`, `this.server.close()`. */
function checksOrCloses(read: TSESTree.MemberExpression): boolean {
  const parent = read.parent;
  if (parent?.type === AST_NODE_TYPES.BinaryExpression) return EQUALITY_OPERATORS.has(parent.operator) && isUnset(parent.left === read ? parent.right : parent.left);
  if (parent?.type === AST_NODE_TYPES.UnaryExpression) return parent.operator === '!';
  if (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.ConditionalExpression) return parent.test === read;
  if (parent?.type === AST_NODE_TYPES.LogicalExpression) return parent.left === read;
  const call = methodCallOn(read as unknown as TSESTree.Identifier);
  return call !== null && namesEnding(propertyName(call.callee as TSESTree.MemberExpression) ?? '');
}

/**
 * `request(createApp())`: the app one of the file's functions makes and hands back, with its uses
 * inside that function but the one that hands it back.
 */
function handedBackApp(context: Context, call: TSESTree.CallExpression, depth: number): { value: Node; references: TSESLint.Scope.Reference[] } | null {
  const handedBack = depth < MAX_DEPTH ? returnedAppOf(context, call) : null;
  if (!handedBack) return null;
  const { fn, returned } = handedBack;
  const resolution = resolveName(context, returned);
  if (resolution.type !== 'local' || !isWithin(resolution.variable.defs[0]?.node, fn as Node)) return null;
  const inner = appOf(context, resolution.variable, depth + 1);
  return inner && { value: inner.value, references: inner.references.filter((reference) => reference.identifier !== returned) };
}

/** Whether an app, with every use of it, is a harness: see {@link isHarnessApp}. */
function answersAsHarness(context: Context, app: { value: Node; references: TSESLint.Scope.Reference[] } | null, depth: number): boolean {
  if (!app) return false;
  const { value, references } = app;
  if (!references.every((reference) => isHarmlessUse(context, reference, depth))) return false;
  return (
    isChainWithHandler(value) ||
    references.some((reference) => registersOwnHandler(context, reference, depth) || registersLibrary(context, reference)) ||
    isBareApp(context, value, references) ||
    isLibraryValue(context, value)
  );
}

/**
 * In a library's own repository, a value of the library itself, loaded through the entry point its
 * package publishes (`const Hapi = require('..')`, `new Provider(issuer)` with `Provider` from
 * `main`): the piece under test, which may answer requests on a harness the test builds.
 */
function isLibraryValue(context: Context, node: Node): boolean {
  const expression = unwrap(node);
  const origin = moduleOriginOf(context, expression);
  if (origin !== null) return isOwnPublishedEntry(context, origin);
  const made = expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.NewExpression ? expression : null;
  const callee = made ? unwrap(made.callee) : null;
  return callee?.type === AST_NODE_TYPES.MemberExpression && isLibraryValue(context, callee.object);
}

/**
 * A registration on the app that mounts the library under test, directly or in a package's wrapper
 * (`app.use(mount('/op', provider))`), or the app handed to the library, which attaches itself to
 * it (`new Server(httpServer)`, `io.attach(httpServer)`).
 */
function registersLibrary(context: Context, reference: TSESLint.Scope.Reference): boolean {
  if (isHandedToLibrary(context, reference.identifier)) return true;
  const call = methodCallOn(reference.identifier as TSESTree.Identifier);
  return call !== null && call.arguments.some((argument) => holdsLibrary(context, argument, 0));
}

/** Whether a name is an argument of a call or construction of the library under test itself. */
function isHandedToLibrary(context: Context, identifier: Node): boolean {
  const parent = identifier.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return false;
  return parent.arguments.includes(identifier as TSESTree.Expression) && isLibraryValue(context, parent.callee);
}

function holdsLibrary(context: Context, node: Node, depth: number): boolean {
  const expression = unwrap(node);
  if (isLibraryValue(context, expression)) return true;
  if (expression.type !== AST_NODE_TYPES.CallExpression || depth > 1) return false;
  const origin = moduleOriginOf(context, expression.callee);
  return origin !== null && isPackageOrBuiltin(context, origin) && expression.arguments.some((argument) => holdsLibrary(context, argument, depth + 1));
}

/**
 * `async function visit(app, cookie) { return request(app).get('/visit')… }`: an app handed to one of
 * the file's functions is a harness when every call hands it one, and the function only uses it
 * harmlessly too.
 */
function isHarnessParameter(context: Context, variable: TSESLint.Scope.Variable, definition: TSESLint.Scope.Definition, depth: number): boolean {
  if (depth >= MAX_DEPTH || definition.name.type !== AST_NODE_TYPES.Identifier) return false;
  if (!variable.references.every((reference) => isHarmlessUse(context, reference, depth + 1))) return false;
  return everyArgumentFor(context, definition.node as Node, definition.name, (value) => isHarness(context, servedApp(unwrap(value)), depth + 1));
}

/**
 * The framework app a variable holds, and every use of it: made there (`const app = express()`), or
 * by one of the file's functions that makes it and hands it back (`const app = await buildApp()`, or
 * `const { app } = buildApp()` where it returns `{ app, store }`), whose uses inside count too, all
 * but the one that hands it over.
 */
function appOf(context: Context, variable: TSESLint.Scope.Variable, depth: number): { value: Node; references: TSESLint.Scope.Reference[] } | null {
  const value = singleValueOf(variable);
  if (value && isFrameworkMaker(context, value)) return { value, references: [...variable.references] };
  if (depth >= MAX_DEPTH) return null;
  // `const route = app.post('/author', validate, handler)`: a route method hands back the app it registers on.
  const registeredOn = value ? appRegisteredOn(context, value) : null;
  if (registeredOn) {
    const inner = appOf(context, registeredOn, depth + 1);
    return inner && { value: inner.value, references: [...inner.references, ...variable.references] };
  }
  const handedBack = value ? returnedAppOf(context, value) : destructuredAppOf(context, variable);
  if (!handedBack) return null;
  const { fn, returned } = handedBack;
  const resolution = resolveName(context, returned);
  if (resolution.type !== 'local' || !isWithin(resolution.variable.defs[0]?.node, fn as Node)) return null;
  const inner = appOf(context, resolution.variable, depth + 1);
  if (!inner) return null;
  const handedOver = (reference: TSESLint.Scope.Reference) => reference.identifier === returned;
  return { value: inner.value, references: [...inner.references.filter((reference) => !handedOver(reference)), ...variable.references] };
}

/** `app.post('/author', handler)`, a routing method called on a variable of the file: that variable. */
function appRegisteredOn(context: Context, value: Node): TSESLint.Scope.Variable | null {
  const call = unwrap(value);
  if (call.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !ROUTING_METHODS.has(propertyName(callee) ?? '')) return null;
  const receiver = unwrap(callee.object);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return null;
  const resolution = resolveName(context, receiver);
  return resolution.type === 'local' ? resolution.variable : null;
}

interface HandedBack {
  /** The file's function that makes the app. */
  readonly fn: Node;
  /** The name it hands the app back under: `app` in `return app` or `return { app, store }`. */
  readonly returned: TSESTree.Identifier;
}

/** `buildApp()`, one of the file's functions, returning a variable of its own: that variable. */
function returnedAppOf(context: Context, value: Node): HandedBack | null {
  const made = unwrap(value);
  const fn = made.type === AST_NODE_TYPES.CallExpression ? calledLocalFunction(context, made) : null;
  const returned = fn ? returnedValueOf(context, fn) : null;
  return fn && returned?.type === AST_NODE_TYPES.Identifier ? { fn, returned } : null;
}

/** `const { app } = buildApp()`, where the file's function returns `{ app, store }`: its variable `app`. */
function destructuredAppOf(context: Context, variable: TSESLint.Scope.Variable): HandedBack | null {
  const destructured = destructuredPropertyOf(variable);
  const source = destructured ? unwrap(destructured.object) : null;
  const fn = source?.type === AST_NODE_TYPES.CallExpression ? calledLocalFunction(context, source) : null;
  const returned = destructured && fn ? destructuredValueOf(context, variable) : null;
  return fn && returned?.type === AST_NODE_TYPES.Identifier ? { fn, returned } : null;
}

/**
 * `const app = new Koa()`, then only `request(app.callback())`: an app nothing is registered on
 * answers with the framework's own defaults (a 404), so it holds none of the project's code.
 */
function isBareApp(context: Context, value: Node, references: readonly TSESLint.Scope.Reference[]): boolean {
  const made = unwrap(value);
  const callee = made.type === AST_NODE_TYPES.CallExpression || made.type === AST_NODE_TYPES.NewExpression ? unwrap(made.callee) : null;
  if (!callee || (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type !== AST_NODE_TYPES.Identifier)) return false;
  return references.every((reference) => {
    if (reference.isWrite()) return true;
    const identifier = reference.identifier as TSESTree.Identifier;
    const call = methodCallOn(identifier);
    if (call) {
      const method = propertyName(call.callee as TSESTree.MemberExpression) ?? '';
      return SERVING_METHODS.has(method) || SETTING_METHODS.has(method) || SENDING_METHODS.has(method);
    }
    // Handed only to a test client or a server (`request(app)`, `createServer(app)`), nothing that could add routes.
    const parent = identifier.parent;
    return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier) && servesOnly(context, parent);
  });
}

/** A call that only serves an app it is handed: a test client (`request(app)`) or `createServer(app)`. */
function servesOnly(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'createServer') return true;
  const origin = moduleOriginOf(context, callee);
  return origin !== null && TEST_CLIENT_MODULES[packageName(origin)] !== undefined;
}

/**
 * What sends a request into the app in process, adding nothing to it: `app.inject({ … })`, Hono's
 * `app.request('/x')` and `app.fetch(request)`, Elysia's `app.handle(request)`.
 */
const SENDING_METHODS: ReadonlySet<string> = new Set(['inject', 'request', 'fetch', 'handle']);

/** Methods that start an app, whose callback (`app.listen(4010, done)`) is told it started and answers no request. */
const STARTING_METHODS: ReadonlySet<string> = new Set(['listen', 'ready']);

/** An app's settings, which take functions that answer no request: `app.set('query parser', parse)`. */
const SETTING_METHODS: ReadonlySet<string> = new Set(['set', 'enable', 'disable', 'engine', 'decorate']);

/**
 * A registration on the app whose last argument is a handler written here (`app.get('/', (req, res) =>
 * …)`), or options written here that hold a function of the test's own: a route's configuration
 * (`server.route({ method: 'GET', path: '/', handler: () => 'ok' })`), or what the registered code is
 * given (`app.register(graphql, { schema, resolvers: { Query: { add: (_, { x, y }) => x + y } } })`).
 * The test then writes what answers, and the registered code is the piece under test.
 */
function registersOwnHandler(context: Context, reference: TSESLint.Scope.Reference, depth: number): boolean {
  const call = methodCallOn(reference.identifier as TSESTree.Identifier);
  if (call && SETTING_METHODS.has(propertyName(call.callee as TSESTree.MemberExpression) ?? '')) return false;
  const last = call?.arguments[call.arguments.length - 1];
  if (last === undefined) return false;
  return isHandler(context, last, depth) || (call !== null && (handsOwnFunctions(context, last, depth, registeredBy(call)) || registersOwnPlugin(context, call, depth)));
}

/**
 * `app.register(async (instance) => { instance.register(graphql, { schema, resolvers }) }, { prefix: '/v2' })`:
 * a plugin written here, given the app to register on, which it treats as a harness may (every use
 * of it harmless, one of them registering a handler of the test's own or the library under test).
 * The plugin may be written inline or be one of the file's functions, registered by name.
 */
function registersOwnPlugin(context: Context, call: TSESTree.CallExpression, depth: number): boolean {
  const [first] = call.arguments;
  const plugin = first ? ownFunctionOf(context, first) : null;
  if (depth >= MAX_DEPTH || !plugin) return false;
  const [param] = plugin.params;
  if (param?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = parameterVariable(context, plugin, param);
  const references = variable?.references ?? [];
  return (
    references.length > 0 &&
    references.every((reference) => isHarmlessUse(context, reference, depth + 1)) &&
    references.some((reference) => registersOwnHandler(context, reference, depth + 1) || registersLibrary(context, reference))
  );
}

/**
 * `app.register(async (instance) => { instance.register(ordersRoutes) })`: a plugin written here is
 * handed the app, and what it registers on it counts as registered on the app. One that uses
 * nothing from the project's modules adds none of the project's routes.
 */
function pluginAddsOnlyHarmlessly(context: Context, call: TSESTree.CallExpression, depth: number): boolean {
  if (propertyName(call.callee as TSESTree.MemberExpression) !== 'register') return true;
  const [first] = call.arguments;
  const plugin = first ? ownFunctionOf(context, first) : null;
  const [param] = plugin?.params ?? [];
  if (!plugin || param?.type !== AST_NODE_TYPES.Identifier || !usesProjectModules(context, plugin)) return true;
  if (depth >= MAX_DEPTH) return false;
  const variable = parameterVariable(context, plugin, param);
  return (variable?.references ?? []).every((reference) => isHarmlessUse(context, reference, depth + 1));
}

/** A function written inline, or one of the file's functions named (`const subroute = async (child) => {…}`). */
function ownFunctionOf(context: Context, node: Node): FunctionNode | null {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.ArrowFunctionExpression || expression.type === AST_NODE_TYPES.FunctionExpression) return expression;
  return localFunctionNamed(context, expression);
}

/** What a registration with options registers: `graphql` in `app.register(graphql, { … })`. */
function registeredBy(call: TSESTree.CallExpression): TSESTree.Identifier | null {
  const [first] = call.arguments;
  return call.arguments.length > 1 && first?.type === AST_NODE_TYPES.Identifier ? first : null;
}

/**
 * `internals.scheme` or `internals.plugins.auth`, with `const internals = {}` in this file and every
 * value the file gives that member, or an object holding it (`internals.plugins = { auth: … }`),
 * written here: a member of the file's own object.
 */
function isOwnObjectMember(context: Context, node: TSESTree.MemberExpression, depth: number): boolean {
  const path: string[] = [];
  let object: Node = node;
  while (object.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(object);
    if (name === null) return false;
    path.unshift(name);
    object = unwrap(object.object);
  }
  if (object.type !== AST_NODE_TYPES.Identifier || path.length > MAX_MEMBER_PATH || depth > MAX_DEPTH) return false;
  const resolution = resolveName(context, object);
  if (resolution.type !== 'local') return false;
  const value = singleValueOf(resolution.variable);
  if (value?.type !== AST_NODE_TYPES.ObjectExpression || !isWrittenHere(context, value, depth + 1)) return false;
  let given = holdsPath(value, path);
  for (const reference of resolution.variable.references) {
    // The member chain this use starts, as far as it follows the path: `internals.plugins` of `internals.plugins.auth`.
    let member: Node = reference.identifier;
    let matched = 0;
    while (matched < path.length && member.parent?.type === AST_NODE_TYPES.MemberExpression && member.parent.object === member && propertyName(member.parent) === path[matched]) {
      member = member.parent;
      matched++;
    }
    const assignment = member.parent;
    if (matched === 0 || assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== member) continue;
    if (!isWrittenHere(context, assignment.right, depth + 1)) return false;
    given ||= matched === path.length || holdsPath(unwrap(assignment.right), path.slice(matched));
  }
  return given;
}

/** How deep a member of the file's own object is followed: `internals.plugins.auth`. */
const MAX_MEMBER_PATH = 3;

/** Whether an object literal gives a value at a path of plain keys: `{ plugins: { auth } }` at `plugins.auth`. */
function holdsPath(node: Node, path: readonly string[]): boolean {
  let current = node;
  for (const key of path) {
    if (current.type !== AST_NODE_TYPES.ObjectExpression) return false;
    let found: Node | null = null;
    for (const property of current.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.computed && propertyKeyIs(property, key)) found = property.value;
    }
    if (!found) return false;
    current = unwrap(found);
  }
  return true;
}

function propertyKeyIs(property: TSESTree.Property, name: string): boolean {
  return (property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name) || (property.key.type === AST_NODE_TYPES.Literal && property.key.value === name);
}

/** Whether two names stand for the same binding: one local variable, or one import of one module. */
function sameBinding(context: Context, a: TSESTree.Identifier, b: TSESTree.Identifier): boolean {
  const first = resolveName(context, a);
  const second = resolveName(context, b);
  if (first.type === 'local' && second.type === 'local') return first.variable === second.variable;
  return first.type === 'module' && second.type === 'module' && first.binding.source === second.binding.source && first.binding.imported === second.binding.imported;
}

/** Options written here (see {@link isWrittenHere}) that hold a function written here, at any depth the walk allows. */
function handsOwnFunctions(context: Context, node: Node, depth: number, registered: TSESTree.Identifier | null): boolean {
  if (depth > MAX_DEPTH) return false;
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    return (
      isWrittenHere(context, expression, depth, registered) &&
      expression.properties.some((property) => handsOwnFunctions(context, property.type === AST_NODE_TYPES.Property ? property.value : property.argument, depth, registered))
    );
  }
  if (isInlineFunction(expression)) return true;
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, expression);
  if (resolution.type !== 'local') return false;
  const definition = resolution.variable.defs[0];
  if (definition?.type === 'FunctionName') return true;
  if (definition?.type === 'Parameter') return everyArgumentFor(context, definition.node, definition.name, (value) => handsOwnFunctions(context, value, depth + 2, registered));
  const value = singleValueOf(resolution.variable) ?? destructuredValueOf(context, resolution.variable);
  return value !== null && handsOwnFunctions(context, value, depth + 1, registered);
}

/**
 * Whether every value a parameter of one of the file's functions takes passes `test`: what each call
 * hands it, or the default it is left to. `function createServer(t, resolvers = defaultResolvers)`,
 * called as `createServer(t)` and `createServer(t, { Query: { add: () => 1 } })`, takes two values.
 * `false` when the function is used any other way than called.
 */
function everyArgumentFor(context: Context, fn: Node, name: TSESTree.BindingName, test: (value: Node) => boolean): boolean {
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  const index = fn.params.findIndex((param) => param === name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === name));
  const param = fn.params[index];
  if (!param) return false;
  const fallback = param.type === AST_NODE_TYPES.AssignmentPattern ? param.right : null;
  const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : null;
  const variable = holder ? context.sourceCode.scopeManager?.getDeclaredVariables(holder)[0] : undefined;
  const uses = variable?.references.filter((reference) => !reference.init) ?? [];
  if (uses.length === 0) return false;
  return uses.every((reference) => {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier || call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
    const value = call.arguments[index] ?? fallback;
    return value !== null && test(value);
  });
}

/** What one of the file's functions hands back for a call of it: `createSchema()` returning `{ schema, resolvers }`. */
function localReturnOf(context: Context, call: TSESTree.CallExpression): Node | null {
  const fn = calledLocalFunction(context, call);
  return fn ? returnedValueOf(context, fn) : null;
}

/**
 * `const { resolvers } = createSchema()`, with `createSchema` one of the file's functions handing back
 * an object literal: the value that literal gives the property.
 */
function destructuredValueOf(context: Context, variable: TSESLint.Scope.Variable): Node | null {
  const destructured = destructuredPropertyOf(variable);
  if (!destructured) return null;
  const source = unwrap(destructured.object);
  const returned = source.type === AST_NODE_TYPES.CallExpression ? localReturnOf(context, source) : null;
  const object = returned ? unwrap(returned) : null;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed && propertyKeyIs(property, destructured.key)) return property.value;
  }
  return null;
}

export function isHandler(context: Context, node: Node, depth: number): boolean {
  const expression = unwrap(node);
  if (wrapsOwnHandler(context, expression, depth)) return true;
  if (isInlineFunction(expression)) return true;
  return expression.type === AST_NODE_TYPES.Identifier && isWrittenHere(context, expression, depth + 1) && resolveName(context, expression).type === 'local';
}

/**
 * `guard(() => false, (req, res) => res.send('ok'))`: the project's middleware wrapped around a
 * handler written in the test, which is the piece under test rather than the project's routes.
 * So is a handler the project makes from options that hand it the test's own functions:
 * `graphqlHandler({ schema, rootValue: { hello: () => 'world' } })`.
 */
function wrapsOwnHandler(context: Context, node: Node, depth: number): boolean {
  const expression = unwrap(node);
  return (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.arguments.some((argument) => isInlineFunction(argument) || handsOwnFunctions(context, argument, depth + 1, null))
  );
}

/** `new Hono().get('/', (c) => c.text('ok'))`: a chain that registers a handler of its own. */
function isChainWithHandler(value: Node): boolean {
  let expression = unwrap(value);
  while (expression.type === AST_NODE_TYPES.CallExpression) {
    const last = expression.arguments[expression.arguments.length - 1];
    const handler = last ? unwrap(last) : null;
    if (handler?.type === AST_NODE_TYPES.ArrowFunctionExpression || handler?.type === AST_NODE_TYPES.FunctionExpression) return true;
    const callee = unwrap(expression.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    expression = unwrap(callee.object);
  }
  return false;
}

/**
 * `app.use(rateLimit())` puts one middleware in front of every handler, and `app.use('*', auth())`
 * or `app.use('/admin/*', auth())` in front of every handler a wildcard path covers: that may be the
 * unit under test. A mount at a plain path (`app.use('/orders', ordersRouter)`) may add the project's
 * routes instead.
 */
function isSingleMiddleware(callee: TSESTree.MemberExpression, call: TSESTree.CallExpression): boolean {
  if (propertyName(callee) !== 'use') return false;
  if (call.arguments.length === 1) return true;
  const path = call.arguments.length === 2 ? staticString(call.arguments[0]) : null;
  return path !== null && path.endsWith('*');
}

/** `app.use(…)` for the identifier `app`. */
function methodCallOn(identifier: TSESTree.Identifier): TSESTree.CallExpression | null {
  const parent = identifier.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== identifier) return null;
  const call = parent.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent ? call : null;
}

/**
 * `express()`, `new Hono()`, or a chain of registrations on one whose last arguments are written
 * here (`new Hono().get('/health', (c) => c.text('ok'))`).
 */
export function isFrameworkMaker(context: Context, value: Node, depth = 0): boolean {
  const expression = unwrap(value);
  if (expression.type === AST_NODE_TYPES.CallExpression && depth < MAX_DEPTH) {
    const callee = unwrap(expression.callee);
    const inner = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : null;
    if (inner && (inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) && isFrameworkMaker(context, inner, depth + 1)) {
      if (isSingleMiddleware(callee as TSESTree.MemberExpression, expression)) return true;
      const last = expression.arguments[expression.arguments.length - 1];
      return !last || isWrittenHere(context, last, depth + 1);
    }
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression && expression.type !== AST_NODE_TYPES.NewExpression) return false;
  const member = moduleMemberOf(context, expression.callee);
  if (!member) return false;
  const exported = member.path.filter((segment) => segment !== 'default').join('.');
  if (NODE_SERVER_MAKERS.has(`${packageName(member.source).replace(/^node:/, '')}.${exported}`)) {
    return expression.arguments.every((argument) => isOwnServerArgument(context, argument, depth));
  }
  const makers = FRAMEWORK_MAKERS[packageName(member.source)] ?? ownFrameworkMakers(context, member.source);
  return makers?.has(exported) ?? false;
}

/**
 * An argument of `http.createServer(…)` that keeps the server the file's own: options written here,
 * or a listener that uses nothing from the project's modules (`(req, res) => app(req, res)` serves the app).
 */
function isOwnServerArgument(context: Context, argument: TSESTree.CallExpressionArgument, depth: number): boolean {
  if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
  let value = unwrap(argument);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, value);
    const definition = resolution.type === 'local' ? resolution.variable.defs[0] : undefined;
    if (definition?.type === 'FunctionName') value = definition.node as Node;
    else if (resolution.type === 'local') value = singleValueOf(resolution.variable) ?? value;
  }
  if (value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression || value.type === AST_NODE_TYPES.FunctionDeclaration) {
    return !usesProjectModules(context, value);
  }
  return isWrittenHere(context, argument, depth + 1);
}

/**
 * In a web framework's own repository, its sources loaded by path (`new Koa()` with
 * `const Koa = require('../..')` in koa's tests) are that framework: what makes an app of it.
 */
function ownFrameworkMakers(context: Context, source: string): ReadonlySet<string> | undefined {
  const identity = moduleIdentityOf(context, source);
  return identity.type === 'project' && identity.workspacePackage !== null && Object.hasOwn(FRAMEWORK_MAKERS, identity.workspacePackage)
    ? FRAMEWORK_MAKERS[identity.workspacePackage]
    : undefined;
}

/**
 * A use of the app that adds no handler of the project's: the value written to it, a method
 * call whose last argument is written here, or handing it to what serves it or to a test client.
 */
function isHarmlessUse(context: Context, reference: TSESLint.Scope.Reference, depth: number): boolean {
  if (reference.isWrite()) return true;
  const identifier = reference.identifier;
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
    const call = methodCallOn(identifier);
    if (!call) return SERVING_METHODS.has(propertyName(parent) ?? '') || isHarmlessNestedCall(context, parent, depth) || setsOwnValue(context, parent, depth) || onlyReads(context, parent);
    if (isSingleMiddleware(parent, call) || SENDING_METHODS.has(propertyName(parent) ?? '') || STARTING_METHODS.has(propertyName(parent) ?? '')) return true;
    if (!pluginAddsOnlyHarmlessly(context, call, depth)) return false;
    const last = call.arguments[call.arguments.length - 1];
    return !last || isWrittenHere(context, last, depth, registeredBy(call)) || wrapsOwnHandler(context, last, depth);
  }
  // `await app`: waits for the app to be ready (Fastify's app can be awaited), adding nothing.
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) return true;
  // Put on the test context for the tests (`this.app = app`), which only hand it to a test client.
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === identifier) {
    const property = contextPropertyOf(parent.left);
    return property !== null && onlyServedOnContext(context, property);
  }
  // Passed to something: only a package (a test client, a server, the framework itself) or the
  // library under test may take it, or a project function that does nothing with it but send
  // requests to it.
  if (isHandedToLibrary(context, identifier)) return true;
  return (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.includes(identifier as TSESTree.Expression) &&
    (isPackageCall(context, parent) ||
      isTestContextCall(context, parent) ||
      onlySendsTo(context, parent, parent.arguments.indexOf(identifier as TSESTree.Expression)) ||
      usedHarmlesslyBy(context, parent, parent.arguments.indexOf(identifier as TSESTree.Expression), depth))
  );
}

/** `visit(app, cookie)`, one of the file's functions whose parameter for the app is only used as a harness may be. */
function usedHarmlesslyBy(context: Context, call: TSESTree.CallExpression, position: number, depth: number): boolean {
  const fn = depth < MAX_DEPTH ? calledLocalFunction(context, call) : null;
  const param = fn?.params[position];
  if (param?.type !== AST_NODE_TYPES.Identifier || call.arguments.slice(0, position).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  const variable = parameterVariable(context, fn as Node, param);
  return variable !== undefined && variable.references.every((reference) => isHarmlessUse(context, reference, depth + 1));
}

/** `signUp(app, 'ada@example.test')`, a project helper whose summary says it only hands that argument to a test client. */
function onlySendsTo(context: Context, call: TSESTree.CallExpression, position: number): boolean {
  const exported = exportCalledBy(context, call);
  return exported !== null && exported !== 'unknown' && (exported.sendsWith ?? []).includes(position);
}

/**
 * A method of one of the app's own parts (`server.auth.scheme('bearer', bearerScheme)`,
 * `app.log.info('ready')`, `app.graphql.addHook('preExecution', check)`): what it is handed sits in
 * front of the handlers, as the project's middleware may. One that adds routes or mounts
 * (`app.router.get('/x', listInvoices)`) is held to the rule for a method of the app itself.
 */
function isHarmlessNestedCall(context: Context, part: TSESTree.MemberExpression, depth: number): boolean {
  const method = part.parent;
  const call = method?.parent;
  if (method?.type !== AST_NODE_TYPES.MemberExpression || method.object !== part || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== method) return false;
  if (!ROUTING_METHODS.has(propertyName(method) ?? '')) return true;
  const last = call.arguments[call.arguments.length - 1];
  return !last || isWrittenHere(context, last, depth) || wrapsOwnHandler(context, last, depth);
}

/** `server.app.count = 2`, `app.locals.title = 'Shop'`: a value written here, set on the app or one of its parts. */
function setsOwnValue(context: Context, member: TSESTree.MemberExpression, depth: number): boolean {
  let target: Node = member;
  while (target.parent?.type === AST_NODE_TYPES.MemberExpression && target.parent.object === target) target = target.parent;
  const assignment = target.parent;
  return assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === target && isWrittenHere(context, assignment.right, depth);
}

/**
 * `expect(server.info.host)`, `const { port } = server.info`: a property of the app read, which adds
 * nothing to it, unless it is handed to a function of the project's (`mountRoutes(app.router)`).
 */
function onlyReads(context: Context, member: TSESTree.MemberExpression): boolean {
  let target: Node = member;
  while (target.parent?.type === AST_NODE_TYPES.MemberExpression && target.parent.object === target) target = target.parent;
  const parent = target.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === target) return false;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === target) return false;
  if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return true;
  const callee = unwrap(parent.callee);
  const root = chainRootOf(callee);
  if ((root !== null && resolveName(context, root).type === 'global') || isPackageCall(context, parent as TSESTree.CallExpression)) return true;
  // `t.assert.ok(app.rateLimit)`: handed to the runner's assertion on the test's context.
  if (parent.type === AST_NODE_TYPES.CallExpression && isTestContextCall(context, parent)) return true;
  // `transform(app.graphql.schema)`, one of the file's functions that uses nothing of the project's.
  const fn = calledLocalFunction(context, parent);
  return fn !== null && !usesProjectModules(context, fn);
}

/** Methods that add routes, mounts or plugins (which may add routes) to an app or a router. */
const ROUTING_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'any', 'use', 'route', 'routes', 'register', 'mount']);

/**
 * A method of the context the runner hands a test or hook (`t.assert.strictEqual(ctx.app, app)`,
 * `t.after(…)` in node:test; the first parameter of the callback): the runner's, not the project's.
 */
function isTestContextCall(context: Context, call: TSESTree.CallExpression): boolean {
  const root = chainRootOf(call.callee);
  if (!root || root === unwrap(call.callee)) return false;
  const resolution = resolveName(context, root);
  const definition = resolution.type === 'local' ? resolution.variable.defs[0] : undefined;
  if (definition?.type !== 'Parameter') return false;
  const fn = definition.node;
  const runner = fn.parent;
  if ((fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) || fn.params[0] !== definition.name) return false;
  if (runner?.type !== AST_NODE_TYPES.CallExpression || !runner.arguments.includes(fn)) return false;
  const test = parseTestCall(context, runner);
  return test !== null && test.kind !== 'describe';
}

/** A call of a package's function or method: packages cannot add the project's handlers to an app. */
function isPackageCall(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'createServer') return true;
  const origin = moduleOriginOf(context, callee);
  return origin !== null && isPackageOrBuiltin(context, origin);
}

/** Globals that hold a plain value: where the file is, or nothing. */
const PLAIN_GLOBALS: ReadonlySet<string> = new Set(['__dirname', '__filename', 'undefined', 'NaN', 'Infinity']);
/** The language's own value types: what one is made of is all it holds (`new Map()`, `new Date(0)`, `Symbol('id')`). */
const BUILT_IN_VALUES: ReadonlySet<string> = new Set([
  'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'Error', 'TypeError', 'RangeError', 'URL', 'URLSearchParams', 'Array', 'RegExp', 'Symbol', 'String', 'Number', 'Boolean', 'BigInt', 'Promise',
]);

/** `new Map()`, `new Date(start)`: a value of one of the language's own types, made of what is written here. */
function isBuiltInValue(context: Context, expression: Node, depth: number, registered: TSESTree.Identifier | null): boolean {
  if (expression.type !== AST_NODE_TYPES.NewExpression && expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(expression.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || !BUILT_IN_VALUES.has(callee.name) || resolveName(context, callee).type !== 'global') return false;
  return expression.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isWrittenHere(context, argument, depth, registered));
}

/**
 * `new MemoryPubSub()`, with `class MemoryPubSub { … }` written in this file (extending nothing, or
 * what is written here or comes from a package): a value of the test's own, like a function of its own.
 */
function isOwnClassValue(context: Context, expression: TSESTree.NewExpression, depth: number, registered: TSESTree.Identifier | null): boolean {
  const callee = unwrap(expression.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return false;
  const resolution = resolveName(context, callee);
  const definition = resolution.type === 'local' && resolution.variable.defs.length === 1 ? resolution.variable.defs[0] : undefined;
  if (definition?.type !== 'ClassName') return false;
  const declared = definition.node as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  if (declared.superClass && !isWrittenHere(context, declared.superClass, depth + 1, registered)) return false;
  return expression.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isWrittenHere(context, argument, depth + 1, registered));
}

/** A JSON file: data, whatever it holds. */
function isDataModule(specifier: string): boolean {
  return /\.json$/i.test(specifier);
}

/** A handler or value written in this file or taken from a package, never from the project's modules. */
function isWrittenHere(context: Context, node: Node, depth: number, registered: TSESTree.Identifier | null = null): boolean {
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return isWrittenHere(context, expression.left, depth, registered) && isWrittenHere(context, expression.right, depth, registered);
    case AST_NODE_TYPES.ObjectExpression:
      // Nesting is finite: only the names followed to their values count towards the depth.
      return expression.properties.every((property) => isWrittenHere(context, property.type === AST_NODE_TYPES.Property ? property.value : property.argument, depth, registered));
    case AST_NODE_TYPES.ArrayExpression:
      return expression.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isWrittenHere(context, element, depth, registered));
    case AST_NODE_TYPES.Identifier: {
      const resolution = resolveName(context, expression);
      if (resolution.type === 'global') return PLAIN_GLOBALS.has(expression.name);
      if (resolution.type === 'module') return isPackageOrBuiltin(context, resolution.binding.source) || isOwnPublishedEntry(context, resolution.binding.source) || isDataModule(resolution.binding.source);
      if (resolution.type !== 'local' || depth > MAX_DEPTH) return false;
      const definition = resolution.variable.defs[0];
      if (definition?.type === 'FunctionName') return true;
      if (definition?.type === 'Parameter') return everyArgumentFor(context, definition.node, definition.name, (value) => isWrittenHere(context, value, depth + 2, registered));
      const value = singleValueOf(resolution.variable) ?? destructuredValueOf(context, resolution.variable);
      if (value && isFrameworkMaker(context, value)) return isHarness(context, expression, depth + 1);
      return value !== null && isWrittenHere(context, value, depth + 1, registered);
    }
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.MemberExpression: {
      if (isBuiltInValue(context, expression, depth, registered)) return true;
      // `require('./package.json')`: data, which registers no handler.
      const loaded = moduleOfExpression(expression);
      if (loaded && isDataModule(loaded.source)) return true;
      // `express.json()`, `oapi.validPath(…)`: a value of a package, or of the library under test.
      const origin = moduleOriginOf(context, expression);
      if (origin !== null && (isPackageOrBuiltin(context, origin) || isOwnPublishedEntry(context, origin))) return true;
      if (expression.type === AST_NODE_TYPES.NewExpression) return isOwnClassValue(context, expression, depth, registered);
      // `makeSchema()`: what one of the file's functions hands back, built from what is written here.
      const returned = expression.type === AST_NODE_TYPES.CallExpression ? localReturnOf(context, expression) : null;
      if (returned && depth < MAX_DEPTH) return isWrittenHere(context, returned, depth + 1, registered);
      if (expression.type === AST_NODE_TYPES.MemberExpression && isOwnObjectMember(context, expression, depth)) return true;
      // `app.register(graphql, { cache: graphql.defaults.lru() })`: what is registered, configured with its own helpers.
      const root = registered ? chainRootOf(expression) : null;
      return registered !== null && root !== null && sameBinding(context, root, registered);
    }
    default:
      return false;
  }
}
