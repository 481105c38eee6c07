import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getSettings, type AliasTarget } from '../settings';
import { propertyKeyName, propertyName, unwrap } from './call-chain';
import { moduleLoadOf, resolveName } from './imports';
import { fileCache } from './file-cache';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type TestFramework = 'jest' | 'vitest' | 'mocha' | 'node:test' | 'jasmine' | 'bun' | 'lab' | 'ava' | 'global';
export type HookName = 'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll';

/** A recognised call to a test-framework function. */
export interface TestCall {
  readonly kind: 'describe' | 'test' | 'hook';
  /** The canonical name: `describe`, `test`, or the hook (`before` is `beforeAll`, `setup` is `beforeEach`). */
  readonly name: AliasTarget;
  /** The name as written at the head of the chain (`it`, `before`, `scenario`). */
  readonly writtenName: string;
  readonly hook: { readonly when: 'before' | 'after'; readonly scope: 'each' | 'all' } | null;
  /** Modifiers along the chain, in order: `only`, `skip`, `each`, `concurrent`, … */
  readonly modifiers: readonly string[];
  readonly framework: TestFramework;
  /** The function holding the body of the suite, test or hook, if it is written inline. */
  readonly callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | null;
  /** The identifier at the head of the chain. */
  readonly head: TSESTree.Identifier;
  readonly node: TSESTree.CallExpression;
}

/** Names every framework exposes as globals or exports, mapped to their canonical meaning. */
const CANONICAL: Readonly<Record<string, AliasTarget>> = {
  describe: 'describe',
  fdescribe: 'describe',
  xdescribe: 'describe',
  context: 'describe',
  xcontext: 'describe',
  suite: 'describe',
  it: 'test',
  fit: 'test',
  xit: 'test',
  test: 'test',
  xtest: 'test',
  specify: 'test',
  xspecify: 'test',
  beforeAll: 'beforeAll',
  before: 'beforeAll',
  suiteSetup: 'beforeAll',
  beforeEach: 'beforeEach',
  setup: 'beforeEach',
  afterEach: 'afterEach',
  teardown: 'afterEach',
  afterAll: 'afterAll',
  after: 'afterAll',
  suiteTeardown: 'afterAll',
};

