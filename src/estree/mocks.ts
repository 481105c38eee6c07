import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { propertyName, staticString, unwrap } from './call-chain';
import { moduleOfExpression, resolveName, type ModuleBinding } from './imports';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What a mocking call replaces. */
export type MockTarget =
  /** A whole module: `jest.mock('pg')`. `from` is the file the specifier is relative to. */
  | { readonly type: 'module'; readonly specifier: string; readonly node: Node; readonly relativeTo?: string }
  /** A method or property of an object: `jest.spyOn(pool, 'query')`; `method` is `null` for every method. */
  | { readonly type: 'method'; readonly object: Node; readonly method: string | null }
  /** A global: `vi.stubGlobal('fetch', …)`, `jest.spyOn(globalThis, 'fetch')`. */
  | { readonly type: 'global'; readonly name: string }
  /** A double generated from a type: `mockDeep<PrismaClient>()`. `typeName` is the written type's root name. */
  | { readonly type: 'type'; readonly typeName: string; readonly node: TSESTree.TypeNode }
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
  readonly node: TSESTree.CallExpression;
}

const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['global', 'globalThis', 'window', 'self']);

/** Methods on a spy that swap in another implementation. */
const IMPLEMENTATION_METHODS: ReadonlySet<string> = new Set([
  'mockImplementation', 'mockImplementationOnce', 'mockReturnValue', 'mockReturnValueOnce',
  'mockResolvedValue', 'mockResolvedValueOnce', 'mockRejectedValue', 'mockRejectedValueOnce',
  'mockReturnThis', 'withImplementation', 'mockImplementationOnce',
  // sinon
  'returns', 'resolves', 'rejects', 'callsFake', 'throws', 'yields', 'callsArg', 'value', 'get', 'set',
]);

/** Which library a receiver identifier stands for, through its import or as a global. */
function libraryOf(context: Context, identifier: TSESTree.Identifier): { library: MockLibrary; binding: ModuleBinding | null } | null {
  const resolution = resolveName(context, identifier);
  if (resolution.type === 'global') {
    if (identifier.name === 'jest') return { library: 'jest', binding: null };
    if (identifier.name === 'vi') return { library: 'vitest', binding: null };
    if (identifier.name === 'sinon') return { library: 'sinon', binding: null };
    if (identifier.name === 'td') return { library: 'testdouble', binding: null };
    return null;
  }
  if (resolution.type === 'local') {
    return sandboxOf(context, resolution.variable);
  }
  const { binding } = resolution;
  const source = binding.source;
  if (source === '@jest/globals' && binding.imported === 'jest') return { library: 'jest', binding };
  if (source === 'vitest' && binding.imported === 'vi') return { library: 'vitest', binding };
  if ((source === 'node:test' || source === 'test') && (binding.imported === 'mock' || binding.imported === 'default' || binding.imported === '*')) {
    return { library: 'node:test', binding };
  }
  if (source === 'sinon') return { library: 'sinon', binding };
  if (source === 'testdouble') return { library: 'testdouble', binding };
  if (source === 'proxyquire' || source === 'proxyquire/strict') return { library: 'proxyquire', binding };
  if (source === 'rewire') return { library: 'rewire', binding };
  if (source === 'jest-mock-extended' || source === 'vitest-mock-extended') return { library: 'mock-extended', binding };
  if (source.startsWith('@golevelup/ts-')) return { library: 'golevelup', binding };
  if (source === 'ts-mockito' || source === '@typestrong/ts-mockito') return { library: 'ts-mockito', binding };
  return null;
}

