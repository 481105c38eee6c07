import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  mayShareData,
  readInFull,
  type BindingFact,
  type Effect,
  type FileFacts,
  type HookFact,
  type HookKind,
  type Id,
  type Mutation,
  type Place,
  type StatementFact,
  type SuiteFact,
  type TestFact,
  type UseFact,
} from '../core/no-shared-test-data';
import { buildsInMemory, callLabel, classifyCall, definesModel, classifyValueName, namesAuthenticationPath, namesEnding, namesComponentFactory, namesRecordFactoryMethod, schemaWorkOf, sqlTable, type CallFacts, type CallRole } from '../core/vocabulary';
import { boundaryOfSpecifier } from './boundary-values';
import { clientOfType } from './boundary-clients';
import { callChain, callFacts, callRoleOf, isInlineFunction, isUnset, isWithin, leadingText, propertyKeyName, propertyName, staticString, unwrap } from './call-chain';
import { handsBoundary, isStaticFactory } from './cleanup-recognisers';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { fileCache } from './file-cache';
import { resolveName } from './imports';
import { moduleMemberOf } from './module-members';
import { exportOfSpecifier, isOwnPublishedEntry, isPackageOrBuiltin } from './project-modules';
import { calledLocalFunction, enclosingFunction, functionVariable, someCallIn, type FunctionNode } from './local-bindings';
import { mutationOf } from './mutations';
import { testPlaceOf, wrappedCallbackOf, type TestCall } from './test-calls';
import { mayCallTestClient, parseTestClientCall } from './test-clients';
import { testFileOf } from './test-file';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallLike = TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression;

/** A binding declared directly in a suite body, with the syntax that declares it. */
export interface SuiteBinding {
  readonly name: string;
  readonly declarator: TSESTree.VariableDeclarator & { readonly id: TSESTree.Identifier };
  readonly variable: TSESLint.Scope.Variable;
}

/** The facts of a test file for `no-shared-test-data`, and the syntax behind each id. */
export interface SharedDataSyntax {
  readonly facts: FileFacts;
  readonly tests: ReadonlyMap<Id, TestCall>;
  readonly hooks: ReadonlyMap<Id, TestCall>;
  readonly bindings: ReadonlyMap<Id, SuiteBinding>;
  /** Where a statement or a use is reported: the call that creates data, or the assignment. */
  readonly anchors: ReadonlyMap<Id, Node>;
}

const VALUE: Effect = { kind: 'value' };
const UNKNOWN: Effect = { kind: 'unknown' };
/** A client or connection made for the tests: infrastructure, which a suite may share. */
const CLIENT: Effect = { kind: 'call', role: 'infrastructure' };
const HOUSEKEEPING: Effect = { kind: 'housekeeping' };

/** `Promise.all([...])` and the like: what the awaited calls do. */
const PROMISE_COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled']);
/** `rows.map((row) => repo.save(row))`: what the callback does, once per element. */
const ITERATING_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap', 'forEach']);
/** Builder methods whose first argument names a table or collection: `db.insertInto('users')`. */
const TABLE_SELECTORS: ReadonlySet<string> = new Set(['insertInto', 'deleteFrom', 'updateTable', 'into', 'from', 'table', 'collection', 'model']);
/** Requests through a client of the app that create something: `request(app).post('/users').send(…)`. */
const CREATING_REQUESTS: ReadonlySet<string> = new Set(['post', 'put']);
/** Receivers that hold a unit of work: `em.create(…)` and `em.persist(…)` write only once it is flushed. */
const UNIT_OF_WORK = /^(?:em|entityManager|manager|uow|unitOfWork|fork)$|Em$/;
const DEFERRED_VERBS: ReadonlySet<string> = new Set(['create', 'persist']);
/** What writes the entities a repository's `create` builds (TypeORM, MikroORM). */
const SAVING_METHODS: ReadonlySet<string> = new Set(['save', 'insert', 'persist', 'persistAndFlush']);
const FLUSHING_METHODS: ReadonlySet<string> = new Set(['flush', 'commit', 'persistAndFlush', 'commitTransaction']);
/** Names that, started in a hook after the schema was dropped, rebuild it: `dropTables(); createUsers();`. */
const REBUILDING_VERB = /^(?:create|make|build|setup|define)(?:[A-Z0-9_]|$)/;
/** Mocha's `this.timeout(…)` in a hook changes no data. */
const RUNNER_SETTINGS: ReadonlySet<string> = new Set(['timeout', 'slow', 'retries']);

interface Judged {
  readonly effect: Effect;
  /** The calls that decided the effect, for the collections they target. */
  readonly calls: readonly CallLike[];
}

/**
 * Gathers the suites, tests, hooks and suite-level bindings of a file from its recognised
 * test-framework calls (in source order), and judges hook statements with the shared vocabulary.
 * Only what the core reads is gathered: `null` when the file can hold no finding (`mayShareData`),
 * and statements and uses beyond those of run-once setup hooks and writes only where `readInFull` says.
 */
export function collectSharedData(context: Context, program: TSESTree.Program, calls: readonly TestCall[]): SharedDataSyntax | null {
  return new Collector(context).collect(program, calls);
}

interface PositionedReference {
  readonly start: number;
  readonly end: number;
  readonly binding: Id;
  readonly reference: TSESLint.Scope.Reference;
  /** Where the reference stands among the collected ones, to keep answers in that order. */
  readonly order: number;
}

/** A hook call with the facts known before its body is judged. */
interface HookCall {
  readonly id: Id;
  readonly suite: Id;
  readonly kind: HookKind;
  readonly call: TestCall;
}

/** A suite binding as declared, before its uses are gathered. */
interface DeclaredBinding {
  readonly binding: Omit<BindingFact, 'uses'>;
  readonly variable: TSESLint.Scope.Variable;
}

class Collector {
  private nextId = 0;
  /** The id of each suite (the program, or a `describe` call), test and hook, by its node. */
  private readonly ids = new Map<Node, Id>();
  private readonly suites: SuiteFact[] = [];
  private readonly tests = new Map<Id, TestCall>();
  private readonly hooks = new Map<Id, TestCall>();
  /** Tests whose body is a function handed to a wrapper (`it('x', withTx(async () => {…}))`), by that function. */
  private readonly wrapped = new Map<Node, Id>();
  private readonly bindings = new Map<Id, SuiteBinding>();
  private readonly anchors = new Map<Id, Node>();
  /** Every reference to a suite binding but declarations, in the order collected; sorted by position on first use. */
  private readonly references: PositionedReference[] = [];
  private sorted = false;
  /** The facts of each write, kept from the first pass over a binding's uses for the second. */
  private readonly writes = new Map<TSESLint.Scope.Reference, UseFact>();
  /** The bindings whose reads in a function of the file were already put at its calls, by function. */
  private readonly helperReads = new Map<Node, Set<TSESLint.Scope.Variable>>();
  /** Whether the hook body being read has dropped schema: `create…` helpers after that rebuild it. */
  private afterDrop = false;
  /** Whether the hook body being read flushes a unit of work, which makes its `create`/`persist` calls writes. */
  private flushes = true;
  /** The hook body being read: a binding given data there may hand part of it on to others in the same body. */
  private body: Node | null = null;
  /** Whether each hook body flushes, worked out once per body. */
  private readonly flushingBodies = new Map<Node, boolean>();
  /** The file's calls of a flushing method, found on first use. */
  private flushCalls: readonly TSESTree.CallExpression[] | null = null;

  constructor(private readonly context: Context) {}

  /**
   * Whether a suite's body calls a function of the file, written outside the suite, that registers
   * tests: `commonTests()` where `function commonTests() { it(…) }` stands in an outer suite.
   */
  private borrowsTests(callback: NonNullable<TestCall['callback']>, calls: readonly TestCall[]): boolean {
    if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return false;
    return callback.body.body.some((statement) => {
      const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? unwrap(statement.expression) : null;
      const fn = expression?.type === AST_NODE_TYPES.CallExpression ? calledLocalFunction(this.context, expression) : null;
      return fn !== null && !isWithin(fn, callback) && calls.some((call) => call.kind === 'test' && isWithin(call.node, fn));
    });
  }

