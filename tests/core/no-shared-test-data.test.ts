import { describe, expect, it } from 'vitest';
import {
  findSharedData,
  mayShareData,
  readInFull,
  type BindingFact,
  type Effect,
  type FileFacts,
  type Finding,
  type HookFact,
  type HookKind,
  type Mutation,
  type Place,
  type StatementFact,
  type TestFact,
} from '../../src/core/no-shared-test-data';
import type { CallRole } from '../../src/core/vocabulary';

// Ids: suites 0 (file) and 1 (a describe inside it); tests 10+; hooks 20+; bindings 30+;
// statements 50+; uses 70+.
const call = (role: CallRole | null): Effect => ({ kind: 'call', role });
const literal: Effect = { kind: 'literal', holdsInfrastructure: false };
const handles: Effect = { kind: 'literal', holdsInfrastructure: true };
const value: Effect = { kind: 'value' };
const inTest = (id: number): Place => ({ kind: 'test', id });
const inHook = (id: number): Place => ({ kind: 'hook', id });
const elsewhere: Place = { kind: 'elsewhere' };

let nextId = 100;
function statement(effect: Effect, options: Partial<Omit<StatementFact, 'effect'>> = {}): StatementFact {
  return { id: nextId++, form: 'expression', assigns: [], reads: [], collections: [], ...options, effect };
}
const block = (...statements: StatementFact[]): StatementFact => statement({ kind: 'block', statements });
const hook = (id: number, kind: HookKind, statements: StatementFact[] | null, suite = 0): HookFact => ({ id, suite, kind, statements });
const tests = (...ids: number[]): TestFact[] => ids.map((id) => ({ id, suite: 0, runs: 1 }));
const read = (place: Place, mutation: Mutation | null = null) => ({ id: nextId++, place, write: false, assigned: null, mutation });
const write = (place: Place, assigned: Effect | null) => ({ id: nextId++, place, write: true, assigned, mutation: null });
const change = (...path: string[]): Mutation => ({ path, kind: 'change' });
const reset = (...path: string[]): Mutation => ({ path, kind: 'assign' });
function binding(id: number, name: string, uses: BindingFact['uses'], options: Partial<BindingFact> = {}): BindingFact {
  return { id, name, suite: 0, initial: 'none', exported: false, uses, ...options };
}
function file(parts: Partial<FileFacts>): FileFacts {
  return { suites: [{ id: 0, parent: null }, { id: 1, parent: 0 }], tests: [], hooks: [], bindings: [], ...parts };
}

/**
 * The findings of a file; every case also checks that a front end leaving out what the core says
 * it does not read (see `readInFull`) gets the same findings, and that `mayShareData` is never
 * false for a file with a finding.
 */
function findingsOf(facts: FileFacts): Finding[] {
  const findings = findSharedData(facts);
  expect(findSharedData(pruned(facts))).toEqual(findings);
  if (findings.length > 0) expect(mayShareData(facts.hooks.map((hook) => hook.kind), facts.bindings.map((binding) => binding.initial))).toBe(true);
  return findings;
}

/** The facts with only what the core reads: statements of `beforeAll` hooks and named teardowns; writes, and every use of named bindings. */
function pruned(facts: FileFacts): FileFacts {
  const writesOnly = (binding: BindingFact): BindingFact => ({ ...binding, uses: binding.uses.filter((use) => use.write) });
  const withoutStatements = (hook: HookFact): HookFact => ({ ...hook, statements: null });
  const essentials: FileFacts = {
    ...facts,
    hooks: facts.hooks.map((hook) => (hook.kind === 'beforeAll' ? hook : withoutStatements(hook))),
    bindings: facts.bindings.map(writesOnly),
  };
  const more = readInFull(essentials);
  return {
    ...facts,
    hooks: facts.hooks.map((hook) => (hook.kind === 'beforeAll' || more.teardowns.has(hook.id) ? hook : withoutStatements(hook))),
    bindings: facts.bindings.map((binding) => (more.bindings.has(binding.id) ? binding : writesOnly(binding))),
  };
}

