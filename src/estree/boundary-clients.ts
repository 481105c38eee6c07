import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isClientExport, type BoundaryModule } from '../core/boundaries';
import { boundaryKindOfExportMember, boundaryKindOfExportValue, boundaryKindOfModule } from '../core/project-boundaries';
import { boundaryOfSpecifier, exportReadOff, traceValue, type Tracer } from './boundary-values';
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
  const summary = summaryOfSpecifier(context, specifier);
  if (summary === null || summary === 'unknown') return null;
  return adapter(exported === '*' ? boundaryKindOfModule(summary) : boundaryKindOfExportValue(summary, exported), specifier);
}

const clientTracer: Tracer<BoundaryModule> = { lookup: clientExport, variables: fileCache(), thisProperties: true };

/** The boundary a value is a client of: `new Pool()`, `orm.em`, `prisma.user`, a variable holding one. */
export function clientOfValue(context: Context, node: Node): BoundaryModule | null {
  return traceValue(context, node, clientTracer);
}

/**
 * The boundary behind a mocked member (`object[method]`, or every member when `method` is `null`).
 * A member read off the module object is the export itself (`vi.spyOn(pg, 'Pool')`); a member of
 * an exported class or object of a project adapter (`Repo.prototype.save`, `mailer.send`) stands
 * for the adapter's boundary; anything else is a member of a traced client value.
 */
export function clientOfMember(context: Context, object: Node, method: string | null): BoundaryModule | null {
  const onModule = method === null ? null : exportReadOff(context, object, method);
  if (onModule) {
    return (onModule.viaDefault ? clientExport(context, onModule.source, 'default') : null) ?? clientExport(context, onModule.source, onModule.exported);
  }
  return adapterOfExportMember(context, object) ?? clientOfValue(context, object);
}

/** `Repo` or `Repo.prototype`, where `Repo` is a named export of a project module whose summary names its boundary. */
function adapterOfExportMember(context: Context, object: Node): BoundaryModule | null {
  let root = unwrap(object);
  if (root.type === AST_NODE_TYPES.MemberExpression && propertyName(root) === 'prototype') root = unwrap(root.object);
  let source: string | null = null;
  let exported: string | null = null;
  if (root.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, root);
    if (resolution.type === 'module' && !resolution.binding.typeOnly && resolution.binding.imported !== '*') {
      ({ source, imported: exported } = resolution.binding);
    }
  } else if (root.type === AST_NODE_TYPES.MemberExpression) {
    const read = exportReadOff(context, root.object, propertyName(root));
    if (read) ({ source, exported } = read);
    const loaded = read ? null : moduleOfExpression(root);
    if (loaded?.member) ({ source, member: exported } = loaded);
  }
  if (source === null || exported === null) return null;
  const summary = summaryOfSpecifier(context, source);
  if (summary === null || summary === 'unknown') return null;
  return adapter(boundaryKindOfExportMember(summary, exported), source);
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
