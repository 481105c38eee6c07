import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { chainRootOf, staticString, unwrap } from './call-chain';
import { fileCache } from './file-cache';
import type { HttpFakeFact } from '../core/http-fakes';
import { httpFakesOf } from './http-fakes';
import { moduleLoadOf, moduleLoadOfImport, resolveName, type ModuleLoad } from './imports';
import { parseMockCall, type MockCall } from './mocks';
import { parseTestCall, type TestCall } from './test-calls';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The model of one test file that the rules read instead of walking the tree for the same things
 * each: what the file loads, its calls and constructions, its suites, tests and hooks, and its
 * mocking calls, all in source order.
 *
 * It is gathered once per file during ESLint's own traversal: `createRule` adds {@link modelListeners}
 * to the first rule created for a file, so the listeners run once however many rules are on. Rules
 * read it with {@link testFileOf} in `Program:exit`, when every node has been seen. Tests and
 * mocking calls are recognised on first use (and cached per node), so a file no rule asks about
 * pays only for the lists.
 */
export interface TestFile {
  /**
   * Every module the file loads: `import` declarations (type-only ones flagged), `import x =
   * require()`, `export … from`, `require()` and `import()` with a static specifier.
   */
  readonly loads: readonly ModuleLoad[];
  /**
   * Every call expression, in source order, but assertions: a chain that starts from `expect` or
   * `assert` (`expect(rows).toHaveLength(1)`, `assert.equal(…)`), unless the file declares that name
   * itself. An assertion reaches no boundary, registers no test and mocks nothing; what it is handed
   * (`expect(await repo.save(order))`) is a call of its own, and listed. A quarter to a third of the
   * calls of a test file are assertions, and every rule reads this list call by call.
   */
  readonly calls: readonly TSESTree.CallExpression[];
  /** Every `new` expression, in source order. */
  readonly constructions: readonly TSESTree.NewExpression[];
  /** Every assignment to a member (`global.fetch = …`, `sent.length = 0`), in source order. */
  readonly memberAssignments: readonly TSESTree.AssignmentExpression[];
  /** Calls and constructions together, in the order the traversal meets them. */
  readonly callsAndConstructions: ReadonlyArray<TSESTree.CallExpression | TSESTree.NewExpression>;
  /** Suites, tests and hooks, in source order. */
  readonly tests: readonly TestCall[];
  /** Whether the file has at least one test (shared setup and helper files have none). */
  readonly hasTests: boolean;
  /** Calls that mock a module, a member or a global, in source order. */
  readonly mocks: readonly MockCall[];
  /** The HTTP fakes the file sets up, with the hosts each covers. */
  readonly httpFakes: readonly HttpFakeFact[];
}

interface Gathered {
  /** The context of the rule that gathers the model; every rule's context on a file answers the same. */
  readonly context: Context;
  readonly loads: ModuleLoad[];
  readonly calls: TSESTree.CallExpression[];
  readonly constructions: TSESTree.NewExpression[];
  readonly memberAssignments: TSESTree.AssignmentExpression[];
  tests: readonly TestCall[] | null;
  mocks: readonly MockCall[] | null;
  httpFakes: readonly HttpFakeFact[] | null;
  callsAndConstructions: ReadonlyArray<TSESTree.CallExpression | TSESTree.NewExpression> | null;
  /** The model handed to rules, made on first read: every rule on the file reads the same one. */
  model: TestFile | null;
}

const models = fileCache<object, Gathered>();

/**
 * The listeners that gather the model of the file `context` lints, or `null` when another rule's
 * listeners already gather it.
 */
export function modelListeners(context: Context): TSESLint.RuleListener | null {
  if (models.has(context.sourceCode)) return null;
  const gathered = emptyModel(context);
  models.set(context.sourceCode, gathered);
  return gatheringListeners(gathered);
}

/** The model of the file `context` lints; read it in `Program:exit`. */
export function testFileOf(context: Context): TestFile {
  let gathered = models.get(context.sourceCode);
  if (!gathered) {
    // No rule made by `createRule` saw this file's traversal: walk the tree once instead.
    gathered = emptyModel(context);
    walk(context.sourceCode.ast, context.sourceCode.visitorKeys, gatheringListeners(gathered) as Record<string, (node: TSESTree.Node) => void>);
    models.set(context.sourceCode, gathered);
  }
  return (gathered.model ??= modelOf(gathered));
}

function emptyModel(context: Context): Gathered {
  return { context, loads: [], calls: [], constructions: [], memberAssignments: [], tests: null, mocks: null, httpFakes: null, callsAndConstructions: null, model: null };
}

function modelOf(gathered: Gathered): TestFile {
  return new GatheredModel(gathered);
}

/**
 * The model over what was gathered: a class, so its getters are not closures made per file (see "Work
 * lives in module-level functions" in `docs/architecture.md`).
 */
class GatheredModel implements TestFile {
  readonly loads: readonly ModuleLoad[];
  readonly calls: readonly TSESTree.CallExpression[];
  readonly constructions: readonly TSESTree.NewExpression[];
  readonly memberAssignments: readonly TSESTree.AssignmentExpression[];

  constructor(private readonly gathered: Gathered) {
    this.loads = gathered.loads;
    this.calls = gathered.calls;
    this.constructions = gathered.constructions;
    this.memberAssignments = gathered.memberAssignments;
  }

  get callsAndConstructions(): ReadonlyArray<TSESTree.CallExpression | TSESTree.NewExpression> {
    const gathered = this.gathered;
    // Both lists are in traversal order; a stable sort by start keeps a call ahead of a
    // construction it starts with (`new Client().connect()`), as the traversal meets them.
    return (gathered.callsAndConstructions ??= [...gathered.calls, ...gathered.constructions].sort(byStart));
  }

