import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { Layer } from '../core/layers';

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

/** The one way rules are made: typed options, `meta.defaultOptions`, docs URL per rule. */
export const createRule = RuleCreator<IntegrationTestsDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
