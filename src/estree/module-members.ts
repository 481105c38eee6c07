import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { propertyName, unwrap } from './call-chain';
import { moduleOfExpression, resolveName } from './imports';
import { destructuredPropertyOf } from './variables';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Something read off a module: `cp.spawn`, `{ spawn }` from `child_process`, `axios` itself. */
export interface ModuleMember {
  /** The specifier as written, without a `node:` prefix. */
  readonly source: string;
  /**
   * The export and the properties read off it, in order: `['spawn']` for both `cp.spawn` and an
   * imported `spawn`; `[]` for the module value itself (default or namespace import, `require`).
   */
  readonly path: readonly string[];
}

const MAX_DEPTH = 6;

/**
 * The module member an expression names, through imports, `require`, destructuring (also of a
 * module held in a variable) and
 * `util.promisify(…)`. `null` for anything else, including type-only imports.
 */
export function moduleMemberOf(context: Context, node: TSESTree.Node): ModuleMember | null {
  return memberOf(context, node, 0);
}

function withoutNodePrefix(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

function memberOf(context: Context, node: TSESTree.Node, depth: number): ModuleMember | null {
  if (depth > MAX_DEPTH) return null;
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, expression);
    if (resolution.type === 'module') {
      const { source, imported, typeOnly } = resolution.binding;
      if (typeOnly) return null;
      const path = imported === 'default' || imported === '*' ? [] : imported.split('.');
      return { source: withoutNodePrefix(source), path };
    }
    if (resolution.type === 'local') {
      const definition = resolution.variable.defs[0];
      const init = definition?.type === 'Variable' && definition.node.id === definition.name ? definition.node.init : null;
      if (init) return promisified(context, init, depth);
      // `const { spec } = pactum`, where `pactum` is a module.
      const destructured = destructuredPropertyOf(resolution.variable);
      const object = destructured ? memberOf(context, destructured.object, depth + 1) : null;
      return object && destructured ? { source: object.source, path: [...object.path, destructured.key] } : null;
    }
    return null;
  }
  const loaded = moduleOfExpression(expression);
  if (loaded) return { source: withoutNodePrefix(loaded.source), path: loaded.member === null ? [] : [loaded.member] };
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(expression);
    const object = name === null ? null : memberOf(context, expression.object, depth + 1);
    return object && name !== null ? { source: object.source, path: [...object.path, name] } : null;
  }
  return null;
}

/** `const run = promisify(exec)`: `run` stands for `exec`. */
function promisified(context: Context, init: TSESTree.Expression, depth: number): ModuleMember | null {
  const call = unwrap(init);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return null;
  const callee = memberOf(context, call.callee, depth + 1);
  if (callee?.source !== 'util' || callee.path.join('.') !== 'promisify') return null;
  const [wrapped] = call.arguments;
  return wrapped && wrapped.type !== AST_NODE_TYPES.SpreadElement ? memberOf(context, wrapped, depth + 1) : null;
}
