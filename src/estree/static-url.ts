import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { resolveUrl, urlOfText, type KnownUrl, type StaticText } from '../core/urls';
import { propertyName, unwrap } from './call-chain';
import { resolveName } from './imports';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const MAX_DEPTH = 8;
const UNKNOWN: StaticText = { text: '', complete: false };
const cache = new WeakMap<Node, StaticText>();

/**
 * The text of a string expression as far as the file shows it, up to its first unknown part:
 * string and template literals, `+` concatenation, `const` bindings of those, and URL objects
 * (`new URL(path, base)`, `new Request(url)`, `url.href`, `url.toString()`).
 */
export function staticText(context: Context, node: Node): StaticText {
  return read(context, node, 0);
}

/** The absolute HTTP(S) URL an expression holds, when its host is known statically. */
export function staticUrl(context: Context, node: Node): KnownUrl | null {
  return urlOfText(staticText(context, node));
}

function read(context: Context, node: Node, depth: number): StaticText {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const cached = cache.get(node);
  if (cached) return cached;
  const answer = compute(context, unwrap(node), depth);
  cache.set(node, answer);
  return answer;
}

function compute(context: Context, node: Node, depth: number): StaticText {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string' ? { text: node.value, complete: true } : UNKNOWN;
    case AST_NODE_TYPES.TemplateLiteral: {
      let text = '';
      for (const [index, quasi] of node.quasis.entries()) {
        if (quasi.value.cooked === null) return { text, complete: false };
        text += quasi.value.cooked;
        const expression = node.expressions[index];
        if (!expression) break;
        const part = read(context, expression, depth + 1);
        text += part.text;
        if (!part.complete) return { text, complete: false };
      }
      return { text, complete: true };
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return UNKNOWN;
      const left = read(context, node.left, depth + 1);
      if (!left.complete) return left;
      const right = read(context, node.right, depth + 1);
      return { text: left.text + right.text, complete: right.complete };
    }
    case AST_NODE_TYPES.Identifier:
      return readConstant(context, node, depth);
    case AST_NODE_TYPES.NewExpression:
      return readUrlObject(context, node, depth);
    case AST_NODE_TYPES.MemberExpression:
      // `url.href` of a URL object.
      return propertyName(node) === 'href' && isUrlObject(context, node.object, depth) ? read(context, node.object, depth + 1) : UNKNOWN;
    case AST_NODE_TYPES.CallExpression: {
      // `url.toString()` of a URL object.
      const callee = unwrap(node.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression &&
        propertyName(callee) === 'toString' &&
        node.arguments.length === 0 &&
        isUrlObject(context, callee.object, depth)
        ? read(context, callee.object, depth + 1)
        : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/** The initial value of a `const` declared once with a plain name; imports and `let` are unknown. */
function constantInitializer(context: Context, identifier: TSESTree.Identifier): Node | null {
  const resolution = resolveName(context, identifier);
  if (resolution.type !== 'local' || resolution.variable.defs.length !== 1) return null;
  const definition = resolution.variable.defs[0];
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const') return null;
  const declarator = definition.node;
  return declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init ? declarator.init : null;
}

function readConstant(context: Context, identifier: TSESTree.Identifier, depth: number): StaticText {
  const initializer = constantInitializer(context, identifier);
  return initializer ? read(context, initializer, depth + 1) : UNKNOWN;
}

/** `new URL(…)` or `new Request(…)` of the globals, directly or through a `const`. */
function isUrlObject(context: Context, node: Node, depth: number): boolean {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier && depth <= MAX_DEPTH) {
    const initializer = constantInitializer(context, expression);
    return initializer !== null && isUrlObject(context, initializer, depth + 1);
  }
  return expression.type === AST_NODE_TYPES.NewExpression && urlConstructorOf(context, expression) !== null;
}

function urlConstructorOf(context: Context, node: TSESTree.NewExpression): 'URL' | 'Request' | null {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || (callee.name !== 'URL' && callee.name !== 'Request')) return null;
  return resolveName(context, callee).type === 'global' ? callee.name : null;
}

function readUrlObject(context: Context, node: TSESTree.NewExpression, depth: number): StaticText {
  const constructor = urlConstructorOf(context, node);
  const [input, base] = node.arguments;
  if (!constructor || !input || input.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
  const reference = read(context, input, depth + 1);
  if (constructor === 'Request' || !base || base.type === AST_NODE_TYPES.SpreadElement) return reference;
  // `new URL(path, base)`: the host comes from whichever part decides it.
  const baseText = read(context, base, depth + 1);
  const resolved = resolveUrl(reference, baseText);
  if (!resolved) return UNKNOWN;
  if (reference.complete && baseText.complete) {
    try {
      return { text: new URL(reference.text, baseText.text).href, complete: true };
    } catch {
      return UNKNOWN;
    }
  }
  return { text: `${resolved.origin}/`, complete: false };
}
