import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isUnset, isWithin, propertyKeyName, propertyName, unwrap } from './call-chain';
import { resolveName } from './imports';
import { someCallIn } from './local-bindings';
import { isStandInFunction } from './mocks';
import { loadsOriginal } from './real-module-factories';
import { testFileOf } from './test-file';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/**
 * What a module mock puts in the module's place, when it is not a fake of its own:
 * - `empty`: every export an empty object (or one of only empty values), `null`, `undefined`, or a
 *   plain string, number or flag (`vi.mock('../db', () => ({ prisma: {}, replica: null, schema: 'public' }))`),
 *   or node:test's options with only such `namedExports` and `defaultExport`. Code that called through
 *   it would throw.
 * - `forwarding`: the exports that are not empty hand every read on to a value the file puts in place
 *   later: a `Proxy` whose `get` reads `holder.client[prop]` (made in place or by a function the
 *   factory declares), or a getter that returns `holder.client`, where the holder starts without that
 *   value and the file assigns it something other than a stand-in it makes there.
 *
 * Exports read off the real module (`const { Prisma } = await import('…')`, then `Prisma`) are left as
 * they are and do not count either way. `null` for anything else: a function, a value, a spread of
 * the original, a stand-in made in the file.
 */
export function standInOf(context: Context, replacement: Node): 'empty' | 'forwarding' | null {
  const stand = unwrap(replacement);
  if (stand.type === AST_NODE_TYPES.ArrowFunctionExpression || stand.type === AST_NODE_TYPES.FunctionExpression) {
    const returned = returnedObject(stand);
    return returned ? exportsStandIn(context, returned.properties, stand, returned.locals) : null;
  }
  if (stand.type !== AST_NODE_TYPES.ObjectExpression || stand.properties.length === 0) return null;
  const options = stand.properties.every(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      (property.key.name === 'namedExports' || property.key.name === 'defaultExport') &&
      (property.key.name === 'defaultExport' ? isInertExport(property.value) : isInertExports(property.value)),
  );
  return options ? 'empty' : null;
}

/**
 * The exports a module mock's factory replaces while it hands back the rest of the real module:
 * `() => ({ ...jest.requireActual('./periods'), earliest: jest.fn() })` replaces `earliest` alone.
 * `null` when the factory does not spread the real module's exports beside its own, or names one
 * of its own in a way that cannot be read.
 */
export function replacedExportsOf(context: Context, replacement: Node): string[] | null {
  const stand = unwrap(replacement);
  if (stand.type !== AST_NODE_TYPES.ArrowFunctionExpression && stand.type !== AST_NODE_TYPES.FunctionExpression) return null;
  const returned = returnedObject(stand);
  if (!returned) return null;
  let keepsOriginal = false;
  const replaced: string[] = [];
  // The names the real module is held by (`actual` in `const actual = await importOriginal()`).
  const modules = new Set<string>();
  let spied = 0;
  for (const property of returned.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = unwrap(property.argument);
      const value = spread.type === AST_NODE_TYPES.Identifier ? returned.locals.values.get(spread.name) : spread;
      if (!value || !loadsOriginal(value)) return null;
      if (spread.type === AST_NODE_TYPES.Identifier) modules.add(spread.name);
      keepsOriginal = true;
      continue;
    }
    const name = property.computed ? null : propertyKeyName(property.key);
    if (name === null) return null;
    if (property.type === AST_NODE_TYPES.Property && callsThroughOriginal(context, property.value, name, modules, returned.locals)) spied++;
    else replaced.push(name);
  }
  if (!keepsOriginal) return null;
  return replaced.length > 0 || spied > 0 ? replaced : null;
}

/**
 * Whether an export's stand-in hands its calls to the real export it stands for: a function, or one
 * wrapped in a spy (`vi.fn(function (...args) { return new actual.Agent(...args) })`), that calls or
 * constructs `actual.Agent` (or an `Agent` taken from the real module). It watches the export; it
 * does not replace it.
 */
