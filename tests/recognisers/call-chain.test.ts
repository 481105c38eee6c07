import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { callFacts, methodCallFacts } from '../../src/estree/call-chain';
import { probe } from '../helpers/probe';

function facts(code: string, read: (node: TSESTree.CallExpression) => unknown) {
  return probe(code, 'CallExpression', (_context, node) => read(node as TSESTree.CallExpression) ?? null).map(({ result }) => result);
}

describe('callFacts options', () => {
  it.each([
    ['keys of an options object', `User.destroy({ where: {}, truncate: true });`, [['truncate', 'where']]],
    ['keys set to false are left out', `sequelize.sync({ force: false, alter: true });`, [['alter']]],
    ['string keys', `queue.obliterate({ 'force': 1 });`, [['force']]],
    ['no object argument', `pool.query('SELECT 1');`, ['none']],
  ])('%s', (_label, code, expected) => {
    const keys = (node: TSESTree.CallExpression) => {
      const options = callFacts(node)?.options;
      return options ? [...options].sort() : 'none';
    };
    expect(facts(code, keys)).toEqual(expected);
  });
});

describe('callFacts called segments', () => {
  it.each([
    ['a builder chain', `knex('users').where({ id: 1 }).del();`, [[0, 1, 2]]],
    ['a property path', `prisma.user.create({});`, [[2]]],
    ['a constructor then a call', `new GenericContainer('redis').start();`, [[1]]],
  ])('%s', (_label, code, expected) => {
    const outermost = (node: TSESTree.CallExpression) => (node.parent?.type === 'MemberExpression' ? null : [...(callFacts(node)?.called ?? [])].sort());
    expect(facts(code, outermost)).toEqual(expected);
  });
});

describe('methodCallFacts', () => {
  it.each([
    ['a method on a computed receiver', `collections[key].deleteMany({});`, [['', 'deleteMany']]],
    ['a computed method name', `db[method]();`, []],
    ['a free function', `cleanup();`, []],
  ])('%s', (_label, code, expected) => {
    expect(facts(code, (node) => methodCallFacts(node)?.segments ?? null)).toEqual(expected);
  });

  it('leaves chains that can be named to callFacts', () => {
    expect(facts(`collections[key].deleteMany({});`, (node) => callFacts(node))).toEqual([]);
  });
});
