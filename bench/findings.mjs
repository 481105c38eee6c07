// Every message strict reports on generated corpora (rule, position, text, fix and suggestions), one
// line each, sorted: a change meant only to make the plugin faster must leave this list unchanged.
//
// Usage: npm run build && node bench/findings.mjs OUT            # this checkout's build
//        BENCH_PLUGIN=../other/dist node bench/findings.mjs OUT  # another build, then `diff` the two
// Corpora: seed 1 with 2,000 files and seeds 2–4 with 800 each (4,400 files), as `bench/corpus.mjs` writes them.
import { ESLint } from 'eslint';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { configFor } from './configs.mjs';
import { defaultCorpusDir, generateCorpus, testFilesIn, writeCorpus } from './corpus.mjs';

const out = process.argv[2];
if (!out) throw new Error('Usage: node bench/findings.mjs OUT');
const CORPORA = [
  [1, 2000],
  [2, 800],
  [3, 800],
  [4, 800],
];

const lines = [];
for (const [seed, files] of CORPORA) {
  const dir = defaultCorpusDir(seed, files);
  writeCorpus(dir, generateCorpus({ seed, files }));
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configFor('strict') });
  for (const result of await eslint.lintFiles(testFilesIn(dir))) {
    const file = path.relative(dir, result.filePath);
    for (const message of result.messages) {
      const { ruleId, line, column, endLine, endColumn, fix, suggestions } = message;
      lines.push(JSON.stringify([seed, file, ruleId, line, column, endLine, endColumn, message.message, fix ?? null, suggestions ?? null]));
    }
  }
}
lines.sort();
writeFileSync(out, lines.length > 0 ? `${lines.join('\n')}\n` : '');
console.log(`${lines.length} messages on ${CORPORA.reduce((total, [, files]) => total + files, 0)} files written to ${out}`);
