import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isGenericContainerModule } from '../core/boundaries';
import type { ExportSummary, HookSummary } from '../core/module-summary';
import {
  cleanupOf,
  writeOf,
  type CleanupFileFacts,
  type CleanupPlace,
  type PlacedCleanup,
  type PlacedWrite,
  type Write,
  type WritePlace,
} from '../core/require-cleanup';
import {
  buildsOnly,
  callLabel,
  classifyCall,
  commitsUnitOfWork,
  IN_MEMORY_DATABASE_MODULES,
  isWrite,
  namesDeletingFunction,
  namesInMemoryStore,
  removesData,
  schemaWorkOf,
  stagesOnly,
  writeTargetOf,
  writeVerbKind,
  emptiesWholeStore,
  type CallFacts,
  type CallRole,
} from '../core/vocabulary';
import { boundaryOfSpecifier, containerOfValue } from './boundary-values';
import { callChain, callFacts, callRoleOf, isOutermostCall, methodCallFacts, propertyName, unwrap } from './call-chain';
import { moduleOfExpression, resolveName } from './imports';
import { parseMockCall } from './mocks';
import { parseTestCall, testPlaceOf, type TestCall } from './test-calls';
import { sendsDeleteToApp } from './test-clients';
import { testFileOf } from './test-file';
import { runnerSetupOf, type RunnerSetup } from './runner-setup';
import { subjectOf } from './cleanup-subjects';
import { hooksOfSuiteLevelCall, hooksOfWrappers, hooksOnLoad, mocksOnLoad, specifierFrom, type HooksFromElsewhere } from './unseen-hooks';
import { exportOfSpecifier, isPackageOrBuiltin, moduleKeyOf } from './project-modules';
import { mayContain } from './text-gates';
import { splicesAll } from './mutations';
import {
  boundaryFact,
  cleanupPlaceOf,
  DATABASE_STRING_WORDS,
  dropsStoreMadeInTest,
  fullText,
  handsBoundary,
  isConnectionless,
  isExpectedToFail,
  isFromUnrelatedPackage,
  isFreshDatabaseName,
  isFreshDatabaseUrl,
  isKeptUnrun,
  isLocalHelperWithoutWrites,
  isStaticFactory,
  isAnsweredByHttpFake,
  isMadeWithInMemoryOptions,
  isMockedWrite,
  isUnreadHelper,
  namedHookCleanups,
  receiverOf,
  removesThroughSql,
  traceWrite,
  writesIntoStoreOfTest,
  writesThroughItsParameters,
  type WritingCall,
} from './cleanup-recognisers';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A write the rule may report, with what its message and edit need. */
export interface FoundWrite {
  readonly node: WritingCall;
  readonly write: Write;
  /** The name of the value written through (`pool`), or `null`. */
  readonly client: string | null;
  readonly call: string;
  /** The write is inferred from a boundary value handed to a helper the rule cannot read. */
  readonly unreadHelper: boolean;
}

export interface CleanupGathering {
  readonly facts: CleanupFileFacts;
  readonly writes: readonly FoundWrite[];
  readonly tests: readonly TestCall[];
  /** Whether the file starts a throwaway container, so stopping it is a remedy worth naming. */
  readonly hasContainer: boolean;
}

interface Candidate {
  readonly node: WritingCall;
  readonly facts: CallFacts;
  readonly role: CallRole | null;
}

/**
 * Gathers what a test file writes and removes, call by call, and hands the facts over once the file
 * is read: `null` for files without tests (a helper module is cleaned up by the tests that use it).
 */
export function cleanupFactsGatherer(context: Context): {
  readonly listeners: TSESLint.RuleListener;
  readonly finish: () => CleanupGathering | null;
} {
  const gatherer = new CleanupGatherer(context);
  // Strings say something only of a database kept in memory or named in a URL; most files name neither.
  const readsStrings = mayContain(context.sourceCode, DATABASE_STRING_WORDS);
  return {
    listeners: {
      TaggedTemplateExpression: gatherer.noteTaggedTemplate.bind(gatherer),
      ...(readsStrings ? { Literal: gatherer.noteLiteral.bind(gatherer), TemplateElement: gatherer.noteTemplateElement.bind(gatherer) } : {}),
      Property: gatherer.noteProperty.bind(gatherer),
    },
    finish: gatherer.finish.bind(gatherer),
  };
}

