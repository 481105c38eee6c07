import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { parseTeardownRegistration, parseTestCall, parseTestExtend, testPlaceOf } from '../../src/estree/test-calls';
import { probe, type ProbeOptions } from '../helpers/probe';

function recognised(code: string, options?: ProbeOptions) {
  return probe(code, 'CallExpression', (context, node) => {
    const call = parseTestCall(context, node as TSESTree.CallExpression);
    return call ? `${call.kind}:${call.name}:${call.framework}:${call.modifiers.join('.')}` : null;
  }, options).map(({ result }) => result);
}

describe('parseTestCall', () => {
  it.each([
    ['Jest globals', `describe('users', () => { beforeAll(() => {}); it('saves', () => {}); afterEach(() => {}); });`, ['describe:describe:global:', 'hook:beforeAll:global:', 'test:test:global:', 'hook:afterEach:global:']],
    ['Jest imports', `import { describe, test, beforeEach } from '@jest/globals';\ndescribe('x', () => { beforeEach(() => {}); test('y', () => {}); });`, ['describe:describe:jest:', 'hook:beforeEach:jest:', 'test:test:jest:']],
    ['Vitest imports with aliases', `import { it as scenario, describe as feature, afterAll } from 'vitest';\nfeature('x', () => { scenario('y', () => {}); afterAll(() => {}); });`, ['describe:describe:vitest:', 'test:test:vitest:', 'hook:afterAll:vitest:']],
    ['Mocha before/after and TDD names', `import { before, after, context, specify } from 'mocha';\ncontext('x', () => { before(() => {}); specify('y', () => {}); after(() => {}); });`, ['describe:describe:mocha:', 'hook:beforeAll:mocha:', 'test:test:mocha:', 'hook:afterAll:mocha:']],
    ['Mocha globals TDD', `suite('x', () => { suiteSetup(() => {}); setup(() => {}); test('y', () => {}); teardown(() => {}); });`, ['describe:describe:global:', 'hook:beforeAll:global:', 'hook:beforeEach:global:', 'test:test:global:', 'hook:afterEach:global:']],
    ['node:test named imports', `import { describe, it, before, after } from 'node:test';\ndescribe('x', () => { before(() => {}); it('y', () => {}); after(() => {}); });`, ['describe:describe:node:test:', 'hook:beforeAll:node:test:', 'test:test:node:test:', 'hook:afterAll:node:test:']],
    ['node:test default import', `import test from 'node:test';\ntest.describe('x', () => { test.before(() => {}); test('y', () => {}); });`, ['describe:describe:node:test:', 'hook:beforeAll:node:test:', 'test:test:node:test:']],
    ['Jasmine focus and exclude', `fdescribe('x', () => { fit('y', () => {}); xit('z', () => {}); });`, ['describe:describe:global:', 'test:test:global:', 'test:test:global:']],
    ['modifiers', `describe.only('x', () => { it.skip('y', () => {}); test.concurrent.only('z', () => {}); });`, ['describe:describe:global:only', 'test:test:global:skip', 'test:test:global:concurrent.only']],
    ['each tables', "describe.each([[1]])('x %i', (n) => { it.each([1, 2])('y', () => {}); test.each`a\n${1}`('z', () => {}); });", ['describe:describe:global:each', 'test:test:global:each', 'test:test:global:each']],
    ['skipIf', `import { test } from 'vitest';\ntest.skipIf(process.env.CI)('y', () => {});`, ['test:test:vitest:skipIf']],
    ['computed member', `describe['only']('x', () => {});`, ['describe:describe:global:only']],
    [
      'a constant that picks a variant of describe',
      `import { describe, it } from 'vitest';\nconst maybeDescribe = process.env.V2 ? describe : describe.skip;\nmaybeDescribe('x', () => { it('y', () => {}); });`,
      ['describe:describe:vitest:', 'test:test:vitest:'],
    ],
    ['a constant that picks a variant of it (globals)', `const maybeIt = process.env.CI ? it.skip : it;\nmaybeIt('y', () => {});`, ['test:test:global:']],
    [
      'a variant of describe picked where it is called',
      `import { describe, it } from 'mocha';\n(process.env.CLUSTER ? describe : describe.skip)('x', () => { it('y', () => {}); });`,
      ['describe:describe:mocha:', 'test:test:mocha:'],
    ],
    ['a variant of it picked where it is called, both skipped only when both say so', `(process.env.CI ? it.only : it.only.skip)('y', () => {});`, ['test:test:global:only']],
    ['a choice between a suite and a test is neither', `(process.env.CI ? describe : it)('y', () => {});`, []],
    ['a choice between a hook and a no-op is not read as a hook', `(process.env.CI ? beforeEach : () => {})(() => {});`, []],
  ])('recognises %s', (_label, code, expected) => {
    expect(recognised(code)).toEqual(expected);
  });

  it('recognises require() destructuring in CommonJS', () => {
    const code = `const { describe, it } = require('mocha');\ndescribe('x', () => { it('y', () => {}); });`;
    expect(recognised(code, { filename: 'tests/integration/x.test.js', script: true })).toEqual(['describe:describe:mocha:', 'test:test:mocha:']);
  });

  it.each([
    [
      "lab's script, kept on the module's exports",
      `const Lab = require('@hapi/lab');\nconst { describe, it, before, afterEach } = exports.lab = Lab.script();\ndescribe('x', { retry: true }, () => { before(() => {}); it('y', (flags) => {}); afterEach(() => {}); });`,
      ['describe:describe:lab:', 'hook:beforeAll:lab:', 'test:test:lab:', 'hook:afterEach:lab:'],
    ],
    [
      "lab's older names, with the script taken from require in place",
      `const { experiment, test, after } = exports.lab = require('@hapi/lab').script();\nexperiment('x', () => { test('y', () => {}); after(() => {}); });`,
      ['describe:describe:lab:', 'test:test:lab:', 'hook:afterAll:lab:'],
    ],
  ])('recognises %s', (_label, code, expected) => {
    expect(recognised(code, { filename: 'test/index.js', script: true })).toEqual(expected);
  });

  it.each([
    [
      "AVA's default export, its hooks and modifiers",
      `import test from 'ava';\ntest.before(async (t) => {});\ntest.serial.beforeEach((t) => {});\ntest('saves', async (t) => {});\ntest.serial.skip('waits', (t) => {});\ntest.afterEach.always((t) => {});\ntest.after.always(async (t) => {});`,
      ['hook:beforeAll:ava:', 'hook:beforeEach:ava:serial', 'test:test:ava:', 'test:test:ava:serial.skip', 'hook:afterEach:ava:always', 'hook:afterAll:ava:always'],
    ],
    [
      'AVA taken under a typed constant',
      `import anyTest, { type TestFn } from 'ava';\nconst test = anyTest as TestFn<{ port: number }>;\ntest.before((t) => {});\ntest.failing('flaky', (t) => {});`,
      ['hook:beforeAll:ava:', 'test:test:ava:failing'],
    ],
    [
      'Vitest test taken under a constant of another name',
      `import { test as base } from 'vitest';\nconst scenario = base;\nscenario('y', () => {});`,
      ['test:test:vitest:'],
    ],
  ])('recognises %s', (_label, code, expected) => {
    expect(recognised(code, { filename: 'test/orders.test.ts' })).toEqual(expected);
  });

  it.each([
    ["AVA's macro, which makes a test function", `import test from 'ava';\nconst macro = test.macro((t, input) => {});`],
    ['a named export of ava', `import { serial } from 'ava';\nserial('x', () => {});`],
  ])('does not recognise %s', (_label, code) => {
    expect(recognised(code, { filename: 'test/orders.test.ts' })).toEqual([]);
  });

  it.each([
    ['a hook from the script of another module', `const Runner = require('./runner');\nconst { before, after } = Runner.script();\nbefore(() => {}); after(() => {});`],
    ['a name lab does not give', `const Lab = require('@hapi/lab');\nconst { describe: group, expect } = Lab.script();\nexpect('x', () => {});`],
  ])('does not recognise %s', (_label, code) => {
    expect(recognised(code, { filename: 'test/index.js', script: true })).toEqual([]);
  });

  it('recognises Vitest test.extend fixtures as test functions', () => {
    const code = `import { test as base } from 'vitest';\nconst test = base.extend({ db: async ({}, use) => { await use(1); } });\ntest('y', ({ db }) => {});`;
    expect(recognised(code)).toEqual(['test:test:vitest:']);
  });

  it('takes aliases from settings for globals', () => {
    const code = `feature('x', () => { scenario('y', () => {}); });`;
    const settings = { 'integration-tests': { aliases: { feature: 'describe', scenario: 'test' } } };
    expect(recognised(code, { settings })).toEqual(['describe:describe:global:', 'test:test:global:']);
  });

  it.each([
    ['a local variable named it', `const it = (name, fn) => fn();\nit('y', () => {});`],
    ['a parameter named test', `function run(test) { test('y', () => {}); }`],
    ['an import from an unrelated module', `import { describe } from './my-dsl';\ndescribe('x', () => {});`],
    ['a look-alike method', `suiteRunner.describe('x', () => {}); foo.it('y', () => {}); it.unknownModifier('z', () => {});`],
    ['a non-test call', `expect(1).toBe(1); console.log('it');`],
    ['an unregistered global', `scenario('y', () => {});`],
    ['the inner call of each', `const table = it.each([1]);`],
    ['test.extend itself', `import { test } from 'vitest';\nconst t = test.extend({});`],
    ['a constant that picks a suite or a test', `const run = process.env.CI ? describe : it;\nrun('x', () => {});`],
    ['a constant that picks a test or a function of its own', `const run = process.env.CI ? it : (name, fn) => fn();\nrun('x', () => {});`],
  ])('does not recognise %s', (_label, code) => {
    expect(recognised(code)).toEqual([]);
  });

  it('gives the callback of tests with options objects (node:test)', () => {
    const code = `import { it } from 'node:test';\nit('y', { timeout: 5 }, async () => { await 1; });`;
    const found = probe(code, 'CallExpression', (context, node) => parseTestCall(context, node as TSESTree.CallExpression)?.callback?.type ?? null);
    expect(found.map(({ result }) => result)).toEqual(['ArrowFunctionExpression']);
  });
});

