import { mkdtempSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportedObjectOf } from '../../src/estree/exported-objects';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'exported-objects-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
function moduleFile(text: string, extension = '.ts'): string {
  const file = path.join(root, `options-${count++}${extension}`);
  writeFileSync(file, text);
  return file;
}

describe('exportedObjectOf', () => {
  it('reads the properties of an exported const object literal, spreads of other consts in order', () => {
    const file = moduleFile(`const base = { region: 'eu', retries: 3 };
export const sandbox = { ...base, host: \`sandbox.example.org\`, region: 'us' } satisfies Record<string, unknown>;
`);
    expect(exportedObjectOf(file, 'sandbox')).toEqual([
      { key: 'region', text: 'eu' },
      { key: 'retries', text: null },
      { key: 'host', text: 'sandbox.example.org' },
      { key: 'region', text: 'us' },
    ]);
  });

  it('reads JavaScript modules, quoted keys included', () => {
    const file = moduleFile("export const live = { 'host': 'api.example.org' };\n", '.js');
    expect(exportedObjectOf(file, 'live')).toEqual([{ key: 'host', text: 'api.example.org' }]);
  });

  it('gives nothing for what it cannot read for certain', () => {
    const file = moduleFile(`let mutable = { host: 'a.example.org' };
export { mutable };
export let reassigned = { host: 'b.example.org' };
export const made = makeOptions();
export const computed = { [key]: 'c.example.org' };
export const spreadsUnknown = { ...globalThis.defaults, host: 'd.example.org' };
export const spreadsLet = { ...mutable };
export const patched = { host: 'e.example.org' };
patched.host = process.env.HOST;
export const assigned = { host: 'f.example.org' };
Object.assign(assigned, { host: 'g.example.org' });
export const deleted = { host: 'h.example.org' };
delete deleted.host;
const local = { host: 'i.example.org' };
`);
    for (const name of ['mutable', 'reassigned', 'made', 'computed', 'spreadsUnknown', 'spreadsLet', 'patched', 'assigned', 'deleted', 'local', 'absent']) {
      expect(exportedObjectOf(file, name), name).toBeNull();
    }
  });

  it('does not take a comparison or a longer name for a write', () => {
    const file = moduleFile(`export const settings = { host: 'api.example.org' };
export const settingsCopy = { host: 'copy.example.org' };
settingsCopy.host = 'other.example.org';
export const isLive = settings.host === 'api.example.org';
`);
    expect(exportedObjectOf(file, 'settings')).toEqual([{ key: 'host', text: 'api.example.org' }]);
  });

  it('reads a module again once it changes', () => {
    const file = moduleFile("export const target = { host: 'one.example.org' };\n");
    expect(exportedObjectOf(file, 'target')).toEqual([{ key: 'host', text: 'one.example.org' }]);
    writeFileSync(file, "export const target = { host: 'two.example.org', port: 8443 };\n");
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(exportedObjectOf(file, 'target')).toEqual([
      { key: 'host', text: 'two.example.org' },
      { key: 'port', text: null },
    ]);
  });

  it('gives nothing for a file that does not exist or does not parse', () => {
    expect(exportedObjectOf(path.join(root, 'missing.ts'), 'target')).toBeNull();
    expect(exportedObjectOf(moduleFile('export const broken = { host: '), 'broken')).toBeNull();
  });
});
