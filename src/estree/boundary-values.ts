import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isGenericContainerModule, listsClientExports, lookupBoundary, matchesModuleGlobs, storeOptionsOf, type BoundaryModule, type ImportSite } from '../core/boundaries';
import { namesTestDouble } from '../core/vocabulary';
import { getSettings } from '../settings';
import { propertyKeyName, propertyName, unwrap } from './call-chain';
import { moduleOfExpression, resolveName } from './imports';
import { contextAssignments, contextPropertyOf } from './context-properties';
import { fileCache } from './file-cache';
import { exportOfSpecifier, isOwnPackageSpecifier, moduleIdentityOf, summaryOfSpecifier } from './project-modules';
import { madeWithoutStore } from './store-options';
import { singleValueOf } from './variables';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The site that relative specifiers in this file resolve from. */
export function importSiteOf(context: Context): ImportSite {
  return { filename: context.filename, cwd: context.cwd };
}

/**
 * The boundary a module specifier belongs to, with this file's settings and import site. A
 * package of this repository (a workspace package, or the linted package reached by its name or a
 * `paths` alias) is the code under test: catalog entries for its name do not apply, while
 * boundaries declared in settings still do.
 */
export function boundaryOfSpecifier(context: Context, specifier: string): BoundaryModule | null {
  // Every rule asks about the same few specifiers of a file many times: answer them once per file.
  let known = boundariesBySpecifier.get(context.sourceCode);
  if (!known) {
    known = new Map();
    boundariesBySpecifier.set(context.sourceCode, known);
  }
  let boundary = known.get(specifier);
  if (boundary === undefined) {
    boundary = computeBoundaryOfSpecifier(context, specifier);
    known.set(specifier, boundary);
  }
  return boundary;
}

const boundariesBySpecifier = fileCache<object, Map<string, BoundaryModule | null>>();

function computeBoundaryOfSpecifier(context: Context, specifier: string): BoundaryModule | null {
  const settings = getSettings(context.settings);
  const boundary = lookupBoundary(specifier, settings, importSiteOf(context));
  if (!boundary || boundary.role === 'adapter' || matchesModuleGlobs(specifier, settings.boundaries)) return boundary;
  return isOwnPackageSpecifier(context, specifier) ? null : boundary;
}

/**
 * Maps a module specifier to what a trace is looking for. `exported` names the export the value
 * was read from: an export name, `default`, or `*` for the module object itself.
 */
type Lookup<T> = (context: Context, specifier: string, exported: string) => T | null;

export interface Tracer<T> {
  readonly lookup: Lookup<T>;
  readonly variables: Map<TSESLint.Scope.Variable, T | null>;
  /** Whether `this.name` is traced to what the file assigns to it (Mocha's shared test context). */
  readonly thisProperties?: boolean;
  /**
   * What a method call hands back, given what its receiver was traced to; `traceNode` traces
   * another node (an argument) the same way. Without it, a call hands back what its receiver is.
   */
  readonly methodResult?: (context: Context, call: TSESTree.CallExpression, receiver: T, traceNode: (node: Node) => T | null) => T | null;
}

const MAX_DEPTH = 8;

const boundaryTracer: Tracer<BoundaryModule> = { lookup: boundaryOfSpecifier, variables: fileCache() };

/**
 * The boundary module a value comes from: the module itself (`import * as pg`), something taken
 * from it (`new Pool()`, `knex({...})`, `prisma.user`), or a variable assigned one of those —
 * including `let pool; beforeAll(() => { pool = new Pool() })`. `null` when it cannot be traced.
 */
export function boundaryOfValue(context: Context, node: Node): BoundaryModule | null {
  return trace(context, node, boundaryTracer, 0, new Set());
}

/**
 * The boundary a module specifier gives a rule about data or infrastructure. Stubbing one's own
 * library is not mocking a boundary, but a connection the repository's own client opens is real,
 * and what is written through it stays written. So a package of this repository that the catalog
 * knows (an ORM or driver linted from its own source) counts as that boundary; and, when
 * `summaries` is set, so does a project export whose summary says it is a real client of a boundary
 * (a repository class of the project's data layer, a `db` helper module).
 */