/** Which names each framework exports, for imports such as `import { it } from 'vitest'`. */
const MODULE_EXPORTS: Readonly<Record<string, { framework: TestFramework; names: ReadonlySet<string> }>> = {
  vitest: { framework: 'vitest', names: new Set(['describe', 'suite', 'it', 'test', 'beforeAll', 'beforeEach', 'afterEach', 'afterAll']) },
  '@jest/globals': { framework: 'jest', names: new Set(['describe', 'fdescribe', 'xdescribe', 'it', 'fit', 'xit', 'test', 'xtest', 'beforeAll', 'beforeEach', 'afterEach', 'afterAll']) },
  mocha: { framework: 'mocha', names: new Set(['describe', 'context', 'suite', 'it', 'specify', 'test', 'before', 'after', 'beforeEach', 'afterEach', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown', 'xdescribe', 'xit', 'xcontext', 'xspecify']) },
  'node:test': { framework: 'node:test', names: new Set(['describe', 'suite', 'it', 'test', 'before', 'after', 'beforeEach', 'afterEach']) },
  'bun:test': { framework: 'bun', names: new Set(['describe', 'it', 'test', 'beforeAll', 'beforeEach', 'afterEach', 'afterAll']) },
};
/** `import test from 'node:test'` gives the `test` function, with the others as its properties. */
const DEFAULT_EXPORTS: Readonly<Record<string, string>> = { 'node:test': 'test', test: 'test' };

const HOOKS: Readonly<Record<HookName, { when: 'before' | 'after'; scope: 'each' | 'all' }>> = {
  beforeAll: { when: 'before', scope: 'all' },
  beforeEach: { when: 'before', scope: 'each' },
  afterEach: { when: 'after', scope: 'each' },
  afterAll: { when: 'after', scope: 'all' },
};

/** Modifiers that return a function taking the usual arguments: `it.each(table)(name, fn)`. */
const CALLED_MODIFIERS: ReadonlySet<string> = new Set(['each', 'for', 'skipIf', 'runIf', 'failing']);
const MODIFIERS: ReadonlySet<string> = new Set([
  'only', 'skip', 'todo', 'concurrent', 'sequential', 'shuffle', 'fails', 'failing', 'each', 'for', 'skipIf', 'runIf', 'extend',
  // AVA: `test.serial(…)`, `test.after.always(…)`.
  'serial', 'always',
]);

interface Head {
  readonly identifier: TSESTree.Identifier;
  readonly members: readonly string[];
}

const NO_MEMBERS: readonly string[] = [];

/**
 * Walks a callee down to its head identifier: `it.only.each(t)` → `it`, `[only, each]`. With
 * `accept`, gives up at the first member it rejects (most calls are not test calls at all).
 */
function headOf(callee: Node, accept?: (member: string) => boolean): Head | null {
  let members: string[] | null = null;
  let current = unwrap(callee);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return { identifier: current, members: members ? members.reverse() : NO_MEMBERS };
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(current);
      if (name === null || (accept && !accept(name))) return null;
      (members ??= []).push(name);
      current = unwrap(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      // `it.each(table)` and `test.skipIf(cond)` are called before the test itself.
      const inner = unwrap(current.callee);
      const name = inner.type === AST_NODE_TYPES.MemberExpression ? propertyName(inner) : null;
      if (name === null || !CALLED_MODIFIERS.has(name)) return null;
      current = inner;
    } else if (current.type === AST_NODE_TYPES.TaggedTemplateExpression) {
      current = unwrap(current.tag);
    } else {
      return null;
    }
  }
}

/** What a head identifier is: the canonical name and framework, or `null` when it is not a test function. */
function identify(context: Context, identifier: TSESTree.Identifier, members: readonly string[]): { name: AliasTarget; framework: TestFramework; members: readonly string[] } | null {
  const resolution = resolveName(context, identifier);
  if (resolution.type === 'global') {
    const alias = getSettings(context.settings).aliases.get(identifier.name);
    const name = alias ?? CANONICAL[identifier.name];
    return name ? { name, framework: 'global', members } : null;
  }
  if (resolution.type === 'module') {
    const { source, imported } = resolution.binding;
    if (source === 'ava') return imported === 'default' ? avaFunction(members) : null;
    const normalized = source === 'test' ? 'node:test' : source;
    const defaultName = DEFAULT_EXPORTS[source];
    if ((imported === 'default' || imported === '*') && defaultName) {
      // `test.describe(…)` on the default export of node:test.
      const [first, ...rest] = members;
      if (first && MODULE_EXPORTS['node:test']?.names.has(first)) {
        const name = CANONICAL[first];
        return name ? { name, framework: 'node:test', members: rest } : null;
      }
      return { name: 'test', framework: 'node:test', members };
    }
    const exports = MODULE_EXPORTS[normalized];
    if (exports && exports.names.has(imported)) {
      const name = CANONICAL[imported];
      return name ? { name, framework: exports.framework, members } : null;
    }
    return null;
  }
  const scripted = labFunctionOf(context, resolution.variable);
  if (scripted) return { name: scripted, framework: 'lab', members };
  // `const test = anyTest as TestFn<Context>`: a constant holding a framework's function, given a type.
  const renamed = renamedImportOf(context, resolution.variable);
  const imported = renamed && identify(context, renamed, members);
  if (imported) return imported;
  // A local binding is a test function when it was made from one with `.extend(…)`, or when it
  // takes the name of one for a variant the file cannot see into (`const describe = helpers.describeWithDb`).
  const extended = extendedTestOf(context, resolution.variable);
  if (extended) return { name: 'test', framework: extended, members };
  const chosen = chosenTestFunctionOf(context, resolution.variable);
  if (chosen) return { name: chosen.name, framework: chosen.framework, members };
  return ALIASABLE.has(identifier.name) && isAliasDeclaration(resolution.variable) ? { name: CANONICAL[identifier.name] as AliasTarget, framework: 'global', members } : null;
}

/**
 * `const maybeDescribe = hasApi ? describe : describe.skip`: a constant that picks one of two variants
 * of the same test function (a suite, a test or a hook) is that function, whichever is picked.
 */
function chosenTestFunctionOf(context: Context, variable: { defs: ReadonlyArray<{ type: string; node: Node }> }): { name: AliasTarget; framework: TestFramework } | null {
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== 'Variable') return null;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if ((declarator.parent as TSESTree.VariableDeclaration | undefined)?.kind !== 'const' || !declarator.init) return null;
  const init = unwrap(declarator.init);
  if (init.type !== AST_NODE_TYPES.ConditionalExpression) return null;
  const [first, second] = [init.consequent, init.alternate].map((branch) => {
    const head = headOf(branch, isChainMember);
    // A branch that is itself a local constant is not followed: one step is enough for real suites.
    if (!head || !mayBeTestChain(head.members) || resolveName(context, head.identifier).type === 'local') return null;
    return identify(context, head.identifier, head.members);
  });
  return first && second && first.name === second.name ? { name: first.name, framework: first.framework } : null;
}

/** The modules of hapi's test runner, lab, whose `script()` hands a file its test functions. */
const LAB_MODULES: ReadonlySet<string> = new Set(['@hapi/lab', 'lab']);
/** What lab's script calls its functions, by their canonical meaning. */
const LAB_NAMES: Readonly<Record<string, AliasTarget>> = {
  describe: 'describe',
  experiment: 'describe',
  suite: 'describe',
  it: 'test',
  test: 'test',
  before: 'beforeAll',
  beforeEach: 'beforeEach',
  afterEach: 'afterEach',
  after: 'afterAll',
};

/**
 * `const { describe, it, before } = exports.lab = Lab.script()`: a function destructured from lab's
 * script (with `Lab` loaded from `@hapi/lab`, or `require('@hapi/lab').script()` in place), by its
 * canonical meaning; `null` for anything else.
 */
function labFunctionOf(context: Context, variable: { defs: ReadonlyArray<{ type: string; node: Node; name?: Node }> }): AliasTarget | null {
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== 'Variable') return null;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) return null;
  const property = declarator.id.properties.find(
    (candidate): candidate is TSESTree.ObjectPatternProperty => candidate.type === AST_NODE_TYPES.Property && candidate.value === definition.name,
  );
  const key = property && !property.computed ? propertyKeyName(property.key) : null;
  const name = key !== null && Object.hasOwn(LAB_NAMES, key) ? (LAB_NAMES[key] as AliasTarget) : null;
  if (name === null) return null;
  let init = unwrap(declarator.init);
  // `exports.lab = Lab.script()`: lab finds the script on the module's exports.
  while (init.type === AST_NODE_TYPES.AssignmentExpression) init = unwrap(init.right);
  if (init.type !== AST_NODE_TYPES.CallExpression || init.arguments.length > 1) return null;
  const callee = unwrap(init.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'script') return null;
  return isLabModule(context, unwrap(callee.object)) ? name : null;
}

