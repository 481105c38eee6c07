// Strict's cost over (a′) counted in machine instructions rather than timed, so that two builds can
// be told apart when they differ by less than CPU time's spread from run to run.
//
// Each run is a fresh `node --predictable` process under `valgrind --tool=cachegrind` (no cache
// simulation), linting the generated corpus once; valgrind counts every instruction the process
// runs. `--predictable` makes V8 run its compiler and garbage collector on the main thread, on a
// schedule set by the program rather than by the clock, and the plugin's clock is stopped for the
// run: a summary's file stamps are trusted for a second, and under valgrind, about fifty times
// slower than a plain run, that second would pass after every few files instead of once or twice
// a run, and at other files in every run. A process that loads the same modules and lints nothing
// gives the count before linting, which is taken off every other.
//
// The counts do not say how long a run takes (a cache miss costs more than an add), but they move
// only when the work does: repeated runs on an idle machine agree within about 1%, where CPU time
// spreads by 10% or more. Run it with nothing else busy: a lint of other suites running beside it
// raised the counts by a few percent (its own two processes at a time on two CPUs did not).
//
// Between two builds the collector can make a difference of its own: a run that allocates a little
// more can cross the old generation's limit once more and pay for a mark-compact of the whole heap.
// On the 65 unit files of the 150-file corpus, two scratch builds whose work differed by 0.18 G
// counted 0.35 G apart, because the busier one ran two mark-compacts instead of one; and runs of
// one build spread as far (a third counted 7.10 G in one run and 7.55 G in two). `--steady-heap`
// starts every process with an old generation large enough (`--initial-old-space-size`) that a lint
// of up to 600 files runs no mark-compact at all, so what a change of the plugin's own work costs can
// be read to a few hundredths of a G: most runs of one build then repeat within 0.01 G (about one in
// ten still lands 0.1 G or so off, for reasons the counts do not show; take the median of three).
// Collections are part of what a lint costs, so the figures set against the target are counted
// without `--steady-heap`.
//
// `--phases` counts with callgrind instead of cachegrind and splits each process's count by what V8
// was doing: its optimising compiler (`Runtime_CompileOptimized` and its on-stack-replacement twin),
// compiling functions to bytecode on their first call (`Runtime_CompileLazy`: parsing included), its
// baseline compiler, and the collector (`Heap::CollectGarbage`); what is left is running code (the
// parser, ESLint, the rules). Each phase is counted inclusively, so a collection that starts inside a
// compile counts in both; the callers of the collector are almost all the allocation slow path.
// A callgrind run takes about as long as a cachegrind one. `--no-opt` passes V8's flag of that name,
// which turns its optimising compiler off: every function stays in bytecode or baseline code, so the
// count is of running code that V8 never optimised, with no optimising compiles at all.
//
// Usage: npm run build && node bench/instructions.mjs [--files N] [--runs N] [--passes N] [--configs a,b,…]
//          [--baseline <built checkout>] [--only <pattern>] [--steady-heap] [--phases] [--no-opt]
//   configurations as in bench/configs.mjs (anyRule, strict, recommended, alone:<rule>, without:<rule>, …);
//   --baseline also counts that build's strict (c₀); --passes 2 lints the corpus twice in each process
//   (the second lint, with warm caches and compiled code, is the difference from --passes 1);
//   --only lints just the corpus files whose path (relative to the corpus) matches a regular
//   expression, such as `unit` or `integration|int\.` for one layer's files.
//   Needs valgrind. 150 files take about a minute a run.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultCorpusDir, generateCorpus, testFilesIn, writeCorpus } from './corpus.mjs';

