import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isWithin } from './call-chain';
import { moduleBindingOf, moduleOfExpression, moduleScopeOf, resolveName } from './imports';
import { declaredHookNamesOf } from './runner-setup';
import { parseTestCall, testPlaceOf, type HookName, type TestCall } from './test-calls';
import { indentUnitOf, lineIndent, type TextEdit } from './text-edits';

/**
 * Hooks as a test file writes them: the names of each test interface (Jest-like, Mocha BDD and
 * node:test, Mocha TDD), how to make a hook's name available through the framework import, and
 * where to insert a new hook.
 */

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Fix = TSESLint.RuleFix;
type Fixer = TSESLint.RuleFixer;

/** How a file spells its hooks: Jest-like (`beforeAll`), Mocha BDD and node:test (`before`), Mocha TDD (`suiteSetup`). */
export type HookStyle = 'jest' | 'bdd' | 'tdd';

export const HOOK_NAMES: Readonly<Record<HookStyle, Readonly<Record<HookName, string>>>> = {
  jest: { beforeAll: 'beforeAll', beforeEach: 'beforeEach', afterEach: 'afterEach', afterAll: 'afterAll' },
  bdd: { beforeAll: 'before', beforeEach: 'beforeEach', afterEach: 'afterEach', afterAll: 'after' },
  tdd: { beforeAll: 'suiteSetup', beforeEach: 'setup', afterEach: 'teardown', afterAll: 'suiteTeardown' },
};

const TDD_NAMES: ReadonlySet<string> = new Set(['setup', 'teardown', 'suiteSetup', 'suiteTeardown']);
const MOCHA_BDD_NAMES: ReadonlySet<string> = new Set(['before', 'after', 'context', 'specify', 'xcontext', 'xspecify']);
const JEST_NAMES: ReadonlySet<string> = new Set(['beforeAll', 'afterAll', 'fit', 'fdescribe', 'xtest']);
/** Globals only Jest-like runners have. */
const JEST_GLOBALS: ReadonlySet<string> = new Set(['jest', 'vi']);
/** Assertion libraries that come with Mocha far more often than with any Jest-like runner. */
const MOCHA_COMPANIONS: ReadonlySet<string> = new Set(['chai', 'sinon-chai', 'chai-as-promised']);
/** Modules whose hooks are imported by name, so a new hook joins the same import. */
const HOOK_MODULES: ReadonlySet<string> = new Set(['vitest', '@jest/globals', 'mocha', 'node:test', 'test', 'bun:test']);

/**
 * The hook style of a file, from its own test calls: the framework they come from and the names they
 * use. For a file of globals, other signs count too: `jest`/`vi` globals, a chai import, the configured
 * globals. One that says nothing either way is read with the names every Jest-like runner has;
 * `null` when the file could be either Vitest or Mocha TDD.
 */
export function hookStyleOf(context: Context, calls: readonly TestCall[]): HookStyle | null {
  const framework = calls[0]?.framework;
  if (!framework) return null;
  const written = new Set(calls.map((call) => call.writtenName));
  const uses = (names: ReadonlySet<string>) => [...written].some((name) => names.has(name));
  switch (framework) {
    case 'jest':
    case 'vitest':
    case 'bun':
    case 'jasmine':
      return 'jest';
    case 'node:test':
    case 'lab':
    case 'ava':
      return 'bdd';
    case 'mocha':
      return uses(TDD_NAMES) || written.has('suite') ? 'tdd' : 'bdd';
    case 'global': {
      if (uses(TDD_NAMES)) return 'tdd';
      if (uses(MOCHA_BDD_NAMES)) return 'bdd';
      if (uses(JEST_NAMES) || usesGlobal(context, JEST_GLOBALS)) return 'jest';
      if (loadsModule(context, MOCHA_COMPANIONS)) return 'bdd';
      const declared = context.sourceCode.scopeManager?.globalScope?.set;
      if (declared?.has('before') && !declared.has('beforeAll')) return declared.has('suiteSetup') && written.has('suite') ? 'tdd' : 'bdd';
      if (written.has('suite')) return null;
      // The runner the project declares (`"test": "mocha"`, a `jest.config.ts`), when the file says nothing.
      return declaredHookNamesOf(context.filename) ?? 'jest';
    }
  }
}