/** `Lab` bound to a load of lab, or `require('@hapi/lab')` itself. */
function isLabModule(context: Context, node: Node): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const load = moduleLoadOf(node);
    return load !== null && LAB_MODULES.has(load.source);
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, node);
  return resolution.type === 'module' && LAB_MODULES.has(resolution.binding.source) && (resolution.binding.imported === 'default' || resolution.binding.imported === '*' || resolution.binding.imported === 'script');
}

/** AVA's hooks, properties of its `test` function: `test.before(…)`, `test.afterEach.always(…)`. */
const AVA_HOOKS: Readonly<Record<string, HookName>> = { before: 'beforeAll', beforeEach: 'beforeEach', afterEach: 'afterEach', after: 'afterAll' };

/**
 * What a call on AVA's default export is: a hook when a hook's name follows `test` (past `serial`),
 * otherwise a test. AVA has no suites: every test and hook belongs to the file.
 */
function avaFunction(members: readonly string[]): { name: AliasTarget; framework: TestFramework; members: readonly string[] } | null {
  const index = members.findIndex((member) => member !== 'serial');
  const hook = index === -1 ? undefined : AVA_HOOKS[members[index] as string];
  if (!hook) return { name: 'test', framework: 'ava', members };
  return { name: hook, framework: 'ava', members: members.filter((_, at) => at !== index) };
}

