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
  it('lists the layers command in its help', async () => {
    const result = await run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  layers  show which layer each file lands in, and suggest createConfigs globs\n');
  });

  it('prints the usage of layers', async () => {
    const result = await run(['layers', '--help']);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^Usage: npx eslint-plugin-integration-tests layers \[paths\.\.\.\] \[--config <file>\] \[--format text\|json\]\n/);
  });

  it.each([
    [['layers', '--format', 'xml'], '--format must be text or json, not "xml".'],
    [['layers', '--config'], '--config needs a value.'],
    [['layers'], 'no ESLint config file (eslint.config.js, .mjs, .cjs or .ts) in this folder or above it.'],
  ])('stops %j with one line and exit code 2', async (args, line) => {
    const result = await run(args);
    expect(result).toEqual({ status: 2, stdout: '', stderr: `eslint-plugin-integration-tests layers: ${line}\n` });
  });
});