/**
 * The state of one file's gathering, with the work in methods rather than in closures made per file
 * (see "Work lives in module-level functions" in `docs/architecture.md`).
 */
class CleanupGatherer {
  private readonly tests: TestCall[] = [];
  private readonly candidates: Candidate[] = [];
  private readonly extraCleanups: Array<{ node: TSESTree.Node; kind: string | null }> = [];
  /** Containers a test declares with `using` / `await using`: disposed, so stopped, when the test ends. */
  private readonly disposedContainers: Array<{ node: TSESTree.Node; kind: string | null }> = [];
  private readonly mocked = new Set<string>();
  private readonly throwawayKinds = new Set<string>();
  // Hooks registered by helpers and wrappers, read only once the file is known to write something.
  private readonly elsewhere: HookSource[] = [];
  private hasContainer = false;
  private readonly testIndex = new Map<TSESTree.CallExpression, number>();
  private readonly suiteIndex = new Map<TSESTree.CallExpression, number>();
  /** The runner's setup modules, once read; `null` before. */
  private setup: RunnerSetup | null = null;
  /** Where the runner's setup modules may register hooks, once the setup is read. */
  private readonly fromSetup: HookSource[] = [];

  constructor(private readonly context: Context) {}

  /**
   * A module the file loads. Loading one runs its top level, whatever the file takes from it: the
   * hooks it registers there (`afterAll(resetDatabase)` beside the helpers a test imports) are the
   * file's hooks too. An import of types only is erased and runs nothing. A module loaded for its
   * side effects that cannot be read may register anything; one loaded for its exports is read when
   * it can be, and otherwise taken to be loaded for what it exports.
   */
  private noteLoad(node: TSESTree.Node, source: string, use: 'side-effects' | 'exports' | 'types'): void {
    const context = this.context;
    if (IN_MEMORY_DATABASE_MODULES.has(source)) this.throwawayKinds.add('database');
    if (isGenericContainerModule(source) || boundaryOfSpecifier(context, source)?.role === 'container') this.hasContainer = true;
    if (use !== 'types') this.elsewhere.push({ node, loaded: source, forExports: use === 'exports' });
  }

  private noteText(text: string): void {
    if (namesInMemoryStore(text)) this.throwawayKinds.add('database');
  }

  noteTemplateElement(node: TSESTree.TemplateElement): void {
    this.noteText(node.value.cooked ?? node.value.raw);
  }

  noteLiteral(node: TSESTree.Literal): void {
    if (typeof node.value !== 'string') return;
    this.noteText(node.value);
    if (isFreshDatabaseUrl(this.context, node.value)) this.throwawayKinds.add('database');
  }

  noteProperty(node: TSESTree.Property): void {
    if (isFreshDatabaseName(this.context, node)) this.throwawayKinds.add('database');
  }

  noteTaggedTemplate(node: TSESTree.TaggedTemplateExpression): void {
    // A statement handed to a call (`db.query(sql`INSERT …`)`, `hasValues(sql`INSERT …`)`) or nested
    // in another template is judged with what it is handed to: a runner writes it, anything else
    // only reads its text.
    if (isHandedOn(node)) return;
    const facts = callFacts(node);
    if (facts) this.candidates.push({ node, facts, role: callRoleOf(node) });
  }

