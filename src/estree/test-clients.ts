import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { packageName } from '../core/boundaries';
import { moduleOriginOf } from './boundary-values';
import { propertyName, staticString, unwrap } from './call-chain';
import { moduleLoadOf, moduleLoadOfImport, resolveName } from './imports';
import { moduleMemberOf } from './module-members';
import { fileCache } from './file-cache';
import { textGate, type TextNeeds } from './text-gates';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A call that drives an application through a client made for testing it over HTTP. */
export interface TestClientCall {
  /** The library, as users know it: `supertest`, `chai-http`, `pactum`, `Hono`, or `in-process injection` (fastify, hapi). */
  readonly library: string;
  readonly node: TSESTree.CallExpression;
}

/**
 * Modules whose functions drive an app from a test, by the member path that does it
 * (`''` is the module value itself: `request(app)` with supertest's default export).
 */
export const TEST_CLIENT_MODULES: Readonly<Record<string, { readonly library: string; readonly calls: ReadonlySet<string> }>> = {
  supertest: { library: 'supertest', calls: new Set(['', 'agent']) },
  'supertest-session': { library: 'supertest-session', calls: new Set(['']) },
  'supertest-fetch': { library: 'supertest-fetch', calls: new Set(['', 'fetch']) },
  'light-my-request': { library: 'light-my-request', calls: new Set(['', 'inject']) },
  '@hapi/shot': { library: '@hapi/shot', calls: new Set(['inject']) },
  'chai-http': { library: 'chai-http', calls: new Set(['request', 'request.execute']) },
  pactum: { library: 'pactum', calls: new Set(['spec', 'e2e']) },
  'hono/testing': { library: 'Hono', calls: new Set(['testClient']) },
};

/** The module that gives `chai` its `request`, and the package whose apps take `request`/`fetch` in process. */
const CHAI_HTTP = 'chai-http';
const HONO = 'hono';
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
export const TEST_CLIENT_NEEDS: TextNeeds = { modules: [...Object.keys(TEST_CLIENT_MODULES), CHAI_HTTP, HONO], names: [INJECT] };

/** Whether a file's source text may hold a call {@link parseTestClientCall} recognises: `false` only when it certainly does not. */
export const mayCallTestClient = textGate(TEST_CLIENT_NEEDS);

/**
 * Recognises a call that drives the app through a test client:
 * - the functions in {@link TEST_CLIENT_MODULES} (`request(app)`, `request.agent(app)`, `spec()`);
 * - `inject` on a fastify or hapi app: traced to the framework, or called with a request
 *   (`{ method, url }`, a path) or as the start of a request chain (`app.inject().get('/')`);
 * - `chai.request(app)` and `chai.request.execute(app)` in a file that loads chai-http;
 * - `app.request('/path')` and `app.fetch(request)` on an app traced to Hono.
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
  const member = moduleMemberOf(context, callee);
  if (member) {
    const entry = TEST_CLIENT_MODULES[member.source];
    if (entry?.calls.has(member.path.join('.'))) return { library: entry.library, node };
    if (member.source === 'chai' && isChaiRequest(member.path) && loadsChaiHttp(context)) return { library: CHAI_HTTP, node };
    return null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = propertyName(callee);
  if (name === INJECT && isInjection(context, node, callee.object)) return { library: 'in-process injection', node };
  if ((name === 'request' || name === 'fetch') && isHonoApp(context, callee.object)) return { library: 'Hono', node };
  if ((name === 'request' || name === 'execute') && isGlobalChaiRequest(context, callee) && loadsChaiHttp(context)) {
    return { library: CHAI_HTTP, node };
  }
  return null;
}

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
  return (
    request.type === AST_NODE_TYPES.ObjectExpression &&
    request.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        (property.key.name === 'url' || property.key.name === 'path'),
    )
  );
}

function isHonoApp(context: Context, app: Node): boolean {
  const origin = moduleOriginOf(context, app);
  return origin !== null && packageName(origin) === HONO;
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
