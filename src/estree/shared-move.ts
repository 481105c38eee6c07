import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './call-chain';
import { hookReferences } from './hooks';
import { resolveName } from './imports';
import type { HookName, TestCall } from './test-calls';
import {
  appendToBody,
  combineEdits,
  indentUnitOf,
  isEmptiedBy,
  lineIndent,
  lineSpan,
  lineStartOf,
  movedText,
  prependToBody,
  removalRange,
  type TextEdit,
} from './text-edits';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Callback = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/** What moves where: statements of a per-test hook or test into shared set-up, and their teardown into shared teardown. */
export interface MoveRequest {
  /** The `beforeEach` hook or test the statements come from; its statement sits in `body`. */
  readonly owner: TestCall;
  /** The suite body (or module) holding the owner and the hooks. */
  readonly body: TSESTree.BlockStatement | TSESTree.Program;
  /** Statements of the owner's callback (or its expression body) to move into shared set-up, in order. */
  readonly moved: readonly Node[];
  /** Statements of `afterEach` hooks in `body`, or of the test itself, to move into shared teardown. */
  readonly teardowns: ReadonlyArray<{ readonly source: TestCall; readonly statement: Node }>;
  /** The hooks written directly in `body`, in source order. */
  readonly siblingHooks: readonly TestCall[];
}

/** The edit, and the hook names it uses (for the suggestion's message). */
export interface SharedMove {
  readonly shared: string;
  readonly teardown: string | null;
  readonly fix: TSESLint.ReportFixFunction;
}

/** What the steps of a move share. */
interface Move {
  readonly context: Context;
  readonly request: MoveRequest;
  /** Indentation of the hooks in the suite, and of the statements inside them. */
  readonly indent: string;
  readonly inner: string;
  /** `;` when the file ends its statements with one (judged from the owner's statement), else nothing. */
  readonly semi: string;
  readonly edits: TextEdit[];
}

/**
 * Moves set-up statements into the suite's last `beforeAll` (or a new one placed before the owner)
 * and their teardown to the start of its last `afterAll` (or a new one in place of, or after, the last
 * `afterEach` it came from). A declaration becomes a suite-level `let` assigned in the shared hook; a
 * hook whose whole body is one expression is renamed rather than rewritten. Hooks left with nothing in
 * them are removed. `null` when any part cannot be written safely.
 */
export function buildSharedMove(context: Context, calls: readonly TestCall[], request: MoveRequest): SharedMove | null {
  const { sourceCode } = context;
  const ownerStatement = request.owner.node.parent as Node;
  if (lineStartOf(sourceCode, ownerStatement) === null) return null;
  const indent = lineIndent(sourceCode, ownerStatement);
  const semi = sourceCode.getText(ownerStatement).endsWith(';') ? ';' : '';
  const move: Move = { context, request, indent, inner: indent + indentUnitOf(sourceCode, calls), semi, edits: [] };

  const wanted: HookName[] = request.teardowns.length > 0 ? ['beforeAll', 'afterAll'] : ['beforeAll'];
  const references = hookReferences(context, calls, wanted, ownerStatement);
  if (!references) return null;
  const [sharedName, teardownName] = references.names as [string, string | undefined];

  const lets = suiteLets(move);
  if (lets === null || !placeSetup(move, sharedName, lets)) return null;
  if (request.teardowns.length > 0 && !placeTeardown(move, teardownName as string)) return null;
  if (references.importEdit) move.edits.push(references.importEdit);

  const combined = combineEdits(sourceCode, move.edits, request.body.range);
  if (!combined) return null;
  return {
    shared: sharedName,
    teardown: request.teardowns.length > 0 ? (teardownName as string) : null,
    fix: (fixer) => fixer.replaceTextRange([...combined.range], combined.text),
  };
}

/**
 * `let` lines for the declarations that move. They join the suite's own `let`s before the owner when
 * there are some (added to `move.edits`); otherwise they are returned to go right before the set-up hook.
 */
function suiteLets(move: Move): string[] | null {
  const { context, request, indent } = move;
  const ownerStatement = request.owner.node.parent as Node;
  const lets: string[] = [];
  for (const statement of request.moved) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    const declarator = statement.declarations[0] as TSESTree.VariableDeclarator;
    const name = (declarator.id as TSESTree.Identifier).name;
    const type = declaredTypeOf(context, declarator);
    if (type === null || !canDeclareInSuite(context, ownerStatement, request.body, name)) return null;
    lets.push(`${indent}let ${name}${type}${move.semi}`);
  }
  const state = lastStateDeclaration(request.body, ownerStatement);
  if (!state || lets.length === 0) return lets;
  move.edits.push({ range: [state.range[1], state.range[1]], text: lets.map((line) => `\n${line}`).join('') });
  return [];
}

