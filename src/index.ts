import type { TSESLint } from '@typescript-eslint/utils';
import { buildConfigs, type LayerGlobs, type PluginConfigs } from './configs';
import { DEFAULT_LAYER_GLOBS } from './core/layers';
import { rules } from './rules';
import { SETTINGS_KEY } from './settings';

// Read at run time so the version is the published one, without copying package.json into dist.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

const NAMESPACE = 'integration-tests';

interface IntegrationTestsPlugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: typeof rules & Record<string, TSESLint.LooseRuleDefinition>;
  readonly configs: PluginConfigs;
  /**
   * The same configs for a project whose layers live elsewhere:
   * `...plugin.createConfigs({ integration: ['src/**\/*.itest.ts'] }).recommended`.
   */
  readonly createConfigs: (layers: LayerGlobs) => PluginConfigs;
  /** The default globs of each layer, for users who extend them rather than replace them. */
  readonly layerGlobs: typeof DEFAULT_LAYER_GLOBS;
  /** The key under `settings` that the plugin reads. */
  readonly settingsKey: typeof SETTINGS_KEY;
}

const configs = {} as { -readonly [K in keyof PluginConfigs]: PluginConfigs[K] };

const plugin: IntegrationTestsPlugin = {
  meta: { name, version, namespace: NAMESPACE },
  rules,
  configs,
  layerGlobs: DEFAULT_LAYER_GLOBS,
  settingsKey: SETTINGS_KEY,
  createConfigs: (layers) => buildConfigs(NAMESPACE, plugin as unknown as TSESLint.FlatConfig.Plugin, rules, layers),
};
Object.assign(configs, plugin.createConfigs({}));

export = plugin;
