import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { propertyName, staticString, unwrap } from './call-chain';
import { moduleOfExpression, resolveName, type ModuleBinding } from './imports';
import { contextAssignments, contextPropertyOf } from './context-properties';
import { fileCache } from './file-cache';
import { mayContain } from './text-gates';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What a mocking call replaces. */
export type MockTarget =
  /**
   * A whole module: `jest.mock('pg')`. `relativeTo` is the file a relative specifier resolves from when
   * it is not the linted file (proxyquire stubs resolve from the module being loaded).
   */
  | { readonly type: 'module'; readonly specifier: string; readonly node: Node; readonly relativeTo?: string }
  /** A method or property of an object: `jest.spyOn(pool, 'query')`; `method` is `null` for every method. */
  | { readonly type: 'method'; readonly object: Node; readonly method: string | null }
  /** A global: `vi.stubGlobal('fetch', …)`, `jest.spyOn(globalThis, 'fetch')`. */
  | { readonly type: 'global'; readonly name: string }
  /**
   * A double generated from a type: `mockDeep<PrismaClient>()`. `typeName` is the written type's root
   * name and `identifier` the node that names it (`PrismaClient`, `pg` in `pg.Pool`, `prisma` in `typeof prisma`).
   */
  | { readonly type: 'type'; readonly typeName: string; readonly identifier: TSESTree.Identifier; readonly node: TSESTree.TypeNode }
  /** A double generated from a class value: ts-mockito `mock(UserRepository)`, `sinon.createStubInstance(Pool)`. */
  | { readonly type: 'class'; readonly classRef: Node };

export type MockLibrary =
  | 'jest'
  | 'vitest'
  | 'node:test'
  | 'sinon'
  | 'testdouble'
  | 'proxyquire'
  | 'rewire'
  | 'mock-extended'
  | 'golevelup'
  | 'ts-mockito';

/** A recognised mocking call. */
export interface MockCall {
  /** The API as users know it: `jest.mock`, `vi.spyOn`, `sinon.stub`, `mockDeep`. */
  readonly api: string;
  readonly library: MockLibrary;
  readonly targets: readonly MockTarget[];
  /**
   * Whether the original is replaced. A spy that only observes and calls through (`vi.spyOn` with
   * no mock implementation, `sinon.spy`, node:test `mock.method` without an implementation) is not.
   */
  readonly replaces: boolean;
  /** The value put in the original's place, when the call names one: `vi.stubGlobal('fetch', value)`. */
  readonly replacement: Node | null;
  readonly node: TSESTree.CallExpression;
}

/** The names the global object goes by. */
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['global', 'globalThis', 'window', 'self']);

/** Methods on a spy that swap in another implementation. */
export const IMPLEMENTATION_METHODS: ReadonlySet<string> = new Set([
  'mockImplementation', 'mockImplementationOnce', 'mockReturnValue', 'mockReturnValueOnce',
  'mockResolvedValue', 'mockResolvedValueOnce', 'mockRejectedValue', 'mockRejectedValueOnce',
  'mockReturnThis', 'withImplementation',
  // sinon
  'returns', 'resolves', 'rejects', 'callsFake', 'throws', 'yields', 'callsArg', 'value', 'get', 'set',
]);

/** How users write each library's calls, for `MockCall.api`: `v.mock` under an alias is still `vi.mock`. */
const API_PREFIX: Readonly<Partial<Record<MockLibrary, string>>> = {
  jest: 'jest.',
  vitest: 'vi.',
  'node:test': 'mock.',
  sinon: 'sinon.',
  testdouble: 'td.',
};

/** Functions that libraries export to be called directly: `mockDeep<T>()`, `stub(obj, 'm')`. */
const DIRECT_FUNCTIONS: Readonly<Partial<Record<MockLibrary, ReadonlySet<string>>>> = {
  'mock-extended': new Set(['mock', 'mockDeep']),
  golevelup: new Set(['createMock']),
  'ts-mockito': new Set(['mock']),
  sinon: new Set(['stub', 'spy', 'replace', 'replaceGetter', 'replaceSetter', 'createStubInstance']),
  testdouble: new Set(['replace', 'replaceEsm']),
};

/** proxyquire methods that return proxyquire itself, configured: `require('proxyquire').noCallThru()`. */
const PROXYQUIRE_CONFIGURATORS: ReadonlySet<string> = new Set(['noCallThru', 'callThru', 'noPreserveCache', 'preserveCache']);

