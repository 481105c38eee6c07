import { ESLintUtils } from '@typescript-eslint/utils';
import type { Layer } from '../core/layers';
import { getSettings } from '../settings';

export const REPOSITORY_URL = 'https://github.com/integration-tests/eslint-plugin-integration-tests';

/** The config a rule is enabled in; `strict` includes everything in `recommended`. */
export type ConfigName = 'recommended' | 'strict';

/** What every rule says about itself; configs and the README table are generated from it. */
export interface IntegrationTestsDocs {
  readonly description: string;
  /** The smallest config that enables the rule. */
  readonly config: ConfigName;
  /** The layers whose files the configs enable the rule for. */
  readonly layers: readonly Layer[];
}

const ruleCreator = ESLintUtils.RuleCreator<IntegrationTestsDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);

/**
 * The one way rules are made: typed options, `meta.defaultOptions`, docs URL per rule. Every rule
 * validates the plugin's settings before it looks at a file, so a bad setting fails the run at
 * once with a message naming the key, whatever the file contains.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, IntegrationTestsDocs>>,
) {
  return ruleCreator<Options, MessageIds>({
    ...rule,
    create(context, options) {
      getSettings(context.settings);
      return rule.create(context, options);
    },
  });
}
