import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isClientExport, type BoundaryModule } from '../core/boundaries';
import { namesClassLike } from '../core/vocabulary';
import { boundaryKindOfExportMember, boundaryKindOfExportValue, boundaryKindOfModule, boundaryKindOfStubbedExport, definedMemberReaches } from '../core/project-boundaries';
import { boundaryOfSpecifier, exportReadOff, ownLibraryOf, traceValue, type Tracer } from './boundary-values';
import { propertyName, unwrap } from './call-chain';
import { fileCache } from './file-cache';
import { moduleOfExpression, resolveName } from './imports';
import { summaryOfSpecifier } from './project-modules';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Boundary clients: values whose calls leave the process. Narrower than `boundaryOfValue`, which
 * answers for anything read off a boundary module: here a value counts only when it comes from an
 * export the catalog names as a client (`Pool` from `pg`, not `types`), from a module declared in
 * settings, or from a project export whose summary says it is or returns a client.
 */

function adapter(kind: string | null, specifier: string): BoundaryModule | null {
  return kind === null ? null : { kind, role: 'adapter', specifier };
}

/** The boundary an export stands for, when what is read off it is a client. */
function clientExport(context: Context, specifier: string, exported: string): BoundaryModule | null {
  const boundary = boundaryOfSpecifier(context, specifier);
  if (boundary) return isClientExport(specifier, exported) ? boundary : null;
  // In a driver's or a queue's own repository, its client classes are still clients: a job or a
  // connection made from its sources does reach the server. Its other exports are the code under test.
  const own = exported === '*' ? null : ownLibraryOf(context, specifier);
  if (own && isClientExport(own.name, exported)) return own.boundary;
  const summary = summaryOfSpecifier(context, specifier);
  if (summary === null || summary === 'unknown') return null;
  return adapter(exported === '*' ? boundaryKindOfModule(summary) : boundaryKindOfExportValue(summary, exported), specifier);
}

/**
 * What a method of a traced client hands back. A client of a package keeps its boundary through
 * its calls (`dataSource.getRepository(User)`). A project module handed a class or a token to look
 * up (`server.getService(BillingUsage)`, `container.resolve(Modules.PAYMENT)`) hands back an
 * instance of what was named, which is a client only if that is one.
 */
function methodResultOfClient(context: Context, call: TSESTree.CallExpression, receiver: BoundaryModule, traceNode: (node: Node) => BoundaryModule | null): BoundaryModule | null {
  if (receiver.role !== 'adapter') return receiver;
  const named = call.arguments.find(namesClassOrToken);
  return named ? traceNode(named) : receiver;
}

/** `BillingUsage`, `Modules.PAYMENT`: a class or a token of a registry, by its written name. */
function namesClassOrToken(argument: TSESTree.CallExpressionArgument): boolean {
  const node = unwrap(argument);
  if (node.type === AST_NODE_TYPES.Identifier) return namesClassLike(node.name);
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return false;
  const object = unwrap(node.object);
  return object.type === AST_NODE_TYPES.Identifier && namesClassLike(object.name);
}

const clientTracer: Tracer<BoundaryModule> = { lookup: clientExport, variables: fileCache(), thisProperties: true, methodResult: methodResultOfClient };

/** The boundary a value is a client of: `new Pool()`, `orm.em`, `prisma.user`, a variable holding one. */
export function clientOfValue(context: Context, node: Node): BoundaryModule | null {
  return traceValue(context, node, clientTracer);
}

/**
 * The boundary behind a mocked member (`object[method]`, or every member when `method` is `null`).
 * A member read off the module object is the export itself (`vi.spyOn(pg, 'Pool')`,
 * `sinon.stub(mailer, 'sendReset')`), or a member of what a CommonJS module hands out whole
 * (`module.exports = new Mailer()`); a member of an exported class or object of a project adapter
 * (`Repo.prototype.save`, `mailer.send`) stands for the adapter's boundary; anything else is a
 * member of a traced client value.
 */
export function clientOfMember(context: Context, object: Node, method: string | null): BoundaryModule | null {
  const onModule = method === null ? null : exportReadOff(context, object, method);
  if (onModule) return stubbedExport(context, onModule.source, onModule.exported, onModule.viaDefault);
  // An export of a project module is judged by its summary alone: a class that is an adapter
  // does not make a member it inherits from elsewhere one.
  const ofExport = adapterOfExportMember(context, object, method);
  if (ofExport !== undefined) return ofExport;
  const client = clientOfValue(context, object);
  // A document of the project's model (`new User()`): a member the project defines on it stays in
  // the process unless its own body reaches the boundary.
  return client && method !== null && !memberOfOriginReaches(context, object, method) ? null : client;
}

const originTracer: Tracer<{ readonly specifier: string; readonly exported: string }> = {
  lookup: (_context, specifier, exported) => ({ specifier, exported }),
  variables: fileCache(),
};

/** Whether `method` of the project export a value comes from may reach a boundary ({@link definedMemberReaches}). */
function memberOfOriginReaches(context: Context, object: Node, method: string): boolean {
  const origin = traceValue(context, object, originTracer);
  const summary = origin ? summaryOfSpecifier(context, origin.specifier) : null;
  if (!origin || summary === null || summary === 'unknown') return true;
  const entry = summary.exports.get(origin.exported === '*' ? 'default' : origin.exported);
  return entry === undefined || definedMemberReaches(entry, method);
}

