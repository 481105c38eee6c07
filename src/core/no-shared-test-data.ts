/**
 * Which test data a file shares between its tests, decided from facts any language front end can
 * gather: the suites, tests and hooks of a file, what each hook statement does, and every use of
 * the bindings declared at suite level (module or `describe`).
 *
 * Data is shared when it is made once for many tests: assigned in a run-once setup hook and read
 * by two or more tests, created in a run-once setup hook for a suite of two or more tests, assigned
 * by one test and read by later ones, or a suite-level object that tests or hooks change.
 * Infrastructure and schema are meant to be shared and are left alone; so are values reset before
 * or after each test.
 */
import { classifyValueName, namesClassLike, type CallRole } from './vocabulary';

export type Id = number;
export type HookKind = 'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll';

/** A suite: the file itself (no parent) or a `describe` block. */
export interface SuiteFact {
  readonly id: Id;
  readonly parent: Id | null;
  /**
   * How many times the suite's body runs: the rows of a parametrised suite (`describe.each(table)`),
   * else once. Hooks inside it run once per row; hooks outside see its tests once per row.
   */
  readonly runs?: number;
  /** `runs` is only a lower bound: the suite's rows are not written out. */
  readonly runsMore?: boolean;
  /**
   * The suite's body calls a function of the file, written outside it, that registers tests
   * (`function commonTests() { it(…) }`, then `commonTests()` in several suites): it runs more tests
   * than it holds.
   */
  readonly borrowsTests?: boolean;
}

export interface TestFact {
  readonly id: Id;
  /** The innermost suite holding the test. */
  readonly suite: Id;
  /** How many times the test runs: more than one for a parametrised test with several rows. */
  readonly runs: number;
  /** `runs` is only a lower bound: the test is written in a loop, or its rows are not written out. */
  readonly runsMore?: boolean;
}

export interface HookFact {
  /** Hook ids increase in source order: hooks of one kind in one suite run in that order. */
  readonly id: Id;
  readonly suite: Id;
  readonly kind: HookKind;
  /**
   * The statements of the hook body, or `null` when the body is not written inline. Read only for
   * `beforeAll` hooks and the teardowns `readInFull` names: a front end may give `null` for the others.
   */
  readonly statements: readonly StatementFact[] | null;
}

/** What a statement or a value does. */
export type Effect =
  /** A call, with its role in the shared vocabulary (`null`: the names say nothing). */
  | { readonly kind: 'call'; readonly role: CallRole | null }
  /** A fresh object or array; `holdsInfrastructure` when a member is built from infrastructure. */
  | { readonly kind: 'literal'; readonly holdsInfrastructure: boolean }
  /** A plain value: no call, no new object. */
  | { readonly kind: 'value' }
  /** Test-runner bookkeeping that changes no data, such as raising a hook's timeout. */
  | { readonly kind: 'housekeeping' }
  /** A block or loop: what its statements do. */
  | { readonly kind: 'block'; readonly statements: readonly StatementFact[] }
  /**
   * Work on the schema (tables, indexes, migrations): infrastructure a suite may share, never data.
   * `definesOnly` when it only defines a model in memory (`ds.define('Order', properties)`), touching
   * no store: it removes nothing either.
   */
  | { readonly kind: 'schema'; readonly definesOnly?: boolean }
  | { readonly kind: 'unknown' };

export interface StatementFact {
  readonly id: Id;
  /** `declare` introduces locals of the hook; `assign` assigns something else; `expression` is the rest. */
  readonly form: 'declare' | 'assign' | 'expression';
  readonly effect: Effect;
  /** Suite bindings the statement assigns. */
  readonly assigns: readonly Id[];
  /** For a declaration: suite bindings the local it declares is later assigned to, in the same body. */
  readonly feeds?: readonly Id[];
  /** Suite bindings the statement reads. */
  readonly reads: readonly Id[];
  /** The tables, collections or repositories a data or cleanup call targets (`users`, `prisma.user`). */
  readonly collections: readonly string[];
}

/** Where a binding is used. `elsewhere` is code outside any test or hook (a helper, the suite body). */
export type Place = { readonly kind: 'test'; readonly id: Id } | { readonly kind: 'hook'; readonly id: Id } | { readonly kind: 'elsewhere' };

/** A change to an object reached from a binding: `order.items.push(x)` changes path `items`. */
export interface Mutation {
  readonly path: readonly string[];
  /** `assign` puts a fresh value at the path (`cart.items = []`); `change` alters what is there. */
  readonly kind: 'assign' | 'change';
  /** For `assign`: what the new value is. */
  readonly value?: Effect;
  /** For `assign`: the collection at the path is emptied whole (`items.length = 0`, `seen.clear()`), not one computed key of it set. */
  readonly emptied?: boolean;
  /**
   * For a `change` that sets known properties of the value at the path (`Object.assign(payload,
   * defaults)`): their names. In a per-test hook it puts each of them back.
   */
  readonly keys?: readonly string[];
  /** For `assign`: the value stored is the plain value the declaration already holds there. */
  readonly unchanged?: boolean;
}

export interface UseFact {
  readonly id: Id;
  readonly place: Place;
  /** The binding itself is assigned here. */
  readonly write: boolean;
  /** The assignment works from the binding's own value (`count += 1`, `count++`). */
  readonly updates?: boolean;
  /**
   * The assignment sits outside every test and hook, in a function that runs when called (a callback
   * handed to the code under test, a helper): any test may set the binding through it.
   */
  readonly deferred?: boolean;
  /** In a test, the use sits in a callback there (an msw handler, a listener): it runs when that is called. */
  readonly inCallback?: boolean;
  /**
   * In a test, the read only asks whether the binding is still unset, to assign it then
   * (`if (!db) db = open()`), or only ends whatever is there (`await destroy(app)`, `app?.close()`):
   * before the test assigns its own, it does not need an earlier one to have set it.
   */
  readonly guard?: boolean;
  /**
   * In a test, the assignment sits in the `finally` block of a `try`: it runs however the test ends,
   * to put the binding back for the tests after it (`rootAgent = await login(app)` after a test that
   * turned a plugin off).
   */
  readonly restores?: boolean;
  /** For a plain assignment (`x = value`): what the value is. */
  readonly assigned: Effect | null;
  readonly mutation: Mutation | null;
}

