import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, killRunning, repoRoot, runNode } from './helpers/fixture-project';

// The tarball users install: what it ships, what publint and arethetypeswrong say about it, and that
// it loads from an install with import, named imports and require.

assertBuilt();
const SHIPPED_AT_TOP = ['LICENSE', 'README.md', 'bin', 'dist', 'docs', 'package.json'];
const bin = (name: string) => path.join(repoRoot, 'node_modules/.bin', name);

let workDir: string;
let tarball: string;
let packedFiles: string[];

beforeAll(() => {
  workDir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'integration-tests-e2e-package-')));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const output = execFileSync(npm, ['pack', '--json', '--pack-destination', workDir], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  const [packed] = JSON.parse(output) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(workDir, packed!.filename);
  packedFiles = packed!.files.map((file) => file.path).sort();
}, 60_000);

afterAll(() => {
  killRunning();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships only bin, dist, docs, README, LICENSE and package.json', () => {
    expect([...new Set(packedFiles.map((file) => file.split('/')[0]))].sort()).toEqual(SHIPPED_AT_TOP);
    expect(packedFiles).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/types.d.ts', 'docs/guide.md']));
    expect(packedFiles.filter((file) => /\.test\.|\.map$|tsbuildinfo/.test(file))).toEqual([]);
  });

  it('passes publint in strict mode', async () => {
    const result = await runNode(bin('publint'), ['run', tarball, '--strict'], workDir, 60_000);
    expect(result.stdout).toContain('All good!');
    expect(result.status).toBe(0);
  });

  it('passes arethetypeswrong for every entry point and resolution mode', async () => {
    const result = await runNode(bin('attw'), [tarball, '--format', 'json'], workDir, 60_000);
    const report = JSON.parse(result.stdout) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './package.json', './types']);
    expect(result.status).toBe(0);
  });

  it('loads from an install as the same object through import, named imports and require', async () => {
    const project = path.join(workDir, 'consumer');
    const installed = path.join(project, 'node_modules/eslint-plugin-integration-tests');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], { timeout: 30_000 });
    // The package's dependencies, where an install would put them.
    const { dependencies } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const dependency of Object.keys(dependencies)) {
      mkdirSync(path.dirname(path.join(project, 'node_modules', dependency)), { recursive: true });
      symlinkSync(path.join(repoRoot, 'node_modules', dependency), path.join(project, 'node_modules', dependency), 'dir');
    }
    const script = [
      `import plugin, { configs, createConfigs, defineSettings, layerGlobs, meta, rules, settingsKey } from 'eslint-plugin-integration-tests';`,
      `import { createRequire } from 'node:module';`,
      `const required = createRequire(import.meta.url)('eslint-plugin-integration-tests');`,
      `const named = { configs, createConfigs, defineSettings, layerGlobs, meta, rules, settingsKey };`,
      `console.log(JSON.stringify({`,
      `  same: plugin === required,`,
      `  namedMatch: Object.entries(named).every(([key, value]) => plugin[key] === value),`,
      `  keys: Object.keys(plugin).sort(),`,
      `  meta,`,
      `  path: createRequire(import.meta.url).resolve('eslint-plugin-integration-tests'),`,
      `}));`,
    ].join('\n');
    const scriptFile = path.join(project, 'load.mjs');
    writeFileSync(scriptFile, script);
    const result = await runNode(scriptFile, [], project);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      same: true,
      namedMatch: true,
      keys: ['configs', 'createConfigs', 'defineSettings', 'layerGlobs', 'meta', 'rules', 'settingsKey'],
      meta: { name: 'eslint-plugin-integration-tests', version: expect.any(String), namespace: 'integration-tests' },
      path: path.join(installed, 'dist/index.js'),
    });
  });
});
