import { AST_NODE_TYPES } from './node-types';
import type { TSESTree } from '@typescript-eslint/utils';

/** Where a value handed to a client stands: its first argument, or the value of its `store` option. */
export type StorePlace = 'argument' | 'store';

/**
 * Whether a client the catalog says keeps its data in the process unless it is given a store (Keyv,
 * with the option keys that give it one) is made without one: with no argument, with a store
 * `inProcess` says lives in the process, or with options that name no store key. A string (an
 * address), a second argument, or options that cannot be read may give it a store. Shared by the
 * test-file recognisers and the project-module summaries, so that a client made in a test file and
 * one a helper module exports are judged alike.
 */
export function madeWithoutStore(
  args: readonly TSESTree.CallExpressionArgument[],
  storeKeys: readonly string[],
  inProcess: (node: TSESTree.Node, place: StorePlace) => boolean,
): boolean {
  const [first, ...rest] = args;
  if (!first) return true;
  if (rest.length > 0) return false;
  if (inProcess(first, 'argument')) return true;
  if (first.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return first.properties.every((property) => {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
    if (key === null) return false;
    return !storeKeys.includes(key) || (key === 'store' && inProcess(property.value, 'store'));
  });
}