function reachedBoundaryOfSpecifier(context: Context, specifier: string, imported: string | null, summaries: boolean): BoundaryModule | null {
  const boundary = boundaryOfSpecifier(context, specifier);
  if (boundary) return boundary;
  const known = libraryBoundaryOfSpecifier(context, specifier);
  if (known) return known;
  if (!summaries || imported === null || imported === '*') return null;
  const summary = summaryOfSpecifier(context, specifier);
  if (summary === null || summary === 'unknown') return null;
  const value = summary.exports.get(imported)?.value;
  return value?.type === 'boundary-client' ? { kind: value.kind, role: 'client', specifier } : null;
}

/**
 * The boundary the catalog (or settings) gives a specifier, the repository's own packages included:
 * an ORM or driver linted from its own source is still that library.
 */
export function libraryBoundaryOfSpecifier(context: Context, specifier: string): BoundaryModule | null {
  return lookupBoundary(specifier, getSettings(context.settings), importSiteOf(context));
}

/**
 * The library a module of the repository's own sources belongs to, loaded by any path (`'../../src'`,
 * a test barrel, a `paths` alias): the name of its package, with that package's catalog entry. In the
 * repository of a driver or an SDK, the sources are that library: what the file takes from them
 * is the library's own client when the catalog lists the export as one ({@link isClientExport}).
 * `null` for anything else, and for a package the catalog does not know.
 */
export function ownLibraryOf(context: Context, specifier: string): { readonly name: string; readonly boundary: BoundaryModule } | null {
  const identity = moduleIdentityOf(context, specifier);
  if (identity.type !== 'project' || identity.workspacePackage === null) return null;
  // Only where the catalog says which of the library's exports are clients: without that list, its
  // own sources cannot tell a client from the rest of the code under test (an in-memory channel).
  if (!listsClientExports(identity.workspacePackage)) return null;
  const boundary = lookupBoundary(identity.workspacePackage, getSettings(context.settings), importSiteOf(context));
  return boundary && boundary.role === 'client' ? { name: identity.workspacePackage, boundary } : null;
}

const ownPackageTracer: Tracer<BoundaryModule> = {
  lookup: (context, specifier, imported) => reachedBoundaryOfSpecifier(context, specifier, imported, false),
  variables: fileCache(),
};
const summaryTracer: Tracer<BoundaryModule> = {
  lookup: (context, specifier, imported) => reachedBoundaryOfSpecifier(context, specifier, imported, true),
  variables: fileCache(),
};

/**
 * The boundary a value reaches, for rules about data and infrastructure: as {@link boundaryOfValue},
 * and also through the repository's own packages the catalog knows (its own ORM or driver). With
 * `summaries`, also through project exports whose summaries say they are real clients of a boundary:
 * enough to call a write through one a write, too little to say that constructing one opens a connection.
 */
export function reachedBoundaryOfValue(context: Context, node: Node, summaries = false): BoundaryModule | null {
  return trace(context, node, summaries ? summaryTracer : ownPackageTracer, 0, new Set());
}

const originTracer: Tracer<string> = { lookup: (_context, specifier) => specifier, variables: fileCache() };

/**
 * The module specifier a value comes from, traced the same way as {@link boundaryOfValue} but
 * for any module: `const app = new Hono()` comes from `'hono'`. `null` when it cannot be traced.
 */
export function moduleOriginOf(context: Context, node: Node): string | null {
  return trace(context, node, originTracer, 0, new Set());
}

/** A throwaway container module a value comes from; `kind` is `null` for generic ones (`GenericContainer`). */
export interface ContainerModule {
  readonly specifier: string;
  readonly kind: string | null;
}

