/**
 * How a test file's statements are shared out between new files: language-neutral, over an outline
 * of the file (its statements, what each declares, reads, writes, and what it exercises).
 */

/** One statement of the file that can be kept or left out of a new file as a whole. */
export interface OutlineUnit {
  readonly id: number;
  /** `suite` and `hook` units hold children: a suite's body statements, a hook body's statements. */
  readonly kind: 'import' | 'suite' | 'test' | 'hook' | 'statement';
  readonly parent: number | null;
  readonly children: readonly number[];
  readonly line: number;
  /** The title as written, for tests and suites; otherwise empty. */
  readonly title: string;
  /** Variables declared outside the unit that it reads or writes. */
  readonly uses: readonly number[];
  /** Variables declared outside the unit that it assigns or mutates. */
  readonly writes: readonly number[];
  /** What the unit exercises by itself (boundary kinds, or `endpoint` for a call that drives the app). */
  readonly tags: readonly string[];
  /** Variables the unit declares at its level (imports, suite-level declarations). */
  readonly declares: readonly number[];
}

export interface OutlineVariable {
  readonly id: number;
  readonly name: string;
  readonly line: number;
  readonly declaredBy: number;
  /** What using the variable exercises by itself: the boundary of the module it is imported from. */
  readonly tags: readonly string[];
}

export interface Outline {
  readonly units: readonly OutlineUnit[];
  readonly variables: readonly OutlineVariable[];
  readonly roots: readonly number[];
}

/** One file to write: which units and declared variables it keeps. */
export interface PlannedFile {
  /** The target's key: a boundary label, `acceptance`, or `rest` for what stays in the original. */
  readonly key: string;
  readonly tests: readonly number[];
  readonly units: ReadonlySet<number>;
  readonly variables: ReadonlySet<number>;
}

export type SplitPlan =
  | { readonly type: 'files'; readonly files: readonly PlannedFile[]; readonly stays: ReadonlyArray<{ readonly test: number; readonly tags: readonly string[] }> }
  | { readonly type: 'refused'; readonly reason: string };

/** Where tests go: the key of the file a test belongs in (`null`: it stays), and which tags each file takes. */
export interface Sorting {
  readonly keyOf: (tags: ReadonlySet<string>) => string | null;
  /** Whether a file with this key may hold a statement that exercises these tags. */
  readonly accepts: (key: string, tags: ReadonlySet<string>, testTags: ReadonlySet<string>) => boolean;
}

export const REST = 'rest';

/** Everything a unit exercises: its own tags and those of the variables it uses, through their declarations and writers. */
export function tagsOfUnits(outline: Outline): ReadonlyMap<number, ReadonlySet<string>> {
  const memo = new Map<number, Set<string>>();
  const writers = writersOf(outline);
  const visiting = new Set<number>();
  const unitTags = (id: number): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const tags = new Set<string>();
    if (visiting.has(id)) return tags;
    visiting.add(id);
    const unit = outline.units[id]!;
    for (const tag of unit.tags) tags.add(tag);
    for (const child of unit.kind === 'suite' ? [] : unit.children) for (const tag of unitTags(child)) tags.add(tag);
    for (const variableId of unit.uses) {
      const variable = outline.variables[variableId]!;
      for (const tag of variable.tags) tags.add(tag);
      const providers = [variable.declaredBy, ...(writers.get(variableId) ?? [])].filter((provider) => provider !== id && outline.units[provider]!.kind !== 'test');
      for (const provider of providers) for (const tag of unitTags(provider)) tags.add(tag);
    }
    visiting.delete(id);
    memo.set(id, tags);
    return tags;
  };
  for (const unit of outline.units) unitTags(unit.id);
  return memo;
}

function writersOf(outline: Outline): Map<number, number[]> {
  const writers = new Map<number, number[]>();
  for (const unit of outline.units) {
    if (unit.kind === 'suite' || (unit.kind === 'hook' && unit.children.length > 0)) continue;
    for (const variable of unit.writes) writers.set(variable, [...(writers.get(variable) ?? []), unit.id]);
  }
  return writers;
}

function ancestorsOf(outline: Outline, id: number): number[] {
  const found: number[] = [];
  for (let parent = outline.units[id]!.parent; parent !== null; parent = outline.units[parent]!.parent) found.push(parent);
  return found;
}

function describeUnit(outline: Outline, id: number): string {
  const unit = outline.units[id]!;
  if (unit.kind === 'test') return `test ${unit.title} (line ${unit.line})`;
  if (unit.kind === 'hook') return `the hook at line ${unit.line}`;
  const inHook = unit.parent !== null && outline.units[unit.parent]!.kind === 'hook';
  return `the ${inHook ? 'hook statement' : 'statement'} at line ${unit.line}`;
}

