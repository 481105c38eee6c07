import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { packageName } from '../core/boundaries';
import { moduleOriginOf } from './boundary-values';
import { propertyName, staticString, unwrap } from './call-chain';
import { moduleLoadOf, moduleLoadOfImport, resolveName } from './imports';
import { moduleMemberOf } from './module-members';
import { fileCache } from './file-cache';
import { textGate, type TextNeeds } from './text-gates';
import type { ClientTarget } from '../core/no-endpoint-calls';
import { displayText } from '../core/partial-text';
import { parseUrl } from '../core/urls';
import { isHarnessApp } from './harness-apps';
import { answersWithOwnRoute } from './harness-routes';
import { partialTextOf } from './static-text';
import { parseHttpRequest } from './http-requests';
import { moduleIdentityOf, summaryOfSpecifier } from './project-modules';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A call that drives an application through a client made for testing it over HTTP. */
export interface TestClientCall {
  /** The library, as users know it: `supertest`, `chai-http`, `pactum`, `Hono`, or `in-process injection` (fastify, hapi). */
  readonly library: string;
  readonly node: TSESTree.CallExpression;
  /** What the client drives, as the call shows it: `app` in `request(app)` and `app.inject(…)`; `null` for `spec()`. */
  readonly app: Node | null;
}

/**
 * Modules whose functions drive an app from a test, by the member path that does it
 * (`''` is the module value itself: `request(app)` with supertest's default export).
 */
/** Methods through which a client sends a request: HTTP verbs, and the operations of GraphQL clients. */
export const REQUEST_METHODS: ReadonlySet<string> = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'request', 'query', 'mutate',
]);

export const TEST_CLIENT_MODULES: Readonly<Record<string, { readonly library: string; readonly calls: ReadonlySet<string> }>> = {
  supertest: { library: 'supertest', calls: new Set(['', 'agent']) },
  'supertest-session': { library: 'supertest-session', calls: new Set(['']) },
  'supertest-fetch': { library: 'supertest-fetch', calls: new Set(['', 'fetch', 'makeFetch']) },
  'light-my-request': { library: 'light-my-request', calls: new Set(['', 'inject']) },
  '@hapi/shot': { library: '@hapi/shot', calls: new Set(['inject']) },
  'chai-http': { library: 'chai-http', calls: new Set(['request', 'request.execute']) },
  pactum: { library: 'pactum', calls: new Set(['spec', 'e2e']) },
  'hono/testing': { library: 'Hono', calls: new Set(['testClient']) },
  // LoopBack 4's test kit: supertest clients of an app or of a request handler, and supertest itself.
  '@loopback/testlab': { library: '@loopback/testlab', calls: new Set(['createRestAppClient', 'createClientForHandler', 'supertest']) },
};

/**
 * The module that gives `chai` its `request`, the package whose apps take `request`/`fetch` in
 * process, and the one whose apps take `handle(new Request(…))`.
 */
const CHAI_HTTP = 'chai-http';
const HONO = 'hono';
const ELYSIA = 'elysia';
/** The method through which fastify, hapi and light-my-request apps take requests in process. */
const INJECT = 'inject';

/** Modules whose app objects take requests in process through `inject`. */
const INJECTING_FRAMEWORKS: ReadonlySet<string> = new Set(['fastify', '@hapi/hapi', 'hapi', '@nestjs/platform-fastify']);
const HTTP_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

const cache = fileCache<TSESTree.CallExpression, TestClientCall | null>();

/**
 * Every call {@link parseTestClientCall} recognises needs one of these in the file's text: a
 * member of {@link TEST_CLIENT_MODULES} is read off an import or `require` of its module;
 * `chai.request` counts only in a file that loads chai-http; a Hono app is traced to a Hono
 * specifier; injection is a call of a method named `inject`, with or without a framework import.
 */
export const TEST_CLIENT_NEEDS: TextNeeds = { modules: [...Object.keys(TEST_CLIENT_MODULES), CHAI_HTTP, HONO, ELYSIA], names: [INJECT] };

