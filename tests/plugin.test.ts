import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYER_GLOBS, withNameListsAsExtglobs } from '../src/core/layers';
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
  it.each(['recommended', 'strict'] as const)('%s has one block per layer with the default globs, the layers that win over it ignored', (name) => {
    const blocks = builtPlugin.configs[name];
    // Spelled with extglobs in the blocks: tests/configs-globs.test.ts checks that they pick the same files.
    const { unit, integration, acceptance } = Object.fromEntries(Object.entries(DEFAULT_LAYER_GLOBS).map(([layer, globs]) => [layer, globs.map(withNameListsAsExtglobs)]));
    expect(blocks.map((block) => [block.name, block.files, block.ignores])).toEqual([
      [`integration-tests/${name}/unit`, unit, [...acceptance!, ...integration!]],
      [`integration-tests/${name}/integration`, integration, acceptance],
      [`integration-tests/${name}/acceptance`, acceptance, undefined],
    ]);
    for (const block of blocks) {
      expect(block.plugins?.['integration-tests']).toBe(builtPlugin);
      expect(block.settings).toEqual({ 'integration-tests/layer': block.name!.split('/').pop() });
    }
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

  it('gives a layer new globs through createConfigs, and its files leave every default layer', () => {
    const custom = builtPlugin.createConfigs({ acceptance: ['tests/integration/**'] });
    const byLayer = Object.fromEntries(custom.strict.map((block) => [block.name!.split('/').pop(), block]));
    expect(byLayer.acceptance?.files).toEqual(['tests/integration/**']);
    expect(byLayer.acceptance?.ignores).toBeUndefined();
    expect(byLayer.integration?.files).toEqual(DEFAULT_LAYER_GLOBS.integration.map(withNameListsAsExtglobs));
    expect(byLayer.integration?.files?.[0]).toBe('**/@(test|tests|__tests__|spec)/integration/**/*.@(js|cjs|mjs|jsx|ts|cts|mts|tsx)');
    expect(byLayer.integration?.ignores).toEqual(['tests/integration/**']);
    expect(byLayer.unit?.ignores).toEqual(['tests/integration/**', ...DEFAULT_LAYER_GLOBS.integration.map(withNameListsAsExtglobs)]);
    expect(custom.layers).toEqual({
      acceptance: { files: ['tests/integration/**'], ignores: [] },
      integration: { files: DEFAULT_LAYER_GLOBS.integration, ignores: ['tests/integration/**'] },
      unit: { files: DEFAULT_LAYER_GLOBS.unit, ignores: ['tests/integration/**', ...DEFAULT_LAYER_GLOBS.integration] },
    });
  });

  it('ranks given layers among themselves as the defaults are ranked: acceptance, integration, unit', () => {
    const custom = builtPlugin.createConfigs({ unit: ['src/**/*.spec.ts'], integration: ['src/**/*.int.spec.ts'] });
    expect(custom.layers.integration).toEqual({ files: ['src/**/*.int.spec.ts'], ignores: [] });
    expect(custom.layers.unit).toEqual({ files: ['src/**/*.spec.ts'], ignores: ['src/**/*.int.spec.ts'] });
    expect(custom.layers.acceptance).toEqual({ files: DEFAULT_LAYER_GLOBS.acceptance, ignores: ['src/**/*.int.spec.ts', 'src/**/*.spec.ts'] });
  });

  it('takes the layers grouped under `layers` as well', () => {
    const grouped = builtPlugin.createConfigs({ layers: { integration: ['src/**/*.itest.ts'] } });
    expect(grouped).toEqual(builtPlugin.createConfigs({ integration: ['src/**/*.itest.ts'] }));
  });

  it('leaves out the blocks of a layer given no files', () => {
    const custom = builtPlugin.createConfigs({ integration: [] });
    expect(custom.recommended.map((block) => block.name)).toEqual(['integration-tests/recommended/unit', 'integration-tests/recommended/acceptance']);
    expect(custom.layers.integration).toEqual({ files: [], ignores: [] });
  });

  it('puts rule options only into the blocks that enable the rule', () => {
    const custom = builtPlugin.createConfigs({ rules: { 'no-real-network': { allowHosts: ['sandbox.example.com'] }, 'require-cleanup': { autofix: true } } });
    const ruleIn = (config: 'recommended' | 'strict', rule: string) =>
      Object.fromEntries(custom[config].map((block) => [block.name!.split('/').pop(), block.rules?.[`integration-tests/${rule}`]]));
    expect(ruleIn('recommended', 'no-real-network')).toEqual({
      unit: ['error', { allowHosts: ['sandbox.example.com'] }],
      integration: ['error', { allowHosts: ['sandbox.example.com'] }],
      acceptance: undefined,
    });
    expect(ruleIn('recommended', 'require-cleanup')).toEqual({ unit: undefined, integration: undefined, acceptance: undefined });
    expect(ruleIn('strict', 'require-cleanup')).toEqual({ unit: undefined, integration: ['error', { autofix: true }], acceptance: undefined });
    expect(ruleIn('strict', 'no-boundary-mock')).toEqual({ unit: undefined, integration: 'error', acceptance: undefined });
  });

  it.each([
    [{ functional: ['x'] }, 'Invalid createConfigs argument functional: expected one of the keys unit, integration, acceptance, layers, rules, got an array (["x"]).'],
    [{ unit: 'tests/unit/**' }, 'Invalid createConfigs argument unit: expected an array of globs (an empty array for a layer with no files), got the string "tests/unit/**".'],
    [{ unit: [''] }, 'Invalid createConfigs argument unit[0]: expected a non-empty glob string, got the string "".'],
    [{ unit: ['src/{db'] }, 'Invalid createConfigs argument unit[0]: expected a valid glob, got the string "src/{db".'],
    [{ unit: ['!src/**'] }, 'Invalid createConfigs argument unit[0]: expected a glob of files to include (a file given to another layer leaves this one by itself), got the string "!src/**".'],
    [{ layers: { e2e: ['x'] } }, 'Invalid createConfigs argument layers.e2e: expected one of the layers unit, integration, acceptance, got an array (["x"]).'],
    [{ layers: { unit: ['x'] }, integration: ['y'] }, 'Invalid createConfigs argument integration: expected layer globs either at the top or under layers, not both, got an array (["y"]).'],
    [{ rules: { 'no-boundary-mocks': {} } }, 'Invalid createConfigs argument rules[\'no-boundary-mocks\']: expected a rule of this plugin'],
    [{ rules: { 'integration-tests/no-boundary-mock': {} } }, "expected the rule name without its prefix, 'no-boundary-mock', got an object."],
    [{ rules: { 'no-boundary-mock': ['error', { allow: ['stripe'] }] } }, "Invalid createConfigs argument rules['no-boundary-mock']: expected an object, got an array"],
    [{ rules: { 'no-boundary-mock': { allow: 'stripe' } } }, "Invalid createConfigs argument rules['no-boundary-mock'].allow: expected an array, got the string \"stripe\"."],
    [{ rules: { 'no-boundary-mock': { alow: [] } } }, "Invalid createConfigs argument rules['no-boundary-mock'].alow: expected one of the options allow, autofix, got an array ([])."],
    [{ rules: { 'one-boundary-per-file': { max: 0 } } }, "rules['one-boundary-per-file'].max: expected an integer of at least 1, got number 0."],
    [{ rules: { 'no-endpoint-calls': {} } }, "rules['no-endpoint-calls']: expected nothing: this rule takes no options, got an object."],
    ['tests/**', 'Invalid createConfigs argument: expected an object with any of unit, integration, acceptance, layers, rules, got the string "tests/**".'],
  ])('createConfigs rejects %j with one line', (input, message) => {
    let thrown: unknown;
    try {
      builtPlugin.createConfigs(input as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const error = thrown as Error;
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('\n');
    // ESLint prints a config that throws by its stack: the stack holds the message alone.
    expect(error.stack).toBe(`InvalidConfigsError: ${error.message}`);
  });
});

describe('package.json', () => {
  // Editors link each problem to its rule's page; the package's own links must name the same repository.
  it('declares the repository, homepage and issue tracker that the rule docs link into', () => {
    const manifest = require('../package.json') as { repository: { type: string; url: string }; homepage: string; bugs: { url: string } };
    const docsUrl = (builtPlugin.rules['no-boundary-mock'] as { meta: { docs: { url: string } } }).meta.docs.url;
    const repository = docsUrl.replace(/\/blob\/main\/docs\/rules\/no-boundary-mock\.md$/, '');
    expect(repository).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
    expect(manifest.repository).toEqual({ type: 'git', url: `git+${repository}.git` });
    expect(manifest.homepage).toBe(`${repository}#readme`);
    expect(manifest.bugs).toEqual({ url: `${repository}/issues` });
  });
});

describe('every rule', () => {
  it.each(ruleEntries.map(([name]) => name))('%s has a docs page and a test file', (name) => {
    expect(existsSync(path.join(root, 'docs/rules', `${name}.md`))).toBe(true);
    expect(existsSync(path.join(root, 'tests/rules', `${name}.test.ts`))).toBe(true);
  });

  // The Options section shows options set through createConfigs; the snippet runs against the built plugin.
  it.each(ruleEntries.filter(([name]) => name !== 'no-endpoint-calls').map(([name]) => name))('%s documents its options through createConfigs', (name) => {
    const doc = readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');
    const options = doc.slice(doc.indexOf('## Options'), doc.indexOf('\n## ', doc.indexOf('## Options') + 1));
    const snippet = /```js\n(const \{ (recommended|strict) \} = integrationTests\.createConfigs\([\s\S]*?\);)\n```/.exec(options);
    expect(snippet, 'a createConfigs snippet in the Options section').not.toBeNull();
    const blocks = new Function('integrationTests', `${snippet![1]} return ${snippet![2]};`)(builtPlugin) as Array<{ name: string; rules: Record<string, unknown> }>;
    const withOptions = blocks.filter((block) => Array.isArray(block.rules[`integration-tests/${name}`])).map((block) => block.name.split('/').pop());
    expect(withOptions.sort()).toEqual([...(rules as Record<string, RuleMeta>)[name]!.meta.docs.layers].sort());
  });

  it.each(ruleEntries)('%s names a config and at least one layer', (_name, rule) => {
    expect(['recommended', 'strict']).toContain(rule.meta.docs.config);
    expect(rule.meta.docs.layers.length).toBeGreaterThan(0);
  });
});
