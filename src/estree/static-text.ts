import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import {
  CONTAINER_ADDRESS,
  concatText,
  fullText,
  knownText,
  SERVER_ADDRESS,
  STAND_IN_ADDRESS,
  UNKNOWN_TEXT,
  type PartialText,
} from '../core/partial-text';
import { parseUrl, urlObjectText, type UrlTarget } from '../core/urls';
import { propertyName, unwrap } from './call-chain';
import { moduleBindingOf, resolveName } from './imports';
import { functionOf } from './local-bindings';
import { isHarnessApp } from './harness-apps';
import { moduleMemberOf } from './module-members';
import { exportOfSpecifier, moduleIdentityOf } from './project-modules';
import { destructuredPropertyOf, singleValueOf } from './variables';
import { fileCache } from './file-cache';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const MAX_DEPTH = 10;
/** testcontainers methods that give where a started container listens. */
const CONTAINER_ADDRESS_METHODS: ReadonlySet<string> = new Set([
  'getMappedPort', 'getFirstMappedPort', 'getHost', 'getIpAddress', 'getConnectionUri', 'getHttpUrl', 'getEndpoint',
]);

/**
 * How far to trust what the file says a value holds:
 * - `values`: what a test most likely uses: also numbers, variables assigned once (in a hook, say)
 *   and the default given for an environment variable (`process.env.URL ?? 'http://localhost:3000'`);
 * - `constants`: only what it certainly uses, whatever the environment: strings and `const`s.
 */
export type Reading = 'values' | 'constants';

const caches: Record<Reading, Map<Node, PartialText>> = { values: fileCache(), constants: fileCache() };

interface Evaluation {
  readonly context: Context;
  readonly reading: Reading;
  readonly seen: Set<TSESLint.Scope.Variable>;
}

/**
 * What a string expression holds, as far as this file shows: literals, template literals, `+`,
 * constants (and variables assigned once), `path.join`/`path.resolve`/`path.normalize` with `__dirname`,
 * `new URL(path, base)`, `new Request(url)`, `String(x)`, `x.toString()`, `x.href`, an environment
 * variable's fallback (`process.env.URL ?? 'http://localhost:3000'`), and the address of a server
 * the file starts (`await app.listen(…)`, `server.address().address`) or of a container it starts
 * (`container.getMappedPort(9200)`). Everything else is a hole.
 * Paths built from `__dirname` are relative to the working directory.
 */
export function partialTextOf(context: Context, node: Node, reading: Reading = 'values'): PartialText {
  const cache = caches[reading];
  const cached = cache.get(node);
  if (cached) return cached;
  const text = evaluate({ context, reading, seen: new Set() }, node, 0);
  cache.set(node, text);
  return text;
}

/** Where a URL expression points (see {@link partialTextOf}); `null` when its host cannot be read. */
export function urlOf(context: Context, node: Node, reading: Reading = 'values'): UrlTarget | null {
  return parseUrl(partialTextOf(context, node, reading));
}

