import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { ESLint as ESLintClass, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYER_SETTING } from '../src/configs';
import plugin from '../src/index';

// The blocks `createConfigs` builds write brace lists as extglobs so that ESLint matches them faster.
// Here ESLint itself, each major the peer range promises, picks each path's layer from those blocks
// and from the same blocks with the globs exactly as given: the two must agree on every path.

const require = createRequire(__filename);
const MAJORS = [
  { major: 10, ESLint: (require('eslint') as { ESLint: typeof ESLintClass }).ESLint },
  { major: 9, ESLint: (require('eslint-v9') as { ESLint: typeof ESLintClass }).ESLint },
];

const ROOTS = ['', 'src/', 'packages/api/', 'apps/web/src/orders/'];
const FOLDERS = ['', 'test/', 'tests/', 'test/integration/', 'tests/unit/', '__tests__/e2e/', 'spec/acceptance/', 'tests/integration/db/', 'integration-tests/', '__integration__/', 'lib/', 'testing/unit/', 'tests/e2e-ish/'];
const NAMES = ['a.test.ts', 'a.int.test.mjs', 'a.integration.spec.tsx', 'a.unit.spec.cjs', 'a.e2e-spec.ts', 'a.e2e.test.js', 'a.acceptance.spec.mts', 'a.ts', 'a.jsx', 'a.cts', 'a.itest.ts', 'a.spec.js', '.hidden.int.test.ts', 'a.int.test.json', 'a.integration.test.tsx.snap'];
const PATHS = ROOTS.flatMap((root) => FOLDERS.flatMap((folder) => NAMES.map((name) => `${root}${folder}${name}`)));

const INPUTS = [{}, { integration: ['src/**/*.{itest,int}.{ts,mts}', '{apps,packages}/*/src/**/integration/*.ts'], unit: ['{src,lib}/**/*.spec.{ts,js}'] }];

/** The blocks with their globs exactly as given: the layers `createConfigs` reports, put back in. */
function asGiven(configs: ReturnType<typeof plugin.createConfigs>): Linter.Config[] {
  return configs.strict.map((block) => {
    const layer = (block.settings as Record<string, string>)[LAYER_SETTING] as keyof typeof configs.layers;
    const { files, ignores } = configs.layers[layer];
    return { ...block, files: [...files], ...(ignores.length > 0 ? { ignores: [...ignores] } : {}) };
  });
}

async function layersOf(ESLint: typeof ESLintClass, config: Linter.Config[]): Promise<Array<string | null>> {
  const cwd = path.join(os.tmpdir(), 'integration-tests-layer-globs');
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
  const layers: Array<string | null> = [];
  for (const file of PATHS) {
    const config = (await eslint.calculateConfigForFile(path.join(cwd, file))) as Linter.Config | undefined;
    layers.push((config?.settings?.[LAYER_SETTING] as string | undefined) ?? null);
  }
  return layers;
}

describe('the layer blocks of createConfigs', () => {
  for (const { major, ESLint } of MAJORS) {
    for (const input of INPUTS) {
      it(`give every path the layer its globs as given give it, in ESLint ${major}, for ${JSON.stringify(input)}`, async () => {
        const configs = plugin.createConfigs(input);
        const built = await layersOf(ESLint, configs.strict);
        expect(built).toEqual(await layersOf(ESLint, asGiven(configs)));
        // The check means something only if the paths land in every layer and in none.
        expect(new Set(built)).toEqual(new Set(['unit', 'integration', 'acceptance', null]));
      });
    }
  }
});
