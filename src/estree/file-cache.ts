/**
 * Caches for answers about one file's nodes and scope variables, shared by every rule linting that
 * file and emptied when the next file starts.
 *
 * They are plain maps rather than weak maps on purpose: a weak map keyed by AST nodes holds hundreds
 * of thousands of entries on a large file, and the garbage collector pays for each of them on every
 * collection while the file is linted. The benchmark's scaling check showed it: with weak maps the
 * rules' time per line grew with file size, with per-file maps it stays flat. Keys are always objects
 * of one file (nodes, variables), so an answer can never leak from one file to another; emptying the
 * maps only lets the previous file's tree go.
 */
const caches: Array<Map<unknown, unknown>> = [];
let currentFile: object | null = null;

/** A cache for one kind of answer, keyed by a node or variable of the file being linted. */
export function fileCache<K extends object, V>(): Map<K, V> {
  const cache = new Map<K, V>();
  caches.push(cache as Map<unknown, unknown>);
  return cache;
}

let rulesOnFile = 0;

/**
 * Marks the file a rule is about to lint (its `SourceCode`); the first rule to start on a new
 * file empties the caches, the others find them already holding that file's answers.
 */
export function startFile(sourceCode: object): void {
  if (sourceCode !== currentFile) {
    clearCaches();
    currentFile = sourceCode;
  }
  rulesOnFile++;
}

/**
 * Marks a rule as done with the file (`createRule` calls it after the rule's `Program:exit`). When
 * the last rule that started on it is done, the caches let the file go at once rather than keep its
 * tree alive through the next file's parse.
 */
export function finishFile(sourceCode: object): void {
  if (sourceCode !== currentFile) return;
  rulesOnFile--;
  if (rulesOnFile <= 0) clearCaches();
}

function clearCaches(): void {
  currentFile = null;
  rulesOnFile = 0;
  // Clearing a map allocates its table anew; most caches stay empty on most files.
  for (const cache of caches) if (cache.size > 0) cache.clear();
}
