// The performance benchmark: what the plugin costs on top of what ESLint already pays to parse and
// traverse a test suite, compared with eslint-plugin-jest. Run with `npm run bench` (or `-- --quick`).
//
// Options: --quick (a few hundred files, fewer runs), --files N, --runs N, --seed N,
// --baseline DIR (also time strict from another build of the plugin, e.g. an earlier commit's checkout
// after `npm run build`, alternating with the rest, to compare two versions side by side in one run).
import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONFIG_LABELS, CONFIG_NAMES, ROOT, configFor, enabledRuleNames, plugin } from './configs.mjs';
import { defaultCorpusDir, generateCorpus, scaledIntegrationFile, testFilesIn, writeCorpus } from './corpus.mjs';

function parseArguments(argv) {
  const quick = argv.includes('--quick');
  const number = (flag, fallback) => {
    const index = argv.indexOf(flag);
    if (index === -1) return fallback;
    const value = Number(argv[index + 1]);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} expects a positive whole number`);
    return value;
  };
  const baselineIndex = argv.indexOf('--baseline');
  const baseline = baselineIndex === -1 ? null : argv[baselineIndex + 1];
  if (baselineIndex !== -1 && (!baseline || baseline.startsWith('--'))) throw new Error('--baseline expects the folder of another build of the plugin');
  return {
    quick,
    baseline: baseline ? path.resolve(baseline) : null,
    files: number('--files', quick ? 150 : 2000),
    runs: number('--runs', quick ? 3 : 7),
    seed: number('--seed', 1),
    statsRuns: quick ? 1 : 3,
    // Each rule alone once, to see what the rules share; skipped in quick mode.
    aloneRuns: quick ? 0 : 1,
    importRuns: quick ? 3 : 9,
    scalingRounds: quick ? 1 : 5,
  };
}

const options = parseArguments(process.argv.slice(2));
const benchStart = performance.now();
const phases = [];
let phaseStart = benchStart;
/** Notes how long the section that just ended took, for the closing line. */
const endPhase = (name) => {
  const now = performance.now();
  phases.push(`${name} ${((now - phaseStart) / 1000).toFixed(0)} s`);
  phaseStart = now;
};
const NAMESPACE = `${plugin.meta.namespace}/`;

// ---------------------------------------------------------------------------------------------
// Small helpers.

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const sum = (values) => values.reduce((total, value) => total + value, 0);
const ms = (value) => `${value.toFixed(0)} ms`;
const percent = (ratio) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const table = (header, rows) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
const say = (text = '') => process.stdout.write(`${text}\n`);
const loadAverage = () => os.loadavg().map((load) => load.toFixed(2)).join(' ');

/**
 * Wall time and CPU time (user + system, all threads of this process) of one call. The CPU time is
 * what the comparisons use: on a machine shared with other work, wall time also measures the
 * neighbours, CPU time much less so.
 */
async function timed(action) {
  globalThis.gc?.();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const value = await action();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function packageVersion(name) {
  return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function newESLint(corpusDir, name, stats = false) {
  return new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: configFor(name), stats });
}

/** Fails loudly when the corpus does not parse: the floor would then measure nothing. */
function assertParsed(results) {
  const fatal = results.flatMap((result) =>
    result.messages.filter((message) => message.fatal).map((message) => `${result.filePath}: ${message.message}`),
  );
  if (fatal.length > 0) throw new Error(`The generated corpus does not parse:\n${fatal.slice(0, 5).join('\n')}`);
}

/** From ESLint's `stats`: time per rule id, summed over files, and the whole lint time. */
function statsTimes(results) {
  const rules = new Map();
  let total = 0;
  let parse = 0;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      total += pass.total ?? 0;
      parse += pass.parse?.total ?? 0;
      for (const [rule, { total: time }] of Object.entries(pass.rules ?? {})) rules.set(rule, (rules.get(rule) ?? 0) + time);
    }
  }
  return { rules, total, parse };
}

function reportCounts(results) {
  const counts = new Map();
  for (const result of results) {
    for (const message of result.messages) if (message.ruleId) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  }
  return counts;
}

const sumOf = (byRule, prefix) => sum([...byRule].filter(([rule]) => rule.startsWith(prefix)).map(([, value]) => value));

// ---------------------------------------------------------------------------------------------
// The corpus.

say(`# eslint-plugin-integration-tests benchmark${options.quick ? ' (quick)' : ''}`);
say();
say(`- machine: ${os.availableParallelism()} CPUs, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average at start ${loadAverage()}`);
say(
  `- Node ${process.version}, ESLint ${ESLint.version}, ${plugin.meta.name} ${plugin.meta.version}, ` +
    `eslint-plugin-jest ${packageVersion('eslint-plugin-jest')}, @typescript-eslint/parser ${packageVersion('@typescript-eslint/parser')}`,
);
say(`- date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
const enabledRules = enabledRuleNames();
say(`- plugin rules in strict: ${enabledRules.length} (${enabledRules.join(', ') || 'none yet'})`);

const corpus = generateCorpus({ seed: options.seed, files: options.files });
const corpusDir = defaultCorpusDir(options.seed, options.files);
writeCorpus(corpusDir, corpus);
const totalLines = sum(corpus.map((file) => file.lines));
const tally = (key) => {
  const counts = new Map();
  for (const file of corpus) counts.set(file[key], (counts.get(file[key]) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${value} ${count}`).join(', ');
};
say(`- corpus: ${corpus.length} files, ${totalLines} lines (seed ${options.seed}) in ${corpusDir}`);
say(
  `  layers: ${tally('layer')}; frameworks: ${tally('framework')}; languages: ${tally('language')}; ` +
    `files with an anti-pattern: ${corpus.filter((file) => file.patterns.length > 0).length}`,
);
endPhase('corpus');
say(`- ${options.runs} timed runs per configuration, each a fresh process linting the whole corpus, alternating a, a′, b, c, d${options.baseline ? ', c₀' : ''} run by run; medians reported`);
say();