  collect(program: TSESTree.Program, calls: readonly TestCall[]): SharedDataSyntax | null {
    const fileSuite = this.id();
    this.ids.set(program, fileSuite);
    this.suites.push({ id: fileSuite, parent: null });
    const suiteBodies: Array<{ suite: Id; statements: readonly TSESTree.ProgramStatement[] | readonly TSESTree.Statement[] }> = [
      { suite: fileSuite, statements: program.body },
    ];
    const testFacts: TestFact[] = [];
    const hookCalls: HookCall[] = [];
    const suiteNodes = new Set<Node>(calls.flatMap((call) => (call.kind === 'describe' ? [call.node] : [])));
    const isSuite = (node: Node) => suiteNodes.has(node);
    for (const call of calls) {
      const suite = this.suiteOf(call.node);
      if (suite === null) continue;
      if (call.kind === 'describe') {
        if (!call.callback) continue;
        const id = this.id();
        this.ids.set(call.node, id);
        this.suites.push({ id, parent: suite, ...suiteRunsOf(this.context, call), ...(this.borrowsTests(call.callback, calls) ? { borrowsTests: true } : {}) });
        if (call.callback.body.type === AST_NODE_TYPES.BlockStatement) suiteBodies.push({ suite: id, statements: call.callback.body.body });
      } else if (call.kind === 'test') {
        const id = this.id();
        this.ids.set(call.node, id);
        this.tests.set(id, call);
        const wrapped = wrappedCallbackOf(call);
        if (wrapped) this.wrapped.set(wrapped, id);
        const repeats = loopRepeatsOf(this.context, call, isSuite);
        testFacts.push({ id, suite, runs: runsOf(this.context, call) * repeats.times, ...(repeats.more ? { runsMore: true } : {}) });
      } else {
        const id = this.id();
        this.ids.set(call.node, id);
        this.hooks.set(id, call);
        hookCalls.push({ id, suite, kind: call.name as HookKind, call });
      }
    }
    const declared = suiteBodies.flatMap(({ suite, statements }) => this.declaredIn(suite, statements));
    if (!mayShareData(hookCalls.map(({ kind }) => kind), declared.map(({ binding }) => binding.initial))) return null;
    // First what the core always reads: the statements of run-once setup hooks, the writes of every binding.
    const hookFact = (hook: HookCall, withStatements: boolean): HookFact => ({
      id: hook.id,
      suite: hook.suite,
      kind: hook.kind,
      statements: withStatements && hook.call.callback ? this.bodyStatements(hook.call.callback.body) : null,
    });
    const hookFacts = hookCalls.map((hook) => hookFact(hook, hook.kind === 'beforeAll'));
    const withWrites: BindingFact[] = declared.map(({ binding, variable }) => ({ ...binding, uses: this.usesOf(variable, 'writes') }));
    const facts: FileFacts = { suites: this.suites, tests: testFacts, hooks: hookFacts, bindings: withWrites };
    // Then what it reads from there on.
    const more = readInFull(facts);
    const hooksInFull = hookCalls.map((hook, index) => (more.hooks.has(hook.id) ? hookFact(hook, true) : (hookFacts[index] as HookFact)));
    const bindingsInFull = declared.map(({ binding, variable }, index) =>
      more.bindings.has(binding.id) ? { ...binding, uses: this.usesOf(variable, 'all') } : (withWrites[index] as BindingFact),
    );
    return {
      facts: { ...facts, hooks: hooksInFull, bindings: bindingsInFull },
      tests: this.tests,
      hooks: this.hooks,
      bindings: this.bindings,
      anchors: this.anchors,
    };
  }

  private id(): Id {
    return this.nextId++;
  }

  /** The suite a node is written in, or `null` inside a test or hook. */
  private suiteOf(node: Node): Id | null {
    const place = testPlaceOf(this.context, node);
    if (place.kind === 'module') return this.ids.get(this.context.sourceCode.ast) ?? null;
    if (place.kind === 'describe' && place.call) return this.ids.get(place.call.node) ?? null;
    return null;
  }

  private placeOf(node: Node): Place {
    const place = testPlaceOf(this.context, node);
    // A call node's id is that of its own kind: a test's, a hook's.
    const id = place.call ? this.ids.get(place.call.node) : undefined;
    if (id !== undefined && (place.kind === 'test' || place.kind === 'hook')) return { kind: place.kind, id };
    return this.wrappedTestOf(node, place.call?.callback ?? null) ?? { kind: 'elsewhere' };
  }

  /** The test whose wrapped body holds a node, looked for below the suite callback it is in. */
  private wrappedTestOf(node: Node, suiteCallback: Node | null): Place | null {
    if (this.wrapped.size === 0) return null;
    for (let current: Node | undefined = node.parent; current && current !== suiteCallback; current = current.parent) {
      const id = this.wrapped.get(current);
      if (id !== undefined) return { kind: 'test', id };
    }
    return null;
  }

