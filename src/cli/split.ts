import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FileChange } from './changes';
import { UsageError, type Command } from './command';
import { emitFile } from './emit';
import { Project } from './project';
import { messagesOf, readGiven, readTestFile, type ReadFile } from './read-file';
import { finish, parseCommandArgs, type Outcome } from './run';
import { planSplit, REST, type Sorting } from './split-plan';

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

type SplitResult = Outcome;

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
  if (read.outline.exportLine !== null) return `${name}: not split: it exports something (line ${read.outline.exportLine}) that other files may import; move that out of the test file first.`;
  const plan = planSplit(read.outline, boundarySorting(options));
  if (plan.type === 'refused') return `${name}: not split: ${plan.reason}.`;
  const moved = plan.files.filter((planned) => planned.key !== REST);
  const staying = plan.stays.map(({ test, tags }) => `${title(read, test)}${tags.length > 0 ? ` exercises ${[...tags].sort().join(' and ')}` : ' exercises no boundary'}`);
  if (moved.length === 0 || (moved.length === 1 && plan.stays.length === 0)) {
    return { changes: [], summary: `${name}: nothing to split: ${staying.length > 0 ? `every test stays (${staying.join('; ')})` : 'its tests exercise one boundary'}.`, checks: [] };
  }
  const changes: FileChange[] = [];
  const checks: Array<{ file: string; rule: string | null }> = [];
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

export const split: Command = {
  summary: `split integration test files that ${RULE} reports into one file per boundary`,
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
