import type { ESLint } from 'eslint';
import { buildConfigs, type CreatedConfigs, type PluginConfigs } from './configs';
import type { CreateConfigsOptions } from './configs-options';
import { DEFAULT_LAYER_GLOBS } from './core/layers';
import { rules as ruleList } from './rules';
import { type IntegrationTestsSettings, parseSettings, SETTINGS_KEY } from './settings';

// Read at run time so the version is the published one, without copying package.json into dist.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

const NAMESPACE = 'integration-tests';

/**
 * The rules typed as the user's ESLint types a plugin's rules. They are written with typescript-eslint,
 * whose rule type does not fit `plugins: { ... }` in a typed config, and neither does ESLint 9's own
 * `Rule.RuleModule`; `ESLint.Plugin['rules']` fits `defineConfig` on every supported major.
 */
type PluginRules = { readonly [Name in keyof typeof ruleList]: NonNullable<ESLint.Plugin['rules']>[string] };

interface IntegrationTestsPlugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: PluginRules;
  readonly configs: PluginConfigs;
  /**
   * The same configs for a project whose layers live elsewhere, or whose rules need options:
   * `...plugin.createConfigs({ integration: ['src/**\/*.itest.ts'], rules: { 'no-boundary-mock': { allow: ['stripe'] } } }).recommended`.
   * A layer given here replaces its defaults and wins over every default layer; `[]` means no files.
   * The result also holds `layers`: each layer's `files` and `ignores` globs. The configs' blocks
   * write the brace lists in them as extglobs (`@(test|spec)` for `{test,spec}`): the same files, matched faster.
   */
  readonly createConfigs: (options?: CreateConfigsOptions) => CreatedConfigs;
  /**
   * The plugin's settings, typed and checked where they are written:
   * `{ settings: plugin.defineSettings({ boundaries: { database: ['src/db/**'] } }) }`.
   * Returns `{ 'integration-tests': settings }`; a wrong shape is a type error and throws here.
   */
  readonly defineSettings: (settings: IntegrationTestsSettings) => { readonly [SETTINGS_KEY]: IntegrationTestsSettings };
  /** The default globs of each layer, for users who extend them rather than replace them. */
  readonly layerGlobs: typeof DEFAULT_LAYER_GLOBS;
  /** The key under `settings` that the plugin reads. */
  readonly settingsKey: typeof SETTINGS_KEY;
}

const meta = { name, version, namespace: NAMESPACE };
const rules = ruleList as unknown as PluginRules;
const configs = {} as { -readonly [K in keyof PluginConfigs]: PluginConfigs[K] };
const layerGlobs = DEFAULT_LAYER_GLOBS;
const settingsKey = SETTINGS_KEY;

const createConfigs: IntegrationTestsPlugin['createConfigs'] = (options = {}) =>
  buildConfigs(NAMESPACE, plugin satisfies ESLint.Plugin, ruleList, options);

const defineSettings: IntegrationTestsPlugin['defineSettings'] = (settings) => {
  parseSettings(settings);
  return { [SETTINGS_KEY]: settings };
};

const plugin: IntegrationTestsPlugin = { meta, rules, configs, createConfigs, defineSettings, layerGlobs, settingsKey };
const defaults = createConfigs({});
Object.assign(configs, { recommended: defaults.recommended, strict: defaults.strict });

export = plugin;

// Never runs. Node finds the named exports of a CommonJS module by reading its source, and it cannot
// see through `module.exports = plugin`; this literal lists the names so that
// `import { configs } from 'eslint-plugin-integration-tests'` works as TypeScript says it does.
// eslint-disable-next-line @typescript-eslint/no-unused-expressions, no-constant-binary-expression
0 && (module.exports = { meta, rules, configs, createConfigs, defineSettings, layerGlobs, settingsKey });
