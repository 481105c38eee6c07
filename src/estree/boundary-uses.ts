import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isClientExport, kindOfContainerImage, packageName, sendsAnywhere, serviceDomainOf, speaksHttp } from '../core/boundaries';
import { mayAnswerService, type HttpFakeFact } from '../core/http-fakes';
import type { BoundaryUse } from '../core/one-boundary-per-file';
import path from 'node:path';
import { HARNESS_MODULES } from '../core/catalog';
import { fullText } from '../core/partial-text';
import { AST_NODE_TYPES } from './node-types';
import { boundaryOfSpecifier, libraryBoundaryOfSpecifier, ownLibraryOf } from './boundary-values';
import type { ModuleSummary } from '../core/module-summary';
import { MSW_SERVERS } from './http-fakes';
import { isHttpClientModule, mayRequestHttp, parseHttpRequest } from './http-requests';
import { parseMockCall } from './mocks';
import { callRoleOf, propertyName } from './call-chain';
import { moduleMemberOf } from './module-members';
import { summaryOfSpecifier } from './project-modules';
import { importedName } from './imports';
import { partialTextOf } from './static-text';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A boundary a file reaches at one place, before the file's mocks are taken into account. */
export interface ReachedBoundary {
  readonly kind: string;
  /** The system behind it, when the catalog names one (`redis`, `postgres`). */
  readonly system: string | null;
}

/**
 * The boundaries a module a file loads stands for: a catalog client, fake or container, a module
 * declared in settings, or a project module whose summary says what it reaches. HTTP clients
 * that requests are read from (`axios`, `got`, `node-fetch`, …) count where a request goes
 * somewhere, not where they are loaded: the test's own client to the app on a loopback address
 * is no boundary. An unreadable project module counts as nothing.
 */
export function boundariesOfModule(context: Context, specifier: string, imported: () => readonly string[] = () => []): ReachedBoundary[] {
  const boundary = boundaryOfSpecifier(context, specifier);
  if (boundary) {
    // A general HTTP client counts where a request leaves for another host, which its import does not say.
    if (boundary.role === 'client' && boundary.kind === 'http' && (isHttpClientModule(specifier) || sendsAnywhere(specifier))) return [];
    return [{ kind: boundary.kind, system: boundary.system ?? null }];
  }
  // The repository's own sources of a library the catalog knows (a driver's tests loading the
  // driver by path) stand for that library's boundary where the file takes one of its clients.
  const own = ownLibraryOf(context, specifier);
  if (own && own.boundary.kind !== 'http' && imported().some((name) => isClientExport(own.name, name))) {
    return [{ kind: own.boundary.kind, system: own.boundary.system ?? null }];
  }
  // A project module stands for the boundaries of the clients and adapters the file takes from it,
  // not for everything the module reaches: importing a model or a factory of the application
  // exercises whatever the test calls, which its import alone does not say.
  const summary = summaryOfSpecifier(context, specifier);
  if (summary === null || summary === 'unknown') return [];
  const kinds = imported().flatMap((name) => {
    const entry = summary.exports.get(name);
    // A helper that builds a client but reaches other systems on the way (a test server with its
    // database) is no one boundary's client.
    const reachesOnlyIt = entry?.boundaryKinds.every((kind) => entry.value.type === 'boundary-client' && kind === entry.value.kind);
    // An HTTP client counts where a request leaves for another host, which a project module's
    // summary does not say: a helper posting to the app's own loopback address is no boundary.
    return entry?.value.type === 'boundary-client' && reachesOnlyIt && entry.value.kind !== 'http' ? [entry.value.kind] : [];
  });
  return [...new Set(kinds)].map((kind) => ({ kind, system: systemOfClients(context, summary, kind) }));
}

/**
 * The uses of a file without those of an HTTP fake that answers another boundary's client: where
 * every HTTP use is a fake (nock, msw) and the file uses a client that sends each call as an HTTP
 * request to its service (an S3 or SQS client), a fake that may answer that client (see
 * `mayAnswerService`) is the service's stand-in, and the file exercises one boundary, not two. A
 * request the file sends itself, an HTTP client it loads, or fakes set up only for other hosts keep
 * the fake's uses: the fake is there for those.
 */
