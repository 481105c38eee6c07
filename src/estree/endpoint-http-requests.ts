import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { PartialText } from '../core/partial-text';
import type { UrlTarget } from '../core/endpoint-urls';
import { propertyName, unwrap } from './call-chain';
import { resolveName } from './imports';
import { moduleMemberOf } from './module-members';
import { partialTextOf } from './static-text';
import { urlOf } from './urls';
import { singleValueOf } from './variables';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** An HTTP request sent by a general-purpose client. */
export interface HttpRequest {
  /** The client as users write it: `fetch`, `axios.get`, `got.post`, `ky`, `undici.request`. */
  readonly client: string;
  /** The module the client comes from (without `node:`); `null` for the global `fetch`. */
  readonly module: string | null;
  /** The expression holding the URL or path, if the call has one. */
  readonly urlNode: Node | null;
  /** Where the request goes, with the client's base URL applied; `null` when the host is unknown. */
  readonly url: UrlTarget | null;
  readonly node: TSESTree.CallExpression;
}

/** How a client module sends requests. Extend the table, not the recogniser. */
interface ClientApi {
  /** Calling the module value itself sends a request: `axios(url)`, `got(url)`, `fetch(url)`. */
  readonly callable: boolean;
  /** Exports, or methods of the module value and of instances, that take the URL first. */
  readonly requests: ReadonlySet<string>;
  /** Methods that make a configured instance: `axios.create`, `got.extend`. */
  readonly factories: ReadonlySet<string>;
  /** The option that gives an instance or a request its base URL. */
  readonly baseOption: string | null;
}

const NO_NAMES: ReadonlySet<string> = new Set();
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

export const HTTP_CLIENTS: Readonly<Record<string, ClientApi>> = {
  axios: {
    callable: true,
    requests: new Set([...HTTP_METHODS, 'request', 'postForm', 'putForm', 'patchForm']),
    factories: new Set(['create']),
    baseOption: 'baseURL',
  },
  got: { callable: true, requests: new Set([...HTTP_METHODS, 'stream', 'paginate']), factories: new Set(['extend']), baseOption: 'prefixUrl' },
  ky: { callable: true, requests: new Set(HTTP_METHODS), factories: new Set(['create', 'extend']), baseOption: 'prefixUrl' },
  'node-fetch': { callable: true, requests: NO_NAMES, factories: NO_NAMES, baseOption: null },
  'cross-fetch': { callable: true, requests: new Set(['fetch']), factories: NO_NAMES, baseOption: null },
  'isomorphic-fetch': { callable: true, requests: NO_NAMES, factories: NO_NAMES, baseOption: null },
  undici: { callable: false, requests: new Set(['fetch', 'request', 'stream']), factories: NO_NAMES, baseOption: null },
  superagent: { callable: false, requests: new Set([...HTTP_METHODS, 'del']), factories: NO_NAMES, baseOption: null },
  ofetch: { callable: false, requests: new Set(['ofetch', '$fetch']), factories: NO_NAMES, baseOption: 'baseURL' },
  http: { callable: false, requests: new Set(['get', 'request']), factories: NO_NAMES, baseOption: null },
  https: { callable: false, requests: new Set(['get', 'request']), factories: NO_NAMES, baseOption: null },
};

const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);

/** A configured client instance: which module made it and its base URL, if any. */
interface ClientInstance {
  readonly module: string;
  readonly api: ClientApi;
  readonly base: PartialText | null;
}

const cache = new WeakMap<TSESTree.CallExpression, HttpRequest | null>();

/**
 * Recognises a call that sends an HTTP request and says where it goes: the global `fetch`
 * (also as `globalThis.fetch`), the clients in {@link HTTP_CLIENTS} by import or `require`,
 * and their instances (`const api = axios.create({ baseURL })`, then `api.get('/users')`).
 * Cached per node.
 */
export function parseHttpRequest(context: Context, node: TSESTree.CallExpression): HttpRequest | null {
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  const result = recognise(context, node);
  cache.set(node, result);
  return result;
}

