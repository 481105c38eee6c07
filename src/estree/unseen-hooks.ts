import path from 'node:path';
import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { HookSummary } from '../core/module-summary';
import { callChain } from './call-chain';
import { fileCache } from './file-cache';
import { resolveName } from './imports';
import { moduleKeyOf, summaryOfSpecifier } from './project-modules';
import { runnerSetupOf } from './runner-setup';
import { parseTestCall, type TestCall } from './test-calls';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Callback = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/**
 * Hooks a file gets from code it cannot see into: `unknown` when they could do anything, else the
 * hooks a project module's summary says it registers.
 */
export type HooksFromElsewhere = 'unknown' | readonly HookSummary[];

const NONE: HooksFromElsewhere = [];

/**
 * Hooks registered by loading a module, for its side effects or its exports (`import './support'`,
 * `require('./setup')`): read from the project module's summary; a package registers none the rule
 * knows of.
 */
export function hooksOnLoad(context: Context, source: string): HooksFromElsewhere {
  const summary = summaryOfSpecifier(context, source);
  if (summary === null) return NONE;
  return summary === 'unknown' ? 'unknown' : summary.hooksOnImport;
}

/**
 * The modules a project module mocks at its top level, as keys ({@link moduleKeyOf}) resolved from
 * that module's own file: what a runner setup file mocks for every test file.
 */
/** A setup module as a specifier the test file could import it by: `../setup` for a project file. */
export function specifierFrom(filename: string, module: string): string {
  if (!path.isAbsolute(module)) return module;
  const relative = path.relative(path.dirname(filename), module).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

const setupMocks = fileCache<object, ReadonlySet<string> | 'unknown'>();

/**
 * The modules the runner's setup files mock for every test file (by the key `moduleKeyOf` gives);
 * `unknown` when the runner's config cannot be read.
 */
export function mocksOfRunnerSetup(context: Context): ReadonlySet<string> | 'unknown' {
  let mocked = setupMocks.get(context.sourceCode);
  if (mocked === undefined) {
    const setup = runnerSetupOf(context.filename);
    mocked = setup === 'unknown' ? 'unknown' : new Set(setup.modules.flatMap((module) => mocksOnLoad(context, specifierFrom(context.filename, module))));
    setupMocks.set(context.sourceCode, mocked);
  }
  return mocked;
}

export function mocksOnLoad(context: Context, source: string): string[] {
  const summary = summaryOfSpecifier(context, source);
  if (summary === null || summary === 'unknown') return [];
  return (summary.mocksOnImport ?? []).map((specifier) => moduleKeyOf(context, specifier, summary.identity.file));
}

/**
 * Hooks a call made while the suite is being collected may register: a project helper called at
 * module or suite level (`setupTestDb()`, `const ctx = useDatabase()`), read from its module's
 * summary. Calls inside tests, hooks and functions run too late to register hooks; packages and
 * the file's own functions are left alone (the file's own hooks are seen where they are written).
 */
export function hooksOfSuiteLevelCall(context: Context, node: TSESTree.CallExpression): HooksFromElsewhere {
  const hooks = hooksOfCallee(context, node, false);
  // Where the call stands is asked only of the few calls to project helpers.
  return hooks !== NONE && runsWhileCollecting(context, node) ? hooks : NONE;
}

/**
 * Hooks a suite wrapper may register around the tests it is handed: `runner({ testSuite: () => {…} })`,
 * `withDatabase(() => { it(…) })`. Any wrapper from a module, project or package, counts: the rule
 * cannot see what it does before and after the tests. The file's own wrappers are seen directly.
 */
export function hooksOfWrappers(context: Context, test: TestCall): HooksFromElsewhere {
  const hooks: HookSummary[] = [];
  for (let wrapper = wrapperAround(context, test.node); wrapper; wrapper = wrapperAround(context, wrapper)) {
    const found = hooksOfCallee(context, wrapper, true);
    if (found === 'unknown') return 'unknown';
    hooks.push(...found);
  }
  return hooks;
}

function hooksOfCallee(context: Context, node: TSESTree.CallExpression, packagesUnknown: boolean): HooksFromElsewhere {
  const chain = callChain(node);
  const root = chain?.root;
  // `[…].forEach(…)`, `this.run(…)`: the file's own values.
  if (!chain || root?.type !== AST_NODE_TYPES.Identifier) return NONE;
  const resolution = resolveName(context, root);
  if (resolution.type === 'local') return NONE;
  // A bare global function may come from a setup file; a method of a global (`Object.entries(…)`) does not.
  if (resolution.type === 'global') return packagesUnknown && chain.segments.length === 1 ? 'unknown' : NONE;
  const { source, imported, typeOnly } = resolution.binding;
  if (typeOnly) return NONE;
  const summary = summaryOfSpecifier(context, source);
  if (summary === null) return packagesUnknown ? 'unknown' : NONE;
  if (summary === 'unknown') return 'unknown';
  const name = imported === '*' ? chain?.segments[1] : imported;
  const exported = name === undefined ? undefined : summary.exports.get(name);
  return exported ? exported.registersHooks : 'unknown';
}

/** Whether a call runs while the file's suites are collected: at module level or directly in a suite body. */
function runsWhileCollecting(context: Context, node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.Program) return true;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return false;
    if (isFunction(current)) {
      const call = current.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && parseTestCall(context, call)?.kind === 'describe';
    }
  }
  return false;
}

/**
 * The call a test or suite is handed to inside a function: the `runner(…)` in
 * `runner({ testSuite: () => { it(…) } })`, not a `describe` (the framework's own).
 */
function wrapperAround(context: Context, node: Node): TSESTree.CallExpression | null {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const call = callHandedTo(current);
    if (!call) return null;
    const test = parseTestCall(context, call);
    if (test) {
      if (test.kind === 'describe') continue;
      return null;
    }
    return call;
  }
  return null;
}

/** The call a function is an argument of, directly or as a property of an object argument. */
function callHandedTo(fn: Callback | TSESTree.FunctionDeclaration): TSESTree.CallExpression | null {
  let child: Node = fn;
  let parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === child) {
    child = parent.parent;
    parent = child.parent;
  }
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(child as TSESTree.CallExpressionArgument) ? parent : null;
}

function isFunction(node: Node): node is Callback {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}
