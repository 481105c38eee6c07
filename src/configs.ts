import type { ESLint, Linter } from 'eslint';
import { DEFAULT_LAYER_GLOBS, LAYERS, type Layer } from './core/layers';
import type { ConfigName, IntegrationTestsDocs } from './util/create-rule';

/** Where each layer's files live. Any layer left out keeps its default globs. */
export type LayerGlobs = Partial<Record<Layer, readonly string[]>>;

/** Typed with the user's own ESLint (a peer dependency), so `defineConfig` from `eslint/config` accepts them. */
// A type literal, not an interface: ESLint's `Plugin['configs']` is a record, which an interface never fits.
export type PluginConfigs = {
  readonly recommended: Linter.Config[];
  readonly strict: Linter.Config[];
};

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
  plugin: ESLint.Plugin,
  rules: Readonly<Record<string, AnyRule>>,
  layers: LayerGlobs = {},
): PluginConfigs {
  validateGlobs(layers);
  const build = (config: ConfigName): Linter.Config[] => {
    const included = CONFIG_ORDER.slice(0, CONFIG_ORDER.indexOf(config) + 1);
    return LAYERS.map((layer) => {
      const enabled: Linter.RulesRecord = {};
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
