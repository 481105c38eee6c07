import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../estree/node-types';
import type { FileOutline } from './outline';
import type { PlannedFile } from './split-plan';

type Node = TSESTree.Node;
export type Edit = readonly [start: number, end: number, text: string];

/**
 * The text of one new file: the original with every statement the file does not keep cut out,
 * whole lines at a time with the comments written just above them. Everything kept is the
 * original text, comments and formatting included.
 */
export function emitFile(outline: FileOutline, planned: PlannedFile, replacements: readonly Edit[] = []): string {
  const { text } = outline;
  const edits: Edit[] = [...replacements];
  const walk = (ids: readonly number[]): void => {
    for (const id of ids) {
      const unit = outline.units[id]!;
      const node = outline.nodes.get(id)!;
      if (!planned.units.has(id)) {
        edits.push([...statementRange(outline, node), '']);
        continue;
      }
      if (unit.kind === 'suite' || unit.kind === 'hook') walk(unit.children);
      const dropped = unit.declares.filter((variable) => !planned.variables.has(variable));
      if (dropped.length > 0) edits.push(...dropDeclarations(outline, node, dropped));
    }
  };
  walk(outline.roots);
  return applyEdits(text, normalise(text, edits));
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/** A statement's whole lines, with the comments on the lines just above it and after it on its last line. */
function statementRange(outline: FileOutline, node: Node): [number, number] {
  const { text, comments } = outline;
  let start = node.range[0];
  // Comments above the file's first statement head the whole file, whichever statement goes.
  const firstRoot = outline.roots[0];
  const bodyStart = firstRoot === undefined ? 0 : outline.nodes.get(firstRoot)!.range[0];
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index]!;
    if (comment.range[1] > start) continue;
    if (comment.range[0] < bodyStart) break;
    const between = text.slice(comment.range[1], start);
    const ownLine = text.slice(lineStartOf(text, comment.range[0]), comment.range[0]).trim() === '';
    if (!/^[ \t]*\r?\n?[ \t]*$/.test(between) || !ownLine) break;
    start = comment.range[0];
  }
  let end = node.range[1];
  const trailing = comments.find((comment) => comment.range[0] >= end && text.slice(end, comment.range[0]).trim() === '' && !text.slice(end, comment.range[0]).includes('\n'));
  if (trailing) end = trailing.range[1];
  const lineStart = lineStartOf(text, start);
  const lineEnd = lineEndOf(text, end);
  if (text.slice(lineStart, start).trim() !== '' || text.slice(end, lineEnd).replace(/;/, '').trim() !== '') return [start, end];
  return [lineStart, Math.min(text.length, lineEnd + 1)];
}

/** Merges neighbouring cuts and takes one blank line with them where the cut would leave two in a row. */
function normalise(text: string, edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number, string]> = [];
  for (const edit of sorted) {
    const last = merged[merged.length - 1];
    if (last && last[2] === '' && edit[2] === '' && text.slice(last[1], edit[0]).trim() === '' && edit[0] >= last[1]) {
      last[1] = Math.max(last[1], edit[1]);
    } else if (last && edit[0] < last[1]) {
      continue;
    } else {
      merged.push([edit[0], edit[1], edit[2]]);
    }
  }
  return merged.map(([start, end, replacement]) => {
    if (replacement !== '' || lineStartOf(text, start) !== start) return [start, end, replacement] as const;
    const before = start === 0 ? null : text.slice(lineStartOf(text, start - 1), start - 1);
    const nextEnd = lineEndOf(text, end);
    const after = end >= text.length ? null : text.slice(end, nextEnd);
    const blankBefore = before === null || before.trim() === '' || /[{([]\s*$/.test(before);
    if (after !== null && after.trim() === '' && blankBefore) return [start, Math.min(text.length, nextEnd + 1), ''] as const;
    if (before !== null && before.trim() === '' && (after === null || /^\s*[})\]]/.test(after))) return [lineStartOf(text, start - 1), end, ''] as const;
    return [start, end, replacement] as const;
  });
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const [start, end, replacement] of [...edits].sort((a, b) => b[0] - a[0])) result = result.slice(0, start) + replacement + result.slice(end);
  return result;
}

/** Cuts the declarations of variables no kept statement uses, out of a statement that stays. */
function dropDeclarations(outline: FileOutline, statement: Node, dropped: readonly number[]): Edit[] {
  const nodes = new Set(dropped.map((variable) => outline.declarations.get(variable)));
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
    const kept = statement.specifiers.filter((specifier) => !nodes.has(specifier));
    if (kept.length === statement.specifiers.length) return [];
    const text = (node: Node) => outline.text.slice(node.range[0], node.range[1]);
    const head = kept.filter((specifier) => specifier.type !== AST_NODE_TYPES.ImportSpecifier).map(text);
    const named = kept.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier).map(text);
    const clause = [...head, ...(named.length > 0 ? [`{ ${named.join(', ')} }`] : [])].join(', ');
    const typeOnly = statement.importKind === 'type' ? 'type ' : '';
    return [[statement.range[0], statement.source.range[0], `import ${typeOnly}${clause} from `]];
  }
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    return statement.declarations.flatMap((declarator, index): Edit[] => {
      if (!nodes.has(declarator)) return [];
      const next = statement.declarations[index + 1];
      const previous = statement.declarations[index - 1];
      if (next) return [[declarator.range[0], next.range[0], '']];
      return previous ? [[previous.range[1], declarator.range[1], '']] : [];
    });
  }
  return [];
}
