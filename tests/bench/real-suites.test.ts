import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('real-suites');
const ROOT = path.resolve(__dirname, '../..');

/** One timed run of `bench/lint-once.mjs` on a repository: what it reports. */
function lintOnce(config: string, dir: string, globs: string): { files: number; messages: number; fatal: string[]; cpu: number } {
  return JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bench/lint-once.mjs'), config, dir, globs], { encoding: 'utf8', cwd: ROOT })) as never;
}

describe('the real-repository benchmark', () => {
  it('lints only the integration tests the globs name, with strict set up from them, and (a′) finding nothing', () => {
    const dir = project('shop', {
      'package.json': JSON.stringify({ name: 'shop', private: true }),
      'test/db/orders.test.ts': [
        `import { describe, it, expect } from 'vitest';`,
        `describe('orders', () => {`,
        `  it('fetches the price list', async () => {`,
        `    const response = await fetch('https://prices.acme-shop.com/list');`,
        `    expect(response.ok).toBe(true);`,
        `  });`,
        `});`,
        ``,
      ].join('\n'),
      'test/queue/jobs.test.js': `const { test } = require('node:test');\ntest('runs', () => {});\n`,
      'test/other/skipped.test.js': `this is not JavaScript`,
    });
    // Commas inside braces belong to the glob, not to the list.
    const globs = 'test/{db,queue}/*.test.{ts,js},test/none/*.test.ts';
    const strict = lintOnce('strict', dir, globs);
    expect(strict).toMatchObject({ files: 2, fatal: [] });
    // The request to a public host, reported by no-real-network.
    expect(strict.messages).toBe(1);
    expect(lintOnce('anyRule', dir, globs)).toMatchObject({ files: 2, fatal: [], messages: 0 });
  });
});
