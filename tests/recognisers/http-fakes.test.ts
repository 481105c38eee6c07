import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { HttpFakeFact } from '../../src/core/http-fakes';
import { httpFakeOfAssignment, httpFakeOfModule, httpFakesOfCall } from '../../src/estree/http-fakes';
import { probe } from '../helpers/probe';

function fakesOf(code: string): HttpFakeFact[] {
  const calls = probe(code, 'CallExpression', (context, node) => {
    const fakes = httpFakesOfCall(context, node as TSESTree.CallExpression);
    return fakes.length > 0 ? fakes : null;
  });
  const constructions = probe(code, 'NewExpression', (context, node) => {
    const fakes = httpFakesOfCall(context, node as TSESTree.NewExpression);
    return fakes.length > 0 ? fakes : null;
  });
  return [...calls, ...constructions].flatMap(({ result }) => result);
}

describe('httpFakesOfCall', () => {
  it.each<[string, string, HttpFakeFact[]]>([
    ['a nock scope', "import nock from 'nock';\nnock('https://api.stripe.com').get('/x').reply(200);", [{ type: 'host', host: 'api.stripe.com' }]],
    ['a nock scope with a port', "import nock from 'nock';\nnock('https://api.stripe.com:443');", [{ type: 'host', host: 'api.stripe.com' }]],
    ['a nock scope as a pattern', "import nock from 'nock';\nnock(/stripe\\.com/i);", [{ type: 'host', host: { source: 'stripe\\.com', flags: 'i' } }]],
    ['a nock scope from a URL object', "import nock from 'nock';\nconst BASE = new URL('https://api.stripe.com');\nnock(BASE.href);", [{ type: 'host', host: 'api.stripe.com' }]],
    ['a nock scope that cannot be read', "import nock from 'nock';\nnock(baseUrl);", [{ type: 'host', host: null }]],
    ['nock.disableNetConnect', "import nock from 'nock';\nnock.disableNetConnect();", [{ type: 'refuse-unmatched' }]],
    ['nock.disableNetConnect as a named import', "import { disableNetConnect } from 'nock';\ndisableNetConnect();", [{ type: 'refuse-unmatched' }]],
    [
      'nock.enableNetConnect with a host held in a constant',
      "import nock from 'nock';\nconst loopback = '127.0.0.1';\nnock.enableNetConnect(loopback);",
      [{ type: 'let-through', hosts: { source: '127\\.0\\.0\\.1', flags: '' }, call: 'nock.enableNetConnect(loopback)' }],
    ],
    [
      'nock.enableNetConnect with a pattern, spread over lines',
      "import nock from 'nock';\nnock.enableNetConnect(\n  /localhost|127\\.0\\.0\\.1/,\n);",
      [{ type: 'let-through', hosts: { source: 'localhost|127\\.0\\.0\\.1', flags: '' }, call: 'nock.enableNetConnect( /localhost|127\\.0\\.0\\.1/, )' }],
    ],
    [
      'nock.enableNetConnect with a function it cannot read',
      "import nock from 'nock';\nnock.enableNetConnect((host) => host.startsWith('127.'));",
      [{ type: 'let-through', hosts: null, call: "nock.enableNetConnect((host) => host.startsWith('127.'))" }],
    ],
    ['nock back', "const nock = require('nock');\nnock.back.setMode('lockdown');", [{ type: 'all-requests' }]],
    ['undici MockAgent and setGlobalDispatcher', "import { MockAgent, setGlobalDispatcher } from 'undici';\nsetGlobalDispatcher(new MockAgent());", [{ type: 'global-dispatcher' }, { type: 'mock-agent' }]],
    ['undici as a namespace', "import * as undici from 'undici';\nundici.setGlobalDispatcher(new undici.MockAgent());", [{ type: 'global-dispatcher' }, { type: 'mock-agent' }]],
    ['the fetchMock global', 'fetchMock.mockResponse("{}");', [{ type: 'client', client: 'fetch' }]],
    ['mock methods on the global fetch', 'fetch.mockResponseOnce("{}");', [{ type: 'client', client: 'fetch' }]],
    ['a mocked module', "vi.mock('axios');\njest.mock('node:https');", [{ type: 'client', client: 'axios' }, { type: 'client', client: 'https' }]],
    ['a stubbed global fetch', "vi.stubGlobal('fetch', vi.fn());", [{ type: 'client', client: 'fetch' }]],
    ['a spy with an implementation on a client', "import axios from 'axios';\njest.spyOn(axios, 'post').mockResolvedValue({ data: {} });", [{ type: 'client', client: 'axios' }]],
    ['a spy on an instance of a client', "import axios from 'axios';\nconst api = axios.create();\nvi.spyOn(api, 'get').mockResolvedValue({});", [{ type: 'client', client: 'axios' }]],
    [
      'proxyquire stubs; a relative one is named as written',
      "import proxyquire from 'proxyquire';\nproxyquire('../src/rates', { 'node-fetch': stub, './config': {} });",
      [{ type: 'client', client: 'node-fetch' }, { type: 'client', client: './config' }],
    ],
    ['a mock of a project module, named as written', "vi.mock('../src/http');", [{ type: 'client', client: '../src/http' }]],
    [
      'msw handlers given to a server, one of them for any host',
      "import { setupServer } from 'msw/node';\nimport { http, graphql } from 'msw';\nsetupServer(http.get('https://api.rates.example.org/latest', h), graphql.query('Rates', h));",
      [{ type: 'host', host: 'api.rates.example.org' }, { type: 'host', host: null }],
    ],
    ['an msw server given handlers the file does not show', "import { setupServer } from 'msw/node';\nimport { handlers } from './handlers';\nsetupServer(...handlers);", [{ type: 'host', host: null }]],
    ['an msw handler with a relative path', "import { http } from 'msw';\nhttp.post('/api/orders', h);", [{ type: 'host', host: null }]],
    [
      'an msw server that fails unhandled requests',
      "import { setupServer } from 'msw/node';\nconst server = setupServer();\nserver.listen({ onUnhandledRequest: 'error' });",
      [{ type: 'refuse-unmatched' }],
    ],
  ])('recognises %s', (_label, code, expected) => {
    expect(fakesOf(code)).toEqual(expected);
  });

  it.each([
    ['a spy that calls through', "vi.spyOn(globalThis, 'fetch');"],
    ['a MockAgent of a look-alike module', "import { MockAgent } from './agents';\nnew MockAgent();"],
    ['a local function named nock', "const nock = (url) => url;\nnock('https://api.stripe.com');"],
    ['a type-only import of nock', "import type nock from 'nock';\ndeclare const scope: typeof nock;\nscope('https://api.stripe.com');"],
    ['a local fetchMock', "const fetchMock = createFetchMock(vi);\nfetchMock.enableMocks();"],
    ['nock.enableNetConnect() with no matcher, which restores the network', "import nock from 'nock';\nafterAll(() => nock.enableNetConnect());"],
  ])('ignores %s', (_label, code) => {
    expect(fakesOf(code)).toEqual([]);
  });
});