/** A binding declared directly in a suite body. */
export interface BindingFact {
  readonly id: Id;
  readonly name: string;
  readonly suite: Id;
  /** How it starts: an object or array literal, some other value, or nothing (`let user;`). */
  readonly initial: 'literal' | 'other' | 'none';
  /** Declared with a value a test could work with (`let max = 50`), not none or an empty stand-in (`null`, `0`, `[]`). */
  readonly startsWithValue?: boolean;
  readonly exported: boolean;
  /** Every use but the declaration; for a binding `readInFull` does not name, the writes are enough. */
  readonly uses: readonly UseFact[];
}

export interface FileFacts {
  readonly suites: readonly SuiteFact[];
  readonly tests: readonly TestFact[];
  readonly hooks: readonly HookFact[];
  readonly bindings: readonly BindingFact[];
}

/** Run a run-once setup hook before each test instead. */
export interface PerTestHookEdit {
  readonly hook: Id;
}

/** Replace a suite-level literal by a factory, called once at the top of each of these tests. */
export interface FactoryEdit {
  readonly tests: readonly Id[];
}

/**
 * Test data a run-once setup hook creates for several tests, one finding per hook: bindings assigned
 * test data there and read by two or more tests, and statements that create data without keeping it.
 */
export interface SharedHookData {
  readonly kind: 'sharedHookData';
  readonly hook: Id;
  /** Where the data is made: the uses that assign a shared binding and the statements that seed data. */
  readonly sources: readonly Id[];
  /** The shared bindings among the sources, in the order of the facts. */
  readonly bindings: readonly Id[];
  /**
   * Who shares it: `readers` when every source is a binding (the test runs that read one of them),
   * `suite` when some data is kept nowhere (every test run of the hook's suite).
   */
  readonly scope: 'readers' | 'suite';
  readonly tests: number;
  /** `tests` is only a lower bound: some of those tests run more often than the file shows. */
  readonly atLeast: boolean;
  /** The tests of the hook's suite hand state to each other: they form one ordered scenario. */
  readonly ordered: boolean;
  readonly edit: PerTestHookEdit | null;
}

/**
 * A suite binding that one test assigns and later tests read: they pass only when that test ran
 * first. Anchored at the first read in a later test.
 */
export interface HandedOn {
  readonly kind: 'handedOn';
  readonly binding: Id;
  readonly use: Id;
  /** The later test runs that read it. */
  readonly tests: number;
  /** What is handed on is a client or an app a test connects or sets up, not data. */
  readonly opens: boolean;
  /**
   * The binding starts with a value of its own (`let max = 50`), which the earlier test replaces,
   * or is a counter the tests only move on (`let sent = 0`, `sent += 1`): a later test run alone
   * reads the starting value, so what it sees depends on the order, not that it fails.
   */
  readonly replaces: boolean;
}

/** A suite-level literal that a test or a per-test hook changes, used by `tests` test runs. */
export interface MutatedLiteral {
  readonly kind: 'mutatedLiteral';
  readonly binding: Id;
  readonly tests: number;
  readonly changedIn: 'test' | 'hook';
  readonly edit: FactoryEdit | null;
}

export type Finding = SharedHookData | HandedOn | MutatedLiteral;

/** What a statement amounts to for this rule. */
type StatementKind = 'data' | 'cleanup' | 'infrastructure' | 'neutral' | 'other';

const PER_TEST_HOOKS: ReadonlySet<HookKind> = new Set(['beforeEach', 'afterEach']);
const RUN_ONCE_HOOKS: ReadonlySet<HookKind> = new Set(['beforeAll', 'afterAll']);
const TEARDOWN_HOOKS: ReadonlySet<HookKind> = new Set(['afterEach', 'afterAll']);

/*
 * What the core reads, so that a front end can leave out what cannot change a finding. Every finding
 * starts in a run-once setup hook (a shared binding assigned there, a seed created there), at a
 * suite binding that starts as a literal (a mutated literal), or at a suite binding a test assigns
 * (a value handed on); the rest is read only on the way from one of those. A front end gives the suites, the tests, every hook (its statements only when it is
 * a `beforeAll` hook) and every binding with the uses that write it; `readInFull` then names what
 * else is read, and everything else may be left out (statements `null`, no other uses).
 */

/**
 * Whether a file can hold a finding at all: it has a run-once setup hook, or a suite binding (which
 * starts as a literal, or which a test may assign for later tests).
 */
export function mayShareData(hookKinds: readonly HookKind[], initials: readonly BindingFact['initial'][]): boolean {
  return hookKinds.includes('beforeAll') || initials.length > 0;
}

/** What is read beyond the statements of run-once setup hooks and the writes of each binding. */
export interface ReadInFull {
  /**
   * The other hooks whose statements are read: around a setup hook that does nothing but create
   * data, the run-once teardowns of its suite and the per-test hooks of its suite and the suites
   * around it, which decide whether its `beforeEach` edit is safe.
   */
  readonly hooks: ReadonlySet<Id>;
  /**
   * The bindings whose every use is read: those that start as a literal (a mutated literal), those
   * a run-once setup hook assigns test data (a shared binding), and those a setup hook that only
   * creates data assigns (a hook reading them may block its edit), and those a test assigns (later
   * tests may read them). Of the other bindings only the writes are read: whether a setup hook
   * assigns them data, and whether a per-test hook resets them.
   */
  readonly bindings: ReadonlySet<Id>;
}

