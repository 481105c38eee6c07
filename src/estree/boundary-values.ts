import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { lookupBoundary, type BoundaryModule, type ImportSite } from '../core/boundaries';
import { getSettings } from '../settings';
import { unwrap } from './call-chain';
import { moduleOfExpression, resolveName } from './imports';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The site that relative specifiers in this file resolve from. */
export function importSiteOf(context: Context): ImportSite {
  return { filename: context.filename, cwd: context.cwd };
}

/** The boundary a module specifier belongs to, with this file's settings and import site. */
export function boundaryOfSpecifier(context: Context, specifier: string): BoundaryModule | null {
  return lookupBoundary(specifier, getSettings(context.settings), importSiteOf(context));
}

const MAX_DEPTH = 8;

/** What a traced value's module is mapped to: a boundary, a specifier, … (`null` to keep looking). */
type ModuleAnswer<T> = (context: Context, source: string) => T | null;

const boundaryCache = new WeakMap<TSESLint.Scope.Variable, BoundaryModule | null>();
const originCache = new WeakMap<TSESLint.Scope.Variable, string | null>();

/**
 * The boundary module a value comes from: the module itself (`import * as pg`), something taken
 * from it (`new Pool()`, `knex({...})`, `prisma.user`), or a variable assigned one of those —
 * including `let pool; beforeAll(() => { pool = new Pool() })`. `null` when it cannot be traced.
 */
export function boundaryOfValue(context: Context, node: Node): BoundaryModule | null {
  return trace(context, node, boundaryOfSpecifier, boundaryCache, 0, new Set());
}

/**
 * The module specifier a value comes from, traced the same way as {@link boundaryOfValue} but
 * for any module: `const app = new Hono()` comes from `'hono'`. `null` when it cannot be traced.
 */
export function moduleOriginOf(context: Context, node: Node): string | null {
  return trace(context, node, (_context, source) => source, originCache, 0, new Set());
}

function trace<T>(
  context: Context,
  node: Node,
  answer: ModuleAnswer<T>,
  cache: WeakMap<TSESLint.Scope.Variable, T | null>,
  depth: number,
  seen: Set<TSESLint.Scope.Variable>,
): T | null {
  if (depth > MAX_DEPTH) return null;
  const next = (child: Node) => trace(context, child, answer, cache, depth + 1, seen);
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return traceIdentifier(context, expression, answer, cache, depth, seen);
    case AST_NODE_TYPES.MemberExpression: {
      const loaded = moduleOfExpression(expression);
      if (loaded) return answer(context, loaded.source);
      return next(expression.object);
    }
    case AST_NODE_TYPES.CallExpression: {
      const loaded = moduleOfExpression(expression);
      if (loaded) return answer(context, loaded.source);
      return next(expression.callee);
    }
    case AST_NODE_TYPES.NewExpression:
      return next(expression.callee);
    case AST_NODE_TYPES.ImportExpression: {
      const loaded = moduleOfExpression(expression);
      return loaded ? answer(context, loaded.source) : null;
    }
    case AST_NODE_TYPES.LogicalExpression:
      return next(expression.left) ?? next(expression.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return next(expression.consequent) ?? next(expression.alternate);
    default:
      return null;
  }
}

function traceIdentifier<T>(
  context: Context,
  identifier: TSESTree.Identifier,
  answer: ModuleAnswer<T>,
  cache: WeakMap<TSESLint.Scope.Variable, T | null>,
  depth: number,
  seen: Set<TSESLint.Scope.Variable>,
): T | null {
  const resolution = resolveName(context, identifier);
  if (resolution.type === 'global') return null;
  if (resolution.type === 'module') {
    return resolution.binding.typeOnly ? null : answer(context, resolution.binding.source);
  }
  const variable = resolution.variable;
  if (cache.has(variable)) return cache.get(variable) ?? null;
  if (seen.has(variable)) return null;
  seen.add(variable);
  let found: T | null = null;
  const definition = variable.defs[0];
  // `const { user } = prisma` included: a part of a boundary value is still that boundary.
  const initial = definition?.type === 'Variable' ? definition.node.init : null;
  if (initial) found = trace(context, initial, answer, cache, depth + 1, seen);
  if (!found) {
    for (const reference of variable.references) {
      const value = reference.writeExpr;
      if (!value || value === initial) continue;
      found = trace(context, value, answer, cache, depth + 1, seen);
      if (found) break;
    }
  }
  cache.set(variable, found);
  return found;
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