export function withoutFakesOfHttpServices<T>(context: Context, uses: ReadonlyArray<BoundaryUse<T>>, fakes: readonly HttpFakeFact[]): ReadonlyArray<BoundaryUse<T>> {
  const isFake = (use: BoundaryUse<T>) => use.via !== null && libraryBoundaryOfSpecifier(context, use.via)?.role === 'fake';
  const http = uses.filter((use) => use.kind === 'http');
  if (http.length === 0 || !http.every(isFake)) return uses;
  const answered = uses.some(
    (use) => use.kind !== 'http' && use.via !== null && !path.isAbsolute(use.via) && speaksHttp(use.via) && mayAnswerService(fakes, serviceDomainOf(use.via)),
  );
  return answered ? uses.filter((use) => use.kind !== 'http') : uses;
}

/**
 * The one system behind a project module's clients of `kind`: the catalog's system of every client
 * package of that kind the module reaches (`pg` and `postgres` both on Postgres), when they agree.
 * A helper handing out a Postgres pool and a queue kept in Postgres then count as one boundary, as
 * the two packages would if the file loaded them itself.
 */
function systemOfClients(context: Context, summary: ModuleSummary, kind: string): string | null {
  const systems = new Set<string | null>();
  for (const client of summary.clientModules ?? []) {
    if (client.kind === kind) systems.add(libraryBoundaryOfSpecifier(context, client.specifier)?.system ?? null);
  }
  return systems.size === 1 ? ([...systems][0] ?? null) : null;
}

/**
 * An HTTP request that leaves this machine: its address is written out and is not a loopback
 * address or a server the file starts. A request whose address cannot be read counts as nothing.
 */
export function isOutboundRequest(context: Context, node: TSESTree.CallExpression): { via: string } | null {
  if (!mayRequestHttp(context.sourceCode.text)) return null;
  const request = parseHttpRequest(context, node);
  if (!request?.url || request.url.loopback || request.url.localServer || request.url.host === null) return null;
  return { via: request.module ?? 'global:fetch' };
}

/**
 * The systems a framework's test harness starts, for an import of one of its start functions
 * that the file calls (`createTestEnvironment` from `@vendure/testing` boots the app on a database).
 */
export function boundariesOfHarnessImport(context: Context, specifier: TSESTree.ImportClause, source: string): ReachedBoundary[] {
  const harness = Object.hasOwn(HARNESS_MODULES, source) ? HARNESS_MODULES[source] : undefined;
  if (!harness || specifier.type !== AST_NODE_TYPES.ImportSpecifier) return [];
  const imported = importedName(specifier);
  if (!harness.starts.includes(imported)) return [];
  const variable = context.sourceCode.scopeManager?.getDeclaredVariables(specifier)[0];
  const called = variable?.references.some((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.CallExpression && reference.identifier.parent.callee === reference.identifier);
  return called ? harness.kinds.map((kind) => ({ kind, system: null })) : [];
}

/**
 * Whether nothing an import declaration brings in is used as a value: each name is read only as a
 * type (`import { Job } from 'bullmq'` read only in `as Job` and annotations), or not read at all.
 * Nothing of the module runs, as with `import type`; loading a client's package opens nothing. An
 * import that names nothing (`import 'pg'`) is not judged here.
 */
export function usesNoValues(context: Context, node: TSESTree.ImportDeclaration): boolean {
  if (node.specifiers.length === 0) return false;
  for (const specifier of node.specifiers) {
    const references = context.sourceCode.scopeManager?.getDeclaredVariables(specifier)[0]?.references ?? [];
    // Only typescript-eslint's scope manager tells type references apart; a JavaScript file's are values.
    if (references.some((reference) => (reference as { isValueReference?: boolean }).isValueReference !== false)) return false;
  }
  return true;
}

/** Calls on an HTTP fake's module that set up no fake: clearing, restoring, or letting requests through. */
const FAKE_HOUSEKEEPING: ReadonlySet<string> = new Set([
  'cleanAll', 'restore', 'activate', 'isActive', 'isDone', 'pendingMocks', 'activeMocks', 'abortPendingRequests', 'disableNetConnect', 'enableNetConnect',
]);

/**
 * Whether a file takes an HTTP fake's module only to tidy up (`nock.cleanAll()` after each test):
 * it sets up no fake there, so it exercises no HTTP boundary through it.
 */
export function usesFakeOnlyToTidy(context: Context, node: TSESTree.ImportDeclaration): boolean {
  if (node.specifiers.length === 0 || boundaryOfSpecifier(context, node.source.value)?.role !== 'fake') return false;
  for (const specifier of node.specifiers) {
    const references = context.sourceCode.scopeManager?.getDeclaredVariables(specifier)[0]?.references ?? [];
    if (references.length === 0) return false;
    for (const { identifier } of references) {
      const member = identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier || !FAKE_HOUSEKEEPING.has(propertyName(member) ?? '')) return false;
      if (member.parent?.type !== AST_NODE_TYPES.CallExpression || member.parent.callee !== member) return false;
    }
  }
  return true;
}

