/**
 * Types for TypeScript users of the plugin:
 * `import type { IntegrationTestsSettings } from 'eslint-plugin-integration-tests/types'`.
 */
export type { CreatedConfigs, LayerFiles, LayerGlobs, PluginConfigs } from './configs';
export type { CreateConfigsOptions, RuleOptions } from './configs-options';
export type { Layer } from './core/layers';
export type { AliasTarget, IntegrationTestsSettings } from './settings';
