import { describe, expect, it } from 'vitest';
import { planSplit, REST, type Outline, type OutlineUnit, type OutlineVariable, type Sorting } from '../../src/cli/split-plan';

// The planner over hand-written outlines, with no parser in between: which units each new file keeps.

type UnitSpec = Partial<OutlineUnit> & Pick<OutlineUnit, 'kind'>;

/** Builds an outline from units in order (ids are positions) and variables as [name, declaredBy, tags]. */
function outline(units: UnitSpec[], variables: Array<[string, number, string[]]> = []): Outline {
  const built: OutlineUnit[] = units.map((unit, id) => ({ id, parent: null, children: [], line: id + 1, title: `'t${id}'`, uses: [], writes: [], tags: [], declares: [], ...unit }));
  const vars: OutlineVariable[] = variables.map(([name, declaredBy, tags], id) => ({ id, name, line: declaredBy + 1, declaredBy, tags }));
  for (const variable of vars) (built[variable.declaredBy]!.declares as number[]).push(variable.id);
  return { units: built, variables: vars, roots: built.filter((unit) => unit.parent === null).map((unit) => unit.id) };
}

/** One file per single tag; a test with several stays. */
const byTag: Sorting = {
  keyOf: (tags) => (tags.size === 1 ? [...tags][0]! : null),
  accepts: (key, tags, testTags) => [...tags].every((tag) => (key === REST ? testTags.has(tag) : tag === key)),
};

function kept(plan: ReturnType<typeof planSplit>): Record<string, number[]> {
  if (plan.type !== 'files') throw new Error(plan.reason);
  return Object.fromEntries(plan.files.map((file) => [file.key, [...file.units].sort((a, b) => a - b)]));
}

describe('planSplit', () => {
  it('gives each test its file, with the imports and declarations it uses, through the variables it reads', () => {
    const plan = planSplit(
      outline(
        [
          { kind: 'import' }, // 0: pg
          { kind: 'import' }, // 1: nock
          { kind: 'statement', uses: [0] }, // 2: const pool = new Pool()
          { kind: 'test', uses: [1] }, // 3: reads pool
          { kind: 'test', uses: [2] }, // 4: uses nock
        ],
        [
          ['Pool', 0, ['database']],
          ['pool', 2, []],
          ['nock', 1, ['http']],
        ],
      ),
      byTag,
    );
    expect(kept(plan)).toEqual({ database: [0, 2, 3], http: [1, 4] });
  });

  it('shares a hook out statement by statement, and drops a hook with nothing left', () => {
    const plan = planSplit(
      outline(
        [
          { kind: 'suite', children: [1, 4, 6, 7] }, // 0
          { kind: 'hook', parent: 0, children: [2, 3] }, // 1: beforeAll
          { kind: 'statement', parent: 1, tags: ['database'] }, // 2
          { kind: 'statement', parent: 1, tags: ['http'] }, // 3
          { kind: 'hook', parent: 0, children: [5] }, // 4: afterAll, database only
          { kind: 'statement', parent: 4, tags: ['database'] }, // 5
          { kind: 'test', parent: 0, tags: ['database'] }, // 6
          { kind: 'test', parent: 0, tags: ['http'] }, // 7
        ],
      ),
      byTag,
    );
    expect(kept(plan)).toEqual({ database: [0, 1, 2, 4, 5, 6], http: [0, 1, 3, 7] });
  });

  it('keeps a test with two tags in the rest, with every hook statement either side needs', () => {
    const plan = planSplit(
      outline([
        { kind: 'hook', children: [1, 2] }, // 0
        { kind: 'statement', parent: 0, tags: ['database'] }, // 1
        { kind: 'statement', parent: 0, tags: ['http'] }, // 2
        { kind: 'test', tags: ['database', 'http'] }, // 3
        { kind: 'test', tags: ['http'] }, // 4
      ]),
      byTag,
    );
    expect(kept(plan)).toEqual({ [REST]: [0, 1, 2, 3], http: [0, 2, 4] });
    expect(plan.type === 'files' && plan.stays).toEqual([{ test: 3, tags: ['database', 'http'] }]);
  });

  it('refuses when a test sets a suite-level variable that a test bound for another file reads', () => {
    const plan = planSplit(
      outline(
        [
          { kind: 'statement' }, // 0: let id
          { kind: 'test', uses: [0], writes: [0], tags: ['database'] }, // 1
          { kind: 'test', uses: [0], tags: ['http'] }, // 2
        ],
        [['id', 0, []]],
      ),
      byTag,
    );
    expect(plan).toEqual({
      type: 'refused',
      reason: "test 't1' (line 2) sets `id` (declared at line 1), which test 't2' (line 3) reads, and the two would land in different files",
    });
  });

  it('lets a test set state that only tests of its own file read', () => {
    const plan = planSplit(
      outline(
        [
          { kind: 'statement' }, // 0: let id
          { kind: 'test', uses: [0], writes: [0], tags: ['database'] }, // 1
          { kind: 'test', uses: [0], tags: ['database'] }, // 2
          { kind: 'test', tags: ['http'] }, // 3
        ],
        [['id', 0, []]],
      ),
      byTag,
    );
    expect(kept(plan)).toEqual({ database: [0, 1, 2], http: [3] });
  });
});