/** Keys of a proxyquire stubs object that configure proxyquire rather than name a module. */
const PROXYQUIRE_FLAGS: ReadonlySet<string> = new Set(['@noCallThru', '@global', '@runtimeGlobal']);

type Library = { library: MockLibrary; binding: ModuleBinding | null };

function libraryOfModule(source: string): MockLibrary | null {
  if (source === '@jest/globals') return 'jest';
  if (source === 'vitest') return 'vitest';
  if (source === 'node:test' || source === 'test') return 'node:test';
  if (source === 'sinon') return 'sinon';
  if (source === 'testdouble') return 'testdouble';
  if (source === 'proxyquire' || source === 'proxyquire/strict') return 'proxyquire';
  if (source === 'rewire') return 'rewire';
  if (source === 'jest-mock-extended' || source === 'vitest-mock-extended') return 'mock-extended';
  if (source.startsWith('@golevelup/ts-')) return 'golevelup';
  if (source === 'ts-mockito' || source === '@typestrong/ts-mockito') return 'ts-mockito';
  return null;
}

/** Which library a receiver identifier stands for, through its import or as a global. */
function libraryOf(context: Context, identifier: TSESTree.Identifier): Library | null {
  const resolution = resolveName(context, identifier);
  if (resolution.type === 'global') {
    if (identifier.name === 'jest') return { library: 'jest', binding: null };
    if (identifier.name === 'vi') return { library: 'vitest', binding: null };
    if (identifier.name === 'sinon') return { library: 'sinon', binding: null };
    if (identifier.name === 'td') return { library: 'testdouble', binding: null };
    return null;
  }
  if (resolution.type === 'local') {
    return derivedLibraryOf(context, resolution.variable);
  }
  const { binding } = resolution;
  const library = libraryOfModule(binding.source);
  if (library === null) return null;
  // Of the test runners, only their mocking objects count: `vi`, `jest`, node:test's `mock`.
  if (library === 'jest' && binding.imported !== 'jest') return null;
  if (library === 'vitest' && binding.imported !== 'vi') return null;
  if (library === 'node:test' && !['mock', 'test', 'default', '*'].includes(binding.imported)) return null;
  return { library, binding };
}

const derivedCache = fileCache<TSESLint.Scope.Variable, Library | null>();

/**
 * A local variable made from a library that keeps that library's behaviour: a sinon sandbox
 * (`const sandbox = sinon.createSandbox()`, also assigned in a hook) or a configured proxyquire
 * (`const proxyquire = require('proxyquire').noCallThru()`).
 */
function derivedLibraryOf(context: Context, variable: TSESLint.Scope.Variable): Library | null {
  const cached = derivedCache.get(variable);
  if (cached !== undefined) return cached;
  // Marked first, so variables made from each other cannot send the lookup round in circles.
  derivedCache.set(variable, null);
  const definition = variable.defs[0];
  if (!definition || definition.type !== 'Variable') return null;
  const values = [definition.node.init, ...variable.references.map((reference) => reference.writeExpr)];
  for (const value of values) {
    const found = value ? derivedFrom(context, value) : null;
    if (found) {
      derivedCache.set(variable, found);
      return found;
    }
  }
  return null;
}