/**
 * The name a message gives a hook of the file's style (`beforeAll`, `before`, `suiteSetup`), written
 * on the test function where the runner keeps its hooks there (AVA's `test.before`).
 */
export function hookNameIn(context: Context, calls: readonly TestCall[], hook: HookName): string {
  const name = HOOK_NAMES[hookStyleOf(context, calls) ?? 'jest'][hook];
  const model = calls.find((call) => call.framework === 'ava');
  return model ? `${model.head.name}.${name}` : name;
}

/** How to call some hooks from a place in the file, and the import edit that makes those names exist. */
export interface HookReferences {
  /** The callee text of each requested hook, in the order asked: `afterEach`, `test.after`, `teardown`. */
  readonly names: readonly string[];
  readonly importEdit: TextEdit | null;
}

/**
 * The callee text for new hooks written at `place`, following the file's own test calls (`calls`, in
 * source order): the names of its style, an existing import of the hook if there is one, otherwise the
 * same import the file's other test functions come from, extended in one edit. `null` when no name is
 * safe (the style is unknown, or the name is already taken by something else).
 */
export function hookReferences(context: Context, calls: readonly TestCall[], hooks: readonly HookName[], place: Node): HookReferences | null {
  const style = hookStyleOf(context, calls);
  const model = calls.find((call) => call.kind === 'hook') ?? calls[0];
  if (!style || !model) return null;
  const wanted = hooks.map((hook) => HOOK_NAMES[style][hook]);
  const resolution = resolveName(context, model.head);

  if (model.framework === 'ava') {
    // AVA skips an `after…` hook when a test fails unless it is `.always`; cleanup has to run then most.
    return { names: wanted.map((name) => `${model.head.name}.${name}${name.startsWith('after') ? '.always' : ''}`), importEdit: null };
  }
  if (resolution.type === 'module' && (resolution.binding.imported === 'default' || resolution.binding.imported === '*')) {
    // `import test from 'node:test'`: every hook is a property of the test function.
    return { names: wanted.map((name) => `${model.head.name}.${name}`), importEdit: null };
  }

  const names: string[] = [];
  const missing: string[] = [];
  for (const name of wanted) {
    const imported = importedHook(context, name);
    if (imported) {
      names.push(imported);
      continue;
    }
    if (isNameTaken(context, place, name)) return null;
    names.push(name);
    if (resolution.type !== 'global') missing.push(name);
  }
  if (missing.length === 0) return { names, importEdit: null };
  const declaration = resolution.type === 'module' ? resolution.binding.declaration : frameworkImport(context);
  const importEdit = declaration ? addNamedImports(context, declaration, missing) : null;
  return importEdit ? { names, importEdit } : null;
}

/** The local name of an existing import or `require` of a hook from a test framework: `afterEach`, or its alias. */
function importedHook(context: Context, name: string): string | null {
  for (const scope of context.sourceCode.scopeManager?.scopes ?? []) {
    if (scope.block.type !== AST_NODE_TYPES.Program) continue;
    for (const variable of scope.variables) {
      const binding = moduleBindingOf(variable);
      if (binding && !binding.typeOnly && HOOK_MODULES.has(binding.source) && binding.imported === name) return variable.name;
    }
  }
  return null;
}

/** The import of test functions that new hooks can join, for files whose tests come from `test.extend`. */
function frameworkImport(context: Context): Node | null {
  return (
    context.sourceCode.ast.body.find(
      (statement): statement is TSESTree.ImportDeclaration =>
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        HOOK_MODULES.has(statement.source.value) &&
        statement.importKind !== 'type' &&
        statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier),
    ) ?? null
  );
}