  /** The bindings declared directly in a suite body, with every reference to them noted by position. */
  private declaredIn(suite: Id, statements: readonly Node[]): DeclaredBinding[] {
    const declared: DeclaredBinding[] = [];
    for (const statement of statements) {
      const exported = statement.type === AST_NODE_TYPES.ExportNamedDeclaration;
      const declaration = exported ? statement.declaration : statement;
      if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.declare) continue;
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
        const name = declarator.id.name;
        const variable = this.context.sourceCode.getDeclaredVariables(declarator).find((candidate) => candidate.name === name);
        if (!variable) continue;
        const id = this.id();
        this.bindings.set(id, { name, declarator: declarator as SuiteBinding['declarator'], variable });
        for (const reference of variable.references) {
          if (reference.init) continue;
          const { range } = reference.identifier;
          this.references.push({ start: range[0], end: range[1], binding: id, reference, order: this.references.length });
        }
        declared.push({ binding: { id, name, suite, initial: this.initialOf(declarator.init), startsWithValue: startsWithValue(declarator.init), exported }, variable });
      }
    }
    return declared;
  }

  /** How a binding starts: only an object or array literal with no infrastructure in it counts as a literal. */
  private initialOf(init: TSESTree.Expression | null): BindingFact['initial'] {
    if (!init) return 'none';
    const node = unwrap(init);
    const literal = (node.type === AST_NODE_TYPES.ObjectExpression || node.type === AST_NODE_TYPES.ArrayExpression) && !this.holdsInfrastructure(node);
    return literal ? 'literal' : 'other';
  }

  /** The uses of a binding in source order (the core reads it as the order a test makes them): all of them, or only the writes. */
  private usesOf(variable: TSESLint.Scope.Variable, which: 'writes' | 'all'): UseFact[] {
    const uses: UseFact[] = [];
    let throughHelpers = false;
    for (const reference of inSourceOrder(variable.references)) {
      if (reference.init) continue;
      if (reference.isWrite()) {
        const use = this.writes.get(reference) ?? this.useOf(reference);
        this.writes.set(reference, use);
        uses.push(use);
      } else if (which === 'all') {
        const use = this.useOf(reference);
        uses.push(use);
        if (use.place.kind === 'elsewhere') throughHelpers = this.readsThroughHelper(reference, variable, uses) || throughHelpers;
      }
    }
    // The reads at the calls of a helper go where the calls are.
    if (throughHelpers) uses.sort((a, b) => (this.anchors.get(a.id)?.range[0] ?? 0) - (this.anchors.get(b.id)?.range[0] ?? 0));
    return uses;
  }

  /**
   * A read in one of the file's own functions is a read by every test that calls it: with
   * `const endPoint = (point) => \`/api/${apiVersion}/${point}\``, `agent.get(endPoint('createPad'))`
   * in a test reads `apiVersion`. Adds one read at each call in a test, once per function; a
   * function that also assigns or changes the binding is left alone.
   */
  private readsThroughHelper(reference: TSESLint.Scope.Reference, variable: TSESLint.Scope.Variable, uses: UseFact[]): boolean {
    const fn = enclosingFunction(reference.identifier);
    if (!fn || this.helperReads.get(fn)?.has(variable)) return false;
    let read = this.helperReads.get(fn);
    if (!read) this.helperReads.set(fn, (read = new Set()));
    read.add(variable);
    const [start, end] = fn.range;
    // One that also assigns or changes the binding (`tracked.push(client)`) does more than read it.
    const inside = variable.references.filter((other) => !other.init && other.identifier.range[0] >= start && other.identifier.range[1] <= end);
    if (inside.some((other) => other.isWrite() || this.mutationOf(other.identifier as TSESTree.Identifier) !== null)) return false;
    const name = functionVariable(this.context, fn);
    if (!name) return false;
    let added = false;
    for (const call of name.references) {
      const callee = call.identifier;
      const parent = callee.parent;
      if (call.isWrite() || parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== callee) continue;
      const place = this.placeOf(callee);
      if (place.kind !== 'test') continue;
      const id = this.id();
      this.anchors.set(id, parent);
      const called = isInFunctionBelow(callee, testPlaceOf(this.context, callee).call?.callback ?? null);
      uses.push({ id, place, write: false, ...(called ? { inCallback: called } : {}), assigned: null, mutation: null });
      added = true;
    }
    return added;
  }

  private useOf(reference: TSESLint.Scope.Reference): UseFact {
    const identifier = reference.identifier as TSESTree.Identifier;
    const id = this.id();
    const assignment = reference.isWrite() ? assignmentOf(identifier) : null;
    this.anchors.set(id, assignment ?? identifier);
    const place = this.placeOf(identifier);
    let assigned: Effect | null = null;
    if (assignment && assignment.operator === '=') {
      // Judged as in its hook's body: a unit of work there is flushed, or not.
      const body = place.kind === 'hook' ? this.hooks.get(place.id)?.callback?.body : undefined;
      this.flushes = body ? this.bodyFlushes(body) : true;
      const variable = reference.resolved;
      assigned = variable && isOnlyCalled(variable) ? VALUE : variable && isDeclaredClient(this.context, variable) ? CLIENT : this.judge(assignment.right).effect;
      this.flushes = true;
    }
    const updates = reference.isReadWrite();
    // Below the suite or test body it is in, in a function of its own, it runs when called. Only
    // writes outside the tests and uses in tests are asked (see `handoffOf`).
    const asked = place.kind === 'test' || (place.kind === 'elsewhere' && reference.isWrite());
    const inFunction = asked && isInFunctionBelow(identifier, testPlaceOf(this.context, identifier).call?.callback ?? null);
    const deferred = place.kind === 'elsewhere' && inFunction;
    const called = place.kind === 'test' && inFunction;
    const guard = place.kind === 'test' && !reference.isWrite() && reference.resolved !== null && (guardsUnset(identifier, reference.resolved) || disposesOf(identifier));
    const restores = place.kind === 'test' && reference.isWrite() && isInFinally(identifier);
    return {
      id,
      place,
      write: reference.isWrite(),
      ...(updates ? { updates } : {}),
      ...(deferred ? { deferred } : {}),
      ...(called ? { inCallback: called } : {}),
      ...(guard ? { guard } : {}),
      ...(restores ? { restores } : {}),
      assigned,
      mutation: reference.isRead() ? this.mutationOf(identifier) : null,
    };
  }

  private bodyFlushes(body: Node): boolean {
    let flushes = this.flushingBodies.get(body);
    if (flushes === undefined) {
      // The file's flushing calls are few; finding one inside the body beats walking the body.
      this.flushCalls ??= testFileOf(this.context).calls.filter(callsFlushingMethod);
      const [start, end] = body.range;
      flushes = this.flushCalls.some(({ range }) => range[0] >= start && range[1] <= end);
      this.flushingBodies.set(body, flushes);
    }
    return flushes;
  }

  /** Whether the body being read later saves through the receiver a `create` is called on (`repo.save(…)`). */
  private savedThroughLater(node: CallLike, facts: CallFacts): boolean {
    const body = this.body;
    if (!body) return false;
    const receiver = facts.segments.slice(0, -1).join('.');
    // The file's calls come in source order: those after the body end the search.
    for (const call of testFileOf(this.context).calls) {
      if (call.range[0] >= body.range[1]) break;
      if (call.range[0] <= node.range[1] || call.range[1] > body.range[1]) continue;
      const saved = callFacts(call);
      if (saved && SAVING_METHODS.has(saved.segments[saved.segments.length - 1] ?? '') && saved.segments.slice(0, -1).join('.') === receiver) return true;
    }
    return false;
  }

  private mutationOf(identifier: TSESTree.Identifier): Mutation | null {
    const site = mutationOf(this.context, identifier);
    if (!site) return null;
    const assignment = site.kind === 'assign' && site.node.type === AST_NODE_TYPES.AssignmentExpression ? site.node : null;
    const value = assignment ? this.judge(assignment.right).effect : undefined;
    const unchanged = assignment !== null && !site.emptied && this.holdsAlready(identifier, site.path, assignment.right);
    return { path: site.path, kind: site.kind, ...(value ? { value } : {}), ...(site.emptied ? { emptied: true } : {}), ...(site.keys ? { keys: site.keys } : {}), ...(unchanged ? { unchanged } : {}) };
  }

  /**
   * Whether an assignment stores the plain value (a string, number, flag or `null`) that the
   * binding's declaration already holds at that path: `dto.active = true` on `const dto = { active:
   * true }` leaves the object as it was. So does a function written the same as the declaration's
   * that uses nothing from around it (`adapter.validate = () => null` on `{ validate: () => null }`):
   * it behaves as the one it replaces.
   */
  private holdsAlready(identifier: TSESTree.Identifier, path: readonly string[], right: Node): boolean {
    const stored = unwrap(right);
    if (isInlineFunction(stored) && path.length > 0) return this.declaredAt(identifier, path, (declared) => this.sameSelfContainedFunction(stored, declared));
    if (stored.type !== AST_NODE_TYPES.Literal || (stored.value !== null && typeof stored.value === 'object') || path.length === 0) return false;
    return this.declaredAt(identifier, path, (declared) => declared.type === AST_NODE_TYPES.Literal && declared.value === stored.value);
  }

  /** Whether two functions are written alike and neither reads a name from around it. */
  private sameSelfContainedFunction(a: Node, b: Node): boolean {
    if (!isInlineFunction(b)) return false;
    const { sourceCode } = this.context;
    const text = (fn: Node) => sourceCode.getText(fn).replace(/\s+/g, ' ');
    const selfContained = (fn: Node) => (sourceCode.scopeManager?.acquire(fn)?.through.length ?? 1) === 0;
    return text(a) === text(b) && selfContained(a) && selfContained(b);
  }

  /** Whether the value the binding's declaration holds at `path` passes `test`. */
  private declaredAt(identifier: TSESTree.Identifier, path: readonly string[], test: (declared: Node) => boolean): boolean {
    const resolution = resolveName(this.context, identifier);
    const definition = resolution.type === 'local' && resolution.variable.defs.length === 1 ? resolution.variable.defs[0] : undefined;
    let current: Node | null | undefined = definition?.type === 'Variable' ? definition.node.init : null;
    for (const key of path) {
      if (!current || current.type !== AST_NODE_TYPES.ObjectExpression) return false;
      const property: TSESTree.ObjectLiteralElement | undefined = current.properties.find(
        (candidate) => candidate.type === AST_NODE_TYPES.Property && !candidate.computed && propertyKeyName(candidate.key) === key,
      );
      current = property?.type === AST_NODE_TYPES.Property ? unwrap(property.value) : null;
    }
    return current ? test(current) : false;
  }

  private bodyStatements(body: TSESTree.BlockStatement | TSESTree.Expression): StatementFact[] {
    this.afterDrop = false;
    this.flushes = this.bodyFlushes(body);
    this.body = body;
    const statements = body.type === AST_NODE_TYPES.BlockStatement ? body.body.flatMap((statement) => this.statementsOf(statement)) : [this.expressionFact(body, body)];
    this.afterDrop = false;
    this.flushes = true;
    this.body = null;
    return statements;
  }

  private statementsOf(statement: TSESTree.Statement): StatementFact[] {
    switch (statement.type) {
      case AST_NODE_TYPES.ExpressionStatement:
        return [this.expressionFact(statement.expression, statement)];
      case AST_NODE_TYPES.ReturnStatement:
        return statement.argument ? [this.expressionFact(statement.argument, statement)] : [];
      case AST_NODE_TYPES.EmptyStatement:
        return [];
      case AST_NODE_TYPES.VariableDeclaration:
        return statement.declarations.map((declarator) => {
          const judged = declarator.init ? this.judge(declarator.init) : { effect: VALUE, calls: [] };
          return { ...this.fact(declarator, 'declare', judged, declarator.init ?? declarator, []), feeds: this.feedsOf(declarator) };
        });
      case AST_NODE_TYPES.BlockStatement:
        return [this.block(statement, statement.body)];
      case AST_NODE_TYPES.IfStatement: {
        // `if (await count() === 0) { …seed… }`: what either branch does is what the hook may do.
        const branches = [statement.consequent, ...(statement.alternate ? [statement.alternate] : [])];
        return [this.block(statement, branches.flatMap((branch) => (branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch])))];
      }
      case AST_NODE_TYPES.TryStatement:
        // The steps that run when nothing fails: the block, then what always runs after it.
        return [this.block(statement, [...statement.block.body, ...(statement.finalizer?.body ?? [])])];
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        // A counted loop (`for (let i = 0; i < 100; i++)`) repeats its body.
        return [this.block(statement, statement.body.type === AST_NODE_TYPES.BlockStatement ? statement.body.body : [statement.body])];
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement: {
        // Looping over rows already at hand (`for (const row of rows)`) only repeats the body.
        const right = unwrap(statement.right);
        if (right.type !== AST_NODE_TYPES.Identifier && right.type !== AST_NODE_TYPES.ArrayExpression && right.type !== AST_NODE_TYPES.MemberExpression) break;
        const body = statement.body.type === AST_NODE_TYPES.BlockStatement ? statement.body.body : [statement.body];
        return [this.block(statement, body)];
      }
      default:
        break;
    }
    return [this.fact(statement, 'expression', { effect: UNKNOWN, calls: [] }, statement, [])];
  }

  private block(node: Node, statements: readonly TSESTree.Statement[]): StatementFact {
    const inner = statements.flatMap((statement) => this.statementsOf(statement));
    return this.fact(node, 'expression', { effect: { kind: 'block', statements: inner }, calls: [] }, node, []);
  }

  private expressionFact(expression: TSESTree.Expression, statement: Node): StatementFact {
    const node = unwrap(expression);
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const assigns = this.bindingsIn(node.left, 'write');
      const judged =
        node.operator !== '='
          ? { effect: UNKNOWN, calls: [] }
          : this.holdsFunction(assigns)
            ? { effect: VALUE, calls: [] }
            : this.holdsClient(assigns)
              ? { effect: CLIENT, calls: [] }
              : this.judge(node.right);
      const fact = this.fact(statement, 'assign', judged, node.right, assigns);
      // `post = await createPost()` then `postId = post.id`: tests that read `postId` read the post.
      const body = this.body;
      if (!body || judged.effect.kind !== 'call' || judged.effect.role !== 'data') return fact;
      const feeds = assigns.flatMap((id) => {
        const variable = this.bindings.get(id)?.variable;
        return variable ? this.fedFrom(variable, body).filter((fed) => !assigns.includes(fed)) : [];
      });
      return feeds.length > 0 ? { ...fact, feeds: [...new Set(feeds)] } : fact;
    }
    if (isRunnerSetting(node)) return this.fact(statement, 'expression', { effect: HOUSEKEEPING, calls: [] }, node, []);
    return this.fact(statement, 'expression', this.judge(node), node, []);
  }

  /** Whether every binding an assignment sets is declared with a client's type ({@link isDeclaredClient}). */
  private holdsClient(assigns: readonly Id[]): boolean {
    if (assigns.length === 0) return false;
    for (const id of assigns) {
      const variable = this.bindings.get(id)?.variable;
      if (!variable || !isDeclaredClient(this.context, variable)) return false;
    }
    return true;
  }

  /** Whether every binding an assignment sets is one the file only ever calls: it holds a function. */
  private holdsFunction(assigns: readonly Id[]): boolean {
    if (assigns.length === 0) return false;
    for (const id of assigns) {
      const variable = this.bindings.get(id)?.variable;
      if (!variable || !isOnlyCalled(variable)) return false;
    }
    return true;
  }

  private fact(scope: Node, form: StatementFact['form'], judged: Judged, anchor: Node, assigns: readonly Id[]): StatementFact {
    const id = this.id();
    this.anchors.set(id, unwrap(anchor));
    return {
      id,
      form,
      effect: judged.effect,
      assigns,
      reads: this.bindingsIn(scope, 'read'),
      // Collections matter only between data and cleanup calls: a teardown removing what a setup created.
      collections: isDataOrCleanup(judged.effect) ? judged.calls.flatMap((call) => collectionsOf(this.context, call)) : [],
    };
  }

  /**
   * The suite bindings a local of the hook is handed to: `const response = await post(…)` then
   * `tagId = response.body.id` keeps what the call made in `tagId`.
   */
  private feedsOf(declarator: TSESTree.VariableDeclarator): Id[] {
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) return [];
    const variable = this.context.sourceCode.getDeclaredVariables(declarator)[0];
    return variable ? this.fedFrom(variable, null) : [];
  }

  /** The suite bindings assigned a value read off `variable` (`x = variable.id`), within `within` when given. */
  private fedFrom(variable: TSESLint.Scope.Variable, within: Node | null): Id[] {
    const fed = new Set<Id>();
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const at = reference.identifier.range[0];
      if (within && (at < within.range[0] || at >= within.range[1])) continue;
      let node: Node = reference.identifier as Node;
      while (
        node.parent &&
        ((node.parent.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) ||
          node.parent.type === AST_NODE_TYPES.ChainExpression ||
          node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
          node.parent.type === AST_NODE_TYPES.TSAsExpression)
      ) {
        node = node.parent;
      }
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.right === node) {
        for (const id of this.bindingsIn(parent.left, 'write')) fed.add(id);
      }
    }
    return [...fed];
  }

  /** The suite bindings read, or written, inside a node, in the order their references were collected. */
  private bindingsIn(node: Node, access: 'read' | 'write'): Id[] {
    // Asked for every hook statement: a search by position, not a pass over every reference of the file.
    const byPosition = this.referencesByPosition();
    let low = 0;
    let high = byPosition.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((byPosition[middle] as PositionedReference).start < node.range[0]) low = middle + 1;
      else high = middle;
    }
    const inside: PositionedReference[] = [];
    for (let index = low; index < byPosition.length; index++) {
      const entry = byPosition[index] as PositionedReference;
      if (entry.start >= node.range[1]) break;
      const matches = access === 'read' ? entry.reference.isRead() : entry.reference.isWrite();
      if (matches && entry.end <= node.range[1]) inside.push(entry);
    }
    inside.sort((a, b) => a.order - b.order);
    return [...new Set(inside.map((entry) => entry.binding))];
  }

  /** The references to suite bindings sorted by where they start; sorted on first use, once every binding is declared. */
  private referencesByPosition(): readonly PositionedReference[] {
    if (!this.sorted) {
      this.references.sort(byStart);
      this.sorted = true;
    }
    return this.references;
  }

  /** What a value is, for the rule: a call judged by the shared vocabulary, a literal, a plain value. */
  private judge(expression: Node): Judged {
    const node = unwrap(expression);
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return this.judgeCall(node);
      case AST_NODE_TYPES.MemberExpression: {
        // `(await pool.query('INSERT … RETURNING *')).rows[0]` is what the call made.
        let object: Node = node;
        while (object.type === AST_NODE_TYPES.MemberExpression) object = unwrap(object.object);
        return isCallLike(object) ? this.judgeCall(object) : { effect: VALUE, calls: [] };
      }
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
        return { effect: { kind: 'literal', holdsInfrastructure: this.holdsInfrastructure(node) }, calls: [] };
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        return { effect: VALUE, calls: [] };
      default:
        return { effect: UNKNOWN, calls: [] };
    }
  }

  private judgeCall(node: CallLike): Judged {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(node.callee);
      const first = node.arguments[0];
      if (first && isPromiseCombinator(node.callee)) {
        if (first.type !== AST_NODE_TYPES.ArrayExpression) return this.judge(first);
        return combineCalls(first.elements.flatMap((element) => (element ? [this.judge(element)] : [])));
      }
      if (method && first && ITERATING_METHODS.has(method) && isFunction(first)) {
        // `rows.map(async (row) => { const repo = …; await repo.save(row); })`: what its statements do.
        const result = returnedExpression(first);
        if (!result && first.body.type === AST_NODE_TYPES.BlockStatement) {
          return { effect: { kind: 'block', statements: first.body.body.flatMap((statement) => this.statementsOf(statement)) }, calls: [] };
        }
        const judged = result ? this.judge(result) : null;
        if (judged?.effect.kind === 'call' || judged?.effect.kind === 'block' || judged?.effect.kind === 'schema') return judged;
      }
    }
    const facts = callFacts(node);
    if (facts && definesModel(facts)) return { effect: { kind: 'schema', definesOnly: true }, calls: [node] };
    if (facts && schemaWorkOf(facts) !== null && !this.makesRecordsDespiteName(node, facts)) {
      if (/^drop/i.test(facts.segments[facts.segments.length - 1] ?? '') || /^\s*DROP\s/i.test(facts.text ?? '')) this.afterDrop = true;
      return { effect: { kind: 'schema' }, calls: [node] };
    }
    // `draft = orderFactory.build()`: an object in memory, judged like the literal it could have been.
    if (facts && buildsInMemory(facts)) return { effect: { kind: 'literal', holdsInfrastructure: false }, calls: [] };
    const role = facts ? this.roleOf(node, facts) : null;
    // `await createTables()`, one of the file's own functions: named as if it made data, but its body builds schema.
    if (role === 'data' && facts?.segments.length === 1 && buildsOnlySchema(this.context, node)) return { effect: { kind: 'schema' }, calls: [node] };
    // `cart = givenCart()`, one of the file's own functions that only returns an object it builds: a value, like that literal.
    if (role === 'data' && facts?.segments.length === 1 && buildsOnlyValue(this.context, node)) return { effect: { kind: 'literal', holdsInfrastructure: false }, calls: [] };
    // `keys = createKeySet(published)`, a function of a package that reaches no boundary and is handed none: a
    // package knows none of the project's records, so what it hands back is a value in memory, like a literal.
    if (role === 'data' && facts?.segments.length === 1 && isPackageValueMaker(this.context, node)) return { effect: { kind: 'literal', holdsInfrastructure: false }, calls: [] };
    return { effect: { kind: 'call', role }, calls: [node] };
  }

  /**
   * What a call does: the shared vocabulary, refined by what the call is handed and where it sits.
   * - a method named for a record (`svc.createSubscriber()`) creates data;
   * - a request through a client of the app that posts or puts creates data;
   * - a factory handed nothing but infrastructure, named for a function or a component
   *   (`createGetActiveUsers(db)`), builds the code under test;
   * - a `create…` helper after the hook dropped the schema rebuilds it.
   */
  private roleOf(node: CallLike, facts: CallFacts): CallRole | null {
    const role = facts === callFacts(node) ? callRoleOf(node) : classifyCall(facts);
    const last = facts.segments[facts.segments.length - 1] ?? '';
    if (role === null) {
      if (facts.segments.length > 1 && namesRecordFactoryMethod(last)) return isPackageFactory(this.context, node, facts) ? 'infrastructure' : 'data';
      return facts.segments.some((segment) => CREATING_REQUESTS.has(segment)) && this.drivesApp(node) ? 'data' : null;
    }
    if (role !== 'data') return role;
    if (isPackageFactory(this.context, node, facts) || makesOwnPackageInstance(this.context, node)) return 'infrastructure';
    if (namesComponentFactory(last) && node.type === AST_NODE_TYPES.CallExpression && node.arguments.length > 0 && node.arguments.every((argument) => this.isInfrastructure(argument))) {
      return 'infrastructure';
    }
    if (this.afterDrop && facts.segments.length === 1 && REBUILDING_VERB.test(last)) return null;
    // `orm.em.create(User, …)` with no flush in the hook only stages an entity.
    if (!this.flushes && DEFERRED_VERBS.has(last) && UNIT_OF_WORK.test(facts.segments[facts.segments.length - 2] ?? '')) return null;
    // `files = repo.create([…])`, then `repo.save(files)`: the save writes; the create only builds the entities.
    if (last === 'create' && facts.segments.length > 1 && this.savedThroughLater(node, facts)) return null;
    return role;
  }

  /**
   * Whether a call of one of the file's own functions, named for schema work, only makes records:
   * `createTopic('Welcome')` whose body is `prisma.topic.create(…)` or a POST to the app's `/topics`,
   * where a topic is a record of the app rather than a broker's. Its body does no schema work and
   * makes data, so its name decides no more than any `create…` helper's does.
   */
  private makesRecordsDespiteName(node: CallLike, facts: CallFacts): boolean {
    if (facts.segments.length !== 1) return false;
    const fn = calledLocalFunction(this.context, node);
    if (!fn) return false;
    let answer = recordBodies.get(fn);
    if (answer === undefined) {
      let schema = false;
      // Stops at the first call that does schema work or makes data.
      const decided = someCallIn(this.context, fn, (call) => {
        const inner = callFacts(call);
        if (!inner) return false;
        if (schemaWorkOf(inner) !== null) schema = true;
        return schema || this.roleOf(call, inner) === 'data';
      });
      answer = decided && !schema;
      recordBodies.set(fn, answer);
    }
    return answer;
  }

  /** Whether a call chain starts from a client of the app (`request(app)`, `app.inject()`) and does not sign in. */
  private drivesApp(node: CallLike): boolean {
    if (!mayCallTestClient(this.context.sourceCode.text)) return false;
    let current: Node = node;
    for (;;) {
      current = unwrap(current);
      if (current.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrap(current.callee);
        const path = callee.type === AST_NODE_TYPES.MemberExpression && CREATING_REQUESTS.has(propertyName(callee) ?? '') ? leadingText(current.arguments[0]) : undefined;
        if (path !== undefined && namesAuthenticationPath(path)) return false;
        if (parseTestClientCall(this.context, current)) return true;
        current = current.callee;
      } else if (current.type === AST_NODE_TYPES.MemberExpression) {
        current = current.object;
      } else {
        return false;
      }
    }
  }

  /** A handle or configuration: named so (`db.rawDatabase`, `knex`), built so, or an object of only those. */
  private isInfrastructure(node: Node): boolean {
    const inner = unwrap(node);
    switch (inner.type) {
      case AST_NODE_TYPES.Identifier:
        return classifyValueName(inner.name) === 'infrastructure';
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(inner);
        return name !== null && classifyValueName(name) === 'infrastructure';
      }
      case AST_NODE_TYPES.ObjectExpression:
        return inner.properties.length > 0 && inner.properties.every((property) => property.type === AST_NODE_TYPES.Property && this.isInfrastructure(property.value));
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const judged = this.judge(inner).effect;
        return judged.kind === 'call' && judged.role === 'infrastructure';
      }
      default:
        return false;
    }
  }

  /** A literal bundles infrastructure when one of its values is built by, or named as, infrastructure. */
  private holdsInfrastructure(node: TSESTree.ObjectExpression | TSESTree.ArrayExpression): boolean {
    const values: Node[] =
      node.type === AST_NODE_TYPES.ObjectExpression
        ? node.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? property.value : property.argument))
        : node.elements.flatMap((element) => (element ? [element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element] : []));
    return values.some((value) => {
      const inner = unwrap(value);
      if (inner.type === AST_NODE_TYPES.Identifier) return classifyValueName(inner.name) === 'infrastructure';
      const judged = this.judge(inner).effect;
      return judged.kind === 'call' && judged.role === 'infrastructure';
    });
  }
}