/** Whether a file's source text may hold a call {@link parseTestClientCall} recognises: `false` only when it certainly does not. */
export const mayCallTestClient = textGate(TEST_CLIENT_NEEDS);

/**
 * Recognises a call that drives the app through a test client:
 * - the functions in {@link TEST_CLIENT_MODULES} (`request(app)`, `request.agent(app)`, `spec()`);
 * - `inject` on a fastify or hapi app: traced to the framework, or called with a request
 *   (`{ method, url }`, a path) or as the start of a request chain (`app.inject().get('/')`);
 * - `chai.request(app)` and `chai.request.execute(app)` in a file that loads chai-http;
 * - `app.request('/path')` and `app.fetch(request)` on an app traced to Hono;
 * - `app.handle(request)` on an app traced to Elysia.
 * Cached per node.
 */
export function parseTestClientCall(context: Context, node: TSESTree.CallExpression): TestClientCall | null {
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  const result = recognise(context, node);
  cache.set(node, result);
  return result;
}

function recognise(context: Context, node: TSESTree.CallExpression): TestClientCall | null {
  const callee = unwrap(node.callee);
  const [first] = node.arguments;
  const argument = first && first.type !== AST_NODE_TYPES.SpreadElement ? first : null;
  const member = moduleMemberOf(context, callee);
  if (member) {
    const entry = TEST_CLIENT_MODULES[member.source];
    if (entry?.calls.has(member.path.join('.'))) return { library: entry.library, node, app: argument && heldApp(argument) };
    if (member.source === 'chai' && isChaiRequest(member.path) && loadsChaiHttp(context)) return { library: CHAI_HTTP, node, app: argument };
    return null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = propertyName(callee);
  if (name === INJECT && isInjection(context, node, callee.object)) return { library: 'in-process injection', node, app: callee.object };
  if ((name === 'request' || name === 'fetch') && isAppOf(context, callee.object, HONO)) return { library: 'Hono', node, app: callee.object };
  if (name === 'handle' && isAppOf(context, callee.object, ELYSIA)) return { library: 'Elysia', node, app: callee.object };
  if ((name === 'request' || name === 'execute') && isGlobalChaiRequest(context, callee) && loadsChaiHttp(context)) {
    return { library: CHAI_HTTP, node, app: argument };
  }
  return null;
}

/**
 * The app an argument hands over: the argument itself, or the one value of an object that wraps it
 * (`createRestAppClient({ restServer: server })` takes the server the app runs on).
 */
function heldApp(argument: Node): Node {
  const node = unwrap(argument);
  if (node.type !== AST_NODE_TYPES.ObjectExpression || node.properties.length !== 1) return argument;
  const [property] = node.properties;
  return property?.type === AST_NODE_TYPES.Property && !property.computed ? property.value : argument;
}

/**
 * Whether the file sends the app a `DELETE` request through a test client: `request(app).delete(…)`,
 * `.del(…)`, `app.inject({ method: 'DELETE', … })`. What the app removes for it cannot be read from
 * the test file.
 */
export function sendsDeleteToApp(context: Context, calls: readonly TSESTree.CallExpression[]): boolean {
  if (!/\bdel(?:ete)?\b/i.test(context.sourceCode.text)) return false;
  return calls.some((call) => {
    const callee = unwrap(call.callee);
    // `app.inject({ method: 'DELETE', url })`, whoever made the app: the options say it is a request.
    if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === INJECT && injectsDelete(call)) return true;
    const parent = call.parent;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === call && DELETE_VERBS.has(propertyName(parent) ?? '') && parseTestClientCall(context, call) !== null) return true;
    // A DELETE sent by an HTTP client (`axios.delete(`${serverUrl}/tenants/t1`)`, `fetch(url, { method:
    // 'DELETE' })`): where it goes cannot always be read, and it may be the app.
    return sendsHttpDelete(context, call);
  });
}

/**
 * Whether a call is an HTTP client's request with the method DELETE, named by the call or in its
 * options, or a `delete` handed a path (`session.agent.delete('/v1/tenants/t1')`): a request to a
 * server whose address the client holds, which in a test is most often the app.
 */
