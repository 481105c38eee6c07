import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

/** The modules a fresh Node process has loaded after requiring the built plugin. */
function modulesLoadedByPlugin(): string[] {
  const script = `require(${JSON.stringify(root)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
}

describe('loading the plugin', () => {
  // Editors load the plugin on start; the root of @typescript-eslint/utils would pull in ESLint
  // itself, the scope manager and TypeScript's helpers, several times the plugin's own cost.
  // The module resolver and the parsers for project modules load on first use, not with the plugin.
  it('does not load ESLint, the scope manager, TypeScript or the module resolver', () => {
    const heavy = modulesLoadedByPlugin().filter((file) =>
      /[\\/]node_modules[\\/](?:eslint|espree|oxc-resolver|@oxc-resolver[\\/][^\\/]+|@typescript-eslint[\\/](?:scope-manager|typescript-estree)|typescript)[\\/]/.test(file),
    );
    expect(heavy).toEqual([]);
  });
});