/**
 * The identifier a constant is set to when that identifier is loaded from a module:
 * `const test = anyTest as TestFn<Context>` with `anyTest` imported from `ava`. `null` otherwise.
 */
function renamedImportOf(context: Context, variable: { defs: ReadonlyArray<{ type: string; node: Node }> }): TSESTree.Identifier | null {
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== 'Variable') return null;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if ((declarator.parent as TSESTree.VariableDeclaration | undefined)?.kind !== 'const' || !declarator.init) return null;
  const init = unwrap(declarator.init);
  return init.type === AST_NODE_TYPES.Identifier && resolveName(context, init).type === 'module' ? init : null;
}

/** Names a file gives a variant of a framework function it takes from elsewhere. */
const ALIASABLE: ReadonlySet<string> = new Set(['describe', 'suite', 'it', 'test']);

/** `const describe = helpers.describeWithDb` or `= vitest.describe.skipIf(…)`: a constant that takes a value from elsewhere, not a function written here. */
function isAliasDeclaration(variable: { defs: ReadonlyArray<{ type: string; node: Node }> }): boolean {
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== 'Variable') return false;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  const declaration = declarator.parent as TSESTree.VariableDeclaration | undefined;
  if (declaration?.kind !== 'const' || !declarator.init) return false;
  const init = unwrap(declarator.init);
  return init.type === AST_NODE_TYPES.MemberExpression || init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.Identifier;
}

