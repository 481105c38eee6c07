import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { moduleBindingOf, moduleOfExpression, resolveName } from './imports';
import { parseTestCall, testPlaceOf, type HookName, type TestCall } from './test-calls';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Fix = TSESLint.RuleFix;
type Fixer = TSESLint.RuleFixer;

/** How a test interface spells its hooks. */
type HookFamily = 'jest' | 'bdd' | 'tdd';

const HOOK_NAMES: Readonly<Record<HookFamily, Readonly<Record<HookName, string>>>> = {
  jest: { beforeAll: 'beforeAll', afterAll: 'afterAll', beforeEach: 'beforeEach', afterEach: 'afterEach' },
  bdd: { beforeAll: 'before', afterAll: 'after', beforeEach: 'beforeEach', afterEach: 'afterEach' },
  tdd: { beforeAll: 'suiteSetup', afterAll: 'suiteTeardown', beforeEach: 'setup', afterEach: 'teardown' },
};

/** Modules that export hooks, with the family their names follow. */
const MODULE_FAMILIES: Readonly<Record<string, HookFamily>> = {
  vitest: 'jest',
  '@jest/globals': 'jest',
  'bun:test': 'jest',
  'node:test': 'bdd',
  test: 'bdd',
  mocha: 'bdd',
};

/** Names that only one family writes, as hooks or suites; `beforeEach` and `describe` say nothing. */
const FAMILY_OF_NAME: Readonly<Record<string, HookFamily>> = {
  beforeAll: 'jest',
  afterAll: 'jest',
  before: 'bdd',
  after: 'bdd',
  context: 'bdd',
  specify: 'bdd',
  suite: 'tdd',
  suiteSetup: 'tdd',
  suiteTeardown: 'tdd',
  setup: 'tdd',
  teardown: 'tdd',
};

/** Libraries that come with Mocha far more often than with Jest or Vitest. */
const MOCHA_COMPANIONS: ReadonlySet<string> = new Set(['chai', 'chai-as-promised', 'sinon-chai']);

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
  const sample = suite ?? testPlaceOf(context, node).call ?? firstTestCall(context);
  if (!sample) return null;
  const spelled = spellHooks(context, sample, hooks.map(({ hook }) => hook));
  if (!spelled) return null;
  const insertion = suite ? suiteInsertion(context, suite) : moduleInsertion(context);
  if (!insertion) return null;
  const { indent, unit } = insertion;
  const text = hooks
    .map(({ hook, body }) => `${indent}${spelled.callees[hook]}(() => {\n${body.map((line) => `${indent}${unit}${line}\n`).join('')}${indent}});`)
    .join('\n');
  return (fixer) => [...spelled.imports(fixer), insertion.insert(fixer, text)];
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
    if (call?.kind === 'describe' && call.callback && isInside(node, call.callback)) found = call;
  }
  return found;
}

function isInside(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** The first test-framework call among the top-level statements, to learn the file's framework. */
function firstTestCall(context: Context): TestCall | null {
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.CallExpression) {
      const call = parseTestCall(context, statement.expression);
      if (call) return call;
    }
  }
  return null;
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

interface SpelledHooks {
  readonly callees: Readonly<Record<string, string>>;
  readonly imports: (fixer: Fixer) => Fix[];
}

