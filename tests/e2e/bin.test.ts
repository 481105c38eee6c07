import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertBuilt, killRunning, repoRoot, runNode } from './helpers/fixture-project';

// The bin as users run it: from the packed tarball installed in a project, split then move, written.

assertBuilt();
let workDir: string;
let project: string;
let bin: string;

beforeAll(() => {
  workDir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'integration-tests-e2e-bin-')));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', workDir], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 })) as Array<{ filename: string }>;
  project = path.join(workDir, 'shop');
  cpSync(path.join(repoRoot, 'tests/cli/fixtures/suite'), project, { recursive: true });
  const installed = path.join(project, 'node_modules/eslint-plugin-integration-tests');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(workDir, packed!.filename), '-C', installed, '--strip-components=1'], { timeout: 30_000 });
  const { dependencies } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  // The package's dependencies where an install would put them, and the project's own ESLint, parser and TypeScript.
  for (const name of [...Object.keys(dependencies), 'eslint', 'typescript', '@typescript-eslint/parser']) {
    mkdirSync(path.dirname(path.join(project, 'node_modules', name)), { recursive: true });
    symlinkSync(path.join(repoRoot, 'node_modules', name), path.join(project, 'node_modules', name), 'dir');
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: project, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=dev@example.test', '-c', 'user.name=Dev', 'commit', '-qm', 'fixture');
  bin = path.join(installed, 'bin/eslint-plugin-integration-tests.js');
}, 90_000);

afterAll(() => {
  killRunning();
  rmSync(workDir, { recursive: true, force: true });
});

it('splits and moves from a packed install, and a second run changes nothing', async () => {
  const split = await runNode(bin, ['split', 'tests/integration/checkout.test.ts', '--write'], project, 60_000);
  expect([split.status, split.stderr]).toEqual([0, '']);
  expect(split.stdout).toContain('Wrote 3 file changes.');
  const moved = await runNode(bin, ['move', 'tests/integration/signup.test.ts', '--write'], project, 60_000);
  expect([moved.status, moved.stderr]).toEqual([0, '']);
  expect(existsSync(path.join(project, 'tests/acceptance/signup.test.ts'))).toBe(true);
  expect(readFileSync(path.join(project, 'src/seed.ts'), 'utf8')).toContain("from '@tests/acceptance/signup.test'");

  const again = await runNode(bin, ['split', 'tests/integration/checkout.database.test.ts', 'tests/integration/checkout.http.test.ts', '--write'], project, 60_000);
  expect(again.status).toBe(0);
  expect(again.stdout).not.toContain('Wrote');

  const usage = await runNode(bin, ['move'], project);
  expect([usage.status, usage.stderr]).toEqual([2, 'eslint-plugin-integration-tests move: expected at least one file to move.\n']);
});