/** A function imported from a third-party package the catalog and settings do not call a boundary, handed no boundary value. */
function isPackageValueMaker(context: Context, node: CallLike): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, callee);
  if (resolution.type !== 'module') return false;
  const { source } = resolution.binding;
  return isPackageOrBuiltin(context, source) && boundaryOfSpecifier(context, source) === null && !handsBoundary(context, node);
}

/**
 * A client package's factory, or a static factory of a package's class
 * (`TestWorkflowEnvironment.createTimeSkipping()`): a package knows none of the project's records.
 */
function isPackageFactory(context: Context, node: CallLike, facts: CallFacts): boolean {
  return isClientPackageFactory(context, node, facts) || (node.type === AST_NODE_TYPES.CallExpression && isStaticFactory(context, node, facts));
}

/**
 * `kit = await t.create({ modules })`, with `create` a helper of the project's that hands back what
 * the entry point of its own package makes (`require('../index.js')(config)`), or that entry point
 * loaded and called here (`const makeKit = require('..')`): an instance of the library under
 * test, which the tests run, not a record they share.
 */
function makesOwnPackageInstance(context: Context, node: CallLike): boolean {
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return false;
  const member = moduleMemberOf(context, node.callee);
  if (!member) return false;
  const path = member.path.filter((segment) => segment !== 'default');
  if (path.length === 0) return isOwnPublishedEntry(context, member.source);
  if (path.length !== 1) return false;
  const exported = exportOfSpecifier(context, member.source, path[0] as string);
  return exported !== null && exported !== 'unknown' && exported.value.type === 'other' && exported.value.ownPackage === true;
}