  /** One call of the file, read off the test-file model in source order. */
  private visitCall(node: TSESTree.CallExpression): void {
    const context = this.context;
    const test = parseTestCall(context, node);
    if (test) {
      this.tests.push(test);
      if (test.kind !== 'hook') this.elsewhere.push({ node, wrapper: test });
      return;
    }
    const loaded = moduleOfExpression(node);
    if (loaded) this.noteLoad(node, loaded.source, node.parent.type === AST_NODE_TYPES.ExpressionStatement ? 'side-effects' : 'exports');
    const mock = parseMockCall(context, node);
    if (mock) {
      for (const target of mock.targets) if (target.type === 'module') this.mocked.add(moduleKeyOf(context, target.specifier, target.relativeTo));
      return;
    }
    this.elsewhere.push({ node, call: node });
    if (splicesAll(this.context, node)) this.extraCleanups.push({ node, kind: null });
    if (!isOutermostCall(node)) return;
    if (isDisposedValue(node)) {
      const container = containerOfValue(context, node);
      if (container) this.disposedContainers.push({ node, kind: container.kind });
    }
    const named = callFacts(node);
    const facts = named ?? methodCallFacts(node);
    if (facts) this.candidates.push({ node, facts, role: named ? (callRoleOf(node) ?? roleOfModuleFunction(context, node, named)) : classifyCall(facts) });
  }

  /** What the test-file model holds: imports, calls, and `sent.length = 0` (an in-memory collection emptied). */
  private readModel(): void {
    const file = testFileOf(this.context);
    for (const { node, source } of file.loads) {
      if (node.type === AST_NODE_TYPES.ImportDeclaration && node.importKind !== 'type') this.noteLoad(node, source, node.specifiers.length === 0 ? 'side-effects' : importsTypesOnly(node) ? 'types' : 'exports');
    }
    for (const node of file.calls) this.visitCall(node);
    // A database kept in memory, set up with options a helper module exports: gone with its client.
    if (!this.throwawayKinds.has('database') && file.constructions.some((node) => isMadeWithInMemoryOptions(this.context, node))) this.throwawayKinds.add('database');
    for (const node of file.memberAssignments) {
      if (node.left.type === AST_NODE_TYPES.MemberExpression && propertyName(node.left) === 'length' && node.right.type === AST_NODE_TYPES.Literal && node.right.value === 0) {
        this.extraCleanups.push({ node, kind: null });
      }
    }
    this.candidates.sort(bySourceOrder);
  }

  private where(node: TSESTree.Node): Location {
    return locate(this.context, node, this.testIndex, this.suiteIndex);
  }

  /**
   * Whether the runner's setup is known, reading it on first call; `false` when the runner's
   * configuration cannot be read. Its hooks may clean up, and a module one of them mocks is mocked in
   * every test file the runner loads after it.
   */
  private readSetup(): boolean {
    if (this.setup) return this.setup !== 'unknown';
    const context = this.context;
    const setup = runnerSetupOf(context.filename);
    this.setup = setup;
    if (setup === 'unknown') return false;
    for (const module of setup.modules) {
      const specifier = specifierFrom(context.filename, module);
      this.fromSetup.push({ node: context.sourceCode.ast, loaded: specifier });
      for (const key of mocksOnLoad(context, specifier)) this.mocked.add(key);
    }
    return true;
  }

