import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ReplacementReturn } from '../core/no-boundary-mock';
import { handsBackClient } from '../core/vocabulary';
import type { BoundaryModule } from '../core/boundaries';
import { castClientOf, clientOfValue, declaredClientOf } from './boundary-clients';
import { isInlineFunction, isWithin, propertyName, unwrap } from './call-chain';
import { fileCache } from './file-cache';
import { moduleOfExpression, resolveName } from './imports';
import { singleValueOf } from './variables';
import { IMPLEMENTATION_METHODS, isStandInFunction, parseMockCall, type MockCall } from './mocks';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A call that swaps another behaviour into a spy or stub: `.mockResolvedValue(x)`, `.callsFake(fn)`. */
export interface Replacement {
  readonly node: TSESTree.CallExpression;
  /** From the method's name to the end of the call: where a finding points. */
  readonly loc: TSESTree.SourceLocation;
  readonly method: string;
  /** The value or function handed over, if any. */
  readonly argument: Node | null;
}

/** Methods whose argument is the value the stub hands back as is. */
const RETURNING = new Set(['mockReturnValue', 'mockReturnValueOnce', 'returns', 'value', 'get']);
/** Methods that settle a promise: the stub stands in for a round trip. */
const SETTLING = new Set(['mockResolvedValue', 'mockResolvedValueOnce', 'mockRejectedValue', 'mockRejectedValueOnce', 'resolves', 'rejects']);
/** Methods whose argument is the function that runs instead. */
const RUNNING = new Set(['mockImplementation', 'mockImplementationOnce', 'callsFake', 'withImplementation', 'set']);
/** Methods that make the stub return or throw synchronously whatever they are given. */
const SYNCHRONOUS = new Set(['mockReturnThis', 'throws']);

function replacementAt(member: TSESTree.MemberExpression): Replacement | null {
  const call = member.parent;
  const method = propertyName(member);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || method === null || !IMPLEMENTATION_METHODS.has(method)) return null;
  const first = call.arguments[0];
  return {
    node: call,
    loc: { start: member.property.loc.start, end: call.loc.end },
    method,
    argument: first && first.type !== AST_NODE_TYPES.SpreadElement ? first : null,
  };
}

/** Replacements chained onto `node`: `jest.spyOn(a, 'b').mockReturnValueOnce(x).mockReturnValueOnce(y)`. */
function chainedFrom(node: Node, found: Replacement[]): Node {
  let current = node;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) {
    const replacement = replacementAt(current.parent);
    if (!replacement) break;
    found.push(replacement);
    current = replacement.node;
  }
  return current;
}

/** The variable a mocking call's result is kept in: `const spy = …`, or `spy = …` in a hook. */
export function holderOf(context: Context, end: Node): TSESLint.Scope.Variable | null {
  const holder = end.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === end && holder.id.type === AST_NODE_TYPES.Identifier) {
    return context.sourceCode.scopeManager?.getDeclaredVariables(holder)[0] ?? null;
  }
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === end && holder.left.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, holder.left);
    return resolution.type === 'local' ? resolution.variable : null;
  }
  return null;
}

/**
 * The calls that give a mock its behaviour: chained onto it, or made later through the variable it
 * is kept in. Empty when the mocking call replaces on its own (`jest.mock`, a bare `sinon.stub`).
 */
export function replacementsOf(context: Context, call: MockCall): Replacement[] {
  const found: Replacement[] = [];
  const end = chainedFrom(call.node, found);
  for (const reference of holderOf(context, end)?.references ?? []) {
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) continue;
    const replacement = replacementAt(parent);
    if (!replacement) continue;
    found.push(replacement);
    chainedFrom(replacement.node, found);
  }
  return found;
}

/**
 * Whether an expression certainly evaluates, synchronously, to a plain value: a string, number,
 * flag or nothing. An object or array could be a fake client, so it does not count.
 */
function isPlainValue(node: Node): boolean {
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return true;
    case AST_NODE_TYPES.Identifier:
      return expression.name === 'undefined';
    case AST_NODE_TYPES.NewExpression:
      return expression.callee.type === AST_NODE_TYPES.Identifier && /Error$/.test(expression.callee.name);
    default:
      return false;
  }
}