function derivedFrom(context: Context, value: Node): Library | null {
  const init = unwrap(value);
  if (init.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(init.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const required = moduleOfExpression(callee.object);
  if (required && required.member === null && libraryOfModule(required.source) === 'proxyquire' && PROXYQUIRE_CONFIGURATORS.has(propertyName(callee) ?? '')) {
    return { library: 'proxyquire', binding: null };
  }
  const object = unwrap(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const base = libraryOf(context, object);
  const method = propertyName(callee) ?? '';
  if (base?.library === 'sinon' && method === 'createSandbox') return base;
  if (base?.library === 'proxyquire' && PROXYQUIRE_CONFIGURATORS.has(method)) return base;
  return null;
}

/** The library behind `this.name`, from what the file assigns to that property of the test context. */
function contextLibraryOf(context: Context, receiver: Node): Library | null {
  const name = contextPropertyOf(receiver);
  if (name === null) return null;
  for (const value of contextAssignments(context.sourceCode).get(name) ?? []) {
    const found = derivedFrom(context, value);
    if (found) return found;
  }
  return null;
}

/** For `t.mock.method(…)` in node:test: `t` is the first parameter of a test callback. */
function isNodeTestContext(identifier: TSESTree.Identifier, context: Context): boolean {
  const resolution = resolveName(context, identifier);
  if (resolution.type !== 'local') return false;
  const definition = resolution.variable.defs[0];
  return definition?.type === 'Parameter' && (definition.node.type === AST_NODE_TYPES.ArrowFunctionExpression || definition.node.type === AST_NODE_TYPES.FunctionExpression) && definition.node.params[0] === definition.name;
}

/** `'pg'`, and Vitest's typed form `vi.mock(import('pg'))`. */
function moduleTarget(argument: Node | undefined): MockTarget[] {
  if (!argument) return [];
  const specifier = argument.type === AST_NODE_TYPES.ImportExpression ? staticString(argument.source) : staticString(argument);
  return specifier === null ? [] : [{ type: 'module', specifier, node: argument }];
}

function methodOrGlobal(objectArgument: Node | undefined, methodArgument: Node | undefined): MockTarget[] {
  if (!objectArgument) return [];
  const object = unwrap(objectArgument);
  const method = methodArgument ? staticString(unwrap(methodArgument)) : null;
  if (object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && method !== null) {
    return [{ type: 'global', name: method }];
  }
  return [{ type: 'method', object, method }];
}

function typeTarget(node: TSESTree.CallExpression): MockTarget[] {
  const typeArgument = node.typeArguments?.params[0];
  if (!typeArgument) return [];
  const identifier = rootTypeIdentifier(typeArgument);
  return identifier ? [{ type: 'type', typeName: identifier.name, identifier, node: typeArgument }] : [];
}

/** `Repository<User>` → `Repository`, `pg.Pool` → `pg`, `typeof prisma` → `prisma`. */
function rootTypeIdentifier(node: TSESTree.TypeNode): TSESTree.Identifier | null {
  let name: TSESTree.EntityName | TSESTree.TSImportType;
  if (node.type === AST_NODE_TYPES.TSTypeReference) name = node.typeName;
  else if (node.type === AST_NODE_TYPES.TSTypeQuery) name = node.exprName;
  else return null;
  while (name.type === AST_NODE_TYPES.TSQualifiedName) name = name.left;
  return name.type === AST_NODE_TYPES.Identifier ? name : null;
}

/** Whether a call passes an object literal with `spy: true`: Vitest's `vi.mock('pg', { spy: true })`. */
function asksForSpies(argument: Node | undefined): boolean {
  return (
    argument?.type === AST_NODE_TYPES.ObjectExpression &&
    argument.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === 'spy' &&
        property.value.type === AST_NODE_TYPES.Literal &&
        property.value.value === true,
    )
  );
}

function isMethodOf(parent: Node | undefined, child: Node, methods: ReadonlySet<string>): boolean {
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child && methods.has(propertyName(parent) ?? '');
}

/** Sinon's way of making a stub run the original: `sinon.stub(a, 'b').callThrough()`. */
const CALLS_THROUGH: ReadonlySet<string> = new Set(['callThrough']);
/** Sinon's behaviours for some calls only: what follows them says nothing of the stub's other calls. */
const FOR_SOME_CALLS: ReadonlySet<string> = new Set(['withArgs', 'onCall', 'onFirstCall', 'onSecondCall', 'onThirdCall']);
const NONE: ReadonlySet<string> = new Set();

/**
 * Whether the double made by `node` is given one of `methods`, chained onto it
 * (`jest.spyOn(a, 'b').mockResolvedValue(x)`) or later through the variable it is stored in
 * (`const spy = …` or `spy = …` in a hook). A chain is not followed past one of `unless`.
 */
function doubleIsGiven(context: Context, node: TSESTree.CallExpression, methods: ReadonlySet<string>, unless: ReadonlySet<string> = NONE): boolean {
  let current: Node = node;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) {
    if (isMethodOf(current.parent, current, methods)) return true;
    if (isMethodOf(current.parent, current, unless)) return false;
    const call: Node | undefined = current.parent.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
    current = call;
  }
  const holder = current.parent;
  let variable: TSESLint.Scope.Variable | undefined;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    variable = context.sourceCode.scopeManager?.getDeclaredVariables(holder)[0];
  } else if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === current && holder.left.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, holder.left);
    variable = resolution.type === 'local' ? resolution.variable : undefined;
  }
  return (variable?.references ?? []).some((reference) => isMethodOf(reference.identifier.parent, reference.identifier, methods));
}

