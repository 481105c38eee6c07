import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { packageName } from '../core/boundaries';
import { resolveUrl, urlOfText, type KnownUrl, type StaticText } from '../core/urls';
import { callChain, unwrap } from './call-chain';
import { resolveName } from './imports';
import { staticText } from './static-url';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** How a JS HTTP client takes the address of a request. */
interface HttpClientShape {
  /** The module value itself sends a request: `axios(url)`, `got(url)`, `fetch(url)`. */
  readonly callable?: boolean;
  /** Functions or methods whose first argument is the URL or an options object. */
  readonly methods?: readonly string[];
  /** Methods that make a client with a base URL: `axios.create({ baseURL })`. */
  readonly factories?: readonly string[];
  /** The option holding the base URL, in a factory or a request's options. */
  readonly baseOption?: string;
  /** The option holding the URL when the request is an options object. */
  readonly urlOption?: string;
  /** Node's `http`/`https`: the options object names `host`/`hostname`, `protocol` and `port`. */
  readonly defaultProtocol?: 'http:' | 'https:';
}

const FETCH: HttpClientShape = { callable: true };
const NODE_HTTP = (protocol: 'http:' | 'https:'): HttpClientShape => ({ methods: ['get', 'request'], defaultProtocol: protocol });
const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** HTTP clients by package name (`node:` stripped). Extend the table, not the recogniser. */
const HTTP_CLIENTS: Readonly<Record<string, HttpClientShape>> = {
  axios: { callable: true, methods: [...VERBS, 'request', 'postForm', 'putForm', 'patchForm'], factories: ['create'], baseOption: 'baseURL', urlOption: 'url' },
  got: { callable: true, methods: [...VERBS, 'stream', 'paginate'], factories: ['extend'], baseOption: 'prefixUrl', urlOption: 'url' },
  ky: { callable: true, methods: VERBS, factories: ['create', 'extend'], baseOption: 'prefixUrl' },
  superagent: { methods: [...VERBS, 'del'] },
  undici: { methods: ['request', 'fetch', 'stream'], urlOption: 'origin' },
  'node-fetch': FETCH,
  'cross-fetch': FETCH,
  'isomorphic-fetch': FETCH,
  http: NODE_HTTP('http:'),
  https: NODE_HTTP('https:'),
};

/** Options that send the request somewhere of their own choosing (a mock dispatcher, a custom adapter). */
const TRANSPORT_OPTIONS: ReadonlySet<string> = new Set(['dispatcher', 'adapter', 'socketPath']);
const HOST_OPTIONS: ReadonlySet<string> = new Set(['host', 'hostname']);
const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);

/** Whether a module specifier is one of the HTTP clients this recogniser reads. */
export function isHttpClientModule(specifier: string): boolean {
  return Object.hasOwn(HTTP_CLIENTS, packageName(specifier));
}

/** A recognised HTTP request. */
export interface HttpRequest {
  /** The client's package name (`axios`, `https`, `undici`), or `fetch` for the global. */
  readonly client: string;
  /** Where the request goes, when the file shows it; `null` when it cannot be known statically. */
  readonly url: KnownUrl | null;
  readonly node: TSESTree.CallExpression;
}

/** A client value: the module (or a function exported by it) or an instance with a base URL. */
interface ClientValue {
  readonly client: string;
  readonly shape: HttpClientShape;
  /** Names already taken off the module: `['get']` for `import { get } from 'https'`. */
  readonly path: readonly string[];
  /** The base URL of an instance, `undefined` for the module itself, `null` when unknown. */
  readonly base: StaticText | null | undefined;
}

const cache = new WeakMap<TSESTree.CallExpression, HttpRequest | null>();

/**
 * Recognises a request sent with global `fetch`, axios (and its instances), got, ky, superagent,
 * undici, node-fetch and Node's `http`/`https`, and reads its URL when the file shows it.
 */
export function parseHttpRequest(context: Context, node: TSESTree.CallExpression): HttpRequest | null {
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  const answer = computeRequest(context, node);
  cache.set(node, answer);
  return answer;
}

function computeRequest(context: Context, node: TSESTree.CallExpression): HttpRequest | null {
  const chain = callChain(node);
  if (!chain || chain.root.type !== AST_NODE_TYPES.Identifier) return null;
  // A client built with `new` (`new Client(origin).request(…)`) is not read.
  if (chain.constructed.size > 0) return null;
  const [rootName, ...members] = chain.segments;
  if (rootName === undefined) return null;

  // An instance made on the spot: `axios.create({ baseURL }).get('/x')`.
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.CallExpression) {
    const instance = instanceOf(context, callee.object);
    const method = chain.segments[chain.segments.length - 1];
    if (!instance || method === undefined || !isRequestPath(instance.shape, [method])) return null;
    return { client: instance.client, url: urlOfRequest(context, node, instance.shape, instance.base), node };
  }

  const resolution = resolveName(context, chain.root);
  if (resolution.type === 'global') {
    const isFetch = members.length === 0 ? rootName === 'fetch' : GLOBAL_OBJECTS.has(rootName) && members.length === 1 && members[0] === 'fetch';
    return isFetch ? { client: 'fetch', url: urlOfRequest(context, node, FETCH, undefined), node } : null;
  }
  const value = clientValueOf(context, chain.root);
  if (!value) return null;
  const path = [...value.path, ...members];
  if (!isRequestPath(value.shape, path)) return null;
  return { client: value.client, url: urlOfRequest(context, node, value.shape, value.base), node };
}

