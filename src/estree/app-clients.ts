import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { IN_PROCESS_APPS, type ExportValue } from '../core/module-summary';
import { propertyName, unwrap } from './call-chain';
import { resolveName } from './imports';
import { summaryOfSpecifier } from './project-modules';
import { REQUEST_METHODS } from './test-clients';
import type { TextNeeds } from './text-gates';
import { destructuredPropertyOf, plainValuesOf, singleValueOf } from './variables';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A request sent through a client that one of the project's modules hands out. */
export interface HelperClientCall {
  /** The export as the file uses it, and where it comes from: `createApiClient()` from './helpers'. */
  readonly helper: string;
  /** What the project module's summary says the export hands back. */
  readonly value: ExportValue;
}

const MAX_DEPTH = 4;

/**
 * Names under which a helper may hand back a function that is itself a request to the app
 * (`api.fetch('/x')`, where `runServer()` returns `{ fetch: apiFetch(url) }`).
 */
const SENDER_NAMES: ReadonlySet<string> = new Set([...REQUEST_METHODS, 'fetch']);

/** Methods that send a request into an app of a framework that answers in process (`app.request('/x')`), by framework. */
const IN_PROCESS_SENDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.values(IN_PROCESS_APPS).map((app) => [app.framework, app.sends]));
const IN_PROCESS_NAMES: ReadonlySet<string> = new Set([...IN_PROCESS_SENDS.values()].flatMap((sends) => [...sends]));

/** Every call {@link parseHelperClientCall} recognises is called by one of these names. */
export const HELPER_CLIENT_NEEDS: TextNeeds = { names: [...new Set([...SENDER_NAMES, ...IN_PROCESS_NAMES])] };

/**
 * Recognises a request through a client from one of the project's modules: `api.post('/orders')`
 * where `const api = createApiClient()` (or `await` of it), `helper().get('/x')`, a client the
 * module exports as a value, or one in a property of such a value (`app.request.get('/x')`), or a
 * call of a function the module hands back that sends a request itself (`api.fetch('/x')`), or a
 * request sent in process into the project's app that a module exports (`app.request('/x')` on a
 * Hono app). `null` when the callee is no such client or the module is a package.
 * A module that cannot be read gives `value: { type: 'unknown' }`.
 */
export function parseHelperClientCall(context: Context, node: TSESTree.CallExpression): HelperClientCall | null {
  const callee = unwrap(node.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
  if (name === null || (!SENDER_NAMES.has(name) && !IN_PROCESS_NAMES.has(name))) return null;
  const member = callee.type === AST_NODE_TYPES.MemberExpression && (REQUEST_METHODS.has(name) || IN_PROCESS_NAMES.has(name));
  const held = member ? clientOrigin(context, unwrap(callee.object), 0) : null;
  // The project's app itself (`app.request('/x')` on a Hono app a module exports): only the methods
  // that send it a request; the rest register routes or read settings.
  if (held?.value.type === 'other' && held.value.framework) return IN_PROCESS_SENDS.get(held.value.framework)?.has(name) ? held : null;
  if (held && held.value.type !== 'other') return held;
  // `api.fetch('/x')`: the function called is itself what sends the request.
  const sender = clientOrigin(context, callee, 0);
  return sender?.value.type === 'app-client' && sender.value.sends ? sender : held;
}

function clientOrigin(context: Context, node: Node, depth: number): HelperClientCall | null {
  if (depth > MAX_DEPTH) return null;
  const expression = node.type === AST_NODE_TYPES.AwaitExpression ? unwrap(node.argument) : node;
  if (expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.NewExpression) {
    const callee = unwrap(expression.callee);
    const use = expression.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
    if (callee.type === AST_NODE_TYPES.MemberExpression) return namespaceMember(context, callee, use);
    if (callee.type !== AST_NODE_TYPES.Identifier) return null;
    return exported(context, callee, use);
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    // `helpers.agent`, with `helpers` the whole of a project module.
    const member = namespaceMember(context, expression, 'read');
    if (member) return member;
    // `app.request.get('/x')`: a client held in a property of what the helper hands back.
    return memberOf(clientOrigin(context, unwrap(expression.object), depth + 1), propertyName(expression));
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const resolution = resolveName(context, expression);
  if (resolution.type === 'module') return exported(context, expression, 'read');
  if (resolution.type !== 'local') return null;
  // `const { request } = await setupApp()`: the property of what the helper hands back.
  const destructured = destructuredPropertyOf(resolution.variable);
  if (destructured) return memberOf(clientOrigin(context, unwrap(destructured.object), depth + 1), destructured.key);
  const value = singleValueOf(resolution.variable);
  if (value) return clientOrigin(context, unwrap(value), depth + 1);
  // Set in more than one place (two hooks that each set the app up): a client only when every value is one from the same helper.
  const values = plainValuesOf(resolution.variable);
  const origins = values.map((written) => clientOrigin(context, unwrap(written), depth + 1));
  const [first] = origins;
  return first && origins.every((origin) => origin?.helper === first.helper && origin.value.type === first.value.type) ? first : null;
}

/**
 * `holder.name`: the client an object handed back by a helper holds under `name`. A property of a
 * client is not itself one (`harness.config.get('port')` on a harness that also holds an agent),
 * and what the summary cannot see into stays unknown.
 */
function memberOf(holder: HelperClientCall | null, name: string | null): HelperClientCall | null {
  if (!holder) return null;
  if (holder.value.type === 'unknown') return holder;
  const held = holder.value.type === 'other' && name !== null ? holder.value.members?.[name] : undefined;
  return held ? { helper: holder.helper, value: held } : null;
}

/** The summary of an imported export, called (`createApiClient()`), constructed (`new ApiClient()`) or read as a value. */
function exported(context: Context, identifier: TSESTree.Identifier, use: Use): HelperClientCall | null {
  const resolution = resolveName(context, identifier);
  if (resolution.type !== 'module' || resolution.binding.typeOnly || resolution.binding.imported === '*') return null;
  return exportOf(context, resolution.binding.source, resolution.binding.imported, identifier.name, use);
}

/**
 * An export read off the whole of a project module: `common.init()` after `import * as common` or
 * `const common = require('./common')`. `null` when the object is not such a module.
 */
function namespaceMember(context: Context, member: TSESTree.MemberExpression, use: Use): HelperClientCall | null {
  const object = unwrap(member.object);
  const name = propertyName(member);
  if (object.type !== AST_NODE_TYPES.Identifier || name === null) return null;
  const resolution = resolveName(context, object);
  if (resolution.type !== 'module' || resolution.binding.typeOnly || resolution.binding.imported !== '*') return null;
  return exportOf(context, resolution.binding.source, name, `${object.name}.${name}`, use);
}

type Use = 'call' | 'new' | 'read';

function exportOf(context: Context, source: string, imported: string, shown: string, use: Use): HelperClientCall | null {
  const summary = summaryOfSpecifier(context, source);
  if (summary === null) return null;
  const helper = `\`${use === 'new' ? 'new ' : ''}${shown}${use === 'read' ? '' : '()'}\` from '${source}'`;
  if (summary === 'unknown') return { helper, value: { type: 'unknown' } };
  return { helper, value: summary.exports.get(imported)?.value ?? { type: 'unknown' } };
}