function evaluate(evaluation: Evaluation, node: Node, depth: number): PartialText {
  if (depth > MAX_DEPTH) return UNKNOWN_TEXT;
  const { context, reading } = evaluation;
  const next = (child: Node) => evaluate(evaluation, child, depth + 1);
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof expression.value === 'string') return knownText(expression.value);
      if (reading === 'values' && (typeof expression.value === 'number' || typeof expression.value === 'bigint')) return knownText(String(expression.value));
      return UNKNOWN_TEXT;
    case AST_NODE_TYPES.TemplateLiteral:
      return concatText(
        ...expression.quasis.flatMap((quasi, index) => {
          const value = knownText(quasi.value.cooked ?? '');
          const inserted = expression.expressions[index];
          return inserted ? [value, next(inserted)] : [value];
        }),
      );
    case AST_NODE_TYPES.BinaryExpression:
      return expression.operator === '+'
        ? concatText(next(expression.left), next(expression.right))
        : UNKNOWN_TEXT;
    case AST_NODE_TYPES.LogicalExpression:
      // `process.env.BASE_URL ?? 'http://localhost:3000'`: the file states the default.
      if (reading === 'values' && expression.operator !== '&&' && isEnvironmentRead(expression.left)) return next(expression.right);
      return UNKNOWN_TEXT;
    case AST_NODE_TYPES.Identifier:
      return evaluateIdentifier(evaluation, expression, depth);
    case AST_NODE_TYPES.MemberExpression:
      return evaluateMember(context, expression, next);
    case AST_NODE_TYPES.CallExpression:
      return evaluateCall(context, expression, next);
    case AST_NODE_TYPES.NewExpression: {
      const [reference, base] = expression.arguments;
      if (!reference || reference.type === AST_NODE_TYPES.SpreadElement || base?.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN_TEXT;
      // `new Request(url, init)` stands for its URL.
      if (isGlobal(context, unwrap(expression.callee), 'Request')) return next(reference);
      if (isGlobal(context, unwrap(expression.callee), 'URL')) return urlObjectText(next(reference), base ? next(base) : null);
      return UNKNOWN_TEXT;
    }
    default:
      return UNKNOWN_TEXT;
  }
}

function evaluateIdentifier(evaluation: Evaluation, identifier: TSESTree.Identifier, depth: number): PartialText {
  const { context, reading, seen } = evaluation;
  const resolution = resolveName(context, identifier);
  if (resolution.type === 'global') return identifier.name === '__dirname' ? directoryText(context) : UNKNOWN_TEXT;
  if (resolution.type !== 'local' || seen.has(resolution.variable)) return UNKNOWN_TEXT;
  const variable = resolution.variable;
  seen.add(variable);
  try {
    const value = reading === 'values' || isConstant(variable) ? singleValueOf(variable) : null;
    if (value) return evaluate(evaluation, value, depth + 1);
    const destructured = destructuredPropertyOf(variable);
    if (destructured && (destructured.key === 'port' || destructured.key === 'address') && isStandInAddressCall(context, destructured.object)) return STAND_IN_ADDRESS;
    if (destructured?.key === 'address' && isServerAddressCall(context, destructured.object)) return SERVER_ADDRESS;
    return UNKNOWN_TEXT;
  } finally {
    seen.delete(variable);
  }
}

function evaluateMember(context: Context, member: TSESTree.MemberExpression, next: (node: Node) => PartialText): PartialText {
  const name = propertyName(member);
  const object = unwrap(member.object);
  if (name === 'dirname' && object.type === AST_NODE_TYPES.MetaProperty) return directoryText(context);
  // The path of the node binary that runs the tests: `spawn(process.execPath, ['bin/cli.js'])`.
  if (name === 'execPath' && isGlobal(context, object, 'process')) return knownText('node');
  if (name === 'href') return next(object);
  if ((name === 'port' || name === 'address') && isStandInAddressCall(context, object)) return STAND_IN_ADDRESS;
  // `server.port` of what a helper started for a harness app (`await using server = await startServer(app)`).
  if (name === 'port' && isStandInServer(context, object, 0)) return STAND_IN_ADDRESS;
  // hapi's `server.info.port` and `server.info.uri`, once a harness server is started.
  if ((name === 'port' || name === 'uri') && object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'info' && isStandInServer(context, object.object, 0)) {
    return STAND_IN_ADDRESS;
  }
  if (name === 'address' && isServerAddressCall(context, object)) return SERVER_ADDRESS;
  return UNKNOWN_TEXT;
}