/** The boundary an export of a module stands for when it alone is replaced: a client, or an adapter's function. */
export function boundaryOfModuleExport(context: Context, specifier: string, exported: string): BoundaryModule | null {
  return stubbedExport(context, specifier, exported, false);
}

/** An export replaced on the module object it was read off; `viaDefault` when that object is the default export. */
function stubbedExport(context: Context, specifier: string, exported: string, viaDefault: boolean): BoundaryModule | null {
  const summary = boundaryOfSpecifier(context, specifier) ? null : summaryOfSpecifier(context, specifier);
  if (summary === null || summary === 'unknown') {
    return (viaDefault ? clientExport(context, specifier, 'default') : null) ?? clientExport(context, specifier, exported);
  }
  const named = viaDefault ? null : boundaryKindOfStubbedExport(summary, exported);
  if (named !== null) return adapter(named, specifier);
  // A CommonJS module that hands out one value (`module.exports = new Mailer()`) has no export of that name.
  const whole = viaDefault || !summary.exports.has(exported);
  return whole ? adapter(boundaryKindOfExportMember(summary, 'default', exported), specifier) : null;
}

/**
 * `Repo` or `Repo.prototype`, where `Repo` is an export of a project module whose summary names
 * its boundary, or what a CommonJS module hands out whole (`const Repo = require('./repo')`).
 * `undefined` when the object is no export of a project module with a summary.
 */
function adapterOfExportMember(context: Context, object: Node, method: string | null): BoundaryModule | null | undefined {
  let root = unwrap(object);
  if (root.type === AST_NODE_TYPES.MemberExpression && propertyName(root) === 'prototype') root = unwrap(root.object);
  let source: string | null = null;
  let exported: string | null = null;
  if (root.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, root);
    if (resolution.type === 'module' && !resolution.binding.typeOnly) {
      const { binding } = resolution;
      source = binding.source;
      // `require` hands over `module.exports` itself, which a summary records as the default export.
      exported = binding.imported !== '*' ? binding.imported : binding.declaration.type === AST_NODE_TYPES.VariableDeclarator ? 'default' : null;
    }
  } else if (root.type === AST_NODE_TYPES.MemberExpression) {
    const read = exportReadOff(context, root.object, propertyName(root));
    if (read) ({ source, exported } = read);
    const loaded = read ? null : moduleOfExpression(root);
    if (loaded?.member) ({ source, member: exported } = loaded);
  }
  if (source === null || exported === null) return undefined;
  const summary = summaryOfSpecifier(context, source);
  if (summary === null || summary === 'unknown' || !summary.exports.has(exported)) return undefined;
  return adapter(boundaryKindOfExportMember(summary, exported, method), source);
}

/** A whole project module mocked (`vi.mock('@/storage')`), when its summary names the boundary it reaches. */
export function adapterOfModule(context: Context, specifier: string): BoundaryModule | null {
  const summary = summaryOfSpecifier(context, specifier);
  if (summary === null || summary === 'unknown') return null;
  return adapter(boundaryKindOfModule(summary), specifier);
}

/** `Redis`, `pg.Pool`, `Repository<User>`: the identifier a type reference starts from. */
function rootOfTypeReference(node: TSESTree.TypeNode): TSESTree.Identifier | null {
  if (node.type !== AST_NODE_TYPES.TSTypeReference) return null;
  let name: TSESTree.EntityName = node.typeName;
  while (name.type === AST_NODE_TYPES.TSQualifiedName) name = name.left;
  return name.type === AST_NODE_TYPES.Identifier ? name : null;
}

/**
 * The boundary whose client a type names (`Redis` from `ioredis`, `MikroORM`, or a project class
 * whose summary says it is a client, such as a wrapper that extends one), or `null`.
 */
export function clientOfType(context: Context, type: TSESTree.TypeNode): BoundaryModule | null {
  const root = rootOfTypeReference(type);
  if (!root) return null;
  const resolution = resolveName(context, root);
  if (resolution.type !== 'module') return null;
  const { source, imported } = resolution.binding;
  const exported = imported === '*' && type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.TSQualifiedName ? type.typeName.right.name : imported;
  // A module declared in settings says nothing of which of its types are clients and which are rows.
  if (boundaryOfSpecifier(context, source)?.role === 'adapter') return null;
  return clientExport(context, source, exported);
}

/**
 * The client type a value is cast to: `{ llen: … } as unknown as Redis` says the test hands this
 * object over in place of a Redis client.
 */
export function castClientOf(context: Context, node: Node): BoundaryModule | null {
  let current: Node = node;
  while (current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSSatisfiesExpression || current.type === AST_NODE_TYPES.TSTypeAssertion) {
    const cast = clientOfType(context, current.typeAnnotation);
    if (cast) return cast;
    current = current.expression;
  }
  return null;
}

/**
 * The client type a variable is declared with (`let orm: MikroORM`), when nothing the file assigns
 * to it is a generated double: then it holds the real client, made wherever it was made.
 */
export function declaredClientOf(context: Context, node: Node, isDouble: (value: Node) => boolean): BoundaryModule | null {
  const identifier = unwrap(node);
  if (identifier.type !== AST_NODE_TYPES.Identifier) return null;
  const resolution = resolveName(context, identifier);
  if (resolution.type !== 'local') return null;
  const name = resolution.variable.defs[0]?.name;
  const annotation = name?.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  if (!annotation) return null;
  const values = resolution.variable.references.flatMap((reference) => (reference.writeExpr ? [reference.writeExpr] : []));
  return values.some(isDouble) ? null : clientOfType(context, annotation);
}