/** `const myTest = test.extend({ … })`: the framework of the base test function, or `null`. */
function extendedTestOf(context: Context, variable: { defs: ReadonlyArray<{ type: string; node: Node }> }): TestFramework | null {
  const definition = variable.defs[0];
  if (!definition || definition.type !== 'Variable') return null;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (!declarator.init) return null;
  const init = unwrap(declarator.init);
  if (init.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(init.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'extend') return null;
  const head = headOf(callee.object);
  if (!head) return null;
  const base = identify(context, head.identifier, head.members);
  return base && base.name === 'test' ? base.framework : null;
}

/**
 * What {@link computeTestCall} requires of the members after the head, checked before the head is
 * resolved through scope (most calls, such as `pool.query()`, fail here): every member is a
 * modifier, except that node:test's default export may carry the function's name first
 * (`test.describe.skip`).
 */
function mayBeTestChain(members: readonly string[]): boolean {
  for (let index = 0; index < members.length; index++) {
    const member = members[index] as string;
    // A function's name first (`test.describe`), or after AVA's `serial` (`test.serial.before`).
    const first = index === 0 || (index === 1 && members[0] === 'serial');
    if (!MODIFIERS.has(member) && !(first && NODE_TEST_NAMES.has(member))) return false;
  }
  return true;
}

const NODE_TEST_NAMES = MODULE_EXPORTS['node:test']?.names ?? new Set<string>();

/** A member that may stand anywhere in a test call's chain, checked while walking it. */
function isChainMember(member: string): boolean {
  return MODIFIERS.has(member) || NODE_TEST_NAMES.has(member);
}

const cache = fileCache<TSESTree.CallExpression, TestCall | null>();

/**
 * Recognises `describe`, `it`/`test`, and hooks of Jest, Vitest, Mocha, node:test and Jasmine,
 * with modifiers (`.only`, `.skip`, `.each`, `.concurrent`), imported or global, and aliases from
 * settings. Answers are cached per node, so every rule can ask for free.
 */
export function parseTestCall(context: Context, node: TSESTree.CallExpression): TestCall | null {
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  const result = computeTestCall(context, node);
  cache.set(node, result);
  return result;
}

function computeTestCall(context: Context, node: TSESTree.CallExpression): TestCall | null {
  const chooser = unwrap(node.callee);
  if (chooser.type === AST_NODE_TYPES.ConditionalExpression) return chosenTestCall(context, node, chooser);
  const head = headOf(node.callee, isChainMember);
  if (!head || !mayBeTestChain(head.members)) return null;
  const identified = identify(context, head.identifier, head.members);
  if (!identified) return null;
  const { name, framework, members } = identified;
  if (!members.every((member) => MODIFIERS.has(member))) return null;
  // `test.extend({…})` makes a test function; it is not a test.
  if (members.includes('extend')) return null;
  // A bare `it.each(table)` is the inner call of `it.each(table)(name, fn)`.
  const callee = unwrap(node.callee);
  // `test.failing('name', fn)` (Jest, AVA) is a test: a call handed the test's function is not the inner one.
  if (callee.type === AST_NODE_TYPES.MemberExpression && CALLED_MODIFIERS.has(propertyName(callee) ?? '') && !callbackOf(node)) return null;

  const kind = name === 'describe' ? 'describe' : name === 'test' ? 'test' : 'hook';
  return {
    kind,
    name,
    writtenName: head.identifier.name,
    hook: kind === 'hook' ? HOOKS[name as HookName] : null,
    modifiers: members,
    framework,
    callback: callbackOf(node),
    head: head.identifier,
    node,
  };
}

/**
 * `(hasCluster ? describe : describe.skip)('cluster', () => {…})`: a suite or a test called through a
 * choice, made where it is called, between two variants of the same function is that function,
 * whichever is picked. Only the modifiers both variants carry are sure to apply. Hooks are not read
 * this way: an edit that renames a hook renames one name.
 */
function chosenTestCall(context: Context, node: TSESTree.CallExpression, chooser: TSESTree.ConditionalExpression): TestCall | null {
  const [first, second] = [chooser.consequent, chooser.alternate].map((branch) => {
    const head = headOf(branch, isChainMember);
    if (!head || !mayBeTestChain(head.members)) return null;
    const identified = identify(context, head.identifier, head.members);
    if (!identified || !identified.members.every((member) => MODIFIERS.has(member) && !CALLED_MODIFIERS.has(member))) return null;
    return { ...identified, head: head.identifier };
  });
  if (!first || !second || first.name !== second.name || (first.name !== 'describe' && first.name !== 'test')) return null;
  return {
    kind: first.name,
    name: first.name,
    writtenName: first.head.name,
    hook: null,
    modifiers: first.members.filter((member) => second.members.includes(member)),
    framework: first.framework,
    callback: callbackOf(node),
    head: first.head,
    node,
  };
}

function callbackOf(node: TSESTree.CallExpression): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | null {
  for (let index = node.arguments.length - 1; index >= 0; index--) {
    const argument = node.arguments[index];
    if (argument && (argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression)) {
      return argument;
    }
  }
  return null;
}

/**
 * The function a test hands to a wrapper rather than to the runner: the `async (tx) => {…}` of
 * `it('saves', withTransaction(async (tx) => {…}))`. The wrapper runs it as the test's body, around
 * whatever it does before and after. `null` for a test whose callback is written inline.
 */
export function wrappedCallbackOf(call: TestCall): Callback | null {
  if (call.callback || call.kind !== 'test') return null;
  for (let index = call.node.arguments.length - 1; index >= 0; index--) {
    const argument = call.node.arguments[index];
    const wrapper = argument && unwrap(argument);
    if (wrapper?.type !== AST_NODE_TYPES.CallExpression) continue;
    const inner = [...wrapper.arguments].reverse().find((candidate): candidate is Callback =>
      candidate.type === AST_NODE_TYPES.ArrowFunctionExpression || candidate.type === AST_NODE_TYPES.FunctionExpression,
    );
    if (inner) return inner;
  }
  return null;
}

/** Whether a call is `test.extend({...})` (Vitest fixtures); returns the fixtures object. */
export function parseTestExtend(context: Context, node: TSESTree.CallExpression): TSESTree.ObjectExpression | null {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'extend') return null;
  const head = headOf(callee.object);
  if (!head) return null;
  const base = identify(context, head.identifier, head.members);
  if (!base || base.name !== 'test') return null;
  const fixtures = node.arguments[0];
  return fixtures && fixtures.type === AST_NODE_TYPES.ObjectExpression ? fixtures : null;
}

