import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isWithin, unwrap } from './call-chain';
import { fileCache } from './file-cache';
import { moduleOfExpression } from './imports';
import { statementRemovalRange } from './statement-removal';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Range = [number, number];

const referencesCache = fileCache<object, ReadonlyMap<Node, TSESLint.Scope.Variable>>();

/** What each reference of the file resolves to, gathered once per file. */
function resolvedReferences(sourceCode: SourceCode): ReadonlyMap<Node, TSESLint.Scope.Variable> {
  const cached = referencesCache.get(sourceCode);
  if (cached) return cached;
  const resolved = new Map<Node, TSESLint.Scope.Variable>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const reference of scope.references) if (reference.resolved) resolved.set(reference.identifier, reference.resolved);
  }
  referencesCache.set(sourceCode, resolved);
  return resolved;
}

/** The variables that references inside `statement` resolve to (property keys and labels are no references). */
function variablesUsedIn(sourceCode: SourceCode, statement: Node): Set<TSESLint.Scope.Variable> {
  const resolved = resolvedReferences(sourceCode);
  const used = new Set<TSESLint.Scope.Variable>();
  const pending: Node[] = [statement];
  while (pending.length > 0) {
    const node = pending.pop() as Node;
    const variable = node.type === AST_NODE_TYPES.Identifier ? resolved.get(node) : undefined;
    if (variable && variable.defs.length > 0) used.add(variable);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) pending.push(item as Node);
      }
    }
  }
  return used;
}

/** A value whose declaration can go without losing an effect: a `require`, a literal, a function. */
function isInertValue(node: Node): boolean {
  const value = unwrap(node);
  if (moduleOfExpression(value)) return true;
  return [
    AST_NODE_TYPES.Literal,
    AST_NODE_TYPES.TemplateLiteral,
    AST_NODE_TYPES.ObjectExpression,
    AST_NODE_TYPES.ArrayExpression,
    AST_NODE_TYPES.ArrowFunctionExpression,
    AST_NODE_TYPES.FunctionExpression,
  ].includes(value.type);
}

/** The range that deletes one named import out of several: `b, ` in `{ a, b, c }`, or `, c` when it is last. */
function specifierRange(sourceCode: SourceCode, specifier: TSESTree.ImportSpecifier): Range | null {
  const after = sourceCode.getTokenAfter(specifier);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after);
    return next && next.value !== '}' ? [specifier.range[0], next.range[0]] : [specifier.range[0], after.range[1]];
  }
  const before = sourceCode.getTokenBefore(specifier);
  return before?.value === ',' ? [before.range[0], specifier.range[1]] : null;
}

/**
 * Ranges that delete what only `statement` used: an import (or one name of it) and `const`
 * declarations of inert values, such as a canned response written for a stub. Nothing else goes.
 */
function orphanRanges(sourceCode: SourceCode, statement: Node): Range[] {
  const ranges: Range[] = [];
  const orphanedByImport = new Map<TSESTree.ImportDeclaration, TSESTree.ImportClause[]>();
  for (const variable of variablesUsedIn(sourceCode, statement)) {
    const definition = variable.defs[0];
    if (!definition || isWithin(definition.name, statement)) continue;
    // The declaration's own initialising write is no use of the binding.
    if (!variable.references.every((reference) => reference.identifier === definition.name || isWithin(reference.identifier, statement))) continue;
    if (definition.type === 'ImportBinding') {
      const declaration = definition.parent as TSESTree.ImportDeclaration;
      orphanedByImport.set(declaration, [...(orphanedByImport.get(declaration) ?? []), definition.node as TSESTree.ImportClause]);
    } else if (definition.type === 'Variable' && definition.node.id === definition.name && definition.node.init && isInertValue(definition.node.init)) {
      const declaration = definition.parent as TSESTree.VariableDeclaration;
      const range = declaration.declarations.length === 1 ? statementRemovalRange(sourceCode, declaration) : null;
      if (range) ranges.push(range);
    }
  }
  for (const [declaration, orphans] of orphanedByImport) {
    if (orphans.length === declaration.specifiers.length) {
      const range = statementRemovalRange(sourceCode, declaration);
      if (range) ranges.push(range);
      continue;
    }
    for (const specifier of orphans) {
      const range = specifier.type === AST_NODE_TYPES.ImportSpecifier ? specifierRange(sourceCode, specifier) : null;
      if (range) ranges.push(range);
    }
  }
  return ranges;
}

/**
 * A fix that deletes `statement` and what only it used, or `null` when the statement cannot go
 * safely. When an orphan's deletion would touch the statement's, only the statement goes.
 */
export function removeWithOrphans(sourceCode: SourceCode, statement: TSESTree.Statement): TSESLint.ReportFixFunction | null {
  const main = statementRemovalRange(sourceCode, statement);
  if (!main) return null;
  const ranges = [main, ...orphanRanges(sourceCode, statement)].sort((a, b) => a[0] - b[0]);
  const overlapping = ranges.some((range, index) => index > 0 && range[0] < (ranges[index - 1] as Range)[1]);
  const chosen = overlapping ? [main] : ranges;
  return (fixer) => chosen.map((range) => fixer.removeRange(range));
}
