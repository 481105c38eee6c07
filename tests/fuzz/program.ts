/** A generated program and how to parse it. */
export interface Program {
  readonly code: string;
  /** `.ts`, `.tsx`, `.mts`, `.cts`, `.js`, `.jsx`, `.mjs`, `.cjs`. */
  readonly extension: string;
  readonly sourceType: 'module' | 'commonjs';
  /** Which generator made it and from which seed, so it can be rebuilt; `table` for hand-written cases. */
  readonly origin: { readonly generator: GeneratorName | 'table'; readonly seed: number };
}

export type GeneratorName = 'grammar' | 'eslump';

export function isTypeScript(extension: string): boolean {
  return /^\.[cm]?tsx?$/.test(extension);
}
