import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isStandInFunction, parseGlobalAssignment, parseMockCall, specifierOfManualMock, type MockCall, type MockTarget } from '../../src/estree/mocks';
import { probe, type ProbeOptions } from '../helpers/probe';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

function describeTarget(context: Context, target: MockTarget): string {
  const text = (node: TSESTree.Node) => context.sourceCode.getText(node);
  switch (target.type) {
    case 'module':
      return `module ${target.specifier}${target.relativeTo ? ` from ${target.relativeTo}` : ''}`;
    case 'method':
      return `method ${text(target.object)}.${target.method ?? '*'}`;
    case 'global':
      return `global ${target.name}`;
    case 'type':
      return `type ${target.typeName} (${text(target.node)})`;
    case 'class':
      return `class ${text(target.classRef)}`;
  }
}

function describeCall(context: Context, call: MockCall): string {
  const targets = call.targets.map((target) => describeTarget(context, target)).join(', ');
  const replacement = call.replacement ? ` with ${context.sourceCode.getText(call.replacement)}` : '';
  return `${call.api} [${call.library}] ${call.replaces ? 'replaces' : 'observes'} ${targets}${replacement}`.trimEnd();
}

/** Every mocking call in `code`, described in one line each, in source order. */
function mocks(code: string, options?: ProbeOptions): string[] {
  return probe(code, 'CallExpression', (context, node) => {
    const call = parseMockCall(context, node as TSESTree.CallExpression);
    return call ? describeCall(context, call) : null;
  }, options).map(({ result }) => result);
}

const commonjs: ProbeOptions = { filename: 'tests/integration/example.test.js', script: true };

describe('parseMockCall: Jest', () => {
  it.each([
    ['module mock', `jest.mock('pg');`, ['jest.mock [jest] replaces module pg']],
    ['module mock with a factory', `jest.mock('axios', () => ({ get: jest.fn() }));`, ['jest.mock [jest] replaces module axios with () => ({ get: jest.fn() })']],
    ['doMock', `jest.doMock('ioredis');`, ['jest.doMock [jest] replaces module ioredis']],
    ['unstable_mockModule', `jest.unstable_mockModule('pg', () => ({ Pool: class {} }));`, ['jest.unstable_mockModule [jest] replaces module pg with () => ({ Pool: class {} })']],
    ['setMock', `jest.setMock('pg', fakePg);`, ['jest.setMock [jest] replaces module pg with fakePg']],
    ['createMockFromModule (a generated double)', `const pg = jest.createMockFromModule('pg');`, ['jest.createMockFromModule [jest] replaces module pg']],
    ['a call-through spy', `jest.spyOn(pool, 'query');`, ['jest.spyOn [jest] observes method pool.query']],
    ['a spy given an implementation', `jest.spyOn(pool, 'query').mockResolvedValue({ rows: [] });`, ['jest.spyOn [jest] replaces method pool.query']],
    ['a spy named, then given an implementation', `jest.spyOn(pool, 'query').mockName('query').mockImplementation(() => {});`, ['jest.spyOn [jest] replaces method pool.query']],
    ['a spy stored, then given an implementation', `const spy = jest.spyOn(pool, 'query');\nspy.mockRejectedValueOnce(new Error('down'));`, ['jest.spyOn [jest] replaces method pool.query']],
    ['a spy assigned in a hook, given an implementation in a test', `let spy;\nbeforeEach(() => { spy = jest.spyOn(pool, 'query'); });\nit('x', () => { spy.mockResolvedValueOnce({ rows: [] }); });`, ['jest.spyOn [jest] replaces method pool.query']],
    ['a spy stored and only read', `const spy = jest.spyOn(pool, 'query');\nexpect(spy).toHaveBeenCalled();`, ['jest.spyOn [jest] observes method pool.query']],
    ['a spy on a prototype', `jest.spyOn(UserRepository.prototype, 'save').mockResolvedValue(user);`, ['jest.spyOn [jest] replaces method UserRepository.prototype.save']],
    ['a spy on a global', `jest.spyOn(global, 'fetch').mockResolvedValue(new Response('{}'));`, ['jest.spyOn [jest] replaces global fetch']],
    ['a call-through spy on a global', `jest.spyOn(globalThis, 'fetch');`, ['jest.spyOn [jest] observes global fetch']],
    ['replaceProperty', `jest.replaceProperty(config, 'url', 'x');`, ["jest.replaceProperty [jest] replaces method config.url with 'x'"]],
    ['imported from @jest/globals', `import { jest } from '@jest/globals';\njest.mock('pg');`, ['jest.mock [jest] replaces module pg']],
    ['aliased import', `import { jest as j } from '@jest/globals';\nj.mock('pg');`, ['jest.mock [jest] replaces module pg']],
    ['a dynamic specifier names no target', 'jest.mock(`${base}/pg`);', ['jest.mock [jest] replaces']],
  ])('%s', (_label, code, expected) => {
    expect(mocks(code)).toEqual(expected);
  });

  it('recognises require() destructuring in CommonJS', () => {
    const code = `const { jest: j } = require('@jest/globals');\nj.mock('pg');\nj.spyOn(pool, 'query').mockReturnValue(1);`;
    expect(mocks(code, commonjs)).toEqual(['jest.mock [jest] replaces module pg', 'jest.spyOn [jest] replaces method pool.query']);
  });
});

