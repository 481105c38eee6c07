import { AST_NODE_TYPES } from './node-types';
import type { TSESTree } from '@typescript-eslint/utils';
import { classifyCall, runsSql, type CallFacts, type CallRole } from '../core/vocabulary';
import { fileCache } from './file-cache';

type Node = TSESTree.Node;

/** Removes the wrappers that do not change which value an expression is (`x!`, `x as T`, `(x)`). */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        current = current.argument;
        break;
      default:
        return current;
    }
  }
}

/** The name a member chain, or a call on one, starts from: `graphql` in `graphql.defaults.lru()`. */
export function chainRootOf(node: Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.MemberExpression) {
    current = unwrap(current.type === AST_NODE_TYPES.CallExpression ? current.callee : current.object);
  }
  return current.type === AST_NODE_TYPES.Identifier ? current : null;
}

/** `undefined`, `void 0` or `null`, written out: a value nothing has been put in yet. */
export function isUnset(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return value.value === null && !('regex' in value);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void' && value.argument.type === AST_NODE_TYPES.Literal;
}

/** An arrow or function expression: a function written in place. */
export function isInlineFunction(node: Node): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}

/** Whether `node` lies within `container` (or is it), by source offsets; `false` for no node. */
export function isWithin(node: Node | null | undefined, container: Node): boolean {
  return node != null && node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** The name of a member access's property when it is static: `a.b` and `a['b']` give `b`. */
export function propertyName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier || node.property.type === AST_NODE_TYPES.PrivateIdentifier
      ? node.property.name
      : null;
  }
  return staticString(node.property);
}

/** The value of a string literal or a template literal without expressions. */
export function staticString(node: Node | undefined | null): string | null {
  if (!node) return null;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** The name a property key spells without computing anything: `name` and `'name'`. */
export function propertyKeyName(key: Node): string | null {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : null;
}

/** The leading text of a string, template literal or tagged template (`sql\`TRUNCATE …\``). */
export function leadingText(node: Node | undefined | null): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis[0]?.value.cooked ?? undefined;
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return node.quasi.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The statement handed to a SQL runner in an options object, as drivers take it besides a plain
 * string: `pool.query({ text, values })`, `connection.query({ sql })`, `client.command({ query })`.
 */
function statementOption(node: Node | undefined): string | undefined {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    if (STATEMENT_OPTIONS.has(property.key.name)) return leadingText(property.value);
  }
  return undefined;
}

const STATEMENT_OPTIONS: ReadonlySet<string> = new Set(['text', 'sql', 'query']);

/** A callee chain taken apart: its root expression and the names along it. */
export interface CallChain {
  /** The expression the chain starts from (an identifier, `this`, a literal, …). */
  readonly root: Node;
  readonly segments: readonly string[];
  readonly constructed: ReadonlySet<number>;
  /** Which segments are called (`a.b(c).d()` → `b` and `d`), for labels that read like the code. */
  readonly called: ReadonlySet<number>;
}

const chainCache = fileCache<Node, CallChain | null>();

/**
 * Takes apart `a.b(c).d.e()` into root `a` and segments `[a, b, d, e]`. Calls in the middle keep
 * the chain going; a computed property that is not a literal ends it (`null`).
 */
export function callChain(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression): CallChain | null {
  const cached = chainCache.get(node);
  if (cached !== undefined) return cached;
  const segments: string[] = [];
  const constructedFromEnd: number[] = [];
  const calledFromEnd: number[] = [];
  let current: Node = node;
  let root: Node | null = null;
  for (;;) {
    current = unwrap(current);
    if (current.type === AST_NODE_TYPES.CallExpression) {
      calledFromEnd.push(segments.length);
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.TaggedTemplateExpression) {
      calledFromEnd.push(segments.length);
      current = current.tag;
    } else if (current.type === AST_NODE_TYPES.NewExpression) {
      constructedFromEnd.push(segments.length);
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(current);
      if (name === null) break;
      segments.push(name);
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.Identifier) {
      segments.push(current.name);
      root = current;
      break;
    } else {
      root = current;
      break;
    }
  }
  const result: CallChain | null = root
    ? {
        root,
        segments: segments.reverse(),
        constructed: indexSet(constructedFromEnd, segments.length),
        called: indexSet(calledFromEnd, segments.length),
      }
    : null;
  chainCache.set(node, result);
  return result;
}

