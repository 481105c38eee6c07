// The configurations the benchmark compares. Every one starts from the same parser setup, so the
// difference between any of them and the floor is the cost of the rules alone.
import tsParser from '@typescript-eslint/parser';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_SETTINGS } from './corpus.mjs';

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

/**
 * The built plugin, loaded the way users load it: this checkout's, or another build's folder named by
 * `BENCH_PLUGIN` (to compare two versions run by run with the same corpus).
 */
export const plugin = require(process.env.BENCH_PLUGIN ? path.resolve(process.env.BENCH_PLUGIN) : ROOT);

export const CONFIG_NAMES = ['floor', 'anyRule', 'recommended', 'strict', 'jest'];
export const CONFIG_LABELS = {
  floor: '(a) floor: parser, no rules',
  anyRule: '(a′) floor + one rule that does nothing',
  recommended: '(b) integration-tests recommended',
  strict: '(c) integration-tests strict',
  jest: '(d) eslint-plugin-jest flat/recommended',
};

const JAVASCRIPT = '**/*.{js,cjs,mjs,jsx}';
const TYPESCRIPT = '**/*.{ts,cts,mts,tsx}';

/** espree (ESLint's default) for JavaScript, `@typescript-eslint/parser` without type information for TypeScript. */
const PARSERS = [
  { name: 'bench/javascript', files: [JAVASCRIPT] },
  { name: 'bench/typescript', files: [TYPESCRIPT], languageOptions: { parser: tsParser } },
  { name: 'bench/settings', settings: CORPUS_SETTINGS },
];

/** Loaded only when asked for: eslint-plugin-jest takes a while to import. */
function jestRecommended() {
  return {
    name: 'bench/jest-recommended',
    files: [JAVASCRIPT, TYPESCRIPT],
    ...require('eslint-plugin-jest').configs['flat/recommended'],
    // Without it the plugin looks for an installed `jest` to learn its version.
    settings: { jest: { version: 29 } },
  };
}

/**
 * ESLint does measurably more work per file as soon as one rule is on, even a rule with no
 * listeners; this configuration shows that fixed cost, which no plugin can avoid.
 */
const NO_OP_RULE = {
  name: 'bench/no-op-rule',
  plugins: { bench: { rules: { 'no-op': { meta: { type: 'problem', schema: [] }, create: () => ({}) } } } },
  rules: { 'bench/no-op': 'error' },
};

/** `plugin.configs.strict` with every rule but one switched off: what that rule costs on its own. */
export function ruleAloneConfig(ruleName) {
  return strictWithRules(ruleName, (rule, id) => rule === id);
}

/**
 * `plugin.configs.strict` with one rule switched off: set against strict, what that rule adds to the
 * others, the work it shares with them being paid by them anyway.
 */
export function ruleLeftOutConfig(ruleName) {
  return strictWithRules(ruleName, (rule, id) => rule !== id);
}

function strictWithRules(ruleName, keep) {
  const id = `${plugin.meta.namespace}/${ruleName}`;
  if (!(ruleName in plugin.rules)) throw new Error(`Unknown rule "${ruleName}" in a benchmark configuration`);
  const blocks = plugin.configs.strict.map((block) => ({
    ...block,
    rules: Object.fromEntries(Object.entries(block.rules ?? {}).filter(([rule]) => keep(rule, id))),
  }));
  return [...PARSERS, ...blocks];
}

export function configFor(name) {
  switch (name) {
    case 'floor':
      return [...PARSERS];
    case 'anyRule':
      return [...PARSERS, NO_OP_RULE];
    case 'recommended':
      return [...PARSERS, ...plugin.configs.recommended];
    case 'strict':
      return [...PARSERS, ...plugin.configs.strict];
    case 'jest':
      return [...PARSERS, jestRecommended()];
    default:
      if (name.startsWith('alone:')) return ruleAloneConfig(name.slice('alone:'.length));
      if (name.startsWith('without:')) return ruleLeftOutConfig(name.slice('without:'.length));
      throw new Error(`Unknown benchmark configuration "${name}"`);
  }
}

/**
 * A real repository linted the way a user sets the plugin up: its integration tests named to
 * `createConfigs`, TypeScript through `@typescript-eslint/parser`, JavaScript with JSX, and inline
 * configuration comments ignored, so every repository is linted by the same rules.
 */
const REAL_PARSERS = [
  { name: 'bench/real/typescript', files: [TYPESCRIPT], languageOptions: { parser: tsParser } },
  { name: 'bench/real/javascript', files: [JAVASCRIPT], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { name: 'bench/real/linter', linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
];

/** A comma-separated list of globs, commas inside braces kept: `test/{db,queue}/*.test.ts,spec/*.js`. */
export function splitGlobs(list) {
  return list.split(/,(?![^{]*})/);
}

/** (a′) or `strict` for a real repository whose integration tests are `integration` (globs). */
export function realSuiteConfig(name, integration) {
  switch (name) {
    case 'anyRule':
      return [...REAL_PARSERS, NO_OP_RULE];
    case 'strict':
      return [...REAL_PARSERS, ...plugin.createConfigs({ integration }).strict];
    default:
      throw new Error(`Unknown configuration "${name}" for a real repository (anyRule or strict)`);
  }
}

/** The plugin's rules that at least one of its configs enables. */
export function enabledRuleNames() {
  const enabled = new Set();
  for (const block of plugin.configs.strict) {
    for (const id of Object.keys(block.rules ?? {})) enabled.add(id.slice(plugin.meta.namespace.length + 1));
  }
  return [...enabled].sort();
}