/** One line per finding: kind, subject, test runs, and the edit offered. */
function summary(finding: Finding): string {
  switch (finding.kind) {
    case 'sharedBinding':
      return `binding ${finding.binding} in hook ${finding.hook}, ${finding.tests} tests, edit ${editSummary(finding.edit)}`;
    case 'sharedSeed':
      return `seed in hook ${finding.hook}, ${finding.tests} tests, edit ${editSummary(finding.edit)}`;
    case 'mutatedLiteral':
      return `literal ${finding.binding} changed in ${finding.changedIn}, ${finding.tests} tests, edit ${finding.edit ? `factory for ${finding.edit.tests.join('+')}` : 'none'}`;
  }
}
function editSummary(edit: { hook: number; teardowns: readonly number[] } | null): string {
  if (!edit) return 'none';
  return edit.teardowns.length > 0 ? `each ${edit.hook} with ${edit.teardowns.join('+')}` : `each ${edit.hook}`;
}

// `let user; beforeAll(async () => { user = await createUser(); });`
const createUserStatement = statement(call('data'), { form: 'assign', assigns: [30] });
const userCreatedOnce = (uses: BindingFact['uses'], extraHooks: HookFact[] = []) =>
  file({
    tests: tests(10, 11),
    hooks: [hook(20, 'beforeAll', [createUserStatement]), ...extraHooks],
    bindings: [binding(30, 'user', [write(inHook(20), call('data')), ...uses])],
  });

describe('findSharedData: bindings assigned in run-once setup', () => {
  it.each<[string, FileFacts, string[]]>([
    ['data read by two tests', userCreatedOnce([read(inTest(10)), read(inTest(11))]), ['binding 30 in hook 20, 2 tests, edit each 20']],
    ['data read by one test', userCreatedOnce([read(inTest(10)), read(inTest(10))]), ['seed in hook 20, 2 tests, edit each 20']],
    [
      'data read through a per-test hook',
      userCreatedOnce([read(inHook(21))], [hook(21, 'beforeEach', [statement(call(null))])]),
      ['binding 30 in hook 20, 2 tests, edit each 20'],
    ],
    [
      'a parametrised test counts once per row',
      file({
        tests: [{ id: 10, suite: 0, runs: 3 }],
        hooks: [hook(20, 'beforeAll', [createUserStatement])],
        bindings: [binding(30, 'user', [write(inHook(20), call('data')), read(inTest(10))])],
      }),
      ['binding 30 in hook 20, 3 tests, edit each 20'],
    ],
    [
      'a literal read by two tests',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [statement(literal, { form: 'assign', assigns: [30] })])],
        bindings: [binding(30, 'cart', [write(inHook(20), literal), read(inTest(10)), read(inTest(11))])],
      }),
      ['binding 30 in hook 20, 2 tests, edit each 20'],
    ],
  ])('reports %s', (_label, facts, expected) => {
    expect(findingsOf(facts).map(summary)).toEqual(expected);
  });

  it.each<[string, FileFacts]>([
    [
      'infrastructure',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [statement(call('infrastructure'), { form: 'assign', assigns: [30] })])],
        bindings: [binding(30, 'pool', [write(inHook(20), call('infrastructure')), read(inTest(10)), read(inTest(11))])],
      }),
    ],
    [
      'configuration written as a literal',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [statement(literal, { form: 'assign', assigns: [30] })])],
        bindings: [binding(30, 'dbConfig', [write(inHook(20), literal), read(inTest(10)), read(inTest(11))])],
      }),
    ],
    [
      'a literal holding handles',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [statement(handles, { form: 'assign', assigns: [30] })])],
        bindings: [binding(30, 'ctx', [write(inHook(20), handles), read(inTest(10)), read(inTest(11))])],
      }),
    ],
    ['a binding reset in beforeEach', userCreatedOnce([write(inHook(21), call('data')), read(inTest(10)), read(inTest(11))], [hook(21, 'beforeEach', [])])],
    [
      'a value that is not data',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [statement(value, { form: 'assign', assigns: [30] })])],
        bindings: [binding(30, 'token', [write(inHook(20), call(null)), read(inTest(10)), read(inTest(11))])],
      }),
    ],
    [
      'data created in beforeEach',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeEach', [createUserStatement])],
        bindings: [binding(30, 'user', [write(inHook(20), call('data')), read(inTest(10)), read(inTest(11))])],
      }),
    ],
    [
      'data for a single test',
      file({
        tests: tests(10),
        hooks: [hook(20, 'beforeAll', [createUserStatement])],
        bindings: [binding(30, 'user', [write(inHook(20), call('data')), read(inTest(10))])],
      }),
    ],
  ])('does not report %s', (_label, facts) => {
    expect(findingsOf(facts)).toEqual([]);
  });
});