// ---------------------------------------------------------------------------------------------
// (a)–(d), alternated run by run.

const lintOnce = path.join(ROOT, 'bench', 'lint-once.mjs');
/** The configurations timed run by run: (a)–(d), and strict of the baseline build when one is given. */
const TIMED = options.baseline ? [...CONFIG_NAMES, 'baseline'] : CONFIG_NAMES;
const LABELS = { ...CONFIG_LABELS, baseline: `(c₀) strict, the build in ${options.baseline}` };
/** One timed run in a fresh process; see lint-once.mjs. The baseline is strict with the other build loaded. */
function timedRun(name) {
  const [config, env] = name === 'baseline' ? ['strict', { ...process.env, BENCH_PLUGIN: options.baseline }] : [name, process.env];
  const run = JSON.parse(execFileSync(process.execPath, [lintOnce, config, corpusDir], { encoding: 'utf8', maxBuffer: 1 << 26, env }));
  if (run.fatal.length > 0) throw new Error(`The generated corpus does not parse:\n${run.fatal.join('\n')}`);
  if (run.files !== corpus.length) throw new Error(`ESLint linted ${run.files} of ${corpus.length} corpus files`);
  return run;
}

const wallTimes = Object.fromEntries(TIMED.map((name) => [name, []]));
const cpuTimes = Object.fromEntries(TIMED.map((name) => [name, []]));
/** CPU time of the main thread alone; empty where it cannot be read. */
const mainTimes = Object.fromEntries(TIMED.map((name) => [name, []]));
const peakRss = Object.fromEntries(TIMED.map((name) => [name, []]));
/** Project-module summary counters of strict's last timed run. */
let strictSummaries = null;
for (let run = 0; run < options.runs; run++) {
  for (const name of TIMED) {
    const { cpu, mainCpu, wall, maxRssKb, projectModules } = timedRun(name);
    if (name === 'strict') strictSummaries = projectModules ?? null;
    cpuTimes[name].push(cpu);
    if (typeof mainCpu === 'number') mainTimes[name].push(mainCpu);
    wallTimes[name].push(wall);
    peakRss[name].push(maxRssKb / 1024);
  }
}
/** The median over runs of (configuration ÷ reference of the same run) − 1. */
const overheadOf = (times, name, reference = 'floor') => median(times[name].map((time, run) => time / times[reference][run] - 1));
const overheads = Object.fromEntries(TIMED.map((name) => [name, overheadOf(cpuTimes, name)]));
const overAnyRule = Object.fromEntries(TIMED.map((name) => [name, overheadOf(cpuTimes, name, 'anyRule')]));
const wallOverheads = Object.fromEntries(TIMED.map((name) => [name, overheadOf(wallTimes, name)]));
say('## Lint time, whole corpus');
say();
say(
  table(
    ['configuration', 'CPU median', 'CPU min–max', 'overhead over (a) (CPU)', 'over (a′) (CPU)', 'wall median', 'over (a) (wall)'],
    TIMED.map((name) => [
      LABELS[name],
      ms(median(cpuTimes[name])),
      `${Math.min(...cpuTimes[name]).toFixed(0)}–${Math.max(...cpuTimes[name]).toFixed(0)} ms`,
      name === 'floor' ? '—' : `**${percent(overheads[name])}** (×${(1 + overheads[name]).toFixed(3)})`,
      name === 'floor' || name === 'anyRule' ? '—' : percent(overAnyRule[name]),
      ms(median(wallTimes[name])),
      name === 'floor' ? '—' : percent(wallOverheads[name]),
    ]),
  ),
);
say();
say(
  `Overhead: the median over runs of (configuration time ÷ reference time of the same run) − 1; the targets use CPU time. ` +
    `Floor: ${((median(cpuTimes.floor) * 1000) / totalLines).toFixed(1)} µs CPU per line. ` +
    `(a′) enables one rule with no listeners: what ESLint itself adds per file once any rule is on (mostly garbage collection), ` +
    `which every plugin pays; over (a′) is the plugin's own cost.`,
);
say();
if (mainTimes.strict.length === options.runs && mainTimes.anyRule.length === options.runs) {
  // Strict's own cost, split by thread: each part over (a′)'s whole CPU time of the same run.
  const partOver = (of) => median(cpuTimes.strict.map((_, run) => of(run) / cpuTimes.anyRule[run]));
  const main = partOver((run) => mainTimes.strict[run] - mainTimes.anyRule[run]);
  const other = partOver((run) => cpuTimes.strict[run] - mainTimes.strict[run] - (cpuTimes.anyRule[run] - mainTimes.anyRule[run]));
  say(
    `Where strict's own cost over (a′) goes: ${percent(main)} on the main thread (the rules' JavaScript, and the garbage ` +
      `collector's pauses there), ${percent(other)} on V8's other threads (compiling the plugin's hot functions to ` +
      `optimised code, and the collector's helpers); medians over runs, each as a share of (a′)'s CPU time.`,
  );
  say();
}
if (options.baseline) {
  say(
    `This build's strict against the baseline's, run by run: ${percent(overheadOf(cpuTimes, 'strict', 'baseline'))} CPU; ` +
      `the plugin's own cost over (a′) ${percent(overAnyRule.baseline)} before, ${percent(overAnyRule.strict)} now.`,
  );
  say();
}

