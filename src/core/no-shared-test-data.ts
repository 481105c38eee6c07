/**
 * Which test data a file shares between its tests, decided from facts any language front end can
 * gather: the suites, tests and hooks of a file, what each hook statement does, and every use of
 * the bindings declared at suite level (module or `describe`).
 *
 * Data is shared when it is made once for many tests: assigned in a run-once setup hook and read
 * by two or more tests, created in a run-once setup hook for a suite of two or more tests, or a
 * suite-level object that tests or hooks change. Infrastructure is meant to be shared and is left
 * alone; so are values reset before or after each test.
 */
import { classifyValueName, type CallRole } from './vocabulary';

export type Id = number;
export type HookKind = 'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll';

/** A suite: the file itself (no parent) or a `describe` block. */
export interface SuiteFact {
  readonly id: Id;
  readonly parent: Id | null;
}

export interface TestFact {
  readonly id: Id;
  /** The innermost suite holding the test. */
  readonly suite: Id;
  /** How many times the test runs: more than one for a parametrised test with several rows. */
  readonly runs: number;
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
  | { readonly kind: 'unknown' };

export interface StatementFact {
  readonly id: Id;
  /** `declare` introduces locals of the hook; `assign` assigns something else; `expression` is the rest. */
  readonly form: 'declare' | 'assign' | 'expression';
  readonly effect: Effect;
  /** Suite bindings the statement assigns. */
  readonly assigns: readonly Id[];
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
}

export interface UseFact {
  readonly id: Id;
  readonly place: Place;
  /** The binding itself is assigned here. */
  readonly write: boolean;
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

/** Run a run-once setup hook before each test instead, moving the teardowns that only remove its data. */
export interface PerTestHookEdit {
  readonly hook: Id;
  readonly teardowns: readonly Id[];
}

/** Replace a suite-level literal by a factory, called once at the top of each of these tests. */
export interface FactoryEdit {
  readonly tests: readonly Id[];
}

/** A binding assigned test data in a run-once setup hook and read by `tests` test runs. */
export interface SharedBinding {
  readonly kind: 'sharedBinding';
  readonly binding: Id;
  /** The assignment. */
  readonly use: Id;
  readonly hook: Id;
  readonly tests: number;
  readonly edit: PerTestHookEdit | null;
}

/** A statement creating data in a run-once setup hook of a suite with `tests` test runs. */
export interface SharedSeed {
  readonly kind: 'sharedSeed';
  readonly statement: Id;
  readonly hook: Id;
  readonly tests: number;
  readonly edit: PerTestHookEdit | null;
}

/** A suite-level literal that a test or hook changes, used by `tests` test runs. */
export interface MutatedLiteral {
  readonly kind: 'mutatedLiteral';
  readonly binding: Id;
  readonly tests: number;
  readonly changedIn: 'test' | 'hook';
  readonly edit: FactoryEdit | null;
}

export type Finding = SharedBinding | SharedSeed | MutatedLiteral;

/** What a statement amounts to for this rule. */
type StatementKind = 'data' | 'cleanup' | 'infrastructure' | 'neutral' | 'other';

const PER_TEST_HOOKS: ReadonlySet<HookKind> = new Set(['beforeEach', 'afterEach']);
const RUN_ONCE_HOOKS: ReadonlySet<HookKind> = new Set(['beforeAll', 'afterAll']);

/*
 * What the core reads, so that a front end can leave out what cannot change a finding. Every finding
 * starts in a run-once setup hook (a shared binding assigned there, a seed created there) or at a
 * suite binding that starts as a literal (a mutated literal); the rest is read only on the way from
 * one of those. A front end gives the suites, the tests, every hook (its statements only when it is
 * a `beforeAll` hook) and every binding with the uses that write it; `readInFull` then names what
 * else is read, and everything else may be left out (statements `null`, no other uses).
 */

/** Whether a file can hold a finding at all: it has a run-once setup hook or a suite binding that starts as a literal. */
export function mayShareData(hookKinds: readonly HookKind[], initials: readonly BindingFact['initial'][]): boolean {
  return hookKinds.includes('beforeAll') || initials.includes('literal');
}

/** What is read beyond the statements of run-once setup hooks and the writes of each binding. */
export interface ReadInFull {
  /**
   * The run-once teardowns whose statements are read: those in the suite of a setup hook that
   * does nothing but create data, which may move with its `beforeEach` edit.
   */
  readonly teardowns: ReadonlySet<Id>;
  /**
   * The bindings whose every use is read: those that start as a literal (a mutated literal), those
   * a run-once setup hook assigns test data (a shared binding), and those a setup hook that only
   * creates data assigns (a hook reading them may block its edit). Of the other bindings only the
   * writes are read: whether a setup hook assigns them data, and whether a per-test hook resets them.
   */
  readonly bindings: ReadonlySet<Id>;
}

/** What else is read, from facts that give the statements of every `beforeAll` hook and the writes of every binding. */
export function readInFull(facts: FileFacts): ReadInFull {
  const file = new FileIndex(facts);
  const teardowns = new Set<Id>();
  const bindings = new Set<Id>();
  for (const binding of facts.bindings) {
    if (binding.initial === 'literal' || binding.uses.some((use) => sharedHookOf(file, binding, use) !== null)) bindings.add(binding.id);
  }
  for (const hook of facts.hooks) {
    if (hook.kind !== 'beforeAll' || !hook.statements || kindOfBlock(file, hook.statements) !== 'data') continue;
    for (const statement of leafStatements(hook.statements)) for (const id of statement.assigns) bindings.add(id);
    for (const teardown of file.runOnceTeardowns(hook.suite)) teardowns.add(teardown.id);
  }
  return { teardowns, bindings };
}

/** Every finding of the file, in the order of the facts. */
export function findSharedData(facts: FileFacts): Finding[] {
  const file = new FileIndex(facts);
  const findings: Finding[] = [];
  // A statement that keeps its data in a binding already reported for that hook, or in one reset
  // around each test, is not reported again. Keyed `hook:binding`, or `*:binding` for every hook.
  const covered = new Set<string>();
  for (const binding of facts.bindings) {
    if (file.isResetPerTest(binding)) {
      covered.add(`*:${binding.id}`);
      continue;
    }
    for (const finding of sharedBindingFindings(file, binding)) {
      covered.add(`${finding.hook}:${binding.id}`);
      findings.push(finding);
    }
  }
  for (const hook of facts.hooks) {
    if (hook.kind === 'beforeAll') findings.push(...sharedSeedFindings(file, hook, covered));
  }
  const reportedBindings = new Set(findings.flatMap((finding) => (finding.kind === 'sharedBinding' ? [finding.binding] : [])));
  for (const binding of facts.bindings) {
    const finding = reportedBindings.has(binding.id) ? null : mutatedLiteralFinding(file, binding);
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
}

/** Lookups over the facts of one file, each built once: a large file asks them for every binding and hook. */
class FileIndex {
  readonly hooks: ReadonlyMap<Id, HookFact>;
  readonly bindings: ReadonlyMap<Id, BindingFact>;
  private suiteTree: SuiteTree | null = null;
  private readonly testsBySuite = new Map<Id, TestFact[]>();
  private readonly edits = new Map<Id, PerTestHookEdit | null>();
  private teardowns: Map<Id, HookFact[]> | null = null;

  constructor(readonly facts: FileFacts) {
    this.hooks = new Map(facts.hooks.map((hook) => [hook.id, hook]));
    this.bindings = new Map(facts.bindings.map((binding) => [binding.id, binding]));
  }

  /** Suites and tests by id, built when first asked for: a file whose hooks create no data never asks. */
  private get tree(): SuiteTree {
    if (this.suiteTree) return this.suiteTree;
    const tree: SuiteTree = { parents: new Map(), children: new Map(), tests: new Map(), directTests: new Map() };
    for (const suite of this.facts.suites) {
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
  readers(binding: BindingFact): number {
    const tests = new Map<Id, TestFact>();
    const writers = new Set(binding.uses.flatMap((use) => (use.write && use.place.kind === 'hook' ? [use.place.id] : [])));
    const hookSuites = new Set<Id>();
    for (const use of binding.uses) {
      if (use.write) continue;
      if (use.place.kind === 'test') {
        const test = this.tree.tests.get(use.place.id);
        if (test) tests.set(test.id, test);
      } else if (use.place.kind === 'hook' && !use.mutation && !writers.has(use.place.id)) {
        const hook = this.hooks.get(use.place.id);
        if (hook && hook.kind !== 'afterAll') hookSuites.add(hook.suite);
      }
    }
    for (const suite of hookSuites) for (const test of this.testsUnder(suite)) tests.set(test.id, test);
    return runsOf([...tests.values()]);
  }

  /** Whether a hook that runs around each test assigns the binding afresh. */
  isResetPerTest(binding: BindingFact): boolean {
    return binding.uses.some((use) => use.write && this.isInHook(use.place, PER_TEST_HOOKS));
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

function runsOf(tests: readonly TestFact[]): number {
  return tests.reduce((sum, test) => sum + test.runs, 0);
}

/** Whether a value assigned to a binding is test data rather than infrastructure or configuration. */
function isDataValue(effect: Effect, bindingName: string): boolean {
  if (effect.kind === 'call') return effect.role === 'data';
  if (effect.kind === 'literal') return !effect.holdsInfrastructure && classifyValueName(bindingName) === null;
  return false;
}

/** The run-once setup hook in which a use assigns the binding test data, if it does. */
function sharedHookOf(file: FileIndex, binding: BindingFact, use: UseFact): HookFact | null {
  if (!use.write || !use.assigned || use.place.kind !== 'hook') return null;
  const hook = file.hooks.get(use.place.id);
  return hook && hook.kind === 'beforeAll' && isDataValue(use.assigned, binding.name) ? hook : null;
}

function sharedBindingFindings(file: FileIndex, binding: BindingFact): SharedBinding[] {
  const findings: SharedBinding[] = [];
  let tests: number | null = null;
  for (const use of binding.uses) {
    const hook = sharedHookOf(file, binding, use);
    if (!hook) continue;
    tests ??= file.readers(binding);
    if (tests < 2) return [];
    findings.push({ kind: 'sharedBinding', binding: binding.id, use: use.id, hook: hook.id, tests, edit: file.perTestHookEdit(hook) });
  }
  return findings;
}

function sharedSeedFindings(file: FileIndex, hook: HookFact, covered: ReadonlySet<string>): SharedSeed[] {
  if (!hook.statements) return [];
  const seeds = leafStatements(hook.statements).filter(
    (statement) =>
      statement.effect.kind === 'call' &&
      statement.effect.role === 'data' &&
      !statement.assigns.some((binding) => covered.has(`${hook.id}:${binding}`) || covered.has(`*:${binding}`)),
  );
  if (seeds.length === 0) return [];
  const tests = runsOf(file.testsUnder(hook.suite));
  if (tests < 2) return [];
  return seeds.map((statement) => ({ kind: 'sharedSeed', statement: statement.id, hook: hook.id, tests, edit: file.perTestHookEdit(hook) }));
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
    else if (!isHandleSetUpOnce(file, binding, use.mutation, use.place)) changes.push({ mutation: use.mutation, place: use.place });
  }
  const change = changes.find(({ mutation }) => !resets.some((reset) => startsWith(mutation.path, reset)));
  if (!change) return null;
  const tests = file.readers(binding);
  if (tests < 2) return null;
  return { kind: 'mutatedLiteral', binding: binding.id, tests, changedIn: change.place.kind === 'test' ? 'test' : 'hook', edit: factoryEdit(binding) };
}

/** `ctx.pool = new Pool()` in a run-once hook fills a holder with infrastructure, not with test data. */
function isHandleSetUpOnce(file: FileIndex, binding: BindingFact, mutation: Mutation, place: Place): boolean {
  if (mutation.kind !== 'assign' || !file.isInHook(place, RUN_ONCE_HOOKS)) return false;
  const name = mutation.path[mutation.path.length - 1] ?? binding.name;
  return !(mutation.value && isDataValue(mutation.value, name));
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
 * `beforeAll` → `beforeEach`, offered only when the hook does nothing but create data, and no
 * other run-once hook depends on what it creates. A run-once teardown of the same suite that only
 * removes that data moves with it; one that uses that data and does anything else blocks the edit,
 * since it would then see only the last test's copy.
 */
function perTestHookEdit(file: FileIndex, hook: HookFact): PerTestHookEdit | null {
  if (!hook.statements || kindOfBlock(file, hook.statements) !== 'data') return null;
  const leaves = leafStatements(hook.statements);
  const created = new Set(leaves.flatMap((statement) => statement.assigns));
  const collections = new Set(
    leaves.filter((statement) => statementKind(file, statement) === 'data').flatMap((statement) => statement.collections),
  );
  const teardowns: Id[] = [];
  for (const teardown of file.runOnceTeardowns(hook.suite)) {
    if (!teardown.statements) continue;
    const teardownLeaves = leafStatements(teardown.statements);
    const usesCreated = teardownLeaves.some((statement) => statement.reads.some((binding) => created.has(binding)));
    if (onlyRemoves(file, teardown.statements, created, collections)) teardowns.push(teardown.id);
    else if (usesCreated) return null;
  }
  for (const bindingId of created) {
    const binding = file.bindings.get(bindingId);
    const dependent = binding?.uses.some((use) => {
      if (use.write || use.place.kind !== 'hook' || use.place.id === hook.id || teardowns.includes(use.place.id)) return false;
      const reader = file.hooks.get(use.place.id);
      return reader !== undefined && !runsAfterPerTestSetup(file, reader, hook);
    });
    if (dependent) return null;
  }
  return { hook: hook.id, teardowns };
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

/** Whether a teardown only removes the data a hook created: each removal names that data. */
function onlyRemoves(file: FileIndex, statements: readonly StatementFact[], created: ReadonlySet<Id>, collections: ReadonlySet<string>): boolean {
  if (kindOfBlock(file, statements) !== 'cleanup') return false;
  return leafStatements(statements)
    .filter((statement) => statementKind(file, statement) === 'cleanup')
    .every(
      (statement) =>
        statement.reads.some((binding) => created.has(binding)) ||
        statement.collections.some((collection) => collections.has(collection)),
    );
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
      const names = statement.assigns.map((id) => file.bindings.get(id)?.name ?? '');
      return names.every((name) => isDataValue(effect, name)) ? 'data' : 'infrastructure';
    }
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
