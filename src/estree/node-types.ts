// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the one place that reads the enum from the package
import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/types';

/**
 * The ESTree node types, held in a binding of this module. Imported straight from
 * `@typescript-eslint/types`, every `AST_NODE_TYPES.X` in the built code reads the enum through that
 * package's re-export getter, and the recognisers compare node types on every node of every file.
 */
export const AST_NODE_TYPES = NODE_TYPES;
