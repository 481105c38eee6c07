import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { moduleBindingOf, moduleOfExpression, resolveName } from './imports';
import type { HookName, TestCall } from './test-calls';
import type { TextEdit } from './text-edits';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

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
      return written.has('suite') ? null : 'jest';
    }
  }
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

  if (resolution.type === 'module' && (resolution.binding.imported === 'default' || resolution.binding.imported === '*')) {
    // `import test from 'node:test'`: every hook is a property of the default export.
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
  for (let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(place); scope; scope = scope.upper) {
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