type CallLike = TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression;

const factsCache = fileCache<CallLike, CallFacts | null>();
const roleCache = fileCache<CallLike, CallRole | null>();

const NO_INDEXES: ReadonlySet<number> = new Set();
/** `{0}`, `{1}`, …: most chains call or construct one segment, and these sets are only ever read. */
const SINGLE_INDEXES: ReadonlyArray<ReadonlySet<number>> = Array.from({ length: 16 }, (_, index) => new Set([index]));

/** Segment indexes, counted from the end of a chain of `length` segments, as a set counted from its start. */
function indexSet(fromEnd: readonly number[], length: number): ReadonlySet<number> {
  if (fromEnd.length === 0) return NO_INDEXES;
  if (fromEnd.length === 1) {
    const index = length - 1 - (fromEnd[0] as number);
    const single = SINGLE_INDEXES[index];
    if (single) return single;
  }
  const indexes = new Set<number>();
  for (const index of fromEnd) indexes.add(length - 1 - index);
  return indexes;
}

/** The facts the shared vocabulary needs about a call. Cached per node: several rules ask for every call. */
export function callFacts(node: CallLike): CallFacts | null {
  let facts = factsCache.get(node);
  if (facts === undefined) {
    facts = computeCallFacts(node);
    factsCache.set(node, facts);
  }
  return facts;
}

/** What a call does by its names ({@link classifyCall} of its {@link callFacts}), once per node. */
export function callRoleOf(node: CallLike): CallRole | null {
  let role = roleCache.get(node);
  if (role === undefined) {
    const facts = callFacts(node);
    role = facts ? classifyCall(facts) : null;
    roleCache.set(node, role);
  }
  return role;
}

function computeCallFacts(node: CallLike): CallFacts | null {
  const chain = callChain(node);
  if (!chain) return null;
  const firstArgument = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node : node.arguments[0];
  const options = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? undefined : optionKeys(node.arguments);
  const text = leadingText(firstArgument) ?? (runsSql(chain.segments[chain.segments.length - 1] ?? '') ? statementOption(firstArgument) : undefined);
  const facts: CallFacts = options
    ? { segments: chain.segments, constructed: chain.constructed, called: chain.called, text, options }
    : { segments: chain.segments, constructed: chain.constructed, called: chain.called, text };
  return firstArgument?.type === AST_NODE_TYPES.Literal && firstArgument.value === true ? { ...facts, firstArgumentTrue: true } : facts;
}

/**
 * Facts for a method call whose receiver cannot be named, such as `collections[key].deleteMany({})`:
 * the method name on an anonymous receiver (an empty root name), so the vocabulary still sees the verb.
 * `null` when the callee is not a member access with a static name.
 */
export function methodCallFacts(node: TSESTree.CallExpression): CallFacts | null {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = propertyName(callee);
  if (name === null) return null;
  const options = optionKeys(node.arguments);
  return { segments: ['', name], called: new Set([1]), text: leadingText(node.arguments[0]), ...(options ? { options } : {}) };
}

/** Keys of object-literal arguments whose value is not literally `false`: `{ force: true }` gives `force`. */
function optionKeys(args: readonly TSESTree.CallExpressionArgument[]): ReadonlySet<string> | undefined {
  let keys: Set<string> | undefined;
  for (const argument of args) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of argument.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      if (property.value.type === AST_NODE_TYPES.Literal && property.value.value === false) continue;
      const key = property.computed ? staticString(property.key) : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : staticString(property.key);
      if (key !== null) (keys ??= new Set()).add(key);
    }
  }
  return keys;
}

/**
 * Whether a call is the last link of its chain: `db.insertInto('t').values(v).execute()` is
 * one write, and only its outermost call should be judged.
 */
export function isOutermostCall(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  let child: Node = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.AwaitExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return true;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
    const grand = parent.parent;
    // `x.then(…)` and `x.catch(…)` consume a promise rather than continue the chain.
    const name = propertyName(parent);
    if (name === 'then' || name === 'catch' || name === 'finally') return true;
    return !(grand && (grand.type === AST_NODE_TYPES.CallExpression || grand.type === AST_NODE_TYPES.MemberExpression));
  }
  return true;
}
