import picomatch from 'picomatch';
import { layerFiles } from '../configs';
import { DEFAULT_LAYER_GLOBS, LAYERS, type Layer } from '../core/layers';

const fileCount = (count: number) => (count === 1 ? '1 file' : `${count} files`);

/** The extension part of a glob for the given files: `ts`, or `{js,ts}` when they differ. */
function extensionsOf(found: readonly string[]): string {
  const extensions = [...new Set(found.map((file) => file.slice(file.lastIndexOf('.') + 1)))].sort();
  return extensions.length === 1 ? extensions[0]! : `{${extensions.join(',')}}`;
}
const TEST_NAME = /(?:[._-](?:test|spec)|[.-](?:e2e|int|integration)-spec)\.[cm]?[jt]sx?$/;
const JEST_TEST_DIR = /(?:^|\/)__tests__\//;

/**
 * Whether a file (a path relative to the project, with `/`) looks like a test: by its name, or by a
 * `__tests__` folder. Other files in test folders are mostly helpers, fixtures and setup, so a plain
 * `test/` folder is not enough.
 */
export function looksLikeTest(file: string): boolean {
  return !file.split('/').includes('node_modules') && (TEST_NAME.test(file) || JEST_TEST_DIR.test(file));
}

/** A test-runner project (Jest `projects`, Vitest `projects` or workspace) with the globs it runs. */
export interface RunnerProject {
  readonly runner: string;
  readonly name: string;
  readonly globs: readonly string[];
}

/** A convention found in the project, and the layer globs it implies. */
export interface Convention {
  /** What was recognised and why, in one line. */
  readonly reason: string;
  readonly layers: Partial<Record<Layer, readonly string[]>>;
}

export interface Suggestion {
  readonly conventions: readonly Convention[];
  /** The argument for `createConfigs`, empty when nothing needs to change. */
  readonly createConfigs: Partial<Record<Layer, readonly string[]>>;
}

/** The layer a runner project's name stands for, if it names one. */
export function layerOfName(name: string): Layer | undefined {
  const words = name.toLowerCase().split(/[^a-z0-9]+/);
  if (words.includes('unit')) return 'unit';
  if (words.some((word) => word === 'integration' || word === 'int' || word === 'it')) return 'integration';
  if (words.some((word) => word === 'e2e' || word === 'acceptance' || word === 'api' || word === 'functional')) return 'acceptance';
  return undefined;
}

function matcher(globs: readonly string[]): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const match = picomatch([...globs], { dot: true });
  return (file) => match(file);
}

/** Which layer a file lands in under `createConfigs(given)`, by the same precedence the configs use. */
export function layerUnder(given: Partial<Record<Layer, readonly string[]>>): (file: string) => Layer | undefined {
  const layers = layerFiles(given);
  const tests = LAYERS.map((layer) => ({ layer, files: matcher(layers[layer].files), ignores: matcher(layers[layer].ignores) }));
  return (file) => tests.find((test) => test.files(file) && !test.ignores(file))?.layer;
}

function add(into: Partial<Record<Layer, string[]>>, layer: Layer, globs: readonly string[]): void {
  const list = (into[layer] ??= []);
  for (const glob of globs) if (!list.includes(glob)) list.push(glob);
}

/**
 * The conventions found among a project's files, and one `createConfigs` argument that applies them
 * all. `files` are every linted file (relative, with `/`); `layerOf` is where each lands today;
 * `dependencies` are the package.json's dependency names.
 */
