import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { fileCache } from './file-cache';

/**
 * The one value a variable ever holds: its initialiser, or the single plain assignment made to
 * it (`let server; beforeAll(() => { server = app.listen(0) })`). `null` when it is assigned more
 * than once, updated in place (`+=`, `++`), destructured, or a parameter.
 */
export function singleValueOf(variable: TSESLint.Scope.Variable): TSESTree.Node | null {
  // Asked once per use of the variable; scanning its references each time would grow with the square of the file.
  if (singleValues.has(variable)) return singleValues.get(variable) ?? null;
  const value = computeSingleValue(variable);
  singleValues.set(variable, value);
  return value;
}

const singleValues = fileCache<TSESLint.Scope.Variable, TSESTree.Node | null>();

function computeSingleValue(variable: TSESLint.Scope.Variable): TSESTree.Node | null {
  const values = plainValuesOf(variable);
  return values.length === 1 ? (values[0] ?? null) : null;
}

/**
 * Every value a variable is given, by its declaration and by plain `=` assignments (`let app;` set
 * in two hooks gives both). Empty when it is given one any other way (`+=`, destructuring, a loop).
 */
export function plainValuesOf(variable: TSESLint.Scope.Variable): TSESTree.Node[] {
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== 'Variable' || definition.node.id !== definition.name) return [];
  const values: TSESTree.Node[] = definition.node.init ? [definition.node.init] : [];
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.writeExpr === definition.node.init) continue;
    const parent = reference.identifier.parent;
    const plainAssignment =
      parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.left === reference.identifier;
    if (!plainAssignment || !reference.writeExpr) return [];
    values.push(reference.writeExpr);
  }
  return values;
}

/**
 * For `const { address } = server.address()`: the object a destructured variable was taken
 * from and the property it names. `null` for other variables.
 */
export function destructuredPropertyOf(variable: TSESLint.Scope.Variable): DestructuredProperty | null {
  if (destructuredProperties.has(variable)) return destructuredProperties.get(variable) ?? null;
  const property = computeDestructuredProperty(variable);
  destructuredProperties.set(variable, property);
  return property;
}

type DestructuredProperty = { readonly object: TSESTree.Expression; readonly key: string };

const destructuredProperties = fileCache<TSESLint.Scope.Variable, DestructuredProperty | null>();

function computeDestructuredProperty(variable: TSESLint.Scope.Variable): DestructuredProperty | null {
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== 'Variable' || variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== definition.node.init)) {
    return null;
  }
  const { id, init } = definition.node;
  if (!init || id.type !== AST_NODE_TYPES.ObjectPattern) return null;
  for (const property of id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value === definition.name) return { object: init, key: property.key.name };
  }
  return null;
}
