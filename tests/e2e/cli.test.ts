import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  createFixtureProject,
  ESLINT_MAJORS,
  type EslintMajor,
  type FixtureProject,
  fixturesDir,
  killRunning,
  type RunResult,
  runEslint,
} from './helpers/fixture-project';
import { ALL_RULES, builtRules, expectedProblems, fixedFixture, hasAutofixOption, SHOP_FIXES, SHOP_PROBLEMS } from './helpers/shop';

// The real ESLint CLI of each supported major, on copies of the shop fixture that load the built
// package by its name, with the config written as an ES module, as CommonJS and in TypeScript.

assertBuilt();
const rules = builtRules();

/** The rules whose edits the spec calls honest enough to offer `autofix: true`. */
const RULES_WITH_AUTOFIX = ['no-boundary-mock', 'no-real-network', 'no-shared-test-data', 'prefer-shared-infrastructure', 'require-cleanup'];
const CONFIGS = ['esm.js', 'commonjs.cjs', 'typescript.ts'] as const;
const LINTED = /\.(?:[cm]?js|ts)$/;

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.name === 'node_modules') return [];
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}
const shopFiles = listFiles(path.join(fixturesDir, 'shop')).filter((file) => LINTED.test(file)).sort();

interface LintReport {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; column: number; message: string; fatal?: boolean; severity: number }>;
}

function parseReport(result: RunResult, dir: string): Map<string, LintReport['messages']> {
  const reports = JSON.parse(result.stdout) as LintReport[];
  return new Map(reports.map((report) => [path.relative(dir, report.filePath).split(path.sep).join('/'), report.messages]));
}

/** Each major's runs start together and share two processes at a time; tests await their own. */
interface MajorRuns {
  readonly lint: Record<(typeof CONFIGS)[number], Promise<{ result: RunResult; project: FixtureProject }>>;
  readonly fix: Promise<{ first: RunResult; second: RunResult; project: FixtureProject; afterFirst: Map<string, string> }>;
  readonly badSettings: Promise<RunResult>;
  readonly badSettingsHelper: Promise<RunResult>;
}

const projects: FixtureProject[] = [];
function project(config: string, eslint: EslintMajor): FixtureProject {
  const created = createFixtureProject({ fixture: 'shop', config, eslint });
  projects.push(created);
  return created;
}

