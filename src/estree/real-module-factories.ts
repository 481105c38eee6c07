import { AST_NODE_TYPES } from './node-types';
import type { TSESTree } from '@typescript-eslint/utils';
import { propertyName, unwrap } from './call-chain';

type Node = TSESTree.Node;

/**
 * Whether a module mock's factory hands back the real module, changed only in how its clients are
 * made: it spreads the real module into what it returns, and each export it names is a class that
 * extends a real export and defines nothing but a constructor (`class LazyRedis extends actual.Redis
 * { constructor(...args) { super(...withLazyConnect(args)) } }`), or a real export itself. Such a
 * factory adjusts options on the way in; every call still reaches the real client.
 *
 * Reads the tree alone, without scopes, so module summaries can ask it of files they parse.
 */
export function keepsRealModule(factory: Node | undefined): boolean {
  if (!factory || (factory.type !== AST_NODE_TYPES.ArrowFunctionExpression && factory.type !== AST_NODE_TYPES.FunctionExpression)) return false;
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const originals = new Set<string>();
  const subclasses = new Set<string>();
  let returned: TSESTree.ObjectExpression | null = null;
  for (const statement of factory.body.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.VariableDeclaration:
        for (const declarator of statement.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && loadsOriginal(declarator.init)) originals.add(declarator.id.name);
        }
        break;
      case AST_NODE_TYPES.ClassDeclaration:
        if (statement.id && extendsOriginal(statement, originals)) subclasses.add(statement.id.name);
        break;
      case AST_NODE_TYPES.ReturnStatement:
        returned = statement.argument?.type === AST_NODE_TYPES.ObjectExpression ? statement.argument : null;
        break;
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ExpressionStatement:
        break;
      default:
        return false;
    }
  }
  return returned !== null && originals.size > 0 && isRealModuleObject(returned, originals, subclasses);
}

/**
 * `{ ...actual, Redis: LazyRedis, default: { ...actual, Redis: LazyRedis } }`: the real module spread
 * in, and every other value a subclass of a real export, a real export, or such an object again.
 */
function isRealModuleObject(object: TSESTree.ObjectExpression, originals: ReadonlySet<string>, subclasses: ReadonlySet<string>): boolean {
  let spreads = false;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      if (property.argument.type !== AST_NODE_TYPES.Identifier || !originals.has(property.argument.name)) return false;
      spreads = true;
      continue;
    }
    const value = property.value;
    const kept =
      (value.type === AST_NODE_TYPES.Identifier && subclasses.has(value.name)) ||
      (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.Identifier && originals.has(value.object.name)) ||
      (value.type === AST_NODE_TYPES.ObjectExpression && isRealModuleObject(value, originals, subclasses));
    if (!kept) return false;
  }
  return spreads;
}

/**
 * Whether a value loads the real module inside a mock's factory: `await import('…')`,
 * `await vi.importActual('…')`, `jest.requireActual('…')`, `await importOriginal<typeof M>()`, `require('…')`.
 */
export function loadsOriginal(init: Node): boolean {
  const value = unwrap(init);
  if (value.type === AST_NODE_TYPES.ImportExpression) return true;
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(value.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'importOriginal' || callee.name === 'require';
  return callee.type === AST_NODE_TYPES.MemberExpression && ['importActual', 'requireActual'].includes(propertyName(callee) ?? '');
}

/** A class extending a real export (`extends actual.Redis`) that defines only its constructor and static values. */
function extendsOriginal(declaration: TSESTree.ClassDeclaration, originals: ReadonlySet<string>): boolean {
  const base = declaration.superClass;
  if (base?.type !== AST_NODE_TYPES.MemberExpression || base.object.type !== AST_NODE_TYPES.Identifier || !originals.has(base.object.name)) return false;
  return declaration.body.body.every(
    (member) => (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') || (member.type === AST_NODE_TYPES.PropertyDefinition && member.static),
  );
}