describe('findSharedData: data created in run-once setup', () => {
  it.each<[string, FileFacts, string[]]>([
    [
      'a seed whose result is not kept',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('data'))])] }),
      ['seed in hook 20, 2 tests, edit each 20'],
    ],
    [
      'seeds in a loop, next to a local',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [statement(call(null), { form: 'declare' }), block(statement(call('data')), statement(call('data')))])],
      }),
      ['seed in hook 20, 2 tests, edit each 20', 'seed in hook 20, 2 tests, edit each 20'],
    ],
    [
      'a seed next to infrastructure: no edit',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('infrastructure')), statement(call('data'))])] }),
      ['seed in hook 20, 2 tests, edit none'],
    ],
    [
      'a seed next to an unknown call: no edit',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('data')), statement(call(null))])] }),
      ['seed in hook 20, 2 tests, edit none'],
    ],
    [
      'a seed in a nested suite counts that suite’s tests',
      file({
        tests: [...tests(10), { id: 11, suite: 1, runs: 1 }, { id: 12, suite: 1, runs: 1 }],
        hooks: [hook(20, 'beforeAll', [statement(call('data'))], 1)],
      }),
      ['seed in hook 20, 2 tests, edit each 20'],
    ],
  ])('reports %s', (_label, facts, expected) => {
    expect(findingsOf(facts).map(summary)).toEqual(expected);
  });

  it.each<[string, FileFacts]>([
    ['a seed for one test of a nested suite', file({ tests: [...tests(10, 11), { id: 12, suite: 1, runs: 1 }], hooks: [hook(20, 'beforeAll', [statement(call('data'))], 1)] })],
    ['writes that are not data', file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('write'))])] })],
    ['a hook written elsewhere', file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', null)] })],
  ])('does not report %s', (_label, facts) => {
    expect(findingsOf(facts)).toEqual([]);
  });
});

describe('findSharedData: the beforeEach edit and teardowns', () => {
  const usedByTwo = [read(inTest(10)), read(inTest(11))];
  const teardown = (id: number, statements: StatementFact[] | null, suite = 0) => hook(id, 'afterAll', statements, suite);
  const seedUsers = statement(call('data'), { collections: ['prisma.user'] });
  it.each<[string, FileFacts, string[]]>([
    [
      'a teardown that removes the created binding moves too',
      userCreatedOnce(usedByTwo, [teardown(21, [statement(call('cleanup'), { reads: [30] })])]),
      ['binding 30 in hook 20, 2 tests, edit each 20 with 21'],
    ],
    [
      'a teardown that removes the same collection moves too',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [seedUsers]), teardown(21, [statement(call('cleanup'), { collections: ['prisma.user'] })])] }),
      ['seed in hook 20, 2 tests, edit each 20 with 21'],
    ],
    [
      'a teardown that wipes another collection stays',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [seedUsers]), teardown(21, [statement(call('cleanup'), { collections: ['orders'] })])] }),
      ['seed in hook 20, 2 tests, edit each 20'],
    ],
    [
      'a teardown that also closes the pool stays when it does not use the binding',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [seedUsers]), teardown(21, [statement(call('cleanup'), { collections: ['prisma.user'] }), statement(call('close'))])],
      }),
      ['seed in hook 20, 2 tests, edit each 20'],
    ],
    [
      'a teardown that uses the binding and closes the pool blocks the edit',
      userCreatedOnce(usedByTwo, [teardown(21, [statement(call('cleanup'), { reads: [30] }), statement(call('close'))])]),
      ['binding 30 in hook 20, 2 tests, edit none'],
    ],
    [
      'a teardown in another suite is left alone',
      userCreatedOnce(usedByTwo, [teardown(21, [statement(call('cleanup'), { reads: [30] })], 1)]),
      ['binding 30 in hook 20, 2 tests, edit each 20'],
    ],
    [
      'another run-once hook that builds on the data blocks the edit',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [createUserStatement]), hook(21, 'beforeAll', [statement(call('data'), { reads: [30] })], 1)],
        bindings: [binding(30, 'user', [write(inHook(20), call('data')), read(inHook(21)), ...usedByTwo])],
      }),
      ['binding 30 in hook 20, 2 tests, edit none'],
    ],
    [
      'another run-once hook that reads a value the setup hook keeps blocks the edit',
      // `await seedOrders(); orderId = (await firstOrder()).id;` with a nested `beforeAll` reading `orderId`.
      file({
        tests: tests(10, 11),
        hooks: [
          hook(20, 'beforeAll', [statement(call('data')), statement(value, { form: 'assign', assigns: [31] })]),
          hook(21, 'beforeAll', [statement(call(null), { reads: [31] })], 1),
        ],
        bindings: [binding(31, 'orderId', [write(inHook(20), value), read(inHook(21))])],
      }),
      ['seed in hook 20, 2 tests, edit none'],
    ],
    ...(
      [
        ['a later beforeEach of the same suite', 'beforeEach', 0, 21, 'each 20'],
        ['an earlier beforeEach of the same suite', 'beforeEach', 0, 19, 'none'],
        ['a beforeEach of a nested suite', 'beforeEach', 1, 19, 'each 20'],
        ['an afterEach', 'afterEach', 0, 19, 'each 20'],
      ] as const
    ).map(([label, kind, suite, id, edit]): [string, FileFacts, string[]] => [
      `a per-test hook that reads the data: ${label}`,
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [createUserStatement]), hook(id, kind, [statement(call(null), { reads: [30] })], suite)],
        bindings: [binding(30, 'user', [write(inHook(20), call('data')), read(inHook(id)), ...usedByTwo])],
      }),
      [`binding 30 in hook 20, 2 tests, edit ${edit}`],
    ]),
  ])('%s', (_label, facts, expected) => {
    expect(findingsOf(facts).map(summary)).toEqual(expected);
  });
});