function sendsHttpDelete(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  const named = callee.type === AST_NODE_TYPES.MemberExpression && DELETE_VERBS.has(propertyName(callee) ?? '');
  if (named && startsWithPath(call.arguments[0])) return true;
  if (!named && !call.arguments.some((argument) => /^delete$/i.test(injectedRequestOf(argument)?.method ?? ''))) return false;
  return parseHttpRequest(context, call) !== null;
}

/** `'/v1/tenants'` or `` `/v1/tenants/${id}` ``: text that starts with a path. */
function startsWithPath(node: Node | undefined): boolean {
  if (node?.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' && node.value.startsWith('/');
  return node?.type === AST_NODE_TYPES.TemplateLiteral && (node.quasis[0]?.value.cooked ?? '').startsWith('/');
}

/** `{ method: 'DELETE', url: '/tenants/t1' }` as the first argument. */
function injectsDelete(call: TSESTree.CallExpression): boolean {
  const options = injectedRequestOf(call.arguments[0]);
  return options !== null && options.target && /^delete$/i.test(options.method ?? '');
}

/** What an object handed to `inject` says of the request: whether it names a `url` or `path`, and its `method`. */
function injectedRequestOf(node: Node | undefined): { readonly target: boolean; readonly method: string | null; readonly url: Node | null } | null {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  let target = false;
  let method: string | null = null;
  let url: Node | null = null;
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    if (property.key.name === 'url' || property.key.name === 'path') {
      target = true;
      if (url === null || property.key.name === 'url') url = property.value;
    }
    if (property.key.name === 'method') method = staticString(property.value);
  }
  return { target, method, url };
}

const DELETE_VERBS: ReadonlySet<string> = new Set(['delete', 'del']);

function isChaiRequest(path: readonly string[]): boolean {
  const joined = path.join('.');
  return joined === 'request' || joined === 'request.execute';
}

/** `chai.request(…)` on the global `chai` (browser-style Mocha setups). */
function isGlobalChaiRequest(context: Context, callee: TSESTree.MemberExpression): boolean {
  let object = unwrap(callee.object);
  if (propertyName(callee) === 'execute') {
    if (object.type !== AST_NODE_TYPES.MemberExpression || propertyName(object) !== 'request') return false;
    object = unwrap(object.object);
  }
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'chai' && resolveName(context, object).type === 'global';
}

function isInjection(context: Context, call: TSESTree.CallExpression, app: Node): boolean {
  const origin = moduleOriginOf(context, app);
  if (origin !== null && INJECTING_FRAMEWORKS.has(packageName(origin))) return true;
  const [request] = call.arguments;
  if (!request) {
    // `app.inject().get('/users').end()`.
    const parent = call.parent;
    return parent.type === AST_NODE_TYPES.MemberExpression && parent.object === call && HTTP_METHODS.has(propertyName(parent) ?? '');
  }
  const path = staticString(request);
  if (path !== null) return path.startsWith('/');
  return injectedRequestOf(request)?.target === true;
}

/** Whether an app is traced to a framework package: `new Hono()` from `'hono'`. */
function isAppOf(context: Context, app: Node, framework: string): boolean {
  const origin = moduleOriginOf(context, app);
  return origin !== null && packageName(origin) === framework;
}

const chaiHttpCache = fileCache<TSESTree.Program, boolean>();

/** Whether the file loads chai-http at its top level (`import chaiHttp from 'chai-http'`, `require`). */
function loadsChaiHttp(context: Context): boolean {
  const program = context.sourceCode.ast;
  const cached = chaiHttpCache.get(program);
  if (cached !== undefined) return cached;
  const loads = program.body.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) return moduleLoadOfImport(statement).source === CHAI_HTTP;
    const expressions: Node[] =
      statement.type === AST_NODE_TYPES.VariableDeclaration
        ? statement.declarations.flatMap((declarator) => (declarator.init ? [declarator.init] : []))
        : statement.type === AST_NODE_TYPES.ExpressionStatement
          ? [statement.expression]
          : [];
    return expressions.some((expression) => requiresChaiHttp(expression));
  });
  chaiHttpCache.set(program, loads);
  return loads;
}