/** Puts the moved statements into shared set-up and takes them out of the owner. */
function placeSetup(move: Move, sharedName: string, lets: readonly string[]): boolean {
  const { context, request, indent, inner, edits } = move;
  const { sourceCode } = context;
  const { owner, moved } = request;
  const callback = owner.callback as Callback;
  const ownerStatement = owner.node.parent as Node;
  const existing = joinableHook(context, lastBlockHook(request.siblingHooks, 'beforeAll'), owner.kind === 'hook' ? [owner] : []);

  if (owner.kind === 'hook' && callback.body.type !== AST_NODE_TYPES.BlockStatement && !existing) {
    edits.push({ range: owner.node.callee.range, text: sharedName });
    return true;
  }

  const lines = moved.map((statement) => setupText(context, callback, statement, inner)).join('\n');
  const async = moved.some((statement) => awaits(context, callback, statement));
  let created = '';
  if (existing) {
    const target = existing.callback as Callback;
    const asyncEdit = makeAsync(target, async);
    const letsAt = lineStartOf(sourceCode, existing.node.parent as Node);
    if (asyncEdit === null || letsAt === null) return false;
    edits.push(...asyncEdit, appendToBody(sourceCode, target.body as TSESTree.BlockStatement, lines, lineIndent(sourceCode, existing.node)));
    if (lets.length > 0) edits.push({ range: [letsAt, letsAt], text: lets.map((line) => `${line}\n`).join('') });
  } else {
    const timeout = owner.kind === 'hook' ? argumentsAfterCallback(context, owner) : '';
    created = `${lets.map((line) => `${line}\n`).join('')}${indent}${sharedName}(${async ? 'async ' : ''}() => {\n${lines}\n${indent}}${timeout})${move.semi}\n`;
  }

  const ownerStart = lineStartOf(sourceCode, ownerStatement) as number;
  if (owner.kind === 'test' || !isEmptiedBy(sourceCode, callback, new Set(moved))) {
    for (const statement of moved) edits.push({ range: removalRange(sourceCode, statement), text: '' });
    if (created) edits.push({ range: [ownerStart, ownerStart], text: `${created}\n` });
    return true;
  }
  return replaceHook(move, ownerStatement, created);
}

/** Puts the teardown into shared teardown and takes it out of the `afterEach` hooks or the test. */
function placeTeardown(move: Move, teardownName: string): boolean {
  const { context, request, indent, inner, edits } = move;
  const { sourceCode } = context;
  const sources = [...new Set(request.teardowns.map(({ source }) => source))];
  const existing = joinableHook(context, lastBlockHook(request.siblingHooks, 'afterAll'), sources.filter((source) => source !== request.owner));
  const statementsOf = (source: TestCall) => request.teardowns.filter((teardown) => teardown.source === source).map(({ statement }) => statement);

  // An `afterEach` whose whole body is the teardown becomes the `afterAll`, unless there is one to join.
  const renamed = existing ? [] : sources.filter((source) => source !== request.owner && source.callback?.body.type !== AST_NODE_TYPES.BlockStatement);
  for (const source of renamed) edits.push({ range: source.node.callee.range, text: teardownName });
  const rewritten = sources.filter((source) => !renamed.includes(source));
  if (rewritten.length === 0) return true;

  const pairs = rewritten.flatMap((source) => statementsOf(source).map((statement) => ({ callback: source.callback as Callback, statement })));
  const lines = pairs.map(({ callback, statement }) => teardownText(context, callback, statement, inner)).join('\n');
  const async = pairs.some(({ callback, statement }) => awaits(context, callback, statement));
  let created = '';
  if (existing) {
    const target = existing.callback as Callback;
    const asyncEdit = makeAsync(target, async);
    if (asyncEdit === null) return false;
    edits.push(...asyncEdit, prependToBody(target.body as TSESTree.BlockStatement, lines, lineIndent(sourceCode, existing.node)));
  } else {
    const timeout = argumentsAfterCallback(context, rewritten[rewritten.length - 1] as TestCall);
    created = `${indent}${teardownName}(${async ? 'async ' : ''}() => {\n${lines}\n${indent}}${timeout})${move.semi}\n`;
  }

  if (request.owner.kind === 'test') {
    for (const statement of statementsOf(request.owner)) edits.push({ range: removalRange(sourceCode, statement), text: '' });
    const ownerStart = lineStartOf(sourceCode, request.owner.node.parent as Node) as number;
    if (created) edits.push({ range: [ownerStart, ownerStart], text: `${created}\n` });
    return true;
  }
  // The new `afterAll` takes the place of the last `afterEach` it empties, or goes right after it.
  for (const [index, source] of rewritten.entries()) {
    const statement = source.node.parent as Node;
    const here = index === rewritten.length - 1 ? created : '';
    if (isEmptiedBy(sourceCode, source.callback as Callback, new Set(statementsOf(source)))) {
      if (!replaceHook(move, statement, here)) return false;
      continue;
    }
    for (const removed of statementsOf(source)) edits.push({ range: removalRange(sourceCode, removed), text: '' });
    if (here) edits.push({ range: [statement.range[1], statement.range[1]], text: `\n\n${here.replace(/\n$/, '')}` });
  }
  return true;
}

/**
 * What a hook takes after its callback, such as a timeout (`beforeEach(fn, 60_000)`), as `, 60_000`:
 * the shared hook the statements move into needs the same time they had.
 */
