import type { ESLint as ESLintClass, Linter, Rule } from 'eslint';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_LAYER_GLOBS, type Layer } from '../core/layers';
import { UsageError } from './command';

/** The plugin's rule-id prefix, as its configs register it. */
export const NAMESPACE = 'integration-tests';
/** The prefix of the rule the commands add to the user's config to read a file's facts. */
const COLLECTOR_PLUGIN = 'integration-tests-cli';

type ESLintConstructor = new (options: ESLintClass.Options) => ESLintClass;

/** Loads a package the way the user's project would, from its own `node_modules`. */
export function requireFromProject<T>(cwd: string, name: string, purpose: string): T {
  const projectRequire = createRequire(path.join(cwd, 'package.json'));
  try {
    return projectRequire(name) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(`'${name}'`)) {
      throw new UsageError(`cannot find "${name}" in ${cwd}; install it in the project (${purpose}).`);
    }
    throw error;
  }
}

/** A rule the commands run alongside the user's config, to read what they need from a file. */
export type Collector = Rule.RuleModule;

/** The severity of a configured rule entry, as a number. */
function severityOf(entry: unknown): number {
  const value = Array.isArray(entry) ? entry[0] : entry;
  if (value === 'error' || value === 2) return 2;
  if (value === 'warn' || value === 1) return 1;
  return 0;
}

/** The user's project as the commands see it: its root, its ESLint and its config. */
export class Project {
  private readonly eslint: ESLintClass;
  private readonly configs = new Map<string, Promise<Linter.Config | undefined>>();

  private constructor(
    readonly root: string,
    private readonly ESLint: ESLintConstructor,
  ) {
    this.eslint = new ESLint({ cwd: root });
  }

  /** Opens the project whose root is `cwd`, with the ESLint it has installed. */
  static open(cwd: string): Project {
    const root = realpathSync(cwd);
    const { ESLint } = requireFromProject<{ ESLint: ESLintConstructor }>(root, 'eslint', 'the commands read your ESLint config');
    return new Project(root, ESLint);
  }

  /** An absolute path for a path given on the command line; refuses one outside the project. */
  resolve(given: string, cwd: string): string {
    const absolute = path.resolve(existsSync(cwd) ? realpathSync(cwd) : cwd, given);
    const relative = path.relative(this.root, absolute);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new UsageError(`${given} is outside the project at ${this.root}.`);
    }
    return absolute;
  }

  /** A path relative to the project root, with forward slashes, for messages and globs. */
  relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  /** The config ESLint computes for a file (which need not exist), or `undefined` when no config covers it. */
  configFor(file: string): Promise<Linter.Config | undefined> {
    let config = this.configs.get(file);
    if (!config) {
      config = this.eslint.calculateConfigForFile(file) as Promise<Linter.Config | undefined>;
      this.configs.set(file, config);
    }
    return config;
  }

  /** Whether the plugin's rule is on for a file, and its options. */
  async ruleFor(file: string, rule: string): Promise<{ on: boolean; options: unknown[] }> {
    const entry = (await this.configFor(file))?.rules?.[`${NAMESPACE}/${rule}`];
    return { on: severityOf(entry) > 0, options: Array.isArray(entry) ? entry.slice(1) : [] };
  }

  /** The file's layer as the plugin's configs set it: `integration` and `unit` by the rules they turn on. */
  async layerOf(file: string): Promise<Layer | null> {
    if ((await this.ruleFor(file, 'one-boundary-per-file')).on || (await this.ruleFor(file, 'no-endpoint-calls')).on) return 'integration';
    if ((await this.ruleFor(file, 'no-infrastructure-in-unit-tests')).on) return 'unit';
    return null;
  }

  /** Lints a text as the file at `file` (which need not exist), with the user's config and, if given, a collector rule. */
  async lint(file: string, text: string, collector?: Collector): Promise<Linter.LintMessage[]> {
    const eslint = collector
      ? new this.ESLint({
          cwd: this.root,
          overrideConfig: [
            {
              plugins: { [COLLECTOR_PLUGIN]: { rules: { collect: collector } } },
              rules: { [`${COLLECTOR_PLUGIN}/collect`]: 'error' },
            },
          ],
        })
      : this.eslint;
    const [result] = await eslint.lintText(text, { filePath: file, warnIgnored: false });
    return result?.messages ?? [];
  }

  /**
   * The globs of the acceptance layer: the `files` of the plugin's acceptance blocks in the user's
   * config (named `integration-tests/<config>/acceptance`), or the plugin's defaults when the config
   * has none or cannot be read here.
   */
  async acceptanceGlobs(): Promise<readonly string[]> {
    const configFile = await this.eslint.findConfigFile().catch(() => undefined);
    if (configFile && existsSync(configFile)) {
      try {
        const loaded = (await import(pathToFileURL(configFile).href)) as { default?: unknown };
        const globs = acceptanceGlobsIn(await loaded.default);
        if (globs.length > 0) return globs;
      } catch {
        // A config written in a form Node cannot import by itself (TypeScript): keep the defaults.
      }
    }
    return DEFAULT_LAYER_GLOBS.acceptance;
  }
}

const ACCEPTANCE_BLOCK = new RegExp(`^${NAMESPACE}/[^/]+/acceptance$`);

/** The `files` globs of the acceptance blocks in a flat config (arrays nested at any depth). */
export function acceptanceGlobsIn(config: unknown): string[] {
  const globs: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const block = value as { name?: unknown; files?: unknown };
    if (typeof block.name !== 'string' || !ACCEPTANCE_BLOCK.test(block.name) || !Array.isArray(block.files)) return;
    for (const glob of block.files.flat()) if (typeof glob === 'string' && !globs.includes(glob)) globs.push(glob);
  };
  visit(config);
  return globs;
}
