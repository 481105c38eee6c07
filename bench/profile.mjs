// Profiles one configuration with `node --cpu-prof` and prints where the time went: self time by
// function, and the total per package. For finding what a rule spends its time on.
//
// Usage: npm run build && node bench/profile.mjs [configuration] [--files N] [--scaled COPIES] [--repeat N]
//   configuration: floor | recommended | strict | jest | alone:<rule> | without:<rule>   (default strict)
//   --scaled COPIES: lint the scaling check's integration file at COPIES× instead of the corpus
import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFor } from './configs.mjs';
import { defaultCorpusDir, generateCorpus, scaledIntegrationFile, testFilesIn, writeCorpus } from './corpus.mjs';

const PLUGIN_DIST = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'dist') + path.sep;
const PLUGIN_DIST_RELATIVE = path.relative(process.cwd(), PLUGIN_DIST);
const argv = process.argv.slice(2);
const flag = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const name = argv.find((argument, index) => !argument.startsWith('--') && !argv[index - 1]?.startsWith('--')) ?? 'strict';
const files = flag('--files', 500);
const scaled = flag('--scaled', 0);
const repeat = flag('--repeat', scaled ? Math.max(1, Math.round(300 / scaled)) : 1);

if (process.env.BENCH_PROFILE_CHILD) {
  // The profiled process: lint and exit.
  const corpusDir = defaultCorpusDir(1, files);
  const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: configFor(name) });
  if (scaled) {
    const file = scaledIntegrationFile({ copies: scaled });
    for (let index = 0; index < repeat; index++) await eslint.lintText(file.text, { filePath: path.join(corpusDir, file.path) });
  } else {
    for (let index = 0; index < repeat; index++) await eslint.lintFiles(testFilesIn(corpusDir));
  }
} else {
  writeCorpus(defaultCorpusDir(1, files), generateCorpus({ seed: 1, files }));
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'integration-tests-profile-'));
  execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profileDir, fileURLToPath(import.meta.url), ...argv], {
    env: { ...process.env, BENCH_PROFILE_CHILD: '1' },
    stdio: 'inherit',
  });
  const profileFile = path.join(profileDir, readdirSync(profileDir)[0]);
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));

  // Self time per node: the samples that landed in it, times the sampling interval.
  const selfTime = new Map();
  const intervals = profile.timeDeltas;
  profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (intervals[index] ?? 0) / 1000));
  const byFunction = new Map();
  const byPackage = new Map();
  const packageOf = (node) => {
    const { functionName, url } = node.callFrame;
    const where = url.replace(/^file:\/\//, '');
    if (where.includes('/node_modules/')) {
      const rest = where.slice(where.lastIndexOf('/node_modules/') + 14).split('/');
      return rest.slice(0, rest[0].startsWith('@') ? 2 : 1).join('/');
    }
    if (where.startsWith(PLUGIN_DIST)) return 'eslint-plugin-integration-tests';
    return where === '' ? `(${functionName || 'native'})` : 'other';
  };
  for (const node of profile.nodes) {
    const time = selfTime.get(node.id) ?? 0;
    if (time === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\//, '');
    const pkg = packageOf(node);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
    const key = `${functionName || '(anonymous)'}  ${path.relative(process.cwd(), where) || where}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + time);
  }
  const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
  console.log(`\nProfile: ${profileFile}\n\nSelf time by package:`);
  for (const [pkg, time] of top(byPackage, 12)) console.log(`${time.toFixed(0).padStart(8)} ms  ${pkg}`);
  console.log('\nSelf time by function (top 25):');
  for (const [key, time] of top(byFunction, 25)) console.log(`${time.toFixed(1).padStart(8)} ms  ${key}`);
  // Everything spent below the plugin's entry points (rule listeners, `create`), by the package
  // that spent it: the plugin's own code, and what it asked ESLint and the scope manager for.
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const underPlugin = new Map();
  const entries = new Map();
  const collect = (node, entry) => {
    const time = selfTime.get(node.id) ?? 0;
    const pkg = packageOf(node);
    underPlugin.set(pkg, (underPlugin.get(pkg) ?? 0) + time);
    entries.set(entry, (entries.get(entry) ?? 0) + time);
    for (const child of node.children ?? []) collect(nodes.get(child), entry);
  };
  const visit = (node, insidePlugin) => {
    const isPlugin = packageOf(node) === 'eslint-plugin-integration-tests';
    if (isPlugin && !insidePlugin) {
      const { functionName, url, lineNumber } = node.callFrame;
      collect(node, `${functionName || '(anonymous)'}  ${path.relative(process.cwd(), url.replace(/^file:\/\//, ''))}:${lineNumber + 1}`);
      return;
    }
    for (const child of node.children ?? []) visit(nodes.get(child), insidePlugin || isPlugin);
  };
  visit(profile.nodes[0], false);
  const total = [...underPlugin.values()].reduce((sum, time) => sum + time, 0);
  console.log(`\nTime under the plugin's entry points: ${total.toFixed(0)} ms, by package:`);
  for (const [pkg, time] of top(underPlugin, 8)) console.log(`${time.toFixed(1).padStart(8)} ms  ${pkg}`);
  console.log('\nby entry point:');
  for (const [entry, time] of top(entries, 10)) console.log(`${time.toFixed(1).padStart(8)} ms  ${entry}`);
  console.log('\nSelf time in the plugin by function:');
  for (const [key, time] of top(new Map([...byFunction].filter(([key]) => key.includes(`  ${PLUGIN_DIST_RELATIVE}`))), 15)) console.log(`${time.toFixed(1).padStart(8)} ms  ${key}`);
}