/**
 * `axios.create({ baseURL })`: a factory called on a client package itself (its default export or
 * the whole module) builds another client of it. Records are made through a client, not the package.
 */
function isClientPackageFactory(context: Context, node: CallLike, facts: CallFacts): boolean {
  if (facts.segments.length !== 2 || node.type !== AST_NODE_TYPES.CallExpression) return false;
  const root = callChain(node)?.root;
  if (root?.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, root);
  if (resolution.type !== 'module' || (resolution.binding.imported !== 'default' && resolution.binding.imported !== '*')) return false;
  return boundaryOfSpecifier(context, resolution.binding.source)?.role === 'client';
}

/**
 * `awaitWithEvent = createAwaitWithEvent(emitter)`, then only `awaitWithEvent(() => …)`: a binding the
 * file reads only to call it holds a function the tests run, not a record they share.
 */
function isOnlyCalled(variable: TSESLint.Scope.Variable): boolean {
  let reads = 0;
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== reference.identifier) return false;
    reads++;
  }
  return reads > 0;
}

const schemaOnlyBodies = fileCache<FunctionNode, boolean>();
const recordBodies = fileCache<FunctionNode, boolean>();

/**
 * Whether a call runs one of the file's own functions whose body does schema work (`CREATE TABLE`,
 * `migrate.latest()`) and calls nothing the vocabulary takes for making data. A body that cannot be
 * seen, or that also makes data, leaves the call to its name.
 */
