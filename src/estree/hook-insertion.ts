import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './call-chain';
import { hookReferences } from './hooks';
import { parseTestCall, testPlaceOf, type HookName, type TestCall } from './test-calls';
import { indentUnitOf, lineIndent } from './text-edits';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

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
  const text = `${name}(async () => {\n${lines.map((line) => `${indent}${unit}${line}\n`).join('')}${indent}});`;
  const importEdit = references.importEdit;
  const fix: TSESLint.ReportFixFunction = (fixer) => {
    const anchorStatement = statements[anchor];
    const edits = [anchorStatement ? fixer.insertTextAfter(anchorStatement, `\n\n${indent}${text}`) : fixer.insertTextBefore(first, `${text}\n\n${indent}`)];
    if (importEdit) edits.push(fixer.insertTextAfterRange(importEdit.range, importEdit.text));
    return edits;
  };
  return { name, fix };
}

function hookOfStatement(context: Context, statement: Node): TestCall | null {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const call = parseTestCall(context, statement.expression);
  return call?.kind === 'hook' ? call : null;
}

function isImportStatement(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return true;
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.some((declarator) => {
      const init = declarator.init && unwrap(declarator.init);
      return init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require';
    })
  );
}

function lastIndexOf<T>(items: readonly T[], predicate: (item: T, index: number) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) {
    if (predicate(items[index] as T, index)) return index;
  }
  return -1;
}
