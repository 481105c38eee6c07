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
  return localFunctionNamed(context, node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node.tag : node.callee);
}

/** The function a name stands for, when it is one of the file's own functions and nothing assigns it another value. */
export function localFunctionNamed(context: Context, node: Node): FunctionNode | null {
  const name = unwrap(node);
  if (name.type !== AST_NODE_TYPES.Identifier) return null;
  const resolution = resolveName(context, name);
  if (resolution.type !== 'local' || !isDeclaredOnly(resolution.variable)) return null;
  return functionOf(resolution.variable);
}

/**
 * The variable that names one of the file's own functions (`function endPoint(…)`, `const endPoint
 * = (…) => …`), when nothing assigns it another value: the other way from {@link localFunctionNamed}.
 */
export function functionVariable(context: Context, fn: FunctionNode): TSESLint.Scope.Variable | null {
  const declarator = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : null;
  const named = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : declarator;
  if (!named || named.id?.type !== AST_NODE_TYPES.Identifier) return null;
  const name = named.id.name;
  const variable = context.sourceCode.getDeclaredVariables(named).find((candidate) => candidate.name === name);
  return variable && isDeclaredOnly(variable) ? variable : null;
}

/** Declared once and never assigned again. */
function isDeclaredOnly(variable: TSESLint.Scope.Variable): boolean {
  return variable.defs.length === 1 && !variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/** The nearest function a node is written in. */
export function enclosingFunction(node: Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return current;
  }
  return null;
}

/** The variable a function declares for one of its parameters (`app` in `function visit(app) {…}`). */
export function parameterVariable(context: Context, fn: Node, param: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  return context.sourceCode.scopeManager?.getDeclaredVariables(fn).find((declared) => declared.defs.some((definition) => definition.name === param));
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

type CallLike = TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression;

/**
 * Calls `visit` with each call in a function's body, nested functions included, until it returns
 * `true`; says whether it did. Bodies are walked by the parser's visitor keys, in no set order.
 */
export function someCallIn(context: Context, fn: FunctionNode, visit: (call: CallLike) => boolean): boolean {
  const keys = context.sourceCode.visitorKeys;
  const stack: Node[] = [fn.body];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    if (
      (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression || current.type === AST_NODE_TYPES.TaggedTemplateExpression) &&
      visit(current)
    ) {
      return true;
    }
    for (const key of keys[current.type] ?? []) {
      const child = (current as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) for (const item of child) if (item && typeof item === 'object' && 'type' in item) stack.push(item as Node);
      if (child && typeof child === 'object' && 'type' in child) stack.push(child as Node);
    }
  }
  return false;
}

/**
 * What one of the file's functions hands back, when that is one value: an arrow's expression body,
 * or the argument of a body's only `return`, written as its last statement (`function buildApp() {
 * const app = express(); …; return app; }`). `null` for any other shape.
 */
export function returnedValueOf(context: Context, fn: FunctionNode): Node | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const last = fn.body.body[fn.body.body.length - 1];
  if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return null;
  const keys = context.sourceCode.visitorKeys;
  const stack: Node[] = fn.body.body.slice(0, -1);
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    if (current.type === AST_NODE_TYPES.ReturnStatement) return null;
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) continue;
    for (const key of keys[current.type] ?? []) {
      const child = (current as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) if (item && typeof item === 'object' && 'type' in item) stack.push(item as Node);
    }
  }
  return last.argument;
}
