// Lints a corpus once with one configuration in a fresh process, and reports the peak resident set
// size of that process (`process.resourceUsage().maxRSS`), so configurations do not share a heap.
// Usage: node bench/lint-once.mjs <configuration> <corpus-dir>
import { ESLint } from 'eslint';
import { performance } from 'node:perf_hooks';
import { configFor } from './configs.mjs';

const [name, corpusDir] = process.argv.slice(2);
const before = process.resourceUsage().maxRSS;
const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: configFor(name) });
const start = performance.now();
const results = await eslint.lintFiles(['.']);
const milliseconds = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    name,
    files: results.length,
    milliseconds,
    // Kilobytes on Linux and macOS.
    maxRssKb: process.resourceUsage().maxRSS,
    startRssKb: before,
  }),
);