/** What else is read, from facts that give the statements of every `beforeAll` hook and the writes of every binding. */
export function readInFull(facts: FileFacts): ReadInFull {
  const file = new FileIndex(facts);
  const hooks = new Set<Id>();
  const bindings = new Set<Id>();
  for (const binding of facts.bindings) {
    const assignedInTest = binding.uses.some((use) => use.write && use.place.kind === 'test');
    if (binding.initial === 'literal' || assignedInTest || binding.uses.some((use) => sharedHookOf(file, binding, use, 'not yet read') !== null)) bindings.add(binding.id);
  }
  for (const hook of facts.hooks) {
    if (hook.kind !== 'beforeAll' || !hook.statements) continue;
    // Whether a test reads what a statement that creates data keeps decides whether that data is shared.
    for (const statement of leafStatements(hook.statements)) {
      if (statement.effect.kind === 'call' && statement.effect.role === 'data') for (const id of [...statement.assigns, ...(statement.feeds ?? [])]) bindings.add(id);
    }
    if (kindOfBlock(file, hook.statements) !== 'data') continue;
    for (const statement of leafStatements(hook.statements)) for (const id of statement.assigns) bindings.add(id);
    for (const teardown of file.runOnceTeardowns(hook.suite)) hooks.add(teardown.id);
    for (const perTest of file.perTestHooksAround(hook.suite)) hooks.add(perTest.id);
  }
  return { hooks, bindings };
}

/**
 * The tests that read what a run-once hook gives a binding: those in its suite, but for the tests
 * another run-once hook gives a value of its own, nearer to them (`before` of a nested or sibling
 * suite assigning the same binding) or later in the same suite.
 */
function readersOfHook(file: FileIndex, binding: BindingFact, hook: HookFact, readers: readonly TestFact[]): readonly TestFact[] {
  const writers: HookFact[] = [];
  for (const id of writerHooks(binding)) {
    const writer = file.hooks.get(id);
    if (writer?.kind === 'beforeAll') writers.push(writer);
  }
  if (writers.length < 2) return readers;
  return readers.filter((test) => {
    let nearest: HookFact | null = null;
    for (const writer of writers) {
      if (!file.isUnder(test, writer.suite)) continue;
      if (!nearest || (writer.suite === nearest.suite ? writer.id > nearest.id : file.isNested(writer.suite, nearest.suite))) nearest = writer;
    }
    return nearest?.id === hook.id;
  });
}