{
  // Summaries of the project's own modules, from strict's last run: built once per module per process.
  const summaries = strictSummaries;
  const rate = (hits, total) => (total === 0 ? 'n/a' : `${((100 * hits) / total).toFixed(1)}%`);
  if (summaries) {
    say(
      `Project-module summaries in one strict run: ${summaries.summariesBuilt} built in ${summaries.buildMilliseconds.toFixed(1)} ms, ` +
        `${summaries.summaryRequests} asked for (cache hits ${rate(summaries.summaryHits, summaries.summaryRequests)}); ` +
        `${summaries.resolutions} resolutions in ${summaries.resolveMilliseconds.toFixed(1)} ms (cache hits ${rate(summaries.resolutionHits, summaries.resolutions)}).`,
    );
    say();
  }
}
endPhase('timed runs');

// ---------------------------------------------------------------------------------------------
// Per-rule time (ESLint `stats`), in separate runs because timing every listener costs time itself.

async function statsOf(name, runCount = options.statsRuns) {
  const runs = [];
  let counts = new Map();
  for (let run = 0; run < runCount; run++) {
    globalThis.gc?.();
    const results = await newESLint(corpusDir, name, true).lintFiles(testFilesIn(corpusDir));
    runs.push(statsTimes(results));
    counts = reportCounts(results);
  }
  const ids = new Set(runs.flatMap((run) => [...run.rules.keys()]));
  const rules = new Map([...ids].map((id) => [id, median(runs.map((run) => run.rules.get(id) ?? 0))]));
  // What the same runs spent outside every rule: parsing, scope analysis, traversal.
  const outsideRules = median(runs.map((run) => run.total - sum([...run.rules.values()])));
  return { rules, outsideRules, parse: median(runs.map((run) => run.parse)), counts };
}

