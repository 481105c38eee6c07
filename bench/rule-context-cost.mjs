// Shows where ESLint's fixed cost of "any rule enabled" comes from. ESLint builds each rule's
// context per file as `Object.create(fileContext)`, so every file's context object (which holds the
// SourceCode and its AST) becomes a prototype. Linting the same files with one rule that does nothing
// costs measurably more than with no rules; building the same context as a plain object, without the
// prototype link, removes that cost. A diagnostic: it patches an ESLint internal, for measuring only.
//
// Usage: node --expose-gc bench/rule-context-cost.mjs [files]
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateCorpus } from './corpus.mjs';

const require = createRequire(import.meta.url);
const eslintLib = path.dirname(require.resolve('eslint'));
const { FileContext } = require(path.join(eslintLib, 'linter', 'file-context.js'));
const { version } = require('eslint/package.json');

const asPrototype = FileContext.prototype.extend;
/** The same context as a plain frozen object: the file's fields and methods copied, no prototype link. */
function asPlainObject(extension) {
  const context = {};
  for (const key of Object.keys(this)) context[key] = this[key];
  for (const key of Object.getOwnPropertyNames(FileContext.prototype)) {
    if (key !== 'constructor' && key !== 'extend') context[key] = FileContext.prototype[key];
  }
  return Object.freeze(Object.assign(context, extension));
}

const files = Number(process.argv[2] ?? 500);
const corpus = generateCorpus({ seed: 1, files });
const parsers = [{ files: ['**/*.{js,cjs,mjs}'] }, { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser } }];
const oneNoOpRule = [...parsers, { plugins: { bench: { rules: { 'no-op': { create: () => ({}) } } } }, rules: { 'bench/no-op': 'error' } }];
const variants = [
  ['no rules', parsers, asPrototype],
  ['one no-op rule', oneNoOpRule, asPrototype],
  ['one no-op rule, plain context', oneNoOpRule, asPlainObject],
];

let gcTime = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcTime += entry.duration;
}).observe({ entryTypes: ['gc'] });

const linter = new Linter({ cwd: '/corpus' });
const samples = new Map(variants.map(([name]) => [name, []]));
for (let run = 0; run < 5; run++) {
  for (const [name, config, extend] of variants) {
    FileContext.prototype.extend = extend;
    globalThis.gc?.();
    await sleep(20);
    gcTime = 0;
    const before = process.cpuUsage();
    for (const file of corpus) linter.verify(file.text, config, { filename: `/corpus/${file.path}` });
    const used = process.cpuUsage(before);
    await sleep(20);
    samples.get(name).push({ cpu: (used.user + used.system) / 1000, gc: gcTime });
  }
}
FileContext.prototype.extend = asPrototype;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const floor = median(samples.get('no rules').map((sample) => sample.cpu));
console.log(`ESLint ${version}, Linter#verify on ${files} generated files, median of 5 runs:`);
for (const [name, runs] of samples) {
  const cpu = median(runs.map((sample) => sample.cpu));
  const gc = median(runs.map((sample) => sample.gc));
  console.log(`  ${name.padEnd(32)} CPU ${cpu.toFixed(0).padStart(6)} ms (${((cpu / floor - 1) * 100).toFixed(1).padStart(5)}%)   GC ${gc.toFixed(0).padStart(5)} ms`);
}