/** `proxyquire('./m', { pg: stub })`: every stubbed specifier, relative to the module being loaded. */
function proxyquireTargets(context: Context, node: TSESTree.CallExpression): MockTarget[] {
  const loaded = staticString(node.arguments[0] ?? null);
  const stubs = node.arguments[1];
  if (!stubs || stubs.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const relativeTo = loaded !== null && loaded.startsWith('.') ? path.resolve(path.dirname(context.filename), loaded) : undefined;
  const targets: MockTarget[] = [];
  for (const property of stubs.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const specifier = property.computed
      ? staticString(property.key)
      : property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : staticString(property.key);
    if (specifier !== null && !PROXYQUIRE_FLAGS.has(specifier)) targets.push({ type: 'module', specifier, node: property.key, relativeTo });
  }
  return targets;
}

const cache = fileCache<TSESTree.CallExpression, MockCall | null>();

/**
 * Words at least one of which every mocking call this module recognises has written in the file:
 * the method or function it calls is one of `mock`, `doMock`, `unstable_mockModule`, `setMock`,
 * `createMockFromModule`, `importMock`, `spyOn`, `replaceProperty`, `stubGlobal` (Jest, Vitest),
 * anything under `mock` (node:test: `mock.method`, `t.mock.module`, an imported `mock`), `stub`,
 * `spy`, `replace…`, `createStubInstance` (sinon), `replace`, `replaceEsm` (testdouble), `mock`,
 * `mockDeep`, `createMock` (mock-extended, golevelup, ts-mockito), rewire's `__set__`, or a function
 * bound to proxyquire, whose specifier names it. Static names only: a computed `jest['mock']` still
 * spells the word. A `__mocks__` path spells it too. Words spelled with escapes are let through by
 * {@link mayContain}.
 */
const MOCKING_WORDS = /mock|spy|stub|replace|proxyquire|__set__/i;
/** The objects a stand-in can be assigned on: `globalThis.fetch = vi.fn()`. */
const GLOBAL_OBJECT_WORDS = new RegExp(`\\b(?:${[...GLOBAL_OBJECTS].join('|')})\\b`);

const mayMockCache = fileCache<object, boolean>();

/**
 * Whether the file can hold a call {@link parseMockCall} recognises or a manual-mock path
 * ({@link specifierOfManualMock}): a cheap test of the text, answered once per file. When it says
 * no, there is no mocking call to look for.
 */
export function mayMock(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let answer = mayMockCache.get(sourceCode);
  if (answer === undefined) {
    answer = mayContain(sourceCode, MOCKING_WORDS);
    mayMockCache.set(sourceCode, answer);
  }
  return answer;
}

/** Whether the file can assign a stand-in on a global object ({@link parseGlobalAssignment}). */
export function mayAssignGlobal(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return mayContain(sourceCode, GLOBAL_OBJECT_WORDS);
}

/**
 * Recognises a call that mocks something and says what it replaces. Covers Jest, Vitest,
 * node:test, sinon (and sandboxes), testdouble, proxyquire, rewire, jest-/vitest-mock-extended,
 * @golevelup/ts-jest and ts-mockito, through globals, imports (also aliased and namespace
 * imports) and `require`. Cached per node.
 */
export function parseMockCall(context: Context, node: TSESTree.CallExpression): MockCall | null {
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  const result = mayMock(context.sourceCode) ? computeMockCall(context, node) : null;
  cache.set(node, result);
  return result;
}

function computeMockCall(context: Context, node: TSESTree.CallExpression): MockCall | null {
  const callee = unwrap(node.callee);

  // Direct calls of an imported function: mockDeep<T>(), mock(Class), stub(obj, 'm'), proxyquire(…).
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const found = libraryOf(context, callee);
    if (!found) return null;
    if (found.library === 'proxyquire') {
      return { api: 'proxyquire', library: 'proxyquire', targets: proxyquireTargets(context, node), replaces: true, replacement: null, node };
    }
    if (!found.binding || found.binding.imported === '*' || found.binding.imported === 'default') return null;
    return directCall(context, node, found.library, found.binding.imported);
  }

  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = propertyName(callee);
  if (method === null) return null;
  let receiver = unwrap(callee.object);

  // `t.mock.method(…)` (node:test context) and `test.mock.method(…)` / `mock.method(…)`.
  let nodeTestMock = false;
  if (receiver.type === AST_NODE_TYPES.MemberExpression && propertyName(receiver) === 'mock') {
    const base = unwrap(receiver.object);
    if (base.type === AST_NODE_TYPES.Identifier && (isNodeTestContext(base, context) || libraryOf(context, base)?.library === 'node:test')) {
      nodeTestMock = true;
      receiver = base;
    }
  }
  // `proxyquire.noCallThru().load('./m', stubs)`.
  if (method === 'load' && receiver.type === AST_NODE_TYPES.CallExpression) {
    let inner: Node = receiver;
    while (inner.type === AST_NODE_TYPES.CallExpression && unwrap(inner.callee).type === AST_NODE_TYPES.MemberExpression) {
      inner = unwrap((unwrap(inner.callee) as TSESTree.MemberExpression).object);
    }
    if (inner.type === AST_NODE_TYPES.Identifier && libraryOf(context, inner)?.library === 'proxyquire') {
      return { api: 'proxyquire.load', library: 'proxyquire', targets: proxyquireTargets(context, node), replaces: true, replacement: null, node };
    }
    return null;
  }
  if (receiver.type !== AST_NODE_TYPES.Identifier) {
    // `this.sinon.stub(…)`, where a Mocha hook of the file set `this.sinon = sinon.createSandbox()`.
    const found = contextLibraryOf(context, receiver);
    return found ? memberCall(context, node, found.library, method) : null;
  }

  // rewire: `const m = rewire('../src/m'); m.__set__('db', fake)`.
  if (method === '__set__') {
    const resolution = resolveName(context, receiver);
    const definition = resolution.type === 'local' ? resolution.variable.defs[0] : undefined;
    const init = definition?.type === 'Variable' ? definition.node.init : null;
    if (init && init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && libraryOf(context, init.callee)?.library === 'rewire') {
      return { api: 'rewire.__set__', library: 'rewire', targets: methodOrGlobal(receiver, node.arguments[0]), replaces: true, replacement: node.arguments[1] ?? null, node };
    }
    return null;
  }

  const found: Library | null = nodeTestMock ? { library: 'node:test', binding: null } : libraryOf(context, receiver);
  if (!found) return null;
  // `import * as tm from 'ts-mockito'; tm.mock(Repo)` is the direct call `mock(Repo)`.
  if (found.binding?.imported === '*' && found.library !== 'node:test' && DIRECT_FUNCTIONS[found.library]?.has(method)) {
    return directCall(context, node, found.library, method);
  }
  // node:test mocks through `mock` itself; `test.method(…)` is not a mocking call.
  if (found.library === 'node:test' && !nodeTestMock && found.binding?.imported !== 'mock') return null;
  return memberCall(context, node, found.library, method);
}

