// How much of strict's cost over (a′) is V8 compiling the plugin's hot functions to optimised code.
// Lints the generated corpus in fresh processes run with `--trace-opt`, alternating (a′) and strict, and
// sums the phases of every optimised compile V8 reports; compiles of functions whose names the plugin's
// built code declares are counted apart (a match by name: a few of ESLint's or the parsers' functions
// share a name, which the (a′) column shows). The collector's pauses on the main thread come from a
// `PerformanceObserver`.
//
// Usage: npm run build && node bench/compile-cost.mjs [--files N] [--runs N]
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { ROOT, configFor } from './configs.mjs';
import { defaultCorpusDir, generateCorpus, testFilesIn, writeCorpus } from './corpus.mjs';

const argv = process.argv.slice(2);
const flag = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const files = flag('--files', 2000);
const runs = flag('--runs', 2);
const child = argv.includes('--child') ? argv[argv.indexOf('--child') + 1] : null;

if (child) {
  let paused = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) paused += entry.duration;
  }).observe({ entryTypes: ['gc'] });
  const dir = defaultCorpusDir(1, files);
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configFor(child) });
  const before = process.cpuUsage();
  await eslint.lintFiles(testFilesIn(dir));
  const used = process.cpuUsage(before);
  // The observer hears of the last collections on a later turn of the event loop.
  await sleep(50);
  console.log(`RESULT ${JSON.stringify({ cpu: (used.user + used.system) / 1000, paused })}`);
} else {
  writeCorpus(defaultCorpusDir(1, files), generateCorpus({ seed: 1, files }));
  const pluginNames = namesDeclaredIn(path.join(ROOT, 'dist'));
  const COMPILED = /completed compiling 0x\w+ <JSFunction (\S*) \(sfi = 0x\w+\)> \(target \w+\) - took ([\d.]+), ([\d.]+), ([\d.]+) ms/g;
  const rows = [];
  for (let run = 1; run <= runs; run++) {
    for (const name of ['anyRule', 'strict']) {
      const output = execFileSync(process.execPath, ['--trace-opt', fileURLToPath(import.meta.url), '--child', name, '--files', String(files)], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      const { cpu, paused } = JSON.parse(output.slice(output.lastIndexOf('RESULT ') + 'RESULT '.length));
      let compiles = 0;
      let compiling = 0;
      let plugin = 0;
      for (const match of output.matchAll(COMPILED)) {
        const took = Number(match[2]) + Number(match[3]) + Number(match[4]);
        compiles++;
        compiling += took;
        if (pluginNames.has(match[1])) plugin += took;
      }
      rows.push({ name: name === 'anyRule' ? '(a′)' : 'strict', run, cpu, compiles, compiling, plugin, paused });
    }
  }
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`${files} generated files, ${runs} runs of each, alternating. CPU is the process’s (all threads); compile times are the durations V8 reports for each compile’s phases\n`);
  console.log('| configuration | run | CPU | optimised compiles | time compiling | of it, functions named as in the plugin | collector\u2019s pauses |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(`| ${row.name} | ${row.run} | ${seconds(row.cpu)} | ${row.compiles} | ${seconds(row.compiling)} | ${seconds(row.plugin)} | ${seconds(row.paused)} |`);
  }
}

/** The names of the functions and methods the plugin's built code declares. */
function namesDeclaredIn(dir) {
  const names = new Set();
  const DECLARED = /function\s*\*?\s*([A-Za-z_$][\w$]*)|^\s*(?:static\s+|async\s+|get\s+|set\s+)*([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*\{|(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>/gm;
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) for (const name of namesDeclaredIn(file)) names.add(name);
    else if (file.endsWith('.js')) for (const match of readFileSync(file, 'utf8').matchAll(DECLARED)) names.add(match[1] ?? match[2] ?? match[3]);
  }
  for (const keyword of ['if', 'for', 'while', 'switch', 'catch', 'return']) names.delete(keyword);
  return names;
}
