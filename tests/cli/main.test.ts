import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const emptyDir = mkdtempSync(path.join(tmpdir(), 'cli-main-'));
afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { cwd: emptyDir, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

describe('the bin', () => {
  it('lists every command in its help, names aligned', async () => {
    const result = await run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  layers  show which layer each file lands in, and suggest createConfigs globs\n');
    expect(result.stdout).toContain('  split   split integration test files that one-boundary-per-file reports into one file per boundary\n');
    expect(result.stdout).toContain('  move    move integration tests that no-endpoint-calls reports into the acceptance layer, updating imports\n');
  });

  it.each([
    ['layers', /^Usage: npx eslint-plugin-integration-tests layers \[paths\.\.\.\] \[--config <file>\] \[--format text\|json\]\n/],
    ['split', /^Usage: npx eslint-plugin-integration-tests split <files\.\.\.> \[--name <pattern>\] \[--write\] \[--force\]\n/],
    ['move', /^Usage: npx eslint-plugin-integration-tests move <files\.\.\.> \[--to <folder>\] \[--tests\] \[--write\] \[--force\]\n/],
  ])('prints the usage of %s', async (command, usage) => {
    const result = await run([command, '--help']);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(usage);
  });

  it.each([
    [['layers', '--format', 'xml'], 'eslint-plugin-integration-tests layers: --format must be text or json, not "xml".\n'],
    [['layers', '--config'], 'eslint-plugin-integration-tests layers: --config needs a value.\n'],
    [['layers'], 'eslint-plugin-integration-tests layers: no ESLint config file (eslint.config.js, .mjs, .cjs or .ts) in this folder or above it.\n'],
    [['split'], 'eslint-plugin-integration-tests split: expected at least one file to split.\n'],
    [['split', '--name', '{name}{ext}', 'a.test.ts'], 'eslint-plugin-integration-tests split: --name "{name}{ext}" must contain {boundary}.\n'],
    [['move', '--to'], "eslint-plugin-integration-tests move: Option '--to <value>' argument missing\n"],
  ])('stops %j with one line and exit code 2', async (args, line) => {
    const result = await run(args);
    expect(result).toEqual({ status: 2, stdout: '', stderr: line });
  });
});