const containerTracer: Tracer<ContainerModule> = {
  lookup: (context, specifier) => {
    if (isGenericContainerModule(specifier)) return { specifier, kind: null };
    const boundary = boundaryOfSpecifier(context, specifier);
    return boundary?.role === 'container' ? { specifier, kind: boundary.kind } : null;
  },
  variables: fileCache(),
};

/**
 * The container module a value comes from, traced like {@link boundaryOfValue}: a catalog container
 * (`@testcontainers/postgresql`, `mongodb-memory-server`) or a generic one (`testcontainers`), whose
 * `GenericContainer` and `DockerComposeEnvironment` do not say which system they run.
 */
export function containerOfValue(context: Context, node: Node): ContainerModule | null {
  return trace(context, node, containerTracer, 0, new Set());
}

/** Traces a value to a module with a tracer of one's own (see {@link boundaryOfValue}). */
export function traceValue<T>(context: Context, node: Node, tracer: Tracer<T>): T | null {
  return trace(context, node, tracer, 0, new Set());
}

/**
 * `pg.Pool` and `require('pg').Pool`, where `pg` is the module object (a namespace, default or
 * `require` binding): the module and the export read off it. `null` for anything else.
 */
export function exportReadOff(context: Context, object: Node, property: string | null): { source: string; exported: string; viaDefault: boolean } | null {
  if (property === null) return null;
  const root = unwrap(object);
  if (root.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, root);
    if (resolution.type !== 'module' || resolution.binding.typeOnly) return null;
    const { imported, source } = resolution.binding;
    return imported === '*' || imported === 'default' ? { source, exported: property, viaDefault: imported === 'default' } : null;
  }
  const loaded = moduleOfExpression(root);
  return loaded && loaded.member === null ? { source: loaded.source, exported: property, viaDefault: false } : null;
}

function trace<T>(context: Context, node: Node, tracer: Tracer<T>, depth: number, seen: Set<TSESLint.Scope.Variable>): T | null {
  if (depth > MAX_DEPTH) return null;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return traceIdentifier(context, expression, tracer, depth, seen);
    case AST_NODE_TYPES.MemberExpression: {
      const loaded = moduleOfExpression(expression);
      if (loaded) return tracer.lookup(context, loaded.source, loaded.member ?? '*');
      const contextProperty = tracer.thisProperties ? contextPropertyOf(expression) : null;
      if (contextProperty !== null) return traceContextProperty(context, contextProperty, tracer, depth, seen);
      const read = exportReadOff(context, expression.object, propertyName(expression));
      if (read) return (read.viaDefault ? tracer.lookup(context, read.source, 'default') : null) ?? tracer.lookup(context, read.source, read.exported);
      return trace(context, expression.object, tracer, depth + 1, seen);
    }
    case AST_NODE_TYPES.CallExpression: {
      const loaded = moduleOfExpression(expression);
      if (loaded) return tracer.lookup(context, loaded.source, loaded.member ?? '*');
      // `Reflect.get(storage, 'client')` reads a property of its first argument, as `storage.client` does.
      const reflected = reflectGetTarget(context, expression);
      if (reflected) return trace(context, reflected, tracer, depth + 1, seen);
      // A factory handed a double (`knex({ client: MockClient })`) builds a client of the double.
      if (unwrap(expression.callee).type === AST_NODE_TYPES.Identifier && isBuiltOverDouble(expression)) return null;
      const receiver = trace(context, expression.callee, tracer, depth + 1, seen);
      if (receiver === null || !tracer.methodResult || unwrap(expression.callee).type !== AST_NODE_TYPES.MemberExpression) return receiver;
      return tracer.methodResult(context, expression, receiver, (argument) => trace(context, argument, tracer, depth + 1, seen));
    }
    case AST_NODE_TYPES.NewExpression:
      // An adapter handed a test double (`new QueueClient(new FakeProvider())`) talks to the double.
      if (isBuiltOverDouble(expression) || keepsDataInProcess(context, expression)) return null;
      return trace(context, expression.callee, tracer, depth + 1, seen);
    case AST_NODE_TYPES.ImportExpression: {
      const loaded = moduleOfExpression(expression);
      return loaded ? tracer.lookup(context, loaded.source, loaded.member ?? '*') : null;
    }
    case AST_NODE_TYPES.LogicalExpression:
      return trace(context, expression.left, tracer, depth + 1, seen) ?? trace(context, expression.right, tracer, depth + 1, seen);
    case AST_NODE_TYPES.ConditionalExpression:
      return trace(context, expression.consequent, tracer, depth + 1, seen) ?? trace(context, expression.alternate, tracer, depth + 1, seen);
    default:
      return null;
  }
}

