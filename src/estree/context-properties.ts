import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { propertyName, unwrap } from './call-chain';
import { fileCache } from './file-cache';

type Node = TSESTree.Node;

const propertiesCache = fileCache<object, ContextProperties>();

interface ContextProperties {
  /** What is assigned to each property, by name. */
  readonly assignments: ReadonlyMap<string, readonly Node[]>;
  /** Every other place each property is read (`this.app` in `request(this.app)`), by name. */
  readonly reads: ReadonlyMap<string, readonly TSESTree.MemberExpression[]>;
}

/**
 * What a file assigns to properties of `this` (`this.sinon = sinon.createSandbox()`,
 * `this.pool = new Pool()` in a Mocha hook), by property name. Mocha shares one context between a
 * suite's hooks and tests, so a property read in a test holds what a hook put there. Gathered in
 * one walk per file, and only when the file spells `this.` at all.
 */
export function contextAssignments(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlyMap<string, readonly Node[]> {
  return contextProperties(sourceCode).assignments;
}

/** Where a file reads a property of `this` other than to assign it, by property name; gathered with {@link contextAssignments}. */
export function contextReads(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlyMap<string, readonly TSESTree.MemberExpression[]> {
  return contextProperties(sourceCode).reads;
}

function contextProperties(sourceCode: Readonly<TSESLint.SourceCode>): ContextProperties {
  const cached = propertiesCache.get(sourceCode);
  if (cached) return cached;
  const assignments = new Map<string, Node[]>();
  const reads = new Map<string, TSESTree.MemberExpression[]>();
  if (sourceCode.text.includes('this')) {
    const pending: Node[] = [sourceCode.ast];
    while (pending.length > 0) {
      const node = pending.pop() as Node;
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=') {
        const target = unwrap(node.left);
        const name = target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression ? propertyName(target) : null;
        if (name !== null) assignments.set(name, [...(assignments.get(name) ?? []), node.right]);
      } else if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
        const name = propertyName(node);
        const assigned = node.parent?.type === AST_NODE_TYPES.AssignmentExpression && unwrap(node.parent.left) === node;
        if (name !== null && !assigned) reads.set(name, [...(reads.get(name) ?? []), node]);
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
  const properties = { assignments, reads };
  propertiesCache.set(sourceCode, properties);
  return properties;
}

/** `this.name`: the property name read off `this`, or `null`. */
export function contextPropertyOf(node: Node): string | null {
  const expression = unwrap(node);
  return expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.ThisExpression ? propertyName(expression) : null;
}
