import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { packageName } from '../core/boundaries';
import { concatText, knownText, UNKNOWN_TEXT, type PartialText } from '../core/partial-text';
import { parseUrl, resolveUrl, type UrlTarget } from '../core/urls';
import { propertyName, unwrap } from './call-chain';
import { resolveName } from './imports';
import { moduleMemberOf } from './module-members';
import { partialTextOf, type Reading } from './static-text';
import { singleValueOf } from './variables';
import { fileCache } from './file-cache';
import { textGate, type TextNeeds } from './text-gates';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** How a JS HTTP client takes the address of a request. Extend the table, not the recogniser. */
interface HttpClientShape {
  /** Calling the module value itself sends a request: `axios(url)`, `got(url)`, `fetch(url)`. */
  readonly callable?: boolean;
  /** Exports, or methods of the module value and of instances, whose first argument is the URL or an options object. */
  readonly requests?: readonly string[];
  /** Methods that make a configured instance: `axios.create({ baseURL })`, `got.extend({ prefixUrl })`. */
  readonly factories?: readonly string[];
  /** The option holding the base URL, in a factory or a request's options. */
  readonly baseOption?: string;
  /** The option holding the URL when the request is an options object. */
  readonly urlOption?: string;
  /** Node's `http`/`https`: the options object names `host`/`hostname`, `protocol`, `port` and `path`. */
  readonly defaultProtocol?: 'http:' | 'https:';
}

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];
const NODE_HTTP = (protocol: 'http:' | 'https:'): HttpClientShape => ({ requests: ['get', 'request'], defaultProtocol: protocol });

/** HTTP clients by package name (`node:` stripped). */
const HTTP_CLIENTS: Readonly<Record<string, HttpClientShape>> = {
  axios: { callable: true, requests: [...VERBS, 'request', 'postForm', 'putForm', 'patchForm'], factories: ['create'], baseOption: 'baseURL', urlOption: 'url' },
  got: { callable: true, requests: [...VERBS, 'stream', 'paginate'], factories: ['extend'], baseOption: 'prefixUrl', urlOption: 'url' },
  ky: { callable: true, requests: VERBS, factories: ['create', 'extend'], baseOption: 'prefixUrl' },
  superagent: { requests: [...VERBS, 'del'] },
  undici: { requests: ['request', 'fetch', 'stream'], urlOption: 'origin' },
  ofetch: { requests: ['ofetch', '$fetch'], baseOption: 'baseURL' },
  'node-fetch': { callable: true },
  'cross-fetch': { callable: true, requests: ['fetch'] },
  'isomorphic-fetch': { callable: true },
  http: NODE_HTTP('http:'),
  https: NODE_HTTP('https:'),
};

/** Options that send the request somewhere of their own choosing (a mock dispatcher, a custom adapter). */
const TRANSPORT_OPTIONS: ReadonlySet<string> = new Set(['dispatcher', 'adapter', 'socketPath']);
const HOST_OPTIONS: ReadonlySet<string> = new Set(['host', 'hostname']);
const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);
const GLOBAL_FETCH = 'fetch';

/**
 * Every request {@link parseHttpRequest} recognises needs one of these in the file's text: the
 * global `fetch` is called by that name (`fetch`, `globalThis.fetch`, `window['fetch']`), and a
 * client or an instance of one is traced to an import or `require` of a module of {@link HTTP_CLIENTS}
 * (by package name, so a subpath counts too).
 */
export const HTTP_REQUEST_NEEDS: TextNeeds = { modules: Object.keys(HTTP_CLIENTS), names: [GLOBAL_FETCH] };

/**
 * Whether a file's source text may hold a request {@link parseHttpRequest} recognises, or load a
 * module {@link isHttpClientModule} accepts: `false` only when it certainly does not.
 */
export const mayRequestHttp = textGate(HTTP_REQUEST_NEEDS);

/** An HTTP request sent by a general-purpose client. */
export interface HttpRequest {
  /** The client as users write it: `fetch`, `axios.get`, `got.post`, `ky`, `undici.request`. */
  readonly client: string;
  /** The client's package name (`axios`, `https`, `undici`); `null` for the global `fetch`. */
  readonly module: string | null;
  /** Where the request goes, with the client's base URL applied; `null` when the host is unknown. */
  readonly url: UrlTarget | null;
  /**
   * Whether the request may choose its own transport (a `dispatcher`, an `adapter`, a
   * `socketPath`, or options that cannot be read), so that it need not go where its URL says.
   */
  readonly ownTransport: boolean;
  readonly node: TSESTree.CallExpression;
}

/** A client value: the module itself or an instance with a base URL. */
interface ClientValue {
  readonly module: string;
  readonly shape: HttpClientShape;
  /** The base URL of an instance, `null` for the module itself or when none is given. */
  readonly base: PartialText | null;
}

