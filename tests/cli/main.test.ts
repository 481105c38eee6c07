import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd: process.cwd(), stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('the bin', () => {
  it('lists split and move in its help', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}split {2}Split integration test files that one-boundary-per-file reports into one file per boundary$/m);
    expect(result.stdout).toMatch(/^ {2}move {3}Move integration tests that no-endpoint-calls reports into the acceptance layer, updating imports$/m);
  });

  it.each([
    ['split', /^Usage: npx eslint-plugin-integration-tests split <files\.\.\.> \[--name <pattern>\] \[--write\] \[--force\]\n/],
    ['move', /^Usage: npx eslint-plugin-integration-tests move <files\.\.\.> \[--to <folder>\] \[--tests\] \[--write\] \[--force\]\n/],
  ])('prints the usage of %s', async (command, usage) => {
    const result = await run(command, '--help');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(usage);
  });

  it.each([
    [['split'], 'eslint-plugin-integration-tests split: expected at least one file to split.\n'],
    [['split', '--name', '{name}{ext}', 'a.test.ts'], 'eslint-plugin-integration-tests split: --name "{name}{ext}" must contain {boundary}.\n'],
    [['move', '--to'], "eslint-plugin-integration-tests move: Option '--to <value>' argument missing\n"],
  ])('refuses %j with one line and exit 2', async (args, line) => {
    const result = await run(...args);
    expect([result.code, result.stdout, result.stderr]).toEqual([2, '', line]);
  });
});
