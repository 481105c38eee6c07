import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';

export const repoRoot = path.resolve(__dirname, '../..');
const repoModules = path.join(repoRoot, 'node_modules');
export const fixtures = path.join(__dirname, 'fixtures');

export interface TempProject {
  readonly dir: string;
  readonly run: (...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;
  readonly read: (file: string) => string;
  /** Every file of the project but `node_modules` and `.git`, by relative path. */
  readonly files: () => Record<string, string>;
  readonly remove: () => void;
}

/** Every file under a folder but `node_modules` and `.git`, by relative path with forward slashes. */
export function filesUnder(dir: string, prefix = ''): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(found, filesUnder(dir, relative));
    else found[relative] = readFileSync(path.join(dir, relative), 'utf8');
  }
  return found;
}

/**
 * A throwaway copy of a fixture project, committed to a fresh git repository, whose `node_modules`
 * links the built plugin, ESLint, the TypeScript parser and TypeScript. Commands run in-process.
 */
export function tempProject(fixture = 'suite'): TempProject {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'integration-tests-cli-')));
  cpSync(path.join(fixtures, fixture), dir, { recursive: true });
  const links: Record<string, string> = {
    'eslint-plugin-integration-tests': repoRoot,
    eslint: path.join(repoModules, 'eslint'),
    typescript: path.join(repoModules, 'typescript'),
    '@typescript-eslint/parser': path.join(repoModules, '@typescript-eslint/parser'),
    '@typescript-eslint/utils': path.join(repoModules, '@typescript-eslint/utils'),
  };
  for (const [name, target] of Object.entries(links)) {
    const link = path.join(dir, 'node_modules', name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(target, link, 'dir');
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=dev@example.test', '-c', 'user.name=Dev', 'commit', '-qm', 'fixture');
  return {
    dir,
    async run(...args) {
      let stdout = '';
      let stderr = '';
      const code = await main(args, { cwd: dir, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
      return { code, stdout, stderr };
    },
    read: (file) => readFileSync(path.join(dir, file), 'utf8'),
    files: () => filesUnder(dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