function isRequestPath(shape: HttpClientShape, path: readonly string[]): boolean {
  if (path.length === 0) return shape.callable === true;
  return path.length === 1 && (shape.methods ?? []).includes(path[0] as string);
}

/** What an identifier holds, when it is an HTTP client module, one of its functions, or an instance. */
function clientValueOf(context: Context, identifier: TSESTree.Identifier): ClientValue | null {
  const resolution = resolveName(context, identifier);
  if (resolution.type === 'module') {
    const { source, imported, typeOnly } = resolution.binding;
    const client = packageName(source);
    const shape = Object.hasOwn(HTTP_CLIENTS, client) ? HTTP_CLIENTS[client] : undefined;
    if (!shape || typeOnly) return null;
    const path = imported === 'default' || imported === '*' ? [] : imported.split('.').filter((part) => part !== 'default');
    return { client, shape, path, base: undefined };
  }
  if (resolution.type !== 'local') return null;
  // An instance: `const api = axios.create({ baseURL })`, or assigned once in a hook.
  const variable = resolution.variable;
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier) return null;
  const writes = variable.references.filter((reference) => reference.writeExpr).map((reference) => reference.writeExpr as Node);
  if (writes.length !== 1) return null;
  return instanceOf(context, writes[0] as Node);
}

/** A client made by a module's factory: `axios.create({ baseURL })`, `got.extend({ prefixUrl })`. */
function instanceOf(context: Context, expression: Node): ClientValue | null {
  const call = unwrap(expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) return null;
  const chain = callChain(call);
  if (!chain || chain.root.type !== AST_NODE_TYPES.Identifier || chain.constructed.size > 0 || chain.segments.length !== 2) return null;
  // Only the module's own factory: an instance made from another instance is not read.
  if (resolveName(context, chain.root).type !== 'module') return null;
  const module = clientValueOf(context, chain.root);
  const factory = chain.segments[1] as string;
  if (!module || module.path.length > 0 || !(module.shape.factories ?? []).includes(factory)) return null;
  const options = call.arguments[0];
  return { ...module, base: options === undefined ? undefined : optionText(context, options, module.shape.baseOption) };
}

/**
 * A string option of an options object: its text, `undefined` when the object certainly lacks
 * it, `null` when the object cannot be read (a spread, a computed key, not an object literal).
 */
function optionText(context: Context, options: Node, key: string | undefined): StaticText | null | undefined {
  const object = unwrap(options);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return null;
  let found: StaticText | null | undefined;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return null;
    const name = propertyKey(property);
    if (name === null) return null;
    if (key !== undefined && name === key) found = staticText(context, property.value);
  }
  return found;
}

function propertyKey(property: TSESTree.Property): string | null {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  const key = property.key;
  return key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : null;
}

function hasOption(options: TSESTree.ObjectExpression, names: ReadonlySet<string>): boolean {
  return options.properties.some((property) => property.type !== AST_NODE_TYPES.Property || names.has(propertyKey(property) ?? ''));
}

/** The URL of a request call, from its URL argument or options object and the instance's base URL. */
function urlOfRequest(context: Context, node: TSESTree.CallExpression, shape: HttpClientShape, instanceBase: StaticText | null | undefined): KnownUrl | null {
  const [first, ...rest] = node.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
  const firstValue = unwrap(first);
  const optionObjects = rest.map((argument) => unwrap(argument)).filter((argument): argument is TSESTree.ObjectExpression => argument.type === AST_NODE_TYPES.ObjectExpression);
  if (optionObjects.some((options) => hasOption(options, TRANSPORT_OPTIONS))) return null;

  if (shape.defaultProtocol) return nodeHttpUrl(context, firstValue, optionObjects, shape.defaultProtocol);

  let reference: StaticText | null;
  let base = instanceBase;
  if (firstValue.type === AST_NODE_TYPES.ObjectExpression) {
    // The request is an options object: `axios({ url, baseURL })`, `undici.request({ origin })`.
    if (hasOption(firstValue, TRANSPORT_OPTIONS)) return null;
    reference = optionText(context, firstValue, shape.urlOption) ?? null;
    const ownBase = optionText(context, firstValue, shape.baseOption);
    if (ownBase !== undefined) base = ownBase;
  } else {
    reference = staticText(context, firstValue);
  }
  for (const options of optionObjects) {
    const ownBase = optionText(context, options, shape.baseOption);
    if (ownBase !== undefined) base = ownBase;
  }
  return resolveUrl(reference, base ?? null);
}

/** `https.get(url)`, `https.request({ hostname, port, path })`: options override the URL's host. */
function nodeHttpUrl(context: Context, first: Node, rest: readonly TSESTree.ObjectExpression[], defaultProtocol: string): KnownUrl | null {
  if (first.type !== AST_NODE_TYPES.ObjectExpression) {
    if (rest.some((options) => hasOption(options, HOST_OPTIONS))) return null;
    return urlOfText(staticText(context, first));
  }
  if (hasOption(first, TRANSPORT_OPTIONS)) return null;
  const hostname = optionText(context, first, 'hostname');
  const host = hostname === undefined ? optionText(context, first, 'host') : hostname;
  const protocol = optionText(context, first, 'protocol');
  if (host === null || protocol === null) return null;
  // Node sends a request without a host to `localhost`.
  const hostText = host ?? { text: 'localhost', complete: true };
  const protocolText = protocol ?? { text: defaultProtocol, complete: true };
  if (!hostText.complete || !protocolText.complete) return null;
  return urlOfText({ text: `${protocolText.text}//${hostText.text}/`, complete: true });
}
