import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { packageName } from '../core/boundaries';
import { HOSTED_SDKS, type HostedSdk } from '../core/catalog';
import type { ExportValue } from '../core/module-summary';
import { TEST_SUPPORT_FOLDERS } from '../core/vocabulary';
import { fullText, knownText } from '../core/partial-text';
import { classifyHost, httpOriginOf, parseUrl, type KnownUrl } from '../core/urls';
import { propertyName, unwrap } from './call-chain';
import { exportedObjectOf } from './exported-objects';
import { importedName, moduleBindingOf, resolveName, type ModuleBinding, type ModuleLoad } from './imports';
import { moduleMemberOf } from './module-members';
import { partialTextOf } from './static-text';
import { testPlaceOf } from './test-calls';
import { moduleIdentityOf, summaryOfSpecifier } from './project-modules';
import { singleValueOf } from './variables';
import { alternatives } from './text-gates';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * A client of a hosted service's SDK ({@link HOSTED_SDKS}), or an HTTP client of the project's own
 * given a base URL, that the file makes and then calls.
 */
export interface HostedSdkClient {
  /** The SDK's package name, or the specifier of the project module the client comes from. */
  readonly module: string;
  /** Where its requests go: the host a host option names, or the SDK's default host. */
  readonly url: KnownUrl;
  /** Whether that is the SDK's default host, because no option names another. */
  readonly defaultHost: boolean;
  /** With the default host, the domain the SDK's hosts share when each product has its own (`twilio.com`). */
  readonly service: string | null;
  /** Whether the client is the project's own rather than a catalogued SDK. */
  readonly project: boolean;
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
}

/** What an argument of a client maker is, as far as where the client sends requests goes. */
type ArgumentReading = { readonly type: 'plain' } | { readonly type: 'options'; readonly entries: readonly OptionEntry[] } | { readonly type: 'unknown' };

/** One option a client is given: its value in this file, or the text a project module's constant holds (`null`: not text). */
type OptionEntry = { readonly key: string; readonly node: Node } | { readonly key: string; readonly text: string | null };

/**
 * Recognises the making of an SDK client of a hosted service (`twilio(sid, token)`,
 * `new Stripe(key)`, `new Octokit()`) whose requests go to a public host the file shows or the
 * SDK defaults to, and which the file calls from a test or hook. `null` when an argument may
 * carry options the file does not show, when a host option points anywhere but a public host
 * written out, or when the client is never called.
 */
export function hostedSdkClientOf(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression): HostedSdkClient | null {
  const member = moduleMemberOf(context, node.callee);
  if (!member) return null;
  const module = sdkNameOf(context, member.source);
  const sdk = module === null ? undefined : HOSTED_SDKS[module];
  const path = member.path.filter((segment) => segment !== 'default');
  const target = sdk
    ? sdk.clients.includes(path.join('.')) ? targetOf(context, sdk, node.arguments) : null
    : isProjectHttpClient(context, member.source, path) ? targetOf(context, PROJECT_CLIENT, node.arguments) : null;
  if (!target || classifyHost(target.url.hostname) !== 'public' || !isCalledFromTests(context, node, sdk?.localMembers ?? [])) return null;
  return { module: sdk && module !== null ? module : member.source, ...target, project: !sdk, node };
}

/**
 * The catalogued SDK a module is: by its package name, or, for a module of the repository's own
 * sources loaded by path, by the name of the package it belongs to. An SDK's own test suite
 * loading `'../../lib/client'` makes the same client its users make, and it goes to the same host.
 */