/** `mockDeep<T>()`, `createMock<T>()`, ts-mockito `mock(Class)`, and sinon / testdouble functions imported by name. */
function directCall(context: Context, node: TSESTree.CallExpression, library: MockLibrary, name: string): MockCall | null {
  if (!DIRECT_FUNCTIONS[library]?.has(name)) return null;
  const first = node.arguments[0];
  switch (library) {
    case 'mock-extended':
    case 'golevelup':
      return { api: name, library, targets: typeTarget(node), replaces: true, replacement: null, node };
    case 'ts-mockito':
      // `mock(UserRepository)` for a class, `mock<Repository>()` for an interface.
      return { api: name, library, targets: first ? [{ type: 'class', classRef: first }] : typeTarget(node), replaces: true, replacement: null, node };
    default:
      return memberCall(context, node, library, name);
  }
}

/** `jest.mock('pg')`, `vi.spyOn(pool, 'query')`, `mock.method(…)`, `sinon.stub(…)`, `td.replace(…)`. */
function memberCall(context: Context, node: TSESTree.CallExpression, library: MockLibrary, method: string): MockCall | null {
  const [first, second, third] = node.arguments;
  const api = `${API_PREFIX[library] ?? ''}${method}`;
  const call = (targets: MockTarget[], replaces: boolean, replacement: Node | null = null): MockCall => ({ api, library, targets, replaces, replacement, node });
  switch (library) {
    case 'jest':
    case 'vitest':
      switch (method) {
        case 'mock':
        case 'doMock':
          // Vitest's `{ spy: true }` keeps every original implementation and only records calls.
          return call(moduleTarget(first), !asksForSpies(second), second ?? null);
        case 'unstable_mockModule':
        case 'setMock':
          return call(moduleTarget(first), true, second ?? null);
        case 'createMockFromModule':
        case 'importMock':
          // A generated double of the whole module: nothing is swapped, but the test uses a fake.
          return call(moduleTarget(first), true);
        case 'spyOn':
          return call(methodOrGlobal(first, second), doubleIsGiven(context, node, IMPLEMENTATION_METHODS));
        case 'replaceProperty':
          return call(methodOrGlobal(first, second), true, third ?? null);
        case 'stubGlobal': {
          const name = staticString(first ?? null);
          return name === null ? null : call([{ type: 'global', name }], true, second ?? null);
        }
        default:
          return null;
      }
    case 'node:test':
      switch (method) {
        case 'module':
          return call(moduleTarget(first), true, second ?? null);
        case 'method':
        case 'getter':
        case 'setter': {
          // `mock.method(obj, 'm', { getter: true })` passes options, not an implementation.
          const implementation = third && third.type !== AST_NODE_TYPES.ObjectExpression ? third : null;
          return call(methodOrGlobal(first, second), implementation !== null, implementation);
        }
        case 'property':
          return call(methodOrGlobal(first, second), true, third ?? null);
        default:
          return null;
      }
    case 'sinon':
      switch (method) {
        case 'stub':
          // A stub told to call through runs the original, as a spy does.
          return first ? call(methodOrGlobal(first, second), !doubleIsGiven(context, node, CALLS_THROUGH, FOR_SOME_CALLS)) : null;
        case 'spy':
          return first ? call(methodOrGlobal(first, second), doubleIsGiven(context, node, IMPLEMENTATION_METHODS)) : null;
        case 'replace':
        case 'replaceGetter':
        case 'replaceSetter':
          return call(methodOrGlobal(first, second), true, third ?? null);
        case 'createStubInstance':
          return first ? call([{ type: 'class', classRef: first }], true) : null;
        default:
          return null;
      }
    case 'testdouble':
      if (method === 'replace' || method === 'replaceEsm') {
        const specifier = staticString(first ?? null);
        if (specifier !== null && first) return call([{ type: 'module', specifier, node: first }], true, second ?? null);
        return call(methodOrGlobal(first, second), true, third ?? null);
      }
      return null;
    default:
      return null;
  }
}

