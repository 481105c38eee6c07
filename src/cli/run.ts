import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyAll, checkCommitted, checkTargets, formatDiff, type FileChange } from './changes';
import { UsageError, type CommandIO } from './command';
import type { Project } from './project';
import { messagesOf } from './read-file';

/** What a command plans for one file: its changes, a summary line, and how to check each written file. */
export interface Outcome {
  readonly changes: readonly FileChange[];
  readonly summary: string;
  /** Each written file, and the rule that must no longer report it (`null`: it only has to parse). */
  readonly checks: ReadonlyArray<{ readonly file: string; readonly rule: string | null }>;
}

/** Lints each written (or to-be-written) file: it must parse, and the rule that asked for the change must be silent. */
export async function verifyFiles(project: Project, checks: ReadonlyArray<{ file: string; rule: string | null }>, textOf: (file: string) => string): Promise<void> {
  for (const { file, rule } of checks) {
    const messages = await project.lint(file, textOf(file));
    const fatal = messages.find((message) => message.fatal);
    if (fatal) throw new UsageError(`${project.relative(file)} would not parse (line ${fatal.line}: ${fatal.message}); nothing was changed.`);
    const still = rule ? messagesOf(messages, rule) : [];
    if (still.length > 0) throw new UsageError(`${project.relative(file)} would still be reported by ${rule} (line ${still[0]!.line}); nothing was changed.`);
  }
}

/** Prints the diff and summary of a run, and with `--write` applies it, checked after writing. */
export async function finish(
  project: Project,
  io: CommandIO,
  results: readonly Outcome[],
  flags: { write: boolean; force: boolean },
): Promise<void> {
  const changes = results.flatMap((result) => result.changes);
  const touched = changes.map((change) => change.file);
  const twice = touched.find((file, index) => touched.indexOf(file) !== index);
  if (twice) throw new UsageError(`${project.relative(twice)} would be changed twice in one run; run the command on one file at a time.`);
  const checks = results.flatMap((result) => result.checks);
  const after = new Map(changes.map((change) => [change.file, change.after ?? '']));
  checkTargets(project.root, changes);
  if (flags.write) checkCommitted(project.root, changes, flags.force);
  await verifyFiles(project, checks, (file) => after.get(file) ?? '');
  if (!flags.write) io.stdout(formatDiff(project.root, changes));
  for (const result of results) io.stdout(`${result.summary}\n`);
  if (changes.length === 0) return;
  if (!flags.write) {
    io.stdout(`Dry run: nothing was written. Run again with --write to apply ${changes.length} file change${changes.length === 1 ? '' : 's'}.\n`);
    return;
  }
  await applyAll(changes, () => verifyFiles(project, checks, (file) => readFileSync(file, 'utf8')));
  io.stdout(`Wrote ${changes.length} file change${changes.length === 1 ? '' : 's'}.\n`);
}

/** Parses the options every command shares, with one line for an unknown option. */
export function parseCommandArgs(
  args: readonly string[],
  options: Record<string, { type: 'string' | 'boolean' }>,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...args], options: { ...options, write: { type: 'boolean' }, force: { type: 'boolean' } }, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, '.'));
  }
}

