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

/** The facts with only what the core reads: statements of `beforeAll` hooks and named hooks; writes, and every use of named bindings. */
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
    hooks: facts.hooks.map((hook) => (hook.kind === 'beforeAll' || more.hooks.has(hook.id) ? hook : withoutStatements(hook))),
    bindings: facts.bindings.map((binding) => (more.bindings.has(binding.id) ? binding : writesOnly(binding))),
  };
}

/** One line per finding: kind, subject, who shares it, and the edit offered. */
function summary(finding: Finding): string {
  switch (finding.kind) {
    case 'sharedHookData': {
      const kept = finding.bindings.length > 0 ? `bindings ${finding.bindings.join('+')}` : 'no binding';
      const ordered = finding.ordered ? ', ordered' : '';
      return `hook ${finding.hook}: ${finding.sources.length} sources, ${kept}, ${finding.scope} ${finding.tests}${ordered}, edit ${finding.edit ? `each ${finding.edit.hook}` : 'none'}`;
    }
    case 'handedOn':
      return `binding ${finding.binding} handed on to ${finding.tests} later tests`;
    case 'mutatedLiteral':
      return `literal ${finding.binding} changed in ${finding.changedIn}, ${finding.tests} tests, edit ${finding.edit ? `factory for ${finding.edit.tests.join('+')}` : 'none'}`;
  }
}

/** `afterEach(() => db.truncate())`: a cleanup around every test of the file. */
const cleanupEach = hook(25, 'afterEach', [statement(call('cleanup'))]);

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
    ['data read by two tests', userCreatedOnce([read(inTest(10)), read(inTest(11))], [cleanupEach]), ['hook 20: 1 sources, bindings 30, readers 2, edit each 20']],
    ['data read by two tests, with nothing cleaned up around each test: no edit', userCreatedOnce([read(inTest(10)), read(inTest(11))]), ['hook 20: 1 sources, bindings 30, readers 2, edit none']],
    [
      'data kept in a binding no test reads: the tests reach it some other way',
      userCreatedOnce([read(inHook(21))], [hook(21, 'afterAll', [statement(call('cleanup'), { reads: [30] })])]),
      ['hook 20: 1 sources, no binding, suite 2, edit none'],
    ],
    [
      'data read through a per-test hook',
      userCreatedOnce([read(inHook(21))], [hook(21, 'beforeEach', [statement(call(null))])]),
      ['hook 20: 1 sources, bindings 30, readers 2, edit none'],
    ],
    [
      'a parametrised test counts once per row',
      file({
        tests: [{ id: 10, suite: 0, runs: 3 }],
        hooks: [hook(20, 'beforeAll', [createUserStatement])],
        bindings: [binding(30, 'user', [write(inHook(20), call('data')), read(inTest(10))])],
      }),
      ['hook 20: 1 sources, bindings 30, readers 3, edit none'],
    ],
    [
      'a literal that a test changes, read by two tests',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [statement(literal, { form: 'assign', assigns: [30] })])],
        bindings: [binding(30, 'cart', [write(inHook(20), literal), read(inTest(10), { path: ['items'], kind: 'change' }), read(inTest(11))])],
      }),
      ['hook 20: 1 sources, bindings 30, readers 2, edit each 20'],
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
    ['data read by one test only', userCreatedOnce([read(inTest(10)), read(inTest(10))])],
    [
      'a literal the hook builds and no test changes: a value like a constant',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [statement(literal, { form: 'assign', assigns: [30] })])],
        bindings: [binding(30, 'expectedCart', [write(inHook(20), literal), read(inTest(10)), read(inTest(11))])],
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
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('data'))]), cleanupEach] }),
      ['hook 20: 1 sources, no binding, suite 2, edit each 20'],
    ],
    [
      'seeds in a loop, next to a local',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [statement(call(null), { form: 'declare' }), block(statement(call('data')), statement(call('data')))])],
      }),
      ['hook 20: 2 sources, no binding, suite 2, edit none'],
    ],
    [
      'a seed next to infrastructure: no edit',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('infrastructure')), statement(call('data'))])] }),
      ['hook 20: 1 sources, no binding, suite 2, edit none'],
    ],
    [
      'a seed next to an unknown call: no edit',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('data')), statement(call(null))])] }),
      ['hook 20: 1 sources, no binding, suite 2, edit none'],
    ],
    [
      'a seed next to schema work: no edit',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement({ kind: 'schema' }), statement(call('data'))])] }),
      ['hook 20: 1 sources, no binding, suite 2, edit none'],
    ],
    [
      'a seed in a nested suite counts that suite’s tests',
      file({
        tests: [...tests(10), { id: 11, suite: 1, runs: 1 }, { id: 12, suite: 1, runs: 1 }],
        hooks: [hook(20, 'beforeAll', [statement(call('data'))], 1), cleanupEach],
      }),
      ['hook 20: 1 sources, no binding, suite 2, edit each 20'],
    ],
  ])('reports %s', (_label, facts, expected) => {
    expect(findingsOf(facts).map(summary)).toEqual(expected);
  });

  it.each<[string, FileFacts]>([
    ['a seed for one test of a nested suite', file({ tests: [...tests(10, 11), { id: 12, suite: 1, runs: 1 }], hooks: [hook(20, 'beforeAll', [statement(call('data'))], 1)] })],
    ['writes that are not data', file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('write'))])] })],
    ['schema work', file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement({ kind: 'schema' }), block(statement({ kind: 'schema' }))])] })],
    ['a hook written elsewhere', file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', null)] })],
  ])('does not report %s', (_label, facts) => {
    expect(findingsOf(facts)).toEqual([]);
  });
});