/** Factories of stand-in functions: `jest.fn`, `vi.fn`, node:test `mock.fn`, `sinon.stub()`, `sinon.fake`, `td.func`. */
const MOCK_FUNCTION_FACTORIES: Readonly<Partial<Record<MockLibrary, ReadonlySet<string>>>> = {
  jest: new Set(['fn']),
  vitest: new Set(['fn']),
  'node:test': new Set(['fn']),
  sinon: new Set(['stub', 'spy', 'fake']),
  testdouble: new Set(['func', 'function']),
};

/**
 * Whether an expression makes a function to stand in for another: a mock function (`jest.fn()`,
 * `vi.fn().mockResolvedValue(x)`, `sinon.fake.resolves(x)`, `mock.fn()`) or a function literal.
 * Used to tell `global.fetch = vi.fn()` from restoring `global.fetch = originalFetch`.
 */
export function isStandInFunction(context: Context, expression: Node): boolean {
  let current = unwrap(expression);
  if (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression) return true;
  // Walk down a configuring chain (`vi.fn().mockResolvedValue(x)`) to the factory call.
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(current.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const resolution = resolveName(context, callee);
      if (resolution.type !== 'module') return false;
      const library = libraryOfModule(resolution.binding.source);
      return library !== null && (MOCK_FUNCTION_FACTORIES[library]?.has(resolution.binding.imported) ?? false);
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = propertyName(callee);
    const object = unwrap(callee.object);
    // `sinon.fake.resolves(x)`, `sinon.stub.returns` chains hang off the factory itself.
    if (object.type === AST_NODE_TYPES.MemberExpression && name !== null) {
      const inner = unwrap(object.object);
      if (inner.type === AST_NODE_TYPES.Identifier && propertyName(object) === 'fake' && libraryOf(context, inner)?.library === 'sinon') return true;
      if (propertyName(object) === 'mock' && inner.type === AST_NODE_TYPES.Identifier && name === 'fn' && (isNodeTestContext(inner, context) || libraryOf(context, inner)?.library === 'node:test')) return true;
    }
    if (object.type === AST_NODE_TYPES.Identifier && name !== null) {
      const found = libraryOf(context, object);
      if (found) return MOCK_FUNCTION_FACTORIES[found.library]?.has(name) ?? false;
      return false;
    }
    current = object;
  }
  return false;
}

