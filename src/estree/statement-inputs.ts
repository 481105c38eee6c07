/**
 * What statements of a hook or test read and provide, to tell whether they can run earlier (once,
 * before all tests) without changing what they compute.
 */
import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './call-chain';
import { resolveName } from './imports';
import { testPlaceOf, type TestCall } from './test-calls';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Variable = TSESLint.Scope.Variable;

/** Stable keys for bindings, so the core can compare them without knowing about scopes. */
export class BindingKeys {
  private readonly keys = new Map<Variable, string>();
  of(variable: Variable): string {
    let key = this.keys.get(variable);
    if (!key) {
      key = `${variable.name}#${this.keys.size}`;
      this.keys.set(variable, key);
    }
    return key;
  }
}

/** Which statement of a block declares or assigns each binding. */
export function providersOf(context: Context, statements: readonly Node[], keys: BindingKeys): Map<string, Node> {
  const providers = new Map<string, Node>();
  for (const statement of statements) {
    for (const variable of providedBy(context, statement)) providers.set(keys.of(variable), statement);
  }
  return providers;
}

/** The bindings a statement declares (`const pool = …`) or assigns at its top (`pool = …`). */
export function providedBy(context: Context, statement: Node): readonly Variable[] {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) return context.sourceCode.getDeclaredVariables(statement);
  const expression = unwrap(statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement);
  if (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.left.type === AST_NODE_TYPES.Identifier) {
    const resolution = resolveName(context, expression.left);
    return resolution.type === 'local' ? [resolution.variable] : [];
  }
  return [];
}

/** Every reference made inside a node, through the scopes that hold it. */
function referencesIn(context: Context, node: Node): TSESLint.Scope.Reference[] {
  const found: TSESLint.Scope.Reference[] = [];
  const visit = (scope: TSESLint.Scope.Scope): void => {
    for (const reference of scope.references) {
      const range = reference.identifier.range;
      if (range[0] >= node.range[0] && range[1] <= node.range[1]) found.push(reference);
    }
    for (const child of scope.childScopes) {
      if (child.block.range[0] < node.range[1] && child.block.range[1] > node.range[0]) visit(child);
    }
  };
  visit(context.sourceCode.getScope(node));
  return found;
}

function containsThis(context: Context, node: Node): boolean {
  return context.sourceCode.getTokens(node).some((token) => token.type === 'Keyword' && token.value === 'this');
}

/**
 * Whether what a statement reads is available before any test runs: globals, imports, bindings other
 * statements of its block provide (`reads`), and outer bindings that no per-test code assigns.
 */
export function inputsOf(
  context: Context,
  owner: TestCall,
  statement: Node,
  providers: ReadonlyMap<string, Node>,
  keys: BindingKeys,
): { ok: boolean; reads: string[] } {
  if (containsThis(context, statement)) return { ok: false, reads: [] };
  const reads = new Set<string>();
  const callback = owner.callback as Node;
  for (const reference of referencesIn(context, statement)) {
    const variable = reference.resolved;
    if (!variable || variable.defs.length === 0) continue;
    const declaredAt = variable.identifiers[0];
    if (declaredAt && declaredAt.range[0] >= statement.range[0] && declaredAt.range[1] <= statement.range[1]) continue;
    const key = keys.of(variable);
    const provider = providers.get(key);
    if (provider) {
      if (provider !== statement) reads.add(key);
      continue;
    }
    const insideCallback = declaredAt && declaredAt.range[0] >= callback.range[0] && declaredAt.range[1] <= callback.range[1];
    if (insideCallback || isWrittenPerTest(context, variable)) return { ok: false, reads: [] };
  }
  return { ok: true, reads: [...reads] };
}

/** Whether any test or each-hook assigns the binding. */
function isWrittenPerTest(context: Context, variable: Variable): boolean {
  return variable.references.some((reference) => {
    if (!reference.isWrite() || reference.init) return false;
    const place = testPlaceOf(context, reference.identifier);
    return place.kind === 'test' || (place.kind === 'hook' && place.call?.hook?.scope === 'each');
  });
}

/**
 * Whether a statement reads `this`, or a parameter or local of the callback it sits in (`done`), other
 * than the bindings that move out with it (`moving`).
 */
export function usesCallbackLocals(context: Context, owner: TestCall, statement: Node, moving: (variable: Variable) => boolean): boolean {
  if (containsThis(context, statement)) return true;
  const callback = owner.callback as Node;
  return referencesIn(context, statement).some((reference) => {
    const variable = reference.resolved;
    const declaredAt = variable?.identifiers[0];
    if (!variable || !declaredAt || moving(variable)) return false;
    return declaredAt.range[0] >= callback.range[0] && declaredAt.range[1] <= callback.range[1];
  });
}