const stats = {};
for (const name of ['recommended', 'strict', 'jest']) stats[name] = await statsOf(name);
const pluginStrict = sumOf(stats.strict.rules, NAMESPACE);
const pluginRecommended = sumOf(stats.recommended.rules, NAMESPACE);
const jestTotal = sumOf(stats.jest.rules, 'jest/');
const statsRow = (label, time, of, reports) => [
  label,
  `${time.toFixed(1)} ms`,
  `${((time * 1000) / corpus.length).toFixed(1)} µs`,
  percent(time / of.outsideRules),
  String(reports),
];
say(`## Per-rule time (ESLint \`stats\`, summed over files, median of ${options.statsRuns} run${options.statsRuns > 1 ? 's' : ''})`);
say();
say(
  table(
    ['rule', 'time', 'per file', 'over the run’s non-rule time', 'reports'],
    [
      ...enabledRules.map((rule) => {
        const id = NAMESPACE + rule;
        return statsRow(`\`${id}\``, stats.strict.rules.get(id) ?? 0, stats.strict, stats.strict.counts.get(id) ?? 0);
      }),
      statsRow('**all plugin rules, strict**', pluginStrict, stats.strict, sumOf(stats.strict.counts, NAMESPACE)),
      statsRow('**all plugin rules, recommended**', pluginRecommended, stats.recommended, sumOf(stats.recommended.counts, NAMESPACE)),
      statsRow(`**eslint-plugin-jest, ${stats.jest.rules.size} rules**`, jestTotal, stats.jest, sumOf(stats.jest.counts, 'jest/')),
      ...[...stats.jest.rules]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([id, time]) => statsRow(`\`${id}\` (a slowest jest rule)`, time, stats.jest, stats.jest.counts.get(id) ?? 0)),
    ],
  ),
);
say();
say(
  `The percentage is the rule time over the time the same run spent outside all rules (parse, scope analysis, traversal; ` +
    `${ms(stats.strict.outsideRules)} in the strict run, of which parsing ${ms(stats.strict.parse)}).`,
);
say();

// Shared recognisers: each rule alone, summed, against all rules together.
if (enabledRules.length > 1 && options.aloneRuns > 0) {
  const alone = [];
  for (const rule of enabledRules) {
    const { rules } = await statsOf(`alone:${rule}`, options.aloneRuns);
    alone.push([rule, rules.get(NAMESPACE + rule) ?? 0]);
  }
  const aloneSum = sum(alone.map(([, time]) => time));
  say('## Work shared between rules');
  say();
  say(
    table(
      ['rule', 'alone', 'together (strict)'],
      alone.map(([rule, time]) => [`\`${rule}\``, `${time.toFixed(1)} ms`, `${(stats.strict.rules.get(NAMESPACE + rule) ?? 0).toFixed(1)} ms`]),
    ),
  );
  say();
  say(
    `Each rule alone, summed: ${aloneSum.toFixed(1)} ms; all together: ${pluginStrict.toFixed(1)} ms (${percent(pluginStrict / aloneSum - 1)}). ` +
      'Less together than alone means per-node answers (test calls, mocks, imports, boundaries) are computed once and reused across rules.',
  );
  say();
}

