import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { propertyName, unwrap } from './call-chain';
import { fileCache } from './file-cache';

type Node = TSESTree.Node;

const assignmentsCache = fileCache<object, ReadonlyMap<string, readonly Node[]>>();

/**
 * What a file assigns to properties of `this` (`this.sinon = sinon.createSandbox()`,
 * `this.pool = new Pool()` in a Mocha hook), by property name. Mocha shares one context between a
 * suite's hooks and tests, so a property read in a test holds what a hook put there. Gathered in
 * one walk per file, and only when the file spells `this.` at all.
 */
export function contextAssignments(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlyMap<string, readonly Node[]> {
  const cached = assignmentsCache.get(sourceCode);
  if (cached) return cached;
  const found = new Map<string, Node[]>();
  if (sourceCode.text.includes('this')) {
    const pending: Node[] = [sourceCode.ast];
    while (pending.length > 0) {
      const node = pending.pop() as Node;
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=') {
        const target = unwrap(node.left);
        const name = target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression ? propertyName(target) : null;
        if (name !== null) found.set(name, [...(found.get(name) ?? []), node.right]);
      }
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const item of child) if (item && typeof item === 'object' && 'type' in item) pending.push(item as Node);
        } else if (child && typeof child === 'object' && 'type' in child) {
          pending.push(child as Node);
        }
      }
    }
  }
  assignmentsCache.set(sourceCode, found);
  return found;
}

/** `this.name`: the property name read off `this`, or `null`. */
export function contextPropertyOf(node: Node): string | null {
  const expression = unwrap(node);
  return expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.ThisExpression ? propertyName(expression) : null;
}