/** What a function literal hands back when called, if it can be read: see {@link returnOf}. */
function returnOfFunction(context: Context, fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): ReplacementReturn {
  if (fn.async) return 'other';
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return returnOfValue(context, fn.body);
  const returned: Node[] = [];
  let readable = true;
  const pending: Node[] = [...fn.body.body];
  while (pending.length > 0 && readable) {
    const statement = pending.pop() as Node;
    switch (statement.type) {
      case AST_NODE_TYPES.ReturnStatement:
        if (statement.argument) returned.push(statement.argument);
        break;
      case AST_NODE_TYPES.BlockStatement:
        pending.push(...statement.body);
        break;
      case AST_NODE_TYPES.IfStatement:
        pending.push(statement.consequent, ...(statement.alternate ? [statement.alternate] : []));
        break;
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.VariableDeclaration:
      case AST_NODE_TYPES.EmptyStatement:
        break;
      default:
        readable = false;
    }
  }
  if (!readable) return 'other';
  const shapes = returned.map((value) => returnOfValue(context, value));
  return shapes.every((shape) => shape === 'synchronous') ? 'synchronous' : shapes.every((shape) => shape === 'real-client') && shapes.length > 0 ? 'real-client' : 'other';
}

/** Whether a value is made up in the test: an object or array literal, a function, a mock. */
function isMadeUp(context: Context, value: Node): boolean {
  const expression = unwrap(value);
  if (expression.type === AST_NODE_TYPES.ObjectExpression || expression.type === AST_NODE_TYPES.ArrayExpression) return true;
  return expression.type === AST_NODE_TYPES.CallExpression && (parseMockCall(context, expression) !== null || isStandInFunction(context, expression));
}

function returnOfValue(context: Context, value: Node): ReplacementReturn {
  if (isPlainValue(value)) return 'synchronous';
  if (castClientOf(context, value)) return 'other';
  const real = isClientItself(context, value, 0) || declaredClientOf(context, value, (written) => isMadeUp(context, written)) !== null;
  return real ? 'real-client' : 'other';
}

/**
 * Whether a value is a client itself, not something a client handed back: made with `new`, by a
 * factory export (`createClient()`, `knex(config)`) or a static factory (`MikroORM.init()`), read
 * off one (`orm.em`), or a variable holding one. `orders.save(order)` is a row, not a client.
 */
function isClientItself(context: Context, node: Node, depth: number): boolean {
  if (depth > 6) return false;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.NewExpression:
      return clientOfValue(context, expression.callee) !== null;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(expression.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && !isModuleBinding(context, callee.object)) {
        // `orm.em.getConnection()` hands back a client; `orders.save(order)` hands back a row.
        return handsBackClient(propertyName(callee) ?? '') && isClientItself(context, callee.object, depth + 1);
      }
      return clientOfValue(context, callee) !== null;
    }
    case AST_NODE_TYPES.MemberExpression:
      return isClientItself(context, expression.object, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const resolution = resolveName(context, expression);
      if (resolution.type === 'module') return clientOfValue(context, expression) !== null;
      if (resolution.type !== 'local') return false;
      const values = resolution.variable.references.flatMap((reference) => (reference.writeExpr ? [reference.writeExpr] : []));
      return values.length > 0 && values.every((value) => isClientItself(context, value, depth + 1));
    }
    default:
      return false;
  }
}

function isModuleBinding(context: Context, node: Node): boolean {
  const expression = unwrap(node);
  return expression.type === AST_NODE_TYPES.Identifier && resolveName(context, expression).type === 'module';
}

/**
 * The client a replacement claims to stand in for by its type: `mockReturnValue({ … } as unknown
 * as Redis)`, or a function returning such a value. Tells what an untraceable mocked member is.
 */
export function claimedClientOf(context: Context, replacement: Replacement): BoundaryModule | null {
  const argument = replacement.argument ? unwrap(replacement.argument) : null;
  if (!argument) return null;
  if ((argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression) && argument.body.type !== AST_NODE_TYPES.BlockStatement) {
    return castClientOf(context, argument.body);
  }
  return castClientOf(context, replacement.argument as Node);
}

/**
 * What a replacement makes the stub hand back: the real client itself (`mockResolvedValue(orm)`,
 * where `orm` is the connected client), a plain value at once (`mockReturnValue('UTC')`,
 * `mockImplementation(() => undefined)`), or anything else, such as a settled promise.
 */