/** Marks a run awaited later as handled, so a failure is reported by the test that awaits it. */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function startRuns(eslint: EslintMajor): MajorRuns {
  const lintWith = async (config: string) => {
    const created = project(config, eslint);
    return { result: await runEslint(eslint, created.dir, ['--format', 'json', '.']), project: created };
  };
  const readAll = (dir: string) => new Map(shopFiles.map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
  return {
    lint: {
      'esm.js': awaitedLater(lintWith('esm.js')),
      'commonjs.cjs': awaitedLater(lintWith('commonjs.cjs')),
      'typescript.ts': awaitedLater(lintWith('typescript.ts')),
    },
    fix: awaitedLater(
      (async () => {
        const created = project('autofix.js', eslint);
        const first = await runEslint(eslint, created.dir, ['--fix', '--format', 'json', '.']);
        const afterFirst = readAll(created.dir);
        const second = await runEslint(eslint, created.dir, ['--fix', '--format', 'json', '.']);
        return { first, second, project: created, afterFirst };
      })(),
    ),
    badSettings: awaitedLater(runEslint(eslint, project('bad-settings.js', eslint).dir, ['.'])),
    badSettingsHelper: awaitedLater(runEslint(eslint, project('bad-settings-helper.js', eslint).dir, ['.'])),
  };
}

const runs = new Map<number, MajorRuns>();
beforeAll(() => {
  for (const eslint of ESLINT_MAJORS) runs.set(eslint.major, startRuns(eslint));
});
afterAll(() => {
  killRunning();
  for (const created of projects) created.remove();
});

describe('the fixture tables', () => {
  it('cover every rule, and the built package has every rule', () => {
    expect(Object.keys(rules).sort()).toEqual([...ALL_RULES]);
    const named = new Set(Object.values(SHOP_PROBLEMS).flatMap((problems) => problems.map(([rule]) => rule)));
    named.delete(null);
    expect([...named].sort()).toEqual([...ALL_RULES]);
    for (const file of [...Object.keys(SHOP_PROBLEMS), ...Object.keys(SHOP_FIXES)]) expect(shopFiles).toContain(file);
  });

  it('expect a fix only from rules that take autofix, and from each of them', () => {
    for (const rule of ALL_RULES) expect([rule, hasAutofixOption(rules[rule]!)]).toEqual([rule, RULES_WITH_AUTOFIX.includes(rule)]);
    expect([...new Set(Object.values(SHOP_FIXES).flat())].sort()).toEqual(RULES_WITH_AUTOFIX);
  });
});

describe.each(ESLINT_MAJORS)('the ESLint $major CLI', (eslint) => {
  const eslintVersion = (JSON.parse(readFileSync(path.join(eslint.packageDir, 'package.json'), 'utf8')) as { version: string }).version;

  it('is the major under test', () => {
    expect(eslintVersion.split('.')[0]).toBe(String(eslint.major));
  });

  it.each(CONFIGS)('reports exactly the expected rule ids and lines with the config in %s', async (config) => {
    const { result, project: linted } = await runs.get(eslint.major)!.lint[config];
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = parseReport(result, linted.dir);
    const configFile = `eslint.config${path.extname(config)}`;
    expect([...report.keys()].sort()).toEqual([...shopFiles, configFile].sort());

    const actual = Object.fromEntries([...report].map(([file, messages]) => [file, messages.map((message) => [message.ruleId, message.line])]));
    const expected = Object.fromEntries([...report.keys()].map((file) => [file, expectedProblems(file)]));
    expect(actual).toEqual(expected);
    for (const messages of report.values()) {
      for (const message of messages) expect(message.severity).toBe(2);
    }
  });

  it('gives a file with a syntax error a parse error and no rule crash', async () => {
    const { result, project: linted } = await runs.get(eslint.major)!.lint['esm.js'];
    const messages = parseReport(result, linted.dir).get('tests/integration/refund.test.ts');
    expect(messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true, line: 7, column: 32, message: "Parsing error: ')' expected." })]);
    expect(result.stdout).not.toMatch(/Error while loading rule|Occurred while linting/);
  });

  it('applies with --fix exactly the fixes of the rules set to autofix, byte for byte, and converges', async () => {
    const { first, second, project: fixed, afterFirst } = await runs.get(eslint.major)!.fix;
    expect(first.stderr).toBe('');
    expect(first.status).toBe(1);
    const expectedFiles = shopFiles.map((file) => {
      const fixture = fixedFixture(file) ?? `shop/${file}`;
      if (!existsSync(path.join(fixturesDir, fixture))) throw new Error(`no expected --fix result for ${file}: add fixtures/${fixture}`);
      return [file, readFileSync(path.join(fixturesDir, fixture), 'utf8')];
    });
    expect([...afterFirst]).toEqual(expectedFiles);
    expect(second.status).toBe(1);
    expect(shopFiles.map((file) => [file, readFileSync(path.join(fixed.dir, file), 'utf8')])).toEqual(expectedFiles);
  });

  const badSettingsLines = [
    'Oops! Something went wrong! :(',
    `ESLint: ${eslintVersion}`,
    `InvalidSettingsError: Invalid settings['integration-tests'].boundaries.database: expected an array of globs, got the string "src/db".`,
  ];
  const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

  // ESLint prints a crash as the error's stack; the plugin's settings error carries only its message
  // as stack, so what ESLint adds to the message (rule id, file) and its own frames stay out of it.
  it('stops on a bad setting with one line naming the key, and no stack trace from the rule', async () => {
    const result = await runs.get(eslint.major)!.badSettings;
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(linesOf(result.stderr)).toEqual(badSettingsLines);
  });

  it('stops on a bad setting written through defineSettings with the same line, while the config loads', async () => {
    const result = await runs.get(eslint.major)!.badSettingsHelper;
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(linesOf(result.stderr)).toEqual(badSettingsLines);
  });
});
