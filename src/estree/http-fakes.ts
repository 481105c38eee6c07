import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isRelativeSpecifier, packageName } from '../core/boundaries';
import type { HostPattern, HttpFakeFact } from '../core/http-fakes';
import { httpOriginOf } from '../core/urls';
import { boundaryOfSpecifier, boundaryOfValue, moduleOriginOf } from './boundary-values';
import { callChain, propertyName, unwrap } from './call-chain';
import { moduleMemberOf } from './module-members';
import { isReExport, resolveName } from './imports';
import { GLOBAL_OBJECTS, isStandInFunction, parseGlobalAssignment, parseMockCall } from './mocks';
import { partialTextOf, urlOf } from './static-text';
import { fullText } from '../core/partial-text';
import type { TestFile } from './test-file';
import { singleValueOf } from './variables';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Node = TSESTree.Node;

/** Fakes whose hosts the file states, one scope or handler at a time: their calls are read instead. */
const PER_HOST_FAKES: ReadonlySet<string> = new Set(['nock', 'msw']);
/** msw's handler namespaces: `http.get(url, …)` (and `rest.get` before msw 2), `graphql.query(…)`. */
const MSW_HANDLERS: ReadonlySet<string> = new Set(['http', 'rest', 'graphql']);
/** msw's functions that start a server (Node.js) or a worker (browser) of handlers. */
export const MSW_SERVERS: ReadonlySet<string> = new Set(['setupServer', 'setupWorker']);

/**
 * A module load that sets up an HTTP fake on its own: any HTTP fake of the boundary catalog
 * (fetch-mock, jest-fetch-mock, axios-mock-adapter, …) except nock and msw, whose fakes are per host.
 */
export function httpFakeOfModule(context: Context, specifier: string): HttpFakeFact | null {
  const boundary = boundaryOfSpecifier(context, specifier);
  if (!boundary || boundary.role !== 'fake' || boundary.kind !== 'http') return null;
  return PER_HOST_FAKES.has(packageName(specifier)) ? null : { type: 'all-requests' };
}

/**
 * What an msw call fakes: a handler answers the host of its URL (`http.get('https://api.x.com/v1')`),
 * or may answer any host when its URL is relative, has a wildcard in the host or cannot be read,
 * and always for GraphQL; a server given handlers the file does not show may answer anything;
 * `server.listen({ onUnhandledRequest: 'error' })` fails every request no handler answers.
 */
function mswFakesOfCall(context: Context, node: TSESTree.CallExpression): HttpFakeFact[] | null {
  const callee = unwrap(node.callee);
  const member = moduleMemberOf(context, callee);
  if (member && packageName(member.source) === 'msw') {
    const [namespace] = member.path;
    if (member.path.length === 2 && namespace !== undefined && MSW_HANDLERS.has(namespace)) return [{ type: 'host', host: namespace === 'graphql' ? null : mswHost(context, node) }];
    if (member.path.length === 1 && namespace !== undefined && MSW_SERVERS.has(namespace)) {
      return node.arguments.every((argument) => argument.type === AST_NODE_TYPES.CallExpression && mswFakesOfCall(context, argument) !== null) ? [] : [{ type: 'host', host: null }];
    }
    return null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'listen' && isMswServer(context, callee.object)) {
    const [options] = node.arguments;
    const strict = options?.type === AST_NODE_TYPES.ObjectExpression && options.properties.some((property) =>
      property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier &&
      property.key.name === 'onUnhandledRequest' && property.value.type === AST_NODE_TYPES.Literal && property.value.value === 'error');
    return strict ? [{ type: 'refuse-unmatched' }] : [];
  }
  return null;
}

function mswHost(context: Context, handler: TSESTree.CallExpression): HostPattern | null {
  const [path] = handler.arguments;
  if (!path) return null;
  if (path.type === AST_NODE_TYPES.Literal && 'regex' in path && path.regex) return { source: path.regex.pattern, flags: path.regex.flags };
  const host = httpOriginOf(urlOf(context, path, 'constants'))?.hostname ?? null;
  return host === null || host.includes('*') ? null : host;
}

/** A value made by msw's `setupServer(…)` / `setupWorker(…)` in this file. */
function isMswServer(context: Context, node: TSESTree.Node): boolean {
  const origin = moduleOriginOf(context, node);
  return origin !== null && packageName(origin) === 'msw';
}