describe('findSharedData: when the beforeEach edit is safe', () => {
  const usedByTwo = [read(inTest(10)), read(inTest(11))];
  const teardown = (id: number, statements: StatementFact[] | null, suite = 0) => hook(id, 'afterAll', statements, suite);
  const seedUsers = statement(call('data'), { collections: ['prisma.user'] });
  it.each<[string, FileFacts, string[]]>([
    [
      'a teardown that removes the created binding, once after the last test, blocks the edit',
      userCreatedOnce(usedByTwo, [teardown(21, [statement(call('cleanup'), { reads: [30] })])]),
      ['hook 20: 1 sources, bindings 30, readers 2, edit none'],
    ],
    [
      'a teardown that removes the same collection blocks the edit',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [seedUsers]), teardown(21, [statement(call('cleanup'), { collections: ['prisma.user'] })])] }),
      ['hook 20: 1 sources, no binding, suite 2, edit none'],
    ],
    [
      'a teardown that wipes another collection stays',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [seedUsers]), teardown(21, [statement(call('cleanup'), { collections: ['orders'] })]), cleanupEach] }),
      ['hook 20: 1 sources, no binding, suite 2, edit each 20'],
    ],
    [
      'a teardown that only closes the pool',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [seedUsers]), teardown(21, [statement(call('close'))]), cleanupEach] }),
      ['hook 20: 1 sources, no binding, suite 2, edit each 20'],
    ],
    [
      'a teardown that uses the binding and closes the pool blocks the edit',
      userCreatedOnce(usedByTwo, [teardown(21, [statement(call('cleanup'), { reads: [30] }), statement(call('close'))])]),
      ['hook 20: 1 sources, bindings 30, readers 2, edit none'],
    ],
    [
      'a teardown in another suite is left alone',
      userCreatedOnce(usedByTwo, [teardown(21, [statement(call('cleanup'), { reads: [30] })], 1), cleanupEach]),
      ['hook 20: 1 sources, bindings 30, readers 2, edit each 20'],
    ],
    [
      'writes with no cleanup around each test block the edit: rows would pile up and a unique key be inserted twice',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('data'))])] }),
      ['hook 20: 1 sources, no binding, suite 2, edit none'],
    ],
    [
      'writes cleaned up before each test',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('data'))]), hook(21, 'beforeEach', [statement(call('cleanup'))])] }),
      ['hook 20: 1 sources, no binding, suite 2, edit each 20'],
    ],
    [
      'writes wiped by rebuilding the schema after each test',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('data'))]), hook(21, 'afterEach', [statement({ kind: 'schema' })])] }),
      ['hook 20: 1 sources, no binding, suite 2, edit each 20'],
    ],
    [
      'writes cleaned up only around the tests of a nested suite block the edit',
      file({ tests: tests(10, 11), hooks: [hook(20, 'beforeAll', [statement(call('data'))]), hook(21, 'afterEach', [statement(call('cleanup'))], 1)] }),
      ['hook 20: 1 sources, no binding, suite 2, edit none'],
    ],
    [
      'a literal needs no cleanup: nothing is written to a store',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [statement(literal, { form: 'assign', assigns: [30] })])],
        bindings: [binding(30, 'cart', [write(inHook(20), literal), read(inTest(10), { path: ['items'], kind: 'change' }), read(inTest(11))])],
      }),
      ['hook 20: 1 sources, bindings 30, readers 2, edit each 20'],
    ],
    [
      'tests that hand state to each other: an ordered scenario, no edit',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [statement(call('data'))])],
        bindings: [binding(31, 'orderId', [write(inTest(10), value), read(inTest(11))])],
      }),
      ['binding 31 handed on to 1 later tests', 'hook 20: 1 sources, no binding, suite 2, ordered, edit none'],
    ],
    [
      'another run-once hook that builds on the data blocks the edit',
      file({
        tests: tests(10, 11),
        hooks: [hook(20, 'beforeAll', [createUserStatement]), hook(21, 'beforeAll', [statement(call('data'), { reads: [30] })], 1)],
        bindings: [binding(30, 'user', [write(inHook(20), call('data')), read(inHook(21)), ...usedByTwo])],
      }),
      ['hook 20: 1 sources, bindings 30, readers 2, edit none'],
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
      ['hook 20: 1 sources, no binding, suite 2, edit none'],
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
        hooks: [hook(20, 'beforeAll', [createUserStatement]), hook(id, kind, [statement(call(null), { reads: [30] })], suite), cleanupEach],
        bindings: [binding(30, 'user', [write(inHook(20), call('data')), read(inHook(id)), ...usedByTwo])],
      }),
      [`hook 20: 1 sources, bindings 30, readers 2, edit ${edit}`],
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
      'a reset that covers another path',
      cart([read(inHook(20), reset('items')), read(inTest(10), change('total')), read(inTest(11))], {}, [hook(20, 'beforeEach', [])]),
      ['literal 40 changed in test, 2 tests, edit none'],
    ],
    ['exported', cart([read(inTest(10), change()), read(inTest(11))], { exported: true }), ['literal 40 changed in test, 2 tests, edit none']],
    ['also read by a helper', cart([read(inTest(10), change()), read(inTest(11)), read(elsewhere)]), ['literal 40 changed in test, 2 tests, edit none']],
    ['reassigned in a test', cart([read(inTest(10), change()), read(inTest(11)), write(inTest(11), literal)]), ['literal 40 changed in test, 2 tests, edit none']],
    [
      'added to by tests, read back by a per-test setup as well as a teardown',
      cart([read(inTest(10), change()), read(inTest(11), change()), read(inHook(20)), read(inHook(21))], {}, [hook(20, 'afterAll', []), hook(21, 'beforeEach', [])]),
      ['literal 40 changed in test, 2 tests, edit none'],
    ],
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
    // Before any test runs: every test sees the same value, and what the hook writes is the hook's finding.
    ['changed once in run-once setup', cart([read(inHook(20), change('items')), read(inTest(10)), read(inTest(11))], {}, [hook(20, 'beforeAll', [])])],
    [
      'added to by tests and read back only by a teardown (ids kept to delete)',
      cart([read(inTest(10), change()), read(inTest(11), change()), read(inHook(20))], {}, [hook(20, 'afterAll', [])]),
    ],
  ])('does not report %s', (_label, facts) => {
    expect(findingsOf(facts)).toEqual([]);
  });

  it.each<[string, Effect, string[]]>([
    ['infrastructure', call('infrastructure'), []],
    ['an unknown value', call(null), []],
    ['test data', call('data'), []],
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
    expect(findingsOf(facts).map(summary)).toEqual(['hook 20: 1 sources, bindings 40, readers 2, edit each 20']);
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
    expect(readInFull(infrastructureAndSeed)).toEqual({ hooks: new Set(), bindings: new Set() });
    expect(findingsOf(infrastructureAndSeed).map(summary)).toEqual(['hook 20: 1 sources, no binding, suite 2, edit none']);
  });

  it('reads the teardowns and per-test hooks around a setup hook that only creates data, and every use of what it assigns', () => {
    // `user = await createUser(); userId = user.id;` in beforeAll, `await deleteUser(userId)` in afterAll.
    const facts = file({
      tests: tests(10, 11),
      hooks: [
        hook(20, 'beforeAll', [createUserStatement, statement(value, { form: 'assign', assigns: [31], reads: [30] })]),
        hook(21, 'afterAll', [statement(call('cleanup'), { reads: [31] })]),
        hook(22, 'afterAll', [statement(call('cleanup'))], 1),
        hook(23, 'afterEach', [statement(call('cleanup'))]),
        hook(24, 'afterEach', [statement(call('cleanup'))], 1),
      ],
      bindings: [binding(30, 'user', [write(inHook(20), call('data')), ...usedByTwo]), binding(31, 'userId', [write(inHook(20), value), read(inHook(21))])],
    });
    expect(readInFull(facts)).toEqual({ hooks: new Set([21, 23]), bindings: new Set([30, 31]) });
    expect(findingsOf(facts).map(summary)).toEqual(['hook 20: 1 sources, bindings 30, readers 2, edit none']);
  });

  it('reads every use of a suite literal', () => {
    const facts = file({ tests: tests(10, 11), bindings: [binding(40, 'cart', [read(inTest(10), change('items')), read(inTest(11))], { initial: 'literal' })] });
    expect(readInFull(facts).bindings).toEqual(new Set([40]));
  });

  it('reads every use of a binding a test assigns', () => {
    const facts = file({ tests: tests(10, 11), bindings: [binding(41, 'orderId', [write(inTest(10), value)])] });
    expect(readInFull(facts).bindings).toEqual(new Set([41]));
  });

  it.each<[string, HookKind[], BindingFact['initial'][], boolean]>([
    ['a run-once setup hook', ['beforeEach', 'beforeAll'], [], true],
    ['a suite literal', ['beforeEach', 'afterAll'], ['literal'], true],
    ['a suite binding a test may assign', ['beforeEach', 'afterAll'], ['none'], true],
    ['per-test hooks, a teardown and no suite binding', ['beforeEach', 'afterEach', 'afterAll'], [], false],
  ])('a file with %s may share data: %s', (_label, hookKinds, initials, expected) => {
    expect(mayShareData(hookKinds, initials)).toBe(expected);
  });
});

