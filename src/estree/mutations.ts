import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { propertyName } from './call-chain';
import { resolveName } from './imports';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Array methods that change the array they are called on. */
const MUTATING_METHODS: ReadonlySet<string> = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);
/** `Object.assign(target, …)` and friends change their first argument. */
const MUTATING_STATICS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Object', new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf'])],
  ['Reflect', new Set(['set', 'deleteProperty', 'defineProperty', 'setPrototypeOf'])],
]);

/** Wrappers that leave the value as it is: `x!`, `x as T`, `(x)`, `x?.y`. */
function isTransparent(node: Node): node is TSESTree.TSNonNullExpression | TSESTree.TSAsExpression | TSESTree.TSSatisfiesExpression | TSESTree.TSTypeAssertion | TSESTree.ChainExpression {
  return (
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion ||
    node.type === AST_NODE_TYPES.ChainExpression
  );
}

/** A change to the object a binding holds, found from one use of the binding. */
export interface MutationSite {
  /** The property path changed: `order.items.push(x)` changes `['items']`. */
  readonly path: readonly string[];
  /** `assign` puts a new value at the path (`cart.items = []`); `change` alters what is there. */
  readonly kind: 'assign' | 'change';
  /** The collection at the path is emptied whole, or the value put back: `items.length = 0`, `items.splice(0)`, `seen.clear()`, `emulator.reset()`. */
  readonly emptied?: boolean;
  /**
   * For `Object.assign(target, source)`: the properties it sets, when every source's own keys are
   * written out (an object literal, or a constant holding one). `undefined` when not known.
   */
  readonly keys?: readonly string[];
  /** The expression that makes the change: the assignment, the call, the `delete`. */
  readonly node: TSESTree.AssignmentExpression | TSESTree.UpdateExpression | TSESTree.UnaryExpression | TSESTree.CallExpression;
}

/**
 * What a use of a binding changes in the object the binding holds: `order.items.push(x)` changes
 * path `items`, `user.name = 'x'` assigns path `name`, `delete order.id` and `Object.assign(user, …)`
 * change it. The path stops at the first computed key that is not a literal. `null` when the use
 * only reads, or assigns the binding itself.
 */
export function mutationOf(context: Context, identifier: TSESTree.Identifier): MutationSite | null {
  let node: Node = identifier;
  const path: string[] = [];
  let exact = true;
  let isMember = false;
  for (let parent = node.parent; parent; parent = node.parent) {
    if (isTransparent(parent)) {
      node = parent;
    } else if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      const name = propertyName(parent);
      if (name === null) exact = false;
      else if (exact) path.push(name);
      isMember = true;
      node = parent;
    } else {
      break;
    }
  }
  const parent = node.parent;
  if (!parent) return null;

  if (isMember && parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) {
    if (parent.operator !== '=') return { path, kind: 'change', node: parent };
    // `items.length = 0` empties the array: a fresh value for `items`.
    const emptied = exact && path[path.length - 1] === 'length';
    return emptied ? { path: path.slice(0, -1), kind: 'assign', emptied, node: parent } : { path, kind: 'assign', node: parent };
  }
  if (isMember && parent.type === AST_NODE_TYPES.UpdateExpression) return { path, kind: 'change', node: parent };
  if (isMember && parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return { path, kind: 'change', node: parent };
  if (isMember && parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) {
    const method = exact ? path[path.length - 1] : undefined;
    // `items.splice(0)` and `seen.clear()` empty the collection, like `items.length = 0`.
    if (method !== undefined && isEmptying(context, parent, method)) return { path: path.slice(0, -1), kind: 'assign', emptied: true, node: parent };
    return method !== undefined && MUTATING_METHODS.has(method) ? { path: path.slice(0, -1), kind: 'change', node: parent } : null;
  }
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node && isMutatingStatic(context, parent.callee)) {
    const keys = isObjectAssign(parent.callee) ? assignedKeys(context, parent.arguments.slice(1)) : null;
    return keys ? { path, kind: 'change', keys, node: parent } : { path, kind: 'change', node: parent };
  }
  return null;
}

function isObjectAssign(callee: Node): boolean {
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Object' && propertyName(callee) === 'assign';
}

const MAX_KEY_DEPTH = 3;

/**
 * The keys `Object.assign(target, …sources)` sets: each source an object literal with keys written
 * out, a spread of one, or a `const` holding one (`Object.assign(payload, defaults)`). `null` when a
 * key cannot be known.
 */
function assignedKeys(context: Context, sources: readonly TSESTree.CallExpressionArgument[]): string[] | null {
  const keys: string[] = [];
  for (const source of sources) {
    const found = keysOf(context, source, 0);
    if (!found) return null;
    keys.push(...found);
  }
  return keys;
}

function keysOf(context: Context, node: Node, depth: number): string[] | null {
  if (depth > MAX_KEY_DEPTH) return null;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, node);
    if (resolution.type !== 'local') return null;
    const { variable } = resolution;
    const definition = variable.defs[0];
    if (variable.defs.length !== 1 || definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return null;
    return keysOf(context, definition.node.init, depth + 1);
  }
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const keys: string[] = [];
  for (const property of node.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = keysOf(context, property.argument, depth + 1);
      if (!spread) return null;
      keys.push(...spread);
      continue;
    }
    if (property.computed) return null;
    if (property.key.type === AST_NODE_TYPES.Identifier) keys.push(property.key.name);
    else if (property.key.type === AST_NODE_TYPES.Literal) keys.push(String(property.key.value));
    else return null;
  }
  return keys;
}

function isMutatingStatic(context: Context, callee: Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const methods = MUTATING_STATICS.get(callee.object.name);
  const name = propertyName(callee);
  return methods !== undefined && name !== null && methods.has(name) && resolveName(context, callee.object).type === 'global';
}

function isEmptying(context: Context, call: TSESTree.CallExpression, method: string): boolean {
  // `seen.clear()`, and `emulator.reset()`: a value put back to how it started.
  if (method === 'clear' || method === 'reset') return call.arguments.length === 0;
  return method === 'splice' && splicesAll(context, call);
}

/**
 * `items.splice(0)`, `items.splice(0, items.length)`, `items.splice(0, Infinity)`: every element
 * taken out, the array emptied whole.
 */
export function splicesAll(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  // Read for every call of a file: the callee first, and the arguments by index.
  if (callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length > 2 || propertyName(callee) !== 'splice') return false;
  const start = call.arguments[0];
  const count = call.arguments[1];
  if (start?.type !== AST_NODE_TYPES.Literal || start.value !== 0) return false;
  if (!count) return true;
  if (count.type === AST_NODE_TYPES.Identifier) return count.name === 'Infinity' && resolveName(context, count).type === 'global';
  const { sourceCode } = context;
  return count.type === AST_NODE_TYPES.MemberExpression && propertyName(count) === 'length' && sourceCode.getText(count.object) === sourceCode.getText(callee.object);
}