export function returnOf(context: Context, replacement: Replacement, mockedMethod: string | null = null): ReplacementReturn {
  const { method, argument } = replacement;
  if (mockedMethod !== null && argument && RUNNING.has(method) && callsOriginal(context, argument, mockedMethod)) return 'calls-through';
  if (SYNCHRONOUS.has(method)) return 'synchronous';
  if (!argument) return RETURNING.has(method) ? 'synchronous' : 'other';
  if (SETTLING.has(method)) return method.includes('Reject') || method === 'rejects' || isPlainValue(argument) ? 'other' : returnOfValue(context, argument);
  if (RETURNING.has(method)) return returnOfValue(context, argument);
  if (RUNNING.has(method)) {
    const fn = unwrap(argument);
    return fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression ? returnOfFunction(context, fn) : 'other';
  }
  return 'other';
}

/** {@link returnOf} for a stub of a global, whose original a stand-in may hand every call to ({@link passesEveryCallThrough}). */
export function returnOfGlobalStub(context: Context, replacement: Replacement, name: string): ReplacementReturn {
  const { method, argument } = replacement;
  return argument && RUNNING.has(method) && passesEveryCallThrough(context, argument, name) ? 'calls-through' : returnOf(context, replacement);
}

/** Calls on a variable that put something in it: `calls.push(x)`, `seen.add(x)`, `byId.set(k, v)`. */
const FILLING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'splice', 'add', 'set']);

/** Whether a function literal writes to, or fills, a variable declared outside it. */
function writesOutside(context: Context, fn: Node): boolean {
  const scope = context.sourceCode.scopeManager?.acquire(fn);
  if (!scope) return false;
  const through: TSESLint.Scope.Reference[] = [];
  const scopes = [scope];
  while (scopes.length > 0) {
    const current = scopes.pop() as TSESLint.Scope.Scope;
    through.push(...current.references.filter((reference) => reference.resolved && !isWithin(reference.resolved.defs[0]?.node, fn)));
    scopes.push(...current.childScopes);
  }
  return through.some((reference) => {
    if (reference.isWrite()) return true;
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
    const use = parent.parent;
    if (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === parent) return true;
    return use?.type === AST_NODE_TYPES.CallExpression && use.callee === parent && FILLING_METHODS.has(propertyName(parent) ?? '');
  });
}

/**
 * Whether code after the mock relies on it, so that removing it would break the test rather than
 * un-mock it: the spy is kept in a variable (its calls are read, or it is restored), an
 * implementation fills a variable the test reads, or the mocked member itself is read as a value
 * elsewhere in the file (`expect(mailer.send).toHaveBeenCalled()`).
 */
export function testReliesOnMock(context: Context, call: MockCall, replacements: readonly Replacement[], mockedMember: Node | null, methodName: string | null): boolean {
  const end = chainedFrom(call.node, []);
  if (holderOf(context, end)) return true;
  // `vi.stubGlobal('fetch', fetchMock)` and later `expect(fetchMock)…`: the stand-in is read elsewhere.
  const standIn = call.replacement ? unwrap(call.replacement) : null;
  if (standIn?.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, standIn);
    if (resolution.type === 'local' && resolution.variable.references.some((reference) => !isWithin(reference.identifier, call.node) && !reference.init)) return true;
  }
  for (const replacement of replacements) {
    const fn = replacement.argument ? unwrap(replacement.argument) : null;
    if (fn && (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) && writesOutside(context, fn)) return true;
  }
  if (mockedMember && methodName !== null) return isMemberReadElsewhere(context, mockedMember, methodName, call.node);
  return call.targets.some((target) => target.type === 'module' && importsUsedAsMocks(context, target.specifier));
}

/**
 * Whether the file uses what it takes from a mocked module as a mock: `vi.mocked(request)`,
 * `request.mockResolvedValue(…)`, `expect(request).toHaveBeenCalled()`, also on a member of it
 * (`vi.mocked(axios.post)`) or of an instance it makes (`expect(pool.query)…` after `pool = new
 * Pool()`). Taken by `import` or by `require`. Without the module mock those lines would fail.
 */
function importsUsedAsMocks(context: Context, specifier: string): boolean {
  for (const statement of context.sourceCode.ast.body) {
    const takes =
      (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === specifier) ||
      (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((declarator) => declarator.init !== null && moduleOfExpression(declarator.init)?.source === specifier));
    if (!takes) continue;
    for (const variable of context.sourceCode.getDeclaredVariables(statement)) {
      if (variable.references.some(({ identifier }) => isUsedAsMock(identifier) || instanceUsedAsMock(context, identifier))) return true;
    }
  }
  return false;
}