describe('findSharedData: suite-level literals that tests change', () => {
  const cart = (uses: BindingFact['uses'], options: Partial<BindingFact> = {}, hooks: HookFact[] = []) =>
    file({ tests: tests(10, 11), hooks, bindings: [binding(40, 'cart', uses, { initial: 'literal', ...options })] });
  it.each<[string, FileFacts, string[]]>([
    ['changed by one test, read by another', cart([read(inTest(10), change('items')), read(inTest(11))]), ['literal 40 changed in test, 2 tests, edit factory for 10+11']],
    ['assigned to by a test', cart([read(inTest(10), reset('status')), read(inTest(11))]), ['literal 40 changed in test, 2 tests, edit factory for 10+11']],
    [
      'changed once in run-once setup',
      cart([read(inHook(20), change('items')), read(inTest(10)), read(inTest(11))], {}, [hook(20, 'beforeAll', [])]),
      ['literal 40 changed in hook, 2 tests, edit none'],
    ],
    [
      'a reset that covers another path',
      cart([read(inHook(20), reset('items')), read(inTest(10), change('total')), read(inTest(11))], {}, [hook(20, 'beforeEach', [])]),
      ['literal 40 changed in test, 2 tests, edit none'],
    ],
    ['exported', cart([read(inTest(10), change()), read(inTest(11))], { exported: true }), ['literal 40 changed in test, 2 tests, edit none']],
    ['also read by a helper', cart([read(inTest(10), change()), read(inTest(11)), read(elsewhere)]), ['literal 40 changed in test, 2 tests, edit none']],
    ['reassigned in a test', cart([read(inTest(10), change()), read(inTest(11)), write(inTest(11), literal)]), ['literal 40 changed in test, 2 tests, edit none']],
  ])('reports %s', (_label, facts, expected) => {
    expect(findingsOf(facts).map(summary)).toEqual(expected);
  });

  it.each<[string, FileFacts]>([
    ['only read', cart([read(inTest(10)), read(inTest(11))])],
    ['changed and used by one test only', cart([read(inTest(10), change('items')), read(inTest(10))])],
    ['not a literal', cart([read(inTest(10), change('items')), read(inTest(11))], { initial: 'other' })],
    ['reset whole in beforeEach', cart([write(inHook(20), literal), read(inTest(10), change('items')), read(inTest(11))], {}, [hook(20, 'beforeEach', [])])],
    ['the changed path reset in afterEach', cart([read(inHook(20), reset('items')), read(inTest(10), change('items', '0')), read(inTest(11))], {}, [hook(20, 'afterEach', [])])],
    ['changed only outside tests and hooks', cart([read(elsewhere, change('items')), read(inTest(10)), read(inTest(11))])],
    ['filled once in beforeAll for one test', cart([read(inHook(20), change('items')), read(inTest(10))], {}, [hook(20, 'beforeAll', [])])],
  ])('does not report %s', (_label, facts) => {
    expect(findingsOf(facts)).toEqual([]);
  });

  it.each<[string, Effect, string[]]>([
    ['infrastructure', call('infrastructure'), []],
    ['an unknown value', call(null), []],
    ['test data', call('data'), ['literal 40 changed in hook, 2 tests, edit none']],
  ])('a holder filled once in beforeAll with %s', (_label, assigned, expected) => {
    const facts = cart([read(inHook(20), { path: ['item'], kind: 'assign', value: assigned }), read(inTest(10)), read(inTest(11))], {}, [hook(20, 'beforeAll', [])]);
    expect(findingsOf(facts).map(summary)).toEqual(expected);
  });

  it('reports a binding once when it is also assigned data in run-once setup', () => {
    const facts = file({
      tests: tests(10, 11),
      hooks: [hook(20, 'beforeAll', [statement(literal, { form: 'assign', assigns: [40] })])],
      bindings: [binding(40, 'cart', [write(inHook(20), literal), read(inTest(10), change('items')), read(inTest(11))], { initial: 'literal' })],
    });
    expect(findingsOf(facts).map(summary)).toEqual(['binding 40 in hook 20, 2 tests, edit each 20']);
  });
});