const argv = process.argv.slice(2);
const valueOf = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const files = Number(valueOf('--files', '150'));
const runs = Number(valueOf('--runs', '2'));
const passes = Number(valueOf('--passes', '1'));
const child = valueOf('--child', null);
const only = valueOf('--only', null);
/** Large enough that no lint this script runs fills it: the old generation is never compacted. */
const STEADY_HEAP = ['--initial-old-space-size=2048'];
/** What `--phases` splits a count into: V8's entry points, each counted with what it calls. */
const PHASES = [
  { label: 'optimising compiles', symbols: ['v8::internal::Runtime_CompileOptimized(', 'v8::internal::Runtime_CompileOptimizedOSR('] },
  { label: 'first-call compiles', symbols: ['v8::internal::Runtime_CompileLazy('] },
  { label: 'baseline compiles', symbols: ['v8::internal::baseline::BaselineBatchCompiler::EnqueueFunction('] },
  { label: 'collector', symbols: ['v8::internal::Heap::CollectGarbage('] },
];
const phases = argv.includes('--phases');

if (child) {
  // Stopped before any rule runs; ESLint itself reads no clock while it lints.
  const stopped = Date.now();
  Date.now = () => stopped;
  const { ESLint } = await import('eslint');
  const { configFor } = await import('./configs.mjs');
  const dir = defaultCorpusDir(1, files);
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configFor(child === 'nothing' ? 'anyRule' : child) });
  const pattern = only === null ? null : new RegExp(only);
  const linted = testFilesIn(dir).filter((file) => pattern === null || pattern.test(file));
  if (child !== 'nothing') for (let pass = 0; pass < passes; pass++) await eslint.lintFiles(linted);
} else {
  const run = promisify(execFile);
  try {
    await run('valgrind', ['--version']);
  } catch {
    console.error('bench/instructions.mjs needs valgrind on the PATH (apt install valgrind).');
    process.exit(1);
  }
  if (phases) {
    // It exits with a failure even for `--version`: only a missing program counts.
    const missing = await run('callgrind_annotate', ['--version']).then(
      () => false,
      (error) => error.code === 'ENOENT',
    );
    if (missing) {
      console.error('bench/instructions.mjs --phases needs callgrind_annotate, which comes with valgrind, on the PATH.');
      process.exit(1);
    }
  }
  writeCorpus(defaultCorpusDir(1, files), generateCorpus({ seed: 1, files }));
  const baseline = valueOf('--baseline', null);
  const names = ['nothing', ...valueOf('--configs', 'anyRule,strict').split(','), ...(baseline ? ['baseline'] : [])];
  const self = fileURLToPath(import.meta.url);

  const scratch = phases ? mkdtempSync(path.join(tmpdir(), 'instructions-')) : null;
  let made = 0;

  /** The instructions one fresh process runs for a configuration: in all, and by phase with `--phases`. */
  async function count(name) {
    const env = name === 'baseline' ? { ...process.env, BENCH_PLUGIN: path.resolve(baseline) } : process.env;
    const out = scratch && path.join(scratch, `callgrind-${made++}.out`);
    const tool = out ? ['--tool=callgrind', `--callgrind-out-file=${out}`] : ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null'];
    const args = [
      ...tool,
      ...[process.execPath, '--predictable'],
      ...(argv.includes('--steady-heap') ? STEADY_HEAP : []),
      ...(argv.includes('--no-opt') ? ['--no-opt'] : []),
      ...[self, '--child', name === 'baseline' ? 'strict' : name, '--files', String(files), '--passes', String(passes)],
      ...(only === null ? [] : ['--only', only]),
    ];
    const { stderr } = await run('valgrind', args, { env, maxBuffer: 1 << 26 });
    if (!out) {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (!refs) throw new Error(`valgrind gave no instruction count for ${name}:\n${stderr.slice(-2000)}`);
      return { total: Number(refs[1].replaceAll(',', '')) };
    }
    const { stdout } = await run('callgrind_annotate', ['--inclusive=yes', '--threshold=100', out], { maxBuffer: 1 << 28 });
    rmSync(out);
    const costOf = (symbol) => {
      const line = stdout.split('\n').find((text) => text.includes(symbol));
      return line ? Number(line.trim().split(/\s+/)[0].replaceAll(',', '')) : 0;
    };
    const total = /([\d,]+)\s+\(100\.0%\)\s+PROGRAM TOTALS/.exec(stdout);
    if (!total) throw new Error(`callgrind_annotate gave no total for ${name}`);
    const counted = { total: Number(total[1].replaceAll(',', '')) };
    for (const { label: phase, symbols } of PHASES) counted[phase] = symbols.reduce((sum, symbol) => sum + costOf(symbol), 0);
    return counted;
  }

  // Two processes at a time on two CPUs: the counts do not depend on what else runs.
  const jobs = Array.from({ length: runs }, () => names).flat();
  const counts = Object.fromEntries(names.map((name) => [name, []]));
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(availableParallelism(), 4)) }, async () => {
      while (next < jobs.length) {
        const name = jobs[next++];
        counts[name].push(await count(name));
      }
    }),
  );
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
  /** The run whose total is the lower median, so that its phases add up to the figure shown. */
  const medianRun = (name) => {
    const sorted = [...counts[name]].sort((a, b) => a.total - b.total);
    return sorted[(sorted.length - 1) >> 1];
  };
  const totals = Object.fromEntries(names.map((name) => [name, counts[name].map((counted) => counted.total)]));
  const before = median(totals.nothing);
  const work = (name) => median(totals[name]) - before;
  const floor = work('anyRule');
  const label = (name) => (name === 'baseline' ? `strict, ${baseline} (c₀)` : name);
  const which = only === null ? `${files} generated files` : `the files matching /${only}/ of ${files} generated files`;
  const heap = `${argv.includes('--steady-heap') ? ', with a steady heap (no mark-compacts)' : ''}${argv.includes('--no-opt') ? ', V8 optimising nothing (--no-opt)' : ''}`;
  console.log(`${which}${passes > 1 ? `, linted ${passes} times in each process` : ''}${heap}, ${runs} run${runs > 1 ? 's' : ''} of each; instructions after loading, the lower median of the runs\n`);
  console.log('| configuration | instructions | spread over runs | over (a′) |');
  console.log('|---|---:|---:|---:|');
  for (const name of names.slice(1)) {
    const values = totals[name];
    const spread = (Math.max(...values) - Math.min(...values)) / (median(values) - before);
    const over = name === 'anyRule' ? '—' : `${work(name) >= floor ? '+' : ''}${((work(name) / floor - 1) * 100).toFixed(1)}%`;
    console.log(`| ${label(name)} | ${(work(name) / 1e9).toFixed(2)} G | ${(spread * 100).toFixed(1)}% | ${over} |`);
  }
  console.log(`\nLoading, before any file is linted: ${(before / 1e9).toFixed(2)} G.`);
  if (phases) {
    // Each phase less the same phase of the process that lints nothing; the rest is what remains.
    const nothing = medianRun('nothing');
    const byPhase = (name) => {
      const counted = medianRun(name);
      const parts = PHASES.map(({ label: phase }) => counted[phase] - nothing[phase]);
      return [...parts, counted.total - nothing.total - parts.reduce((sum, part) => sum + part, 0)];
    };
    const labels = [...PHASES.map(({ label: phase }) => phase), 'running code and the rest'];
    const floorParts = byPhase('anyRule');
    console.log(`\nBy phase (G; the run with the median total; in brackets, the difference from (a′)):\n`);
    console.log(`| configuration | ${labels.join(' | ')} |`);
    console.log(`|---|${labels.map(() => '---:').join('|')}|`);
    for (const name of names.slice(1)) {
      const parts = byPhase(name);
      const cells = parts.map((part, index) => {
        const own = (part / 1e9).toFixed(2);
        if (name === 'anyRule') return own;
        const over = (part - (floorParts[index] ?? 0)) / 1e9;
        return `${own} (${over >= 0 ? '+' : ''}${over.toFixed(2)})`;
      });
      console.log(`| ${label(name)} | ${cells.join(' | ')} |`);
    }
  }
}