const caches: Record<Reading, Map<TSESTree.CallExpression, HttpRequest | null>> = { values: fileCache(), constants: fileCache() };

/** Whether a module specifier is one of the HTTP clients this recogniser reads. */
export function isHttpClientModule(specifier: string): boolean {
  return Object.hasOwn(HTTP_CLIENTS, packageName(specifier));
}

/**
 * Recognises a call that sends an HTTP request and says where it goes: the global `fetch` (also
 * as `globalThis.fetch`), the clients of {@link HTTP_CLIENTS} by import or `require`, and their
 * instances (`const api = axios.create({ baseURL })`, then `api.get('/users')`). `reading` says
 * how far to trust the values the URL is built from. Cached per node.
 */
export function parseHttpRequest(context: Context, node: TSESTree.CallExpression, reading: Reading = 'values'): HttpRequest | null {
  const cache = caches[reading];
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  // Whether a call sends a request does not depend on the reading, only where it goes: a call
  // another rule found to be no request under the other reading is none under this one.
  const otherReading = caches[reading === 'values' ? 'constants' : 'values'].get(node);
  const result = otherReading === null ? null : recognise(context, node, reading);
  cache.set(node, result);
  return result;
}

/** Whether a callee is the global `fetch` (`fetch`, `globalThis.fetch`, `window.fetch`). */
export function isGlobalFetch(context: Context, callee: Node): boolean {
  const expression = unwrap(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    return expression.name === GLOBAL_FETCH && resolveName(context, expression).type === 'global';
  }
  if (expression.type !== AST_NODE_TYPES.MemberExpression || propertyName(expression) !== GLOBAL_FETCH) return false;
  const object = unwrap(expression.object);
  return object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && resolveName(context, object).type === 'global';
}

function recognise(context: Context, node: TSESTree.CallExpression, reading: Reading): HttpRequest | null {
  const callee = unwrap(node.callee);
  if (isGlobalFetch(context, callee)) return request(context, reading, node, GLOBAL_FETCH, null, {}, null);

  const member = moduleMemberOf(context, callee);
  if (member) {
    const module = packageName(member.source);
    const shape = Object.hasOwn(HTTP_CLIENTS, module) ? HTTP_CLIENTS[module] : undefined;
    const path = member.path.filter((segment) => segment !== 'default');
    if (!shape || !isRequestPath(shape, path)) return null;
    return request(context, reading, node, [module, ...path].join('.'), module, shape, null);
  }

  // Calls on an instance: `api('/users')`, `api.get('/users')`, `axios.create({ baseURL }).get('/x')`.
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(callee);
    const instance = name === null ? null : instanceOf(context, reading, callee.object, 0);
    if (!instance || name === null || !isRequestPath(instance.shape, [name])) return null;
    return request(context, reading, node, `${instance.module}.${name}`, instance.module, instance.shape, instance.base);
  }
  const instance = instanceOf(context, reading, callee, 0);
  return instance?.shape.callable ? request(context, reading, node, instance.module, instance.module, instance.shape, instance.base) : null;
}

function isRequestPath(shape: HttpClientShape, path: readonly string[]): boolean {
  if (path.length === 0) return shape.callable === true;
  return path.length === 1 && (shape.requests ?? []).includes(path[0] as string);
}

/** `const api = axios.create({ baseURL })`, `got.extend({ prefixUrl })`, and instances made from instances. */
function instanceOf(context: Context, reading: Reading, node: Node, depth: number): ClientValue | null {
  if (depth > 4) return null;
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, expression);
    const value = resolution.type === 'local' ? singleValueOf(resolution.variable) : null;
    return value ? instanceOf(context, reading, value, depth + 1) : null;
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(expression.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = propertyName(callee);
  if (name === null) return null;
  const member = moduleMemberOf(context, callee.object);
  const module = member && member.path.every((segment) => segment === 'default') ? packageName(member.source) : null;
  const shape = module !== null && Object.hasOwn(HTTP_CLIENTS, module) ? HTTP_CLIENTS[module] : undefined;
  const parent: ClientValue | null = module !== null && shape ? { module, shape, base: null } : instanceOf(context, reading, callee.object, depth + 1);
  if (!parent || !(parent.shape.factories ?? []).includes(name)) return null;
  const [options] = expression.arguments;
  const base = options === undefined ? undefined : optionText(context, reading, options, parent.shape.baseOption);
  return { ...parent, base: base === undefined ? parent.base : base ?? UNKNOWN_TEXT };
}

function request(
  context: Context,
  reading: Reading,
  node: TSESTree.CallExpression,
  client: string,
  module: string | null,
  shape: HttpClientShape,
  instanceBase: PartialText | null,
): HttpRequest {
  const [first, ...rest] = node.arguments;
  const firstValue = first && first.type !== AST_NODE_TYPES.SpreadElement ? unwrap(first) : null;
  const optionObjects = rest.map((argument) => unwrap(argument)).filter((argument): argument is TSESTree.ObjectExpression => argument.type === AST_NODE_TYPES.ObjectExpression);
  const ownTransport = [firstValue, ...optionObjects].some((options) => options?.type === AST_NODE_TYPES.ObjectExpression && hasOption(options, TRANSPORT_OPTIONS));
  const text = firstValue ? urlText(context, reading, firstValue, optionObjects, shape, instanceBase) : null;
  return { client, module, url: text ? parseUrl(text) : null, ownTransport, node };
}

