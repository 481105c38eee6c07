import picomatch from 'picomatch';

/** The three test layers a file can belong to. */
export type Layer = 'unit' | 'integration' | 'acceptance';

export const LAYERS: readonly Layer[] = ['unit', 'integration', 'acceptance'];

/**
 * Which layer a file lands in when the globs of several claim it: the first here. Each layer's rules
 * forbid what the layers after it must do (an acceptance test calls endpoints, an integration test
 * opens real connections), so the layer whose rules forbid least wins and an overlap never reports.
 */
export const LAYER_PRECEDENCE: readonly Layer[] = ['acceptance', 'integration', 'unit'];

const EXT = '{js,cjs,mjs,jsx,ts,cts,mts,tsx}';
const TEST_DIRS = '{test,tests,__tests__,spec}';

/**
 * Default file globs per layer. They are the only place where a file's layer is decided:
 * each config block carries one set, and rules never look at paths themselves.
 */
export const DEFAULT_LAYER_GLOBS: Readonly<Record<Layer, readonly string[]>> = {
  integration: [
    `**/${TEST_DIRS}/integration/**/*.${EXT}`,
    `**/{integration-tests,__integration__}/**/*.${EXT}`,
    `**/*.{integration,int}.{test,spec}.${EXT}`,
  ],
  unit: [`**/${TEST_DIRS}/unit/**/*.${EXT}`, `**/*.unit.{test,spec}.${EXT}`],
  acceptance: [
    `**/${TEST_DIRS}/{acceptance,e2e}/**/*.${EXT}`,
    `**/*.{e2e,acceptance}.{test,spec}.${EXT}`,
    `**/*.e2e-spec.${EXT}`,
  ],
};

let acceptanceByDefault: ((file: string) => boolean) | null = null;

/**
 * Whether the default globs put a file in the acceptance layer (`test/app.e2e-spec.ts`,
 * `tests/e2e/checkout.test.js`), given its path from the project's root with `/` between folders. A
 * rule that runs on such a file runs there because the user's own globs took it, and a layer the
 * user gives wins over a default one.
 */
export function isAcceptanceByDefault(file: string): boolean {
  acceptanceByDefault ??= picomatch([...DEFAULT_LAYER_GLOBS.acceptance], { dot: true });
  return acceptanceByDefault(file);
}

/** A brace list of two or more plain names (letters, digits, `_`, `.`, `-`): `{test,tests,spec}`. */
const NAME_LIST = /\{([\w.-]+(?:,[\w.-]+)+)\}/g;

/**
 * The same glob with each brace list of plain names written as an extglob: `*.{ts,js}` as
 * `*.@(ts|js)`. Both select the same paths, but ESLint's matcher expands a brace list into separate
 * patterns and walks the path once for each, on every file it lints, test or not; an extglob stays
 * one pattern. A glob with anything that could change how its braces read (an escape, a character
 * class, parentheses, a brace that is not a plain list) is left as it is.
 */
export function withNameListsAsExtglobs(glob: string): string {
  if (/[\\[()]/.test(glob)) return glob;
  const rewritten = glob.replace(NAME_LIST, (_, names: string) => `@(${names.split(',').join('|')})`);
  return /[{}]/.test(rewritten) ? glob : rewritten;
}
