import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './call-chain';
import { fileCache } from './file-cache';
import { resolveName } from './imports';
import { AST_NODE_TYPES } from './node-types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Node = TSESTree.Node;

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** The function a local name is declared as: a function declaration, or a variable given an arrow or function expression. */
export function functionOf(variable: TSESLint.Scope.Variable): FunctionNode | null {
  const definition = variable.defs[0];
  if (definition?.type === 'FunctionName' && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
  const init = definition?.type === 'Variable' ? definition.node.init : null;
  return init && (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression) ? init : null;
}

/**
 * The function a call of a bare name runs, when the name is one of the file's own functions and
 * nothing assigns it another value: `await createTables()` with `const createTables = async () => {…}`.
 */
export function calledLocalFunction(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression): FunctionNode | null {
  const callee = unwrap(node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node.tag : node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const resolution = resolveName(context, callee);
  if (resolution.type !== 'local') return null;
  const { variable } = resolution;
  if (variable.defs.length !== 1 || variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  return functionOf(variable);
}

const variableValues = fileCache<TSESLint.Scope.Variable, Node[]>();

/**
 * The values a variable is given: its initialiser, then each assignment, unwrapped. Worked out once
 * per variable: a client used on every line of a long file has as many references as lines.
 */
export function valuesOf(variable: TSESLint.Scope.Variable): Node[] {
  let found = variableValues.get(variable);
  if (!found) {
    const definition = variable.defs[0];
    found = [];
    const init = definition?.type === 'Variable' ? definition.node.init : null;
    if (init) found.push(unwrap(init));
    for (const reference of variable.references) if (reference.writeExpr) found.push(unwrap(reference.writeExpr));
    variableValues.set(variable, found);
  }
  return found;
}
