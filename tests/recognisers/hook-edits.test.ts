import { describe, expect, it } from 'vitest';
import { runsWhileLoading } from '../../src/estree/hook-edits';
import { probe } from '../helpers/probe';

/** For every call of `probe()`, whether it runs while the file loads. */
function loading(code: string) {
  return probe(code, 'CallExpression', (context, node) => {
    const callee = (node as { callee?: { type: string; name?: string } }).callee;
    return callee?.type === 'Identifier' && callee.name === 'probe' ? runsWhileLoading(context, node) : null;
  }).map(({ result }) => result);
}

describe('runsWhileLoading', () => {
  it.each([
    ['the top level', 'probe();', [true]],
    ['a describe body', "describe('x', () => { probe(); });", [true]],
    ['nested describe bodies', "describe('x', function () { describe('y', () => { probe(); }); });", [true]],
    ['a test', "it('x', () => { probe(); });", [false]],
    ['a hook', 'beforeAll(async () => { await probe(); });', [false]],
    ['a helper function', 'function helper() { probe(); }\nconst arrow = () => probe();', [false, false]],
    ['a callback inside a describe body', "describe('x', () => { [1].forEach(() => probe()); });", [false]],
  ])('%s', (_label, code, expected) => {
    expect(loading(code)).toEqual(expected);
  });
});
