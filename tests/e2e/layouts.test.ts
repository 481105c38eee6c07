import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ESLINT_MAJORS, fixturesDir, killRunning, type RunResult, runNode } from './helpers/fixture-project';
import { installPacked, type PackedInstall } from './helpers/packed-install';
import { builtRules } from './helpers/shop';

// The packed package installed into projects laid out as real ones are (an Express API whose
// tests/integration folder holds supertest tests, a NestJS service, a repository of recipes whose
// tests match no default glob): what `layers` shows and suggests, and what the first `eslint` run
// finds once the suggestion is applied.

assertBuilt();
const eslint = ESLINT_MAJORS[0];
const ruleLayers = Object.fromEntries(
  Object.entries(builtRules()).map(([name, rule]) => [`integration-tests/${name}`, (rule.meta.docs as { layers?: string[] } | undefined)?.layers ?? []]),
);

interface LayersReport {
  files: number;
  layers: Record<'unit' | 'integration' | 'acceptance', { count: number; files: string[] }>;
  unlayered: string[];
  conventions: Array<{ reason: string; layers: Record<string, string[]> }>;
  createConfigs: Record<string, string[]>;
  notes: string[];
}
interface Finding {
  file: string;
  rule: string | null;
  line: number;
}

let install: PackedInstall;
beforeAll(() => {
  install = installPacked(eslint, path.join(fixturesDir, 'layouts'));
}, 120_000);
afterAll(() => {
  killRunning();
  install?.remove();
});

const layers = (dir: string, args: readonly string[] = []) => runNode(install.bin, ['layers', ...args], dir);

async function layersJson(dir: string): Promise<{ result: RunResult; report: LayersReport }> {
  const result = await layers(dir, ['--format', 'json']);
  return { result, report: JSON.parse(result.stdout) as LayersReport };
}

async function lint(dir: string, args: readonly string[] = ['.']): Promise<{ result: RunResult; findings: Finding[] }> {
  const result = await runNode(path.join(eslint.packageDir, 'bin/eslint.js'), ['--format', 'json', ...args], dir);
  const reports = result.stdout ? (JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number }> }>) : [];
  const findings = reports.flatMap((report) =>
    report.messages.map((message) => ({ file: path.relative(dir, report.filePath).split(path.sep).join('/'), rule: message.ruleId, line: message.line })),
  );
  return { result, findings };
}

