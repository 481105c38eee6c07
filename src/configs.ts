import type { TSESLint } from '@typescript-eslint/utils';
import { DEFAULT_LAYER_GLOBS, LAYERS, type Layer } from './core/layers';
import type { ConfigName, IntegrationTestsDocs } from './util/create-rule';

/** Where each layer's files live. Any layer left out keeps its default globs. */
export type LayerGlobs = Partial<Record<Layer, readonly string[]>>;

export interface PluginConfigs {
  readonly recommended: TSESLint.FlatConfig.ConfigArray;
  readonly strict: TSESLint.FlatConfig.ConfigArray;
}

type AnyRule = { meta: { docs?: Partial<IntegrationTestsDocs> } };

const CONFIG_ORDER: readonly ConfigName[] = ['recommended', 'strict'];

function validateGlobs(layers: LayerGlobs): void {
  for (const [layer, globs] of Object.entries(layers)) {
    if (!(LAYERS as readonly string[]).includes(layer)) {
      throw new TypeError(`integration-tests createConfigs: unknown layer "${layer}"; expected one of ${LAYERS.join(', ')}.`);
    }
    if (!Array.isArray(globs) || globs.some((glob) => typeof glob !== 'string' || glob.trim() === '')) {
      throw new TypeError(`integration-tests createConfigs: layer "${layer}" must be an array of non-empty glob strings.`);
    }
  }
}

/**
 * Builds `recommended` and `strict` from the rules' own docs: a rule lands in every config from the
 * one it names upwards, in a block per layer it names. One block per layer carries that layer's globs.
 */
export function buildConfigs(
  namespace: string,
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Readonly<Record<string, AnyRule>>,
  layers: LayerGlobs = {},
): PluginConfigs {
  validateGlobs(layers);
  const build = (config: ConfigName): TSESLint.FlatConfig.ConfigArray => {
    const included = CONFIG_ORDER.slice(0, CONFIG_ORDER.indexOf(config) + 1);
    return LAYERS.map((layer) => {
      const enabled: Record<string, TSESLint.FlatConfig.RuleEntry> = {};
      for (const [name, rule] of Object.entries(rules)) {
        const docs = rule.meta.docs;
        if (docs?.config && included.includes(docs.config) && docs.layers?.includes(layer)) {
          enabled[`${namespace}/${name}`] = 'error';
        }
      }
      return {
        name: `${namespace}/${config}/${layer}`,
        files: [...(layers[layer] ?? DEFAULT_LAYER_GLOBS[layer])],
        plugins: { [namespace]: plugin },
        rules: enabled,
      };
    });
  };
  return { recommended: build('recommended'), strict: build('strict') };
}
