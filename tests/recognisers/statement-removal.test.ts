import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { removeStatement, statementOfExpression } from '../../src/estree/statement-removal';
import { removalRange } from '../../src/estree/text-edits';
import { probe } from '../helpers/probe';

/** The code after removing the statement made of the `drop(…)` call, or `null` when there is no safe removal. */
function withoutDrop(code: string): string | null {
  const [found] = probe(code, 'CallExpression', (context, node) => {
    const call = node as TSESTree.CallExpression;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'drop') return null;
    const statement = statementOfExpression(call);
    const fix = statement ? removeStatement(context.sourceCode, statement) : null;
    if (!fix) return { output: null };
    const fixer = { removeRange: (range: readonly [number, number]) => ({ range, text: '' }) } as unknown as TSESLint.RuleFixer;
    const { range } = fix(fixer) as TSESLint.RuleFix;
    return { output: code.slice(0, range[0]) + code.slice(range[1]) };
  });
  if (!found) throw new Error('no drop() call in the code');
  return found.result.output;
}

describe('removeStatement', () => {
  it.each([
    ['a line of its own', 'a();\ndrop();\nb();\n', 'a();\nb();\n'],
    ['between blank lines: one blank line stays', 'a();\n\ndrop();\n\nb();\n', 'a();\n\nb();\n'],
    ['first in a block, before a blank line', 'function f() {\n  drop();\n\n  b();\n}\n', 'function f() {\n  b();\n}\n'],
    ['last in a block, after a blank line', 'function f() {\n  a();\n\n  drop();\n}\n', 'function f() {\n  a();\n}\n'],
    ['at the top of the file, before a blank line', 'drop();\n\nb();\n', 'b();\n'],
    ['the last line, without a newline', 'a();\ndrop();', 'a();'],
    ['with CRLF line ends', 'a();\r\ndrop();\r\nb();\r\n', 'a();\r\nb();\r\n'],
    ['sharing a line, followed by code', 'a(); drop(); b();\n', 'a(); b();\n'],
    ['sharing a line, last on it', 'a(); drop();\n', 'a();\n'],
    ['with a comment after it on the line', 'drop(); // why\nb();\n', '// why\nb();\n'],
    ['with comments on the lines around it', '// before\ndrop();\n// after\n', '// before\n// after\n'],
    ['with a chain and await', 'async function f() {\n  await drop().then(g);\n}\n', 'async function f() {\n}\n'],
    ['when the next statement starts with a bracket after a semicolon', 'a();\ndrop();\n[1].forEach(g);\n', 'a();\n[1].forEach(g);\n'],
    ['in a switch case', 'switch (x) {\n  case 1:\n    drop();\n    break;\n}\n', 'switch (x) {\n  case 1:\n    break;\n}\n'],
  ])('removes a statement %s', (_label, code, expected) => {
    expect(withoutDrop(code)).toBe(expected);
  });

  it.each([
    ['the body of an if', 'if (x) drop();\n'],
    ['the body of a loop', 'for (const x of xs) drop(x);\n'],
    ['a statement holding a comment', 'drop(/* keep this */);\n'],
    ['a statement whose neighbours would run together', 'a()\ndrop();\n[1].forEach(g)\n'],
    ['part of a declaration', 'const x = drop();\n'],
    ['an argument', 'g(drop());\n'],
  ])('gives no removal for %s', (_label, code) => {
    expect(withoutDrop(code)).toBeNull();
  });
});

/** The code after removing the statement made of the `drop(…)` call together with the comments that belong to it. */
function withoutDropAndItsComments(code: string): string {
  const [found] = probe(code, 'CallExpression', (context, node) => {
    const call = node as TSESTree.CallExpression;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'drop') return null;
    const statement = statementOfExpression(call);
    if (!statement) return null;
    const [start, end] = removalRange(context.sourceCode, statement, 'with');
    return code.slice(0, start) + code.slice(end);
  });
  if (!found) throw new Error('no drop() call in the code');
  return found.result as string;
}

describe("removalRange with the statement's own comments", () => {
  it.each([
    ['the comment right above it goes with it', 'a();\n// seeds the rows\ndrop();\nb();\n', 'a();\nb();\n'],
    ['a comment after a blank line stays', '// about the block\n\ndrop();\nb();\n', '// about the block\n\nb();\n'],
    ['a comment after it on its line goes with it', 'a();\ndrop(); // why\nb();\n', 'a();\nb();\n'],
    ['last in a block after a blank line: no blank line is left against the brace', 'function f() {\n  a();\n\n  // note\n  drop();\n}\n', 'function f() {\n  a();\n}\n'],
    ['first in a block before a blank line', 'function f() {\n  // note\n  drop();\n\n  b();\n}\n', 'function f() {\n  b();\n}\n'],
    ['sharing a line with code before it', 'a(); drop();\n', 'a();\n'],
  ])('%s', (_label, code, expected) => {
    expect(withoutDropAndItsComments(code)).toBe(expected);
  });
});