/** `const pool = new Pool()` of a mocked class, then `expect(pool.query).toHaveBeenCalled…`. */
function instanceUsedAsMock(context: Context, identifier: Node): boolean {
  const made = identifier.parent;
  if (made?.type !== AST_NODE_TYPES.NewExpression || made.callee !== identifier) return false;
  const holder = made.parent;
  const target = holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === made ? holder.id : holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === made ? holder.left : null;
  if (target?.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, target);
  return resolution.type === 'local' && resolution.variable.references.some((reference) => isUsedAsMock(reference.identifier));
}

function isUsedAsMock(identifier: Node): boolean {
  // `request.mockResolvedValue(…)`, or a member of it read as a mock: `axios.post.mockResolvedValue(…)`.
  let used = identifier;
  while (used.parent?.type === AST_NODE_TYPES.MemberExpression && used.parent.object === used) {
    if (/^mock[A-Z]|^mock$/.test(propertyName(used.parent) ?? '')) return true;
    used = used.parent;
  }
  const parent = used.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(used as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrap(parent.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'mocked') return true;
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'expect') {
    const matcher = parent.parent?.type === AST_NODE_TYPES.MemberExpression ? parent.parent : null;
    const name = matcher && (propertyName(matcher) === 'not' && matcher.parent?.type === AST_NODE_TYPES.MemberExpression ? propertyName(matcher.parent) : propertyName(matcher));
    return name !== null && /^(?:toHaveBeenCalled|toBeCalled|toHaveBeenLastCalled|toHaveBeenNthCalled|toHaveReturned|lastCalledWith|nthCalledWith)/.test(name ?? '');
  }
  return false;
}

const memberReadsCache = fileCache<object, ReadonlyMap<string, readonly TSESTree.MemberExpression[]>>();

/**
 * Every member of the file read as a value rather than called, by property name: gathered in one
 * walk per file, the first time a finding asks. The object is compared only for the few reads of
 * the name asked about.
 */
function memberReads(context: Context): ReadonlyMap<string, readonly TSESTree.MemberExpression[]> {
  const { sourceCode } = context;
  const cached = memberReadsCache.get(sourceCode);
  if (cached) return cached;
  const reads = new Map<string, TSESTree.MemberExpression[]>();
  const pending: Node[] = [sourceCode.ast];
  while (pending.length > 0) {
    const node = pending.pop() as Node;
    if (node.type === AST_NODE_TYPES.MemberExpression && !(node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node)) {
      const name = propertyName(node);
      if (name !== null) {
        const list = reads.get(name);
        if (list) list.push(node);
        else reads.set(name, [node]);
      }
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === 'object' && 'type' in item) pending.push(item as Node);
      } else if (child && typeof child === 'object' && 'type' in child) {
        pending.push(child as Node);
      }
    }
  }
  memberReadsCache.set(sourceCode, reads);
  return reads;
}

/** `object.method` read as a value (not called) somewhere outside the mocking call. */
function isMemberReadElsewhere(context: Context, object: Node, method: string, except: Node): boolean {
  const reads = memberReads(context).get(method) ?? [];
  const objectText = context.sourceCode.getText(unwrap(object));
  return reads.some((read) => !isWithin(read, except) && context.sourceCode.getText(unwrap(read.object)) === objectText);
}

/**
 * Whether a stand-in function calls the method it replaces, kept in a variable before the mock
 * (`const original = repo.find.bind(repo)`, `const find = repo.find`) or by its name on another
 * object (`otherRepo.find(…args)`, after a stub on the prototype is restored): the real call still
 * happens, with something added around it.
 */
export function callsOriginal(context: Context, stand: Node, mockedMethod: string): boolean {
  const fn = unwrap(stand);
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const scope = context.sourceCode.scopeManager?.acquire(fn);
  if (!scope) return false;
  const scopes = [scope];
  while (scopes.length > 0) {
    const current = scopes.pop() as TSESLint.Scope.Scope;
    for (const reference of current.references) {
      // `repository.method(…)`: the replaced method itself, called on another object (an instance of
      // the class whose prototype is stubbed, once the stub is restored), does what it did.
      const used = reference.identifier.parent;
      if (used?.type === AST_NODE_TYPES.MemberExpression && used.object === reference.identifier && propertyName(used) === mockedMethod && used.parent.type === AST_NODE_TYPES.CallExpression && used.parent.callee === used) {
        return true;
      }
      // `original(…)`, or `original.call(…)` / `original.apply(…)`.
      let callee: Node = reference.identifier;
      const member = callee.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === callee && ['call', 'apply'].includes(propertyName(member) ?? '')) callee = member;
      const parent = callee.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== callee) continue;
      const definition = reference.resolved?.defs[0];
      if (definition?.type === 'Variable' && definition.node.init && keepsMethod(definition.node.init, mockedMethod)) return true;
    }
    scopes.push(...current.childScopes);
  }
  return false;
}