function buildsOnlySchema(context: Context, node: CallLike): boolean {
  const fn = calledLocalFunction(context, node);
  if (!fn) return false;
  let answer = schemaOnlyBodies.get(fn);
  if (answer === undefined) {
    let schema = false;
    const data = someCallIn(context, fn, (call) => {
      const facts = callFacts(call);
      if (facts && schemaWorkOf(facts) !== null) schema = true;
      else if (facts && classifyCall(facts) === 'data') return true;
      return false;
    });
    answer = schema && !data;
    schemaOnlyBodies.set(fn, answer);
  }
  return answer;
}

const valueOnlyBodies = fileCache<FunctionNode, boolean>();

/**
 * Whether a call runs one of the file's own functions that returns an object or array literal, or a
 * `new` object, and does nothing else: not async, one returned expression, and no call or
 * construction in it that the vocabulary takes for making data or opening infrastructure
 * (`return new Cart({ items: [new Item(…)] })`, `({ email: faker.internet.email() })`). What it
 * hands back lives in memory, so it is shared data only when a test changes it, as a literal is.
 */
function buildsOnlyValue(context: Context, node: CallLike): boolean {
  const fn = calledLocalFunction(context, node);
  if (!fn || fn.async || fn.generator) return false;
  let answer = valueOnlyBodies.get(fn);
  if (answer === undefined) {
    const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? soleReturnOf(fn.body) : unwrap(fn.body);
    answer =
      returned !== null &&
      (returned.type === AST_NODE_TYPES.ObjectExpression || returned.type === AST_NODE_TYPES.ArrayExpression || returned.type === AST_NODE_TYPES.NewExpression) &&
      !someCallIn(context, fn, (call) => {
        if (call.type === AST_NODE_TYPES.TaggedTemplateExpression) return true;
        const facts = callFacts(call);
        return facts === null || classifyCall(facts) !== null;
      });
    valueOnlyBodies.set(fn, answer);
  }
  return answer;
}

/** The expression a block returns when returning it is all the block does. */
function soleReturnOf(body: TSESTree.BlockStatement): Node | null {
  const [only, ...rest] = body.body;
  return only?.type === AST_NODE_TYPES.ReturnStatement && rest.length === 0 && only.argument ? unwrap(only.argument) : null;
}

/**
 * Whether a binding is declared with a value a test could work with (`let max = 50`, `let role =
 * 'admin'`), rather than none or an empty stand-in for one (`null`, `undefined`, `0`, `''`, `[]`, `{}`).
 */
function startsWithValue(init: TSESTree.Expression | null): boolean {
  if (!init) return false;
  const node = unwrap(init);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return node.value !== null && node.value !== 0 && node.value !== '' && node.value !== false;
    case AST_NODE_TYPES.Identifier:
      return node.name !== 'undefined';
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.length > 0;
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.length > 0;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length > 0 || (node.quasis[0]?.value.cooked ?? '') !== '';
    default:
      return true;
  }
}

/** References by where they start; the scope manager lists a variable's references close to that order, not always in it. */
function inSourceOrder(references: readonly TSESLint.Scope.Reference[]): readonly TSESLint.Scope.Reference[] {
  for (let index = 1; index < references.length; index++) {
    if ((references[index] as TSESLint.Scope.Reference).identifier.range[0] < (references[index - 1] as TSESLint.Scope.Reference).identifier.range[0]) {
      return [...references].sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
    }
  }
  return references;
}

/** `em.flush()`, `uow.commit()`: a call that flushes a unit of work. */
function callsFlushingMethod(node: TSESTree.CallExpression): boolean {
  return callsMethod(node, FLUSHING_METHODS);
}