/** `setupServer(…)` or `setupWorker(…)` of msw: the file sets up its own msw server. */
function isMswServerSetup(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const member = node.type === AST_NODE_TYPES.CallExpression ? moduleMemberOf(context, node.callee) : null;
  return member !== null && packageName(member.source) === 'msw' && member.path.length === 1 && MSW_SERVERS.has(member.path[0] ?? '');
}

/**
 * `globalThis.fetch = vi.fn()`: the global `fetch` is replaced. A stand-in put on the global object
 * under another name that says it sends requests (`globalThis.endpointFetch = (request) => …`,
 * `global.XMLHttpRequest = FakeXhr`, also through a name the file gives the global object) is a
 * transport the plugin does not know: any client may send through it, so it may answer any request.
 */
export function httpFakeOfAssignment(context: Context, node: TSESTree.AssignmentExpression): HttpFakeFact | null {
  if (parseGlobalAssignment(node) === 'fetch') return { type: 'client', client: 'fetch' };
  const left = unwrap(node.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression || !isGlobalObject(context, left.object)) return null;
  const name = propertyName(left);
  if (name === null || name === 'fetch' || !TRANSPORT_NAME.test(name)) return null;
  const value = unwrap(node.right);
  return isStandInFunction(context, value) || value.type === AST_NODE_TYPES.ClassExpression ? { type: 'all-requests' } : null;
}

/**
 * A global's name that says it sends requests: `endpointFetch`, `XMLHttpRequest`, `httpRequest`,
 * `WebSocket`; not `requestAnimationFrame` and the like, which send nothing.
 */
const TRANSPORT_NAME = /fetch|httprequest|http(?:client|agent)|xhr|websocket|eventsource|transport/i;

/** `globalThis`, or a `const` the file sets to it (`const testGlobal = globalThis as TestGlobal`). */
function isGlobalObject(context: Context, node: Node): boolean {
  const expression = unwrap(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, expression);
  if (resolution.type === 'global') return GLOBAL_OBJECTS.has(expression.name);
  if (resolution.type !== 'local') return false;
  const value = singleValueOf(resolution.variable);
  const held = value ? unwrap(value) : null;
  return held?.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(held.name) && resolveName(context, held).type === 'global';
}

/**
 * What a call does to keep requests off the network: msw handlers and servers, nock scopes,
 * `disableNetConnect` and `enableNetConnect`, undici's
 * `MockAgent` and `setGlobalDispatcher`, the `fetchMock` global of jest-fetch-mock, and mocks
 * that replace an HTTP client (`vi.mock('axios')`, `vi.stubGlobal('fetch', …)`). `loadsFakeModules`
 * says whether the file loads msw, nock or undici itself: without such a load, of their calls only
 * an msw server's `listen()` is looked for (the server may be made elsewhere); the rest the file can
 * only reach through a load of its own.
 */
export function httpFakesOfCall(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression, loadsFakeModules = true): readonly HttpFakeFact[] {
  // Without msw loaded, only `server.listen(…)` of a server made elsewhere can be an msw call.
  const msw = node.type === AST_NODE_TYPES.CallExpression && (loadsFakeModules || isListenCall(node)) ? mswFakesOfCall(context, node) : null;
  if (msw) return msw;
  const chain = callChain(node);
  if (!chain || chain.root.type !== AST_NODE_TYPES.Identifier) return [];
  const [rootName, ...members] = chain.segments;
  if (!loadsFakeModules && rootName !== 'fetchMock' && rootName !== 'fetch') return node.type === AST_NODE_TYPES.CallExpression ? replacedClientsOf(context, node) : [];
  const resolution = resolveName(context, chain.root);

  if (resolution.type === 'global') {
    // jest-fetch-mock installed by a setup file: `fetchMock.mockResponse(…)`, `fetch.mockResponseOnce(…)`.
    if (rootName === 'fetchMock' || (rootName === 'fetch' && members[0]?.startsWith('mock'))) return [{ type: 'client', client: 'fetch' }];
  } else if (resolution.type === 'module' && !resolution.binding.typeOnly) {
    const { source, imported } = resolution.binding;
    const path = [...(imported === 'default' || imported === '*' ? [] : [imported]), ...members];
    const module = packageName(source);
    if (module === 'nock' && node.type === AST_NODE_TYPES.CallExpression) {
      if (path.length === 0) return [{ type: 'host', host: nockHost(context, node) }];
      if (path[0] === 'disableNetConnect') return [{ type: 'refuse-unmatched' }];
      // With no matcher it lets every host through again, which is how suites restore the network afterwards.
      if (path[0] === 'enableNetConnect' && node.arguments.length > 0) {
        return [{ type: 'let-through', hosts: netConnectMatcher(context, node), call: context.sourceCode.getText(node).replace(/\s+/g, ' ') }];
      }
      if (path[0] === 'back') return [{ type: 'all-requests' }];
    }
    if (module === 'undici' && path.length === 1) {
      if (path[0] === 'MockAgent' && node.type === AST_NODE_TYPES.NewExpression) return [{ type: 'mock-agent' }];
      if (path[0] === 'setGlobalDispatcher' && node.type === AST_NODE_TYPES.CallExpression) return [{ type: 'global-dispatcher' }];
    }
  }
  return node.type === AST_NODE_TYPES.CallExpression ? replacedClientsOf(context, node) : [];
}

