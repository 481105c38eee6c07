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

const variableCache = new WeakMap<TSESLint.Scope.Variable, BoundaryModule | null>();
const MAX_DEPTH = 8;

/**
 * The boundary module a value comes from: the module itself (`import * as pg`), something taken
 * from it (`new Pool()`, `knex({...})`, `prisma.user`), or a variable assigned one of those —
 * including `let pool; beforeAll(() => { pool = new Pool() })`. `null` when it cannot be traced.
 */
export function boundaryOfValue(context: Context, node: Node): BoundaryModule | null {
  return trace(context, node, 0, new Set());
}

function trace(context: Context, node: Node, depth: number, seen: Set<TSESLint.Scope.Variable>): BoundaryModule | null {
  if (depth > MAX_DEPTH) return null;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return traceIdentifier(context, expression, depth, seen);
    case AST_NODE_TYPES.MemberExpression: {
      const loaded = moduleOfExpression(expression);
      if (loaded) return boundaryOfSpecifier(context, loaded.source);
      return trace(context, expression.object, depth + 1, seen);
    }
    case AST_NODE_TYPES.CallExpression: {
      const loaded = moduleOfExpression(expression);
      if (loaded) return boundaryOfSpecifier(context, loaded.source);
      return trace(context, expression.callee, depth + 1, seen);
    }
    case AST_NODE_TYPES.NewExpression:
      return trace(context, expression.callee, depth + 1, seen);
    case AST_NODE_TYPES.ImportExpression: {
      const loaded = moduleOfExpression(expression);
      return loaded ? boundaryOfSpecifier(context, loaded.source) : null;
    }
    case AST_NODE_TYPES.LogicalExpression:
      return trace(context, expression.left, depth + 1, seen) ?? trace(context, expression.right, depth + 1, seen);
    case AST_NODE_TYPES.ConditionalExpression:
      return trace(context, expression.consequent, depth + 1, seen) ?? trace(context, expression.alternate, depth + 1, seen);
    default:
      return null;
  }
}

function traceIdentifier(context: Context, identifier: TSESTree.Identifier, depth: number, seen: Set<TSESLint.Scope.Variable>): BoundaryModule | null {
  const resolution = resolveName(context, identifier);
  if (resolution.type === 'global') return null;
  if (resolution.type === 'module') {
    return resolution.binding.typeOnly ? null : boundaryOfSpecifier(context, resolution.binding.source);
  }
  const variable = resolution.variable;
  if (variableCache.has(variable)) return variableCache.get(variable) ?? null;
  if (seen.has(variable)) return null;
  seen.add(variable);
  let answer: BoundaryModule | null = null;
  const definition = variable.defs[0];
  // `const { user } = prisma` included: a part of a boundary value is still that boundary.
  const initial = definition?.type === 'Variable' ? definition.node.init : null;
  if (initial) answer = trace(context, initial, depth + 1, seen);
  if (!answer) {
    for (const reference of variable.references) {
      const value = reference.writeExpr;
      if (!value || value === initial) continue;
      answer = trace(context, value, depth + 1, seen);
      if (answer) break;
    }
  }
  variableCache.set(variable, answer);
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