/** `const sandbox = sinon.createSandbox()`: a sandbox stubs like sinon itself. */
function sandboxOf(context: Context, variable: TSESLint.Scope.Variable): { library: MockLibrary; binding: ModuleBinding | null } | null {
  const definition = variable.defs[0];
  if (!definition || definition.type !== 'Variable' || !definition.node.init) return null;
  const init = unwrap(definition.node.init);
  if (init.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(init.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'createSandbox') return null;
  const object = unwrap(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const library = libraryOf(context, object);
  return library?.library === 'sinon' ? library : null;
}

/** For `t.mock.method(…)` in node:test: `t` is the first parameter of a test callback. */
function isNodeTestContext(identifier: TSESTree.Identifier, context: Context): boolean {
  const resolution = resolveName(context, identifier);
  if (resolution.type !== 'local') return false;
  const definition = resolution.variable.defs[0];
  return definition?.type === 'Parameter' && (definition.node.type === AST_NODE_TYPES.ArrowFunctionExpression || definition.node.type === AST_NODE_TYPES.FunctionExpression) && definition.node.params[0] === definition.name;
}

function moduleTarget(context: Context, argument: Node | undefined): MockTarget[] {
  const specifier = staticString(argument ?? null);
  return specifier === null || !argument ? [] : [{ type: 'module', specifier, node: argument }];
}

function methodOrGlobal(objectArgument: Node | undefined, methodArgument: Node | undefined): MockTarget[] {
  if (!objectArgument) return [];
  const object = unwrap(objectArgument);
  const method = methodArgument ? staticString(methodArgument) : null;
  if (object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && method !== null) {
    return [{ type: 'global', name: method }];
  }
  return [{ type: 'method', object, method }];
}

function typeTarget(node: TSESTree.CallExpression): MockTarget[] {
  const typeArgument = node.typeArguments?.params[0];
  if (!typeArgument) return [];
  const name = rootTypeName(typeArgument);
  return name ? [{ type: 'type', typeName: name, node: typeArgument }] : [];
}

/** `Repository<User>` → `Repository`, `pg.Pool` → `pg`, `typeof prisma` → `prisma`. */
function rootTypeName(node: TSESTree.TypeNode): string | null {
  if (node.type === AST_NODE_TYPES.TSTypeReference) {
    let name: TSESTree.EntityName = node.typeName;
    while (name.type === AST_NODE_TYPES.TSQualifiedName) name = name.left;
    return name.type === AST_NODE_TYPES.Identifier ? name.name : null;
  }
  if (node.type === AST_NODE_TYPES.TSTypeQuery) {
    let name = node.exprName;
    while (name.type === AST_NODE_TYPES.TSQualifiedName) name = name.left;
    return name.type === AST_NODE_TYPES.Identifier ? name.name : null;
  }
  return null;
}

/**
 * Whether a spy created by `node` is given another implementation: chained
 * (`jest.spyOn(a, 'b').mockResolvedValue(x)`) or later through the variable it is stored in.
 */
function spyGetsImplementation(context: Context, node: TSESTree.CallExpression): boolean {
  let current: Node = node;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) {
    const name = propertyName(current.parent);
    if (name !== null && IMPLEMENTATION_METHODS.has(name)) return true;
    const call: Node | undefined = current.parent.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
    current = call;
  }
  const holder = current.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    const variable = context.sourceCode.scopeManager?.getDeclaredVariables(holder)[0];
    return (variable?.references ?? []).some((reference) => {
      const parent = reference.identifier.parent;
      return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && IMPLEMENTATION_METHODS.has(propertyName(parent) ?? '');
    });
  }
  return false;
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
    if (specifier !== null) targets.push({ type: 'module', specifier, node: property.key, relativeTo });
  }
  return targets;
}

const cache = new WeakMap<TSESTree.CallExpression, MockCall | null>();

/**
 * Recognises a call that mocks something and says what it replaces. Covers Jest, Vitest,
 * node:test, sinon (and sandboxes), testdouble, proxyquire, rewire, jest-/vitest-mock-extended,
 * @golevelup/ts-jest and ts-mockito. Cached per node.
 */
export function parseMockCall(context: Context, node: TSESTree.CallExpression): MockCall | null {
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  const result = computeMockCall(context, node);
  cache.set(node, result);
  return result;
}