/** Whether `name` already means something at `place` (a local, a parameter, an unrelated import). */
function isNameTaken(context: Context, place: Node, name: string): boolean {
  const start = place.type === AST_NODE_TYPES.Program ? moduleScopeOf(context) : context.sourceCode.getScope(place);
  for (let scope: TSESLint.Scope.Scope | null = start; scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable && variable.defs.length > 0) return true;
  }
  return false;
}

/** Adds names to `import { a } from 'm'` or `const { a } = require('m')`, after the last one. */
function addNamedImports(context: Context, declaration: Node, names: readonly string[]): TextEdit | null {
  let last: Node | undefined;
  if (declaration.type === AST_NODE_TYPES.ImportDeclaration) {
    const named = declaration.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
    last = named[named.length - 1];
  } else if (declaration.type === AST_NODE_TYPES.VariableDeclarator && declaration.id.type === AST_NODE_TYPES.ObjectPattern) {
    const properties = declaration.id.properties;
    const final = properties[properties.length - 1];
    last = final?.type === AST_NODE_TYPES.Property ? final : undefined;
  }
  if (!last) return null;
  return { range: [last.range[1], last.range[1]], text: names.map((name) => `, ${name}`).join('') };
}

function usesGlobal(context: Context, names: ReadonlySet<string>): boolean {
  return (context.sourceCode.scopeManager?.globalScope?.through ?? []).some((reference) => names.has(reference.identifier.name));
}

/** Whether the file imports or requires one of the modules at its top level. */
function loadsModule(context: Context, sources: ReadonlySet<string>): boolean {
  return context.sourceCode.ast.body.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) return sources.has(statement.source.value);
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
    return statement.declarations.some((declarator) => {
      const loaded = declarator.init ? moduleOfExpression(declarator.init) : null;
      return loaded !== null && sources.has(loaded.source);
    });
  });
}

/** The suite (or module) a new hook for some code belongs in, with the hooks it already has. */
export interface HookPlace {
  readonly body: TSESTree.BlockStatement | TSESTree.Program;
  /** The hook written by each statement of the body, or `null`. */
  readonly hooks: ReadonlyArray<TestCall | null>;
}

/**
 * Where a new hook for the code at `node` belongs: the outermost suite around it, else the file's only
 * top-level suite, else the module. `null` when that suite's callback has no block body.
 */
export function hookPlaceFor(context: Context, calls: readonly TestCall[], node: Node): HookPlace | null {
  let outermost: TestCall | null = null;
  for (let place = testPlaceOf(context, node); place.call; place = testPlaceOf(context, place.call.node)) {
    if (place.call.kind === 'describe') outermost = place.call;
  }
  if (!outermost) {
    const topLevel = calls.filter((call) => call.node.parent?.parent?.type === AST_NODE_TYPES.Program);
    const only = topLevel[0];
    if (topLevel.length === 1 && only?.kind === 'describe') outermost = only;
  }
  const body = outermost ? outermost.callback?.body : context.sourceCode.ast;
  if (body?.type !== AST_NODE_TYPES.BlockStatement && body?.type !== AST_NODE_TYPES.Program) return null;
  return { body, hooks: body.body.map((statement) => hookOfStatement(context, statement)) };
}

/**
 * An edit that adds a new hook with `lines` in its body to a place: after its last hook, else after its
 * leading declarations (after the imports, at module level), else at its top. The hook is spelled the
 * way the file spells its hooks, and added to the file's framework import when needed.
 */
