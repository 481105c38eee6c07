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
// Usage: npm run build && node bench/instructions.mjs [--files N] [--runs N] [--passes N] [--configs a,b,…]
//          [--baseline <built checkout>] [--only <pattern>] [--steady-heap]
//   configurations as in bench/configs.mjs (anyRule, strict, recommended, alone:<rule>, without:<rule>, …);
//   --baseline also counts that build's strict (c₀); --passes 2 lints the corpus twice in each process
//   (the second lint, with warm caches and compiled code, is the difference from --passes 1);
//   --only lints just the corpus files whose path (relative to the corpus) matches a regular
//   expression, such as `unit` or `integration|int\.` for one layer's files.
//   Needs valgrind. 150 files take about a minute a run.
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
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
  writeCorpus(defaultCorpusDir(1, files), generateCorpus({ seed: 1, files }));
  const baseline = valueOf('--baseline', null);
  const names = ['nothing', ...valueOf('--configs', 'anyRule,strict').split(','), ...(baseline ? ['baseline'] : [])];
  const self = fileURLToPath(import.meta.url);

  /** The instructions one fresh process runs for a configuration. */
  async function count(name) {
    const env = name === 'baseline' ? { ...process.env, BENCH_PLUGIN: path.resolve(baseline) } : process.env;
    const args = [
      ...['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--predictable'],
      ...(argv.includes('--steady-heap') ? STEADY_HEAP : []),
      ...[self, '--child', name === 'baseline' ? 'strict' : name, '--files', String(files), '--passes', String(passes)],
      ...(only === null ? [] : ['--only', only]),
    ];
    const { stderr } = await run('valgrind', args, { env, maxBuffer: 1 << 26 });
    const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
    if (!refs) throw new Error(`valgrind gave no instruction count for ${name}:\n${stderr.slice(-2000)}`);
    return Number(refs[1].replaceAll(',', ''));
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
  const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
  const before = median(counts.nothing);
  const work = (name) => median(counts[name]) - before;
  const floor = work('anyRule');
  const label = (name) => (name === 'baseline' ? `strict, ${baseline} (c₀)` : name);
  const which = only === null ? `${files} generated files` : `the files matching /${only}/ of ${files} generated files`;
  const heap = argv.includes('--steady-heap') ? ', with a steady heap (no mark-compacts)' : '';
  console.log(`${which}${passes > 1 ? `, linted ${passes} times in each process` : ''}${heap}, ${runs} run${runs > 1 ? 's' : ''} of each; instructions after loading, the lower median of the runs\n`);
  console.log('| configuration | instructions | spread over runs | over (a′) |');
  console.log('|---|---:|---:|---:|');
  for (const name of names.slice(1)) {
    const values = counts[name];
    const spread = (Math.max(...values) - Math.min(...values)) / (median(values) - before);
    const over = name === 'anyRule' ? '—' : `${work(name) >= floor ? '+' : ''}${((work(name) / floor - 1) * 100).toFixed(1)}%`;
    console.log(`| ${label(name)} | ${(work(name) / 1e9).toFixed(2)} G | ${(spread * 100).toFixed(1)}% | ${over} |`);
  }
  console.log(`\nLoading, before any file is linted: ${(before / 1e9).toFixed(2)} G.`);
}
