import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunnerProject } from './layer-suggestions';

/** The test-runner projects found in a directory, and a note for each config that could not be read. */
export interface RunnerProjects {
  readonly projects: readonly RunnerProject[];
  readonly notes: readonly string[];
}

const JEST_CONFIGS = ['jest.config.json', 'jest.config.js', 'jest.config.cjs', 'jest.config.mjs', 'jest.config.ts', 'jest.config.mts', 'jest.config.cts'];
const VITEST_CONFIGS = ['vitest.config', 'vite.config', 'vitest.workspace', 'vitest.projects'].flatMap((base) =>
  ['json', 'js', 'mjs', 'cjs', 'ts', 'mts', 'cts'].map((ext) => `${base}.${ext}`),
);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** Runs a config module the way its runner would: JSON is read, JavaScript imported, TypeScript loaded with the project's jiti. */
async function loadConfig(cwd: string, file: string): Promise<unknown> {
  const full = path.join(cwd, file);
  if (file.endsWith('.json')) return JSON.parse(readFileSync(full, 'utf8')) as unknown;
  let loaded: unknown;
  // Node.js strips types itself from 22.18 on; before that, a TypeScript config needs the project's jiti.
  const nodeStripsTypes = (process.features as { typescript?: string | false }).typescript;
  if (/\.[cm]?ts$/.test(file) && !nodeStripsTypes) {
    let createJiti: (from: string) => { import: (id: string, options?: { default?: boolean }) => Promise<unknown> };
    try {
      ({ createJiti } = createRequire(full)('jiti') as { createJiti: typeof createJiti });
    } catch {
      throw new Error('reading a TypeScript config needs jiti (npm install --save-dev jiti)');
    }
    loaded = await createJiti(full).import(full, { default: true });
  } else {
    const module = (await import(pathToFileURL(full).href)) as { default?: unknown };
    loaded = module.default ?? module;
  }
  return typeof loaded === 'function' ? await (loaded as () => unknown)() : loaded;
}

/** A Jest glob relative to the project: `<rootDir>` and a project's own `rootDir` resolved. */
function jestGlob(glob: string, rootDir: string): string {
  const rooted = glob.replace(/^<rootDir>\/?/, rootDir ? `${rootDir}/` : '');
  return rooted.replace(/^\.\//, '');
}

function jestProjects(config: unknown): RunnerProject[] {
  if (!isObject(config) || !Array.isArray(config.projects)) return [];
  return config.projects.filter(isObject).flatMap((project) => {
    const display = project.displayName;
    const name = typeof display === 'string' ? display : isObject(display) && typeof display.name === 'string' ? display.name : undefined;
    if (!name) return [];
    const rootDir = typeof project.rootDir === 'string' ? project.rootDir.replace(/^<rootDir>\/?/, '').replace(/^\.\/?/, '').replace(/\/$/, '') : '';
    return [{ runner: 'Jest', name, globs: strings(project.testMatch).map((glob) => jestGlob(glob, rootDir)) }];
  });
}

function vitestProject(entry: unknown): RunnerProject[] {
  if (!isObject(entry) || !isObject(entry.test)) return [];
  const { name, include } = entry.test;
  const label = typeof name === 'string' ? name : isObject(name) && typeof name.label === 'string' ? name.label : undefined;
  return label ? [{ runner: 'Vitest', name: label, globs: strings(include).map((glob) => glob.replace(/^\.\//, '')) }] : [];
}

function vitestProjects(config: unknown): RunnerProject[] {
  if (Array.isArray(config)) return config.flatMap(vitestProject);
  if (!isObject(config) || !isObject(config.test)) return [];
  const list = config.test.projects ?? config.test.workspace;
  return Array.isArray(list) ? list.flatMap(vitestProject) : [];
}

/** Jest `projects` and Vitest `projects` or workspace entries of the project in `cwd`. */
export async function findRunnerProjects(cwd: string): Promise<RunnerProjects> {
  const projects: RunnerProject[] = [];
  const notes: string[] = [];
  try {
    const manifest = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { jest?: unknown };
    projects.push(...jestProjects(manifest.jest));
  } catch {
    // No package.json, or one that is not JSON: no Jest config there to read.
  }
  for (const [files, read] of [[JEST_CONFIGS, jestProjects], [VITEST_CONFIGS, vitestProjects]] as const) {
    for (const file of files.filter((name) => existsSync(path.join(cwd, name)))) {
      try {
        projects.push(...read(await loadConfig(cwd, file)));
      } catch (error) {
        notes.push(`${file} was not read, so its projects are not suggested: ${firstLine(error)}`);
      }
    }
  }
  return { projects, notes };
}

/** The first line of an error's message. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}
