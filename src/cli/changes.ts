import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { forgetStamps } from '../estree/project-modules';
import { UsageError } from './command';

/** One file a command changes: created (`before` null), edited, or deleted (`after` null). */
export interface FileChange {
  readonly file: string;
  readonly before: string | null;
  readonly after: string | null;
  /** For a created file: the file it replaces, deleted in the same run; the diff shows the two as one move. */
  readonly movedFrom?: string;
}

/** A unified diff of every change, with paths relative to the project root. */
export function formatDiff(root: string, changes: readonly FileChange[]): string {
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const moves = new Map(changes.filter((change) => change.movedFrom !== undefined).map((change) => [change.movedFrom!, change]));
  return changes
    .map((change) => {
      if (change.after === null && moves.has(change.file)) return '';
      const from = change.movedFrom !== undefined && moves.get(change.movedFrom) === change ? changes.find((other) => other.file === change.movedFrom && other.after === null) : undefined;
      const before = from ? from.before : change.before;
      const patch = createTwoFilesPatch(
        before === null ? '/dev/null' : `a/${relative(from ? from.file : change.file)}`,
        change.after === null ? '/dev/null' : `b/${relative(change.file)}`,
        before ?? '',
        change.after ?? '',
        undefined,
        undefined,
        { context: 3 },
      ).replace(/^=+\n/m, '');
      // A move with no edit has no hunk: say so, so the diff still shows where the file goes.
      return from && before === change.after ? `${patch}(moved without changes)\n` : patch;
    })
    .join('');
}

/** The files among `files` that git says have uncommitted changes (none when the project is not in a git work tree). */
export function uncommittedFiles(root: string, files: readonly string[]): string[] {
  let output: string;
  try {
    output = execFileSync('git', ['status', '--porcelain', '-z', '--untracked-files=all', '--', ...files], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return [];
  }
  const topLevel = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8' }).trim();
  return output
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => path.resolve(topLevel, entry.slice(3)))
    .filter((file) => files.some((given) => path.resolve(given) === file));
}

/** Whether a path may not be written: no access, or no write permission for anyone (which root would override). */
function isReadOnly(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
  } catch {
    return true;
  }
  return (statSync(file).mode & 0o222) === 0;
}

/** Refuses a change set that would overwrite a file or write where it cannot. */
export function checkTargets(root: string, changes: readonly FileChange[]): void {
  for (const change of changes) {
    const name = path.relative(root, change.file);
    if (change.before === null && existsSync(change.file)) throw new UsageError(`${name} already exists; nothing was written.`);
    let target = change.before === null || change.after === null ? path.dirname(change.file) : change.file;
    while (!existsSync(target)) target = path.dirname(target);
    if (isReadOnly(target)) throw new UsageError(`${path.relative(root, target) || '.'} is read-only; nothing was written.`);
  }
}

/** Refuses a change set that touches files with uncommitted changes, unless forced. */
export function checkCommitted(root: string, changes: readonly FileChange[], force: boolean): void {
  if (force) return;
  const dirty = uncommittedFiles(root, changes.filter((change) => change.before !== null).map((change) => change.file));
  if (dirty.length > 0) {
    throw new UsageError(`${dirty.map((file) => path.relative(root, file)).join(', ')} ${dirty.length === 1 ? 'has' : 'have'} uncommitted changes; commit or stash them, or pass --force.`);
  }
}

/**
 * Writes every change, then runs `verify`; when a write or the check fails, puts every file back as
 * it was (and removes folders it created) before rethrowing.
 */
export async function applyAll(changes: readonly FileChange[], verify: () => Promise<void>): Promise<void> {
  const done: FileChange[] = [];
  const createdDirs: string[] = [];
  const rollback = () => {
    for (const change of [...done].reverse()) {
      if (change.before === null) unlinkSync(change.file);
      else writeFileSync(change.file, change.before);
    }
    for (const dir of createdDirs.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty: something else lives there now.
      }
    }
  };
  try {
    for (const change of changes) {
      if (change.after === null) {
        if (readFileSync(change.file, 'utf8') !== change.before) throw new UsageError(`${change.file} changed while the command ran; nothing was written.`);
        unlinkSync(change.file);
      } else {
        if (change.before !== null && readFileSync(change.file, 'utf8') !== change.before) throw new UsageError(`${change.file} changed while the command ran; nothing was written.`);
        const missing: string[] = [];
        for (let dir = path.dirname(change.file); !existsSync(dir); dir = path.dirname(dir)) missing.unshift(dir);
        if (missing.length > 0) {
          mkdirSync(missing[missing.length - 1]!, { recursive: true });
          createdDirs.push(...missing);
        }
        writeFileSync(change.file, change.after, { flag: change.before === null ? 'wx' : 'w' });
      }
      done.push(change);
    }
    // The check lints at once what was just written: stamps read a moment ago no longer hold.
    forgetStamps();
    await verify();
  } catch (error) {
    rollback();
    throw error;
  }
}