/** Every finding of the file, in the order of the facts. */
export function findSharedData(facts: FileFacts): Finding[] {
  const file = new FileIndex(facts);
  const findings: Finding[] = [];
  // What each run-once setup hook assigns to suite bindings that several tests read.
  const assignedIn = new Map<Id, Array<{ binding: Id; use: Id; readers: readonly TestFact[] }>>();
  for (const binding of facts.bindings) {
    if (file.isResetPerTest(binding)) continue;
    const handedOn = handedOnFinding(file, binding);
    if (handedOn) findings.push(handedOn);
    let readers: readonly TestFact[] | null = null;
    for (const use of binding.uses) {
      const hook = sharedHookOf(file, binding, use);
      if (!hook) continue;
      readers ??= file.readerTests(binding);
      if (file.runsOf(readers, binding.suite) < 2) break;
      const hookReaders = readersOfHook(file, binding, hook, readers);
      if (file.runsOf(hookReaders, hook.suite) < 2) continue;
      const inHook = assignedIn.get(hook.id) ?? [];
      inHook.push({ binding: binding.id, use: use.id, readers: hookReaders });
      assignedIn.set(hook.id, inHook);
    }
  }
  for (const hook of facts.hooks) {
    const finding = hook.kind === 'beforeAll' ? sharedHookDataFinding(file, hook, assignedIn.get(hook.id) ?? []) : null;
    if (finding) findings.push(finding);
  }
  const reported = new Set(findings.flatMap((finding) => (finding.kind === 'mutatedLiteral' ? [] : finding.kind === 'handedOn' ? [finding.binding] : finding.bindings)));
  for (const binding of facts.bindings) {
    const finding = reported.has(binding.id) ? null : mutatedLiteralFinding(file, binding);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** How suites nest and which tests each holds. */
interface SuiteTree {
  readonly parents: Map<Id, Id>;
  readonly children: Map<Id, Id[]>;
  readonly tests: Map<Id, TestFact>;
  /** The tests directly in each suite. */
  readonly directTests: Map<Id, TestFact[]>;
  readonly suites: Map<Id, SuiteFact>;
}

/** Lookups over the facts of one file, each built once: a large file asks them for every binding and hook. */
class FileIndex {
  readonly hooks: ReadonlyMap<Id, HookFact>;
  readonly bindings: ReadonlyMap<Id, BindingFact>;
  private suiteTree: SuiteTree | null = null;
  private readonly testsBySuite = new Map<Id, TestFact[]>();
  private readonly edits = new Map<Id, PerTestHookEdit | null>();
  private teardowns: Map<Id, HookFact[]> | null = null;
  private handoff: Set<Id> | null = null;

  constructor(readonly facts: FileFacts) {
    this.hooks = new Map(facts.hooks.map((hook) => [hook.id, hook]));
    this.bindings = new Map(facts.bindings.map((binding) => [binding.id, binding]));
  }

  /** Suites and tests by id, built when first asked for: a file whose hooks create no data never asks. */
  private get tree(): SuiteTree {
    if (this.suiteTree) return this.suiteTree;
    const tree: SuiteTree = { parents: new Map(), children: new Map(), tests: new Map(), directTests: new Map(), suites: new Map() };
    for (const suite of this.facts.suites) {
      tree.suites.set(suite.id, suite);
      if (suite.parent === null) continue;
      tree.parents.set(suite.id, suite.parent);
      const siblings = tree.children.get(suite.parent) ?? [];
      siblings.push(suite.id);
      tree.children.set(suite.parent, siblings);
    }
    for (const test of this.facts.tests) {
      tree.tests.set(test.id, test);
      const inSuite = tree.directTests.get(test.suite) ?? [];
      inSuite.push(test);
      tree.directTests.set(test.suite, inSuite);
    }
    this.suiteTree = tree;
    return tree;
  }

  /** Whether `inner` is a suite nested, at any depth, in `outer`. */
  isNested(inner: Id, outer: Id): boolean {
    const { parents } = this.tree;
    for (let current = parents.get(inner); current !== undefined; current = parents.get(current)) {
      if (current === outer) return true;
    }
    return false;
  }

  /** Whether a test sits in a suite or one nested in it. */
  isUnder(test: TestFact, suite: Id): boolean {
    return test.suite === suite || this.isNested(test.suite, suite);
  }

  /** The tests of a suite and of the suites nested in it. */
  testsUnder(suite: Id): readonly TestFact[] {
    const known = this.testsBySuite.get(suite);
    if (known) return known;
    const tests = [...(this.tree.directTests.get(suite) ?? [])];
    for (const child of this.tree.children.get(suite) ?? []) for (const test of this.testsUnder(child)) tests.push(test);
    this.testsBySuite.set(suite, tests);
    return tests;
  }

  /**
   * How many test runs read a binding: directly, or through a setup hook (or per-test teardown)
   * that reads it for the tests of its suite. Hooks that only assign or fill it do not count.
   */
  readerTests(binding: BindingFact): TestFact[] {
    const tests = new Map<Id, TestFact>();
    const writers = writerHooks(binding);
    const hookSuites = new Set<Id>();
    let readDirectly = false;
    for (const use of binding.uses) {
      if (use.write) continue;
      if (use.place.kind === 'test') {
        const test = this.tree.tests.get(use.place.id);
        if (test) tests.set(test.id, test);
        readDirectly = true;
      } else if (use.place.kind === 'hook' && !use.mutation && !writers.has(use.place.id)) {
        const hook = this.hooks.get(use.place.id);
        if (hook && hook.kind !== 'afterAll') hookSuites.add(hook.suite);
        if (hook?.kind === 'beforeEach' || hook?.kind === 'afterEach') readDirectly = true;
      }
    }
    // Read only by run-once hooks (`before(() => { post = createPost(cid) })` in nested suites): what
    // they make from it is theirs, judged at them, and no test reads the value itself.
    if (!readDirectly) return [];
    for (const suite of hookSuites) for (const test of this.testsUnder(suite)) tests.set(test.id, test);
    return [...tests.values()];
  }

  /** Whether a run-once hook other than the ones that set the binding reads it (to build what it makes). */
  isReadBySetup(binding: BindingFact): boolean {
    const writers = writerHooks(binding);
    return binding.uses.some((use) => !use.write && use.place.kind === 'hook' && !writers.has(use.place.id) && this.hooks.get(use.place.id)?.kind === 'beforeAll');
  }

  readers(binding: BindingFact): number {
    return this.runsOf(this.readerTests(binding), binding.suite);
  }

  /**
   * How many times the tests run, seen from a hook or binding of suite `from`: each test's own rows,
   * times the rows of every parametrised suite between the test and `from`. A parametrised suite
   * that is `from` itself, or holds it, runs its hooks and declarations afresh for each row.
   */
  runsOf(tests: readonly TestFact[], from: Id): number {
    let runs = 0;
    for (const test of tests) runs += test.runs * this.suiteRows(test.suite, from).rows;
    return runs;
  }

  /** Whether any of those counts is only a lower bound. */
  runsMoreOf(tests: readonly TestFact[], from: Id): boolean {
    return tests.some((test) => test.runsMore === true || this.suiteRows(test.suite, from).more);
  }

  /** Whether a suite, or one nested in it, runs tests written outside it ({@link SuiteFact.borrowsTests}). */
  borrowsTests(suite: Id): boolean {
    return this.facts.suites.some((candidate) => candidate.borrowsTests === true && (candidate.id === suite || this.isNested(candidate.id, suite)));
  }

  private suiteRows(inner: Id, from: Id): { rows: number; more: boolean } {
    const { parents, suites } = this.tree;
    let rows = 1;
    let more = false;
    for (let current: Id | undefined = inner; current !== undefined && current !== from; current = parents.get(current)) {
      const suite = suites.get(current);
      rows *= suite?.runs ?? 1;
      more ||= suite?.runsMore === true;
    }
    return { rows, more };
  }

  test(id: Id): TestFact | undefined {
    return this.tree.tests.get(id);
  }

  /** Whether a test sits in a suite or in a suite nested in it. */
  holdsTest(suite: Id, testId: Id): boolean {
    const test = this.tree.tests.get(testId);
    return test !== undefined && (test.suite === suite || this.isNested(test.suite, suite));
  }

  /** The tests that hand state to each other through suite bindings: the ones that assign and the later ones that read. */
  get handoffTests(): ReadonlySet<Id> {
    if (this.handoff === null) {
      this.handoff = new Set();
      for (const binding of this.facts.bindings) {
        if (this.isResetPerTest(binding)) continue;
        const { writers, readers } = handoffOf(this, binding);
        if (readers.length === 0) continue;
        for (const id of writers) this.handoff.add(id);
        for (const use of readers) if (use.place.kind === 'test') this.handoff.add(use.place.id);
      }
    }
    return this.handoff;
  }

  /** The per-test hooks that run around every test of a suite: its own and those of the suites around it. */
  perTestHooksAround(suite: Id): HookFact[] {
    return this.facts.hooks.filter((hook) => PER_TEST_HOOKS.has(hook.kind) && (hook.suite === suite || this.isNested(suite, hook.suite)));
  }

  /** Whether something cleans up around every test of a suite: a cleanup, or schema rebuilt or dropped (`orm.schema.refresh()`). */
  hasPerTestCleanup(suite: Id): boolean {
    return this.perTestHooksAround(suite).some(
      (hook) =>
        hook.statements !== null &&
        leafStatements(hook.statements).some(
          (statement) => (statement.effect.kind === 'schema' && statement.effect.definesOnly !== true) || statementKind(this, statement) === 'cleanup',
        ),
    );
  }

  /** Whether a hook that runs around each test assigns the binding afresh, or empties or resets what it holds. */
  isResetPerTest(binding: BindingFact): boolean {
    return binding.uses.some((use) => (use.write || isEmptiedWhole(use)) && this.isInHook(use.place, PER_TEST_HOOKS));
  }

  /** Whether a use sits in a hook that runs around each test (a reset) or once per suite. */
  isInHook(place: Place, kinds: ReadonlySet<HookKind>): boolean {
    const kind = place.kind === 'hook' ? this.hooks.get(place.id)?.kind : undefined;
    return kind !== undefined && kinds.has(kind);
  }

  /** The `afterAll` hooks of a suite, in source order. */
  runOnceTeardowns(suite: Id): readonly HookFact[] {
    if (this.teardowns === null) {
      this.teardowns = new Map();
      for (const hook of this.facts.hooks) {
        if (hook.kind !== 'afterAll') continue;
        const ofSuite = this.teardowns.get(hook.suite) ?? [];
        ofSuite.push(hook);
        this.teardowns.set(hook.suite, ofSuite);
      }
    }
    return this.teardowns.get(suite) ?? [];
  }

  /** The `beforeEach` edit of a run-once setup hook, worked out once for all its findings. */
  perTestHookEdit(hook: HookFact): PerTestHookEdit | null {
    if (!this.edits.has(hook.id)) this.edits.set(hook.id, perTestHookEdit(this, hook));
    return this.edits.get(hook.id) ?? null;
  }
}

function opensInfrastructure(effect: Effect | null): boolean {
  return effect?.kind === 'call' && effect.role === 'infrastructure';
}

/** Whether a value assigned to a binding is test data rather than infrastructure or configuration. */
function isDataValue(effect: Effect, bindingName: string): boolean {
  if (effect.kind === 'call') return effect.role === 'data';
  if (effect.kind === 'literal') return !effect.holdsInfrastructure && classifyValueName(bindingName) === null;
  return false;
}

/** The run-once setup hook in which a use assigns the binding test data, if it does. */
function sharedHookOf(file: FileIndex, binding: BindingFact, use: UseFact, changes: 'known' | 'not yet read' = 'known'): HookFact | null {
  if (!use.write || !use.assigned || use.place.kind !== 'hook') return null;
  const hook = file.hooks.get(use.place.id);
  // Before a binding's uses are read in full, whether a test changes it cannot be known yet.
  const data = changes === 'known' ? holdsData(file, binding, use.assigned) : isDataValue(use.assigned, binding.name);
  return hook && hook.kind === 'beforeAll' && data ? hook : null;
}

/**
 * Whether a value a run-once hook gives a binding is data the tests share. A plain object or array
 * the hook builds (an expected result, a copy of a record it read, an acting user) is shared data
 * only when a test changes it: read-only, it is a value like a constant, and any rows behind it are
 * judged by the statements that made them.
 */
function holdsData(file: FileIndex, binding: BindingFact, effect: Effect): boolean {
  if (!isDataValue(effect, binding.name)) return false;
  if (effect.kind !== 'literal') return true;
  return binding.uses.some((use) => use.mutation !== null && use.place.kind === 'test') && !isBookkeeping(file, binding) && !isSchemaDefinition(file, binding);
}

/**
 * An object a run-once hook hands to schema work (`properties = { name: { type: String } }`, then
 * `ds.define('Employee', properties)`): the definition of a model or a table, which a suite may share
 * like the schema itself, whatever a test then changes in it to evolve the schema.
 */
function isSchemaDefinition(file: FileIndex, binding: BindingFact): boolean {
  for (const hook of file.hooks.values()) {
    if (hook.kind !== 'beforeAll' || !hook.statements) continue;
    if (leafStatements(hook.statements).some((statement) => statement.effect.kind === 'schema' && statement.reads.includes(binding.id))) return true;
  }
  return false;
}

/**
 * A list the tests only add to and only a teardown reads back (`created = []` in a `before`, each
 * test pushing what it opened, an `after` closing them all): no test sees what another left in it.
 */
function isBookkeeping(file: FileIndex, binding: BindingFact): boolean {
  return binding.uses.every((use) => use.write || use.mutation !== null || use.place.kind === 'elsewhere' || file.isInHook(use.place, TEARDOWN_HOOKS));
}

/** The hooks that give a binding its value. */
function writerHooks(binding: BindingFact): Set<Id> {
  return new Set(binding.uses.flatMap((use) => (use.write && use.place.kind === 'hook' ? [use.place.id] : [])));
}

/** A use that empties or resets the whole value the binding holds: `emulator.reset()`, `seen.clear()`, `items.length = 0`. */
function isEmptiedWhole(use: UseFact): boolean {
  return use.mutation?.emptied === true && use.mutation.path.length === 0;
}

function sharedHookDataFinding(file: FileIndex, hook: HookFact, assignedIn: ReadonlyArray<{ binding: Id; use: Id; readers: readonly TestFact[] }>): SharedHookData | null {
  let assigned = assignedIn;
  const bindings = [...new Set(assigned.map(({ binding }) => binding))];
  const readers = new Map<Id, TestFact>();
  for (const entry of assigned) for (const test of entry.readers) readers.set(test.id, test);
  // Data kept nowhere a test reads: a statement that creates data and assigns no suite binding, or
  // only bindings no test reads (the tests reach the rows some other way, by a fixed key or a
  // query). Data kept in a binding that one test reads belongs to that test; data kept in a
  // binding reset around each test is not shared; data kept in a binding only other run-once hooks
  // read is what they build on, and what they make is judged at them.
  const suiteTests = file.runsOf(file.testsUnder(hook.suite), hook.suite);
  const unread = (id: Id): boolean => {
    const binding = file.bindings.get(id);
    return binding !== undefined && !file.isResetPerTest(binding) && file.readerTests(binding).length === 0 && !file.isReadBySetup(binding);
  };
  const createsData = (statement: StatementFact) => statement.effect.kind === 'call' && statement.effect.role === 'data';
  const leaves = hook.statements ? leafStatements(hook.statements) : [];
  // Data a statement hands on to other suite bindings (`const res = await post(…)`, then
  // `tagId = res.body.id`; `post = await createPost()`, then `postId = post.id`) is kept in all of
  // them, and read by every test that reads one of them.
  for (const statement of leaves.filter(createsData)) {
    if (!statement.feeds?.length) continue;
    const group = [...statement.assigns, ...statement.feeds].flatMap((id) => {
      const binding = file.bindings.get(id);
      return binding && !file.isResetPerTest(binding) ? [binding] : [];
    });
    const groupReaders = new Map<Id, TestFact>();
    for (const binding of group) for (const test of file.readerTests(binding)) groupReaders.set(test.id, test);
    if (file.runsOf([...groupReaders.values()], hook.suite) < 2) continue;
    // Shown as the assignment the statement makes (`post = createPost()`), or as the statement itself.
    const own = group
      .filter((binding) => statement.assigns.includes(binding.id))
      .flatMap((binding) => binding.uses.filter((use) => use.write && use.place.kind === 'hook' && use.place.id === hook.id))[0];
    for (const binding of group) {
      if (bindings.includes(binding.id)) continue;
      bindings.push(binding.id);
      assigned = [...assigned, { binding: binding.id, use: own?.id ?? statement.id, readers: [...groupReaders.values()] }];
    }
    for (const test of groupReaders.values()) readers.set(test.id, test);
  }
  const unkept =
    suiteTests >= 2 ? leaves.filter((statement) => createsData(statement) && [...statement.assigns, ...(statement.feeds ?? [])].every(unread)) : [];
  if (assigned.length === 0 && unkept.length === 0) return null;
  const scope = unkept.length > 0 ? 'suite' : 'readers';
  return {
    kind: 'sharedHookData',
    hook: hook.id,
    sources: [...new Set([...assigned.map(({ use }) => use), ...unkept.map((statement) => statement.id)])],
    bindings,
    scope,
    tests: scope === 'suite' ? suiteTests : file.runsOf([...readers.values()], hook.suite),
    atLeast: file.runsMoreOf(scope === 'suite' ? file.testsUnder(hook.suite) : [...readers.values()], hook.suite) || (scope === 'suite' && file.borrowsTests(hook.suite)),
    ordered: isScenario(file, scope === 'suite' ? file.testsUnder(hook.suite) : [...readers.values()], file.testsUnder(hook.suite)),
    edit: file.perTestHookEdit(hook),
  };
}

/**
 * The tests that assign a binding, and the reads of it in later tests that do not assign it
 * themselves. A read does not count when a run-once setup hook assigns the binding again between
 * the two: one around the reading test but not around the earlier one.
 */
function handoffOf(file: FileIndex, binding: BindingFact, handing: 'data' | 'infrastructure' = 'data'): { writers: ReadonlySet<Id>; readers: UseFact[] } {
  if (namesClassLike(binding.name)) return { writers: new Set(), readers: [] };
  // Set by a callback or helper that any test may run (`sendCode({ code }) { otp = code }` handed to
  // the code under test): which test's call set the value a test reads cannot be told.
  if (binding.uses.some((use) => use.deferred)) return { writers: new Set(), readers: [] };
  const setups = binding.uses.flatMap((use) => {
    const hook = use.write && use.place.kind === 'hook' ? file.hooks.get(use.place.id) : undefined;
    return hook?.kind === 'beforeAll' ? [hook] : [];
  });
  // What a test assigns in a `finally` block, where a run-once setup hook around it assigned the
  // binding first, puts back what the tests after it start from: it hands nothing on.
  const restores = (use: UseFact): boolean => use.restores === true && use.place.kind === 'test' && setups.some((setup) => file.holdsTest(setup.suite, (use.place as { id: Id }).id));
  const testWrites = binding.uses.filter((use) => use.write && use.place.kind === 'test' && !restores(use));
  // Tests that assign the binding hand on what they assign: those that give it data hand data on;
  // those that connect a client or set up an app hand on infrastructure, which belongs in a hook.
  const assigning = new Set(testWrites.map((use) => (use.place.kind === 'test' ? use.place.id : -1)));
  const writers = new Set(
    testWrites.flatMap((use) => (use.place.kind === 'test' && opensInfrastructure(use.assigned) === (handing === 'infrastructure') ? [use.place.id] : [])),
  );
  if (writers.size === 0) return { writers, readers: [] };
  const handedFrom = (writer: Id, reader: Id): boolean =>
    writer < reader && !setups.some((setup) => file.holdsTest(setup.suite, reader) && !file.holdsTest(setup.suite, writer));
  // The value a test reads is the one the last assigning test before it left.
  const lastBefore = (reader: Id): Id | undefined => [...assigning].filter((writer) => handedFrom(writer, reader)).sort((a, b) => b - a)[0];
  // A test that assigns the binding starts from its own value, unless its first step with the
  // binding reads it: then it reads what an earlier test left. A use in a callback of the test runs
  // when that is called, and a check whether the binding is still unset before assigning it
  // (`if (!db) db = open()`) or ending whatever is there (`await destroy(app)`) needs nothing from
  // an earlier test: neither decides.
  const firstStep = new Map<Id, UseFact>();
  for (const use of binding.uses) if (use.place.kind === 'test' && !use.inCallback && !use.guard && !firstStep.has(use.place.id)) firstStep.set(use.place.id, use);
  const startsOwn = (test: Id) => assigning.has(test) && firstStep.get(test)?.write !== false;
  const readers = binding.uses.filter((use) => {
    if (use.write || use.place.kind !== 'test' || startsOwn(use.place.id)) return false;
    const from = lastBefore(use.place.id);
    return from !== undefined && writers.has(from);
  });
  return { writers, readers };
}

function handedOnFinding(file: FileIndex, binding: BindingFact): HandedOn | null {
  let opens = false;
  let { readers } = handoffOf(file, binding);
  if (readers.length === 0) {
    ({ readers } = handoffOf(file, binding, 'infrastructure'));
    opens = true;
  }
  const [first] = readers;
  if (!first) return null;
  const tests = new Map<Id, TestFact>();
  for (const use of readers) {
    const test = use.place.kind === 'test' ? file.test(use.place.id) : undefined;
    if (test) tests.set(test.id, test);
  }
  // A counter a test moves on from where it stands (`count += 1`) starts from a value of its own too.
  const counts = binding.initial !== 'none' && binding.uses.every((use) => !use.write || use.place.kind !== 'test' || use.updates === true);
  // A run-once setup hook around every reader gives it a value first: run alone, a reader gets that one.
  const setFirst = binding.uses.some((use) => {
    const hook = use.write && use.place.kind === 'hook' ? file.hooks.get(use.place.id) : undefined;
    return hook?.kind === 'beforeAll' && [...tests.keys()].every((test) => file.holdsTest(hook.suite, test));
  });
  return {
    kind: 'handedOn',
    binding: binding.id,
    use: first.id,
    tests: file.runsOf([...tests.values()], binding.suite),
    opens: opens && !setFirst,
    replaces: binding.startsWithValue === true || counts || setFirst,
  };
}

function mutatedLiteralFinding(file: FileIndex, binding: BindingFact): MutatedLiteral | null {
  if (binding.initial !== 'literal') return null;
  const resets: Array<readonly string[]> = [];
  const changes: Array<{ mutation: Mutation; place: Place }> = [];
  for (const use of binding.uses) {
    const perTest = file.isInHook(use.place, PER_TEST_HOOKS);
    if (use.write && perTest) resets.push([]);
    if (!use.mutation || use.place.kind === 'elsewhere') continue;
    if (perTest && use.mutation.kind === 'assign') resets.push(use.mutation.path);
    // `afterEach(() => Object.assign(payload, defaults))` sets each key of the defaults back.
    else if (perTest && use.mutation.keys) resets.push(...use.mutation.keys.map((key) => [...(use.mutation as Mutation).path, key]));
    // A change a run-once setup hook makes happens before any test runs: every test sees the same
    // value. What such a hook writes is its own finding; only a test or a per-test hook leaves
    // something behind for the next test.
    // Storing what the declaration already holds there (`dto.active = true`) leaves it as it was,
    // and undoes what the same test changed there before (`adapter.validate = () => null` at the
    // end of a test that swapped it).
    else if (use.mutation.unchanged && use.mutation.kind === 'assign' && use.place.kind === 'test') removeUndone(changes, use.place, use.mutation.path);
    else if (!file.isInHook(use.place, RUN_ONCE_HOOKS) && !use.mutation.unchanged) changes.push({ mutation: use.mutation, place: use.place });
  }
  const change = changes.find(({ mutation }) => !resets.some((reset) => startsWith(mutation.path, reset)));
  if (!change) return null;
  // A list the tests only add to and only a teardown reads back (ids kept to delete afterwards) is
  // bookkeeping: no test sees what another left in it. Nor does a test that empties or replaces the
  // value before it first touches it (`sent.length = 0` as its first step).
  const afresh = testsStartingAfresh(binding, changes.map(({ mutation }) => mutation.path));
  const readBack = binding.uses.some(
    (use) =>
      !use.write &&
      use.mutation === null &&
      use.place.kind !== 'elsewhere' &&
      !(use.place.kind === 'test' && afresh.has(use.place.id)) &&
      !file.isInHook(use.place, TEARDOWN_HOOKS),
  );
  if (!readBack) return null;
  const tests = file.readers(binding);
  if (tests < 2) return null;
  return { kind: 'mutatedLiteral', binding: binding.id, tests, changedIn: change.place.kind === 'test' ? 'test' : 'hook', edit: factoryEdit(binding) };
}

/** Drops the changes a test made at or under `path` before it set `path` back to its declared value. */
function removeUndone(changes: Array<{ mutation: Mutation; place: Place }>, test: Place & { readonly kind: 'test' }, path: readonly string[]): void {
  for (let index = changes.length - 1; index >= 0; index--) {
    const { mutation, place } = changes[index] as { mutation: Mutation; place: Place };
    if (place.kind === 'test' && place.id === test.id && startsWith(mutation.path, path)) changes.splice(index, 1);
  }
}

/**
 * The tests whose first use of a binding gives it a fresh value: assigns it (`sent = []`) or empties
 * it whole (`sent.length = 0`, `sent.splice(0)`, `seen.clear()`), or sets every part the tests change
 * before it reads any (`group.rules = [...]` first, where `rules` is all any test changes). A binding's
 * uses come in the order they are written, so a test's first is where the test first touches the value.
 */
function testsStartingAfresh(binding: BindingFact, changed: ReadonlyArray<readonly string[]>): ReadonlySet<Id> {
  const decided = new Set<Id>();
  const afresh = new Set<Id>();
  const setFirst = new Map<Id, Array<readonly string[]>>();
  const coversChanges = (id: Id) => {
    const paths = setFirst.get(id) ?? [];
    return changed.length > 0 && changed.every((path) => paths.some((set) => startsWith(path, set)));
  };
  for (const use of binding.uses) {
    if (use.place.kind !== 'test' || decided.has(use.place.id)) continue;
    const id = use.place.id;
    if (use.write || (use.mutation?.emptied === true && use.mutation.path.length === 0)) {
      afresh.add(id);
    } else if (use.mutation?.kind === 'assign' && use.mutation.path.length > 0) {
      // Still before the test reads anything of it.
      setFirst.set(id, [...(setFirst.get(id) ?? []), use.mutation.path]);
      continue;
    } else if (coversChanges(id)) {
      afresh.add(id);
    }
    decided.add(id);
  }
  for (const id of setFirst.keys()) if (!decided.has(id) && coversChanges(id)) afresh.add(id);
  return afresh;
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/** A factory keeps identity within a test only when every use is inside a test and nothing reassigns it. */
function factoryEdit(binding: BindingFact): FactoryEdit | null {
  if (binding.exported) return null;
  const tests: Id[] = [];
  for (const use of binding.uses) {
    if (use.write || use.place.kind !== 'test') return null;
    if (!tests.includes(use.place.id)) tests.push(use.place.id);
  }
  return tests.length > 0 ? { tests } : null;
}

/**
 * `beforeAll` → `beforeEach`, offered only where every test still passes with data of its own:
 * - the hook does nothing but create data (no infrastructure, no schema);
 * - the tests of its suite hand no state to each other (an ordered scenario breaks when split);
 * - no run-once teardown of its suite uses or removes what it creates, since that would then run
 *   once, after the last test's copy;
 * - what it writes to a store is cleaned up around each test: otherwise rows pile up, and the same
 *   unique key would be inserted before every test;
 * - no other hook that would then run before it builds on what it creates.
 */
function perTestHookEdit(file: FileIndex, hook: HookFact): PerTestHookEdit | null {
  if (!hook.statements || kindOfBlock(file, hook.statements) !== 'data') return null;
  if (file.testsUnder(hook.suite).some((test) => file.handoffTests.has(test.id))) return null;
  const leaves = leafStatements(hook.statements);
  const created = new Set(leaves.flatMap((statement) => statement.assigns));
  const seeds = leaves.filter((statement) => statementKind(file, statement) === 'data');
  const collections = new Set(seeds.flatMap((statement) => statement.collections));
  for (const teardown of file.runOnceTeardowns(hook.suite)) {
    if (!teardown.statements) return null;
    const touches = leafStatements(teardown.statements).some(
      (statement) =>
        statement.reads.some((binding) => created.has(binding)) ||
        (statementKind(file, statement) === 'cleanup' && (statement.collections.length === 0 || statement.collections.some((collection) => collections.has(collection)))),
    );
    if (touches) return null;
  }
  if (seeds.some((statement) => statement.effect.kind === 'call') && !file.hasPerTestCleanup(hook.suite)) return null;
  for (const bindingId of created) {
    const binding = file.bindings.get(bindingId);
    const dependent = binding?.uses.some((use) => {
      if (use.write || use.place.kind !== 'hook' || use.place.id === hook.id) return false;
      const reader = file.hooks.get(use.place.id);
      return reader !== undefined && !runsAfterPerTestSetup(file, reader, hook);
    });
    if (dependent) return null;
  }
  return { hook: hook.id };
}

/**
 * Whether a hook that reads what `setup` creates still runs after it once `setup` runs before each
 * test: a per-test teardown, or a per-test setup declared later in the same suite or in a nested one.
 */
function runsAfterPerTestSetup(file: FileIndex, reader: HookFact, setup: HookFact): boolean {
  if (reader.kind === 'afterEach') return true;
  if (reader.kind !== 'beforeEach') return false;
  if (reader.suite === setup.suite) return reader.id > setup.id;
  return file.isNested(reader.suite, setup.suite);
}

/** Statements with blocks and loops opened up. */
function leafStatements(statements: readonly StatementFact[]): StatementFact[] {
  return statements.flatMap((statement) =>
    statement.effect.kind === 'block' ? leafStatements(statement.effect.statements) : [statement],
  );
}

function statementKind(file: FileIndex, statement: StatementFact): StatementKind {
  const { effect, form } = statement;
  switch (effect.kind) {
    case 'call':
      switch (effect.role) {
        case 'data':
          return 'data';
        case 'cleanup':
          return 'cleanup';
        case 'infrastructure':
        case 'stop':
        case 'close':
          return 'infrastructure';
        case null:
          // A local computed by an unknown call (`const email = faker.internet.email()`) only prepares values.
          return form === 'declare' ? 'neutral' : 'other';
        default:
          return 'other';
      }
    case 'literal': {
      if (form === 'declare') return 'neutral';
      if (form !== 'assign' || statement.assigns.length === 0) return 'other';
      const bindings = statement.assigns.map((id) => file.bindings.get(id));
      if (!bindings.every((binding) => isDataValue(effect, binding?.name ?? ''))) return 'infrastructure';
      return bindings.some((binding) => binding !== undefined && holdsData(file, binding, effect)) ? 'data' : 'neutral';
    }
    case 'schema':
      return 'infrastructure';
    case 'value':
    case 'housekeeping':
      // Keeping a part of what was made (`orderId = rows[0].id`) or raising a timeout touches nothing.
      return 'neutral';
    case 'block':
      return kindOfBlock(file, effect.statements);
    case 'unknown':
      return 'other';
  }
}

/** `data` when a block creates data and does nothing else; `cleanup` when it only cleans up. */
function kindOfBlock(file: FileIndex, statements: readonly StatementFact[]): StatementKind {
  const kinds = new Set(statements.map((statement) => statementKind(file, statement)));
  kinds.delete('neutral');
  if (kinds.size === 0) return 'neutral';
  if (kinds.size === 1) {
    const [only] = kinds;
    if (only === 'data' || only === 'cleanup') return only;
  }
  return 'other';
}

/**
 * Whether the tests that share a hook's data form one ordered scenario: some of them hand state to
 * each other, and either at least half of them do, or at least three tests of the hook's suite do,
 * a third of it or more. Tests elsewhere in the suite that hand values to each other say nothing of
 * the tests that read this data, and two tests that do, among many that stand alone, make no
 * scenario of the rest (their hand-off is reported on its own).
 */
function isScenario(file: FileIndex, sharing: readonly { readonly id: Id }[], suite: readonly { readonly id: Id }[]): boolean {
  const handing = (tests: readonly { readonly id: Id }[]) => tests.filter((test) => file.handoffTests.has(test.id)).length;
  const among = handing(sharing);
  if (among === 0) return false;
  const inSuite = handing(suite);
  return among * 2 >= sharing.length || (inSuite >= 3 && inSuite * 3 >= suite.length);
}