/**
 * Whether a file takes msw only to start a server with no handlers (`setupServer()`, never given any
 * through `server.use(…)`): the server answers no request, so the file fakes no HTTP service with it.
 * Such a server is there to watch the requests that pass through (`server.events.on('request:start', …)`).
 */
export function setsUpFakeWithoutHandlers(context: Context, node: TSESTree.ImportDeclaration): boolean {
  if (node.specifiers.length === 0 || packageName(node.source.value) !== 'msw') return false;
  return node.specifiers.every((specifier) => {
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || !MSW_SERVERS.has(importedName(specifier))) return false;
    const references = context.sourceCode.scopeManager?.getDeclaredVariables(specifier)[0]?.references ?? [];
    return references.length > 0 && references.every(({ identifier }) => {
      const call = identifier.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === identifier && call.arguments.length === 0 && !isGivenHandlers(context, call);
    });
  });
}


/** Whether the server a `setupServer()` call makes is handed handlers later: `server.use(…)`, `server.resetHandlers(…)`. */
function isGivenHandlers(context: Context, call: TSESTree.CallExpression): boolean {
  const declarator = call.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call) return true;
  const server = context.sourceCode.getDeclaredVariables(declarator)[0];
  if (!server) return true;
  return server.references.some(({ identifier }) => {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return identifier.parent !== declarator;
    const used = member.parent;
    return used?.type === AST_NODE_TYPES.CallExpression && used.callee === member && used.arguments.length > 0 && (propertyName(member) === 'use' || propertyName(member) === 'resetHandlers');
  });
}

/**
 * The exports an import declaration takes and the file uses for real: an import every use of which
 * is the target of a stub (`vi.spyOn(storage, 'put')`, `sinon.stub(Repo.prototype, 'save')`) is
 * replaced wherever the tests reach it, so its boundary is not exercised, and one the file never
 * reads exercises nothing. A namespace import names no export.
 */
export function exercisedImports(context: Context, node: TSESTree.ImportDeclaration): string[] {
  if (node.importKind === 'type') return [];
  const names: string[] = [];
  for (const specifier of node.specifiers) {
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) continue;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') continue;
    const name = specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : importedName(specifier);
    const variable = context.sourceCode.scopeManager?.getDeclaredVariables(specifier)[0];
    const references = variable?.references ?? [];
    if (references.some((reference) => !isStubTarget(context, reference.identifier) && !onlyTidies(reference.identifier))) names.push(name);
  }
  return names;
}

/**
 * Whether a use of a client only closes it or checks that it is there (`redis.disconnect()`,
 * `if (redis)`, `redis && redis.quit()`): the file ends a connection something else opened, and
 * exercises nothing through it.
 */
function onlyTidies(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
    const call = parent.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return false;
    const role = callRoleOf(call);
    return role === 'close' || role === 'stop';
  }
  if (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.ConditionalExpression) return parent.test === identifier;
  if (parent?.type === AST_NODE_TYPES.LogicalExpression) return parent.left === identifier;
  return parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!';
}

/** Whether an identifier is what a mocking call replaces members of: `x` or `x.prototype` as its first argument. */
function isStubTarget(context: Context, identifier: TSESTree.Node): boolean {
  let target: TSESTree.Node = identifier;
  const parent = target.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === target && propertyName(parent) === 'prototype') target = parent;
  const call = target.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === target && parseMockCall(context, call) !== null;
}

