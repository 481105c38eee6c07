/** Types for `corpus.mjs`, so TypeScript tests can use the generator. */
export type Layer = 'unit' | 'integration' | 'acceptance';
export type Framework = 'jest' | 'vitest' | 'mocha' | 'node:test';

export interface CorpusFile {
  /** Path relative to the corpus folder, with `/` separators. */
  readonly path: string;
  readonly layer: Layer;
  readonly framework: Framework;
  readonly language: 'ts' | 'js';
  /** The anti-patterns written into the file (`mocked-boundary`, `shared-data`, …); empty when clean. */
  readonly patterns: readonly string[];
  readonly lines: number;
  readonly text: string;
  /** The project modules (`src/...`, without extension) the file loads, and the names it imports from each. */
  readonly projectImports: ReadonlyArray<{ readonly target: string; readonly names: readonly string[] }>;
}

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
}

export const MIN_LINES: number;
export const MAX_LINES: number;
export const CORPUS_SETTINGS: { readonly 'integration-tests': { readonly boundaries: Readonly<Record<string, readonly string[]>> } };
export function createRandom(seed: number): Random;
export function generateCorpus(options?: { seed?: number; files?: number }): CorpusFile[];
export function defaultCorpusDir(seed: number, files: number): string;
/** The project's own modules the corpus's test files load, as files to write beside them. */
export function projectModulesOf(corpus: readonly CorpusFile[]): Array<{ path: string; text: string }>;
export function writeCorpus(dir: string, corpus: readonly CorpusFile[]): void;
export const TEST_FILE_LIST: string;
export function testFilesIn(dir: string): string[];
export function scaledIntegrationFile(options?: { seed?: number; copies?: number }): { path: string; text: string };