  finish(): CleanupGathering | null {
    const context = this.context;
    // A helper or setup module is cleaned up by the tests that use it: nothing to read.
    if (!testFileOf(context).hasTests) return null;
    this.readModel();
    const { tests, candidates, mocked, throwawayKinds, hasContainer } = this;
    for (let index = 0; index < tests.length; index++) {
      const test = tests[index] as TestCall;
      (test.kind === 'describe' ? this.suiteIndex : this.testIndex).set(test.node, index);
    }

    const unitsOfWork = new Set<string>();
    // Builders the file renders (`qb.compile()`): what is built on them is looked at, not run.
    const rendered = new Set<string>();
    for (const { node, facts } of candidates) {
      if (commitsUnitOfWork(facts)) unitsOfWork.add(rootName(node));
      if (buildsOnly(facts)) rendered.add(rootName(node));
    }
    const writes: FoundWrite[] = [];
    const placedWrites: PlacedWrite[] = [];
    // What a write in a test stores matters only beside a delete in a test: worked out then.
    const writtenInTests: Array<{ index: number; node: WritingCall; text: string | undefined }> = [];
    const cleanups: PlacedCleanup[] = [];
    let unseenHooks = false;

    // Writes first: a file that writes nothing needs no cleanup, and what it cleans is not read.
    const removals: Array<{ node: WritingCall; facts: CallFacts; role: CallRole | null; removingText: boolean; reset: boolean; inTestOnly?: boolean }> = [];
    for (const { node, facts, role } of candidates) {
      const schemaWork = schemaWorkOf(facts);
      // SQL that removes rows, wherever it is sent from (a shell command through zx's `$` included).
      const removingText = schemaWork === null && !isWrite(role) && (removesData(fullText(node)) || removesThroughSql(context, node, facts));
      if (schemaWork === 'reset' || role === 'cleanup' || role === 'stop' || removingText) {
        removals.push({ node, facts, role, removingText, reset: schemaWork === 'reset' });
        continue;
      }
      // The code under test deleting what the test wrote (`projectDeleteProcessor({ projectId })`): it
      // counts in the test that calls it, for the writes whose keys it is handed.
      if (role === null && facts.segments.length === 1 && namesDeletingFunction(facts.segments[0] as string)) {
        removals.push({ node, facts, role: 'cleanup', removingText: false, reset: false, inTestOnly: true });
        continue;
      }
      if (schemaWork === 'build') continue;
      const committing = commitsUnitOfWork(facts);
      if (!committing && !isWrite(role)) continue;
      if (!committing && stagesOnly(facts) && unitsOfWork.has(rootName(node))) continue;
      if (buildsOnly(facts) || isKeptUnrun(node) || (rendered.has(rootName(node)) && node.parent.type !== AST_NODE_TYPES.AwaitExpression)) continue;
      if (isExpectedToFail(node) || isConnectionless(context, node) || writesIntoStoreOfTest(context, node)) continue;
      if (isStaticFactory(context, node, facts) || isLocalHelperWithoutWrites(context, node, facts)) continue;
      const byName = committing ? 'receiver' : writeTargetOf(facts);
      // One of the file's own helpers that writes through what it is handed writes where that leads.
      const target = byName === 'named' && writesThroughItsParameters(context, node) ? 'argument' : byName;
      if (!target) continue;
      // Hooks nobody can read may clean up anything: there is nothing to say.
      if (!this.readSetup()) return { facts: { writes: [], cleanups: [], throwawayKinds, unseenHooks: true }, writes: [], tests, hasContainer };
      const traced = traceWrite(context, node, target);
      const write = writeOf({
        target,
        boundary: traced.boundary && { kind: traced.boundary.kind, role: traced.boundary.role },
        mocked: isMockedWrite(context, traced, mocked) || isAnsweredByHttpFake(context, traced),
        verbKind: writeVerbKind(facts),
      });
      if (!write) continue;
      const place = this.where(node);
      const unreadHelper = target === 'argument' && isUnreadHelper(context, node);
      writes.push({ node, write, client: traced.client, call: callLabel(facts), unreadHelper });
      if (place.write === 'test') writtenInTests.push({ index: placedWrites.length, node, text: facts.text });
      placedWrites.push({ write, place: place.write, test: place.test, suites: place.suites, at: node.range[0], subject: null });
    }
    // Only a write in a test or a per-test hook can be reported.
    if (!placedWrites.some(isPerTest)) return { facts: { writes: placedWrites, cleanups, throwawayKinds, unseenHooks }, writes, tests, hasContainer };
    // A DELETE request to the app may remove what the tests wrote, through code the test file does not show.
    if (sendsDeleteToApp(context, testFileOf(context).calls)) return { facts: { writes: [], cleanups: [], throwawayKinds, unseenHooks: true }, writes: [], tests, hasContainer };

    for (const source of [...this.elsewhere, ...this.fromSetup]) {
      const { node } = source;
      const hooks = hooksOf(context, source);
      if (hooks === 'unknown' && source.forExports) continue;
      if (hooks === 'unknown' || hooks.some((hook) => hook.effects.includes('unknown'))) unseenHooks = true;
      else for (const hook of hooks) cleanups.push(...hookCleanups(hook, this.where(node).suite));
    }
    for (const { node, facts, role, removingText, reset, inTestOnly } of removals) {
      if (inTestOnly) {
        const placed = this.placeCleanup(node, { kind: null });
        const subject = placed.place === 'test' ? subjectOf(context, node, facts.text, false) : null;
        if (subject) cleanups.push({ ...placed, subject });
        continue;
      }
      const cleanup = cleanupOf({
        role: role === 'stop' ? 'stop' : 'cleanup',
        boundary: boundaryFact(context, receiverOf(node)),
        container: role === 'stop' ? containerOfReceiver(context, node) : null,
        fromUnrelatedPackage: !removingText && isFromUnrelatedPackage(context, node) && !handsBoundary(context, node),
      });
      if (!cleanup) continue;
      // Stopping the throwaway container a test writes to takes its data with it, wherever the test stops it.
      const placed = this.placeCleanup(node, cleanup, undefined, reset || role === 'stop' || emptiesWholeStore(facts, cleanup.kind) || dropsStoreMadeInTest(context, node));
      cleanups.push(placed.place === 'test' && role === 'cleanup' ? { ...placed, subject: subjectOf(context, node, facts.text, false) } : placed);
    }
    for (const { node, kind } of this.extraCleanups) cleanups.push(this.placeCleanup(node, { kind }));
    for (const { node, kind } of this.disposedContainers) {
      // Disposed when the test's block ends; in a hook, it would be gone before the tests run.
      const placed = this.placeCleanup(node, { kind }, undefined, true);
      if (placed.place === 'test') cleanups.push(placed);
    }
    for (const test of tests) {
      if (test.kind !== 'hook') continue;
      for (const cleanup of namedHookCleanups(context, test)) cleanups.push(this.placeCleanup(test.node, cleanup, test));
    }
    if (cleanups.some((cleanup) => cleanup.place === 'test' && cleanup.subject)) {
      for (const { index, node, text } of writtenInTests) placedWrites[index] = { ...(placedWrites[index] as PlacedWrite), subject: subjectOf(context, node, text, true) };
    }
    return { facts: { writes: placedWrites, cleanups, throwawayKinds, unseenHooks }, writes, tests, hasContainer };
  }