/**
 * The system a `new GenericContainer('postgres:16')` runs, read from its image; `null` for any other
 * construction, or an image the plugin does not know.
 */
export function kindOfGenericContainer(context: Context, node: TSESTree.NewExpression): string | null {
  const member = moduleMemberOf(context, node.callee);
  const [image] = node.arguments;
  if (member?.source !== 'testcontainers' || member.path.join('.') !== 'GenericContainer' || !image) return null;
  const name = fullText(partialTextOf(context, image));
  return name === null ? null : kindOfContainerImage(name);
}

/** A mocking helper's name: what it hands back stands in for the client it is typed as. */
const STAND_IN = /mock|stub|fake|spy|double/i;

/**
 * The boundary of a client a file holds by type only: `import type { Pool } from 'pg'` (or the
 * repository's own driver, by path) and `let pool: Pool` assigned from a helper or a test
 * environment (`pool = await openPool()`, `client = this.configuration.newClient()`). The value
 * is that client, wherever it was made. Only a variable that is declared with the type, given a
 * value made by a call (not a stand-in from a mocking helper, an object literal or a cast) and
 * read counts; a parameter or a field typed so says nothing about what the file connects to.
 */
export function boundariesOfTypedClients(context: Context, node: TSESTree.ImportDeclaration): Array<ReachedBoundary & { at: TSESTree.Node }> {
  const typeOnly = (imported: TSESTree.ImportClause) => node.importKind === 'type' || (imported.type === AST_NODE_TYPES.ImportSpecifier && imported.importKind === 'type');
  if (!node.specifiers.some(typeOnly)) return [];
  const specifier = node.source.value;
  const catalogued = boundaryOfSpecifier(context, specifier);
  const own = catalogued ? null : ownLibraryOf(context, specifier);
  const boundary = catalogued ?? own?.boundary;
  if (!boundary || boundary.role !== 'client' || boundary.kind === 'http') return [];
  const library = own ? own.name : specifier;
  const found: Array<ReachedBoundary & { at: TSESTree.Node }> = [];
  for (const imported of node.specifiers) {
    if (imported.type !== AST_NODE_TYPES.ImportSpecifier || !typeOnly(imported)) continue;
    const name = importedName(imported);
    if (!isClientExport(library, name)) continue;
    const variable = context.sourceCode.scopeManager?.getDeclaredVariables(imported)[0];
    // Where the file makes the client it holds: the call that gives it to the variable.
    const made = variable?.references.map((reference) => liveClientMadeAt(context, reference.identifier)).find((at) => at !== null);
    if (made) found.push({ kind: boundary.kind, system: boundary.system ?? null, at: made });
  }
  return found;
}

/**
 * When a type reference annotates a variable that the file gives a client made by a call, and reads:
 * the first call that makes it; otherwise `null`.
 */
function liveClientMadeAt(context: Context, identifier: TSESTree.Node): TSESTree.Node | null {
  let node: TSESTree.Node | undefined = identifier.parent;
  if (node?.type !== AST_NODE_TYPES.TSTypeReference) return null;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSArrayType || node.parent.type === AST_NODE_TYPES.TSUnionType)) node = node.parent;
  const annotation = node.parent;
  const declared = annotation?.type === AST_NODE_TYPES.TSTypeAnnotation ? annotation.parent : undefined;
  const declarator = declared?.type === AST_NODE_TYPES.Identifier ? declared.parent : undefined;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== declared) return null;
  const variable = context.sourceCode.getDeclaredVariables(declarator)[0];
  if (!variable) return null;
  const values = variable.references.flatMap((reference) => (reference.isWrite() && reference.writeExpr ? [reference.writeExpr] : []));
  if (values.length === 0 || !values.every(isMadeByCall)) return null;
  return variable.references.some((reference) => reference.isRead()) ? (values.sort((x, y) => x.range[0] - y.range[0])[0] ?? null) : null;
}

/** A value made by a call or a construction, awaited or not, whose callee is not a mocking helper. */
function isMadeByCall(value: TSESTree.Node): boolean {
  const made = value.type === AST_NODE_TYPES.AwaitExpression ? value.argument : value;
  if (made.type !== AST_NODE_TYPES.CallExpression && made.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = made.callee;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
  return name !== null && !STAND_IN.test(name);
}