describe('what the core reads', () => {
  const usedByTwo = [read(inTest(10)), read(inTest(11))];
  // `pool = new Pool()` and a seed in beforeAll; `user` created in beforeEach; the pool closed in afterAll.
  const infrastructureAndSeed = file({
    tests: tests(10, 11),
    hooks: [
      hook(20, 'beforeAll', [statement(call('infrastructure'), { form: 'assign', assigns: [30] }), statement(call('data'))]),
      hook(21, 'beforeEach', [statement(call('data'), { form: 'assign', assigns: [31] })]),
      hook(22, 'afterAll', [statement(call('close'), { reads: [30] })]),
    ],
    bindings: [
      binding(30, 'pool', [write(inHook(20), call('infrastructure')), read(inHook(22)), ...usedByTwo]),
      binding(31, 'user', [write(inHook(21), call('data')), ...usedByTwo]),
    ],
  });

  it('reads neither the other uses of infrastructure or per-test data, nor the teardowns of a setup hook that does more than create data', () => {
    expect(readInFull(infrastructureAndSeed)).toEqual({ teardowns: new Set(), bindings: new Set() });
    expect(findingsOf(infrastructureAndSeed).map(summary)).toEqual(['seed in hook 20, 2 tests, edit none']);
  });

  it('reads the teardowns of a setup hook that only creates data, and every use of what it assigns', () => {
    // `user = await createUser(); userId = user.id;` in beforeAll, `await deleteUser(userId)` in afterAll.
    const facts = file({
      tests: tests(10, 11),
      hooks: [
        hook(20, 'beforeAll', [createUserStatement, statement(value, { form: 'assign', assigns: [31], reads: [30] })]),
        hook(21, 'afterAll', [statement(call('cleanup'), { reads: [31] })]),
        hook(22, 'afterAll', [statement(call('cleanup'))], 1),
      ],
      bindings: [binding(30, 'user', [write(inHook(20), call('data')), ...usedByTwo]), binding(31, 'userId', [write(inHook(20), value), read(inHook(21))])],
    });
    expect(readInFull(facts)).toEqual({ teardowns: new Set([21]), bindings: new Set([30, 31]) });
    expect(findingsOf(facts).map(summary)).toEqual(['binding 30 in hook 20, 2 tests, edit each 20 with 21']);
  });

  it('reads every use of a suite literal', () => {
    const facts = file({ tests: tests(10, 11), bindings: [binding(40, 'cart', [read(inTest(10), change('items')), read(inTest(11))], { initial: 'literal' })] });
    expect(readInFull(facts).bindings).toEqual(new Set([40]));
  });

  it.each<[string, HookKind[], BindingFact['initial'][], boolean]>([
    ['a run-once setup hook', ['beforeEach', 'beforeAll'], ['other'], true],
    ['a suite literal', ['beforeEach', 'afterAll'], ['none', 'literal'], true],
    ['per-test hooks, a teardown and no literal', ['beforeEach', 'afterEach', 'afterAll'], ['none', 'other'], false],
  ])('a file with %s may share data: %s', (_label, hookKinds, initials, expected) => {
    expect(mayShareData(hookKinds, initials)).toBe(expected);
  });
});