/** `require('chai-http')` somewhere in a top-level expression, such as `chai.use(require('chai-http'))`. */
function requiresChaiHttp(node: Node): boolean {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.ImportExpression) {
    if (moduleLoadOf(expression)?.source === CHAI_HTTP) return true;
    if (expression.type === AST_NODE_TYPES.CallExpression) {
      return requiresChaiHttp(expression.callee) || expression.arguments.some((argument) => requiresChaiHttp(argument));
    }
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) return requiresChaiHttp(expression.object);
  return false;
}

const MAX_ARGUMENTS_TEXT = 24;
const MAX_REQUEST_TEXT = 60;

/**
 * What a test client is given: a harness app built in the test, a URL (a string whose text
 * starts with a scheme or a server address), or the app — which is also the answer for anything
 * the file does not show, since driving an app is what these clients are for.
 */
export function testClientTargetOf(context: Context, client: TestClientCall): ClientTarget {
  if (!client.app) return { type: 'app' };
  if (isHarnessApp(context, client.app) || answersWithOwnRoute(context, client)) return { type: 'harness' };
  const text = partialTextOf(context, client.app);
  const head = text[0];
  const isUrl = head?.type === 'server-address' || head?.type === 'stand-in-address' || (head?.type === 'text' && /^[a-z][a-z0-9+.-]*:\/\//i.test(head.value));
  return isUrl ? { type: 'url', url: parseUrl(text) } : { type: 'app' };
}

/**
 * A call as a message quotes it, on one line: `request(app)`, `spec()`, with long arguments
 * shown as `…`; and the request it starts when the file shows it (`POST /v1/users`).
 */
export function describeClientCall(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression): { call: string; request: string | null } {
  const { sourceCode } = context;
  // A trailing comma before a closing brace or bracket reads as written on one line: `{ a: 1 }`.
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').replace(/,\s*([}\]])/g, ' $1').trim();
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return { call: oneLine(sourceCode.getText(node)), request: null };
  const args = oneLine(node.arguments.map((argument) => sourceCode.getText(argument)).join(', '));
  const shown = args.length <= MAX_ARGUMENTS_TEXT ? args : '…';
  // A chain split over lines reads `pactum.spec`, not `pactum .spec`.
  const callee = oneLine(sourceCode.getText(node.callee)).replace(/\s*(\??\.)\s*/g, '$1');
  const call = `${node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${callee}(${shown})`;
  return { call, request: node.type === AST_NODE_TYPES.CallExpression ? requestLineOf(context, node, shown === '…') : null };
}

/** Whether an argument is a name (`PATH`, `routes.orders`) whose text is known in full. */
function namesKnownText(context: Context, argument: TSESTree.CallExpressionArgument | undefined): boolean {
  const node = argument ? unwrap(argument) : null;
  if (node?.type !== AST_NODE_TYPES.Identifier && node?.type !== AST_NODE_TYPES.MemberExpression) return false;
  return !displayText(partialTextOf(context, node)).includes('…');
}

/**
 * `api.fetch('/v1/users', { method: 'POST', … })`: `POST /v1/users`, for a call named `fetch`, or a
 * method named `request` (Hono's `app.request(path, init)`), whose method is written out as a string
 * in its options.
 */
function fetchLine(context: Context, call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
  const [target, options] = call.arguments;
  const takesInit = name === 'fetch' || (name === 'request' && callee.type === AST_NODE_TYPES.MemberExpression);
  if (!takesInit || !target || target.type === AST_NODE_TYPES.SpreadElement || options?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const method = options.properties.find((property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'method');
  const verb = method?.type === AST_NODE_TYPES.Property && method.value.type === AST_NODE_TYPES.Literal ? method.value.value : null;
  if (typeof verb !== 'string' || !HTTP_METHODS.has(verb.toLowerCase())) return null;
  return requestLine(context, verb, target);
}

/** What a property's value may be in a pattern rather than an expression. */
const NOT_EXPRESSIONS: ReadonlySet<string> = new Set([AST_NODE_TYPES.AssignmentPattern, AST_NODE_TYPES.ObjectPattern, AST_NODE_TYPES.ArrayPattern, AST_NODE_TYPES.TSEmptyBodyFunctionExpression]);

/**
 * `app.inject({ method: 'POST', url: '/orders', payload })`: `POST /orders`, for a call handed a
 * request written out as an object ({@link injectedRequestOf}) whose method is a string.
 */
function requestObjectLine(context: Context, call: TSESTree.CallExpression): string | null {
  const request = injectedRequestOf(call.arguments[0]);
  const verb = request?.method;
  if (!request?.url || NOT_EXPRESSIONS.has(request.url.type) || !verb || !HTTP_METHODS.has(verb.toLowerCase())) return null;
  return requestLine(context, verb, request.url as TSESTree.Expression);
}

/** A request as a message shows it: the verb, and the target's text cut to a readable length. */
function requestLine(context: Context, verb: string, target: TSESTree.Expression): string {
  const shown = displayText(partialTextOf(context, target)).replace(/\s+/g, ' ');
  return `${verb.toUpperCase()} ${shown.length <= MAX_REQUEST_TEXT ? shown : `${shown.slice(0, MAX_REQUEST_TEXT - 1)}…`}`;
}

/** `request(app).post('/v1/users')`: `POST /v1/users`. */
function requestLineOf(context: Context, node: TSESTree.CallExpression, elided: boolean): string | null {
  const verbCall = (call: TSESTree.CallExpression): string | null => {
    const callee = unwrap(call.callee);
    const verb = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
    const [target] = call.arguments;
    if (verb === null || !HTTP_METHODS.has(verb) || !target || target.type === AST_NODE_TYPES.SpreadElement) return null;
    return requestLine(context, verb, target);
  };
  // A call that is itself the request (`api.post('/v1/users')`) already shows it, unless its
  // arguments were too long to show (`server.post(…)`) or it names its path by a constant whose
  // text is known (`api.post(ORDERS)`).
  const own = verbCall(node) ?? fetchLine(context, node) ?? requestObjectLine(context, node);
  if (own) return elided || namesKnownText(context, node.arguments[0]) ? own : null;
  const parent = node.parent;
  const next = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node ? parent.parent : null;
  return next?.type === AST_NODE_TYPES.CallExpression && next.callee === parent ? verbCall(next) : null;
}

/** A request a file sends through a test client to an app one of the project's modules exports. */
export interface ProjectAppRequest {
  /** The app as the file names it: `app`. */
  readonly app: string;
  /** The project module it comes from, as the file writes it: `'../app'`. */
  readonly source: string;
  readonly library: string;
}

/**
 * The first call among `calls` that drives, through a test client, an app imported from one of the
 * project's modules (`request(app)` with `app` from '../app', also `request(app.callback())`). A
 * module whose summary calls the export a fake, or that cannot be read, does not count.
 */
export function projectAppRequestIn(context: Context, calls: readonly TSESTree.CallExpression[]): ProjectAppRequest | null {
  if (!mayCallTestClient(context.sourceCode.text)) return null;
  for (const call of calls) {
    const client = parseTestClientCall(context, call);
    if (!client?.app) continue;
    let root = unwrap(client.app);
    while (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.type === AST_NODE_TYPES.CallExpression ? root.callee : root.object);
    if (root.type !== AST_NODE_TYPES.Identifier) continue;
    const resolution = resolveName(context, root);
    // `let app; before(() => { app = require('../app') })`: a variable set from a project module.
    const traced = resolution.type === 'local' ? moduleOriginOf(context, root) : null;
    if (resolution.type === 'module' ? resolution.binding.typeOnly : traced === null) continue;
    const source = resolution.type === 'module' ? resolution.binding.source : (traced as string);
    const imported = resolution.type === 'module' ? resolution.binding.imported : '*';
    if (moduleIdentityOf(context, source).type !== 'project') continue;
    const summary = summaryOfSpecifier(context, source);
    if (summary === null || summary === 'unknown') continue;
    const exported = imported === '*' ? undefined : summary.exports.get(imported);
    if (exported?.value.type === 'fake' || (imported !== '*' && !exported)) continue;
    return { app: root.name, source, library: client.library };
  }
  return null;
}
