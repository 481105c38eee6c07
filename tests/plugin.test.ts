import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYER_GLOBS } from '../src/core/layers';
import { rules } from '../src/rules';
import type plugin from '../src/index';

const require = createRequire(__filename);
const root = path.resolve(__dirname, '..');
const builtPlugin = require(root) as typeof plugin;
type RuleMeta = { meta: { docs: { config: 'recommended' | 'strict'; layers: readonly string[] }; hasSuggestions?: boolean; fixable?: string } };
const ruleEntries = Object.entries(rules as Record<string, RuleMeta>);

describe('the built package', () => {
  it('loads with require and exposes meta, rules and configs', () => {
    expect(builtPlugin.meta).toEqual({
      name: 'eslint-plugin-integration-tests',
      version: require('../package.json').version,
      namespace: 'integration-tests',
    });
    expect(Array.isArray(builtPlugin.configs.recommended)).toBe(true);
    expect(Array.isArray(builtPlugin.configs.strict)).toBe(true);
    expect(Object.keys(builtPlugin.rules).sort()).toEqual(Object.keys(rules).sort());
  });

  it('loads with a Node ESM import as the same object require gives', () => {
    const script = [
      `import plugin from 'eslint-plugin-integration-tests';`,
      `import { createRequire } from 'node:module';`,
      `const required = createRequire(import.meta.url)('eslint-plugin-integration-tests');`,
      `console.log(JSON.stringify({ same: plugin === required, name: plugin.meta.name, strict: Array.isArray(plugin.configs.strict) }));`,
    ].join('\n');
    // Run from the package root so the package resolves itself by name, as a consumer would.
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ same: true, name: 'eslint-plugin-integration-tests', strict: true });
  });
});

describe('configs', () => {
  it.each(['recommended', 'strict'] as const)('%s has one block per layer with the default globs', (name) => {
    const blocks = builtPlugin.configs[name];
    expect(blocks.map((block) => [block.name, block.files])).toEqual([
      [`integration-tests/${name}/unit`, DEFAULT_LAYER_GLOBS.unit],
      [`integration-tests/${name}/integration`, DEFAULT_LAYER_GLOBS.integration],
      [`integration-tests/${name}/acceptance`, DEFAULT_LAYER_GLOBS.acceptance],
    ]);
    for (const block of blocks) expect(block.plugins?.['integration-tests']).toBe(builtPlugin);
  });

  it('enables each rule in the blocks of the layers it names, from its config upwards', () => {
    for (const [config, included] of [['recommended', ['recommended']], ['strict', ['recommended', 'strict']]] as const) {
      for (const block of builtPlugin.configs[config]) {
        const layer = block.name!.split('/').pop()!;
        const expected = ruleEntries
          .filter(([, rule]) => (included as readonly string[]).includes(rule.meta.docs.config) && rule.meta.docs.layers.includes(layer))
          .map(([name]) => `integration-tests/${name}`)
          .sort();
        expect(Object.keys(block.rules ?? {}).sort()).toEqual(expected);
        for (const severity of Object.values(block.rules ?? {})) expect(severity).toBe('error');
      }
    }
  });

  it('takes other layer globs once through createConfigs and keeps defaults for the rest', () => {
    const custom = builtPlugin.createConfigs({ integration: ['src/**/*.itest.ts'] });
    const integration = custom.strict.find((block) => block.name === 'integration-tests/strict/integration');
    const unit = custom.strict.find((block) => block.name === 'integration-tests/strict/unit');
    expect(integration?.files).toEqual(['src/**/*.itest.ts']);
    expect(unit?.files).toEqual(DEFAULT_LAYER_GLOBS.unit);
  });

  it.each([
    [{ functional: ['x'] }, 'unknown layer "functional"'],
    [{ unit: 'tests/unit/**' }, 'layer "unit" must be an array of non-empty glob strings'],
    [{ unit: [''] }, 'layer "unit" must be an array of non-empty glob strings'],
  ])('createConfigs rejects %j', (layers, message) => {
    expect(() => builtPlugin.createConfigs(layers as never)).toThrowError(message);
  });
});

describe('every rule', () => {
  it.each(ruleEntries.map(([name]) => name))('%s has a docs page and a test file', (name) => {
    expect(existsSync(path.join(root, 'docs/rules', `${name}.md`))).toBe(true);
    expect(existsSync(path.join(root, 'tests/rules', `${name}.test.ts`))).toBe(true);
  });

  it.each(ruleEntries)('%s names a config and at least one layer', (_name, rule) => {
    expect(['recommended', 'strict']).toContain(rule.meta.docs.config);
    expect(rule.meta.docs.layers.length).toBeGreaterThan(0);
  });
});