function argumentsAfterCallback(context: Context, hook: TestCall): string {
  const args = hook.node.arguments;
  const index = args.findIndex((argument) => argument === hook.callback);
  return index < 0 ? '' : args.slice(index + 1).map((argument) => `, ${context.sourceCode.getText(argument)}`).join('');
}

/**
 * The shared hook to add statements to, unless it runs with other arguments (another timeout) than
 * the hooks they come from: then they go to a new hook of their own, which keeps theirs.
 */
function joinableHook(context: Context, existing: TestCall | null, sources: readonly TestCall[]): TestCall | null {
  if (!existing) return null;
  const own = argumentsAfterCallback(context, existing);
  return sources.every((source) => argumentsAfterCallback(context, source) === own) ? existing : null;
}

/** Replaces a hook statement that has nothing left in it by `text` (whole lines), or removes it. */
function replaceHook(move: Move, statement: Node, text: string): boolean {
  const { sourceCode } = move.context;
  const span = lineSpan(sourceCode, statement);
  if (!span) return false;
  move.edits.push(text ? { range: span, text } : { range: removalRange(sourceCode, statement, 'keep'), text: '' });
  return true;
}

/** The last hook of a kind in the suite whose callback has a block body (so statements can join it). */
function lastBlockHook(hooks: readonly TestCall[], name: HookName): TestCall | null {
  return [...hooks].reverse().find((hook) => hook.name === name && hook.callback?.body.type === AST_NODE_TYPES.BlockStatement) ?? null;
}

/**
 * The type annotation for a suite-level `let` replacing a declaration: the written one, or the class
 * of `new Pool(…)` when it is imported or declared in the file; `''` in JavaScript; `null` when unknown.
 */
export function declaredTypeOf(context: Context, declarator: TSESTree.VariableDeclarator): string | null {
  const { sourceCode } = context;
  if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.typeAnnotation) return sourceCode.getText(declarator.id.typeAnnotation);
  if (!/\.[cm]?tsx?$/.test(context.filename)) return '';
  const init = declarator.init;
  if (init?.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier) return null;
  const resolution = resolveName(context, init.callee);
  const isType =
    (resolution.type === 'module' && resolution.binding.declaration.type === AST_NODE_TYPES.ImportDeclaration) ||
    (resolution.type === 'local' && resolution.variable.defs[0]?.type === 'ClassName');
  if (!isType) return null;
  return `: ${init.callee.name}${init.typeArguments ? sourceCode.getText(init.typeArguments) : ''}`;
}

/** The last `let` or `var` statement of the suite before the owner: where the suite keeps its state. */
function lastStateDeclaration(body: TSESTree.BlockStatement | TSESTree.Program, owner: Node): Node | null {
  let found: Node | null = null;
  for (const statement of body.body) {
    if (statement === owner) break;
    if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.kind !== 'const') found = statement;
  }
  return found;
}

/** Whether a suite-level `let name` would neither clash with nor shadow anything the suite already sees. */
function canDeclareInSuite(context: Context, anchor: Node, body: Node, name: string): boolean {
  for (let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(anchor); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable && variable.defs.length > 0) return false;
  }
  const unresolved = context.sourceCode.scopeManager?.globalScope?.through ?? [];
  return !unresolved.some(
    (reference) => reference.identifier.name === name && reference.identifier.range[0] >= body.range[0] && reference.identifier.range[1] <= body.range[1],
  );
}

/** A set-up statement as it reads in the shared hook: declarations become assignments to the suite's `let`. */
function setupText(context: Context, callback: Callback, statement: Node, indent: string): string {
  if (statement === callback.body) return expressionBodyText(context, statement, indent);
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    const declarator = statement.declarations[0] as TSESTree.VariableDeclarator;
    const init = declarator.init as Node;
    const name = (declarator.id as TSESTree.Identifier).name;
    return movedText(context.sourceCode, statement, indent, [{ range: [statement.range[0], init.range[0]], text: `${name} = ` }]);
  }
  return movedText(context.sourceCode, statement, indent);
}

function teardownText(context: Context, callback: Callback, statement: Node, indent: string): string {
  return statement === callback.body ? expressionBodyText(context, statement, indent) : movedText(context.sourceCode, statement, indent);
}

/** `() => server.close()` returns what the call returns, so in a block the call is awaited to keep waiting for it. */
function expressionBodyText(context: Context, expression: Node, indent: string): string {
  const inner = unwrap(expression);
  const text = context.sourceCode.getText(inner);
  return inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression
    ? `${indent}await ${text};`
    : `${indent}${text};`;
}

/** Whether a statement awaits (so the hook it moves into must be `async`). */
function awaits(context: Context, callback: Callback, statement: Node): boolean {
  if (statement === callback.body) {
    const inner = unwrap(statement);
    return inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression;
  }
  return context.sourceCode.getTokens(statement).some((token) => token.value === 'await');
}

/** The edit that makes a hook callback `async` when it needs to await; `null` when it takes a `done` callback. */
function makeAsync(callback: Callback, needed: boolean): TextEdit[] | null {
  if (!needed || callback.async) return [];
  if (callback.params.length > 0) return null;
  return [{ range: [callback.range[0], callback.range[0]], text: 'async ' }];
}