describe('parseMockCall: Vitest', () => {
  it.each([
    ['global vi', `vi.mock('axios');`, ['vi.mock [vitest] replaces module axios']],
    ['the typed import form', `vi.mock(import('pg'), async () => ({}));`, ['vi.mock [vitest] replaces module pg with async () => ({})']],
    ['spy: true keeps the originals', `vi.mock('pg', { spy: true });`, ['vi.mock [vitest] observes module pg with { spy: true }']],
    ['doMock', `vi.doMock('../src/repositories/user-repository');`, ['vi.doMock [vitest] replaces module ../src/repositories/user-repository']],
    ['importMock (a generated double)', `const pg = await vi.importMock('pg');`, ['vi.importMock [vitest] replaces module pg']],
    ['stubGlobal', `vi.stubGlobal('fetch', vi.fn());`, ['vi.stubGlobal [vitest] replaces global fetch with vi.fn()']],
    ['spyOn with an implementation', `vi.spyOn(redis, 'get').mockResolvedValue('1');`, ['vi.spyOn [vitest] replaces method redis.get']],
    ['imported vi', `import { vi } from 'vitest';\nvi.mock('pg');`, ['vi.mock [vitest] replaces module pg']],
    ['aliased import', `import { vi as v } from 'vitest';\nv.mock('pg');\nv.spyOn(pool, 'query');`, ['vi.mock [vitest] replaces module pg', 'vi.spyOn [vitest] observes method pool.query']],
  ])('%s', (_label, code, expected) => {
    expect(mocks(code)).toEqual(expected);
  });
});

describe('parseMockCall: node:test', () => {
  it.each([
    ['mock.module', `import { mock } from 'node:test';\nmock.module('pg', { namedExports: {} });`, ['mock.module [node:test] replaces module pg with { namedExports: {} }']],
    ['mock.method with an implementation', `import { mock } from 'node:test';\nmock.method(pool, 'query', async () => ({ rows: [] }));`, ['mock.method [node:test] replaces method pool.query with async () => ({ rows: [] })']],
    ['mock.method without one (a spy)', `import { mock } from 'node:test';\nmock.method(pool, 'query');`, ['mock.method [node:test] observes method pool.query']],
    ['mock.method with options only', `import { mock } from 'node:test';\nmock.method(pool, 'query', { times: 1 });`, ['mock.method [node:test] observes method pool.query']],
    ['mock.getter and mock.property', `import { mock } from 'node:test';\nmock.getter(client, 'ready', () => true);\nmock.property(client, 'url', 'x');`, ['mock.getter [node:test] replaces method client.ready with () => true', "mock.property [node:test] replaces method client.url with 'x'"]],
    ['the test context', `import test from 'node:test';\ntest('x', async (t) => { t.mock.method(pool, 'query', async () => ({ rows: [] })); });`, ['mock.method [node:test] replaces method pool.query with async () => ({ rows: [] })']],
    ['test.mock from the default import', `import test from 'node:test';\ntest.mock.method(pool, 'query', fake);`, ['mock.method [node:test] replaces method pool.query with fake']],
    ['test.mock from the named import', `import { test } from 'node:test';\ntest.mock.module('pg');`, ['mock.module [node:test] replaces module pg']],
    ['a namespace import', `import * as nodeTest from 'node:test';\nnodeTest.mock.method(pool, 'query', fake);`, ['mock.method [node:test] replaces method pool.query with fake']],
    ['an aliased mock', `import { mock as m } from 'node:test';\nm.module('pg');`, ['mock.module [node:test] replaces module pg']],
    ['a global spied through mock.method', `import { mock } from 'node:test';\nmock.method(globalThis, 'fetch', async () => new Response('{}'));`, ["mock.method [node:test] replaces global fetch with async () => new Response('{}')"]],
  ])('%s', (_label, code, expected) => {
    expect(mocks(code)).toEqual(expected);
  });

  it('recognises require() in CommonJS', () => {
    const code = `const { mock } = require('node:test');\nmock.method(pool, 'query', async () => ({ rows: [] }));`;
    expect(mocks(code, commonjs)).toEqual(['mock.method [node:test] replaces method pool.query with async () => ({ rows: [] })']);
  });
});

