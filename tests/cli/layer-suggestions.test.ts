import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layerOfName, layerUnder, looksLikeTest, suggestLayers } from '../../src/cli/layer-suggestions';
import { findRunnerProjects } from '../../src/cli/runner-projects';
import { DEFAULT_LAYER_GLOBS } from '../../src/core/layers';

describe('layerUnder', () => {
  const byDefault = layerUnder({});
  it.each([
    ['tests/integration/orders.test.ts', 'integration'],
    ['tests/unit/price.test.ts', 'unit'],
    ['test/e2e/checkout.test.js', 'acceptance'],
    // Where default globs overlap, acceptance wins over integration and integration over unit.
    ['tests/integration/checkout.e2e-spec.ts', 'acceptance'],
    ['tests/unit/orders.integration.test.ts', 'integration'],
    ['src/price.spec.ts', undefined],
  ])('puts %s in %s with the default globs', (file, layer) => {
    expect(byDefault(file)).toBe(layer);
  });

  it('lets a given layer win over the defaults, and leaves an empty layer without files', () => {
    const moved = layerUnder({ acceptance: ['tests/integration/**'], unit: [] });
    expect(moved('tests/integration/orders.test.ts')).toBe('acceptance');
    expect(moved('tests/unit/price.test.ts')).toBeUndefined();
    expect(moved('src/orders.int.test.ts')).toBe('integration');
  });
});

describe('looksLikeTest', () => {
  it.each([
    ['src/users/users.service.spec.ts', true],
    ['test/app.e2e-spec.ts', true],
    ['src/orders.int-spec.ts', true],
    ['recipes/payments/test/refund.test.js', true],
    ['lib/__tests__/parse.js', true],
    ['test/helpers.js', false],
    ['test/fixtures/user.fixture.js', false],
    ['src/test-utils.ts', false],
    ['src/contest.ts', false],
    ['node_modules/pkg/index.test.js', false],
  ])('%s: %s', (file, expected) => {
    expect(looksLikeTest(file)).toBe(expected);
  });
});

describe('layerOfName', () => {
  it.each([
    ['unit', 'unit'],
    ['Unit Tests', 'unit'],
    ['integration', 'integration'],
    ['int', 'integration'],
    ['e2e', 'acceptance'],
    ['api-acceptance', 'acceptance'],
    ['browser', undefined],
    ['units-of-measure', undefined],
  ])('%s names %s', (name, layer) => {
    expect(layerOfName(name)).toBe(layer);
  });
});

describe('suggestLayers', () => {
  const suggest = (files: string[], dependencies: string[] = [], runnerProjects: Parameters<typeof suggestLayers>[0]['runnerProjects'] = []) =>
    suggestLayers({ files, layerOf: layerUnder({}), dependencies: new Set(dependencies), runnerProjects });

  it('calls the spec files of a NestJS project under src unit tests, with the extension they use', () => {
    const result = suggest(['src/app.controller.spec.ts', 'src/app.controller.ts', 'test/app.e2e-spec.ts'], ['@nestjs/core']);
    expect(result.createConfigs).toEqual({ unit: ['src/**/*.spec.ts'] });
    expect(result.conventions.map((convention) => convention.reason)).toEqual([
      'NestJS: *.spec files beside the code under src/ are unit tests (1 file); the test/**/*.e2e-spec files are acceptance tests already (1 file)',
    ]);
  });

  it('puts the e2e specs of a NestJS project back in the acceptance layer when the config took them out', () => {
    const result = suggestLayers({
      files: ['src/app.controller.spec.ts', 'test/app.e2e-spec.ts'],
      layerOf: layerUnder({ acceptance: ['e2e/**'], unit: ['src/**/*.spec.ts'] }),
      dependencies: new Set(['@nestjs/testing']),
      runnerProjects: [],
    });
    expect(result.createConfigs).toEqual({ acceptance: ['test/**/*.e2e-spec.ts'] });
    expect(result.conventions.map((convention) => convention.reason)).toEqual(['NestJS: test/**/*.e2e-spec files are acceptance tests (1 file)']);
  });

  it('finds the spec files of each app in a NestJS monorepo', () => {
    const result = suggest(['apps/shop/src/cart.service.spec.ts', 'apps/admin/src/users.controller.spec.ts', 'apps/shop/test/app.e2e-spec.ts'], ['@nestjs/core']);
    expect(result.createConfigs).toEqual({ unit: ['**/src/**/*.spec.ts'] });
  });

  it('says nothing about src/**/*.spec files outside a NestJS project', () => {
    expect(suggest(['src/app.spec.ts']).createConfigs).toEqual({});
  });

  it('puts *.int-spec and *.integration-spec files in the integration layer', () => {
    expect(suggest(['src/a.int-spec.ts', 'src/b.integration-spec.js']).createConfigs).toEqual({ integration: ['**/*.{int,integration}-spec.{js,ts}'] });
  });

  it('puts __tests__ folders in the unit layer and keeps the files the defaults already place', () => {
    const result = suggest(['src/__tests__/parse.test.js', 'src/__tests__/integration/store.test.js']);
    // The integration defaults are given too: a given unit layer would otherwise win over them.
    expect(result.createConfigs).toEqual({ unit: ['**/__tests__/**/*.js'], integration: DEFAULT_LAYER_GLOBS.integration });
    const after = layerUnder(result.createConfigs);
    expect(after('src/__tests__/parse.test.js')).toBe('unit');
    expect(after('src/__tests__/integration/store.test.js')).toBe('integration');
  });

  it('takes the globs of runner projects named after a layer, and ignores other projects', () => {
    const result = suggest(['recipes/a/test/a.test.js'], [], [
      { runner: 'Jest', name: 'integration', globs: ['recipes/*/test/**/*.test.js'] },
      { runner: 'Jest', name: 'lint', globs: ['**/*.js'] },
    ]);
    expect(result.createConfigs).toEqual({ integration: ['recipes/*/test/**/*.test.js'] });
  });

  it('suggests nothing when every test already lands in a layer', () => {
    expect(suggest(['tests/unit/a.test.ts', 'tests/integration/b.test.ts'])).toEqual({ conventions: [], createConfigs: {} });
  });
});