/**
 * `globalThis.fetch = vi.fn()` and `global.fetch = jest.fn(…)`: the global that an assignment
 * replaces, or `null`.
 */
export function parseGlobalAssignment(node: TSESTree.AssignmentExpression): string | null {
  const left = unwrap(node.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression) return null;
  return isGlobalObjectName(left.object) ? propertyName(left) : null;
}

/**
 * Whether an assignment to a global only fills it in where it is missing: it stands in the branch
 * of an `if` that checks the same global is absent (`if (!globalThis.fetch) globalThis.fetch = …`,
 * `typeof fetch === 'undefined'`, `global.fetch === undefined`, `!('fetch' in global)`). Where the
 * runtime has the global, the branch never runs and nothing is replaced.
 */
export function fillsMissingGlobal(node: TSESTree.AssignmentExpression, name: string): boolean {
  let current: Node = node;
  let parent = current.parent;
  if (parent?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  current = parent;
  parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.BlockStatement) {
    current = parent;
    parent = current.parent;
  }
  return parent?.type === AST_NODE_TYPES.IfStatement && parent.consequent === current && checksAbsent(parent.test, name);
}

function checksAbsent(test: Node, name: string): boolean {
  const inner = unwrap(test);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '||') return checksAbsent(inner.left, name) || checksAbsent(inner.right, name);
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!') {
    const argument = unwrap(inner.argument);
    if (namesGlobal(argument, name)) return true;
    // `!('fetch' in globalThis)`
    return (
      argument.type === AST_NODE_TYPES.BinaryExpression &&
      argument.operator === 'in' &&
      argument.left.type === AST_NODE_TYPES.Literal &&
      argument.left.value === name &&
      isGlobalObjectName(argument.right)
    );
  }
  if (inner.type !== AST_NODE_TYPES.BinaryExpression || (inner.operator !== '===' && inner.operator !== '==')) return false;
  const sides = [unwrap(inner.left as Node), unwrap(inner.right)];
  const undefinedText = sides.some((side) => side.type === AST_NODE_TYPES.Literal && side.value === 'undefined');
  const undefinedValue = sides.some((side) => (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined') || (side.type === AST_NODE_TYPES.Literal && side.value === null));
  return sides.some((side) =>
    side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof' ? undefinedText && (namesGlobal(unwrap(side.argument), name) || isBareName(side.argument, name)) : undefinedValue && namesGlobal(side, name),
  );
}

/** `globalThis.fetch`, `global.fetch`, `window.fetch`. */
function namesGlobal(node: Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.MemberExpression && isGlobalObjectName(node.object) && propertyName(node) === name;
}

function isGlobalObjectName(node: Node): boolean {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(inner.name);
}

function isBareName(node: Node, name: string): boolean {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.Identifier && inner.name === name;
}

/**
 * The module a `__mocks__` path stands for: `'../__mocks__/pg'` → `'pg'`,
 * `'../src/db/__mocks__/client'` → `'../src/db/client'`. `null` for other paths.
 */
export function specifierOfManualMock(source: string): string | null {
  const marker = '/__mocks__/';
  const written = source.startsWith('__mocks__/') ? `/${source}` : source;
  const index = written.indexOf(marker);
  if (index === -1) return null;
  const before = written.slice(0, index);
  const after = written.slice(index + marker.length);
  if (after === '') return null;
  // A `__mocks__` folder reached through `.` and `..` only holds mocks of packages; elsewhere it sits beside the module.
  return /^(?:\.\.?(?:\/\.\.?)*)?$/.test(before) ? after : `${before}/${after}`;
}

/** The module an expression was loaded from, when it is an import or `require` of one. */
export function moduleOfValue(context: Context, node: Node): ModuleBinding | { source: string; imported: string } | null {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, expression);
    return resolution.type === 'module' ? resolution.binding : null;
  }
  const loaded = moduleOfExpression(expression);
  return loaded ? { source: loaded.source, imported: loaded.member ?? '*' } : null;
}
