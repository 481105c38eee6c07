import fs, { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { declaredHookNamesOf, runnerSetupOf } from '../../src/estree/runner-setup';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'runner-setup-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
/** A project on disk with the given files; returns the path of a test file inside it. */
function project(files: Record<string, string>): { dir: string; test: string } {
  const dir = path.join(root, `project-${count++}`);
  for (const [name, text] of Object.entries({ 'package.json': '{ "name": "shop" }', ...files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const test = path.join(dir, 'tests/integration/orders.test.ts');
  mkdirSync(path.dirname(test), { recursive: true });
  writeFileSync(test, '');
  return { dir, test };
}

describe('runnerSetupOf', () => {
  it('reads Vitest setup files, one or a list', () => {
    const { dir, test } = project({ 'vitest.config.ts': "export default defineConfig({ test: { setupFiles: ['./tests/setup.ts', 'reflect-metadata'] } });" });
    expect(runnerSetupOf(test)).toEqual({ modules: [path.join(dir, 'tests/setup.ts'), 'reflect-metadata'] });
  });

  it('reads Jest setup files from package.json and resolves <rootDir>', () => {
    const { dir, test } = project({ 'package.json': JSON.stringify({ jest: { setupFilesAfterEnv: ['<rootDir>/test/db-reset.js'] } }) });
    expect(runnerSetupOf(test)).toEqual({ modules: [path.join(dir, 'test/db-reset.js')] });
  });

  it('reads a Mocha YAML list of required modules', () => {
    const { dir, test } = project({ '.mocharc.yml': 'require:\n  - ts-node/register\n  - test/hooks.ts\ntimeout: 5000\n' });
    expect(runnerSetupOf(test)).toEqual({ modules: ['ts-node/register', path.join(dir, 'test/hooks.ts')] });
  });

  it('is unknown when a setup entry is computed', () => {
    const { test } = project({ 'jest.config.js': "module.exports = { setupFilesAfterEnv: [path.join(__dirname, 'setup.js')] };" });
    expect(runnerSetupOf(test)).toBe('unknown');
  });

  it('finds nothing in a project without runner configuration, or for text not on disk', () => {
    const { test } = project({});
    expect(runnerSetupOf(test)).toEqual({ modules: [] });
    expect(runnerSetupOf('tests/integration/not-on-disk.test.ts')).toEqual({ modules: [] });
  });

  it('stops at the project root: a parent folder configuration governs other projects', () => {
    const { dir } = project({ 'vitest.config.ts': "export default { test: { setupFiles: './setup.ts' } };" });
    const inner = path.join(dir, 'examples');
    mkdirSync(inner);
    writeFileSync(path.join(inner, 'eslint.config.js'), 'export default [];');
    writeFileSync(path.join(inner, 'orders.test.ts'), '');
    expect(runnerSetupOf(path.join(inner, 'orders.test.ts'))).toEqual({ modules: [] });
  });

  describe('after a while', () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    it('does not list or read a configuration again while nothing it came from has changed', () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
      const { dir, test } = project({ 'vitest.config.ts': "export default { test: { setupFiles: ['./tests/reset.ts'] } };" });
      expect(runnerSetupOf(test)).toEqual({ modules: [path.join(dir, 'tests/reset.ts')] });
      const listings = vi.spyOn(fs, 'readdirSync');
      const reads = vi.spyOn(fs, 'readFileSync');
      vi.setSystemTime(new Date('2026-01-01T00:01:00Z'));
      expect(runnerSetupOf(test)).toEqual({ modules: [path.join(dir, 'tests/reset.ts')] });
      expect(listings).not.toHaveBeenCalled();
      expect(reads).not.toHaveBeenCalled();
    });

    it('sees a configuration edited, added or removed, and trusts it until then', () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
      const { dir, test } = project({ 'vitest.config.ts': "export default { test: { setupFiles: ['./tests/reset.ts'] } };" });
      expect(runnerSetupOf(test)).toEqual({ modules: [path.join(dir, 'tests/reset.ts')] });

      writeFileSync(path.join(dir, 'vitest.config.ts'), "export default { test: { setupFiles: ['./tests/truncate-all.ts'] } };");
      // Trusted for a moment: a run over many files does not look at the disk for every file.
      expect(runnerSetupOf(test)).toEqual({ modules: [path.join(dir, 'tests/reset.ts')] });
      vi.setSystemTime(new Date('2026-01-01T00:00:05Z'));
      expect(runnerSetupOf(test)).toEqual({ modules: [path.join(dir, 'tests/truncate-all.ts')] });

      // A configuration added beside the test file.
      writeFileSync(path.join(dir, 'tests/integration/.mocharc.json'), '{ "require": ["./hooks.js"] }');
      vi.setSystemTime(new Date('2026-01-01T00:00:10Z'));
      expect(runnerSetupOf(test)).toEqual({ modules: [path.join(dir, 'tests/integration/hooks.js'), path.join(dir, 'tests/truncate-all.ts')] });

      // Removed again.
      rmSync(path.join(dir, 'tests/integration/.mocharc.json'));
      vi.setSystemTime(new Date('2026-01-01T00:00:15Z'));
      expect(runnerSetupOf(test)).toEqual({ modules: [path.join(dir, 'tests/truncate-all.ts')] });
    });
  });
});

describe('declaredHookNamesOf', () => {
  /** A repository (its `.git` stops the search) with a test file in `packageDir`. */
  function repository(files: Record<string, string>, packageDir = '.'): string {
    const { dir } = project({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
    const test = path.join(dir, packageDir, 'test/orders.test.js');
    mkdirSync(path.dirname(test), { recursive: true });
    writeFileSync(test, '');
    return test;
  }

  it.each([
    ['zUnit in the test script and the dependencies', { 'package.json': JSON.stringify({ scripts: { test: 'zUnit' }, devDependencies: { zunit: '^4.0.0' } }) }, 'bdd'],
    ['Mocha by its configuration file', { '.mocharc.yml': 'timeout: 5000\n' }, 'bdd'],
    ['Jest by its configuration file', { 'jest.config.ts': 'export default {};' }, 'jest'],
    ['Vitest as a dependency', { 'package.json': JSON.stringify({ devDependencies: { vitest: '^4.0.0' } }) }, 'jest'],
    ['runners of both kinds', { 'package.json': JSON.stringify({ devDependencies: { mocha: '^10.0.0', jest: '^29.0.0' } }) }, null],
    ['no runner at all', { 'package.json': JSON.stringify({ devDependencies: { chai: '^5.0.0' } }) }, null],
    ['a folder named for a runner, which configures nothing', { 'jest/helpers.js': 'module.exports = {};' }, null],
  ] as const)('reads %s', (_, files, expected) => {
    expect(declaredHookNamesOf(repository(files))).toBe(expected);
  });

  it("takes a workspace root's runner when the package names none", () => {
    const test = repository(
      { 'package.json': JSON.stringify({ workspaces: ['packages/*'], devDependencies: { mocha: '^10.0.0' } }), 'packages/orders/package.json': '{ "name": "orders" }' },
      'packages/orders',
    );
    expect(declaredHookNamesOf(test)).toBe('bdd');
  });

  it('says nothing for text that is not a file on disk', () => {
    expect(declaredHookNamesOf('tests/integration/orders.test.ts')).toBeNull();
  });
});