describe('findRunnerProjects', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'runner-projects-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const project = (name: string, files: Record<string, string>) => {
    const dir = path.join(root, name);
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
    return dir;
  };

  it('reads Jest projects from package.json, with <rootDir> and a project rootDir resolved', async () => {
    const dir = project('jest-manifest', {
      'package.json': JSON.stringify({
        jest: {
          projects: [
            { displayName: 'unit', testMatch: ['<rootDir>/src/**/*.test.ts'] },
            { displayName: { name: 'integration', color: 'blue' }, rootDir: '<rootDir>/services', testMatch: ['<rootDir>/**/*.itest.ts'] },
            'packages/*',
          ],
        },
      }),
    });
    expect(await findRunnerProjects(dir)).toEqual({
      projects: [
        { runner: 'Jest', name: 'unit', globs: ['src/**/*.test.ts'] },
        { runner: 'Jest', name: 'integration', globs: ['services/**/*.itest.ts'] },
      ],
      notes: [],
    });
  });

  it('reads Vitest projects from an ES module config, and a workspace file', async () => {
    const dir = project('vitest', {
      'package.json': '{"type":"module"}',
      'vitest.config.mjs': "export default { test: { projects: [{ test: { name: 'unit', include: ['src/**/*.test.ts'] } }, { extends: true, test: { name: { label: 'e2e' }, include: ['./e2e/**/*.test.ts'] } }] } };",
      'vitest.workspace.json': JSON.stringify([{ test: { name: 'integration', include: ['db/**/*.test.ts'] } }]),
    });
    expect((await findRunnerProjects(dir)).projects).toEqual([
      { runner: 'Vitest', name: 'unit', globs: ['src/**/*.test.ts'] },
      { runner: 'Vitest', name: 'e2e', globs: ['e2e/**/*.test.ts'] },
      { runner: 'Vitest', name: 'integration', globs: ['db/**/*.test.ts'] },
    ]);
  });

  it.skipIf((process.features as { typescript?: unknown }).typescript)('asks for jiti to read a TypeScript config where Node.js cannot', async () => {
    const dir = project('typescript', { 'vitest.config.ts': "export default { test: { projects: [] as object[] } };" });
    expect(await findRunnerProjects(dir)).toEqual({
      projects: [],
      notes: ['vitest.config.ts was not read, so its projects are not suggested: reading a TypeScript config needs jiti (npm install --save-dev jiti)'],
    });
  });

  it('notes a config it cannot read in one line and goes on', async () => {
    const dir = project('broken', { 'jest.config.js': 'module.exports = {\n  projects: [\n' });
    const found = await findRunnerProjects(dir);
    expect(found.projects).toEqual([]);
    expect(found.notes).toHaveLength(1);
    expect(found.notes[0]).toMatch(/^jest\.config\.js was not read, so its projects are not suggested: .+$/);
  });
});