/**
 * `new Keyv()`, `new Keyv({ namespace: 'sessions' })`, `new Keyv({ store: new Map() })`: a client the
 * catalog says keeps its data in the process unless it is given a store, made without one. A string
 * (an address), another store, or options naming a store key make it reach its system, and so does
 * anything the file does not show.
 */
function keepsDataInProcess(context: Context, node: TSESTree.NewExpression): boolean {
  const callee = unwrap(node.callee);
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : callee;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, root);
  if (resolution.type !== 'module') return false;
  const storeKeys = storeOptionsOf(resolution.binding.source);
  if (!storeKeys) return false;
  return madeWithoutStore(node.arguments, storeKeys, (value, place) => isNewMap(context, value) || (place === 'store' && isInProcessStore(context, value)));
}

/**
 * `new KeyvCacheableMemory()`: a store of the project's own that reaches no boundary, so it keeps
 * what it is given in the process. Also when a variable that is given nothing else holds it
 * (`const memory = new KeyvCacheableMemory()`, then `new Keyv({ store: memory })`). A store of the
 * project's that the plugin cannot read (a module in an import cycle, one that does not resolve)
 * counts too: where it keeps its data is not known, so the client is not taken to reach its system.
 * Only when it is made from values written in the test (`new MemoryStore({ ttl: 1000 })`): one
 * handed something else (`new StoreAdapter(redisStore)`) may keep its data there.
 */
function isInProcessStore(context: Context, node: Node): boolean {
  let made = unwrap(node);
  if (made.type === AST_NODE_TYPES.Identifier) {
    const held = resolveName(context, made);
    const value = held.type === 'local' ? singleValueOf(held.variable) : null;
    if (value === null) return false;
    made = unwrap(value);
  }
  if (made.type !== AST_NODE_TYPES.NewExpression || !made.arguments.every((argument) => isWrittenOut(context, argument))) return false;
  const callee = unwrap(made.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, callee);
  if (resolution.type !== 'module' || resolution.binding.typeOnly) return false;
  const exported = exportOfSpecifier(context, resolution.binding.source, resolution.binding.imported);
  if (exported === null) return false;
  return exported === 'unknown' || (exported.boundaryKinds.length === 0 && (exported.value.type === 'other' || exported.value.type === 'unknown'));
}

/**
 * A value written in the file: a literal, a template with no expressions, or an object or array of
 * such values; also a variable given only one such value (`{ namespace }` after `const namespace = 'ns1'`).
 */
function isWrittenOut(context: Context, node: Node, depth = 0): boolean {
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.length === 0;
    case AST_NODE_TYPES.UnaryExpression:
      return isWrittenOut(context, value.argument, depth);
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isWrittenOut(context, element, depth));
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && isWrittenOut(context, property.value, depth));
    case AST_NODE_TYPES.Identifier: {
      if (depth > 0) return false;
      const held = resolveName(context, value);
      const single = held.type === 'local' ? singleValueOf(held.variable) : null;
      return single !== null && isWrittenOut(context, single, depth + 1);
    }
    default:
      return false;
  }
}

/** `new Map()`, the global one: a store kept in the process. */
function isNewMap(context: Context, node: Node): boolean {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.NewExpression && inner.callee.type === AST_NODE_TYPES.Identifier && inner.callee.name === 'Map' && resolveName(context, inner.callee).type === 'global';
}

