/** Runs many generated cases against the rules and collects what failed, minimised and written out. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkProgram, filenameFor, FUZZ_CWD, ruleOptionsFor, settingsFor, type Failure, type RuleMap } from './check';
import { generateTestProgram } from './grammar';
import { minimise } from './minimise';
import type { GeneratorName, Program } from './program';
import { generateRandomProgram } from './random-js';
import { caseSeed } from './random';

export const GENERATORS: readonly GeneratorName[] = ['grammar', 'eslump'];

/** How many failures of one kind and rule are minimised and written out; the rest are only counted. */
const WRITTEN_PER_PROBLEM = 3;

export interface FuzzRunOptions {
  readonly rules: RuleMap;
  readonly count: number;
  readonly seed: number;
  readonly generators?: readonly GeneratorName[];
  /** Replays these cases (`grammar:1234`) instead of drawing `count` new ones. */
  readonly cases?: readonly string[];
  /** Where minimised failures are written; `null` writes nothing. */
  readonly outDir?: string | null;
  readonly minimise?: boolean;
  readonly log?: (line: string) => void;
}

export interface CaseFailure extends Failure {
  /** `generator:seed`, enough to rebuild the program. */
  readonly caseId: string;
  readonly program: Program;
  readonly minimised?: Program;
  readonly writtenTo?: string;
}

export interface FuzzSummary {
  /** The run's seed; `null` when listed cases were replayed. */
  readonly seed: number | null;
  readonly cases: number;
  /** eslump programs that do not parse (it may write code with early errors): not linted. */
  readonly skipped: number;
  readonly failures: CaseFailure[];
  /** By rule: problems reported on generated input, fixes applied, suggestions checked. */
  readonly reports: Record<string, number>;
  readonly fixesApplied: Record<string, number>;
  readonly suggestionsChecked: Record<string, number>;
  readonly milliseconds: number;
}

export function generate(generator: GeneratorName, seed: number): Program {
  return generator === 'grammar' ? generateTestProgram(seed) : generateRandomProgram(seed);
}

export function parseCaseId(id: string): { generator: GeneratorName; seed: number } {
  const match = /^(grammar|eslump):(\d+)$/.exec(id);
  if (!match) throw new Error(`A case is written generator:seed, e.g. grammar:1234; got "${id}".`);
  return { generator: match[1] as GeneratorName, seed: Number(match[2]) };
}

function writeFailure(outDir: string, failure: CaseFailure, rules: RuleMap): string {
  mkdirSync(outDir, { recursive: true });
  const program = failure.minimised ?? failure.program;
  const base = `${failure.program.origin.generator}-${failure.program.origin.seed}-${failure.layer}-${failure.rule ?? 'input'}-${failure.kind}`;
  const codeFile = path.join(outDir, `${base}${program.extension}`);
  writeFileSync(codeFile, program.code);
  const options = failure.rule && rules[failure.rule] ? ruleOptionsFor({ [failure.rule]: rules[failure.rule]! }, failure.program.origin.seed)[failure.rule] : [];
  const filename = path.relative(FUZZ_CWD, filenameFor(program, failure.layer));
  writeFileSync(
    path.join(outDir, `${base}.json`),
    JSON.stringify(
      {
        case: failure.caseId,
        kind: failure.kind,
        rule: failure.rule,
        layer: failure.layer,
        message: failure.message,
        reproduce: `npm run fuzz -- --case ${failure.caseId}`,
        ruleTesterCase: { code: program.code, filename, options, settings: settingsFor(failure.program.origin.seed), languageOptions: { sourceType: program.sourceType } },
        original: failure.program.code,
      },
      null,
      2,
    ) + '\n',
  );
  return codeFile;
}

function addTo(total: Record<string, number>, counts: Readonly<Record<string, number>>): void {
  for (const [rule, count] of Object.entries(counts)) total[rule] = (total[rule] ?? 0) + count;
}

export function runFuzz(options: FuzzRunOptions): FuzzSummary {
  const started = Date.now();
  const generators = options.generators ?? GENERATORS;
  const log = options.log ?? (() => {});
  const caseList = options.cases?.map(parseCaseId) ??
    Array.from({ length: options.count }, (_, index) => ({ generator: generators[index % generators.length]!, seed: caseSeed(options.seed, index) }));
  const failures: CaseFailure[] = [];
  const reports: Record<string, number> = {};
  const fixesApplied: Record<string, number> = {};
  const suggestionsChecked: Record<string, number> = {};
  const written = new Map<string, number>();
  let skipped = 0;

  caseList.forEach(({ generator, seed }, index) => {
    const caseId = `${generator}:${seed}`;
    const program = generate(generator, seed);
    let result;
    try {
      result = checkProgram(program, { rules: options.rules, seed });
    } catch (error) {
      // Something threw that names no rule: still a failure, and the case is kept to look at.
      result = { failures: [{ kind: 'rule-throws' as const, rule: null, layer: 'integration' as const, message: String((error as Error).stack ?? error) }], skipped: false, reports: {}, fixesApplied: {}, suggestionsChecked: {} };
    }
    if (result.skipped) skipped++;
    addTo(reports, result.reports);
    addTo(fixesApplied, result.fixesApplied);
    addTo(suggestionsChecked, result.suggestionsChecked);
    for (const failure of result.failures) {
      const problem = `${failure.rule}:${failure.kind}`;
      const seen = written.get(problem) ?? 0;
      written.set(problem, seen + 1);
      let caseFailure: CaseFailure = { ...failure, caseId, program };
      if (seen < WRITTEN_PER_PROBLEM) {
        const minimised = options.minimise === false ? undefined : minimise(program, failure, options.rules, seed);
        caseFailure = { ...caseFailure, minimised };
        if (options.outDir) caseFailure = { ...caseFailure, writtenTo: writeFailure(options.outDir, caseFailure, options.rules) };
      }
      failures.push(caseFailure);
      log(`FAIL ${caseId} [${failure.layer}] ${failure.rule ?? '(input)'}: ${failure.kind}: ${failure.message}`);
      if (caseFailure.writtenTo) log(`     minimised to ${caseFailure.writtenTo}`);
    }
    if ((index + 1) % 250 === 0) log(`... ${index + 1} cases, ${failures.length} failures`);
  });

  return { seed: options.cases ? null : options.seed, cases: caseList.length, skipped, failures, reports, fixesApplied, suggestionsChecked, milliseconds: Date.now() - started };
}

export function formatSummary(summary: FuzzSummary): string[] {
  const rules = [...new Set([...Object.keys(summary.reports), ...Object.keys(summary.fixesApplied), ...Object.keys(summary.suggestionsChecked)])].sort();
  return [
    `${summary.seed === null ? 'replayed' : `seed ${summary.seed}`}: ${summary.cases} cases run, ${summary.skipped} random programs skipped as unparsable, in ${(summary.milliseconds / 1000).toFixed(1)}s`,
    ...rules.map((rule) => `  ${rule}: ${summary.reports[rule] ?? 0} reports, ${summary.fixesApplied[rule] ?? 0} fixes applied, ${summary.suggestionsChecked[rule] ?? 0} suggestions checked`),
    `failures: ${summary.failures.length}`,
  ];
}
