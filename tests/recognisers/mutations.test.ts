import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { mutationOf } from '../../src/estree/mutations';
import { probe } from '../helpers/probe';

/** What each use of `order` changes, as `kind:path` (`-` for a use that changes nothing). */
function changes(code: string): string[] {
  return probe(`const order = { id: 1, items: [], meta: {} };\n${code}`, 'Identifier', (context, node) => {
    const identifier = node as TSESTree.Identifier;
    if (identifier.name !== 'order' || identifier.parent.type === 'VariableDeclarator') return null;
    const mutation = mutationOf(context, identifier);
    return mutation ? `${mutation.kind}:${mutation.path.join('.')}` : '-';
  }).map(({ result }) => result);
}

describe('mutationOf', () => {
  it.each([
    ['assigning a property', `order.status = 'paid';`, ['assign:status']],
    ['assigning a nested property', `order.meta.note = 'x';`, ['assign:meta.note']],
    ['a compound assignment', `order.id += 1;`, ['change:id']],
    ['an update', `order.id++;`, ['change:id']],
    ['delete', `delete order.id;`, ['change:id']],
    ['an array method on a property', `order.items.push(1);`, ['change:items']],
    ['splice through a literal key', `order['items'].splice(0, 1);`, ['change:items']],
    ['a computed key stops the path', `order.items[index].qty = 2;`, ['assign:items']],
    ['emptying an array through its length', `order.items.length = 0;`, ['assign:items']],
    ['emptying an array with splice(0)', `order.items.splice(0);`, ['assign:items']],
    ['emptying the array itself with splice(0)', `order.splice(0);`, ['assign:']],
    ['emptying a set or map with clear()', `order.tags.clear();`, ['assign:tags']],
    ['Object.assign', `Object.assign(order, { id: 2 });`, ['change:']],
    ['Object.assign on a property', `Object.assign(order.meta, { note: 'x' });`, ['change:meta']],
    ['Reflect.deleteProperty', `Reflect.deleteProperty(order, 'id');`, ['change:']],
    ['a TypeScript non-null assertion', `order!.items.push(1);`, ['change:items']],
  ])('recognises %s', (_label, code, expected) => {
    expect(changes(code)).toEqual(expected);
  });

  it.each([
    ['reading a property', `console.log(order.id);`],
    ['spreading', `const copy = { ...order };`],
    ['passing it on', `save(order);`],
    ['a method that does not change an array', `order.items.map((item) => item);`],
    ['a method on a copy', `order.items.slice().sort();`],
    ['Object.assign into a fresh object', `Object.assign({}, order);`],
    ['a local Object', `const Object = { assign() {} };\nObject.assign(order, {});`],
  ])('does not treat %s as a change', (_label, code) => {
    expect(changes(code)).toEqual(['-']);
  });
});