export function suggestLayers(options: {
  readonly files: readonly string[];
  readonly layerOf: (file: string) => Layer | undefined;
  readonly dependencies: ReadonlySet<string>;
  readonly runnerProjects: readonly RunnerProject[];
}): Suggestion {
  const { files, layerOf } = options;
  const unlayered = files.filter((file) => looksLikeTest(file) && layerOf(file) === undefined);
  const conventions: Convention[] = [];
  const count = (glob: string) => {
    const match = matcher([glob]);
    return unlayered.filter((file) => match(file)).length;
  };

  const isNest = options.dependencies.has('@nestjs/core') || options.dependencies.has('@nestjs/testing');
  if (isNest) conventions.push(...nestConvention(files, unlayered, layerOf));
  const dashed = `**/*.{int,integration}-spec.${extensionsOf(unlayered.filter((file) => /[.](?:int|integration)-spec[.]/.test(file)))}`;
  if (count(dashed) > 0) {
    conventions.push({ reason: `*.int-spec and *.integration-spec files are integration tests (${fileCount(count(dashed))})`, layers: { integration: [dashed] } });
  }
  const jestFolders = `**/__tests__/**/*.${extensionsOf(unlayered.filter((file) => file.includes('__tests__/')))}`;
  if (count(jestFolders) > 0) {
    conventions.push({ reason: `Files in __tests__ folders are unit tests unless their name or folder says otherwise (${fileCount(count(jestFolders))})`, layers: { unit: [jestFolders] } });
  }
  for (const project of options.runnerProjects) {
    const layer = layerOfName(project.name);
    if (!layer || project.globs.length === 0) continue;
    conventions.push({ reason: `${project.runner} project "${project.name}" runs ${layer} tests: ${project.globs.join(', ')}`, layers: { [layer]: project.globs } });
  }

  const suggested: Partial<Record<Layer, string[]>> = {};
  for (const convention of conventions) {
    for (const layer of LAYERS) {
      const globs = convention.layers[layer];
      if (globs) add(suggested, layer, globs);
    }
  }
  keepLayeredFiles(files, layerOf, suggested);
  return { conventions, createConfigs: suggested };
}

/** NestJS keeps unit tests beside the code as `src/**\/*.spec.ts` and end-to-end tests in `test/**\/*.e2e-spec.ts`. */
function nestConvention(files: readonly string[], unlayered: readonly string[], layerOf: (file: string) => Layer | undefined): Convention[] {
  const units = unlayered.filter((file) => /(?:^|\/)src\/(?:.+\/)?[^/]+\.spec\.[^./]+$/.test(file));
  const ends = files.filter((file) => /(?:^|\/)test\/(?:.+\/)?[^/]+\.e2e-spec\.[^./]+$/.test(file));
  const endsElsewhere = ends.filter((file) => layerOf(file) !== 'acceptance');
  if (units.length === 0 && endsElsewhere.length === 0) return [];
  // One app keeps them at the root; a monorepo keeps them in each app's folder.
  const under = (folder: string, found: readonly string[]) => (found.every((file) => file.startsWith(`${folder}/`)) ? folder : `**/${folder}`);
  const parts: string[] = [];
  const layers: Partial<Record<Layer, readonly string[]>> = {};
  if (units.length > 0) {
    parts.push(`*.spec files beside the code under src/ are unit tests (${fileCount(units.length)})`);
    layers.unit = [`${under('src', units)}/**/*.spec.${extensionsOf(units)}`];
  }
  if (endsElsewhere.length > 0) {
    parts.push(`test/**/*.e2e-spec files are acceptance tests (${fileCount(endsElsewhere.length)})`);
    layers.acceptance = [`${under('test', endsElsewhere)}/**/*.e2e-spec.${extensionsOf(endsElsewhere)}`];
  } else if (ends.length > 0) {
    parts.push(`the test/**/*.e2e-spec files are acceptance tests already (${fileCount(ends.length)})`);
  }
  return [{ reason: `NestJS: ${parts.join('; ')}`, layers }];
}

/**
 * A suggestion is for files in no layer: a file that already lands in a layer keeps it. Where the
 * suggested globs would move one (a layer given to `createConfigs` wins over the defaults), that
 * layer's default globs are added to the suggestion, until nothing more can be kept.
 */
function keepLayeredFiles(files: readonly string[], layerOf: (file: string) => Layer | undefined, suggested: Partial<Record<Layer, string[]>>): void {
  const defaults = layerUnder({});
  for (let round = 0; round < LAYERS.length + 1; round += 1) {
    const after = layerUnder(suggested);
    const moved = files.filter((file) => layerOf(file) !== undefined && layerOf(file) === defaults(file) && after(file) !== layerOf(file));
    if (moved.length === 0) return;
    for (const file of moved) add(suggested, layerOf(file)!, DEFAULT_LAYER_GLOBS[layerOf(file)!]);
  }
}
