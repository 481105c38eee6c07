// What strict costs on real repositories: each repository's integration tests linted with (a′), ESLint
// with one rule that does nothing, and with `createConfigs({ integration }).strict`, each run a fresh
// process (`bench/lint-once.mjs`), alternating run by run. With `--baseline`, another build's strict
// (c₀) is timed in the same rounds.
//
// Usage: node bench/real-suites.mjs <corpus-dir> <repos.tsv> [--runs N] [--only <text>] [--baseline <build>]
// `repos.tsv` has a header line, then one repository per line: `owner/name`, a commit, and the
// integration-test globs (comma-separated); the repository is checked out in `<corpus-dir>/owner+name`.
// The labelled suites' list (`repos.tsv` beside the scorer) has this shape.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const index = argv.indexOf(name);
  return index === -1 ? fallback : argv[index + 1];
};
const [corpusDir, reposFile] = argv;
const runs = Number(option('--runs', '3'));
const only = option('--only', null);
const baseline = option('--baseline', null);
if (!corpusDir || !reposFile || corpusDir.startsWith('--') || reposFile.startsWith('--')) {
  console.log('usage: node bench/real-suites.mjs <corpus-dir> <repos.tsv> [--runs N] [--only <text>] [--baseline <build>]');
  process.exit(1);
}
if (!(Number.isInteger(runs) && runs > 0)) {
  console.log('--runs expects a positive whole number');
  process.exit(1);
}

const repositories = readFileSync(reposFile, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .filter(([name, , globs]) => name && globs && (!only || name.includes(only)))
  .map(([name, , globs]) => ({ name, globs, dir: path.join(corpusDir, name.replace('/', '+')) }))
  .filter((repository) => existsSync(repository.dir));

const variants = [
  { label: 'a′', config: 'anyRule', plugin: null },
  { label: 'strict', config: 'strict', plugin: null },
  ...(baseline ? [{ label: 'c₀', config: 'strict', plugin: path.resolve(baseline) }] : []),
];

function lintOnce(variant, repository) {
  const env = { ...process.env };
  if (variant.plugin) env.BENCH_PLUGIN = variant.plugin;
  else delete env.BENCH_PLUGIN;
  const output = execFileSync(process.execPath, [path.join(here, 'lint-once.mjs'), variant.config, repository.dir, repository.globs], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env,
  });
  return JSON.parse(output);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percent = (ratio) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;

console.log(`${repositories.length} repositories, ${runs} runs of each configuration, alternating ${variants.map((variant) => variant.label).join(', ')}`);
console.log('');
console.log(`| repository | files | ${variants.map((variant) => `${variant.label} CPU`).join(' | ')} | strict over a′ |${baseline ? ' c₀ over a′ |' : ''}`);
console.log(`|---|---:|${variants.map(() => '---:').join('|')}|---:|${baseline ? '---:|' : ''}`);
const totals = Object.fromEntries(variants.map((variant) => [variant.label, 0]));
const ratios = Object.fromEntries(variants.map((variant) => [variant.label, []]));
for (const repository of repositories) {
  const cpu = Object.fromEntries(variants.map((variant) => [variant.label, []]));
  let files = 0;
  for (let run = 0; run < runs; run++) {
    for (const variant of variants) {
      const result = lintOnce(variant, repository);
      cpu[variant.label].push(result.cpu);
      files = result.files;
    }
  }
  const cells = variants.map((variant) => `${median(cpu[variant.label]).toFixed(0)} ms`);
  const over = variants.slice(1).map((variant) => {
    // Run by run, against (a′) of the same round.
    const ratio = median(cpu[variant.label].map((time, index) => time / cpu['a′'][index] - 1));
    ratios[variant.label].push(ratio);
    return percent(ratio);
  });
  for (const variant of variants) totals[variant.label] += median(cpu[variant.label]);
  console.log(`| ${repository.name} | ${files} | ${cells.join(' | ')} | ${over.join(' | ')} |`);
}
console.log('');
for (const variant of variants.slice(1)) {
  console.log(
    `${variant.label}: over a′ on all repositories together ${percent(totals[variant.label] / totals['a′'] - 1)} (${totals[variant.label].toFixed(0)} ms against ${totals['a′'].toFixed(0)} ms, sums of medians); median over repositories ${percent(median(ratios[variant.label]))}`,
  );
}
