import { AST_NODE_TYPES } from './node-types';
import { findVariable, isClosingBraceToken, isCommaToken } from '@typescript-eslint/utils/ast-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { moduleBindingOf, resolveName, type ModuleBinding } from './imports';
import { HOOK_NAMES } from './hooks';
import type { TestCall } from './test-calls';
import type { TextEdit } from './text-edits';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Each run-once hook name, as some style writes it, and the name of its per-test twin in that style. */
const PER_TEST_NAMES: ReadonlyMap<string, string> = new Map(
  Object.values(HOOK_NAMES).flatMap((names) => [
    [names.beforeAll, names.beforeEach],
    [names.afterAll, names.afterEach],
  ]),
);

interface Rename {
  readonly written: TSESTree.Identifier;
  readonly target: string;
}

/** A named import or a `require` destructuring property that brings a hook into the file. */
type Specifier = TSESTree.ImportSpecifier | TSESTree.ObjectPatternProperty;

/**
 * The edits that make run-once hooks run around each test: `beforeAll` → `beforeEach`, Mocha and
 * node:test `before` → `beforeEach`, `afterAll`/`after` → `afterEach`, TDD `suiteSetup` → `setup`.
 * When a hook is imported (`vitest`, `@jest/globals`, `mocha`, `node:test`, …) the import is kept
 * consistent: the per-test name is added to it, or replaces the old name when no use of the old
 * one remains. `null` when a name is aliased or taken, so the edit cannot be made safely.
 */
export function planPerTestHooks(context: Context, hooks: readonly TestCall[]): TextEdit[] | null {
  const renames: Rename[] = [];
  for (const hook of hooks) {
    const rename = renameOf(hook);
    if (!rename) return null;
    renames.push(rename);
  }
  const edits: TextEdit[] = renames.map(({ written, target }) => ({ range: written.range, text: target }));
  // Hooks called as plain identifiers may need their import updated, once per imported name.
  const byName = new Map<string, Rename[]>();
  for (const rename of renames) {
    if (rename.written.parent.type === AST_NODE_TYPES.MemberExpression) continue;
    byName.set(rename.written.name, [...(byName.get(rename.written.name) ?? []), rename]);
  }
  for (const group of byName.values()) {
    const importEdits = planImport(context, group);
    if (!importEdits) return null;
    edits.push(...importEdits);
  }
  return edits;
}

/** The name to replace: the identifier called, or the member of `test.before(…)` (node:test default import). */
function renameOf(hook: TestCall): Rename | null {
  const callee = hook.node.callee;
  let written: TSESTree.Identifier;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    written = callee;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.object === hook.head && callee.property.type === AST_NODE_TYPES.Identifier) {
    written = callee.property;
  } else {
    return null;
  }
  const target = PER_TEST_NAMES.get(written.name);
  return target ? { written, target } : null;
}

function planImport(context: Context, group: readonly Rename[]): TextEdit[] | null {
  const [first] = group;
  if (!first) return [];
  const { written, target } = first;
  const resolution = resolveName(context, written);
  const available = findVariable(context.sourceCode.getScope(written), target);
  const targetBinding = available && available.defs.length > 0 ? moduleBindingOf(available) : null;
  if (resolution.type === 'global') {
    if (!available || available.defs.length === 0) return [];
    return targetBinding?.imported === target ? [] : null;
  }
  if (resolution.type !== 'module') return null;
  const binding = resolution.binding;
  if (binding.typeOnly || binding.imported !== written.name) return null;
  const specifier = specifierOf(binding, written.name);
  if (!specifier) return null;
  const variable = findVariable(context.sourceCode.getScope(written), written.name);
  const renamed = new Set<TSESTree.Node>(group.map((rename) => rename.written));
  const stillUsed = variable?.references.some((reference) => !reference.init && !renamed.has(reference.identifier)) ?? true;
  if (available && available.defs.length > 0) {
    // The per-test hook is already imported: use it, and drop the old name once nothing uses it.
    if (targetBinding?.source !== binding.source || targetBinding.imported !== target) return null;
    return stillUsed ? [] : (removalOf(context, specifier) ?? []);
  }
  if (stillUsed) return [{ range: [specifier.range[1], specifier.range[1]], text: `, ${target}` }];
  return [{ range: specifier.range, text: target }];
}

/** The specifier `{ beforeAll }` or `const { before } = require(…)` that binds a name without renaming it. */
function specifierOf(binding: ModuleBinding, name: string): Specifier | null {
  const declaration = binding.declaration;
  if (declaration.type === AST_NODE_TYPES.ImportDeclaration) {
    return (
      declaration.specifiers.find(
        (specifier): specifier is TSESTree.ImportSpecifier =>
          specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.local.name === name && specifier.imported.range[0] === specifier.local.range[0],
      ) ?? null
    );
  }
  if (declaration.type === AST_NODE_TYPES.VariableDeclarator && declaration.id.type === AST_NODE_TYPES.ObjectPattern) {
    return (
      declaration.id.properties.find(
        (property): property is TSESTree.ObjectPatternProperty =>
          property.type === AST_NODE_TYPES.Property && property.shorthand && property.value.type === AST_NODE_TYPES.Identifier && property.value.name === name,
      ) ?? null
    );
  }
  return null;
}

/** Removes a specifier and one neighbouring comma, unless that would take a comment with it. */
function removalOf(context: Context, specifier: Specifier): TextEdit[] | null {
  const sourceCode = context.sourceCode;
  const after = sourceCode.getTokenAfter(specifier);
  const before = sourceCode.getTokenBefore(specifier);
  let range: [number, number] | null = null;
  if (after && isCommaToken(after)) {
    const next = sourceCode.getTokenAfter(after);
    range = next && !isClosingBraceToken(next) ? [specifier.range[0], next.range[0]] : [specifier.range[0], after.range[1]];
  } else if (before && isCommaToken(before)) {
    range = [before.range[0], specifier.range[1]];
  }
  if (!range) return null;
  const [start, end] = range;
  const hasComment = sourceCode.getAllComments().some((comment) => comment.range[0] >= start && comment.range[1] <= end);
  return hasComment ? null : [{ range, text: '' }];
}
