import path from 'node:path';
import { parseArgs } from 'node:util';
import { applyAll, checkCommitted, checkTargets, formatDiff, type FileChange } from './changes';
import { UsageError, type Command, type CommandIO } from './command';
import { emitFile } from './emit';
import { Project } from './project';
import { messagesOf, readGiven, readTestFile, type ReadFile } from './read-file';
import { planSplit, REST, type Sorting } from './split-plan';
import { existsSync } from 'node:fs';

const RULE = 'one-boundary-per-file';
const DEFAULT_NAME = '{name}.{boundary}{ext}';

const USAGE = `Usage: npx eslint-plugin-integration-tests split <files...> [--name <pattern>] [--write] [--force]

Splits each integration test file that ${RULE} reports into one file per boundary: each test
goes to the file of the boundary it exercises, with the imports, hooks, helpers and suite-level
declarations it uses. A test that exercises several boundaries stays in the original file.

Options:
  --name <pattern>  names of the new files; {name} is the file name up to its first dot, {ext} the
                    rest, {boundary} the boundary (default: ${DEFAULT_NAME})
  --write           apply the changes (default: print a diff and a summary, change nothing)
  --force           with --write, also change files that have uncommitted changes`;

interface Options {
  readonly allowTogether: ReadonlyArray<readonly string[]>;
  readonly ignoreKinds: ReadonlySet<string>;
}

function ruleOptions(options: readonly unknown[]): Options {
  const given = (options[0] ?? {}) as { allowTogether?: string[][]; ignoreKinds?: string[] };
  return { allowTogether: given.allowTogether ?? [], ignoreKinds: new Set(given.ignoreKinds ?? []) };
}

/** Boundary kinds as the rule counts them: kinds grouped by `allowTogether` are one boundary, named by its kinds. */
function boundarySorting(options: Options): Sorting {
  const labelOf = (kind: string): string => {
    const group = options.allowTogether.find((kinds) => kinds.includes(kind));
    return group ? group.join('-') : kind;
  };
  const labels = (tags: ReadonlySet<string>) => new Set([...tags].filter((tag) => tag !== 'endpoint').map(labelOf));
  return {
    keyOf(tags) {
      const found = labels(tags);
      return found.size === 1 ? [...found][0]! : null;
    },
    accepts(key, tags, testTags) {
      const allowed = key === REST ? labels(testTags) : new Set([key]);
      return [...labels(tags)].every((label) => allowed.has(label));
    },
  };
}

/** The name of the file for one key, from the pattern. */
export function fileNameFor(file: string, pattern: string, key: string): string {
  const base = path.basename(file);
  const dot = base.indexOf('.');
  const name = dot <= 0 ? base : base.slice(0, dot);
  const ext = dot <= 0 ? '' : base.slice(dot);
  const named = pattern.replaceAll('{name}', name).replaceAll('{ext}', ext).replaceAll('{boundary}', key);
  if (named.includes('/') || named.includes(path.sep) || named === base) throw new UsageError(`--name "${pattern}" must give a new file name in the same folder, with {boundary} in it.`);
  return path.join(path.dirname(file), named);
}

interface SplitResult {
  readonly changes: FileChange[];
  readonly summary: string;
  readonly checks: Array<{ file: string; rule: string | null }>;
}

function title(read: ReadFile, id: number): string {
  const unit = read.outline.units[id]!;
  return `${unit.title} (line ${unit.line})`;
}

/** Plans the split of one file: its changes and a summary line, or a refusal. */
async function splitFile(project: Project, file: string, pattern: string): Promise<SplitResult | string> {
  const name = project.relative(file);
  const text = readGiven(project, file);
  const rule = await project.ruleFor(file, RULE);
  if (!rule.on) throw new UsageError(`${name} is in no layer where ${RULE} runs: your ESLint config does not treat it as an integration test.`);
  const options = ruleOptions(rule.options);
  const read = await readTestFile(project, file, text, options.ignoreKinds);
  if (messagesOf(read.messages, RULE).length === 0) return { changes: [], summary: `${name}: ${RULE} reports nothing; nothing to split.`, checks: [] };
  const plan = planSplit(read.outline, boundarySorting(options));
  if (plan.type === 'refused') return `${name}: not split: ${plan.reason}.`;
  const moved = plan.files.filter((planned) => planned.key !== REST);
  const staying = plan.stays.map(({ test, tags }) => `${title(read, test)}${tags.length > 0 ? ` exercises ${[...tags].sort().join(' and ')}` : ' exercises no boundary'}`);
  if (moved.length === 0 || (moved.length === 1 && plan.stays.length === 0)) {
    return { changes: [], summary: `${name}: nothing to split: ${staying.length > 0 ? `every test stays (${staying.join('; ')})` : 'its tests exercise one boundary'}.`, checks: [] };
  }
  const changes: FileChange[] = [];
  const checks: SplitResult['checks'] = [];
  const parts: string[] = [];
  for (const planned of moved) {
    const target = fileNameFor(file, pattern, planned.key);
    if (existsSync(target)) throw new UsageError(`${project.relative(target)} already exists; choose another --name. Nothing was changed.`);
    if (changes.some((change) => change.file === target)) throw new UsageError(`--name "${pattern}" gives two files the same name.`);
    changes.push({ file: target, before: null, after: emitFile(read.outline, planned) });
    checks.push({ file: target, rule: RULE });
    parts.push(`${planned.tests.length} test${planned.tests.length === 1 ? '' : 's'} → ${project.relative(target)}`);
  }
  const rest = plan.files.find((planned) => planned.key === REST);
  if (rest) {
    changes.push({ file, before: text, after: emitFile(read.outline, rest) });
    checks.push({ file, rule: null });
  } else {
    changes.push({ file, before: text, after: null });
  }
  const stays = staying.length > 0 ? `; ${staying.length} stay${staying.length === 1 ? 's' : ''} in ${name}: ${staying.join('; ')}` : `; ${name} is removed`;
  return { changes, summary: `${name}: ${parts.join(', ')}${stays}.`, checks };
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
  results: ReadonlyArray<{ changes: FileChange[]; summary: string; checks: Array<{ file: string; rule: string | null }> }>,
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
  const { readFileSync } = await import('node:fs');
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

export const split: Command = {
  summary: `Split integration test files that ${RULE} reports into one file per boundary`,
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { name: { type: 'string' } });
    const pattern = typeof parsed.values.name === 'string' ? parsed.values.name : DEFAULT_NAME;
    if (!pattern.includes('{boundary}')) throw new UsageError(`--name "${pattern}" must contain {boundary}.`);
    if (parsed.positionals.length === 0) throw new UsageError('expected at least one file to split.');
    const project = Project.open(io.cwd);
    const files = parsed.positionals.map((given) => project.resolve(given, io.cwd));
    const results: SplitResult[] = [];
    const refusals: string[] = [];
    for (const file of [...new Set(files)]) {
      const result = await splitFile(project, file, pattern);
      if (typeof result === 'string') refusals.push(result);
      else results.push(result);
    }
    if (refusals.length > 0) {
      for (const refusal of refusals) io.stderr(`${refusal}\n`);
      io.stderr('Nothing was changed.\n');
      return 1;
    }
    await finish(project, io, results, { write: parsed.values.write === true, force: parsed.values.force === true });
    return 0;
  },
};
