/**
 * A short fuzz run inside `npm test`: a few hundred generated programs, half test-shaped and half
 * random JavaScript, each linted with every rule of the plugin as an integration and a unit file.
 * `npm run fuzz -- --count 20000` runs many more. The seed is fixed so CI is repeatable; set
 * FUZZ_SEED to explore another stretch.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules';
import type { RuleMap } from './check';
import { formatSummary, runFuzz } from './run';

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_601);
const COUNT = 300;

describe('fuzzing every rule', () => {
  it(`lints ${COUNT} generated programs: no throw, every edit parses, keeps comments and converges`, () => {
    const lines: string[] = [];
    const summary = runFuzz({ rules: rules as unknown as RuleMap, count: COUNT, seed: SEED, outDir: 'fuzz-failures', log: (line) => lines.push(line) });
    const report = [...lines, ...formatSummary(summary)].join('\n');
    expect(summary.cases).toBe(COUNT);
    expect(summary.failures.map((failure) => `${failure.caseId} ${failure.layer} ${failure.rule}: ${failure.kind}`), report).toEqual([]);
  });
});