endPhase('stats');

// ---------------------------------------------------------------------------------------------
// Peak memory, from the timed runs.

const memory = Object.fromEntries(TIMED.map((name) => [name, median(peakRss[name])]));
say(`## Peak memory (peak RSS of the timed runs' processes, \`process.resourceUsage().maxRSS\`; median of ${options.runs})`);
say();
say(
  table(
    ['configuration', 'peak RSS', 'over floor'],
    TIMED.map((name) => [
      LABELS[name],
      `${memory[name].toFixed(0)} MiB`,
      name === 'floor' ? '—' : `${(memory[name] - memory.floor).toFixed(0)} MiB`,
    ]),
  ),
);
say();


// ---------------------------------------------------------------------------------------------
// Import time, in fresh processes.

/** Median `require` time in fresh processes; `preload` is required first and not timed. */
function importTime(specifier, preload) {
  const script =
    (preload ? `require(${JSON.stringify(preload)}); ` : '') +
    `const { performance } = require('node:perf_hooks'); const start = performance.now(); ` +
    `require(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - start));`;
  const samples = [];
  for (let run = 0; run < options.importRuns; run++) {
    samples.push(Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })));
  }
  return median(samples);
}
const pluginImport = importTime(ROOT);
const pluginImportInESLint = importTime(ROOT, 'eslint');
const jestImport = importTime('eslint-plugin-jest');
const jestImportInESLint = importTime('eslint-plugin-jest', 'eslint');
say(`## Import time (\`require\` in a fresh \`node -e\`, median of ${options.importRuns})`);
say();
say(
  table(
    ['package', 'fresh process', 'after `require("eslint")`, as inside ESLint'],
    [
      [plugin.meta.name, `${pluginImport.toFixed(1)} ms`, `${pluginImportInESLint.toFixed(1)} ms`],
      ['eslint-plugin-jest', `${jestImport.toFixed(1)} ms`, `${jestImportInESLint.toFixed(1)} ms`],
    ],
  ),
);
say();

endPhase('import');

// ---------------------------------------------------------------------------------------------
// Scaling: one integration file at 1×, 10× and 100× its size, each linted for about the same number
// of lines, so that fixed costs per file show up as such and not as noise.

const sizes = [1, 10, 100].map((copies) => ({ copies, ...scaledIntegrationFile({ copies }) }));
for (const size of sizes) size.lines = size.text.split('\n').length - 1;
const linesPerMeasurement = sizes[sizes.length - 1].lines;
for (const size of sizes) Object.assign(size, { repeats: Math.max(1, Math.round(linesPerMeasurement / size.lines)), floor: [], strict: [], rules: [] });
const scalingESLint = { floor: newESLint(corpusDir, 'floor'), strict: newESLint(corpusDir, 'strict'), stats: newESLint(corpusDir, 'strict', true) };
async function lintRepeated(eslint, size) {
  const filePath = path.join(corpusDir, size.path);
  const results = [];
  for (let repeat = 0; repeat < size.repeats; repeat++) results.push(...(await eslint.lintText(size.text, { filePath })));
  return results;
}
// The first pass of each instance checks that the file parses and warms the code up.
for (const size of sizes) for (const eslint of Object.values(scalingESLint)) assertParsed(await lintRepeated(eslint, size));
for (let round = 0; round < options.scalingRounds; round++) {
  for (const size of sizes) {
    for (const name of ['floor', 'strict']) size[name].push((await timed(() => lintRepeated(scalingESLint[name], size))).cpu);
    size.rules.push(statsTimes(await lintRepeated(scalingESLint.stats, size)).rules);
  }
}
const perLine = (size, time) => (time * 1000) / (size.lines * size.repeats);
const ruleTime = (size, prefix) => median(size.rules.map((rules) => sumOf(rules, prefix)));
say(
  `## Scaling: one integration file at 1×, 10×, 100× (µs per line; each size linted until about ${linesPerMeasurement} lines, ` +
    `median of ${options.scalingRounds})`,
);
say();
say(
  table(
    ['size', 'lines', 'floor (CPU)', 'strict (CPU)', 'plugin rules (stats)'],
    sizes.map((size) => [
      `${size.copies}×`,
      String(size.lines),
      perLine(size, median(size.floor)).toFixed(2),
      perLine(size, median(size.strict)).toFixed(2),
      perLine(size, ruleTime(size, NAMESPACE)).toFixed(3),
    ]),
  ),
);
const [small, , large] = sizes;
const growth = (measure) => perLine(large, measure(large)) / perLine(small, measure(small));
const pluginGrowth = growth((size) => ruleTime(size, NAMESPACE));
/** A rule whose time is under this (per measurement, in ms) is too quick to time reliably at 1×. */
const MEASURABLE = 2;
const ruleGrowth = enabledRules
  .filter((rule) => Math.min(ruleTime(small, NAMESPACE + rule), ruleTime(large, NAMESPACE + rule)) >= MEASURABLE)
  .map((rule) => [rule, growth((size) => ruleTime(size, NAMESPACE + rule))])
  .sort((a, b) => b[1] - a[1]);
