import type { ESLint, Linter } from 'eslint';
import picomatch from 'picomatch';
import { DEFAULT_LAYER_GLOBS, LAYER_PRECEDENCE, LAYERS, withNameListsAsExtglobs, type Layer } from './core/layers';
import { describeValue } from './settings';
import type { ConfigName, IntegrationTestsDocs } from './util/create-rule';

/** Where each layer's files live. A layer given here replaces its defaults; an empty list means no files. */
export type LayerGlobs = Partial<Record<Layer, readonly string[]>>;

/** Typed with the user's own ESLint (a peer dependency), so `defineConfig` from `eslint/config` accepts them. */
// A type literal, not an interface: ESLint's `Plugin['configs']` is a record, which an interface never fits.
export type PluginConfigs = {
  readonly recommended: Linter.Config[];
  readonly strict: Linter.Config[];
};

/** The file selection of one layer's blocks: spread it into a block of your own to reach the same files. */
export interface LayerFiles {
  /** The globs in force: the ones given to `createConfigs`, or the defaults. Empty when the layer has no files. */
  readonly files: readonly string[];
  /** The globs of the layers that win over this one, so a file lands in one layer only. */
  readonly ignores: readonly string[];
}

/**
 * What `createConfigs` returns: the two configs, and the files each layer covers in them. The blocks
 * write each brace list of plain names in their globs as an extglob (`@(test|spec)` for
 * `{test,spec}`): the same files, matched faster.
 */
export type CreatedConfigs = PluginConfigs & { readonly layers: Readonly<Record<Layer, LayerFiles>> };

/** Where a rule's options given to `createConfigs` land: every block that enables the rule. */
export type RuleOptionsInput = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** The argument of `createConfigs`, checked at run time because JavaScript configs are not type-checked. */
export interface ConfigsInput extends LayerGlobs {
  /** The same layer globs, grouped: `{ layers: { integration: [...] } }`. Give them here or at the top, not both. */
  readonly layers?: LayerGlobs;
  /** Options for the plugin's rules, by rule name without the plugin prefix. */
  readonly rules?: RuleOptionsInput;
}

/** The settings key that records, for the `layers` command, which layer a file's blocks belong to. */
export const LAYER_SETTING = 'integration-tests/layer';

type JsonSchema = {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean;
  readonly items?: JsonSchema;
  readonly minLength?: number;
  readonly minItems?: number;
  readonly minimum?: number;
  readonly uniqueItems?: boolean;
  readonly pattern?: string;
};
type AnyRule = { meta: { docs?: Partial<IntegrationTestsDocs>; schema?: unknown } };

const CONFIG_ORDER: readonly ConfigName[] = ['recommended', 'strict'];
const INPUT_KEYS = [...LAYERS, 'layers', 'rules'];