  private placeCleanup(node: TSESTree.Node, cleanup: { kind: string | null }, hook?: TestCall, dropsStore = false): PlacedCleanup {
    const location = this.where(node);
    const place: CleanupPlace = hook ? hookPlace(hook.name) : cleanupPlaceOf(this.context, node, location.hook);
    const suite = hook ? this.where(hook.node).suite : location.suite;
    return { cleanup, place, test: place === 'test' ? location.test : null, suite, at: node.range[0], dropsStore };
  }
}

/** Whether a call's value is held by a `using` or `await using` declaration, which disposes of it when its block ends. */
function isDisposedValue(node: TSESTree.CallExpression): boolean {
  const parent = node.parent.type === AST_NODE_TYPES.AwaitExpression ? node.parent.parent : node.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init === null || unwrap(parent.init) !== node) return false;
  const declaration = parent.parent;
  return declaration.kind === 'using' || declaration.kind === 'await using';
}

/**
 * Where hooks may be registered that this file cannot see: a module the file loads, a wrapper
 * around tests, or a call at suite level. Read only once the file is known to write.
 */
interface HookSource {
  readonly node: TSESTree.Node;
  readonly loaded?: string;
  /** The module is loaded for what it exports, not for its side effects alone. */
  readonly forExports?: boolean;
  readonly wrapper?: TestCall;
  readonly call?: TSESTree.CallExpression;
}

function hooksOf(context: Context, source: HookSource): HooksFromElsewhere {
  if (source.loaded !== undefined) return hooksOnLoad(context, source.loaded);
  if (source.wrapper) return hooksOfWrappers(context, source.wrapper);
  return source.call ? hooksOfSuiteLevelCall(context, source.call) : [];
}

/** `import { type User, type Order } from './models'`: erased when compiled, so the module is not loaded. */
function importsTypesOnly(node: TSESTree.ImportDeclaration): boolean {
  return node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type');
}

/** Calls and tagged templates in the order the file is written, an enclosing one first. */
function bySourceOrder(a: Candidate, b: Candidate): number {
  return a.node.range[0] - b.node.range[0] || b.node.range[1] - a.node.range[1];
}