/** `x.method`, `x.method.bind(x)`, or a global kept by its name (`fetch`): an expression that keeps a method as it was. */
function keepsMethod(init: Node, mockedMethod: string): boolean {
  let node = unwrap(init);
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(node.callee) === 'bind') {
    node = unwrap(node.callee.object);
  }
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === mockedMethod;
  return node.type === AST_NODE_TYPES.MemberExpression && propertyName(node) === mockedMethod;
}

/**
 * Whether a stand-in put in a global's place hands every call to the original, kept before it
 * (`const realFetch = globalThis.fetch.bind(globalThis)`, then `vi.stubGlobal('fetch', (url, init) =>
 * realFetch(rewrite(url), init))`): every request still goes out, redirected or observed. A path that
 * answers by itself (`if (url === metadataUrl) return new Response(…)`) or throws stands in for the
 * calls it takes, so it is not passing through.
 */
export function passesEveryCallThrough(context: Context, standIn: Node, name: string): boolean {
  const fn = standInFunction(context, standIn);
  if (!fn) return false;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return callsKeptOriginal(context, fn.body, name);
  // The last statement returns, so no path falls off the end without a call.
  if (fn.body.body[fn.body.body.length - 1]?.type !== AST_NODE_TYPES.ReturnStatement) return false;
  const exits: Array<TSESTree.ReturnStatement | TSESTree.ThrowStatement> = [];
  const pending: Node[] = [...fn.body.body];
  while (pending.length > 0) {
    const node = pending.pop() as Node;
    if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) exits.push(node);
    if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) continue;
    for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) if (item && typeof item === 'object' && 'type' in item) pending.push(item as Node);
    }
  }
  return exits.every((exit) => exit.type === AST_NODE_TYPES.ReturnStatement && exit.argument !== null && callsKeptOriginal(context, exit.argument, name));
}

/** Whether a global's stand-in hands at least one of its calls to the original, kept before it: then it answers only some calls itself. */
export function passesSomeCallsThrough(context: Context, standIn: Node, name: string): boolean {
  const fn = standInFunction(context, standIn);
  return fn !== null && callsOriginal(context, fn, name);
}

/**
 * The function a stand-in runs: itself, the one a spy wraps (`vi.fn((url) => …)`, `sinon.fake((url)
 * => …)`), or either kept in a variable first (`const fetchSpy = vi.fn(…)`, then `vi.stubGlobal('fetch', fetchSpy)`).
 */
function standInFunction(context: Context, standIn: Node): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | null {
  let fn = unwrap(standIn);
  if (fn.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, fn);
    const value = resolution.type === 'local' ? singleValueOf(resolution.variable) : null;
    if (!value) return null;
    fn = unwrap(value);
  }
  if (fn.type === AST_NODE_TYPES.CallExpression && fn.callee.type === AST_NODE_TYPES.MemberExpression && ['fn', 'fake'].includes(propertyName(fn.callee) ?? '')) {
    const [inner] = fn.arguments;
    if (fn.arguments.length !== 1 || !inner) return null;
    fn = unwrap(inner);
  }
  return isInlineFunction(fn) ? fn : null;
}

/** `realFetch(url, init)`, `await realFetch.call(globalThis, url)`: a call of the original, kept in a variable before the stub. */
function callsKeptOriginal(context: Context, node: Node, name: string, depth = 0): boolean {
  const expression = unwrap(node);
  // `const response = await realFetch(url); return response;`
  if (expression.type === AST_NODE_TYPES.Identifier && depth === 0) {
    const resolution = resolveName(context, expression);
    const value = resolution.type === 'local' ? singleValueOf(resolution.variable) : null;
    return value !== null && callsKeptOriginal(context, value, name, depth + 1);
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  let callee = unwrap(expression.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && ['call', 'apply'].includes(propertyName(callee) ?? '')) callee = unwrap(callee.object);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, callee);
  if (resolution.type !== 'local') return false;
  const definition = resolution.variable.defs[0];
  return resolution.variable.defs.length === 1 && definition?.type === 'Variable' && definition.node.init !== null && keepsMethod(definition.node.init, name);
}