/** A mistake in the argument of `createConfigs`: one line naming the key, with no stack trace. */
export class InvalidConfigsError extends Error {
  constructor(key: string, value: unknown, expected: string) {
    super(`Invalid createConfigs argument${key ? ` ${key}` : ''}: expected ${expected}, got ${describeValue(value)}.`);
    this.name = 'InvalidConfigsError';
    // The problem is in the user's config, not in our code: a stack trace would only distract.
    this.stack = `${this.name}: ${this.message}`;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkGlobs(key: string, globs: unknown): readonly string[] {
  if (!Array.isArray(globs)) throw new InvalidConfigsError(key, globs, 'an array of globs (an empty array for a layer with no files)');
  globs.forEach((glob: unknown, index) => {
    const at = `${key}[${index}]`;
    if (typeof glob !== 'string' || glob.trim() === '') throw new InvalidConfigsError(at, glob, 'a non-empty glob string');
    if (glob.startsWith('!')) throw new InvalidConfigsError(at, glob, 'a glob of files to include (a file given to another layer leaves this one by itself)');
    try {
      picomatch(glob, { dot: true, debug: true });
    } catch {
      throw new InvalidConfigsError(at, glob, 'a valid glob');
    }
  });
  return globs as string[];
}

/** The layer globs given, from the top level or from `layers`, checked. */
function givenLayers(input: Record<string, unknown>): Partial<Record<Layer, readonly string[]>> {
  const atTop = LAYERS.filter((layer) => input[layer] !== undefined);
  if (input.layers !== undefined) {
    if (!isPlainObject(input.layers)) throw new InvalidConfigsError('layers', input.layers, `an object with any of ${LAYERS.join(', ')}`);
    if (atTop.length > 0) throw new InvalidConfigsError(atTop[0]!, input[atTop[0]!], `layer globs either at the top or under layers, not both`);
    for (const key of Object.keys(input.layers)) {
      if (!(LAYERS as readonly string[]).includes(key)) throw new InvalidConfigsError(`layers.${key}`, input.layers[key], `one of the layers ${LAYERS.join(', ')}`);
    }
  }
  const source = (input.layers ?? input) as Record<string, unknown>;
  const prefix = input.layers === undefined ? '' : 'layers.';
  const given: Partial<Record<Layer, readonly string[]>> = {};
  for (const layer of LAYERS) {
    if (source[layer] !== undefined) given[layer] = checkGlobs(`${prefix}${layer}`, source[layer]);
  }
  return given;
}

/** Checks an option value against the subset of JSON Schema the rules' schemas use. */
function checkAgainstSchema(key: string, value: unknown, schema: JsonSchema): void {
  switch (schema.type) {
    case 'object': {
      if (!isPlainObject(value)) throw new InvalidConfigsError(key, value, 'an object');
      const known = Object.keys(schema.properties ?? {});
      for (const [name, entry] of Object.entries(value)) {
        const property = schema.properties?.[name];
        if (!property) {
          if (schema.additionalProperties === false) {
            throw new InvalidConfigsError(`${key}.${name}`, entry, known.length > 0 ? `one of the options ${known.join(', ')}` : 'no options');
          }
          continue;
        }
        checkAgainstSchema(`${key}.${name}`, entry, property);
      }
      return;
    }
    case 'array': {
      if (!Array.isArray(value)) throw new InvalidConfigsError(key, value, 'an array');
      if (schema.minItems !== undefined && value.length < schema.minItems) throw new InvalidConfigsError(key, value, `an array of at least ${schema.minItems} items`);
      if (schema.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) throw new InvalidConfigsError(key, value, 'an array without repeated items');
      if (schema.items) value.forEach((item, index) => checkAgainstSchema(`${key}[${index}]`, item, schema.items!));
      return;
    }
    case 'string':
      if (typeof value !== 'string' || value.length < (schema.minLength ?? 0)) throw new InvalidConfigsError(key, value, schema.minLength ? 'a non-empty string' : 'a string');
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) throw new InvalidConfigsError(key, value, `a string matching /${schema.pattern}/`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw new InvalidConfigsError(key, value, 'true or false');
      return;
    case 'integer':
      if (!Number.isInteger(value) || (schema.minimum !== undefined && (value as number) < schema.minimum)) {
        throw new InvalidConfigsError(key, value, schema.minimum === undefined ? 'an integer' : `an integer of at least ${schema.minimum}`);
      }
      return;
    default:
      return;
  }
}

/** The rule options given, checked against each rule's own schema. */
function givenRuleOptions(value: unknown, rules: Readonly<Record<string, AnyRule>>, namespace: string): RuleOptionsInput {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new InvalidConfigsError('rules', value, 'an object of rule options by rule name');
  for (const [name, options] of Object.entries(value)) {
    const key = `rules['${name}']`;
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!rule) {
      const bare = name.startsWith(`${namespace}/`) ? name.slice(namespace.length + 1) : undefined;
      throw new InvalidConfigsError(key, options, bare !== undefined && Object.hasOwn(rules, bare) ? `the rule name without its prefix, '${bare}'` : `a rule of this plugin (${Object.keys(rules).join(', ')})`);
    }
    const [schema] = Array.isArray(rule.meta.schema) ? (rule.meta.schema as JsonSchema[]) : [];
    if (!schema) throw new InvalidConfigsError(key, options, 'nothing: this rule takes no options');
    checkAgainstSchema(key, options, schema);
  }
  return value as RuleOptionsInput;
}

/**
 * One layer per file. A layer given to `createConfigs` wins over every layer left at its defaults;
 * within each group, acceptance wins over integration and integration over unit. When two layers
 * claim a file, the one whose rules forbid less wins, so an overlap never brings a rule to a file
 * that the other layer's name says it should not judge.
 */
export function layerFiles(given: Partial<Record<Layer, readonly string[]>>): Record<Layer, LayerFiles> {
  const globsOf = (layer: Layer) => given[layer] ?? DEFAULT_LAYER_GLOBS[layer];
  const ranked = [...LAYER_PRECEDENCE.filter((layer) => given[layer]), ...LAYER_PRECEDENCE.filter((layer) => !given[layer])];
  const result = {} as Record<Layer, LayerFiles>;
  ranked.forEach((layer, rank) => {
    result[layer] = { files: [...globsOf(layer)], ignores: [...new Set(ranked.slice(0, rank).flatMap(globsOf))] };
  });
  return result;
}

/**
 * Builds `recommended` and `strict` from the rules' own docs: a rule lands in every config from the
 * one it names upwards, in a block per layer it names, with the options given for it. One block per
 * layer carries that layer's files; a layer with no files has no block.
 */
export function buildConfigs(
  namespace: string,
  plugin: ESLint.Plugin,
  rules: Readonly<Record<string, AnyRule>>,
  input: unknown = {},
): CreatedConfigs {
  if (!isPlainObject(input)) throw new InvalidConfigsError('', input, `an object with any of ${INPUT_KEYS.join(', ')}`);
  for (const key of Object.keys(input)) {
    if (!INPUT_KEYS.includes(key)) throw new InvalidConfigsError(key, input[key], `one of the keys ${INPUT_KEYS.join(', ')}`);
  }
  const layers = layerFiles(givenLayers(input));
  const options = givenRuleOptions(input.rules, rules, namespace);
  const build = (config: ConfigName): Linter.Config[] => {
    const included = CONFIG_ORDER.slice(0, CONFIG_ORDER.indexOf(config) + 1);
    return LAYERS.filter((layer) => layers[layer].files.length > 0).map((layer) => {
      const enabled: Linter.RulesRecord = {};
      for (const [name, rule] of Object.entries(rules)) {
        const docs = rule.meta.docs;
        if (docs?.config && included.includes(docs.config) && docs.layers?.includes(layer)) {
          const ruleOptions = Object.hasOwn(options, name) ? options[name] : undefined;
          enabled[`${namespace}/${name}`] = ruleOptions ? ['error', ruleOptions] : 'error';
        }
      }
      // The same globs, spelled so that ESLint matches them faster (see `withNameListsAsExtglobs`).
      const files = layers[layer].files.map(withNameListsAsExtglobs);
      const ignores = layers[layer].ignores.map(withNameListsAsExtglobs);
      return {
        name: `${namespace}/${config}/${layer}`,
        files,
        ...(ignores.length > 0 ? { ignores } : {}),
        plugins: { [namespace]: plugin },
        rules: enabled,
        settings: { [LAYER_SETTING]: layer },
      };
    });
  };
  return { recommended: build('recommended'), strict: build('strict'), layers };
}
