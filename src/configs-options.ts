import type { LayerGlobs } from './configs';
import type { rules } from './rules';

type Rules = typeof rules;
type OptionsOf<Rule> = Rule extends { defaultOptions?: readonly [infer First, ...unknown[]] } ? First : never;

/** The options object of each rule that takes one, as `createConfigs({ rules })` accepts it. */
export type RuleOptions = {
  readonly [Name in keyof Rules as OptionsOf<Rules[Name]> extends object ? Name : never]?: Partial<OptionsOf<Rules[Name]>>;
};

/** What `createConfigs` takes: globs for the layers that live elsewhere, and rule options. */
export interface CreateConfigsOptions extends LayerGlobs {
  /** The same layer globs, grouped: `{ layers: { integration: [...] } }`. Give them here or at the top, not both. */
  readonly layers?: LayerGlobs;
  /** Options for the plugin's rules, by name without the prefix; they land only in the blocks of each rule's layers. */
  readonly rules?: RuleOptions;
}
