/**
 * Small projects written to a temporary folder for one test file, removed when the file's tests
 * are done: the rules that read a project's own modules are tried on real files on disk.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** Returns a function that writes one project (`files` by path relative to it) and gives its folder. */
export function temporaryProjects(prefix: string): (name: string, files: Record<string, string>) => string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), `${prefix}-`)));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return (name, files) => {
    const dir = path.join(root, name);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  };
}
