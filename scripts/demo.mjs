// Lints examples/ with the real ESLint CLI and the plugin's strict config, prints the report,
// then one line saying which rules fired. Exits 0 when the lint itself ran (problems are the point).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const examples = path.join(root, 'examples');
const require = createRequire(import.meta.url);
const eslintBin = path.join(path.dirname(require.resolve('eslint')), '..', 'bin', 'eslint.js');
const plugin = require(root);

function runEslint(format) {
  const result = spawnSync(process.execPath, [eslintBin, '--format', format, '.'], {
    cwd: examples,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // ESLint exits 1 when it found problems and 2 when it could not lint.
  if (result.status !== 0 && result.status !== 1) {
    process.stderr.write(result.stderr || result.stdout);
    process.exit(2);
  }
  return result.stdout;
}

process.stdout.write(runEslint('stylish'));

const results = JSON.parse(runEslint('json'));
const counts = new Map(Object.keys(plugin.rules).map((name) => [`integration-tests/${name}`, 0]));
const crashes = [];
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal || message.ruleId === null) crashes.push(`${path.relative(examples, result.filePath)}: ${message.message}`);
    else if (counts.has(message.ruleId)) counts.set(message.ruleId, counts.get(message.ruleId) + 1);
  }
}
if (crashes.length > 0) {
  console.error(`Could not lint every example:\n${crashes.join('\n')}`);
  process.exit(2);
}
const fired = [...counts].filter(([, count]) => count > 0);
const silent = [...counts].filter(([, count]) => count === 0).map(([rule]) => rule);
console.log(
  `Demo: ${results.length} files linted; ${fired.length} of ${counts.size} rules fired (` +
    fired.map(([rule, count]) => `${rule.replace('integration-tests/', '')} ×${count}`).join(', ') +
    ')' +
    (silent.length > 0 ? `; silent: ${silent.join(', ')}` : '') +
    '.',
);

// The two remedies that span files, shown as dry runs: the diff each would write, and a summary.
const bin = path.join(root, 'bin', 'eslint-plugin-integration-tests.js');
for (const args of [
  ['split', 'tests/integration/onboarding.test.ts'],
  ['move', 'tests/integration/user-signup-api.test.ts'],
]) {
  console.log(`\n$ npx eslint-plugin-integration-tests ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: examples, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout);
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(2);
  }
}