function isListenCall(node: TSESTree.CallExpression): boolean {
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'listen';
}

/** The packages whose calls a file must load itself to fake requests with them (see {@link httpFakesOfCall}). */
const FAKE_MODULES: ReadonlySet<string> = new Set([...PER_HOST_FAKES, 'undici']);

/** The host a nock scope answers for: `nock('https://api.stripe.com')`, `nock(/stripe\.com/)`. */
function nockHost(context: Context, node: TSESTree.CallExpression): Extract<HttpFakeFact, { type: 'host' }>['host'] {
  const [basePath] = node.arguments;
  if (!basePath) return null;
  if (basePath.type === AST_NODE_TYPES.Literal && 'regex' in basePath && basePath.regex) {
    return { source: basePath.regex.pattern, flags: basePath.regex.flags };
  }
  return httpOriginOf(urlOf(context, basePath, 'constants'))?.hostname ?? null;
}

/**
 * The hosts `nock.enableNetConnect(…)` lets through. nock reads a string as a pattern on
 * `host:port` with its dots taken literally; a function or anything unread is `null`.
 */
function netConnectMatcher(context: Context, node: TSESTree.CallExpression): HostPattern | null {
  const [matcher] = node.arguments;
  if (!matcher) return null;
  if (matcher.type === AST_NODE_TYPES.Literal && 'regex' in matcher && matcher.regex) {
    return { source: matcher.regex.pattern, flags: matcher.regex.flags };
  }
  const text = fullText(partialTextOf(context, matcher, 'constants'));
  return text === null || text === '' ? null : { source: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags: '' };
}

/** HTTP clients replaced by a mock: whole modules, the global `fetch`, or methods of a client. */
function replacedClientsOf(context: Context, node: TSESTree.CallExpression): HttpFakeFact[] {
  const mock = parseMockCall(context, node);
  if (!mock || !mock.replaces) return [];
  return mock.targets.flatMap((target): HttpFakeFact[] => {
    // A project module is named as written, which is how a client of the project's own names it.
    if (target.type === 'module') return [{ type: 'client', client: isRelativeSpecifier(target.specifier) ? target.specifier : packageName(target.specifier) }];
    if (target.type === 'global' && target.name === 'fetch') return [{ type: 'client', client: 'fetch' }];
    if (target.type === 'method') {
      const boundary = boundaryOfValue(context, target.object);
      if (boundary?.kind === 'http' && boundary.role === 'client') return [{ type: 'client', client: packageName(boundary.specifier) }];
    }
    return [];
  });
}

/** The HTTP fakes a file sets up, read off its model once every node has been seen. */
export function httpFakesOf(context: Context, file: TestFile): HttpFakeFact[] {
  const modules = file.loads.filter((load) => !load.typeOnly && !isReExport(load)).map((load) => load.source);
  const calls = file.callsAndConstructions;
  // msw's handlers, nock's scopes and undici's agent are read through the file's own loads of them.
  const loadsFakeModules = modules.some((source) => FAKE_MODULES.has(packageName(source)));
  return [
    ...modules.flatMap((source) => httpFakeOfModule(context, source) ?? []),
    // msw loaded, but its server set up elsewhere with handlers this file does not show.
    ...(modules.some((source) => packageName(source) === 'msw') && !calls.some((call) => isMswServerSetup(context, call)) ? [{ type: 'all-requests' } as const] : []),
    ...calls.flatMap((call) => httpFakesOfCall(context, call, loadsFakeModules)),
    ...file.memberAssignments.flatMap((assignment) => (assignment.left.type === AST_NODE_TYPES.MemberExpression ? (httpFakeOfAssignment(context, assignment) ?? []) : [])),
  ];
}