describe('parseMockCall: sinon', () => {
  it.each([
    ['stub of a method', `import sinon from 'sinon';\nsinon.stub(pool, 'query').resolves({ rows: [] });`, ['sinon.stub [sinon] replaces method pool.query']],
    ['stub of every method', `import sinon from 'sinon';\nsinon.stub(pool);`, ['sinon.stub [sinon] replaces method pool.*']],
    ['an anonymous stub is not a mock of anything', `import sinon from 'sinon';\nconst query = sinon.stub();`, []],
    ['a call-through spy', `import sinon from 'sinon';\nsinon.spy(pool, 'query');`, ['sinon.spy [sinon] observes method pool.query']],
    ['replace', `import sinon from 'sinon';\nsinon.replace(axios, 'get', sinon.fake.resolves({ data: {} }));`, ['sinon.replace [sinon] replaces method axios.get with sinon.fake.resolves({ data: {} })']],
    ['createStubInstance', `import sinon from 'sinon';\nconst pool = sinon.createStubInstance(Pool);`, ['sinon.createStubInstance [sinon] replaces class Pool']],
    ['a namespace import', `import * as sinon from 'sinon';\nsinon.stub(pool, 'query');`, ['sinon.stub [sinon] replaces method pool.query']],
    ['named imports', `import { stub, createStubInstance as stubInstance } from 'sinon';\nstub(pool, 'query');\nstubInstance(Pool);`, ['sinon.stub [sinon] replaces method pool.query', 'sinon.createStubInstance [sinon] replaces class Pool']],
    ['a sandbox', `import sinon from 'sinon';\nconst sandbox = sinon.createSandbox();\nsandbox.stub(pool, 'query');`, ['sinon.stub [sinon] replaces method pool.query']],
    ['a sandbox made in a hook', `import sinon from 'sinon';\nlet sandbox;\nbeforeEach(() => { sandbox = sinon.createSandbox(); });\nit('x', () => { sandbox.replace(pool, 'query', fake); });`, ['sinon.replace [sinon] replaces method pool.query with fake']],
    ['a global sinon', `sinon.stub(global, 'fetch');`, ['sinon.stub [sinon] replaces global fetch']],
  ])('%s', (_label, code, expected) => {
    expect(mocks(code)).toEqual(expected);
  });

  it('recognises require() and destructuring in CommonJS', () => {
    const code = `const sinon = require('sinon');\nconst { stub } = require('sinon');\nsinon.stub(pool, 'query');\nstub(redis, 'get');`;
    expect(mocks(code, commonjs)).toEqual(['sinon.stub [sinon] replaces method pool.query', 'sinon.stub [sinon] replaces method redis.get']);
  });
});