/** Shares the file's tests out by `sorting`, with what each new file needs; or a refusal with its reason. */
export function planSplit(outline: Outline, sorting: Sorting): SplitPlan {
  const tags = tagsOfUnits(outline);
  const tests = outline.units.filter((unit) => unit.kind === 'test');
  const keys = new Map<number, string>();
  const stays: Array<{ test: number; tags: readonly string[] }> = [];
  for (const test of tests) {
    const key = sorting.keyOf(tags.get(test.id)!);
    if (key === null) stays.push({ test: test.id, tags: [...tags.get(test.id)!] });
    keys.set(test.id, key ?? REST);
  }

  // State one test leaves in a suite-level variable for another, when the two would land apart.
  for (const writer of tests) {
    for (const variableId of writer.writes) {
      const reader = tests.find((other) => other.id !== writer.id && other.uses.includes(variableId) && keys.get(other.id) !== keys.get(writer.id));
      if (!reader) continue;
      const variable = outline.variables[variableId]!;
      return {
        type: 'refused',
        reason: `${describeUnit(outline, writer.id)} sets \`${variable.name}\` (declared at line ${variable.line}), which ${describeUnit(outline, reader.id)} reads, and the two would land in different files`,
      };
    }
  }

  const order = [...new Set(tests.map((test) => keys.get(test.id)!))];
  const writers = writersOf(outline);
  const files: PlannedFile[] = [];
  for (const key of order) {
    const fileTests = tests.filter((test) => keys.get(test.id) === key).map((test) => test.id);
    const testTags = new Set(fileTests.flatMap((test) => [...tags.get(test)!]));
    const units = new Set<number>();
    const variables = new Set<number>();
    const queue: number[] = [];
    const need = (id: number): void => {
      if (units.has(id)) return;
      units.add(id);
      queue.push(id);
    };
    for (const test of fileTests) need(test);
    let changed = true;
    while (changed) {
      while (queue.length > 0) {
        const id = queue.pop()!;
        for (const ancestor of ancestorsOf(outline, id)) need(ancestor);
        {
          for (const variableId of outline.units[id]!.uses) {
            const variable = outline.variables[variableId]!;
            if (isInside(outline, variable.declaredBy, id)) continue;
            variables.add(variableId);
            need(variable.declaredBy);
            for (const writer of writers.get(variableId) ?? []) {
              if (outline.units[writer]!.kind !== 'test' && !isInside(outline, writer, id)) need(writer);
            }
          }
        }
      }
      // Hook statements and suite-level statements that declare nothing run for every test in
      // their suite: each file keeps those that exercise only what the file is about.
      changed = false;
      for (const unit of outline.units) {
        if (units.has(unit.id) || !isLooseStatement(outline, unit)) continue;
        if (unit.parent !== null && !units.has(unit.parent) && outline.units[unit.parent]!.kind === 'suite') continue;
        if (unit.parent !== null && outline.units[unit.parent]!.kind === 'hook' && !inScope(outline, units, unit.parent)) continue;
        if (unit.kind === 'hook' && !inScope(outline, units, unit.id)) continue;
        const unitTags = tags.get(unit.id)!;
        // A statement that only keeps suite state tidy goes where that state is used.
        const state = unit.uses.filter((variable) => outline.units[outline.variables[variable]!.declaredBy]!.kind !== 'import');
        if (unitTags.size === 0 && state.length > 0 && !state.some((variable) => usedByKept(outline, units, tags, variable))) continue;
        if (sorting.accepts(key, unitTags, testTags)) {
          need(unit.id);
          changed = true;
        } else if ([...unitTags].some((tag) => sorting.accepts(key, new Set([tag]), testTags)) && key !== REST) {
          return {
            type: 'refused',
            reason: `${describeUnit(outline, unit.id)} exercises ${[...unitTags].sort().join(' and ')} in one statement, and tests on either side of the split need it; split that statement by hand first`,
          };
        }
      }
    }
    // A hook whose statements all stayed behind goes too.
    for (const id of [...units]) {
      const unit = outline.units[id]!;
      if (unit.kind === 'hook' && unit.children.length > 0 && !unit.children.some((child) => units.has(child))) units.delete(id);
    }
    files.push({ key, tests: fileTests, units, variables });
  }
  // A statement that exercises something must land somewhere: one left behind would be lost.
  const kept = new Set(files.flatMap((file) => [...file.units]));
  for (const unit of outline.units) {
    const unitTags = tags.get(unit.id)!;
    if (kept.has(unit.id) || unitTags.size === 0 || !isLooseStatement(outline, unit)) continue;
    const parent = unit.parent === null ? null : outline.units[unit.parent]!;
    const scope = parent?.kind === 'hook' ? parent.parent : (parent?.id ?? null);
    if (scope !== null && !kept.has(scope)) continue;
    return {
      type: 'refused',
      reason: `${describeUnit(outline, unit.id)} exercises ${[...unitTags].sort().join(' and ')}, which no test that would share its file exercises; move or remove it by hand first`,
    };
  }
  return { type: 'files', files, stays };
}

function isInside(outline: Outline, id: number, container: number): boolean {
  return id === container || ancestorsOf(outline, id).includes(container);
}

/** A statement that runs for the tests around it rather than being asked for by name: a hook's statement, a hook, or a statement or import declaring nothing. */
function isLooseStatement(outline: Outline, unit: OutlineUnit): boolean {
  if (unit.kind === 'hook') return unit.children.length === 0;
  if (unit.kind === 'import') return unit.declares.length === 0;
  if (unit.kind !== 'statement' || unit.declares.length > 0) return false;
  return true;
}

/** Whether a kept unit other than an untagged loose statement uses the variable. */
function usedByKept(outline: Outline, units: ReadonlySet<number>, tags: ReadonlyMap<number, ReadonlySet<string>>, variable: number): boolean {
  for (const id of units) {
    const unit = outline.units[id]!;
    if (!unit.uses.includes(variable)) continue;
    if (isLooseStatement(outline, unit) && tags.get(id)!.size === 0) continue;
    return true;
  }
  return false;
}

/** Whether a hook's suite (or the module) holds a kept unit. */
function inScope(outline: Outline, units: ReadonlySet<number>, hook: number): boolean {
  const parent = outline.units[hook]!.parent;
  return parent === null || units.has(parent);
}