function byStart(a: PositionedReference, b: PositionedReference): number {
  return a.start - b.start;
}

/** `x.flush()`: a method call by one of the names. */
function callsMethod(node: TSESTree.CallExpression, names: ReadonlySet<string>): boolean {
  return node.callee.type === AST_NODE_TYPES.MemberExpression && names.has(propertyName(node.callee) ?? '');
}

function isDataOrCleanup(effect: Effect): boolean {
  return effect.kind === 'call' && (effect.role === 'data' || effect.role === 'cleanup');
}

function isCallLike(node: Node): node is CallLike {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression;
}

function isFunction(node: Node): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}

/** The one expression a small callback evaluates: `(row) => save(row)` or `(row) => { return save(row); }`. */
function returnedExpression(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): Node | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const [only, ...rest] = fn.body.body;
  if (!only || rest.length > 0) return null;
  if (only.type === AST_NODE_TYPES.ExpressionStatement) return only.expression;
  if (only.type === AST_NODE_TYPES.ReturnStatement) return only.argument;
  return null;
}

/** `Promise.all` or `Promise.allSettled`, as a callee. */
function isPromiseCombinator(callee: Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || callee.object.name !== 'Promise') return false;
  const method = propertyName(callee);
  return method !== null && PROMISE_COMBINATORS.has(method);
}

/** Several awaited calls share a role only when they all have it. */
function combineCalls(parts: readonly Judged[]): Judged {
  const roles = new Set(parts.map(({ effect }) => (effect.kind === 'call' ? effect.role : undefined)));
  const [role] = roles;
  const shared = roles.size === 1 && role !== undefined ? role : null;
  return { effect: { kind: 'call', role: shared }, calls: parts.flatMap(({ calls }) => calls) };
}

function isRunnerSetting(node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = propertyName(node.callee);
  return node.callee.object.type === AST_NODE_TYPES.ThisExpression && name !== null && RUNNER_SETTINGS.has(name);
}

/** The assignment that writes an identifier, through any destructuring pattern. */
function assignmentOf(identifier: TSESTree.Identifier): TSESTree.AssignmentExpression | null {
  let node: Node = identifier;
  for (let parent = node.parent; parent; parent = node.parent) {
    if (parent.type === AST_NODE_TYPES.AssignmentExpression) return parent.left === node ? parent : null;
    if (
      parent.type === AST_NODE_TYPES.Property ||
      parent.type === AST_NODE_TYPES.ObjectPattern ||
      parent.type === AST_NODE_TYPES.ArrayPattern ||
      parent.type === AST_NODE_TYPES.RestElement ||
      (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node)
    ) {
      node = parent;
    } else {
      return null;
    }
  }
  return null;
}

/**
 * The tables, collections or repositories a call writes to or removes from: the table of
 * hand-written SQL, a table named in the chain (`knex('users')`, `db.deleteFrom('users')`), or
 * else the receiver as written (`prisma.user`, `repo`).
 */
function collectionsOf(context: Context, call: CallLike): string[] {
  const facts = callFacts(call);
  if (!facts) return [];
  const table = facts.text === undefined ? null : sqlTable(facts.text);
  if (table) return [table];
  const named: string[] = [];
  let current: Node = call;
  for (;;) {
    current = unwrap(current);
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(current.callee);
      const selects = callee.type === AST_NODE_TYPES.Identifier || (callee.type === AST_NODE_TYPES.MemberExpression && TABLE_SELECTORS.has(propertyName(callee) ?? ''));
      const name = selects ? staticString(current.arguments[0]) : null;
      if (name) named.push(name.toLowerCase());
      current = callee;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = current.object;
    } else {
      break;
    }
  }
  if (named.length > 0) return named;
  const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrap(call.callee) : null;
  if (callee?.type !== AST_NODE_TYPES.MemberExpression) return [];
  return [context.sourceCode.getText(callee.object).replace(/\s+/g, '')];
}

/** How many times a test runs: the rows of an `each` table written out in the file, else once; never without a body. */
function runsOf(context: Context, call: TestCall): number {
  if (!call.callback && !wrappedCallbackOf(call) && !hasBodyMadeByCall(call)) return 0;
  return rowsOf(context, call);
}

/**
 * `it('counts the vertices', executeQuery(query, expected))`: a test whose body a call makes. It runs,
 * and what its body does is not in sight.
 */
export function hasBodyMadeByCall(call: TestCall): boolean {
  const last = call.node.arguments[call.node.arguments.length - 1];
  return call.kind === 'test' && call.node.arguments.length >= 2 && last !== undefined && unwrap(last).type === AST_NODE_TYPES.CallExpression;
}

/**
 * The rows of an `each` table written out in the file: inline (`it.each([…])`, `describe.each([…] as
 * const)`), or a `const` array of the file used only as such a table or looped over (`it.each(cases)`).
 * `null` when the table is not written out, 1 when there is none.
 */
function writtenRowsOf(context: Context, call: TestCall): number | null {
  const table = eachTableOf(call);
  if (table === null) return 1;
  if (table?.type === AST_NODE_TYPES.ArrayExpression) return Math.max(1, table.elements.length);
  const items = table?.type === AST_NODE_TYPES.Identifier ? writtenItemsOf(context, table) : null;
  return items === null ? null : Math.max(1, items);
}

/** The rows of an `each` table written out in the file ({@link writtenRowsOf}), else 1. */
function rowsOf(context: Context, call: TestCall): number {
  return writtenRowsOf(context, call) ?? 1;
}

/** How often a suite's body runs: once, or once per row of a `describe.each` table (a lower bound when the table is not written out). */
function suiteRunsOf(context: Context, call: TestCall): Pick<SuiteFact, 'runs' | 'runsMore'> {
  if (eachTableOf(call) === null) return {};
  const rows = writtenRowsOf(context, call);
  return rows === null ? { runsMore: true } : { runs: rows };
}

/** The table of a parametrised test or suite (`it.each(table)`), `null` when it has none, `undefined` when it is not written. */
function eachTableOf(call: TestCall): Node | null | undefined {
  if (!call.modifiers.includes('each') && !call.modifiers.includes('for')) return null;
  const table = call.node.callee.type === AST_NODE_TYPES.CallExpression ? call.node.callee.arguments[0] : undefined;
  return table && unwrap(table);
}

/**
 * How many times the loops between a test and its suite run it, for each run of the hooks around it,
 * and whether it may run more often still. A loop over an array written out in the file counts its
 * items (`for (const c of [a, b])`, `[a, b].forEach((c) => it(…))`, or a `const` array of the file
 * used only to be looped over). Anything else makes the count a lower bound: an `each` table not
 * written out, any other loop, an iterating method on anything but such an array, or a function of
 * the file called more than once (`function behaves(check) { it(…) }`, then `behaves(a); behaves(b)`).
 * A loop around the whole suite repeats the suite's hooks as well, so it changes no count.
 */
function loopRepeatsOf(context: Context, call: TestCall, isSuite: (node: Node) => boolean): { times: number; more: boolean } {
  if (writtenRowsOf(context, call) === null) return { times: 1, more: true };
  let times = 1;
  let child: Node = call.node;
  for (let node: Node | undefined = call.node.parent; node && !isSuite(node); child = node, node = node.parent) {
    switch (node.type) {
      case AST_NODE_TYPES.ForOfStatement: {
        const items = node.body === child && !node.await ? writtenItemsOf(context, node.right) : null;
        if (items === null) return { times, more: true };
        times *= items;
        break;
      }
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return { times, more: true };
      case AST_NODE_TYPES.CallExpression: {
        if (node.callee.type !== AST_NODE_TYPES.MemberExpression || !ITERATING_METHODS.has(propertyName(node.callee) ?? '')) break;
        const items = node.arguments[0] === child ? writtenItemsOf(context, node.callee.object) : null;
        if (items === null) return { times, more: true };
        times *= items;
        break;
      }
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (calledMoreThanOnce(context, node)) return { times, more: true };
        break;
      default:
        break;
    }
  }
  return { times, more: false };
}