describe('parseMockCall: testdouble, proxyquire and rewire', () => {
  it.each([
    ['td.replace of a module', `import td from 'testdouble';\nconst db = td.replace('../src/db');`, ['td.replace [testdouble] replaces module ../src/db']],
    ['td.replaceEsm', `import * as td from 'testdouble';\nawait td.replaceEsm('pg');`, ['td.replaceEsm [testdouble] replaces module pg']],
    ['td.replace of a method', `td.replace(pool, 'query');`, ['td.replace [testdouble] replaces method pool.query']],
    ['td.replace of a method with a value', `td.replace(pool, 'query', td.func());`, ['td.replace [testdouble] replaces method pool.query with td.func()']],
  ])('%s', (_label, code, expected) => {
    expect(mocks(code)).toEqual(expected);
  });

  it.each([
    ['a direct call', `const proxyquire = require('proxyquire');\nconst repo = proxyquire('../src/repo', { pg: fakePg, './logger': log });`, ['proxyquire [proxyquire] replaces module pg from /project/tests/src/repo, module ./logger from /project/tests/src/repo']],
    ['noCallThru().load', `const proxyquire = require('proxyquire');\nproxyquire.noCallThru().load('../src/repo', { 'pg': fakePg });`, ['proxyquire.load [proxyquire] replaces module pg from /project/tests/src/repo']],
    ['a configured proxyquire', `const proxyquire = require('proxyquire').noCallThru();\nproxyquire('../src/repo', { pg: { Pool, '@noCallThru': true }, '@global': true });`, ['proxyquire [proxyquire] replaces module pg from /project/tests/src/repo']],
    ['rewire', `const rewire = require('rewire');\nconst repo = rewire('../src/repo');\nrepo.__set__('pool', fakePool);`, ['rewire.__set__ [rewire] replaces method repo.pool with fakePool']],
  ])('proxyquire and rewire: %s', (_label, code, expected) => {
    expect(mocks(code, { filename: 'tests/integration/repo.test.js', script: true })).toEqual(expected);
  });
});

describe('parseMockCall: generated doubles', () => {
  it.each([
    ['mockDeep of an imported type', `import { mockDeep } from 'jest-mock-extended';\nimport type { PrismaClient } from '@prisma/client';\nconst prisma = mockDeep<PrismaClient>();`, ['mockDeep [mock-extended] replaces type PrismaClient (PrismaClient)']],
    ['mock of a qualified type', `import { mock } from 'vitest-mock-extended';\nimport * as pg from 'pg';\nconst pool = mock<pg.Pool>();`, ['mock [mock-extended] replaces type pg (pg.Pool)']],
    ['mock of typeof a value', `import { mockDeep } from 'jest-mock-extended';\nconst double = mockDeep<typeof prisma>();`, ['mockDeep [mock-extended] replaces type prisma (typeof prisma)']],
    ['an aliased mockDeep', `import { mockDeep as deep } from 'jest-mock-extended';\ndeep<PrismaClient>();`, ['mockDeep [mock-extended] replaces type PrismaClient (PrismaClient)']],
    ['a namespace import', `import * as extended from 'jest-mock-extended';\nextended.mockDeep<PrismaClient>();`, ['mockDeep [mock-extended] replaces type PrismaClient (PrismaClient)']],
    ['mock without a type argument', `import { mock } from 'jest-mock-extended';\nconst logger = mock();`, ['mock [mock-extended] replaces']],
    ['createMock', `import { createMock } from '@golevelup/ts-jest';\ncreateMock<Repository<User>>();`, ['createMock [golevelup] replaces type Repository (Repository<User>)']],
    ['ts-mockito mock of a class', `import { mock, instance } from 'ts-mockito';\nconst repo = instance(mock(UserRepository));`, ['mock [ts-mockito] replaces class UserRepository']],
    ['ts-mockito mock of an interface', `import { mock } from 'ts-mockito';\nconst redis = mock<Redis>();`, ['mock [ts-mockito] replaces type Redis (Redis)']],
    ['ts-mockito through a namespace', `import * as mockito from '@typestrong/ts-mockito';\nmockito.mock(UserRepository);`, ['mock [ts-mockito] replaces class UserRepository']],
  ])('%s', (_label, code, expected) => {
    expect(mocks(code)).toEqual(expected);
  });
});