function computeMockCall(context: Context, node: TSESTree.CallExpression): MockCall | null {
  const callee = unwrap(node.callee);
  const [first, second, third] = node.arguments;

  // Direct calls of an imported function: mockDeep<T>(), mock(Class), proxyquire(…), createMock<T>().
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const found = libraryOf(context, callee);
    if (!found?.binding) return null;
    const imported = found.binding.imported === 'default' || found.binding.imported === '*' ? callee.name : found.binding.imported;
    switch (found.library) {
      case 'mock-extended':
        if (imported === 'mock' || imported === 'mockDeep') {
          return { api: imported, library: found.library, targets: typeTarget(node), replaces: true, node };
        }
        return null;
      case 'golevelup':
        return imported === 'createMock' ? { api: 'createMock', library: found.library, targets: typeTarget(node), replaces: true, node } : null;
      case 'ts-mockito':
        if (imported === 'mock' && first) return { api: 'mock', library: found.library, targets: [{ type: 'class', classRef: first }], replaces: true, node };
        return null;
      case 'proxyquire':
        return { api: 'proxyquire', library: found.library, targets: proxyquireTargets(context, node), replaces: true, node };
      default:
        return null;
    }
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
      return { api: 'proxyquire.load', library: 'proxyquire', targets: proxyquireTargets(context, node), replaces: true, node };
    }
    return null;
  }
  if (receiver.type !== AST_NODE_TYPES.Identifier) return null;

  // rewire: `const m = rewire('../src/m'); m.__set__('db', fake)`.
  if (method === '__set__') {
    const resolution = resolveName(context, receiver);
    const definition = resolution.type === 'local' ? resolution.variable.defs[0] : undefined;
    const init = definition?.type === 'Variable' ? definition.node.init : null;
    if (init && init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && libraryOf(context, init.callee)?.library === 'rewire') {
      return { api: 'rewire.__set__', library: 'rewire', targets: methodOrGlobal(receiver, first), replaces: true, node };
    }
    return null;
  }

  const found = nodeTestMock ? { library: 'node:test' as const } : libraryOf(context, receiver);
  if (!found) return null;
  const api = `${nodeTestMock ? 'mock' : receiver.name}.${method}`;
  switch (found.library) {
    case 'jest':
    case 'vitest':
      switch (method) {
        case 'mock':
        case 'doMock':
        case 'unstable_mockModule':
        case 'setMock':
          return { api, library: found.library, targets: moduleTarget(context, first), replaces: true, node };
        case 'createMockFromModule':
        case 'importMock':
          return { api, library: found.library, targets: moduleTarget(context, first), replaces: false, node };
        case 'spyOn':
          return { api, library: found.library, targets: methodOrGlobal(first, second), replaces: spyGetsImplementation(context, node), node };
        case 'replaceProperty':
          return { api, library: found.library, targets: methodOrGlobal(first, second), replaces: true, node };
        case 'stubGlobal': {
          const name = staticString(first ?? null);
          return name === null ? null : { api, library: found.library, targets: [{ type: 'global', name }], replaces: true, node };
        }
        default:
          return null;
      }
    case 'node:test':
      if (!nodeTestMock && !(receiver.name === 'mock' || resolveName(context, receiver).type === 'module')) return null;
      switch (method) {
        case 'module':
          return { api: 'mock.module', library: 'node:test', targets: moduleTarget(context, first), replaces: true, node };
        case 'method':
        case 'getter':
        case 'setter':
          return { api: `mock.${method}`, library: 'node:test', targets: methodOrGlobal(first, second), replaces: third !== undefined, node };
        case 'property':
          return { api: 'mock.property', library: 'node:test', targets: methodOrGlobal(first, second), replaces: true, node };
        default:
          return null;
      }
    case 'sinon':
      switch (method) {
        case 'stub':
          return first ? { api, library: 'sinon', targets: methodOrGlobal(first, second), replaces: true, node } : null;
        case 'spy':
          return first ? { api, library: 'sinon', targets: methodOrGlobal(first, second), replaces: spyGetsImplementation(context, node), node } : null;
        case 'replace':
        case 'replaceGetter':
        case 'replaceSetter':
          return { api, library: 'sinon', targets: methodOrGlobal(first, second), replaces: true, node };
        case 'createStubInstance':
          return first ? { api, library: 'sinon', targets: [{ type: 'class', classRef: first }], replaces: true, node } : null;
        default:
          return null;
      }
    case 'testdouble':
      if (method === 'replace' || method === 'replaceEsm') {
        const specifier = staticString(first ?? null);
        if (specifier !== null && first) return { api, library: 'testdouble', targets: [{ type: 'module', specifier, node: first }], replaces: true, node };
        return { api, library: 'testdouble', targets: methodOrGlobal(first, second), replaces: true, node };
      }
      return null;
    default:
      return null;
  }
}

/**
 * `globalThis.fetch = vi.fn()` and `global.fetch = jest.fn(…)`: the global that an assignment
 * replaces, or `null`.
 */
export function parseGlobalAssignment(node: TSESTree.AssignmentExpression): string | null {
  const left = unwrap(node.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = unwrap(left.object);
  if (object.type !== AST_NODE_TYPES.Identifier || !GLOBAL_OBJECTS.has(object.name)) return null;
  return propertyName(left);
}

/**
 * The module a `__mocks__` path stands for: `'../__mocks__/pg'` → `'pg'`,
 * `'../src/db/__mocks__/client'` → `'../src/db/client'`. `null` for other paths.
 */
export function specifierOfManualMock(source: string): string | null {
  const marker = '/__mocks__/';
  const index = source.indexOf(marker);
  if (index === -1) return null;
  const before = source.slice(0, index);
  const after = source.slice(index + marker.length);
  // A root-level `__mocks__` folder holds node_modules mocks; elsewhere it sits beside the module.
  return /^(?:\.\.?\/?)*$/.test(before) || before === '.' || before === '..' ? after : `${before}/${after}`;
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
