import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageBinsFor } from '../../src/util/package-bins';

const root = mkdtempSync(path.join(tmpdir(), 'package-bins-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Makes `<root>/<name>` with an optional package.json, and returns a test file path inside it. */
function project(name: string, manifest?: string): string {
  const directory = path.join(root, name);
  mkdirSync(path.join(directory, 'tests', 'integration'), { recursive: true });
  if (manifest !== undefined) writeFileSync(path.join(directory, 'package.json'), manifest);
  return path.join(directory, 'tests', 'integration', 'cli.test.ts');
}

describe('packageBinsFor', () => {
  it.each([
    ['a bin object', JSON.stringify({ name: 'acme', bin: { acme: './bin/acme.js', 'acme-admin': './bin/admin.js' } }), ['acme', 'acme-admin']],
    ['a bin string, named after the unscoped package', JSON.stringify({ name: '@acme/cli', bin: './bin/cli.js' }), ['cli']],
    ['no bin', JSON.stringify({ name: 'acme' }), []],
    ['bin entries that are not paths', JSON.stringify({ name: 'acme', bin: { ok: './x.js', broken: 42 } }), ['ok']],
    ['a malformed package.json', '{ "name": "acme", ', []],
    ['a package.json that is not an object', '"acme"', []],
  ])('reads %s', (label, manifest, expected) => {
    expect([...packageBinsFor(project(label.replace(/\W+/g, '-'), manifest))].sort()).toEqual(expected);
  });

  it('uses the nearest package.json, even without bins', () => {
    const outer = path.join(root, 'outer');
    mkdirSync(path.join(outer, 'packages', 'inner', 'tests'), { recursive: true });
    writeFileSync(path.join(outer, 'package.json'), JSON.stringify({ name: 'outer', bin: { outer: 'x.js' } }));
    writeFileSync(path.join(outer, 'packages', 'inner', 'package.json'), JSON.stringify({ name: 'inner' }));
    expect([...packageBinsFor(path.join(outer, 'packages', 'inner', 'tests', 'a.test.ts'))]).toEqual([]);
    expect([...packageBinsFor(path.join(outer, 'tests', 'a.test.ts'))]).toEqual(['outer']);
  });

  it('reads each directory once', () => {
    const file = project('cached', JSON.stringify({ name: 'cached', bin: { cached: 'x.js' } }));
    expect([...packageBinsFor(file)]).toEqual(['cached']);
    rmSync(path.join(root, 'cached', 'package.json'));
    expect([...packageBinsFor(file)]).toEqual(['cached']);
  });

  it('gives nothing for a file name that is not a path', () => {
    expect([...packageBinsFor('<input>')]).toEqual([]);
  });
});