export function insertHook(
  context: Context,
  calls: readonly TestCall[],
  place: HookPlace,
  hook: HookName,
  lines: readonly string[],
): { readonly name: string; readonly fix: TSESLint.ReportFixFunction } | null {
  const statements: readonly Node[] = place.body.body;
  const first = statements[0];
  if (!first) return null;
  const indent = lineIndent(context.sourceCode, first);
  let anchor = lastIndexOf(statements, (_, index) => place.hooks[index] !== null);
  if (anchor < 0 && place.body.type === AST_NODE_TYPES.Program) anchor = lastIndexOf(statements, isImportStatement);
  if (anchor < 0 && place.body.type !== AST_NODE_TYPES.Program) {
    while (statements[anchor + 1]?.type === AST_NODE_TYPES.VariableDeclaration) anchor++;
  }

  const references = hookReferences(context, calls, [hook], statements[anchor] ?? first);
  if (!references) return null;
  const name = references.names[0] as string;
  const unit = indentUnitOf(context.sourceCode, calls);
  const end = endsStatementsWithSemicolons(context.sourceCode) ? ';' : '';
  const text = `${name}(async () => {\n${lines.map((line) => `${indent}${unit}${line}\n`).join('')}${indent}})${end}`;
  const importEdit = references.importEdit;
  const fix: TSESLint.ReportFixFunction = (fixer) => {
    const anchorStatement = statements[anchor];
    const edits = [anchorStatement ? fixer.insertTextAfter(anchorStatement, `\n\n${indent}${text}`) : fixer.insertTextBefore(first, `${text}\n\n${indent}`)];
    if (importEdit) edits.push(fixer.insertTextAfterRange(importEdit.range, importEdit.text));
    return edits;
  };
  return { name, fix };
}

/** Whether the file ends its statements with semicolons, judged by its top-level statements (yes when it has none to judge by). */
function endsStatementsWithSemicolons(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const statements = sourceCode.ast.body.filter(
    (statement) =>
      statement.type === AST_NODE_TYPES.ExpressionStatement ||
      statement.type === AST_NODE_TYPES.VariableDeclaration ||
      statement.type === AST_NODE_TYPES.ImportDeclaration,
  );
  if (statements.length === 0) return true;
  return statements.some((statement) => sourceCode.getLastToken(statement)?.value === ';');
}

function hookOfStatement(context: Context, statement: Node): TestCall | null {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const call = parseTestCall(context, statement.expression);
  return call?.kind === 'hook' ? call : null;
}

/** An import, `import x = require(…)`, or a declaration of what `require` or `import()` loads. */
function isImportStatement(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return true;
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.some((declarator) => declarator.init !== null && moduleOfExpression(declarator.init) !== null)
  );
}

function lastIndexOf<T>(items: readonly T[], predicate: (item: T, index: number) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) {
    if (predicate(items[index] as T, index)) return index;
  }
  return -1;
}

/** A hook to add: which one, and the statements of its body. */
export interface HookToAdd {
  readonly hook: HookName;
  readonly body: readonly string[];
}

/**
 * An edit that adds hooks to the outermost suite holding `node` (or to the top of the file when
 * `node` is in no suite), spelled the way the file's test framework spells them. A hook that must
 * be imported is added to the file's import of that framework. `null` when the file gives no safe
 * way to write the hooks, or when `node` runs while the file loads, before any hook could.
 */
export function addHooksEdit(context: Context, node: Node, hooks: readonly HookToAdd[]): ((fixer: Fixer) => Fix[]) | null {
  if (runsWhileLoading(context, node)) return null;
  const suite = outermostSuite(context, node);
  const insertion = suite ? suiteInsertion(context, suite) : moduleInsertion(context);
  if (!insertion) return null;
  const references = hookReferences(context, suiteStructure(context), hooks.map(({ hook }) => hook), suite?.callback ?? context.sourceCode.ast);
  if (!references) return null;
  const { indent, unit } = insertion;
  const text = hooks
    .map(({ body }, index) => `${indent}${references.names[index]}(() => {\n${body.map((line) => `${indent}${unit}${line}\n`).join('')}${indent}});`)
    .join('\n');
  const { importEdit } = references;
  return (fixer) => [...(importEdit ? [fixer.insertTextAfterRange(importEdit.range, importEdit.text)] : []), insertion.insert(fixer, text)];
}