/** The URL of a request, from its URL argument or options object and the base URL that applies. */
function urlText(
  context: Context,
  reading: Reading,
  first: Node,
  optionObjects: readonly TSESTree.ObjectExpression[],
  shape: HttpClientShape,
  instanceBase: PartialText | null,
): PartialText | null {
  if (shape.defaultProtocol) return nodeHttpUrl(context, reading, first, optionObjects, shape.defaultProtocol);
  let reference: PartialText;
  let base = instanceBase;
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    // The request is an options object: `axios({ url, baseURL })`, `undici.request({ origin })`.
    reference = optionText(context, reading, first, shape.urlOption) ?? UNKNOWN_TEXT;
    base = overriddenBase(context, reading, first, shape, base);
  } else {
    reference = partialTextOf(context, first, reading);
  }
  for (const options of optionObjects) base = overriddenBase(context, reading, options, shape, base);
  return resolveUrl(reference, base);
}

/** The base URL once an options object has had its say: its own base option, or unknown if it cannot be read. */
function overriddenBase(context: Context, reading: Reading, options: Node, shape: HttpClientShape, base: PartialText | null): PartialText | null {
  if (shape.baseOption === undefined) return base;
  const own = optionText(context, reading, options, shape.baseOption);
  return own === undefined ? base : own ?? UNKNOWN_TEXT;
}

/** `https.get(url)`, `https.request({ hostname, port, path })`: options override the URL's host. */
function nodeHttpUrl(context: Context, reading: Reading, first: Node, rest: readonly TSESTree.ObjectExpression[], defaultProtocol: string): PartialText | null {
  if (first.type !== AST_NODE_TYPES.ObjectExpression) {
    return rest.some((options) => hasOption(options, HOST_OPTIONS)) ? null : partialTextOf(context, first, reading);
  }
  const read = (key: string) => optionText(context, reading, first, key);
  const hostname = read('hostname');
  const host = hostname === undefined ? read('host') : hostname;
  const protocol = read('protocol');
  const port = read('port');
  const path = read('path');
  if (host === null || protocol === null) return null;
  // Node sends a request without a host to `localhost`.
  return concatText(protocol ?? knownText(defaultProtocol), knownText('//'), host ?? knownText('localhost'), port === undefined ? [] : concatText(knownText(':'), port ?? UNKNOWN_TEXT), path ?? knownText('/'));
}

/**
 * A string option of an options object: its text, `undefined` when the object certainly lacks
 * it, `null` when the object cannot be read (a spread, a computed key, not an object literal).
 */
function optionText(context: Context, reading: Reading, options: Node, key: string | undefined): PartialText | null | undefined {
  const object = optionsObject(context, reading, options);
  if (!object) return null;
  let found: PartialText | null | undefined;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return null;
    const name = propertyKey(property);
    if (name === null) return null;
    if (key !== undefined && name === key) found = partialTextOf(context, property.value, reading);
  }
  return found;
}

/** An options object written out, or held in a variable (`const config = { baseURL }`, then `axios.create(config)`). */
function optionsObject(context: Context, reading: Reading, options: Node): TSESTree.ObjectExpression | null {
  const object = unwrap(options);
  if (object.type === AST_NODE_TYPES.ObjectExpression) return object;
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const resolution = resolveName(context, object);
  if (resolution.type !== 'local') return null;
  const definition = resolution.variable.defs[0];
  const constant = definition?.type === 'Variable' && definition.parent.kind === 'const';
  const value = reading === 'values' || constant ? singleValueOf(resolution.variable) : null;
  const held = value ? unwrap(value) : null;
  // Written to after it is made (`config.baseURL = …`), it holds more than the literal shows.
  const changed = resolution.variable.references.some(({ identifier }) => identifier.parent?.type === AST_NODE_TYPES.MemberExpression && identifier.parent.object === identifier && isWrittenMember(identifier.parent));
  return held?.type === AST_NODE_TYPES.ObjectExpression && !changed ? held : null;
}

function isWrittenMember(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) || (parent?.type === AST_NODE_TYPES.UpdateExpression) || (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete');
}

function propertyKey(property: TSESTree.Property): string | null {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  const key = property.key;
  return key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : null;
}

function hasOption(options: TSESTree.ObjectExpression, names: ReadonlySet<string>): boolean {
  return options.properties.some((property) => property.type !== AST_NODE_TYPES.Property || names.has(propertyKey(property) ?? ''));
}