/** The object `Reflect.get(object, key)` reads from, when `Reflect` is the global one. */
function reflectGetTarget(context: Context, call: TSESTree.CallExpression): Node | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'get') return null;
  const object = unwrap(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Reflect' || resolveName(context, object).type !== 'global') return null;
  const target = call.arguments[0];
  return target && target.type !== AST_NODE_TYPES.SpreadElement ? target : null;
}

function traceContextProperty<T>(context: Context, name: string, tracer: Tracer<T>, depth: number, seen: Set<TSESLint.Scope.Variable>): T | null {
  for (const value of contextAssignments(context.sourceCode).get(name) ?? []) {
    const answer = trace(context, value, tracer, depth + 1, seen);
    if (answer) return answer;
  }
  return null;
}

function traceIdentifier<T>(context: Context, identifier: TSESTree.Identifier, tracer: Tracer<T>, depth: number, seen: Set<TSESLint.Scope.Variable>): T | null {
  const resolution = resolveName(context, identifier);
  if (resolution.type === 'global') return null;
  if (resolution.type === 'module') {
    return resolution.binding.typeOnly ? null : tracer.lookup(context, resolution.binding.source, resolution.binding.imported);
  }
  const variable = resolution.variable;
  if (tracer.variables.has(variable)) return tracer.variables.get(variable) ?? null;
  if (seen.has(variable)) return null;
  seen.add(variable);
  let answer: T | null = null;
  const definition = variable.defs[0];
  // `const { user } = prisma` included: a part of a boundary value is still that boundary.
  const initial = definition?.type === 'Variable' ? definition.node.init : null;
  if (initial) answer = trace(context, initial, tracer, depth + 1, seen);
  if (!answer) {
    for (const reference of variable.references) {
      const value = reference.writeExpr;
      if (!value || value === initial) continue;
      answer = trace(context, value, tracer, depth + 1, seen);
      if (answer) break;
    }
  }
  tracer.variables.set(variable, answer);
  return answer;
}

/**
 * The boundary module a type name comes from, for doubles generated from a type
 * (`mockDeep<PrismaClient>()`). Unlike values, type-only imports count here: the double stands in
 * for something of that type. `typeof prisma` names a value and is traced like one.
 */
export function boundaryOfTypeName(context: Context, identifier: TSESTree.Identifier): BoundaryModule | null {
  const resolution = resolveName(context, identifier);
  if (resolution.type === 'module') return boundaryOfSpecifier(context, resolution.binding.source);
  return resolution.type === 'local' ? boundaryOfValue(context, identifier) : null;
}

/**
 * Whether a client or adapter is built over a test double: handed one (`new QueueClient(new
 * FakeProvider())`), or given one as an option (`knex({ client: MockClient })`). What it builds
 * talks to the double, not to the boundary.
 */
export function isBuiltOverDouble(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return node.arguments.some((argument) => {
    const value = unwrap(argument);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return isTestDouble(value);
    return value.properties.some((property) => property.type === AST_NODE_TYPES.Property && isTestDouble(property.value));
  });
}

/** `new FakeProvider()`, `createMockGateway()`, `fakeProvider`: a value named as a test double. */
function isTestDouble(argument: Node): boolean {
  const node = unwrap(argument);
  if (node.type === AST_NODE_TYPES.Identifier) return namesTestDouble(node.name);
  if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.Identifier && namesTestDouble(callee.name);
}

/** Options that point a client at an address: `endpoint`, Elasticsearch's `node`, `host`, `url`. */
const ADDRESS_OPTIONS: ReadonlySet<string> = new Set(['endpoint', 'node', 'nodes', 'host', 'hosts', 'url', 'apiEndpoint', 'baseUrl', 'baseURL']);

/** Whether a construction's options object names an address for the client. */
export function isPointedAtAddress(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const options = node.arguments[0] ? unwrap(node.arguments[0]) : null;
  return (
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.some((property) => property.type === AST_NODE_TYPES.Property && !property.computed && ADDRESS_OPTIONS.has(propertyKeyName(property.key) ?? ''))
  );
}