function callsThroughOriginal(context: Context, node: Node, name: string, modules: ReadonlySet<string>, locals: FactoryLocals): boolean {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 1) value = unwrap(value.arguments[0] as Node);
  if (value.type !== AST_NODE_TYPES.ArrowFunctionExpression && value.type !== AST_NODE_TYPES.FunctionExpression) return false;
  return someCallIn(context, value, (call) => {
    if (call.type === AST_NODE_TYPES.TaggedTemplateExpression) return false;
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === name && locals.originals.has(name);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== name) return false;
    const object = unwrap(callee.object);
    return object.type === AST_NODE_TYPES.Identifier && modules.has(object.name);
  });
}

/** What a factory declares before it returns: values by name, and the names it took from the real module. */
interface FactoryLocals {
  readonly values: ReadonlyMap<string, Node>;
  readonly originals: ReadonlySet<string>;
}

/**
 * What a factory hands back, when it is an object literal: its expression body, or a body of `const`
 * declarations ending in one `return`. Names destructured from the real module
 * (`const { Prisma } = await import('…')`, `await vi.importActual(…)`, `await importOriginal()`) are
 * kept as originals.
 */
function returnedObject(fn: FunctionNode): { properties: TSESTree.ObjectLiteralElement[]; locals: FactoryLocals } | null {
  const values = new Map<string, Node>();
  const originals = new Set<string>();
  let returned: Node | null | undefined = fn.body.type === AST_NODE_TYPES.BlockStatement ? undefined : fn.body;
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    const statements = fn.body.body;
    for (const [index, statement] of statements.entries()) {
      if (statement.type === AST_NODE_TYPES.ReturnStatement && index === statements.length - 1) returned = statement.argument;
      else if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.kind === 'const') {
        for (const declarator of statement.declarations) {
          if (!declarator.init) return null;
          if (declarator.id.type === AST_NODE_TYPES.Identifier) values.set(declarator.id.name, declarator.init);
          else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && loadsOriginal(declarator.init)) {
            for (const property of declarator.id.properties) {
              if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) return null;
              originals.add(property.value.name);
            }
          } else return null;
        }
      } else return null;
    }
  }
  const value = returned ? unwrap(returned) : null;
  return value?.type === AST_NODE_TYPES.ObjectExpression ? { properties: value.properties, locals: { values, originals } } : null;
}

/** Whether a value is read off what the factory took from the real module: `Prisma`, `Prisma.sql([…])`. */
function isFromOriginal(node: Node, locals: FactoryLocals): boolean {
  let value = unwrap(node);
  for (;;) {
    if (value.type === AST_NODE_TYPES.CallExpression) value = unwrap(value.callee);
    else if (value.type === AST_NODE_TYPES.MemberExpression) value = unwrap(value.object);
    else break;
  }
  return value.type === AST_NODE_TYPES.Identifier && locals.originals.has(value.name);
}

function exportsStandIn(context: Context, properties: readonly TSESTree.ObjectLiteralElement[], factory: FunctionNode, locals: FactoryLocals): 'empty' | 'forwarding' | null {
  let forwarding = false;
  for (const property of properties) {
    if (property.type !== AST_NODE_TYPES.Property) return null;
    if (property.kind === 'get') {
      if (!returnsOnlyForwardedReads(context, property.value as FunctionNode, factory, NO_NAMES)) return null;
      forwarding = true;
      continue;
    }
    if (property.kind !== 'init' || property.method) return null;
    const value = localValue(property.value, locals);
    if (isInertExport(value) || isFromOriginal(value, locals)) continue;
    if (!isForwardingProxy(context, value, factory, locals)) return null;
    forwarding = true;
  }
  return forwarding ? 'forwarding' : 'empty';
}

/** A name declared in the factory stands for what it was set to there. */
function localValue(node: Node, locals: FactoryLocals): Node {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Identifier ? (locals.values.get(value.name) ?? value) : value;
}

/**
 * An export that cannot answer a call: an empty value ({@link isEmptyValue}), or a plain string,
 * number or flag (`DATABASE_SCHEMA: 'public'`, `readsFromReplica: false`).
 */
function isInertExport(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return !('regex' in value);
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length === 0;
  return isEmptyValue(value);
}

/**
 * `{}`, `[]`, `null`, `undefined`, `void 0`, a class with nothing in it (`class {}`: what `new` makes
 * of it is `{}`), or an object literal of only such values, however nested.
 */
