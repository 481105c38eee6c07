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

/** The range of a statement with its own comments: comments on the lines right above it and a comment after it on its last line. */
function ownRange(sourceCode: SourceCode, statement: Node): [number, number] {
  const before = sourceCode.getCommentsBefore(statement).filter((comment) => isOnOwnLines(sourceCode, comment));
  const leading = trailingRun(before, statement);
  const after = sourceCode.getCommentsAfter(statement).filter((comment) => comment.loc.start.line === statement.loc.end.line);
  return [leading[0]?.range[0] ?? statement.range[0], after[after.length - 1]?.range[1] ?? statement.range[1]];
}

/**
 * {@link ownRange}, running from the start of its first line through the line break after its last one
 * when nothing else shares those lines.
 */
function statementRange(sourceCode: SourceCode, statement: Node): [number, number] {
  const [start, end] = ownRange(sourceCode, statement);
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
 * The range that removes a statement cleanly. With `comments: 'with'` the comments that belong to it
 * go too (those on the lines right above it and one after it on its last line); with `'keep'` every
 * comment stays. When the statement stands alone on its lines, the whole lines go, plus one
 * neighbouring blank line where the removal would leave two in a row or a blank line against a brace;
 * otherwise just the statement and the spaces beside it.
 */
export function removalRange(sourceCode: SourceCode, statement: Node, comments: 'with' | 'keep' = 'with'): [number, number] {
  const [start, end] = comments === 'with' ? ownRange(sourceCode, statement) : statement.range;
  return lineRemoval(sourceCode.text, start, end);
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Widens `[start, end)` to the rule of {@link removalRange}. */
function lineRemoval(text: string, start: number, end: number): [number, number] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  if (!isBlank(text.slice(lineStart, start)) || !isBlank(text.slice(end, lineEnd))) {
    const spacesAfter = /^[ \t]*/.exec(text.slice(end, lineEnd))?.[0].length ?? 0;
    if (end + spacesAfter < lineEnd) return [start, end + spacesAfter];
    const spacesBefore = /[ \t]*$/.exec(text.slice(lineStart, start))?.[0].length ?? 0;
    return [start - spacesBefore, end];
  }
  // The last line of the file: take the line break before it instead of one after it.
  if (newline === -1) return [Math.max(0, lineStart - 1), text.length];
  const previousStart = lineStart === 0 ? -1 : text.lastIndexOf('\n', lineStart - 2) + 1;
  const previous = previousStart === -1 ? null : text.slice(previousStart, lineStart - 1);
  const nextEnd = newline + 1 >= text.length ? -1 : (text.indexOf('\n', newline + 1) + 1 || text.length);
  const next = nextEnd === -1 ? null : text.slice(newline + 1, nextEnd);
  const opensBlock = previous === null || isBlank(previous) || /[{([]\s*$/.test(previous);
  if (next !== null && isBlank(next) && opensBlock) return [lineStart, nextEnd];
  if (previous !== null && isBlank(previous) && (next === null || /^\s*[})\]]/.test(next))) return [previousStart, newline + 1];
  return [lineStart, newline + 1];
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
