import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');
export const fixturesDir = path.resolve(__dirname, '../fixtures');
const repoModules = path.join(repoRoot, 'node_modules');

/** The ESLint majors the peer range promises, each from its own installed copy. */
export const ESLINT_MAJORS = [
  { major: 10, packageDir: path.join(repoModules, 'eslint') },
  { major: 9, packageDir: path.join(repoModules, 'eslint-v9') },
] as const;
export type EslintMajor = (typeof ESLINT_MAJORS)[number];

/** Fails with a message that says what to do when the package has not been built. */
export function assertBuilt(): void {
  if (!existsSync(path.join(repoRoot, 'dist/index.js'))) {
    throw new Error('dist/index.js is missing: the end-to-end tests use the built package. Run `npm run build` (npm test does).');
  }
}

export interface FixtureProject {
  readonly dir: string;
  readonly remove: () => void;
}

/**
 * A throwaway copy of a fixture project that installs nothing: its `node_modules` links the built
 * plugin (the repository root, resolved by its package name), the parser and the ESLint under test.
 * `config` names a file in `fixtures/configs/`, copied in as `eslint.config.<its extension>`.
 */
export function createFixtureProject(options: {
  readonly fixture: string;
  readonly config?: string;
  readonly eslint: EslintMajor;
}): FixtureProject {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), `integration-tests-e2e-${options.fixture}-`)));
  cpSync(path.join(fixturesDir, options.fixture), dir, { recursive: true });
  if (options.config) {
    cpSync(path.join(fixturesDir, 'configs', options.config), path.join(dir, `eslint.config${path.extname(options.config)}`));
  }
  const links: Record<string, string> = {
    'eslint-plugin-integration-tests': repoRoot,
    eslint: options.eslint.packageDir,
    '@typescript-eslint/parser': path.join(repoModules, '@typescript-eslint/parser'),
    // The plugin's own dependency, where an install would hoist it.
    '@typescript-eslint/utils': path.join(repoModules, '@typescript-eslint/utils'),
  };
  for (const [name, target] of Object.entries(links)) {
    const link = path.join(dir, 'node_modules', name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(target, link, 'dir');
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const running = new Set<ChildProcess>();
const waiting: Array<() => void> = [];
/** The machine has two cores; more parallel ESLint processes only slow each other down. */
const MAX_PARALLEL = 2;
let active = 0;

async function slot(): Promise<() => void> {
  if (active >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  active += 1;
  return () => {
    active -= 1;
    waiting.shift()?.();
  };
}

/** Runs a Node script with a hard time limit; the process is killed when the limit passes. */
export async function runNode(script: string, args: readonly string[], cwd: string, timeoutMs = 30_000): Promise<RunResult> {
  const release = await slot();
  try {
    return await new Promise<RunResult>((resolve, reject) => {
      const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      running.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${path.basename(script)} ${args.join(' ')} did not finish within ${timeoutMs} ms in ${cwd}`));
      }, timeoutMs);
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        running.delete(child);
        resolve({ status, stdout, stderr });
      });
    });
  } finally {
    release();
  }
}

/** Kills whatever a failed test left running. */
export function killRunning(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Runs the real ESLint CLI of one major in a project directory. */
export function runEslint(eslint: EslintMajor, cwd: string, args: readonly string[]): Promise<RunResult> {
  return runNode(path.join(eslint.packageDir, 'bin/eslint.js'), args, cwd);
}