/**
 * Whether code runs while the test file loads, before any hook: at the top level or directly in a
 * `describe` body, not inside a test, a hook or any function called later.
 */
export function runsWhileLoading(context: Context, node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      const call = current.parent?.type === AST_NODE_TYPES.CallExpression ? parseTestCall(context, current.parent) : null;
      if (call?.kind !== 'describe' || call.callback !== current) return false;
    }
  }
  return true;
}

/** The outermost `describe` whose callback holds the node. */
function outermostSuite(context: Context, node: Node): TestCall | null {
  let found: TestCall | null = null;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.CallExpression) continue;
    const call = parseTestCall(context, current);
    if (call?.kind === 'describe' && call.callback && isWithin(node, call.callback)) found = call;
  }
  return found;
}

/** Every suite and hook call at the top level or directly in a suite, to learn the file's hook names. */
function suiteStructure(context: Context): TestCall[] {
  const calls: TestCall[] = [];
  const visit = (statements: readonly TSESTree.Statement[] | readonly TSESTree.ProgramStatement[]) => {
    for (const statement of statements) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) continue;
      const call = parseTestCall(context, statement.expression);
      if (!call) continue;
      calls.push(call);
      if (call.kind === 'describe' && call.callback?.body.type === AST_NODE_TYPES.BlockStatement) visit(call.callback.body.body);
    }
  };
  visit(context.sourceCode.ast.body);
  return calls;
}

interface Insertion {
  readonly indent: string;
  readonly unit: string;
  readonly insert: (fixer: Fixer, text: string) => Fix;
}

/** First thing in the suite's body, before its existing statements and comments. */
function suiteInsertion(context: Context, suite: TestCall): Insertion | null {
  const body = suite.callback?.body;
  if (!body || body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const suiteIndent = lineIndent(context.sourceCode, suite.node);
  const first = context.sourceCode.getTokenAfter(context.sourceCode.getFirstToken(body) as TSESTree.Token, { includeComments: true });
  const bodyIndent = first && first.loc.start.line > body.loc.start.line && first !== context.sourceCode.getLastToken(body) ? lineIndent(context.sourceCode, first) : '';
  const indent = bodyIndent.startsWith(suiteIndent) && bodyIndent.length > suiteIndent.length ? bodyIndent : `${suiteIndent}  `;
  const unit = indent.slice(suiteIndent.length);
  const hasContent = body.body.length > 0 || context.sourceCode.getCommentsInside(body).length > 0;
  return {
    indent,
    unit,
    insert: (fixer, text) => fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], `\n${text}\n${hasContent ? '' : suiteIndent}`),
  };
}

/** After the file's imports (at the end of that line), or before its first statement. */
function moduleInsertion(context: Context): Insertion | null {
  const program = context.sourceCode.ast;
  const imports = program.body.filter(isImportStatement);
  const last = imports[imports.length - 1];
  if (!last) {
    const first = program.body[0];
    return first ? { indent: '', unit: '  ', insert: (fixer, text) => fixer.insertTextBefore(first, `${text}\n\n`) } : null;
  }
  const lineEnd = context.sourceCode.getIndexFromLoc({ line: last.loc.end.line, column: context.sourceCode.lines[last.loc.end.line - 1]?.length ?? 0 });
  // A block comment that starts on this line and runs on must not be cut: then insert right after the import.
  const runsOn = context.sourceCode.getAllComments().some((comment) => comment.range[0] >= last.range[1] && comment.range[0] < lineEnd && comment.range[1] > lineEnd);
  const at = runsOn ? last.range[1] : lineEnd;
  return { indent: '', unit: '  ', insert: (fixer, text) => fixer.insertTextAfterRange([at, at], `\n\n${text}`) };
}
