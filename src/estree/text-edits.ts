import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { TestCall } from './test-calls';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** The whitespace at the start of the line a node starts on. */
export function lineIndent(sourceCode: SourceCode, node: Node | TSESTree.Token | TSESTree.Comment): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** The indentation step a file uses, read off its first test or hook with a block body; two spaces otherwise. */
export function indentUnitOf(sourceCode: SourceCode, calls: readonly TestCall[]): string {
  for (const call of calls) {
    const body = call.callback?.body;
    const first = body?.type === AST_NODE_TYPES.BlockStatement ? body.body[0] : undefined;
    if (!first || first.loc.start.line === call.node.loc.start.line) continue;
    const outer = lineIndent(sourceCode, call.node);
    const inner = lineIndent(sourceCode, first);
    if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
  }
  return '  ';
}

/**
 * The range a statement occupies with its own comments: comments on the lines right above it and a
 * comment after it on its last line. When nothing else shares those lines, the range runs from the start
 * of the first line through the line break after the last one, so removing it leaves no blank line.
 */
function statementRange(sourceCode: SourceCode, statement: Node): [number, number] {
  const before = sourceCode.getCommentsBefore(statement).filter((comment) => isOnOwnLines(sourceCode, comment));
  const leading = trailingRun(before, statement);
  const after = sourceCode.getCommentsAfter(statement).filter((comment) => comment.loc.start.line === statement.loc.end.line);
  const start = leading[0]?.range[0] ?? statement.range[0];
  const end = after[after.length - 1]?.range[1] ?? statement.range[1];
  const text = sourceCode.text;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndMatch = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(end));
  const aloneBefore = /^[ \t]*$/.test(text.slice(lineStart, start));
  if (aloneBefore && lineEndMatch) return [lineStart, end + lineEndMatch[0].length];
  return [start, end];
}

/**
 * The text {@link statementRange} covers, ready to be placed elsewhere at indentation `to`: its first line
 * starts at `to`, and later lines keep their depth relative to it. `rewrites` (absolute ranges inside
 * the statement) are applied first, such as `const pool = ` becoming `pool = `.
 */
export function movedText(sourceCode: SourceCode, statement: Node, to: string, rewrites: readonly TextEdit[] = []): string {
  const [start, end] = statementRange(sourceCode, statement);
  const lineStart = sourceCode.text.lastIndexOf('\n', start - 1) + 1;
  const from = /^[ \t]*/.exec(sourceCode.text.slice(lineStart))?.[0] ?? '';
  let text = '';
  let position = start;
  for (const rewrite of [...rewrites].sort((a, b) => a.range[0] - b.range[0])) {
    text += sourceCode.text.slice(position, rewrite.range[0]) + rewrite.text;
    position = rewrite.range[1];
  }
  text += sourceCode.text.slice(position, end);
  return text
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((line, index) => {
      if (index === 0) return to + line.trimStart();
      if (line.trim() === '') return '';
      return line.startsWith(from) ? to + line.slice(from.length) : line;
    })
    .join('\n');
}

/** Comments that sit on lines of their own, so they belong to the statement below. */
function isOnOwnLines(sourceCode: SourceCode, comment: TSESTree.Comment): boolean {
  const previous = sourceCode.getTokenBefore(comment, { includeComments: true });
  return !previous || previous.loc.end.line < comment.loc.start.line;
}

/** The comments directly above a node with no blank line between them and it. */
function trailingRun(comments: readonly TSESTree.Comment[], node: Node): TSESTree.Comment[] {
  const run: TSESTree.Comment[] = [];
  let nextLine = node.loc.start.line;
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index] as TSESTree.Comment;
    if (comment.loc.end.line !== nextLine - 1) break;
    run.unshift(comment);
    nextLine = comment.loc.start.line;
  }
  return run;
}

/** A replacement of a range of the file's text (an insertion when the range is empty). */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/**
 * The range that removes a statement together with the comments that move with it (see
 * {@link statementRange}), plus one blank line it would otherwise leave doubled or dangling at the top
 * of its block.
 */
