import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { FileChange } from './changes';
import { UsageError, type Command } from './command';
import { applyEdits, emitFile, type Edit } from './emit';
import { Project } from './project';
import type { FileOutline } from './outline';
import { messagesOf, readGiven, readTestFile } from './read-file';
import { editsForRename } from './rename';
import { planSplit, REST, tagsOfUnits, type Sorting } from './split-plan';
import { finish, parseCommandArgs, type Outcome } from './run';

const RULE = 'no-endpoint-calls';
const ENDPOINT = 'endpoint';

const USAGE = `Usage: npx eslint-plugin-integration-tests move <files...> [--to <folder>] [--tests] [--write] [--force]

Moves integration test files whose tests drive the app (what ${RULE} reports) into the
acceptance layer, and rewrites the relative imports in the moved file and in every project file
that imports it, with TypeScript's file-rename edits (TypeScript must be installed in the project).

Options:
  --to <folder>  where the files go (default: the matching folder of your acceptance layer globs)
  --tests        move only the tests that drive the app, into a new file of the same name there
  --write        apply the changes (default: print a diff and a summary, change nothing)
  --force        with --write, also change files that have uncommitted changes`;

/** Literal folder names the acceptance globs spell out: `tests/acceptance/**` and `{acceptance,e2e}` give each word. */
function folderWords(globs: readonly string[]): string[] {
  const words: string[] = [];
  for (const glob of globs) {
    for (const segment of glob.split('/').slice(0, -1)) {
      // A list of names as braces (`{e2e,acceptance}`) or as an extglob (`@(e2e|acceptance)`, as the configs' blocks write it).
      const list = /^\{([^{}]*)\}$/.exec(segment)?.[1]?.split(',') ?? /^@\(([^()]*)\)$/.exec(segment)?.[1]?.split('|');
      const alternatives = list ?? [segment];
      for (const word of alternatives) if (/^[\w.@-]+$/.test(word) && !words.includes(word)) words.push(word);
    }
  }
  return words;
}

/**
 * Where a file goes in the acceptance layer: the same path with one of its folders renamed to a
 * folder the acceptance globs name (the deepest that works), such that the globs match it and the
 * user's config no longer treats it as an integration test.
 */
async function acceptanceTarget(project: Project, file: string, globs: readonly string[]): Promise<string | null> {
  const matches = picomatch([...globs], { dot: true });
  const parts = project.relative(file).split('/');
  const words = folderWords(globs);
  for (let index = parts.length - 2; index >= 0; index--) {
    for (const word of words) {
      if (parts[index] === word) continue;
      const candidate = [...parts.slice(0, index), word, ...parts.slice(index + 1)].join('/');
      const absolute = path.join(project.root, candidate);
      if (matches(candidate) && (await project.layerOf(absolute)) === null) return absolute;
    }
  }
  return null;
}

/** Rewrites the relative paths given to mocking calls for the file's new folder; TypeScript's rename edits only cover imports. */
function mockPathEdits(outline: FileOutline, from: string, to: string): Edit[] {
  return outline.mockedPaths.flatMap(({ range, specifier, quote }): Edit[] => {
    let moved = path.relative(path.dirname(to), path.resolve(path.dirname(from), specifier)).split(path.sep).join('/');
    if (!moved.startsWith('.')) moved = `./${moved}`;
    if (specifier.endsWith('/') && !moved.endsWith('/')) moved += '/';
    return moved === specifier ? [] : [[range[0], range[1], `${quote}${moved}${quote}`]];
  });
}

const endpointSorting: Sorting = {
  keyOf: (tags) => (tags.has(ENDPOINT) ? 'acceptance' : null),
  accepts: (key, tags, testTags) => [...tags].every((tag) => testTags.has(tag)) && (key !== REST || !tags.has(ENDPOINT)),
};

type MoveResult = Outcome;

function checksFor(changes: readonly FileChange[], target: string): MoveResult['checks'] {
  return changes.filter((change) => change.after !== null).map((change) => ({ file: change.file, rule: change.file === target ? RULE : null }));
}

