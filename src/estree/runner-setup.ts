import fs from 'node:fs';
import path from 'node:path';

/**
 * Setup modules a test runner loads before every test file, read from the runner's configuration
 * near the file: Jest's `setupFiles` and `setupFilesAfterEnv`, Vitest's `setupFiles`, Mocha's
 * `require` and `file`. Hooks they register are invisible in the test file itself, so a rule that
 * would claim a file lacks some hook must ask about these modules first.
 *
 * The configuration is read as text (it may be code), so the answer is `unknown` when a setup key
 * is there but its entries are not plain strings.
 */
export type RunnerSetup = { readonly modules: readonly string[] } | 'unknown';

const CONFIG_FILES = [
  'jest.config.js', 'jest.config.ts', 'jest.config.mjs', 'jest.config.cjs', 'jest.config.json',
  'vitest.config.ts', 'vitest.config.js', 'vitest.config.mts', 'vitest.config.mjs', 'vitest.config.cts', 'vitest.config.cjs',
  'vitest.workspace.ts', 'vitest.workspace.js', 'vite.config.ts', 'vite.config.js', 'vite.config.mts', 'vite.config.mjs',
  '.mocharc.js', '.mocharc.cjs', '.mocharc.json', '.mocharc.jsonc', '.mocharc.yml', '.mocharc.yaml',
];
/** Keys whose entries run inside every test file's context (Jest's `globalSetup` runs elsewhere and registers no hooks). */
const SETUP_KEY = /(?:^|[\s{,"'])(?:setupFilesAfterEnv|setupFilesAfterEach|setupFiles|require|file)["']?\s*[:=]\s*/g;
const STRING = /(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/y;

/**
 * How long an answer is trusted before it is checked against the disk again (an editor session
 * outlives edits). A directory's reading is then checked by the stamps of what it was read from
 * (the directory itself, for files added or removed, and each file read), and read again only when
 * one of them changed.
 */
const FRESH_FOR_MS = 2000;

/** A value read from disk, with when it was last known to be current. */
type Timed<T> = Map<string, { at: number; readonly value: T }>;

/**
 * The value cached under `key` while it is fresh, or while `current` says it still holds; else a
 * new reading of it.
 */
function freshOr<T>(cache: Timed<T>, key: string, read: (key: string) => T, current?: (value: T) => boolean): T {
  const cached = cache.get(key);
  const now = Date.now();
  if (cached && now - cached.at < FRESH_FOR_MS) return cached.value;
  if (cached && current?.(cached.value)) {
    cached.at = now;
    return cached.value;
  }
  const value = read(key);
  cache.set(key, { at: now, value });
  return value;
}

const byDirectory: Timed<DirectorySetup> = new Map();

/**
 * The setup modules of the runner configuration that governs a file, as absolute paths (project
 * files) or package names, gathered from every configuration between the file and its project root.
 */
export function runnerSetupOf(filename: string): RunnerSetup {
  // Text that is not a file on disk (an editor buffer not yet saved, a test snippet) has no runner around it.
  if (!path.isAbsolute(filename) || !fs.existsSync(filename)) return { modules: [] };
  return freshOr(byFileDirectory, path.dirname(path.resolve(filename)), setupUpFrom);
}

/** What {@link runnerSetupOf} answers for the files of one directory, trusted as long as one directory's configuration. */
const byFileDirectory: Timed<RunnerSetup> = new Map();

function setupUpFrom(start: string): RunnerSetup {
  const modules: string[] = [];
  for (let directory = start; ; directory = path.dirname(directory)) {
    const { setup, root } = setupIn(directory);
    if (setup === 'unknown') return 'unknown';
    modules.push(...setup.modules);
    if (root || path.dirname(directory) === directory) break;
  }
  return { modules };
}

/** Configuration files that say which runner a project uses: `jest.config.ts`, `vitest.config.mts`, `.mocharc.yml`. */
const RUNNER_CONFIG = /^(?:(jest|vitest)\.(?:config|workspace)\.(?:[cm]?[jt]s|json)|\.(mocharc)\.(?:[cm]?js|jsonc?|ya?ml))$/;
/** Runners whose hooks are named `beforeAll`/`afterAll`, and those whose are `before`/`after`. */
const JEST_LIKE_RUNNERS: ReadonlySet<string> = new Set(['jest', 'vitest', 'jasmine']);
const MOCHA_LIKE_RUNNERS: ReadonlySet<string> = new Set(['mocha', 'zunit']);
const RUNNER_PACKAGES: ReadonlySet<string> = new Set([...JEST_LIKE_RUNNERS, ...MOCHA_LIKE_RUNNERS]);

/** The runners a package.json depends on, or starts in its `test` script. */
function manifestRunners(text: string): string[] {
  let manifest: Record<string, unknown> | null;
  try {
    manifest = JSON.parse(text) as Record<string, unknown> | null;
  } catch {
    return [];
  }
  if (typeof manifest !== 'object' || manifest === null) return [];
  const found = new Set<string>();
  for (const section of ['dependencies', 'devDependencies']) {
    const dependencies = manifest[section];
    if (typeof dependencies !== 'object' || dependencies === null) continue;
    for (const name of Object.keys(dependencies)) if (RUNNER_PACKAGES.has(name)) found.add(name);
  }
  const scripts = manifest['scripts'];
  const test = typeof scripts === 'object' && scripts !== null ? (scripts as Record<string, unknown>)['test'] : undefined;
  if (typeof test === 'string') for (const word of test.toLowerCase().split(/[^a-z]+/)) if (RUNNER_PACKAGES.has(word)) found.add(word);
  return [...found];
}

/**
 * The hook names the project around a file declares through its runner, from the nearest directory
 * that names one (up to the repository's root): `jest` for Jest, Vitest or Jasmine, `bdd` for Mocha
 * or zUnit, `null` when it names none, or runners of both kinds.
 */
export function declaredHookNamesOf(filename: string): 'jest' | 'bdd' | null {
  if (!path.isAbsolute(filename)) return null;
  for (let directory = path.dirname(path.resolve(filename)); ; directory = path.dirname(directory)) {
    const { runners, repository } = setupIn(directory);
    if (runners.length > 0) {
      const jestLike = runners.some((runner) => JEST_LIKE_RUNNERS.has(runner));
      const mochaLike = runners.some((runner) => MOCHA_LIKE_RUNNERS.has(runner));
      return jestLike === mochaLike ? null : jestLike ? 'jest' : 'bdd';
    }
    if (repository || path.dirname(directory) === directory) return null;
  }
}

/** Files that make a directory a project's root: its manifest or its ESLint configuration. */
const ROOT_MARKERS = ['package.json', 'eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

interface DirectorySetup {
  readonly setup: RunnerSetup;
  /** Whether the directory is a project's root, where the search for configuration stops. */
  readonly root: boolean;
  /** The test runners the directory declares: by a configuration file, or in its package.json. */
  readonly runners: readonly string[];
  /** Whether the directory holds a repository (`.git`), above which no runner is looked for. */
  readonly repository: boolean;
  /** The stamps of the directory and of each file read from it, when it was read. */
  readonly stamps: ReadonlyArray<readonly [file: string, stamp: string | null]>;
}

function setupIn(directory: string): DirectorySetup {
  return freshOr(byDirectory, directory, readSetup, isUnchanged);
}

/** Whether nothing a directory's reading came from has changed since: no file added, removed or edited. */
function isUnchanged(reading: DirectorySetup): boolean {
  for (const [file, stamp] of reading.stamps) if (stampOf(file) !== stamp) return false;
  return true;
}

/** A file's or directory's modification time and size, or `null` when it is not there. */
function stampOf(file: string): string | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.mtimeMs}:${stat.size}` : null;
}

/** The directory's configuration, from one listing of it: only the files that are there are read. */
function readSetup(directory: string): DirectorySetup {
  const stamps: Array<readonly [string, string | null]> = [[directory, stampOf(directory)]];
  let names: Set<string>;
  try {
    names = new Set(fs.readdirSync(directory));
  } catch {
    return { setup: { modules: [] }, root: false, runners: [], repository: false, stamps };
  }
  const root = ROOT_MARKERS.some((name) => names.has(name));
  const repository = names.has('.git');
  const runners = new Set<string>();
  for (const name of names) {
    const match = RUNNER_CONFIG.exec(name);
    if (match) runners.add(match[1] ?? 'mocha');
  }
  const read = (name: string): string | null => {
    if (!names.has(name)) return null;
    const file = path.join(directory, name);
    stamps.push([file, stampOf(file)]);
    return readText(file);
  };
  const modules: string[] = [];
  for (const name of CONFIG_FILES) {
    const text = read(name);
    if (text === null) continue;
    const found = setupEntries(text, /\.ya?ml$/.test(name));
    if (found === 'unknown') return { setup: 'unknown', root, runners: [...runners], repository, stamps };
    modules.push(...found.map((entry) => toModule(entry, directory)));
  }
  const manifest = read('package.json');
  if (manifest !== null) {
    for (const runner of manifestRunners(manifest)) runners.add(runner);
    const found = manifestEntries(manifest);
    if (found === 'unknown') return { setup: 'unknown', root, runners: [...runners], repository, stamps };
    modules.push(...found.map((entry) => toModule(entry, directory)));
  }
  return { setup: { modules }, root, runners: [...runners], repository, stamps };
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The string entries of each setup key in configuration text; `unknown` when an entry is computed. */
function setupEntries(text: string, yaml: boolean): string[] | 'unknown' {
  const entries: string[] = [];
  for (const match of text.matchAll(SETUP_KEY)) {
    let index = (match.index ?? 0) + match[0].length;
    if (yaml && text[index] !== '[' && text[index] !== '"' && text[index] !== "'") {
      // `require: ts-node/register` or a list of `- item` lines.
      const items = /^(?:-[ \t]*[^\s#]+[ \t]*(?:#.*)?\s*)+|^[^\s#]+/.exec(text.slice(index));
      if (items) entries.push(...items[0].split('\n').map((line) => line.replace(/#.*/, '').replace(/^\s*-?\s*/, '').trim()).filter((item) => item !== ''));
      continue;
    }
    const bracketed = text[index] === '[';
    if (bracketed) index++;
    for (;;) {
      while (/[\s,]/.test(text[index] ?? '')) index++;
      if (bracketed && text[index] === ']') break;
      STRING.lastIndex = index;
      const string = STRING.exec(text);
      if (!string || (string[1] === '`' && (string[2] as string).includes('${'))) return 'unknown';
      entries.push(string[2] as string);
      index += string[0].length;
      if (!bracketed) break;
    }
  }
  return entries;
}

/** Setup entries of the `jest` and `mocha` sections of a `package.json`. */
function manifestEntries(text: string): string[] | 'unknown' {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return [];
  }
  const entries: string[] = [];
  for (const section of ['jest', 'mocha'] as const) {
    const config = (manifest as Record<string, unknown> | null)?.[section];
    if (!config || typeof config !== 'object') continue;
    for (const key of ['setupFiles', 'setupFilesAfterEnv', 'require', 'file']) {
      const value = (config as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const list = Array.isArray(value) ? value : [value];
      if (!list.every((item): item is string => typeof item === 'string')) return 'unknown';
      entries.push(...list);
    }
  }
  return entries;
}

/** A project file as an absolute path, or a package name as written. */
function toModule(entry: string, directory: string): string {
  const local = entry.replace(/^<rootDir>/, '.');
  const looksLikeFile = /^[./]/.test(local) || /\.[cm]?[jt]sx?$/.test(local);
  return looksLikeFile ? path.resolve(directory, local) : entry;
}
