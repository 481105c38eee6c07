import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { PartialText } from '../core/partial-text';
import { parseUrl, resolveUrl, type UrlTarget } from '../core/endpoint-urls';
import { unwrap } from './call-chain';
import { resolveName } from './imports';
import { partialTextOf } from './static-text';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Where a URL expression points: a literal, a template literal, a constant built from
 * `localhost`, `new URL('/x', base)`, a `Request`, the address of a server the file starts, and
 * so on (see {@link partialTextOf}). `base` is a base URL the client applies to relative
 * references (axios `baseURL`, got/ky `prefixUrl`). `null` when the host cannot be read.
 */
export function urlOf(context: Context, node: TSESTree.Node, base: PartialText | null = null): UrlTarget | null {
  return parseUrl(resolveUrl(partialTextOf(context, requestTarget(context, node)), base));
}

/** `new Request(url, init)` stands for its URL. */
function requestTarget(context: Context, node: TSESTree.Node): TSESTree.Node {
  const expression = unwrap(node);
  if (expression.type !== AST_NODE_TYPES.NewExpression) return node;
  const callee = unwrap(expression.callee);
  const [url] = expression.arguments;
  const isRequest = callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Request' && resolveName(context, callee).type === 'global';
  return isRequest && url ? url : node;
}
