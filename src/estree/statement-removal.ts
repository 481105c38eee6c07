import { AST_NODE_TYPES } from './node-types';
import { removalRange } from './text-edits';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Lists of statements, where one can go without breaking the syntax around it. */
const STATEMENT_LISTS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
]);

/** First characters of a token that would continue the previous statement if no `;` ended it. */
const CONTINUING_START = /^[([`+\-*/%,.<>=&|?^]/;

/**
 * The statement that consists only of `node` and the calls chained onto it (`jest.spyOn(a, 'b')
 * .mockResolvedValue(x);`, `await mock.module('pg');`), or `null` when `node` is part of more.
 */
export function statementOfExpression(node: TSESTree.Node): TSESTree.ExpressionStatement | null {
  let current: TSESTree.Node = node;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return null;
    if (parent.type === AST_NODE_TYPES.ExpressionStatement) return parent;
    if (
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent)
    ) {
      current = parent.type === AST_NODE_TYPES.MemberExpression ? (parent.parent as TSESTree.CallExpression) : parent;
      continue;
    }
    return null;
  }
}

/**
 * A fix that deletes a statement, or `null` when that cannot be done safely: the statement is the
 * body of an `if` or loop, holds a comment, or its neighbours would run together without it.
 */
export function removeStatement(sourceCode: SourceCode, statement: TSESTree.Statement): TSESLint.ReportFixFunction | null {
  const range = statementRemovalRange(sourceCode, statement);
  return range ? (fixer) => fixer.removeRange(range) : null;
}

/** The range {@link removeStatement} deletes, or `null` when the statement cannot go safely. */
export function statementRemovalRange(sourceCode: SourceCode, statement: TSESTree.Statement): [number, number] | null {
  if (!statement.parent || !STATEMENT_LISTS.has(statement.parent.type)) return null;
  if (sourceCode.getCommentsInside(statement).length > 0) return null;
  const next = sourceCode.getTokenAfter(statement);
  if (next && CONTINUING_START.test(next.value)) {
    const previous = sourceCode.getTokenBefore(statement);
    if (previous && ![';', '{', ':'].includes(previous.value)) return null;
  }
  return removalRange(sourceCode, statement, 'keep');
}
