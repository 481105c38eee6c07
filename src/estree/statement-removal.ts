import { AST_NODE_TYPES } from './node-types';
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

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** The text of the line that ends just before `offset` (which starts a line), or `null` at the top. */
function lineBefore(text: string, offset: number): { start: number; text: string } | null {
  if (offset === 0) return null;
  const start = text.lastIndexOf('\n', offset - 2) + 1;
  return { start, text: text.slice(start, offset - 1) };
}

/** The line that starts at `offset`, with the offset just past its newline, or `null` at the end. */
function lineAt(text: string, offset: number): { end: number; text: string } | null {
  if (offset >= text.length) return null;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? { end: text.length, text: text.slice(offset) } : { end: newline + 1, text: text.slice(offset, newline) };
}

/**
 * The range that removes a statement cleanly: its whole line when it stands alone (plus one
 * neighbouring blank line when the removal would leave two in a row or a blank line against a
 * brace), otherwise just the statement and the spaces beside it. Comments around it stay.
 */
function removalRange(text: string, statement: TSESTree.Node): [number, number] {
  const [start, end] = statement.range;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  const alone = isBlank(text.slice(lineStart, start)) && isBlank(text.slice(end, lineEnd));
  if (!alone) {
    const spacesAfter = /^[ \t]*/.exec(text.slice(end, lineEnd))?.[0].length ?? 0;
    if (end + spacesAfter < lineEnd) return [start, end + spacesAfter];
    const spacesBefore = /[ \t]*$/.exec(text.slice(lineStart, start))?.[0].length ?? 0;
    return [start - spacesBefore, end];
  }
  if (newline === -1) {
    // The last line of the file: take the newline before it instead of one after it.
    return [Math.max(0, lineStart - 1), text.length];
  }
  let from = lineStart;
  let to = newline + 1;
  const previous = lineBefore(text, from);
  const next = lineAt(text, to);
  const opensBlock = previous === null || isBlank(previous.text) || /[{([]\s*$/.test(previous.text);
  if (next && isBlank(next.text) && opensBlock) {
    to = next.end;
  } else if (previous && isBlank(previous.text) && (next === null || /^\s*[})\]]/.test(next.text))) {
    from = previous.start;
  }
  return [from, to];
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
  return removalRange(sourceCode.text, statement);
}
