// One timed run: lints the corpus once with one configuration in this fresh process, as a CLI run
// would, and reports the CPU time (user + system, all threads) and wall time of the lint itself
// (not of loading modules), the part of that CPU time spent on the main thread, and the process's peak
// resident set size (`process.resourceUsage().maxRSS`).
// Separate processes keep one configuration's heap and garbage-collector state from colouring the next.
// Usage: node bench/lint-once.mjs <configuration> <corpus-dir>
//        node bench/lint-once.mjs <anyRule|strict> <repository-dir> <integration globs, comma-separated>
// The second form lints a real repository's integration tests (see `bench/real-suites.mjs`).
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, configFor, realSuiteConfig, splitGlobs } from './configs.mjs';
import { testFilesIn } from './corpus.mjs';

/**
 * The CPU time of this process's main thread so far, in milliseconds, or `null` where it cannot be read.
 * The rest of the process's CPU time is V8's own threads: compiling optimised code and helping the
 * garbage collector. Read from Linux's `/proc`, whose times count clock ticks of 10 ms.
 */
function mainThreadCpu() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const [name, corpusDir, globList] = process.argv.slice(2);
const globs = globList === undefined ? null : splitGlobs(globList);
const eslint = globs
  ? new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: realSuiteConfig(name, globs), errorOnUnmatchedPattern: false })
  : new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: configFor(name) });
const mainBefore = mainThreadCpu();
const cpuBefore = process.cpuUsage();
const start = performance.now();
const results = await eslint.lintFiles(globs ?? testFilesIn(corpusDir));
const wall = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
const mainAfter = mainThreadCpu();
/** Project-module summaries built during the run, with their time and cache hits; `null` for a build without them. */
function projectModuleStats() {
  try {
    const build = process.env.BENCH_PLUGIN ? path.resolve(process.env.BENCH_PLUGIN) : ROOT;
    return createRequire(import.meta.url)(path.join(build, 'dist/estree/project-modules.js')).projectModuleStats();
  } catch {
    return null;
  }
}
const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal).map((message) => `${result.filePath}: ${message.message}`));
process.stdout.write(
  JSON.stringify({
    name,
    files: results.length,
    messages: results.reduce((count, result) => count + result.messages.length, 0),
    fatal: fatal.slice(0, 5),
    cpu: (cpu.user + cpu.system) / 1000,
    // Of which the main thread; `null` off Linux.
    mainCpu: mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore,
    wall,
    // Kilobytes on Linux and macOS.
    maxRssKb: process.resourceUsage().maxRSS,
    projectModules: projectModuleStats(),
  }),
);
