import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type EslintMajor, repoRoot } from './fixture-project';

const repoModules = path.join(repoRoot, 'node_modules');

/**
 * The tarball `npm pack` makes, unpacked where an install puts it, with its dependencies, the ESLint
 * under test and the TypeScript parser beside it, as the registry would lay them out. Projects made
 * with `project()` sit below it and find all of them by walking up, as in a real install; nothing is
 * downloaded. `extraPackages` are more packages of this repository's node_modules to install beside it. One pack and one install serve every project of a test file.
 */
export interface PackedInstall {
  readonly root: string;
  /** The installed package's bin script. */
  readonly bin: string;
  /** A copy of a fixture project below the install; `files` are written over it. */
  readonly project: (fixture: string, files?: Readonly<Record<string, string>>) => string;
  readonly remove: () => void;
}

export function installPacked(eslint: EslintMajor, fixturesDir: string, extraPackages: readonly string[] = []): PackedInstall {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'integration-tests-e2e-packed-')));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const output = execFileSync(npm, ['pack', '--json', '--pack-destination', root], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  const [packed] = JSON.parse(output) as Array<{ filename: string }>;
  const installed = path.join(root, 'node_modules/eslint-plugin-integration-tests');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(root, packed!.filename), '-C', installed, '--strip-components=1'], { timeout: 30_000 });
  const { dependencies } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const links: Record<string, string> = {
    eslint: eslint.packageDir,
    '@typescript-eslint/parser': path.join(repoModules, '@typescript-eslint/parser'),
    ...Object.fromEntries([...Object.keys(dependencies), ...extraPackages].map((name) => [name, path.join(repoModules, name)])),
  };
  for (const [name, target] of Object.entries(links)) {
    const link = path.join(root, 'node_modules', name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(target, link, 'dir');
  }
  let made = 0;
  return {
    root,
    bin: path.join(installed, 'bin/eslint-plugin-integration-tests.js'),
    project: (fixture, files = {}) => {
      made += 1;
      const dir = path.join(root, 'projects', `${made}-${path.basename(fixture)}`);
      cpSync(path.join(fixturesDir, fixture), dir, { recursive: true });
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      return dir;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
