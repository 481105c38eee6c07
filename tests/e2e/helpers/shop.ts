import { createRequire } from 'node:module';
import { repoRoot } from './fixture-project';

/**
 * What the plugin should say about the `shop` fixture project, written down by hand. Each entry is
 * `[rule, line]` (`null` for a parse error), in the order ESLint reports them. Files not listed must
 * come out clean.
 */

/** Every rule the plugin promises. */
export const ALL_RULES = [
  'no-boundary-mock',
  'no-endpoint-calls',
  'no-infrastructure-in-unit-tests',
  'no-real-network',
  'no-shared-test-data',
  'one-boundary-per-file',
  'prefer-shared-infrastructure',
  'require-cleanup',
] as const;
export type RuleName = (typeof ALL_RULES)[number];

export type Problem = readonly [rule: RuleName | null, line: number];

export const SHOP_PROBLEMS: Readonly<Record<string, readonly Problem[]>> = {
  'tests/integration/checkout.test.ts': [['one-boundary-per-file', 4]],
  'tests/integration/order-events.test.ts': [['require-cleanup', 21]],
  'tests/integration/order-history.shared-rows.test.ts': [
    ['no-shared-test-data', 10],
    ['no-boundary-mock', 31],
  ],
  'tests/integration/order-repository.mocked.test.ts': [
    ['no-boundary-mock', 6],
    ['no-boundary-mock', 12],
  ],
  'tests/integration/order-repository.per-test-pool.test.ts': [['prefer-shared-infrastructure', 8]],
  'tests/integration/orders-api.test.cjs': [['no-endpoint-calls', 7]],
  'tests/integration/payment-sandbox.test.js': [['no-real-network', 17]],
  'tests/integration/refund.test.ts': [[null, 7]],
  'tests/unit/exchange-rates.test.mjs': [['no-real-network', 6]],
  'tests/unit/order-totals.test.ts': [['no-infrastructure-in-unit-tests', 8]],
};

/**
 * Files that `eslint --fix` changes when every rule with an `autofix` option has it on, and the rules
 * whose fixes change them. The expected result is `fixtures/shop-fixed/<rules>/<file>`, where `<rules>`
 * names the rules that fix, joined by `+`.
 */
export const SHOP_FIXES: Readonly<Record<string, readonly RuleName[]>> = {
  'tests/integration/order-events.test.ts': ['require-cleanup'],
  'tests/integration/order-history.shared-rows.test.ts': ['no-boundary-mock', 'no-shared-test-data'],
  'tests/integration/order-repository.mocked.test.ts': ['no-boundary-mock'],
  'tests/integration/order-repository.per-test-pool.test.ts': ['prefer-shared-infrastructure'],
  'tests/integration/payment-sandbox.test.js': ['no-real-network'],
};

interface BuiltRule {
  meta: { schema?: unknown; docs?: { url?: string } };
}

/** The rules of the built package. */
export function builtRules(): Readonly<Record<string, BuiltRule>> {
  return (createRequire(__filename)(repoRoot) as { rules: Record<string, BuiltRule> }).rules;
}

/** The problems expected in a file, as `[ruleId, line]` with ESLint's full rule ids. */
export function expectedProblems(file: string): Array<[string | null, number]> {
  return (SHOP_PROBLEMS[file] ?? []).map(([rule, line]) => [rule === null ? null : `integration-tests/${rule}`, line]);
}

/** Whether a rule takes the `autofix` option that turns its main suggestion into a fix. */
export function hasAutofixOption(rule: BuiltRule): boolean {
  const schema = rule.meta.schema;
  const first = (Array.isArray(schema) ? schema[0] : undefined) as { properties?: Record<string, unknown> } | undefined;
  return first?.properties?.autofix !== undefined;
}

/**
 * Where the expected `--fix` result of a file is when `fixing` rules have `autofix` on (all of them
 * unless said otherwise); `null` when the file must not change.
 */
export function fixedFixture(file: string, fixing: ReadonlySet<string> = new Set(ALL_RULES)): string | null {
  const fixers = (SHOP_FIXES[file] ?? []).filter((rule) => fixing.has(rule));
  return fixers.length === 0 ? null : `shop-fixed/${[...fixers].sort().join('+')}/${file}`;
}
