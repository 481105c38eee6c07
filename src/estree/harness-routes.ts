import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { propertyName, staticString, unwrap } from './call-chain';
import { isFrameworkMaker, isHandler } from './harness-apps';
import { resolveName } from './imports';
import { singleValueOf } from './variables';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Methods that register a route on an app or router: `app.get('/x', handler)`, `router.all('*', handler)`. */
const ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);

interface Request {
  readonly method: string;
  readonly path: string;
}

/**
 * Whether a test client's request is answered by a route this file registers itself, with a handler
 * written here, on an app of a web framework the file makes (`const app = Fastify()`,
 * `app.get('/pass', async (req) => …)`, then `app.inject({ url: '/pass' })`). Whatever else the
 * app holds (the project's plugin or middleware under test), the request reaches none of the
 * project's routes: the file tests that piece through a harness of its own.
 */
export function answersWithOwnRoute(context: Context, client: { readonly node: TSESTree.CallExpression; readonly app: Node | null }): boolean {
  const request = client.app ? requestOf(client.node) : null;
  const app = client.app ? unwrap(client.app) : null;
  if (!request || app?.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, app);
  if (resolution.type !== 'local') return false;
  const value = singleValueOf(resolution.variable);
  if (!value || !isFrameworkMaker(context, value)) return false;
  return resolution.variable.references.some((reference) => registersRouteFor(context, reference.identifier as TSESTree.Identifier, request));
}

/**
 * The method and path of the request a client call sends, when written out: `app.inject({ method:
 * 'POST', url: '/x' })`, `app.inject('/x')`, or `request(app).get('/x')`. The query is left out.
 */
function requestOf(node: TSESTree.CallExpression): Request | null {
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'inject') {
    const [first] = node.arguments;
    const options = first ? unwrap(first) : null;
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return pathOnly('get', staticString(options));
    const text = (key: string) => staticString(propertyValue(options, key));
    return pathOnly(text('method') ?? 'get', text('url') ?? text('path'));
  }
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return null;
  const next = parent.parent;
  if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== parent) return null;
  const verb = propertyName(parent);
  return verb !== null && ROUTE_METHODS.has(verb) && verb !== 'all' ? pathOnly(verb, staticString(next.arguments[0])) : null;
}

function pathOnly(method: string, url: string | null): Request | null {
  if (url === null || !url.startsWith('/')) return null;
  return { method: method.toLowerCase() === 'del' ? 'delete' : method.toLowerCase(), path: url.split(/[?#]/)[0] as string };
}

function propertyValue(object: TSESTree.ObjectExpression, key: string): Node | null {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const name = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : staticString(property.key);
    if (name === key) return property.value;
  }
  return null;
}

/** `app.get('/pass', (req, reply) => …)` for the identifier `app`, on the request's method and path. */
function registersRouteFor(context: Context, identifier: TSESTree.Identifier, request: Request): boolean {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return false;
  const call = member.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
  const verb = propertyName(member);
  if (verb === null || !ROUTE_METHODS.has(verb)) return false;
  const method = verb === 'del' ? 'delete' : verb;
  if (method !== 'all' && method !== request.method && !(method === 'get' && request.method === 'head')) return false;
  const route = staticString(call.arguments[0]);
  const handler = call.arguments[call.arguments.length - 1];
  return route !== null && call.arguments.length >= 2 && handler !== undefined && isHandler(context, handler, 0) && matchesRoute(route, request.path);
}

/** `/users/:id` matches `/users/7`; `*` matches the rest. */
function matchesRoute(route: string, path: string): boolean {
  const routeParts = route.split('/');
  const pathParts = path.split('/');
  for (let index = 0; index < routeParts.length; index++) {
    const part = routeParts[index] as string;
    if (part === '*') return true;
    const actual = pathParts[index];
    if (actual === undefined) return false;
    if (part.startsWith(':') ? actual === '' : part !== actual) return false;
  }
  return routeParts.length === pathParts.length;
}