function evaluateCall(context: Context, call: TSESTree.CallExpression, next: (node: Node) => PartialText): PartialText {
  const callee = unwrap(call.callee);
  const args = call.arguments;
  const [first] = args;
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && first && isGlobal(context, callee, 'String')) {
    return next(first);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(callee);
    if (name === 'toString' && args.length === 0) return next(callee.object);
    // fastify and others resolve `listen` to the address they listen on: a stand-in's, when the app
    // listening is a harness the file builds (see `isHarnessApp`).
    if (name === 'listen') return isHarnessApp(context, callee.object) ? STAND_IN_ADDRESS : SERVER_ADDRESS;
    if (name !== null && CONTAINER_ADDRESS_METHODS.has(name)) return CONTAINER_ADDRESS;
    if (name === 'resolve' && first && isGlobal(context, unwrap(callee.object), 'require')) return next(first);
  }
  const member = moduleMemberOf(context, callee);
  if (member?.source === 'path' && args.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement)) {
    const operation = member.path.filter((segment) => segment !== 'posix').join('.');
    if (operation === 'join' || operation === 'resolve') return joinPaths(args.map(next), operation);
    if (operation === 'normalize' && first && args.length === 1) return normalisePath(next(first));
  }
  return UNKNOWN_TEXT;
}

/** `path.join(…)` / `path.resolve(…)` on partial texts: exact when every part is known. */
function joinPaths(parts: readonly PartialText[], operation: 'join' | 'resolve'): PartialText {
  const known = parts.map(fullText);
  if (known.every((part): part is string => part !== null)) {
    // `path.resolve` starts over at its last absolute part.
    let start = 0;
    if (operation === 'resolve') known.forEach((part, index) => (start = part.startsWith('/') ? index : start));
    return knownText(path.posix.join(...known.slice(start)));
  }
  const joined: PartialText[] = [];
  parts.forEach((part, index) => joined.push(...(index === 0 ? [part] : [knownText('/'), part])));
  return concatText(...joined);
}

/** `path.normalize(…)`: exact when the path is known; otherwise left as written, `..` and all. */
function normalisePath(text: PartialText): PartialText {
  const known = fullText(text);
  return known === null ? text : knownText(path.posix.normalize(known));
}

/** The directory of the linted file, relative to the working directory when it lies inside it. */
function directoryText(context: Context): PartialText {
  // `<input>` and `<text>` name no file.
  if (context.filename.startsWith('<')) return UNKNOWN_TEXT;
  const directory = path.dirname(path.resolve(context.cwd, context.filename));
  const relative = path.relative(context.cwd, directory);
  const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  return knownText((inside ? relative || '.' : directory).split(path.sep).join('/'));
}

function isConstant(variable: TSESLint.Scope.Variable): boolean {
  const definition = variable.defs[0];
  return definition?.type === 'Variable' && definition.parent.kind === 'const';
}

