import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ESLINT_MAJORS, fixturesDir, killRunning, repoRoot, type RunResult, runNode } from './helpers/fixture-project';
import { installPacked, type PackedInstall } from './helpers/packed-install';

// The README's snippets as written: every ESLint config in it is copied into a project with the
// packed package installed, and loaded by ESLint; sample files must land in the layers the text
// around the snippet promises. The commands of its first section run in such a project too.

assertBuilt();
const eslint = ESLINT_MAJORS[0];
type Layer = 'unit' | 'integration' | 'acceptance';

interface Snippet {
  readonly heading: string;
  readonly language: string;
  readonly code: string;
}

/** The fenced code blocks of a Markdown text, each with the heading it sits under. */
function snippetsOf(markdown: string): Snippet[] {
  const snippets: Snippet[] = [];
  let heading = '';
  let open: { language: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    if (open) {
      if (line.startsWith('```')) {
        snippets.push({ heading, language: open.language, code: `${open.lines.join('\n')}\n` });
        open = undefined;
      } else open.lines.push(line);
    } else if (line.startsWith('```')) open = { language: line.slice(3).trim(), lines: [] };
    else if (/^#+ /.test(line)) heading = line.replace(/^#+ /, '');
  }
  return snippets;
}

const CONFIG_FILE = /^\/\/ (eslint\.config\.[cm]?[jt]s)$/;
const readme = snippetsOf(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'));
const configs = readme.filter((snippet) => CONFIG_FILE.test(snippet.code.split('\n')[0]!));

const DEFAULTS: Readonly<Record<string, Layer | null>> = {
  'tests/integration/orders.test.js': 'integration',
  'tests/unit/price.test.js': 'unit',
  'test/e2e/checkout.test.js': 'acceptance',
  'tests/integration/checkout.e2e-spec.js': 'acceptance',
};

/** What the text around each config promises: where sample files land, and the rule options in force. */
const PROMISES: Readonly<Record<string, { layers: Readonly<Record<string, Layer | null>>; typescript?: boolean; options?: Readonly<Record<string, Readonly<Record<string, unknown>> | null>> }>> = {
  'Get started': { layers: DEFAULTS },
  Configure: { layers: DEFAULTS },
  TypeScript: { layers: { ...DEFAULTS, 'tests/integration/orders.test.ts': 'integration' }, typescript: true },
  Layers: {
    layers: { 'src/orders.itest.ts': 'integration', 'tests/api/orders.test.js': 'acceptance', 'tests/integration/orders.test.js': null, 'tests/unit/price.test.js': 'unit' },
  },
  'Rule options': {
    layers: DEFAULTS,
    options: {
      'tests/integration/orders.test.js no-boundary-mock': { allow: ['stripe'] },
      'tests/unit/price.test.js no-boundary-mock': null,
      'tests/unit/price.test.js no-real-network': { allowHosts: ['api.sandbox.example.com'] },
      'test/e2e/checkout.test.js no-real-network': null,
    },
  },
  NestJS: {
    layers: { 'src/users/users.service.spec.ts': 'unit', 'src/users/users.repository.int-spec.ts': 'integration', 'test/app.e2e-spec.ts': 'acceptance' },
    typescript: true,
  },
  'Express and Jest': {
    layers: { 'tests/integration/users.test.js': 'acceptance', 'tests/db/user-model.test.js': 'integration', 'tests/unit/slug.test.js': 'unit' },
  },
  Vitest: { layers: { 'src/cart.test.ts': 'unit', 'src/cart-store.integration.test.ts': 'integration', 'src/cart.ts': null }, typescript: true },
  Mocha: { layers: { 'test/price.test.js': 'unit', 'test/db/orders.test.js': 'integration' } },
  Settings: { layers: DEFAULTS },
};

const TYPED_FILE = 'src/typed-total.ts';
const PLAIN_TEST = "describe('a sample', () => {\n  it('runs', () => {});\n});\n";

let install: PackedInstall;
beforeAll(() => {
  // jiti loads eslint.config.ts on Node.js 20, as the README says.
  install = installPacked(eslint, path.join(fixturesDir, 'layouts'), ['jiti']);
}, 120_000);
afterAll(() => {
  killRunning();
  install?.remove();
});

function projectWith(config: Snippet | undefined, samples: readonly string[], typescript = false): string {
  const files: Record<string, string> = Object.fromEntries(samples.map((file) => [file, PLAIN_TEST]));
  if (typescript) files[TYPED_FILE] = 'export const total: number = 1;\n';
  if (config) files[CONFIG_FILE.exec(config.code.split('\n')[0]!)![1]!] = config.code;
  return install.project('blank', files);
}

const eslintRun = (dir: string, args: readonly string[]) => runNode(path.join(eslint.packageDir, 'bin/eslint.js'), args, dir);

function problemsOf(result: RunResult): Array<{ file: string; message: string }> {
  const reports = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ message: string }> }>;
  return reports.flatMap((report) => report.messages.map((message) => ({ file: path.basename(report.filePath), message: message.message })));
}

