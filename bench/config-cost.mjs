// What ESLint spends working out each file's configuration: matching the file against every block's
// `files` and `ignores`, then merging the blocks that match. Strict adds one block per layer, each
// with its layer's globs; ESLint matches every file it lints against them, test files or not.
// Times `calculateConfigForFile` over the generated corpus in fresh processes, alternating (a′),
// strict as shipped, and strict with the same layer globs spelled with extglobs instead of braces
// (`@(test|tests)` for `{test,tests}`: the same files, one pattern where braces expand to many).
//
// Usage: npm run build && node bench/config-cost.mjs [--files N] [--runs N]
import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { configFor, plugin } from './configs.mjs';
import { defaultCorpusDir, generateCorpus, testFilesIn, writeCorpus } from './corpus.mjs';

const argv = process.argv.slice(2);
const flag = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const files = flag('--files', 600);
const runs = flag('--runs', 5);
const child = argv.includes('--child') ? argv[argv.indexOf('--child') + 1] : null;

/** A brace group of plain words as an extglob: `{a,b}` → `@(a|b)`. */
const asExtglob = (glob) => glob.replace(/\{([\w.,-]+)\}/g, (_, words) => `@(${words.split(',').join('|')})`);

function configOf(name) {
  if (name !== 'extglob') return configFor(name);
  const globs = Object.fromEntries(Object.entries(plugin.layerGlobs).map(([layer, list]) => [layer, list.map(asExtglob)]));
  return [...configFor('anyRule').slice(0, -1), ...plugin.createConfigs(globs).strict];
}

if (child) {
  const dir = defaultCorpusDir(1, files);
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configOf(child) });
  const rulesPerFile = [];
  const before = process.cpuUsage();
  for (const file of testFilesIn(dir)) rulesPerFile.push(Object.keys((await eslint.calculateConfigForFile(file)).rules ?? {}).sort().join());
  const used = process.cpuUsage(before);
  // Which rules each file gets, so that the two spellings can be checked to pick the same files.
  console.log(JSON.stringify({ cpu: (used.user + used.system) / 1000, rulesPerFile }));
} else {
  writeCorpus(defaultCorpusDir(1, files), generateCorpus({ seed: 1, files }));
  const names = ['anyRule', 'strict', 'extglob'];
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const rules = {};
  for (let run = 0; run < runs; run++) {
    for (const name of names) {
      const output = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--files', String(files)], { encoding: 'utf8' }));
      times[name].push(output.cpu);
      rules[name] = output.rulesPerFile.join('\n');
    }
  }
  if (rules.strict !== rules.extglob) throw new Error('The extglob spelling enables rules on other files than the shipped globs.');
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  console.log(`${files} generated files, ${runs} fresh processes of each, alternating; CPU of calculateConfigForFile over every file, medians\n`);
  console.log('| configuration | CPU | per file | over (a′) |');
  console.log('|---|---:|---:|---:|');
  const floor = median(times.anyRule);
  for (const name of names) {
    const value = median(times[name]);
    const label = { anyRule: '(a′) one rule that does nothing', strict: 'strict, layer globs as shipped', extglob: 'strict, the same globs as extglobs' }[name];
    console.log(`| ${label} | ${value.toFixed(0)} ms | ${((value / files) * 1000).toFixed(0)} µs | ${name === 'anyRule' ? '—' : `+${(value - floor).toFixed(0)} ms`} |`);
  }
}
