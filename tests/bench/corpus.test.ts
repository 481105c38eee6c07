import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYER_GLOBS, LAYERS } from '../../src/core/layers';

// The generator is an ES module; a CommonJS test loads it with a dynamic import.
const loadGenerator = () => import('../../bench/corpus.mjs');

const layerMatchers = LAYERS.map((layer) => [layer, picomatch([...DEFAULT_LAYER_GLOBS[layer]], { dot: true })] as const);

describe('the benchmark corpus generator', () => {
  it('gives the same files for the same seed and other files for another seed', async () => {
    const { generateCorpus } = await loadGenerator();
    const first = generateCorpus({ seed: 42, files: 60 });
    const again = generateCorpus({ seed: 42, files: 60 });
    const other = generateCorpus({ seed: 43, files: 60 });
    expect(again).toEqual(first);
    expect(other.map((file) => file.text)).not.toEqual(first.map((file) => file.text));
  });

  it('covers every layer, framework, language and anti-pattern, within the line limits', async () => {
    const { generateCorpus, MIN_LINES, MAX_LINES } = await loadGenerator();
    const corpus = generateCorpus({ seed: 1, files: 400 });
    const seen = (key: 'layer' | 'framework' | 'language') => new Set(corpus.map((file) => file[key]));
    expect(seen('layer')).toEqual(new Set(['unit', 'integration', 'acceptance']));
    expect(seen('framework')).toEqual(new Set(['jest', 'vitest', 'mocha', 'node:test']));
    expect(seen('language')).toEqual(new Set(['ts', 'js']));
    expect(new Set(corpus.flatMap((file) => file.patterns))).toEqual(
      new Set(['mocked-boundary', 'shared-data', 'supertest', 'several-boundaries', 'real-url', 'missing-cleanup', 'pool-in-beforeEach', 'infrastructure-in-unit']),
    );
    // Clean files are the majority, as in a real suite.
    expect(corpus.filter((file) => file.patterns.length === 0).length).toBeGreaterThan(corpus.length / 2);
    expect(new Set(corpus.map((file) => file.path)).size).toBe(corpus.length);
    for (const file of corpus) {
      expect(file.lines, file.path).toBeGreaterThanOrEqual(MIN_LINES);
      expect(file.lines, file.path).toBeLessThanOrEqual(MAX_LINES);
    }
  });

  it('puts every file where exactly its own layer’s default globs find it', async () => {
    const { generateCorpus } = await loadGenerator();
    for (const file of generateCorpus({ seed: 1, files: 200 })) {
      expect(layerMatchers.filter(([, matches]) => matches(file.path)).map(([layer]) => layer), file.path).toEqual([file.layer]);
    }
  });

  it("writes the project's own modules the test files load, exporting every name they import", async () => {
    const { generateCorpus, projectModulesOf } = await loadGenerator();
    const corpus = generateCorpus({ seed: 3, files: 120 });
    const modules = new Map(projectModulesOf(corpus).map((module) => [module.path, module.text]));
    const linter = new Linter();
    for (const [modulePath, text] of modules) {
      const fatal = linter.verify(text, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }], { filename: modulePath }).filter((message) => message.fatal);
      expect(fatal, modulePath).toEqual([]);
    }
    const imports = corpus.flatMap((file) => file.projectImports);
    expect(imports.length).toBeGreaterThan(0);
    for (const { target, names } of imports) {
      const text = modules.get(`${target}.ts`);
      expect(text, target).toBeDefined();
      for (const name of names) expect(text, `${target} exports ${name}`).toMatch(new RegExp(`export (?:const|class|function|async function|interface) ${name}\\b`));
    }
    // Adapters load their clients: the summaries have boundaries to find.
    expect([...modules].filter(([modulePath]) => modulePath.startsWith('src/repositories/')).every(([, text]) => text.includes("from 'pg'"))).toBe(true);
  });

  it('writes files that parse: TypeScript with @typescript-eslint/parser, JavaScript with espree', async () => {
    const { generateCorpus, scaledIntegrationFile } = await loadGenerator();
    const linter = new Linter();
    const config: Linter.Config[] = [
      { files: ['**/*.{js,cjs,mjs}'] },
      { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser } },
    ];
    const files = [...generateCorpus({ seed: 5, files: 80 }), scaledIntegrationFile({ copies: 2 })];
    for (const file of files) {
      const fatal = linter.verify(file.text, config, { filename: file.path }).filter((message) => message.fatal);
      expect(fatal, file.path).toEqual([]);
    }
  });
});