/** Each finding's rule is one the layer of its file runs. */
function expectFindingsInTheirLayers(findings: readonly Finding[], report: LayersReport): void {
  const layerOf = (file: string) => (Object.keys(report.layers) as Array<keyof LayersReport['layers']>).find((layer) => report.layers[layer].files.includes(file));
  for (const finding of findings) {
    expect(finding.rule, `${finding.file}:${finding.line}`).toMatch(/^integration-tests\//);
    expect(ruleLayers[finding.rule!], `${finding.file}:${finding.line} ${finding.rule}`).toContain(layerOf(finding.file));
  }
}

const cjsConfig = (argument: unknown) =>
  [
    "const integrationTests = require('eslint-plugin-integration-tests');",
    '',
    `const { recommended } = integrationTests.createConfigs(${JSON.stringify(argument)});`,
    '',
    'module.exports = [...recommended];',
    '',
  ].join('\n');

const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('an Express API with supertest tests under tests/integration', () => {
  it('shows each layer with its files, and suggests nothing', async () => {
    const dir = install.project('express-api');
    const result = await layers(dir);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe(
      [
        'Of 8 files that eslint.config.js lints, these land in a layer:',
        '',
        '  unit            1  tests/unit/title.test.js',
        '  integration     2  tests/integration/note-model.test.js, tests/integration/notes-api.test.js',
        '  acceptance      0',
        '',
      ].join('\n'),
    );
  });

  it('reports on the first run what the integration layer forbids, each finding once', async () => {
    const dir = install.project('express-api');
    const { result, findings } = await lint(dir);
    expect(result.status).toBe(1);
    expect(findings).toEqual([
      { file: 'tests/integration/note-model.test.js', rule: 'integration-tests/no-boundary-mock', line: 4 },
      { file: 'tests/integration/notes-api.test.js', rule: 'integration-tests/no-endpoint-calls', line: 19 },
    ]);
    expectFindingsInTheirLayers(findings, (await layersJson(dir)).report);
  });

  it('moves the folder to the acceptance layer with one createConfigs line', async () => {
    const dir = install.project('express-api', { 'eslint.config.js': cjsConfig({ acceptance: ['tests/integration/**'] }) });
    const { report } = await layersJson(dir);
    expect(report.layers.acceptance.files).toEqual(['tests/integration/note-model.test.js', 'tests/integration/notes-api.test.js']);
    expect(report.layers.integration.count).toBe(0);
    const { result, findings } = await lint(dir);
    expect([result.status, findings]).toEqual([0, []]);
  });

  it('lints cleanly with integration: [] (a layer with no files)', async () => {
    const dir = install.project('express-api', { 'eslint.config.js': cjsConfig({ integration: [] }) });
    const { result, findings } = await lint(dir);
    expect([result.status, result.stderr, findings]).toEqual([0, '', []]);
    const shown = await layersJson(dir);
    expect(shown.report.layers.integration.count).toBe(0);
    expect(shown.report.unlayered).toEqual(['tests/integration/note-model.test.js', 'tests/integration/notes-api.test.js']);
  });

  it("applies a rule option given to createConfigs in the rule's layers only", async () => {
    const dir = install.project('express-api', {
      'eslint.config.js': cjsConfig({ rules: { 'no-boundary-mock': { allow: ['mongoose'] }, 'no-real-network': { allowHosts: ['sandbox.example.com'] } } }),
    });
    const { findings } = await lint(dir);
    expect(findings).toEqual([{ file: 'tests/integration/notes-api.test.js', rule: 'integration-tests/no-endpoint-calls', line: 19 }]);
    const printed = async (file: string) => {
      const result = await runNode(path.join(eslint.packageDir, 'bin/eslint.js'), ['--print-config', file], dir);
      return (JSON.parse(result.stdout) as { rules: Record<string, unknown> }).rules;
    };
    const integration = await printed('tests/integration/note-model.test.js');
    const unit = await printed('tests/unit/title.test.js');
    expect(integration['integration-tests/no-boundary-mock']).toEqual([2, { allow: ['mongoose'], autofix: false }]);
    expect(unit['integration-tests/no-boundary-mock']).toBeUndefined();
    // ESLint prints the options merged with the rule's defaults.
    expect(unit['integration-tests/no-real-network']).toEqual([2, { allowHosts: ['sandbox.example.com'], autofix: false }]);
    expect(integration['integration-tests/no-real-network']).toEqual([2, { allowHosts: ['sandbox.example.com'], autofix: false }]);
    expect(Object.keys(await printed('src/app.js')).filter((rule) => rule.startsWith('integration-tests/'))).toEqual([]);
  });
});

describe('a NestJS service with spec files under src and e2e specs under test', () => {
  it('finds the tests in no layer and suggests the NestJS and *.int-spec conventions', async () => {
    const dir = install.project('nest-app');
    const result = await layers(dir);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe(
      [
        'Of 7 files that eslint.config.mjs lints, these land in a layer:',
        '',
        '  unit            0',
        '  integration     0',
        '  acceptance      1  test/tasks.e2e-spec.ts',
        '',
        '2 files look like tests but are in no layer:',
        '  src/tasks/tasks.controller.spec.ts',
        '  src/tasks/tasks.repository.int-spec.ts',
        '',
        'Conventions found:',
        '  - NestJS: *.spec files beside the code under src/ are unit tests (1 file); the test/**/*.e2e-spec files are acceptance tests already (1 file)',
        '  - *.int-spec and *.integration-spec files are integration tests (1 file)',
        '',
        'Suggested config (layers you leave out keep their defaults):',
        '',
        '  const { recommended } = integrationTests.createConfigs({',
        "    unit: ['src/**/*.spec.ts'],",
        "    integration: ['**/*.{int,integration}-spec.ts'],",
        '  });',
        '  export default [...recommended];',
        '',
      ].join('\n'),
    );
  });

  it('gives findings in the right layer once the suggestion is applied', async () => {
    const { report: before } = await layersJson(install.project('nest-app'));
    const config = [
      "import tsParser from '@typescript-eslint/parser';",
      "import integrationTests from 'eslint-plugin-integration-tests';",
      '',
      `const { recommended } = integrationTests.createConfigs(${JSON.stringify(before.createConfigs)});`,
      '',
      "export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, ...recommended];",
      '',
    ].join('\n');
    const dir = install.project('nest-app', { 'eslint.config.mjs': config });
    const { report } = await layersJson(dir);
    expect([report.layers.unit.files, report.layers.integration.files, report.layers.acceptance.files, report.unlayered]).toEqual([
      ['src/tasks/tasks.controller.spec.ts'],
      ['src/tasks/tasks.repository.int-spec.ts'],
      ['test/tasks.e2e-spec.ts'],
      [],
    ]);
    const { findings } = await lint(dir);
    expect(findings).toEqual([
      { file: 'src/tasks/tasks.controller.spec.ts', rule: 'integration-tests/no-infrastructure-in-unit-tests', line: 12 },
      { file: 'src/tasks/tasks.repository.int-spec.ts', rule: 'integration-tests/no-boundary-mock', line: 4 },
      { file: 'src/tasks/tasks.repository.int-spec.ts', rule: 'integration-tests/no-boundary-mock', line: 9 },
    ]);
    expectFindingsInTheirLayers(findings, report);
  });
});

describe('a repository of recipes whose tests match no default glob', () => {
  it('exits 1 when no file lands in a layer, and suggests the globs of the Jest project named integration', async () => {
    const dir = install.project('recipes');
    const { result, report } = await layersJson(dir);
    expect(result.status).toBe(1);
    expect(linesOf(result.stderr)).toEqual([
      'eslint-plugin-integration-tests layers: no file lands in any layer. Spread integrationTests.configs.recommended (or createConfigs(...).recommended) into your ESLint config, with globs that match your tests.',
    ]);
    expect(report.unlayered).toEqual(['recipes/orders-db/test/order-store.test.js', 'recipes/weather-http/test/forecast-client.test.js']);
    expect(report.conventions.map((convention) => convention.reason)).toEqual(['Jest project "integration" runs integration tests: recipes/*/test/**/*.test.js']);
    expect(report.createConfigs).toEqual({ integration: ['recipes/*/test/**/*.test.js'] });
    const { findings } = await lint(dir);
    expect(findings).toEqual([]);
  });

  it('gives findings in the right layer once the suggestion is applied', async () => {
    const dir = install.project('recipes', { 'eslint.config.js': cjsConfig({ integration: ['recipes/*/test/**/*.test.js'] }) });
    const { result, report } = await layersJson(dir);
    expect(result.status).toBe(0);
    expect(report.layers.integration.count).toBe(2);
    const { findings } = await lint(dir);
    expect(findings).toEqual([{ file: 'recipes/orders-db/test/order-store.test.js', rule: 'integration-tests/no-shared-test-data', line: 9 }]);
    expectFindingsInTheirLayers(findings, report);
  });
});

describe('bad input', () => {
  const message = 'Invalid createConfigs argument e2e: expected one of the keys unit, integration, acceptance, layers, rules, got an array (["test/**"]).';

  it('stops eslint with one line when createConfigs gets an unknown layer', async () => {
    const dir = install.project('express-api', { 'eslint.config.js': cjsConfig({ e2e: ['test/**'] }) });
    const { result } = await lint(dir);
    expect(result.status).toBe(2);
    expect(linesOf(result.stderr)).toEqual(['Oops! Something went wrong! :(', expect.stringMatching(/^ESLint: \d+\./), `InvalidConfigsError: ${message}`]);
  });

  it.each([
    ['an unknown layer in createConfigs', { 'eslint.config.js': cjsConfig({ e2e: ['test/**'] }) }, [], `could not load eslint.config.js: ${message}`],
    [
      'a glob that is not an array',
      { 'eslint.config.js': cjsConfig({ integration: 'tests/**' }) },
      [],
      'could not load eslint.config.js: Invalid createConfigs argument integration: expected an array of globs (an empty array for a layer with no files), got the string "tests/**".',
    ],
    [
      'a glob that does not compile',
      { 'eslint.config.js': cjsConfig({ integration: ['tests/{integration'] }) },
      [],
      'could not load eslint.config.js: Invalid createConfigs argument integration[0]: expected a valid glob, got the string "tests/{integration".',
    ],
    ['a config that does not parse', { 'eslint.config.js': 'module.exports = [\n' }, [], expect.stringMatching(/^could not load eslint\.config\.js: \S.*$/)],
    ['a config file that does not exist', {}, ['--config', 'missing.config.js'], expect.stringMatching(/^could not load missing\.config\.js: .*missing\.config\.js/)],
    ['a path that does not exist', {}, ['spec'], 'spec: no such file or folder.'],
    ['an unknown option', {}, ['--verbose'], 'unknown option --verbose; run with --help for the options.'],
    ['no config file at all', null, [], 'no ESLint config file (eslint.config.js, .mjs, .cjs or .ts) in this folder or above it.'],
  ])('stops layers with one line and exit code 2 on %s', async (_case, files, args, line) => {
    const result = await layers(files ? install.project('express-api', files) : install.project('blank'), args);
    expect([result.status, result.stdout]).toEqual([2, '']);
    const lines = linesOf(result.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.replace(/^eslint-plugin-integration-tests layers: /, '')).toEqual(line);
  });
});