/** How to write each hook in this file, and the import edit that makes the names available. */
function spellHooks(context: Context, sample: TestCall, hooks: readonly HookName[]): SpelledHooks | null {
  const resolution = resolveName(context, sample.head);
  if (resolution.type === 'module') {
    const { source, imported, declaration } = resolution.binding;
    const family = MODULE_FAMILIES[source];
    if (!family) return null;
    const exportNames = hooks.map((hook) => HOOK_NAMES[source === 'mocha' && FAMILY_OF_NAME[imported] === 'tdd' ? 'tdd' : family][hook]);
    if (imported === 'default' || imported === '*') {
      // `import test from 'node:test'`: the hooks are properties of the default export.
      return { callees: Object.fromEntries(hooks.map((hook, index) => [hook, `${sample.head.name}.${exportNames[index]}`])), imports: () => [] };
    }
    const moduleScope = moduleScopeOf(context);
    const callees: Record<string, string> = {};
    const missing: string[] = [];
    hooks.forEach((hook, index) => {
      const exportName = exportNames[index] as string;
      const existing = moduleScope.variables.find((variable) => {
        const binding = moduleBindingOf(variable);
        return binding !== null && binding.source === source && binding.imported === exportName && !binding.typeOnly;
      });
      callees[hook] = existing?.name ?? exportName;
      if (!existing) missing.push(exportName);
    });
    if (missing.some((name) => moduleScope.set.has(name))) return null;
    if (missing.length === 0) return { callees, imports: () => [] };
    const last = lastImportedName(declaration);
    if (!last) return null;
    return { callees, imports: (fixer) => [fixer.insertTextAfter(last, missing.map((name) => `, ${name}`).join(''))] };
  }
  if (resolution.type !== 'global') return null;
  const family = globalFamily(context);
  const callees = Object.fromEntries(hooks.map((hook) => [hook, HOOK_NAMES[family][hook]]));
  // A global hook name must not be shadowed by a declaration of the file.
  if (Object.values(callees).some((name) => moduleScopeOf(context).set.has(name))) return null;
  return { callees, imports: () => [] };
}

/** The family of a file that uses the frameworks' globals, from the names it already writes. */
function globalFamily(context: Context): HookFamily {
  for (const call of suiteStructure(context)) {
    const family = FAMILY_OF_NAME[call.writtenName];
    if (family && call.framework === 'global') return family;
  }
  const importsMochaCompanion = context.sourceCode.ast.body.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) return MOCHA_COMPANIONS.has(statement.source.value);
    return statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((declarator) => {
      const loaded = declarator.init ? moduleOfExpression(declarator.init) : null;
      return loaded !== null && MOCHA_COMPANIONS.has(loaded.source);
    });
  });
  return importsMochaCompanion ? 'bdd' : 'jest';
}

/** The scope that holds the file's top-level declarations (module scope, or CommonJS wrapper scope). */
export function moduleScopeOf(context: Context): TSESLint.Scope.Scope {
  const global = context.sourceCode.getScope(context.sourceCode.ast);
  return global.childScopes.find((scope) => scope.block === context.sourceCode.ast) ?? global;
}

/** The last named import of a declaration, to add names after: `{ describe, it }` or `const { it } = require(…)`. */
function lastImportedName(declaration: Node): Node | null {
  if (declaration.type === AST_NODE_TYPES.ImportDeclaration) {
    if (declaration.importKind === 'type') return null;
    const named = declaration.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
    return named[named.length - 1] ?? null;
  }
  if (declaration.type === AST_NODE_TYPES.VariableDeclarator && declaration.id.type === AST_NODE_TYPES.ObjectPattern) {
    const last = declaration.id.properties[declaration.id.properties.length - 1];
    return last?.type === AST_NODE_TYPES.Property ? last : null;
  }
  return null;
}

interface Insertion {
  readonly indent: string;
  readonly unit: string;
  readonly insert: (fixer: Fixer, text: string) => Fix;
}

function lineIndent(context: Context, line: number): string {
  return /^\s*/.exec(context.sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
}

/** First thing in the suite's body, before its existing statements and comments. */
function suiteInsertion(context: Context, suite: TestCall): Insertion | null {
  const body = suite.callback?.body;
  if (!body || body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const suiteIndent = lineIndent(context, suite.node.loc.start.line);
  const first = context.sourceCode.getTokenAfter(context.sourceCode.getFirstToken(body) as TSESTree.Token, { includeComments: true });
  const bodyIndent = first && first.loc.start.line > body.loc.start.line && first !== context.sourceCode.getLastToken(body) ? lineIndent(context, first.loc.start.line) : '';
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

function isImportStatement(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) return true;
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.some((declarator) => declarator.init !== null && moduleOfExpression(declarator.init) !== null)
  );
}
