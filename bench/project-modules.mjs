// What the project-module summaries cost: lints a folder with strict, then lints it again with a probe
// rule that asks for the summary of every module each file loads, and reports the time spent
// resolving and summarising, how many summaries were built, and how often the caches answered.
// A summary is built once per module per process, so the hit rate grows with the number of files
// that share helpers.
//
// It also prints each rule's time (ESLint's `stats`) in both runs.
//
// Usage: node bench/project-modules.mjs <folder> [--files N] [--integration <glob,glob,…>]
// `--integration` names the folder's integration tests, as `createConfigs({ integration })` takes them;
// without it the default layer globs decide.
// The folder is linted from its own root, like a repository; `--files` keeps the first N test files.
import { ESLint } from 'eslint';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, configFor, plugin } from './configs.mjs';

const require = createRequire(import.meta.url);
const modules = require(path.join(ROOT, 'dist/estree/project-modules.js'));
const { createRule } = require(path.join(ROOT, 'dist/util/create-rule.js'));

const argv = process.argv.slice(2);
const folder = argv[0] && !argv[0].startsWith('--') ? path.resolve(argv[0]) : null;
if (!folder) {
  console.log('usage: node bench/project-modules.mjs <folder> [--files N]');
  process.exit(1);
}
const filesIndex = argv.indexOf('--files');
const limit = filesIndex === -1 ? Infinity : Number(argv[filesIndex + 1]);
if (!(limit > 0)) {
  console.log('--files expects a positive whole number');
  process.exit(1);
}

const TEST_FILE = /\.(?:test|spec|e2e-spec|integration)\.[cm]?[jt]sx?$/;

function testFiles(directory, found = []) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (found.length >= limit) break;
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) testFiles(file, found);
    else if (TEST_FILE.test(entry.name) && statSync(file).size < 512 * 1024) found.push(file);
  }
  return found;
}

/** Asks for the summary of every module a file loads, as a rule reading the model would. */
const probe = createRule({
  name: 'summarise-loads',
  meta: { type: 'problem', docs: { description: 'Require nothing (probe)', config: 'strict', layers: [] }, schema: [], messages: {} },
  defaultOptions: [],
  create(context) {
    const ask = (source) => {
      if (typeof source === 'string') modules.summaryOfSpecifier(context, source);
    };
    return {
      ImportDeclaration: (node) => ask(node.source.value),
      ExportAllDeclaration: (node) => ask(node.source.value),
      'CallExpression[callee.name="require"]': (node) => ask(node.arguments[0]?.value),
      ImportExpression: (node) => ask(node.source.value),
    };
  },
});

const files = testFiles(folder);
const integrationIndex = argv.indexOf('--integration');
const integration = integrationIndex === -1 ? null : argv[integrationIndex + 1]?.split(/,(?![^{]*})/);
const strict = integration ? [...configFor('floor'), ...plugin.createConfigs({ integration }).strict] : configFor('strict');
const withProbe = [...strict, { plugins: { probe: { rules: { 'summarise-loads': probe } } }, rules: { 'probe/summarise-loads': 'error' } }];

function report(label, milliseconds) {
  const stats = modules.projectModuleStats();
  const rate = (hits, total) => (total === 0 ? 'n/a' : `${((100 * hits) / total).toFixed(1)}%`);
  console.log(
    `${label}: lint ${(milliseconds / 1000).toFixed(2)} s; summaries built ${stats.summariesBuilt} in ${(stats.buildMilliseconds / 1000).toFixed(2)} s; ` +
      `summary requests ${stats.summaryRequests}, cache hits ${rate(stats.summaryHits, stats.summaryRequests)}; ` +
      `resolutions ${stats.resolutions} in ${(stats.resolveMilliseconds / 1000).toFixed(2)} s, cache hits ${rate(stats.resolutionHits, stats.resolutions)}`,
  );
}

console.log(`${files.length} test files under ${folder}`);
for (const [label, config] of [
  ['strict', strict],
  ['strict + every load summarised', withProbe],
]) {
  modules.clearProjectModules();
  const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: config, stats: true });
  const start = performance.now();
  const results = await eslint.lintFiles(files);
  report(label, performance.now() - start);
  printRuleTimes(results);
}

/** Time per rule over the run (ESLint's `stats`), and against the time outside all rules. */
function printRuleTimes(results) {
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
  const inRules = [...rules.values()].reduce((sum, time) => sum + time, 0);
  const outside = total - inRules;
  console.log(`  outside rules ${outside.toFixed(0)} ms (parsing ${parse.toFixed(0)} ms); per rule, and over the time outside rules:`);
  for (const [rule, time] of [...rules].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`    ${rule.padEnd(52)} ${time.toFixed(1).padStart(8)} ms  ${((100 * time) / outside).toFixed(1).padStart(5)}%`);
  }
}