describe('httpFakeOfModule', () => {
  const moduleFake = (specifier: string) => probe(`import '${specifier}';`, 'Program', (context) => httpFakeOfModule(context, specifier) ?? 'none').map(({ result }) => result);

  it.each([
    // msw fakes the hosts of its handlers: its calls are read, not its load.
    ['msw/node', 'none'],
    ['msw', 'none'],
    ['fetch-mock', { type: 'all-requests' }],
    ['jest-fetch-mock', { type: 'all-requests' }],
    ['axios-mock-adapter', { type: 'all-requests' }],
    ['nock', 'none'],
    ['axios', 'none'],
    ['smtp-server', 'none'],
  ])('%s', (specifier, expected) => {
    expect(moduleFake(specifier)).toEqual([expected]);
  });
});

describe('httpFakeOfAssignment', () => {
  it('recognises a replaced global fetch', () => {
    const code = 'globalThis.fetch = vi.fn();\nglobal.fetch = jest.fn();\nwindow.location = x;';
    const found = probe(code, 'AssignmentExpression', (context, node) => httpFakeOfAssignment(context, node as TSESTree.AssignmentExpression));
    expect(found.map(({ result }) => result)).toEqual([{ type: 'client', client: 'fetch' }, { type: 'client', client: 'fetch' }]);
  });

  it('reads a stand-in transport put on the global object as one that may answer any request', () => {
    const code = [
      'const runtime = globalThis;',
      'runtime.endpointFetch = () => Promise.resolve({ ok: true });',
      'global.XMLHttpRequest = class { send() {} };',
      'window.requestAnimationFrame = (callback) => callback(0);',
      'globalThis.httpRequest = originalRequest;',
      'const settings = {};',
      'settings.endpointFetch = () => null;',
    ].join('\n');
    const found = probe(code, 'AssignmentExpression', (context, node) => httpFakeOfAssignment(context, node as TSESTree.AssignmentExpression));
    expect(found.map(({ result }) => result)).toEqual([{ type: 'all-requests' }, { type: 'all-requests' }]);
  });
});
