/**
 * Cheap tests on a file's source text, for rules that can skip their per-node work on files that
 * cannot contain what they report. A gate answers "may the file hold this?": `false` only when it
 * certainly does not, so a rule that trusts it never drops a finding.
 *
 * A module specifier the recognisers read is always a string literal or a template literal without
 * expressions (`staticString`), and a name they match is an identifier or such a string (a computed
 * `x['fetch']`). Both are in the text as written, unless an escape spells them differently
 * (`'\x61xios'`, `\u0066etch`, `'ax\ios'`, a line continuation): a file with an escape other than
 * the control and quote escapes (`\n`, `\t`, `\'`, …) always passes.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { fileCache } from './file-cache';

/** What a recogniser needs in a file's text before it can answer anything but `null`. */
export interface TextNeeds {
  /**
   * Modules one of which the file must load: a quoted specifier, with or without `node:`, alone or
   * with a subpath (for `axios`: `'axios'`, `"node:axios"`, `` `axios/lib/x` ``, not `'http://…'`
   * for `http`).
   */
  readonly modules?: readonly string[];
  /** Names one of which the file must use, as whole words (`fetch`, not `fetchUser`); each starts and ends with a word character. */
  readonly names?: readonly string[];
}

/** An escape that may stand for a character of a name or specifier. */
const SPELLING_ESCAPE = /\\[^nrtbfv'"`\\]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A pattern source that matches any of `words` as written. */
export function alternatives(words: readonly string[]): string {
  return [...new Set(words)].map(escapeRegExp).join('|');
}

/**
 * A test on a file's text that passes when it may hold what any of the given needs asks for. One
 * pattern for all of them, so a file is read once; the last answer is kept, since every rule
 * linting a file asks about the same text.
 */
export function textGate(...needs: readonly TextNeeds[]): (text: string) => boolean {
  const modules = needs.flatMap((need) => need.modules ?? []);
  const names = needs.flatMap((need) => need.names ?? []);
  const branches = [
    ...(modules.length > 0 ? [`['"\`](?:node:)?(?:${alternatives(modules)})['"\`/]`] : []),
    ...(names.length > 0 ? [`\\b(?:${alternatives(names)})\\b`] : []),
  ];
  const pattern = branches.length > 0 ? new RegExp(branches.join('|')) : null;
  // Every match holds one of these as written; looking for them first is much faster than running
  // the pattern over a text that holds none of them, as most texts do for most gates. One search for
  // any of them reads the text once, where looking for each in turn reads it once per word.
  const words = [...new Set([...modules, ...names])];
  const anyWord = words.length > 0 ? new RegExp(alternatives(words)) : null;
  let lastText: string | null = null;
  let lastAnswer = false;
  return (text) => {
    if (text !== lastText) {
      lastText = text;
      const mayMatch = pattern !== null && anyWord !== null && anyWord.test(text);
      lastAnswer = (mayMatch && pattern.test(text)) || SPELLING_ESCAPE.test(text);
    }
    return lastAnswer;
  };
}

const escapeCache = fileCache<object, boolean>();

/**
 * A gate for one file by a pattern of words at least one of which such code always spells out:
 * `false` only when the text has none of them and no escape that could spell one. Answered from
 * the `SourceCode`, so the escape test runs once per file whatever asks.
 */
export function mayContain(sourceCode: Readonly<TSESLint.SourceCode>, pattern: RegExp): boolean {
  if (pattern.test(sourceCode.text)) return true;
  let escaped = escapeCache.get(sourceCode);
  if (escaped === undefined) {
    escaped = SPELLING_ESCAPE.test(sourceCode.text);
    escapeCache.set(sourceCode, escaped);
  }
  return escaped;
}