describe('findSharedData: state handed from one test to the next', () => {
  const orderId = (uses: BindingFact['uses'], hooks: HookFact[] = []) => file({ tests: tests(10, 11, 12), hooks, bindings: [binding(31, 'orderId', uses)] });
  it.each<[string, FileFacts, string[]]>([
    ['assigned by one test, read by the two after it', orderId([write(inTest(10), value), read(inTest(11)), read(inTest(12))]), ['binding 31 handed on to 2 later tests']],
    ['assigned by a later test than the one reading it first', orderId([read(inTest(10)), write(inTest(11), value), read(inTest(12))]), ['binding 31 handed on to 1 later tests']],
    [
      'assigned by a setup hook that ran before both tests',
      file({
        tests: [{ id: 10, suite: 1, runs: 1 }, { id: 11, suite: 1, runs: 1 }],
        hooks: [hook(20, 'beforeAll', [], 1)],
        bindings: [binding(31, 'session', [write(inHook(20), value), write(inTest(10), value), read(inTest(11))])],
      }),
      ['binding 31 handed on to 1 later tests'],
    ],
  ])('reports %s', (_label, facts, expected) => {
    expect(findingsOf(facts).map(summary)).toEqual(expected);
  });

  it.each<[string, FileFacts]>([
    ['read only by the test that assigns it', orderId([write(inTest(10), value), read(inTest(10))])],
    ['assigned again by every test that reads it', orderId([write(inTest(10), value), write(inTest(11), value), read(inTest(11))])],
    ['read only before any test assigns it', orderId([read(inTest(10)), write(inTest(11), value)])],
    ['reset before each test', orderId([write(inTest(10), value), write(inHook(20), value), read(inTest(11))], [hook(20, 'beforeEach', [])])],
    ['read only by a hook', orderId([write(inTest(10), value), read(inHook(20))], [hook(20, 'afterAll', [])])],
    [
      'assigned again by a setup hook of the reading test’s suite, which runs after the earlier test',
      file({
        tests: [...tests(10), { id: 11, suite: 1, runs: 1 }],
        hooks: [hook(20, 'beforeAll', [], 1)],
        bindings: [binding(31, 'session', [write(inTest(10), value), write(inHook(20), value), read(inTest(11))])],
      }),
    ],
  ])('does not report %s', (_label, facts) => {
    expect(findingsOf(facts)).toEqual([]);
  });
});