async function moveFile(project: Project, file: string, options: { to: string | null; tests: boolean }, globs: readonly string[]): Promise<MoveResult | string> {
  const name = project.relative(file);
  const text = readGiven(project, file);
  const matchesAcceptance = picomatch([...globs], { dot: true });
  if (!(await project.ruleFor(file, RULE)).on) {
    if (matchesAcceptance(name)) return { changes: [], summary: `${name} is already in the acceptance layer; nothing to move.`, checks: [] };
    throw new UsageError(`${name} is in no layer where ${RULE} runs: your ESLint config does not treat it as an integration test.`);
  }
  const read = await readTestFile(project, file, text, new Set());
  const reports = messagesOf(read.messages, RULE);
  if (reports.length === 0) return { changes: [], summary: `${name}: ${RULE} reports nothing; nothing to move.`, checks: [] };
  const target = options.to ? path.join(options.to, path.basename(file)) : await acceptanceTarget(project, file, globs);
  if (!target) throw new UsageError(`cannot tell which acceptance folder ${name} belongs in from your acceptance globs (${globs.join(', ')}); pass --to <folder>.`);
  const targetName = project.relative(target);
  if (existsSync(target)) throw new UsageError(`${targetName} already exists; nothing was changed.`);

  for (const report of reports) read.outline.tagAt(read.outline.indexOf(report.line, report.column - 1), ENDPOINT);
  if (!options.tests) {
    const withMocks = applyEdits(text, mockPathEdits(read.outline, file, target));
    const edits = editsForRename(project.root, file, target, new Map([[file, withMocks]]));
    const moved = edits.get(file) ?? withMocks;
    edits.delete(file);
    const changes: FileChange[] = [
      { file, before: text, after: null },
      { file: target, before: null, after: moved, movedFrom: file },
      ...[...edits].map(([edited, after]) => ({ file: edited, before: readGiven(project, edited), after })),
    ];
    const importers = edits.size > 0 ? `; imports updated in ${[...edits.keys()].map((edited) => project.relative(edited)).join(', ')}` : '';
    const tags = tagsOfUnits(read.outline);
    const others = read.outline.units.filter((unit) => unit.kind === 'test' && !tags.get(unit.id)!.has(ENDPOINT)).length;
    const hint = others > 0 ? `; ${others} test${others === 1 ? ' does not drive the app and moves' : 's do not drive the app and move'} too (--tests leaves ${others === 1 ? 'it' : 'them'})` : '';
    return {
      changes,
      summary: `${name} → ${targetName} (${reports.length} call${reports.length === 1 ? ' drives' : 's drive'} the app)${importers}${hint}.`,
      checks: checksFor(changes, target),
    };
  }

  if (read.outline.exportLine !== null) return `${name}: not moved: it exports something (line ${read.outline.exportLine}) that other files may import; move the whole file, or move that out first.`;
  const plan = planSplit(read.outline, endpointSorting);
  if (plan.type === 'refused') return `${name}: not moved: ${plan.reason}.`;
  const moving = plan.files.find((planned) => planned.key === 'acceptance');
  const rest = plan.files.find((planned) => planned.key === REST);
  if (!moving) return { changes: [], summary: `${name}: no whole test drives the app; nothing to move.`, checks: [] };
  // The extracted tests are written next to the original first, so TypeScript can move them and fix their imports.
  const staging = path.join(path.dirname(file), `${path.basename(file).replace(/^([^.]*)/, '$1.moving')}`);
  const extracted = emitFile(read.outline, moving, mockPathEdits(read.outline, file, target));
  const edits = editsForRename(project.root, staging, target, new Map([[staging, extracted]]));
  const changes: FileChange[] = [
    { file: target, before: null, after: edits.get(staging) ?? extracted },
    rest ? { file, before: text, after: emitFile(read.outline, rest) } : { file, before: text, after: null },
  ];
  const count = moving.tests.length;
  return {
    changes,
    summary: `${name}: ${count} test${count === 1 ? ' that drives' : 's that drive'} the app → ${targetName}${rest ? `; ${rest.tests.length} other${rest.tests.length === 1 ? ' stays' : 's stay'}` : `; ${name} is removed`}.`,
    checks: checksFor(changes, target),
  };
}

export const move: Command = {
  summary: `move integration tests that ${RULE} reports into the acceptance layer, updating imports`,
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { to: { type: 'string' }, tests: { type: 'boolean' } });
    if (parsed.positionals.length === 0) throw new UsageError('expected at least one file to move.');
    const project = Project.open(io.cwd);
    const to = typeof parsed.values.to === 'string' ? project.resolve(parsed.values.to, io.cwd) : null;
    if (to && existsSync(to) && !statSync(to).isDirectory()) throw new UsageError(`--to ${String(parsed.values.to)} is not a folder.`);
    const globs = await project.acceptanceGlobs();
    const files = [...new Set(parsed.positionals.map((given) => project.resolve(given, io.cwd)))];
    const results: MoveResult[] = [];
    const refusals: string[] = [];
    for (const file of files) {
      const result = await moveFile(project, file, { to, tests: parsed.values.tests === true }, globs);
      if (typeof result === 'string') refusals.push(result);
      else results.push(result);
    }
    if (refusals.length > 0) {
      for (const refusal of refusals) io.stderr(`${refusal}\n`);
      io.stderr('Nothing was changed.\n');
      return 1;
    }
    const targets = results.flatMap((result) => result.changes.filter((change) => change.before === null).map((change) => change.file));
    if (new Set(targets).size !== targets.length) throw new UsageError('two files would move to the same place; move them one at a time with --to.');
    await finish(project, io, results, { write: parsed.values.write === true, force: parsed.values.force === true });
    return 0;
  },
};