function sdkNameOf(context: Context, specifier: string): string | null {
  const name = packageName(specifier);
  if (Object.hasOwn(HOSTED_SDKS, name)) return name;
  if (!/^[./#~@]/.test(specifier)) return null;
  const identity = moduleIdentityOf(context, specifier);
  if (identity.type !== 'project' || identity.workspacePackage === null || !Object.hasOwn(HOSTED_SDKS, identity.workspacePackage)) return null;
  // A helper among the tests may wrap the client in a fake; only the shipped sources are the SDK:
  // a module outside the test's folder and outside any folder of tests or their support.
  const folders = path.relative(path.dirname(context.filename), identity.file).split(/[\\/]/).slice(0, -1);
  const outsideTests = folders[0] === '..' && !folders.some((folder) => TEST_SUPPORT_FOLDERS.has(folder));
  return outsideTests ? identity.workspacePackage : null;
}

/**
 * An HTTP client of the project's own (an adapter the project-module summaries say reaches HTTP)
 * has no default host the plugin knows: only a base URL given to it names one.
 */
const PROJECT_CLIENT: HostedSdk = { host: '', clients: [], hostOptions: ['baseURL', 'baseUrl', 'prefixUrl', 'apiUrl', 'url', 'host', 'endpoint'] };

/**
 * Whether a file's text may make a client {@link hostedSdkClientOf} recognises: it names a
 * catalogued SDK, or loads a module by a relative path (the project's own HTTP clients).
 * `false` only when it certainly does not.
 */
export function mayMakeNetworkClient(text: string): boolean {
  return NETWORK_CLIENT_WORDS.test(text);
}

/** A relative specifier's opening quote, or a catalogued SDK's name: one search reads the text once. */
const NETWORK_CLIENT_WORDS = new RegExp(`['"\`]\\.\\.?/|${alternatives(Object.keys(HOSTED_SDKS))}`);

/**
 * Whether a load of the file brings in something that makes such clients: a catalogued SDK, or a
 * project module whose summary exports an HTTP client among what the load imports.
 */
export function makesNetworkClients(context: Context, load: ModuleLoad): boolean {
  if (sdkNameOf(context, load.source) !== null) return true;
  // `import { a, b } from './m'`: a client can only come from `a` or `b` (a member of one is not a
  // client the file makes); a default or namespace import, or a `require`, may hand out any export.
  const named = namedImportsOf(load.node);
  if (named?.length === 0) return false;
  const summary = summaryOfSpecifier(context, load.source);
  if (summary === null || summary === 'unknown') return false;
  // A module that reaches no HTTP client package, through anything it loads, exports no HTTP client:
  // its exports need not be read (a module of models may export dozens, each costly to follow).
  if (summary.complete && !summary.boundaryKinds.includes('http')) return false;
  if (named) return named.some((name) => isHttpClient(summary.exports.get(name)?.value));
  // Answered once per summary (a module's summary is made anew when the module changes).
  const known = httpClientExporters.get(summary.identity.file);
  if (known?.summary === summary) return known.exportsClient;
  const exportsClient = [...summary.exports.values()].some(({ value }) => isHttpClient(value));
  httpClientExporters.set(summary.identity.file, { summary, exportsClient });
  return exportsClient;
}

function isHttpClient(value: ExportValue | undefined): boolean {
  return value?.type === 'boundary-client' && value.kind === 'http';
}

/** The names an import declaration imports by name, values only; `null` when it imports the default or the namespace, or is no import declaration. */
function namedImportsOf(node: ModuleLoad['node']): string[] | null {
  if (node.type !== AST_NODE_TYPES.ImportDeclaration) return null;
  const names: string[] = [];
  for (const specifier of node.specifiers) {
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return null;
    if (specifier.importKind === 'type') continue;
    names.push(importedName(specifier));
  }
  return names;
}

/** Whether the summary of each module asked about exports an HTTP client, by the module's file. */
const httpClientExporters = new Map<string, { readonly summary: object; readonly exportsClient: boolean }>();

/** Whether the export is, by its module's summary, a client that reaches the HTTP boundary. */
function isProjectHttpClient(context: Context, specifier: string, path: readonly string[]): boolean {
  const summary = summaryOfSpecifier(context, specifier);
  if (summary === null || summary === 'unknown' || path.length > 1) return false;
  return isHttpClient(summary.exports.get(path[0] ?? 'default')?.value);
}

function targetOf(context: Context, sdk: HostedSdk, args: readonly TSESTree.CallExpressionArgument[]): Omit<HostedSdkClient, 'module' | 'node' | 'project'> | null {
  let chosen: OptionEntry | null = null;
  for (const argument of args) {
    const reading = readArgument(context, argument, 0);
    if (reading.type === 'unknown') return null;
    if (reading.type === 'plain') continue;
    for (const entry of reading.entries) {
      if (!sdk.hostOptions.includes(entry.key)) continue;
      // A later value of the same option wins (`{ ...defaults, host }`); two different host options are not read.
      if (chosen && chosen.key !== entry.key) return null;
      chosen = entry;
    }
  }
  if (!chosen) return sdk.host === '' ? null : hostUrl(sdk.host, true, sdk.service ?? null);
  const text = 'node' in chosen ? fullText(partialTextOf(context, chosen.node, 'constants')) : chosen.text;
  return text === null ? null : hostUrl(text, false, null);
}

/** The options an object literal gives, spreads of readable objects included; `null` when one cannot be read. */
function entriesOf(context: Context, object: TSESTree.ObjectExpression, depth: number): OptionEntry[] | null {
  const entries: OptionEntry[] = [];
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = readArgument(context, property.argument, depth + 1);
      if (spread.type !== 'options') return null;
      entries.push(...spread.entries);
      continue;
    }
    if (property.computed) return null;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String((property.key as TSESTree.Literal).value);
    entries.push({ key, node: property.value });
  }
  return entries;
}