function isEmptyValue(node: Node): boolean {
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.ClassExpression:
      return value.superClass === null && value.body.body.length === 0 && (value.decorators?.length ?? 0) === 0;
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.method && property.kind === 'init' && isEmptyValue(property.value));
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.length === 0;
    case AST_NODE_TYPES.Literal:
      return value.value === null && !('regex' in value);
    case AST_NODE_TYPES.Identifier:
      return value.name === 'undefined';
    case AST_NODE_TYPES.UnaryExpression:
      return value.operator === 'void' && value.argument.type === AST_NODE_TYPES.Literal;
    default:
      return false;
  }
}

/** No parameters handed over, or no `const`s declared: names that stand for nothing else. */
const NO_NAMES: ReadonlyMap<string, Node> = new Map();
const NO_LOCALS: FactoryLocals = { values: new Map(), originals: new Set() };

/**
 * `new Proxy(target, { get: (t, prop) => holder.client[prop] })`: every read handed on. Also a call of
 * a function the factory declares to make such a proxy (`lazyProxy(holder, 'primary')`), its
 * parameters standing for what the call hands it.
 */
function isForwardingProxy(context: Context, node: Node, factory: FunctionNode, locals: FactoryLocals, parameters = NO_NAMES): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression && parameters === NO_NAMES) {
    const maker = localValue(node.callee, locals);
    if (maker.type !== AST_NODE_TYPES.ArrowFunctionExpression || maker.body.type === AST_NODE_TYPES.BlockStatement) return false;
    const handed = new Map<string, Node>();
    maker.params.forEach((parameter, index) => {
      const argument = node.arguments[index];
      if (parameter.type === AST_NODE_TYPES.Identifier && argument) handed.set(parameter.name, argument);
    });
    return isForwardingProxy(context, unwrap(maker.body), factory, locals, handed);
  }
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Proxy') return false;
  const handler = node.arguments[1] ? unwrap(node.arguments[1]) : null;
  if (handler?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const [trap, ...others] = handler.properties;
  if (trap?.type !== AST_NODE_TYPES.Property || others.length > 0) return false;
  const fn = unwrap(trap.value);
  const named = !trap.computed && trap.key.type === AST_NODE_TYPES.Identifier && trap.key.name === 'get';
  return named && (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) && returnsOnlyForwardedReads(context, fn, factory, parameters);
}

/**
 * Whether every value a function returns is a forwarded read, or a proxy that forwards in turn, read
 * through the `const`s it declares on the way (it may throw on the way).
 */
function returnsOnlyForwardedReads(context: Context, fn: FunctionNode, factory: FunctionNode, parameters: ReadonlyMap<string, Node>): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return forwardsValue(context, fn.body, factory, parameters, NO_NAMES);
  const returned: Array<Node | null> = [];
  const consts = new Map<string, Node>();
  const pending: Node[] = [...fn.body.body].reverse();
  while (pending.length > 0) {
    const statement = pending.pop() as Node;
    switch (statement.type) {
      case AST_NODE_TYPES.ReturnStatement:
        returned.push(statement.argument);
        break;
      case AST_NODE_TYPES.IfStatement:
        pending.push(...(statement.alternate ? [statement.alternate] : []), statement.consequent);
        break;
      case AST_NODE_TYPES.BlockStatement:
        pending.push(...[...statement.body].reverse());
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        if (statement.kind !== 'const') return false;
        for (const declarator of statement.declarations) {
          if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return false;
          consts.set(declarator.id.name, declarator.init);
        }
        break;
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.EmptyStatement:
        break;
      default:
        return false;
    }
  }
  return returned.length > 0 && returned.every((value) => value !== null && forwardsValue(context, value, factory, parameters, consts));
}

/** A forwarded read, a `const` set to one, or a proxy that forwards in turn. */
function forwardsValue(context: Context, node: Node, factory: FunctionNode, parameters: ReadonlyMap<string, Node>, consts: ReadonlyMap<string, Node>): boolean {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier && consts.has(value.name)) value = unwrap(consts.get(value.name) as Node);
  if (value.type === AST_NODE_TYPES.NewExpression) return isForwardingProxy(context, value, factory, NO_LOCALS, parameters);
  return isForwardedRead(context, value, factory, parameters);
}