describe('the README', () => {
  it('has a promise written down here for every config it shows', () => {
    expect(configs.map((snippet) => snippet.heading).sort()).toEqual(Object.keys(PROMISES).sort());
  });

  it.each(configs.map((snippet) => [snippet.heading, snippet] as const))('config under "%s" loads and puts files in the layers it says', async (heading, snippet) => {
    const promise = PROMISES[heading]!;
    const dir = projectWith(snippet, Object.keys(promise.layers), promise.typescript);
    const shown = await runNode(install.bin, ['layers', '--format', 'json'], dir);
    expect(shown.stderr).toBe('');
    const report = JSON.parse(shown.stdout) as { layers: Record<Layer, { files: string[] }> };
    const landed = Object.fromEntries(
      Object.keys(promise.layers).map((file) => [file, (Object.keys(report.layers) as Layer[]).find((layer) => report.layers[layer].files.includes(file)) ?? null]),
    );
    expect(landed).toEqual(promise.layers);

    // The whole project lints: the config loads in the CLI, and every file parses.
    const linted = await eslintRun(dir, ['--format', 'json', '.']);
    expect(linted.stderr).toBe('');
    expect(problemsOf(linted)).toEqual([]);
    if (promise.typescript) expect(JSON.parse(linted.stdout).map((report: { filePath: string }) => path.basename(report.filePath))).toContain(path.basename(TYPED_FILE));

    for (const [key, options] of Object.entries(promise.options ?? {})) {
      const [file, rule] = key.split(' ') as [string, string];
      const printed = JSON.parse((await eslintRun(dir, ['--print-config', file])).stdout) as { rules: Record<string, [number, Record<string, unknown>]> };
      const configured = printed.rules[`integration-tests/${rule}`];
      if (options === null) expect(configured, key).toBeUndefined();
      else expect(configured?.[1], key).toEqual(expect.objectContaining(options));
    }
  });

  it('shows the output of layers that the command prints on a NestJS service', async () => {
    const [shown] = readme.filter((snippet) => snippet.heading === 'Get started' && snippet.language === 'text');
    const result = await runNode(install.bin, ['layers'], install.project('nest-app'));
    expect(result.stdout).toBe(shown!.code);
  });

  it('runs the commands of its first section as written', async () => {
    const getStarted = readme.filter((snippet) => snippet.heading === 'Get started');
    const config = getStarted.find((snippet) => CONFIG_FILE.test(snippet.code.split('\n')[0]!));
    const commands = getStarted
      .filter((snippet) => snippet.language === 'sh')
      .flatMap((snippet) => snippet.code.split('\n'))
      .filter((line) => line.trim() !== '');
    expect(commands).toEqual(['npm install --save-dev eslint eslint-plugin-integration-tests', 'npx eslint-plugin-integration-tests layers', 'npx eslint .']);

    const dir = projectWith(config, Object.keys(DEFAULTS));
    // npm install is what the packed install stands for; the npx commands run the installed bins.
    const layers = await runNode(install.bin, ['layers'], dir);
    expect([layers.status, layers.stderr]).toEqual([0, '']);
    expect(layers.stdout).toContain('  integration     1  tests/integration/orders.test.js');
    const linted = await eslintRun(dir, ['.']);
    expect([linted.status, linted.stdout, linted.stderr]).toEqual([0, '', '']);
  });
});