const unmeasured = enabledRules.filter((rule) => !ruleGrowth.some(([measured]) => measured === rule));
say();
say(
  `Time per line, 100× over 1×: floor ${ratio(growth((size) => median(size.floor)))}, strict ${ratio(growth((size) => median(size.strict)))}, ` +
    `plugin rules ${ratio(pluginGrowth)}` +
    (ruleGrowth.length > 0 ? `; per rule: ${ruleGrowth.map(([rule, value]) => `${rule} ${ratio(value)}`).join(', ')}` : '') +
    (unmeasured.length > 0 ? `; under ${MEASURABLE} ms per measurement, too quick to judge: ${unmeasured.join(', ')}` : '') +
    '.',
);
say();

endPhase('scaling');

// ---------------------------------------------------------------------------------------------
// Targets.

const worstRule = ruleGrowth[0];
const checks = [
  ['strict adds at most 10% over the floor (a)', overheads.strict <= 0.1, `${percent(overheads.strict)}, of which ESLint's cost of any rule (a′) ${percent(overheads.anyRule)}`],
  ['(for reference) strict adds at most 10% over (a′): the plugin’s own cost', overAnyRule.strict <= 0.1, percent(overAnyRule.strict)],
  ['strict adds less than eslint-plugin-jest recommended', overheads.strict < overheads.jest, `${percent(overheads.strict)} vs ${percent(overheads.jest)}`],
  [
    'no rule superlinear: time per line at 100× within 1.2× of 1×',
    !(pluginGrowth > 1.2) && !(worstRule?.[1] > 1.2),
    `all rules ${ratio(pluginGrowth)}${worstRule ? `, worst ${worstRule[0]} ${ratio(worstRule[1])}` : ''}`,
  ],
  ['plugin import under 100 ms', pluginImport < 100, `${pluginImport.toFixed(1)} ms`],
];
say('## Targets');
say();
say(table(['target', 'met', 'measured'], checks.map(([target, met, measured]) => [target, met ? 'yes' : '**no**', measured])));
say();
say(`Load average at end: ${loadAverage()}. Took ${((performance.now() - benchStart) / 1000).toFixed(0)} s: ${phases.join(', ')}.`);
const summary = (value) => `${(value * 100).toFixed(1)}%`;
say(`overhead over (a′), one no-op rule: recommended ${summary(overAnyRule.recommended)}, strict ${summary(overAnyRule.strict)}, jest ${summary(overAnyRule.jest)}`);
say(`overhead over floor: recommended ${summary(overheads.recommended)}, strict ${summary(overheads.strict)}, jest ${summary(overheads.jest)}`);
