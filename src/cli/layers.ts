import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ESLint as ESLintClass } from 'eslint';
import { LAYER_SETTING } from '../configs';
import { LAYERS, type Layer } from '../core/layers';
import { type Command, UsageError } from './command';
import { looksLikeTest, suggestLayers, type Suggestion } from './layer-suggestions';
import { findRunnerProjects, firstLine } from './runner-projects';

const LINTABLE = /\.[cm]?[jt]sx?$/;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const EXAMPLES = 3;
const LISTED_UNLAYERED = 10;

const usage = `Usage: npx eslint-plugin-integration-tests layers [paths...] [--config <file>] [--format text|json]

Shows which layer each file lands in, as your own ESLint config decides it: each layer with its
file count and a few examples, the files that look like tests but are in no layer, and the
createConfigs globs for the conventions found (NestJS, *.int-spec files, __tests__ folders,
Jest or Vitest projects named after a layer).

  paths            files or folders to look at (default: the current folder)
  --config <file>  the ESLint config file to use, as eslint --config
  --format json    print the same as JSON

Exits with 1 when no file lands in any layer, and 2 on bad input.`;

interface Options {
  readonly paths: readonly string[];
  readonly config: string | undefined;
  readonly format: 'text' | 'json';
}

function parseArgs(args: readonly string[]): Options {
  const paths: string[] = [];
  let config: string | undefined;
  let format: Options['format'] = 'text';
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const value = () => {
      const next = args[index + 1];
      if (next === undefined || next.startsWith('-')) throw new UsageError(`${arg} needs a value.`);
      index += 1;
      return next;
    };
    if (arg === '--config' || arg === '-c') config = value();
    else if (arg === '--format' || arg === '-f') {
      const given = value();
      if (given !== 'text' && given !== 'json') throw new UsageError(`--format must be text or json, not "${given}".`);
      format = given;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}; run with --help for the options.`);
    else paths.push(arg);
  }
  return { paths: paths.length > 0 ? paths : ['.'], config, format };
}

type ESLintModule = { ESLint: typeof ESLintClass };

/** The project's own ESLint (the plugin's peer), or the one beside the plugin. */
function loadEslint(cwd: string): ESLintModule {
  for (const from of [path.join(cwd, 'package.json'), __filename]) {
    try {
      return createRequire(from)('eslint') as ESLintModule;
    } catch {
      // Try the next place.
    }
  }
  throw new UsageError('ESLint is not installed here: npm install --save-dev eslint.');
}

/** Every file under the given paths that ESLint could lint, relative to `cwd` with `/`, sorted. */
function listFiles(cwd: string, paths: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (full: string) => {
    for (const entry of readdirSync(full, { withFileTypes: true })) {
      const child = path.join(full, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(child);
      } else if (entry.isFile() && LINTABLE.test(entry.name)) {
        found.add(child);
      }
    }
  };
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      throw new UsageError(`${given}: no such file or folder.`);
    }
    if (stats.isDirectory()) walk(full);
    else found.add(full);
  }
  return [...found].map((file) => path.relative(cwd, file).split(path.sep).join('/')).sort();
}

function dependenciesOf(cwd: string): Set<string> {
  try {
    const manifest = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as Record<string, unknown>;
    return new Set(['dependencies', 'devDependencies', 'peerDependencies'].flatMap((key) => Object.keys((manifest[key] as object | null) ?? {})));
  } catch {
    return new Set();
  }
}

/** What the command found, as `--format json` prints it. */
interface Report {
  readonly config: string;
  readonly files: number;
  readonly layers: Record<Layer, { readonly count: number; readonly files: readonly string[] }>;
  readonly unlayered: readonly string[];
  readonly conventions: Suggestion['conventions'];
  readonly createConfigs: Suggestion['createConfigs'];
  readonly notes: readonly string[];
}

/** The config file ESLint uses in `cwd`, relative to it; a one-line error when there is none. */
async function configFileOf(eslint: ESLintClass, cwd: string): Promise<string> {
  const found = await (eslint as { findConfigFile?: () => Promise<string | undefined> }).findConfigFile?.();
  if (found === undefined) throw new UsageError('no ESLint config file (eslint.config.js, .mjs, .cjs or .ts) in this folder or above it.');
  return path.relative(cwd, found).split(path.sep).join('/');
}

async function layerOfEachFile(eslint: ESLintClass, cwd: string, configFile: string, files: readonly string[]): Promise<Map<string, Layer | undefined>> {
  const layers = new Map<string, Layer | undefined>();
  for (const file of files) {
    const full = path.join(cwd, file);
    let config: { settings?: Record<string, unknown> } | undefined;
    try {
      if (await eslint.isPathIgnored(full)) continue;
      config = (await eslint.calculateConfigForFile(full)) as typeof config;
    } catch (error) {
      throw new UsageError(`could not load ${configFile}: ${firstLine(error)}`);
    }
    const layer = config?.settings?.[LAYER_SETTING];
    layers.set(file, (LAYERS as readonly unknown[]).includes(layer) ? (layer as Layer) : undefined);
  }
  return layers;
}

function formatText(report: Report): string {
  const lines = [`Of ${report.files} files that ${report.config} lints, these land in a layer:`, ''];
  const width = Math.max(...LAYERS.map((layer) => layer.length));
  for (const layer of LAYERS) {
    const { count, files } = report.layers[layer];
    const examples = files.slice(0, EXAMPLES).join(', ') + (count > EXAMPLES ? `, and ${count - EXAMPLES} more` : '');
    lines.push(`  ${layer.padEnd(width)}  ${String(count).padStart(4)}${examples ? `  ${examples}` : ''}`);
  }
  if (report.unlayered.length > 0) {
    lines.push('', `${report.unlayered.length} files look like tests but are in no layer:`);
    for (const file of report.unlayered.slice(0, LISTED_UNLAYERED)) lines.push(`  ${file}`);
    if (report.unlayered.length > LISTED_UNLAYERED) lines.push(`  and ${report.unlayered.length - LISTED_UNLAYERED} more`);
  }
  if (report.conventions.length > 0) {
    lines.push('', 'Conventions found:');
    for (const convention of report.conventions) lines.push(`  - ${convention.reason}`);
  }
  const suggested = LAYERS.filter((layer) => report.createConfigs[layer]);
  if (suggested.length > 0) {
    lines.push('', 'Suggested config (layers you leave out keep their defaults):', '', '  const { recommended } = integrationTests.createConfigs({');
    for (const layer of suggested) lines.push(`    ${layer}: [${report.createConfigs[layer]!.map((glob) => `'${glob}'`).join(', ')}],`);
    lines.push('  });', '  export default [...recommended];');
  }
  if (report.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const note of report.notes) lines.push(`  - ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

async function run(args: readonly string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const options = parseArgs(args);
  const { ESLint } = loadEslint(io.cwd);
  let eslint: ESLintClass;
  try {
    eslint = new ESLint({ cwd: io.cwd, ...(options.config ? { overrideConfigFile: options.config } : {}) });
  } catch (error) {
    throw new UsageError(`could not start ESLint: ${firstLine(error)}`);
  }
  const configFile = await configFileOf(eslint, io.cwd);
  const layerOf = await layerOfEachFile(eslint, io.cwd, configFile, listFiles(io.cwd, options.paths));
  const files = [...layerOf.keys()];
  const runners = await findRunnerProjects(io.cwd);
  const suggestion = suggestLayers({
    files,
    layerOf: (file) => layerOf.get(file),
    dependencies: dependenciesOf(io.cwd),
    runnerProjects: runners.projects,
  });
  const inLayer = (layer: Layer) => {
    const found = files.filter((file) => layerOf.get(file) === layer);
    return { count: found.length, files: found };
  };
  const layers: Report['layers'] = { unit: inLayer('unit'), integration: inLayer('integration'), acceptance: inLayer('acceptance') };
  const report: Report = {
    config: configFile,
    files: files.length,
    layers,
    unlayered: files.filter((file) => layerOf.get(file) === undefined && looksLikeTest(file)),
    conventions: suggestion.conventions,
    createConfigs: suggestion.createConfigs,
    notes: runners.notes,
  };
  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report));
  const layered = LAYERS.some((layer) => layers[layer].count > 0);
  if (!layered) {
    io.stderr(
      'eslint-plugin-integration-tests layers: no file lands in any layer. Spread integrationTests.configs.recommended (or createConfigs(...).recommended) into your ESLint config, with globs that match your tests.\n',
    );
  }
  return layered ? 0 : 1;
}

export const layers: Command = {
  summary: 'show which layer each file lands in, and suggest createConfigs globs',
  usage,
  run,
};