function isGlobal(context: Context, node: Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name && resolveName(context, node).type === 'global';
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`. */
export function isEnvironmentRead(node: Node): boolean {
  const expression = unwrap(node);
  return expression.type === AST_NODE_TYPES.MemberExpression && isEnvironment(expression.object);
}

/** `process.env` or `import.meta.env`, the environment's settings. */
export function isEnvironment(node: Node): boolean {
  const object = unwrap(node);
  if (object.type !== AST_NODE_TYPES.MemberExpression || propertyName(object) !== 'env') return false;
  const root = unwrap(object.object);
  return (root.type === AST_NODE_TYPES.Identifier && root.name === 'process') || root.type === AST_NODE_TYPES.MetaProperty;
}

/** The server `server.address()` is called on, or `null` for any other expression. */
function serverOfAddressCall(node: Node): Node | null {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 0) return null;
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'address' ? callee.object : null;
}

/** `server.address()` on a server the file starts. */
function isServerAddressCall(context: Context, node: Node): boolean {
  const server = serverOfAddressCall(node);
  return server !== null && isStartedServer(context, server, 0);
}

/** `server.address()` on a stand-in server the file writes itself ({@link isStandInServer}). */
function isStandInAddressCall(context: Context, node: Node): boolean {
  const server = serverOfAddressCall(node);
  return server !== null && isStandInServer(context, server, 0);
}

/**
 * A URL on this machine whose port, written out, only the file's own stand-in servers listen on
 * (`stub.listen(4010)`, then `fetch('http://localhost:4010/forecast')`): the same URL, marked as
 * theirs. Any other URL comes back as it is. `calls` are the file's calls.
 */
export function onStandInPort(context: Context, calls: readonly TSESTree.CallExpression[], url: UrlTarget | null): UrlTarget | null {
  if (!url?.loopback || url.standIn || url.container || url.localServer || url.port === null) return url;
  return standInPortsOf(context, calls).has(url.port) ? { ...url, standIn: true } : url;
}

const standInPorts = fileCache<object, ReadonlySet<string>>();

/**
 * The ports written out in the file (`stub.listen(4010)`, `listen({ port: 4010 })`, or a name the
 * file gives one) that only stand-in servers the file writes itself listen on ({@link isStandInServer}):
 * a request to one of them on this machine reaches that stand-in, as one to the port it was given
 * by the system does. A port that something else in the file also listens on (the app, or a server
 * the file cannot read) is left out. `calls` are the file's calls.
 */
function standInPortsOf(context: Context, calls: readonly TSESTree.CallExpression[]): ReadonlySet<string> {
  let ports = standInPorts.get(context.sourceCode);
  if (ports) return ports;
  const standIn = new Set<string>();
  const other = new Set<string>();
  for (const call of calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'listen') continue;
    const port = listenedPort(context, call);
    if (port === null) continue;
    (isStandInServer(context, callee.object, 0) ? standIn : other).add(port);
  }
  ports = new Set([...standIn].filter((port) => !other.has(port)));
  standInPorts.set(context.sourceCode, ports);
  return ports;
}

/** The port a `listen` call names, written out: its first argument, or that argument's `port`. */
function listenedPort(context: Context, call: TSESTree.CallExpression): string | null {
  const [first] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
  let value: Node = unwrap(first);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const property = value.properties.find(
      (candidate): candidate is TSESTree.ObjectLiteralElement & TSESTree.Property =>
        candidate.type === AST_NODE_TYPES.Property && !candidate.computed && (candidate.key.type === AST_NODE_TYPES.Identifier ? candidate.key.name : candidate.key.type === AST_NODE_TYPES.Literal ? candidate.key.value : null) === 'port',
    );
    if (!property) return null;
    value = property.value;
  }
  const text = fullText(partialTextOf(context, value));
  return text !== null && /^[1-9]\d{0,4}$/.test(text) ? text : null;
}

/** The name a call is made by: `createServer` in `http.createServer(…)` and in `createServer(…)`. */
function calledName(call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
}

const SERVER_FACTORIES: ReadonlySet<string> = new Set(['createServer', 'createSecureServer']);

/**
 * Whether a value is a stand-in server: made by `createServer` or `createSecureServer` with a
 * request handler written in the file (`http.createServer((req, res) => …)`), which uses nothing the
 * project's own modules export, or started for a harness app the file builds (see `isHarnessApp`).
 * It answers as a fake of some service does; a server around the project's app
 * (`http.createServer(app)`, a handler that calls the app) is the app.
 */
function isStandInServer(context: Context, node: Node, depth: number): boolean {
  if (depth > 4) return false;
  const expression = unwrap(node);
  if ((expression.type === AST_NODE_TYPES.NewExpression || expression.type === AST_NODE_TYPES.CallExpression) && isMadeByProjectDouble(context, expression)) return true;
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(expression.callee);
    const name = calledName(expression);
    // `createServer(handler).listen(0)` hands back the server it is called on.
    if (name === 'listen' && callee.type === AST_NODE_TYPES.MemberExpression) return isStandInServer(context, callee.object, depth + 1);
    // A server started for an app the file builds as a harness (`startServer(app)`, `createServer(app)`,
    // where `app` answers with handlers written here) answers as the file's handlers do.
    if (expression.arguments.some((argument) => isHarnessApp(context, argument))) return true;
    if (name === null || !SERVER_FACTORIES.has(name)) return false;
    const handler = expression.arguments.find((argument) => argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression);
    return handler !== undefined && !usesProjectModules(context, handler);
  }
  // fastify's `app.server`, the Node.js server of a harness app: it answers as the app does.
  if (expression.type === AST_NODE_TYPES.MemberExpression && propertyName(expression) === 'server') return isHarnessApp(context, expression.object);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, expression);
  if (resolution.type !== 'local') return false;
  // `app.listen(0)` on a harness app.
  if (isHarnessApp(context, expression)) return true;
  const value = singleValueOf(resolution.variable);
  return value !== null && isStandInServer(context, value, depth + 1);
}

/**
 * `new MockServer()`, with `MockServer` from one of the project's modules whose summary reads it as a
 * test double (a class or function the project names as one, or one built on a fake): a server it
 * starts answers as that double does, not as the app.
 */
function isMadeByProjectDouble(context: Context, made: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
  const member = moduleMemberOf(context, made.callee);
  const [name] = member?.path ?? [];
  if (!member || member.path.length !== 1 || name === undefined) return false;
  const exported = exportOfSpecifier(context, member.source, name);
  return exported !== null && exported !== 'unknown' && exported.value.type === 'fake';
}

/**
 * Whether a function uses a value the file takes from a module that may be the project's own: any
 * module but a third-party package or a Node.js built-in (an unresolved path may be the app).
 */
export function usesProjectModules(context: Context, fn: Node, depth = 0): boolean {
  const scope = context.sourceCode.scopeManager?.acquire(fn);
  if (!scope || depth > 2) return true;
  for (const reference of scope.through) {
    const variable = reference.resolved;
    if (!variable) continue;
    // A function of the file's own that the handler calls (`(req, res) => handle(req, res)`): what it uses.
    const declared = variable.defs.length === 1 ? functionOf(variable) : null;
    if (declared) {
      if (usesProjectModules(context, declared, depth + 1)) return true;
      continue;
    }
    const binding = moduleBindingOf(variable);
    if (!binding || binding.typeOnly) continue;
    const identity = moduleIdentityOf(context, binding.source).type;
    if (identity !== 'package' && identity !== 'builtin') return true;
  }
  return false;
}

/**
 * Whether a node lies in a request handler the file writes for a server of its own
 * (`http.createServer((req, res) => { http.request(upstream) … })`): what runs there, a proxy
 * forwarding a request, runs while that server answers someone else, not as a step of the test.
 */
export function isInOwnServerHandler(node: Node): boolean {
  for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (child.type !== AST_NODE_TYPES.ArrowFunctionExpression && child.type !== AST_NODE_TYPES.FunctionExpression) continue;
    if (parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(child)) continue;
    const name = calledName(parent);
    if (name !== null && SERVER_FACTORIES.has(name)) return true;
  }
  return false;
}

const SERVER_STARTERS: ReadonlySet<string> = new Set(['listen', 'createServer']);

/**
 * Whether a value is a server the file starts: the result of `listen(…)` or `createServer(…)`,
 * a variable holding one, something `.listen(…)` is called on, or a property of one (`app.server`).
 */
function isStartedServer(context: Context, node: Node, depth: number): boolean {
  if (depth > 4) return false;
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const name = calledName(expression);
    return name !== null && SERVER_STARTERS.has(name);
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) return isStartedServer(context, expression.object, depth + 1);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const resolution = resolveName(context, expression);
  if (resolution.type !== 'local') return false;
  const listenedOn = resolution.variable.references.some(({ identifier }) => {
    const parent = identifier.parent;
    return (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === identifier &&
      propertyName(parent) === 'listen' &&
      parent.parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent
    );
  });
  if (listenedOn) return true;
  const value = singleValueOf(resolution.variable);
  return value !== null && isStartedServer(context, value, depth + 1);
}