describe('parseTestExtend', () => {
  it('returns the fixtures object of test.extend', () => {
    const code = `import { test } from 'vitest';\nexport const dbTest = test.extend({ tx: async ({}, use) => { await use(null); } });`;
    const found = probe(code, 'CallExpression', (context, node) => parseTestExtend(context, node as TSESTree.CallExpression)?.properties.length ?? null);
    expect(found.map(({ result }) => result)).toEqual([1]);
  });
});

describe('testPlaceOf', () => {
  it('places calls in module, describe, hook and test', () => {
    const code = [
      `connect();`,
      `describe('x', () => {`,
      `  register();`,
      `  beforeEach(async () => { await seed(); });`,
      `  it('y', async () => { const helper = () => check(); helper(); });`,
      `});`,
    ].join('\n');
    const found = probe(code, 'CallExpression', (context, node) => {
      const callee = (node as TSESTree.CallExpression).callee;
      if (callee.type !== 'Identifier' || !['connect', 'register', 'seed', 'check'].includes(callee.name)) return null;
      const place = testPlaceOf(context, node);
      return `${callee.name}@${place.kind}${place.call ? ':' + place.call.name : ''}`;
    });
    expect(found.map(({ result }) => result)).toEqual(['connect@module', 'register@describe:describe', 'seed@hook:beforeEach', 'check@test:test']);
  });
});

