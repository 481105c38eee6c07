import type { TSESLint } from '@typescript-eslint/utils';
import { fileCache } from './file-cache';

/**
 * Escapes that spell a character without writing it: `\u006d` (in a name, a string or a template),
 * `\x6d` and legacy octal `\155` in a string, and a backslash before a line break, which spells
 * nothing inside a string (`'mo\⏎ck'` reads `'mock'`).
 */
const HIDDEN_SPELLING = /\\[ux0-7\r\n\u2028\u2029]/;

const hiddenCache = fileCache<object, boolean>();

/** Whether the file writes some name or string with an escape, so its text may not show it. */
function spellsWithEscapes(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let answer = hiddenCache.get(sourceCode);
  if (answer === undefined) {
    answer = HIDDEN_SPELLING.test(sourceCode.text);
    hiddenCache.set(sourceCode, answer);
  }
  return answer;
}

/**
 * A cheap test that a file may hold something a recogniser looks for, given words (`pattern`) at
 * least one of which such code always spells out. It is a necessary condition, never a finding:
 * a file whose text has none of the words, and no escape that could spell one, has nothing to look
 * at, and the rules skip their per-node work on it.
 */
export function mayContain(sourceCode: Readonly<TSESLint.SourceCode>, pattern: RegExp): boolean {
  return pattern.test(sourceCode.text) || spellsWithEscapes(sourceCode);
}