export function removalRange(sourceCode: SourceCode, statement: Node): [number, number] {
  return withoutDoubledBlankLine(sourceCode, statementRange(sourceCode, statement));
}

/**
 * The whole lines a statement stands on, for removing or replacing it, leaving the comments above it
 * where they are; `null` when it shares a line with other code or a comment.
 */
export function lineSpan(sourceCode: SourceCode, node: Node): [number, number] | null {
  const start = lineStartOf(sourceCode, node);
  const after = /^[ \t]*(?:\r?\n|$)/.exec(sourceCode.text.slice(node.range[1]));
  return start === null || !after ? null : [start, node.range[1] + after[0].length];
}

/** Extends a removal of whole lines by one blank line it would otherwise leave doubled, or at the top of a block. */
export function withoutDoubledBlankLine(sourceCode: SourceCode, [start, end]: [number, number]): [number, number] {
  const text = sourceCode.text;
  if (start > 0 && text[start - 1] !== '\n') return [start, end];
  const previousLineStart = text.lastIndexOf('\n', start - 2) + 1;
  const previousLine = start > 0 ? text.slice(previousLineStart, start - 1) : '{';
  const nextBlank = /^[ \t]*\r?\n/.exec(text.slice(end));
  if (start > 0 && /^[ \t]*\r?$/.test(previousLine) && nextBlank) return [previousLineStart, end];
  if (/\{[ \t]*\r?$/.test(previousLine) && nextBlank) return [start, end + nextBlank[0].length];
  return [start, end];
}

/** Whether a function's block body holds nothing but `removed` statements and the comments that go with them. */
export function isEmptiedBy(sourceCode: SourceCode, fn: TSESTree.FunctionLike, removed: ReadonlySet<Node>): boolean {
  const body = fn.body;
  if (!body) return false;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return removed.has(body);
  if (!body.body.every((statement) => removed.has(statement))) return false;
  const ranges = body.body.map((statement) => statementRange(sourceCode, statement));
  return sourceCode
    .getCommentsInside(body)
    .every((comment) => ranges.some(([start, end]) => comment.range[0] >= start && comment.range[1] <= end));
}

/** An edit that adds lines at the end of a function's block body, after its last statement or comment. */
export function appendToBody(sourceCode: SourceCode, body: TSESTree.BlockStatement, lines: string, closingIndent: string): TextEdit {
  const closing = sourceCode.getLastToken(body) as TSESTree.Token;
  const last = sourceCode.getTokenBefore(closing, { includeComments: true }) as TSESTree.Token;
  if (last.range[1] <= body.range[0] + 1) return { range: [last.range[1], last.range[1]], text: `\n${lines}\n${closingIndent}` };
  return { range: [last.range[1], last.range[1]], text: `\n${lines}` };
}

/** An edit that adds lines at the start of a function's block body. */
export function prependToBody(body: TSESTree.BlockStatement, lines: string, closingIndent: string): TextEdit {
  const open = body.range[0] + 1;
  return { range: [open, open], text: body.body.length === 0 ? `\n${lines}\n${closingIndent}` : `\n${lines}` };
}

/** The start of the line a node is on, when nothing but indentation comes before it there; else `null`. */
export function lineStartOf(sourceCode: SourceCode, node: Node): number | null {
  const start = node.range[0];
  const lineStart = sourceCode.text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*$/.test(sourceCode.text.slice(lineStart, start)) ? lineStart : null;
}

/**
 * One replacement that applies all edits and covers at least `lock`, or `null` when two edits overlap.
 * Covering a whole suite keeps two fixes for the same suite out of one `--fix` pass, where each would
 * be right alone but both together could declare the same name twice.
 */
export function combineEdits(sourceCode: SourceCode, edits: readonly TextEdit[], lock: readonly [number, number]): TextEdit | null {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const start = Math.min(lock[0], ...sorted.map((edit) => edit.range[0]));
  const end = Math.max(lock[1], ...sorted.map((edit) => edit.range[1]));
  let text = '';
  let position = start;
  for (const edit of sorted) {
    if (edit.range[0] < position) return null;
    text += sourceCode.text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  text += sourceCode.text.slice(position, end);
  return { range: [start, end], text };
}
