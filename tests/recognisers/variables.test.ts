import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { resolveName } from '../../src/estree/imports';
import { destructuredPropertyOf, singleValueOf } from '../../src/estree/variables';
import { probe } from '../helpers/probe';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What each use of a name (the object of a call such as `server.close()`) answers, in source order. */
function answersFor(code: string, answer: (context: Context, variable: TSESLint.Scope.Variable) => string | null) {
  return probe(code, 'CallExpression', (context, node) => {
    const call = node as TSESTree.CallExpression;
    if (call.callee.type !== 'MemberExpression' || call.callee.object.type !== 'Identifier') return null;
    const resolution = resolveName(context, call.callee.object);
    return resolution.type === 'local' ? answer(context, resolution.variable) : null;
  }).map(({ text, result }) => [text, result]);
}

const valueText = (context: Context, variable: TSESLint.Scope.Variable) => {
  const value = singleValueOf(variable);
  return value ? context.sourceCode.getText(value) : 'none';
};

describe('singleValueOf', () => {
  it.each([
    ['an initialiser', `const api = axios.create({ baseURL });\napi.get('/a');`, [['api.get(\'/a\')', 'axios.create({ baseURL })']]],
    ['one assignment in a hook', `let server;\nbeforeAll(() => { server = app.listen(0); });\nserver.close();`, [['server.close()', 'app.listen(0)']]],
    ['two assignments', `let server = a();\nserver = b();\nserver.close();`, [['server.close()', 'none']]],
    ['an update in place', `let count = 0;\ncount += 1;\ncount.toFixed();`, [['count.toFixed()', 'none']]],
  ])('answers for %s', (_, code, expected) => {
    expect(answersFor(code, valueText)).toEqual(expected);
  });

  it('keeps the answer of each variable apart, however often either is asked about', () => {
    const code = [
      `const first = createClient('a');`,
      `let second = createClient('b');`,
      `second = createClient('c');`,
      ...Array.from({ length: 3 }, () => `first.ping();\nsecond.ping();`),
    ].join('\n');
    const answers = answersFor(code, valueText).filter(([text]) => String(text).endsWith('.ping()'));
    expect(answers).toEqual(
      Array.from({ length: 3 }, () => [
        ['first.ping()', `createClient('a')`],
        ['second.ping()', 'none'],
      ]).flat(),
    );
  });
});

describe('destructuredPropertyOf', () => {
  const propertyText = (context: Context, variable: TSESLint.Scope.Variable) => {
    const property = destructuredPropertyOf(variable);
    return property ? `${context.sourceCode.getText(property.object)} → ${property.key}` : 'none';
  };

  it('names the object and key of a destructured variable, and nothing for others, for every use', () => {
    const code = [
      `const { pool } = database;`,
      `const { cache: redis } = services;`,
      `let { queue } = services;`,
      `queue = other;`,
      ...Array.from({ length: 2 }, () => `pool.query('SELECT 1');\nredis.get('k');\nqueue.send('m');`),
    ].join('\n');
    expect(answersFor(code, propertyText)).toEqual(
      Array.from({ length: 2 }, () => [
        [`pool.query('SELECT 1')`, 'database → pool'],
        [`redis.get('k')`, 'services → cache'],
        [`queue.send('m')`, 'none'],
      ]).flat(),
    );
  });
});