/**
 * `holder.client`, or members of it (`holder.client[prop][method]`): a field of a variable declared outside
 * the factory that starts empty there and that the file fills with something it does not make up.
 * Also a variable of its own (`let current;`, later `current = client`) that does the same.
 */
function isForwardedRead(context: Context, node: Node, factory: FunctionNode, parameters: ReadonlyMap<string, Node>): boolean {
  let read = unwrap(node);
  while (read.type === AST_NODE_TYPES.MemberExpression && read.computed) read = unwrap(read.object);
  if (read.type === AST_NODE_TYPES.Identifier && !parameters.has(read.name)) return isFilledLater(context, read, factory);
  if (read.type !== AST_NODE_TYPES.MemberExpression || read.computed) return false;
  let holder = unwrap(read.object);
  if (holder.type === AST_NODE_TYPES.Identifier && parameters.has(holder.name)) holder = unwrap(parameters.get(holder.name) as Node);
  const field = propertyName(read);
  if (holder.type !== AST_NODE_TYPES.Identifier || field === null) return false;
  const resolution = resolveName(context, holder);
  if (resolution.type !== 'local') return false;
  const definition = resolution.variable.defs[0];
  if (definition?.type !== 'Variable' || isWithin(definition.node, factory)) return false;
  return startsEmpty(definition.node.init, field) && filledWithoutStandIns(context, holder.name, field);
}

/**
 * Whether a name is a `let` or `var` declared outside the factory without a value (or set to
 * `undefined` or `null`), which the file sets later only to values it does not make up as stand-ins.
 */
function isFilledLater(context: Context, name: TSESTree.Identifier, factory: FunctionNode): boolean {
  const resolution = resolveName(context, name);
  if (resolution.type !== 'local') return false;
  const { variable } = resolution;
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== 'Variable' || definition.parent.kind === 'const' || isWithin(definition.node, factory)) return false;
  if (definition.node.init && !isUnset(definition.node.init)) return false;
  return variable.references.every((reference) => {
    if (!reference.isWrite() || !reference.writeExpr || reference.writeExpr === definition.node.init) return true;
    const value = unwrap(reference.writeExpr);
    return value.type !== AST_NODE_TYPES.ObjectExpression && !isStandInFunction(context, value);
  });
}

/** Whether a holder's initial value leaves `field` unset: `{ client: undefined }`, or that inside `vi.hoisted(() => …)`. */
function startsEmpty(init: Node | null, field: string): boolean {
  let value = init ? unwrap(init) : null;
  if (value?.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(value.callee) === 'hoisted') {
    const fn = value.arguments[0] ? unwrap(value.arguments[0]) : null;
    value = fn && (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) ? unwrap(returnedValueOf(fn)) : null;
  }
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return value.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.key.name === field &&
      isUnset(property.value),
  );
}

/** node:test's `namedExports`: an object literal of exports that cannot answer a call. */
function isInertExports(node: Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.ObjectExpression && value.properties.every((property) => property.type === AST_NODE_TYPES.Property && property.kind === 'init' && !property.method && isInertExport(property.value));
}

/** What a function hands back: its expression body, or what its last statement returns. */
function returnedValueOf(fn: FunctionNode): Node {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const last = fn.body.body[fn.body.body.length - 1];
  return last?.type === AST_NODE_TYPES.ReturnStatement && last.argument ? last.argument : fn.body;
}

/** Whether every assignment of the file to `holder.field` puts there something it does not make up as a stand-in. */
function filledWithoutStandIns(context: Context, holder: string, field: string): boolean {
  for (const assignment of testFileOf(context).memberAssignments) {
    const left = unwrap(assignment.left);
    if (left.type !== AST_NODE_TYPES.MemberExpression || propertyName(left) !== field) continue;
    const object = unwrap(left.object);
    if (object.type !== AST_NODE_TYPES.Identifier || object.name !== holder) continue;
    const right = unwrap(assignment.right);
    if (right.type === AST_NODE_TYPES.ObjectExpression || isStandInFunction(context, right)) return false;
  }
  return true;
}