describe('parseMockCall: look-alikes', () => {
  it.each([
    ['a local object with mock methods', `const vi = makeRunner();\nvi.mock('pg');`],
    ['an unrelated module', `import { jest } from './my-helpers';\njest.mock('pg');`],
    ['another export of the test runner', `import { expect } from 'vitest';\nexpect.mock('pg');`],
    ['the node:test function itself', `import test from 'node:test';\ntest.method(pool, 'query', fake);`],
    ['a parameter named mock', `function setup(mock) { mock.method(pool, 'query', fake); }`],
    ['a mock function', `jest.fn(); vi.fn(async () => 1);`],
    ['mock-extended helpers that are not doubles', `import { mockReset } from 'jest-mock-extended';\nmockReset(prisma);`],
    ['variables made from each other', `let a = b.createSandbox();\nlet b = a.createSandbox();\na.stub(pool, 'query');`],
    ['an unrelated proxyquire-like call', `const proxyquire = require('proxyquire');\nconst loaded = proxyquire.load;`],
  ])('%s', (_label, code) => {
    expect(mocks(code)).toEqual([]);
  });
});

describe('parseGlobalAssignment', () => {
  it.each([
    ['global.fetch = jest.fn();', 'fetch'],
    ["globalThis['fetch'] = vi.fn();", 'fetch'],
    ['window.fetch = fake;', 'fetch'],
    ['self.XMLHttpRequest = Fake;', 'XMLHttpRequest'],
    ['client.fetch = fake;', null],
    ['global.fetch.calls = [];', null],
    ['global[name] = fake;', null],
  ])('%s', (code, expected) => {
    const found = probe(code, 'AssignmentExpression', (_context, node) => parseGlobalAssignment(node as TSESTree.AssignmentExpression) ?? 'none');
    expect(found.map(({ result }) => result)).toEqual([expected ?? 'none']);
  });
});

describe('isStandInFunction', () => {
  function standIn(code: string, options?: ProbeOptions): boolean[] {
    return probe(code, 'AssignmentExpression', (context, node) => isStandInFunction(context, (node as TSESTree.AssignmentExpression).right), options).map(({ result }) => result);
  }

  it.each([
    ['jest.fn', `global.fetch = jest.fn();`, true],
    ['a configured vi.fn', `global.fetch = vi.fn().mockResolvedValue(new Response('{}'));`, true],
    ['an aliased vi', `import { vi as v } from 'vitest';\nglobal.fetch = v.fn();`, true],
    ['node:test mock.fn', `import { mock } from 'node:test';\nglobal.fetch = mock.fn();`, true],
    ['the test context mock.fn', `import test from 'node:test';\ntest('x', (t) => { global.fetch = t.mock.fn(); });`, true],
    ['sinon.stub()', `import sinon from 'sinon';\nglobal.fetch = sinon.stub().resolves({});`, true],
    ['sinon.fake.resolves', `import sinon from 'sinon';\nglobal.fetch = sinon.fake.resolves({});`, true],
    ['an imported stub', `import { stub } from 'sinon';\nglobal.fetch = stub();`, true],
    ['td.func', `global.fetch = td.func();`, true],
    ['an arrow function', `global.fetch = async () => new Response('{}');`, true],
    ['a cast', `global.fetch = jest.fn() as unknown as typeof fetch;`, true],
    ['a saved original', `global.fetch = originalFetch;`, false],
    ['a polyfill', `global.fetch = require('node-fetch');`, false],
    ['another call', `global.fetch = createFetch();`, false],
    ['a local named jest', `const jest = { fn: () => 1 };\nglobal.fetch = jest.fn();`, false],
  ])('%s', (_label, code, expected) => {
    expect(standIn(code)).toEqual([expected]);
  });
});

describe('specifierOfManualMock', () => {
  it.each([
    ['../__mocks__/pg', 'pg'],
    ['../../__mocks__/@prisma/client', '@prisma/client'],
    ['./__mocks__/axios', 'axios'],
    ['__mocks__/ioredis', 'ioredis'],
    ['../src/db/__mocks__/client', '../src/db/client'],
    ['@/repositories/__mocks__/user-repository', '@/repositories/user-repository'],
    ['../src/db/client', null],
    ['../__mocks__/', null],
    ['some__mocks__/pg', null],
  ])('%s → %s', (source, expected) => {
    expect(specifierOfManualMock(source)).toBe(expected);
  });
});