describe('parseTeardownRegistration', () => {
  function registered(code: string) {
    return probe(code, 'CallExpression', (context, node) => (parseTeardownRegistration(context, node as TSESTree.CallExpression) ? context.sourceCode.getText(node as never).split('(')[0] : null)).map(({ result }) => result);
  }

  it.each([
    ['Vitest onTestFinished, imported', `import { onTestFinished, test } from 'vitest';\ntest('y', () => { onTestFinished(() => {}); });`, ['onTestFinished']],
    ['Vitest onTestFinished from the test context', `import { test } from 'vitest';\ntest('y', ({ onTestFinished }) => { onTestFinished(async () => {}); });`, ['onTestFinished']],
    ['node:test t.after', `import { test } from 'node:test';\ntest('y', async (t) => { t.after(() => {}); });`, ['t.after']],
  ])('recognises %s', (_label, code, expected) => {
    expect(registered(code)).toEqual(expected);
  });

  it.each([
    ['a local function of the same name', `const onTestFinished = (fn) => fn();\nit('y', () => { onTestFinished(() => {}); });`],
    ['after on something that is not the test context', `it('y', () => { const t = makeTimer(); t.after(() => {}); });`],
    ['a hook', `import { afterEach } from 'vitest';\nafterEach(() => {});`],
  ])('does not recognise %s', (_label, code) => {
    expect(registered(code)).toEqual([]);
  });
});
