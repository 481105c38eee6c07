import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyAll, formatDiff, type FileChange } from '../../src/cli/changes';
import { UsageError } from '../../src/cli/command';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'integration-tests-changes-'));
  mkdirSync(path.join(dir, 'tests'));
  writeFileSync(path.join(dir, 'tests/kept.ts'), 'export const kept = 1;\n');
  writeFileSync(path.join(dir, 'tests/gone.ts'), 'export const gone = 2;\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (file: string) => path.join(dir, file);
function changes(): FileChange[] {
  return [
    { file: at('tests/kept.ts'), before: 'export const kept = 1;\n', after: 'export const kept = 10;\n' },
    { file: at('tests/gone.ts'), before: 'export const gone = 2;\n', after: null },
    { file: at('tests/acceptance/deep/new.ts'), before: null, after: 'export const added = 3;\n' },
  ];
}

describe('applyAll', () => {
  it('writes, edits and deletes every file when the check passes', async () => {
    await applyAll(changes(), async () => undefined);
    expect(readFileSync(at('tests/kept.ts'), 'utf8')).toBe('export const kept = 10;\n');
    expect(existsSync(at('tests/gone.ts'))).toBe(false);
    expect(readFileSync(at('tests/acceptance/deep/new.ts'), 'utf8')).toBe('export const added = 3;\n');
  });

  it('puts every file back, and removes the folders it made, when the check after writing fails', async () => {
    let sawWritten = false;
    const failing = applyAll(changes(), async () => {
      sawWritten = existsSync(at('tests/acceptance/deep/new.ts'));
      throw new UsageError('tests/acceptance/deep/new.ts would not parse');
    });
    await expect(failing).rejects.toThrow('would not parse');
    expect(sawWritten).toBe(true);
    expect(readFileSync(at('tests/kept.ts'), 'utf8')).toBe('export const kept = 1;\n');
    expect(readFileSync(at('tests/gone.ts'), 'utf8')).toBe('export const gone = 2;\n');
    expect(existsSync(at('tests/acceptance'))).toBe(false);
  });

  it('stops before writing over a file that changed since it was read, and undoes what it did', async () => {
    writeFileSync(at('tests/gone.ts'), 'export const gone = 20;\n');
    await expect(applyAll(changes(), async () => undefined)).rejects.toThrow('changed while the command ran');
    expect(readFileSync(at('tests/kept.ts'), 'utf8')).toBe('export const kept = 1;\n');
    expect(readFileSync(at('tests/gone.ts'), 'utf8')).toBe('export const gone = 20;\n');
  });
});

describe('formatDiff', () => {
  it('shows a moved file as one diff from its old path to its new one', () => {
    const moved: FileChange[] = [
      { file: at('tests/integration/a.test.ts'), before: "import { app } from '../app';\nit('runs');\n", after: null },
      { file: at('tests/acceptance/api/a.test.ts'), before: null, after: "import { app } from '../../app';\nit('runs');\n", movedFrom: at('tests/integration/a.test.ts') },
    ];
    expect(formatDiff(dir, moved)).toBe(
      [
        '--- a/tests/integration/a.test.ts',
        '+++ b/tests/acceptance/api/a.test.ts',
        '@@ -1,2 +1,2 @@',
        "-import { app } from '../app';",
        "+import { app } from '../../app';",
        " it('runs');",
        '',
      ].join('\n'),
    );
    const unchanged = [moved[0]!, { ...moved[1]!, after: moved[0]!.before }];
    expect(formatDiff(dir, unchanged)).toBe('--- a/tests/integration/a.test.ts\n+++ b/tests/acceptance/api/a.test.ts\n(moved without changes)\n');
  });

  it('prints a unified diff per file, with /dev/null for created and deleted files', () => {
    expect(formatDiff(dir, changes())).toBe(
      [
        '--- a/tests/kept.ts',
        '+++ b/tests/kept.ts',
        '@@ -1,1 +1,1 @@',
        '-export const kept = 1;',
        '+export const kept = 10;',
        '--- a/tests/gone.ts',
        '+++ /dev/null',
        '@@ -1,1 +0,0 @@',
        '-export const gone = 2;',
        '--- /dev/null',
        '+++ b/tests/acceptance/deep/new.ts',
        '@@ -0,0 +1,1 @@',
        '+export const added = 3;',
        '',
      ].join('\n'),
    );
  });
});
