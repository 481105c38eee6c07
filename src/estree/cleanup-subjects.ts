import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Subject } from '../core/require-cleanup';
import { sqlTable } from '../core/vocabulary';
import { propertyName, staticString, unwrap } from './call-chain';
import { fileCache } from './file-cache';
import { testPlaceOf } from './test-calls';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type WritingCall = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
type Callback = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/**
 * What a write or a delete in a test is about, so that a test that deletes exactly the row it wrote
 * can be told from one that deletes something else:
 *
 * - the store: the table of hand-written SQL (`INSERT INTO users …`, `DELETE FROM users …`), or the
 *   handle the call is made on and the table or model it names (`prisma.user`, `db.collection('users')`,
 *   `knex('users')`, `db.insert(users)` with `users` a table defined outside the test);
 * - the keys: the test's own variables the call names (`user.id`, `{ id }`, `${orderId}`), and for a
 *   write the variables its result is kept in (`const user = await repo.save(…)`);
 * - for a delete made on a value the test holds (`await user.destroy()`), that value: the row itself.
 *
 * Only variables declared inside the test count as keys: a table or a handle defined outside it says
 * which table, not which row. `null` when the call is not made in a test, or names no key.
 */
export function subjectOf(context: Context, node: WritingCall, text: string | undefined, written: boolean): Subject | null {
  const place = testPlaceOf(context, node);
  const test = place.kind === 'test' ? (place.call?.callback ?? null) : null;
  if (!test) return null;
  const store = storeOf(context, node, text, test);
  if (store === null) return null;
  const keys = new Set<string>();
  for (const part of partsOf(node)) collectKeys(context, part, test, keys);
  if (written) for (const variable of resultVariables(context, node)) keys.add(variableKey(variable));
  // `await user.destroy()`: a delete made on the row the test holds.
  const root = written ? null : rootOf(node);
  const rootVariable = root && variableOf(context, root);
  const row = rootVariable && declaredIn(rootVariable, test) ? variableKey(rootVariable) : null;
  if (keys.size === 0 && row === null) return null;
  // A function of the project's, not a method of a store: what it deletes is in its body.
  const anyStore = !written && node.type === AST_NODE_TYPES.CallExpression && unwrap(node.callee).type === AST_NODE_TYPES.Identifier;
  const subject = row === null ? { store, keys: [...keys] } : { store, keys: [...keys], row };
  return anyStore ? { ...subject, anyStore } : subject;
}

function rootOf(node: WritingCall): TSESTree.Identifier | null {
  let current: Node = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node.tag : node;
  for (;;) {
    current = unwrap(current);
    if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else return current.type === AST_NODE_TYPES.Identifier ? current : null;
  }
}

/** The arguments of every call along the chain (`.where({ id })` included), or a tagged template's values. */
function partsOf(node: WritingCall): Node[] {
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return [...node.quasi.expressions];
  const parts: Node[] = [];
  for (let current: Node = node; ; ) {
    current = unwrap(current);
    if (current.type === AST_NODE_TYPES.CallExpression) {
      parts.push(...current.arguments);
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = current.object;
    } else {
      return parts;
    }
  }
}

/** The store a call acts on; `null` when it cannot be named. */
function storeOf(context: Context, node: WritingCall, text: string | undefined, test: Callback): string | null {
  const table = text === undefined ? null : sqlTable(text);
  if (table !== null) return `sql:${table}`;
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return null;
  // The chain from its root, without the methods it calls: `prisma.user` (`create`), `db` and `users`
  // (`collection('users')`), `knex` and `users` (`knex('users').where(…).del()`), `db` and `users` (`insert(users)`).
  const links: string[] = [];
  const named: string[] = [];
  let current: Node = node;
  let called = false;
  for (;;) {
    current = unwrap(current);
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const name = tableArgument(context, current.arguments[0], test);
      if (name !== null) named.push(name);
      current = current.callee;
      called = true;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(current);
      if (name === null) return null;
      if (!called) links.push(name);
      called = false;
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.Identifier) {
      links.push(current.name);
      break;
    } else {
      return null;
    }
  }
  return [links.reverse().join('.'), ...named.reverse()].join(':');
}

/** A table named by an argument: a string (`collection('users')`) or a value defined outside the test (`insert(users)`). */
function tableArgument(context: Context, node: Node | undefined, test: Callback): string | null {
  if (!node) return null;
  const text = staticString(node);
  if (text !== null) return text;
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = variableOf(context, node);
  return variable === null || !declaredIn(variable, test) ? node.name : null;
}

/** The test's own variables an expression reads. */
function collectKeys(context: Context, node: Node, test: Callback, keys: Set<string>): void {
  const stack: Node[] = [node];
  const visitorKeys = context.sourceCode.visitorKeys;
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    if (current.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(context, current);
      if (variable && declaredIn(variable, test)) keys.add(variableKey(variable));
      continue;
    }
    if (isFunction(current)) continue;
    for (const key of visitorKeys[current.type] ?? []) {
      // `{ id: user.id }`: the key name is not a read; `user.id`: only `user` is.
      if (current.type === AST_NODE_TYPES.Property && key === 'key' && !current.computed) continue;
      if (current.type === AST_NODE_TYPES.MemberExpression && key === 'property' && !current.computed) continue;
      const child = (current as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) for (const item of child) if (item && typeof item === 'object' && 'type' in item) stack.push(item as Node);
      if (child && typeof child === 'object' && 'type' in child) stack.push(child as Node);
    }
  }
}

/** The variables a write's result is kept in: `const user = await …`, `const { id } = await …`, `[row] = …`. */
function resultVariables(context: Context, node: WritingCall): readonly TSESLint.Scope.Variable[] {
  let child: Node = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child))
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child) return context.sourceCode.getDeclaredVariables(parent);
  return [];
}

const variables = fileCache<TSESTree.Identifier, TSESLint.Scope.Variable | null>();

function variableOf(context: Context, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  let found = variables.get(identifier);
  if (found === undefined) {
    found = null;
    for (let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(identifier); scope && !found; scope = scope.upper) {
      found = scope.set.get(identifier.name) ?? null;
    }
    variables.set(identifier, found);
  }
  return found;
}

function declaredIn(variable: TSESLint.Scope.Variable, test: Callback): boolean {
  const name = variable.defs[0]?.name;
  return name !== undefined && name.range[0] >= test.range[0] && name.range[1] <= test.range[1];
}

function variableKey(variable: TSESLint.Scope.Variable): string {
  return `${variable.name}@${variable.defs[0]?.name.range[0] ?? -1}`;
}

function isFunction(node: Node): boolean {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration;
}