/**
 * How many items an array written out in the file holds, when that is certain: an array literal
 * without spreads or holes, or a `const` of the file set to one and only ever looped over or asked
 * its `length` (nothing can add to it). `null` otherwise.
 */
function writtenItemsOf(context: Context, node: Node): number | null {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    return value.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement) ? value.elements.length : null;
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context.sourceCode.getScope(value), value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable' || definition.parent.kind !== 'const' || definition.node.id.type !== AST_NODE_TYPES.Identifier) return null;
  const initial = definition.node.init && unwrap(definition.node.init);
  if (initial?.type !== AST_NODE_TYPES.ArrayExpression) return null;
  const onlyLooped = variable.references.every((reference) => {
    if (reference.init) return true;
    const use = reference.identifier;
    const parent = use.parent;
    if (parent?.type === AST_NODE_TYPES.ForOfStatement) return parent.right === use;
    if (isEachTable(parent, use)) return true;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== use) return false;
    const name = propertyName(parent);
    if (name === 'length') return true;
    return name !== null && ITERATING_METHODS.has(name) && parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent;
  });
  return onlyLooped ? writtenItemsOf(context, initial) : null;
}

/** `it.each(cases)`, `describe.each(cases)`, `test.for(cases)`: the table a parametrised test or suite is handed. */
function isEachTable(parent: Node | undefined, use: Node): boolean {
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== use || parent.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = propertyName(parent.callee);
  return name === 'each' || name === 'for';
}

/** Whether a function of the file is named and called by that name in two or more places. */
function calledMoreThanOnce(context: Context, fn: FunctionNode): boolean {
  const named = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : null;
  const name = named?.id?.type === AST_NODE_TYPES.Identifier ? named.id : null;
  if (!named || !name) return false;
  let calls = 0;
  // A function declaration also declares its parameters: only the variable of its own name counts.
  for (const variable of context.sourceCode.getDeclaredVariables(named)) {
    if (!variable.defs.some((def) => def.name === name)) continue;
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) calls++;
    }
  }
  return calls >= 2;
}

/**
 * A short label for where data is made, for messages: `prisma.user.create()`, or
 * `user = createUser()` for an assignment; arguments are left out.
 */
export function sourceLabel(node: Node): string {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.AssignmentExpression) {
    const value = sourceLabel(inner.right);
    return inner.left.type === AST_NODE_TYPES.Identifier ? `${inner.left.name} = ${value}` : value;
  }
  if (isCallLike(inner)) {
    // `names.map((name) => em.create(Tag, { name }))` is labelled by what it does for each item.
    const callee = inner.type === AST_NODE_TYPES.CallExpression ? inner.callee : null;
    const callback = inner.type === AST_NODE_TYPES.CallExpression ? inner.arguments[0] : undefined;
    const iterates = callee?.type === AST_NODE_TYPES.MemberExpression && ITERATING_METHODS.has(propertyName(callee) ?? '');
    const each = iterates && callback && isFunction(callback) ? returnedExpression(callback) : null;
    if (each && isCallLike(unwrap(each))) return sourceLabel(each);
    // `Promise.all([users.create(a), users.create(b)])` is labelled by the first call it waits for.
    const awaited = callee && isPromiseCombinator(callee) && callback?.type === AST_NODE_TYPES.ArrayExpression ? callback.elements : [];
    const firstCall = awaited.find((element) => element && isCallLike(unwrap(element)));
    if (firstCall && callee?.type === AST_NODE_TYPES.MemberExpression) {
      return `Promise.${propertyName(callee)}([${sourceLabel(firstCall)}${awaited.length > 1 ? ', …' : ''}])`;
    }
    // `Promise.all(names.map((name) => users.create({ name })))`: labelled by what it does for each item.
    const mapped = callee && isPromiseCombinator(callee) && callback ? unwrap(callback) : null;
    if (mapped?.type === AST_NODE_TYPES.CallExpression && mapped.callee.type === AST_NODE_TYPES.MemberExpression && ITERATING_METHODS.has(propertyName(mapped.callee) ?? '')) {
      const [eachCallback] = mapped.arguments;
      const eachItem = eachCallback && isFunction(eachCallback) ? returnedExpression(eachCallback) : null;
      if (eachItem && isCallLike(unwrap(eachItem))) return sourceLabel(eachItem);
    }
    const facts = callFacts(inner);
    if (facts) return callLabel(facts);
  }
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    let object: Node = inner;
    while (object.type === AST_NODE_TYPES.MemberExpression) object = unwrap(object.object);
    if (isCallLike(object)) return sourceLabel(object);
  }
  // An empty literal is shown as written: `[ … ]` would promise content it does not have.
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner.properties.length === 0 ? '{}' : '{ … }';
  if (inner.type === AST_NODE_TYPES.ArrayExpression) return inner.elements.length === 0 ? '[]' : '[ … ]';
  return '…';
}

/**
 * Whether a variable is declared with the type of a client package's client (`let sequelize: Sequelize`,
 * `let orm: MikroORM`): what a hook puts there is a connection the tests share, not data, whatever the
 * helper that makes it is called (`orm = await createTestOrm()`). A type of the project's own (an
 * entity of a data-access package) says nothing of the kind: only the catalog's clients count.
 */
function isDeclaredClient(context: Context, variable: TSESLint.Scope.Variable): boolean {
  const name = variable.defs[0]?.name;
  const annotation = name?.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  return annotation !== undefined && clientOfType(context, annotation)?.role === 'client';
}

/** Whether a node sits in the `finally` block of a `try` in the function it is written in. */
function isInFinally(node: Node): boolean {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.finalizer === child) return true;
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return false;
  }
  return false;
}

/**
 * Whether a node sits in a function below `body` (the suite, test or hook callback it belongs to, or
 * the module when `null`): a callback or helper that runs when something calls it, not where it is
 * written in that body's steps.
 */
function isInFunctionBelow(node: Node, body: Node | null): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return true;
  }
  return false;
}

/**
 * `if (!db) db = open()`, `if (db === undefined) { … db = … }`, `db || (db = open())`: a read that only
 * asks whether the binding is still unset, so that the code it guards can assign it then.
 */
function guardsUnset(identifier: TSESTree.Identifier, variable: TSESLint.Scope.Variable): boolean {
  let check: Node = identifier;
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') check = parent;
  else if (parent?.type === AST_NODE_TYPES.BinaryExpression && (parent.operator === '==' || parent.operator === '===')) {
    const other = parent.left === identifier ? parent.right : parent.left;
    if (!isUnset(other)) return false;
    check = parent;
  } else if (parent?.type === AST_NODE_TYPES.LogicalExpression && (parent.operator === '||' || parent.operator === '??') && parent.left === identifier) {
    return assignsWithin(variable, parent.right);
  }
  const holder = check.parent;
  if (holder?.type === AST_NODE_TYPES.IfStatement && holder.test === check) return assignsWithin(variable, holder.consequent);
  return false;
}

/**
 * `await destroy(app)` or `app?.close()` before the test makes its own (`app = await create()`): a
 * read that only ends whatever an earlier test left there, if anything. A plain `app.close()` needs
 * a value to be there, so it still reads what an earlier test left.
 */
function disposesOf(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === identifier && parent.arguments.length === 1) {
    const callee = unwrap(parent.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
    return name !== null && namesEnding(name);
  }
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== identifier || !parent.optional) return false;
  const call = parent.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent && namesEnding(propertyName(parent) ?? '');
}

function assignsWithin(variable: TSESLint.Scope.Variable, node: Node): boolean {
  return variable.references.some((reference) => reference.isWrite() && isWithin(reference.identifier, node));
}