  get tests(): readonly TestCall[] {
    return (this.gathered.tests ??= recognised(this.gathered, parseTestCall));
  }

  get hasTests(): boolean {
    return this.tests.some(isTest);
  }

  get mocks(): readonly MockCall[] {
    return (this.gathered.mocks ??= recognised(this.gathered, parseMockCall));
  }

  get httpFakes(): readonly HttpFakeFact[] {
    return (this.gathered.httpFakes ??= httpFakesOf(this.gathered.context, this));
  }
}

/** The calls a recogniser knows, in source order, as what it makes of them. */
function recognised<Recognised>(gathered: Gathered, recognise: (context: Context, call: TSESTree.CallExpression) => Recognised | null): Recognised[] {
  const found: Recognised[] = [];
  for (const call of gathered.calls) {
    const recognisedCall = recognise(gathered.context, call);
    if (recognisedCall) found.push(recognisedCall);
  }
  return found;
}

function byStart(a: TSESTree.Node, b: TSESTree.Node): number {
  return a.range[0] - b.range[0];
}

function isTest(call: TestCall): boolean {
  return call.kind === 'test';
}

/** The listeners that fill `gathered`: module-level functions bound to it, not closures made per file. */
function gatheringListeners(gathered: Gathered): TSESLint.RuleListener {
  return {
    ImportDeclaration: gatherImport.bind(null, gathered),
    TSImportEqualsDeclaration: gatherImportEquals.bind(null, gathered),
    ExportNamedDeclaration: gatherExportNamed.bind(null, gathered),
    ExportAllDeclaration: gatherExportAll.bind(null, gathered),
    ImportExpression: gatherImportExpression.bind(null, gathered),
    CallExpression: gatherCall.bind(null, gathered),
    NewExpression: gatherConstruction.bind(null, gathered),
    AssignmentExpression: gatherAssignment.bind(null, gathered),
  };
}

function gatherImport(gathered: Gathered, node: TSESTree.ImportDeclaration): void {
  gathered.loads.push(moduleLoadOfImport(node));
}

function gatherImportEquals(gathered: Gathered, node: TSESTree.TSImportEqualsDeclaration): void {
  const reference = node.moduleReference;
  const source = reference.type === AST_NODE_TYPES.TSExternalModuleReference ? staticString(reference.expression) : null;
  if (source !== null) gathered.loads.push({ source, node, typeOnly: node.importKind === 'type' });
}

function gatherExportNamed(gathered: Gathered, node: TSESTree.ExportNamedDeclaration): void {
  if (node.source) gathered.loads.push({ source: node.source.value, node, typeOnly: node.exportKind === 'type' });
}

function gatherExportAll(gathered: Gathered, node: TSESTree.ExportAllDeclaration): void {
  gathered.loads.push({ source: node.source.value, node, typeOnly: node.exportKind === 'type' });
}

function gatherImportExpression(gathered: Gathered, node: TSESTree.ImportExpression): void {
  const load = moduleLoadOf(node);
  if (load) gathered.loads.push(load);
}

function gatherCall(gathered: Gathered, node: TSESTree.CallExpression): void {
  const load = moduleLoadOf(node);
  if (load) gathered.loads.push(load);
  if (!isAssertion(gathered.context, node)) gathered.calls.push(node);
}

/** The names an assertion chain starts from, as test frameworks and assertion libraries provide them. */
const ASSERTION_ROOTS: ReadonlySet<string> = new Set(['expect', 'assert']);

/**
 * `expect(x).toBe(y)`, `expect(x)`, `expect.objectContaining({…})`, `assert(ok)`, `assert.deepEqual(a, b)`:
 * a call whose callee chain starts from `expect` or `assert`, a global or imported one. A function the
 * file declares under that name may do anything, and stays a call like any other.
 */
function isAssertion(context: Context, node: TSESTree.CallExpression): boolean {
  const root = chainRootOf(node.callee);
  return root !== null && ASSERTION_ROOTS.has(root.name) && resolveName(context, root).type !== 'local';
}

function gatherConstruction(gathered: Gathered, node: TSESTree.NewExpression): void {
  gathered.constructions.push(node);
}

function gatherAssignment(gathered: Gathered, node: TSESTree.AssignmentExpression): void {
  if (unwrap(node.left).type === AST_NODE_TYPES.MemberExpression) gathered.memberAssignments.push(node);
}

/** Calls `listeners[node.type]` on every node, parents before children, in source order. */
function walk(node: TSESTree.Node, keys: Readonly<Record<string, readonly string[] | undefined>>, listeners: Record<string, (node: TSESTree.Node) => void>): void {
  listeners[node.type]?.(node);
  for (const key of keys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item === 'object' && 'type' in item) walk(item as TSESTree.Node, keys, listeners);
    } else if (child && typeof child === 'object' && 'type' in child) {
      walk(child as TSESTree.Node, keys, listeners);
    }
  }
}

/** Listeners of two sources on one object: where both listen to a node, both run, `first` first. */
export function mergeListeners(first: TSESLint.RuleListener, second: TSESLint.RuleListener): TSESLint.RuleListener {
  const merged: Record<string, unknown> = { ...first };
  for (const selector in second) {
    const listener = (second as Record<string, unknown>)[selector];
    if (typeof listener !== 'function') continue;
    const earlier = merged[selector];
    merged[selector] =
      typeof earlier === 'function'
        ? (node: TSESTree.Node) => {
            (earlier as (node: TSESTree.Node) => void)(node);
            (listener as (node: TSESTree.Node) => void)(node);
          }
        : listener;
  }
  return merged as TSESLint.RuleListener;
}