/**
 * The options an imported constant of a project module holds, when the module exports it as an
 * object literal and neither it nor this file writes to the object afterwards.
 */
function importedOptions(context: Context, identifier: TSESTree.Identifier, binding: ModuleBinding): ArgumentReading {
  if (binding.typeOnly || binding.imported === '*' || binding.imported === 'default') return { type: 'unknown' };
  const variable = context.sourceCode.getDeclaredVariables(binding.declaration).find((candidate) => candidate.name === identifier.name);
  if (!variable || moduleBindingOf(variable) === null || hasPropertyWrites(variable)) return { type: 'unknown' };
  const identity = moduleIdentityOf(context, binding.source);
  if (identity.type !== 'project') return { type: 'unknown' };
  const properties = exportedObjectOf(identity.file, binding.imported);
  return properties ? { type: 'options', entries: properties } : { type: 'unknown' };
}

function hostUrl(host: string, defaultHost: boolean, service: string | null): Omit<HostedSdkClient, 'module' | 'node' | 'project'> | null {
  const url = httpOriginOf(parseUrl(knownText(/^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`)));
  return url ? { url, defaultHost, service } : null;
}

/** Strings, numbers and environment reads carry no options; object literals are read; anything else might. */
function readArgument(context: Context, node: Node, depth: number): ArgumentReading {
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
      return { type: 'plain' };
    case AST_NODE_TYPES.ObjectExpression: {
      const entries = depth < 4 ? entriesOf(context, expression, depth) : null;
      return entries ? { type: 'options', entries } : { type: 'unknown' };
    }
    case AST_NODE_TYPES.MemberExpression: {
      const object = unwrap(expression.object);
      const isEnvironment = object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'env';
      return isEnvironment ? { type: 'plain' } : { type: 'unknown' };
    }
    case AST_NODE_TYPES.TSNonNullExpression:
      return readArgument(context, expression.expression, depth);
    case AST_NODE_TYPES.Identifier: {
      const resolution = resolveName(context, expression);
      if (resolution.type === 'module') return importedOptions(context, expression, resolution.binding);
      if (resolution.type !== 'local' || depth >= 4 || hasPropertyWrites(resolution.variable)) return { type: 'unknown' };
      const value = singleValueOf(resolution.variable);
      return value ? readArgument(context, value, depth + 1) : { type: 'unknown' };
    }
    default:
      return { type: 'unknown' };
  }
}

/** `options.host = …` after the object is made: it holds more than its literal shows. */
function hasPropertyWrites(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some(({ identifier }) => {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return false;
    const use = member.parent;
    return (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === member) || (use?.type === AST_NODE_TYPES.UnaryExpression && use.operator === 'delete');
  });
}

/**
 * Whether a method of the client is called from a test or a hook (`client.messages.create(…)`). Calls
 * on the SDK's `local` members (`stripe.webhooks.constructEvent(…)`) stay in the process and do not count.
 */
function isCalledFromTests(context: Context, node: Node, local: readonly string[]): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return callsMethod(node, local) && isInTestOrHook(context, node);
  let variable: TSESLint.Scope.Variable | null = null;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    variable = context.sourceCode.getDeclaredVariables(parent)[0] ?? null;
  } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && parent.left.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, parent.left);
    variable = resolution.type === 'local' ? resolution.variable : null;
  }
  return (variable?.references ?? []).some(({ identifier }) => {
    const use = identifier.parent;
    return use?.type === AST_NODE_TYPES.MemberExpression && use.object === identifier && callsMethod(identifier, local) && isInTestOrHook(context, identifier);
  });
}

/**
 * Whether a use of the client calls one of its methods, directly or down its members
 * (`client.getEntry()`, `octokit.rest.repos.get()`), other than its `local` ones: reading a property
 * sends nothing, and neither does checking a webhook's signature.
 */
function callsMethod(client: Node, local: readonly string[]): boolean {
  const first = client.parent;
  if (first?.type !== AST_NODE_TYPES.MemberExpression || first.object !== client) return false;
  if (local.includes(propertyName(first) ?? '')) return false;
  let member: Node = first;
  while (member.parent?.type === AST_NODE_TYPES.MemberExpression && member.parent.object === member) member = member.parent;
  return member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

function isInTestOrHook(context: Context, node: Node): boolean {
  const kind = testPlaceOf(context, node).kind;
  return kind === 'test' || kind === 'hook';
}