/** Where a node sits in the structure of a test file. */
export interface TestPlace {
  /** `module` at the top level, `describe` directly in a suite body, else the innermost test or hook. */
  readonly kind: 'module' | 'describe' | 'test' | 'hook';
  /** The innermost enclosing test-framework call, if any. */
  readonly call: TestCall | null;
}

const placeCache = fileCache<Node, TestPlace>();

/**
 * The innermost suite, test or hook whose callback holds the node. Nested plain functions do not
 * change the answer: a helper called from a test is still in that test.
 */
export function testPlaceOf(context: Context, node: Node): TestPlace {
  const chain: Node[] = [];
  let current: Node | undefined = node.parent;
  let place: TestPlace = { kind: 'module', call: null };
  while (current) {
    const cached = placeCache.get(current);
    if (cached) {
      place = cached;
      break;
    }
    chain.push(current);
    if (
      (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression) &&
      current.parent?.type === AST_NODE_TYPES.CallExpression &&
      current.parent.arguments.includes(current)
    ) {
      const call = parseTestCall(context, current.parent);
      if (call && call.callback === current) {
        place = { kind: call.kind, call };
        break;
      }
    }
    current = current.parent;
  }
  for (const visited of chain) placeCache.set(visited, place);
  return place;
}

type Callback = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/**
 * The callback a running test registers to run after itself: Vitest's `onTestFinished(fn)` (imported
 * or taken from the test context) and node:test's `t.after(fn)` on the test context. `null` otherwise.
 */
export function parseTeardownRegistration(context: Context, node: TSESTree.CallExpression): Callback | null {
  const callback = callbackOf(node);
  if (!callback) return null;
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, callee);
    if (resolution.type === 'module') {
      const { source, imported } = resolution.binding;
      return source === 'vitest' && imported === 'onTestFinished' ? callback : null;
    }
    return callee.name === 'onTestFinished' && resolution.type === 'local' && isTestContextParameter(context, resolution.variable)
      ? callback
      : null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return null;
  const name = propertyName(callee);
  if (name !== 'onTestFinished' && name !== 'after') return null;
  const resolution = resolveName(context, callee.object);
  return resolution.type === 'local' && isTestContextParameter(context, resolution.variable) ? callback : null;
}

/** Whether a variable is (part of) the first parameter of a test's callback: `(t) =>`, `({ onTestFinished }) =>`. */
function isTestContextParameter(context: Context, variable: { defs: ReadonlyArray<{ type: string; node: Node }> }): boolean {
  const definition = variable.defs[0];
  if (!definition || definition.type !== 'Parameter') return false;
  const fn = definition.node;
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return false;
  if (fn.parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  const call = parseTestCall(context, fn.parent);
  return call?.kind === 'test' && call.callback === fn;
}