function isPerTest(write: PlacedWrite): boolean {
  return write.place !== 'once';
}

function containerOfReceiver(context: Context, node: WritingCall): { kind: string | null } | null {
  const receiver = receiverOf(node);
  const container = receiver ? containerOfValue(context, receiver) : null;
  return container && { kind: container.kind };
}

/** The name a chain starts from (`orm` in `orm.em.flush()`), to tie staging to the flush that writes it. */
function rootName(node: WritingCall): string {
  const root = callChain(node)?.root;
  return root?.type === AST_NODE_TYPES.Identifier ? root.name : '';
}

interface Location {
  readonly write: WritePlace;
  readonly test: number | null;
  readonly suites: readonly number[];
  /** The innermost suite around the node, `null` at module level. */
  readonly suite: number | null;
  readonly hook: TestCall | null;
}

function locate(
  context: Context,
  node: TSESTree.Node,
  testIndex: ReadonlyMap<TSESTree.CallExpression, number>,
  suiteIndex: ReadonlyMap<TSESTree.CallExpression, number>,
): Location {
  const inner = testPlaceOf(context, node);
  const suites: number[] = [];
  for (let place = inner; place.call; place = testPlaceOf(context, place.call.node)) {
    const suite = suiteIndex.get(place.call.node);
    if (suite !== undefined) suites.push(suite);
  }
  const call = inner.call;
  const hook = inner.kind === 'hook' ? call : null;
  const write: WritePlace = inner.kind === 'test' ? 'test' : hook?.name === 'beforeEach' ? 'before-each' : 'once';
  return { write, test: call && inner.kind === 'test' ? (testIndex.get(call.node) ?? null) : null, suites, suite: suites[0] ?? null, hook };
}

function hookPlace(name: string): CleanupPlace {
  return name === 'beforeEach' ? 'before-each' : name === 'beforeAll' ? 'before-all' : 'elsewhere';
}

const CLEANING_EFFECTS: ReadonlySet<string> = new Set(['reset', 'truncate', 'delete', 'drop', 'rollback']);

/** The cleanup a hook registered elsewhere does, as its module's summary tells it. */
function hookCleanups(hook: HookSummary, suite: number | null): PlacedCleanup[] {
  if (!hook.effects.some((effect) => CLEANING_EFFECTS.has(effect))) return [];
  return [{ cleanup: { kind: null }, place: hookPlace(hook.kind), test: null, suite, at: -1 }];
}


/**
 * `helpers.truncateAll()` on a project module taken whole (`import * as helpers`, `require('./helpers')`,
 * or a namespace another module exports: `import { helpers } from '@app/shared'` over
 * `export * as helpers from './helpers'`): a function of that module, named like one called bare
 * (`truncateAll()`), so its name says what it does.
 */
function roleOfModuleFunction(context: Context, node: TSESTree.CallExpression, facts: CallFacts): CallRole | null {
  const [module, name] = facts.segments;
  if (facts.segments.length !== 2 || name === undefined) return null;
  // The name first: most calls (`expect(x).toBe(y)`) say nothing by it, and need no module looked up.
  const role = classifyCall({ ...facts, segments: [name] });
  const root = role === null ? null : callChain(node)?.root;
  if (root?.type !== AST_NODE_TYPES.Identifier || root.name !== module) return null;
  const resolution = resolveName(context, root);
  if (resolution.type !== 'module') return null;
  const { source, imported } = resolution.binding;
  const whole = imported === '*' || imported === 'default' ? !isPackageOrBuiltin(context, source) : isNamespaceExport(exportOfSpecifier(context, source, imported));
  return whole ? role : null;
}

function isNamespaceExport(exported: ExportSummary | 'unknown' | null): boolean {
  return exported !== null && exported !== 'unknown' && exported.namespace === true;
}

/** Whether a tagged template is an argument of a call or a value inside another template. */
function isHandedOn(node: TSESTree.TaggedTemplateExpression): boolean {
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) return parent.callee !== node;
  return parent.type === AST_NODE_TYPES.TemplateLiteral;
}