/** Whether a callee is the global `fetch` (`fetch`, `globalThis.fetch`, `window.fetch`). */
export function isGlobalFetch(context: Context, callee: Node): boolean {
  const expression = unwrap(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    return expression.name === 'fetch' && resolveName(context, expression).type === 'global';
  }
  if (expression.type !== AST_NODE_TYPES.MemberExpression || propertyName(expression) !== 'fetch') return false;
  const object = unwrap(expression.object);
  return object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && resolveName(context, object).type === 'global';
}

function recognise(context: Context, node: TSESTree.CallExpression): HttpRequest | null {
  const callee = unwrap(node.callee);
  if (isGlobalFetch(context, callee)) return request(context, node, 'fetch', null, null);

  const member = moduleMemberOf(context, callee);
  if (member) {
    const api = HTTP_CLIENTS[member.source];
    if (!api) return null;
    const [name, ...rest] = member.path;
    if (name === undefined) return api.callable ? request(context, node, member.source, member.source, api.baseOption) : null;
    if (rest.length === 0 && api.requests.has(name)) {
      return request(context, node, `${member.source}.${name}`, member.source, api.baseOption);
    }
    return null;
  }

  // Calls on an instance: `api('/users')`, `api.get('/users')`.
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(callee);
    const instance = name === null ? null : instanceOf(context, callee.object, 0);
    if (!instance || name === null || !instance.api.requests.has(name)) return null;
    return request(context, node, `${instance.module}.${name}`, instance.module, instance.api.baseOption, instance.base);
  }
  const instance = instanceOf(context, callee, 0);
  return instance?.api.callable ? request(context, node, instance.module, instance.module, instance.api.baseOption, instance.base) : null;
}

function request(
  context: Context,
  node: TSESTree.CallExpression,
  client: string,
  module: string | null,
  baseOption: string | null,
  instanceBase: PartialText | null = null,
): HttpRequest {
  const [first, ...rest] = node.arguments;
  let urlNode: Node | null = first && first.type !== AST_NODE_TYPES.SpreadElement ? first : null;
  let base = instanceBase;
  // `axios({ url, baseURL })`, `axios.request({ url })`.
  if (urlNode?.type === AST_NODE_TYPES.ObjectExpression) {
    base = optionText(context, urlNode, baseOption) ?? base;
    urlNode = optionValue(urlNode, 'url');
  } else {
    for (const argument of rest) {
      if (argument.type === AST_NODE_TYPES.ObjectExpression) base = optionText(context, argument, baseOption) ?? base;
    }
  }
  const url = urlNode ? urlOf(context, urlNode, base) : null;
  return { client, module, urlNode, url, node };
}

/** `const api = axios.create({ baseURL })`, `got.extend({ prefixUrl })`, and instances made from instances. */
function instanceOf(context: Context, node: Node, depth: number): ClientInstance | null {
  if (depth > 4) return null;
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, expression);
    const value = resolution.type === 'local' ? singleValueOf(resolution.variable) : null;
    return value ? instanceOf(context, value, depth + 1) : null;
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(expression.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = propertyName(callee);
  if (name === null) return null;
  const member = moduleMemberOf(context, callee.object);
  const api = member && member.path.length === 0 ? HTTP_CLIENTS[member.source] : undefined;
  const parent: ClientInstance | null = member && api ? { module: member.source, api, base: null } : instanceOf(context, callee.object, depth + 1);
  if (!parent || !parent.api.factories.has(name)) return null;
  const [options] = expression.arguments;
  const base = options?.type === AST_NODE_TYPES.ObjectExpression ? optionText(context, options, parent.api.baseOption) : null;
  return { ...parent, base: base ?? parent.base };
}

function optionValue(object: TSESTree.ObjectExpression, key: string): Node | null {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const name = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
    if (name === key) return property.value;
  }
  return null;
}

function optionText(context: Context, object: TSESTree.ObjectExpression, key: string | null): PartialText | null {
  const value = key === null ? null : optionValue(object, key);
  return value ? partialTextOf(context, value) : null;
}
