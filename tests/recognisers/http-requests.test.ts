import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { httpOriginOf } from '../../src/core/urls';
import { isHttpClientModule, parseHttpRequest } from '../../src/estree/http-requests';
import { probe, type ProbeOptions } from '../helpers/probe';

/**
 * Every recognised request as `package → origin`, reading constants only and taking a request
 * that may choose its own transport as going nowhere known (`unknown`), in source order.
 */
function requests(code: string, options?: ProbeOptions) {
  return probe(code, 'CallExpression', (context, node) => {
    const request = parseHttpRequest(context, node as TSESTree.CallExpression, 'constants');
    const origin = request && !request.ownTransport ? httpOriginOf(request.url)?.origin : undefined;
    return request ? `${request.module ?? 'fetch'} → ${origin ?? 'unknown'}` : null;
  }, options).map(({ result }) => result);
}

/** Every recognised request as `client → host` (`?` when the host is unknown). */
function clientsAndHosts(code: string, options?: ProbeOptions): string[] {
  return probe(code, 'CallExpression', (context, node) => {
    const request = parseHttpRequest(context, node as TSESTree.CallExpression);
    return request ? `${request.client} → ${request.url ? (request.url.host ?? 'server') : '?'}` : null;
  }, options).map(({ result }) => result);
}

describe('parseHttpRequest: package and origin', () => {
  it.each([
    ['global fetch', "fetch('https://a.example.com/x');", ['fetch → https://a.example.com']],
    ['fetch through globalThis', "globalThis.fetch('https://a.example.com/x');", ['fetch → https://a.example.com']],
    ['fetch with a Request', "fetch(new Request('https://a.example.com/x'));", ['fetch → https://a.example.com']],
    ['fetch with an unknown URL', 'fetch(url);', ['fetch → unknown']],
    ['fetch with a dispatcher of its own', "fetch('https://a.example.com/x', { dispatcher: agent });", ['fetch → unknown']],
    ['axios as a function', "import axios from 'axios';\naxios('https://a.example.com/x');", ['axios → https://a.example.com']],
    ['axios with a config object', "import axios from 'axios';\naxios({ url: '/x', baseURL: 'https://a.example.com' });", ['axios → https://a.example.com']],
    ['axios.request', "import axios from 'axios';\naxios.request({ url: 'https://a.example.com/x' });", ['axios → https://a.example.com']],
    ['axios methods, with a data argument', "import axios from 'axios';\naxios.post('https://a.example.com/x', { baseURL: 'data, not config' });", ['axios → https://a.example.com']],
    ['a per-request base URL', "import axios from 'axios';\naxios.get('/x', { baseURL: 'https://a.example.com' });", ['axios → https://a.example.com']],
    ['a per-request base URL that cannot be read', "import axios from 'axios';\naxios.get('/x', { baseURL: base });", ['axios → unknown']],
    ['a custom adapter', "import axios from 'axios';\naxios.get('https://a.example.com/x', { adapter: fake });", ['axios → unknown']],
    ['an axios instance', "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://a.example.com' });\napi.get('/x');", ['axios → https://a.example.com']],
    ['an instance overriding its base URL', "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://a.example.com' });\napi.get('/x', { baseURL: 'https://b.example.com' });", ['axios → https://b.example.com']],
    ['an instance assigned in a hook', "import axios from 'axios';\nlet api;\nbeforeAll(() => { api = axios.create({ baseURL: 'https://a.example.com' }); });\ntest('x', () => api.get('/x'));", ['axios → https://a.example.com']],
    ['an instance assigned twice', "import axios from 'axios';\nlet api = axios.create({ baseURL: 'https://a.example.com' });\napi = other;\napi.get('/x');", []],
    ['axios required in CommonJS', "const axios = require('axios');\naxios.get('https://a.example.com/x');", ['axios → https://a.example.com']],
    ['axios required with .default', "const axios = require('axios').default;\naxios.get('https://a.example.com/x');", ['axios → https://a.example.com']],
    ['got and a got instance', "import got from 'got';\nconst api = got.extend({ prefixUrl: 'https://a.example.com' });\ngot.post('https://b.example.com/x');\napi('x');", ['got → https://b.example.com', 'got → https://a.example.com']],
    ['ky', "import ky from 'ky';\nky('https://a.example.com/x');\nky.create({ prefixUrl: 'https://b.example.com' }).get('x');", ['ky → https://a.example.com', 'ky → https://b.example.com']],
    ['superagent, judged at the call that names the URL', "import request from 'superagent';\nrequest.post('https://a.example.com/x').send({}).set('a', 'b');", ['superagent → https://a.example.com']],
    ['undici request and fetch', "import { request, fetch } from 'undici';\nrequest({ origin: 'https://a.example.com', path: '/x' });\nfetch('https://b.example.com');", ['undici → https://a.example.com', 'undici → https://b.example.com']],
    ['undici as a namespace', "import * as undici from 'undici';\nundici.request('https://a.example.com/x');", ['undici → https://a.example.com']],
    ['node-fetch', "import fetch from 'node-fetch';\nfetch('https://a.example.com/x');", ['node-fetch → https://a.example.com']],
    ['https.get with a URL', "import https from 'node:https';\nhttps.get('https://a.example.com/x');", ['https → https://a.example.com']],
    ['http.request with options', "import * as http from 'http';\nhttp.request({ hostname: 'a.example.com', port: 8080, path: '/x' });", ['http → http://a.example.com']],
    ['https.request with host and protocol', "import { request } from 'https';\nrequest({ host: 'a.example.com', protocol: 'http:' });", ['https → http://a.example.com']],
    ['http.request without a host goes to localhost', "import http from 'http';\nhttp.request({ path: '/x' });", ['http → http://localhost']],
    ['http.request with a spread', "import http from 'http';\nhttp.request({ ...options, path: '/x' });", ['http → unknown']],
    ['https.get whose options override the host', "import https from 'https';\nhttps.get('https://a.example.com/x', { hostname: other });", ['https → unknown']],
  ])('reads %s', (_label, code, expected) => {
    expect(requests(code)).toEqual(expected);
  });

  it.each([
    ['a local function named fetch', "const fetch = (url) => url;\nfetch('https://a.example.com');"],
    ['a look-alike import', "import axios from './axios';\naxios.get('https://a.example.com');"],
    ['a method that sends nothing', "import axios from 'axios';\naxios.isAxiosError(e);\naxios.create({ baseURL: 'https://a.example.com' });"],
    ['a type-only import', "import type axios from 'axios';\ndeclare const client: typeof axios;\nclient.get('https://a.example.com');"],
    ['fetch as a method of something else', "cache.fetch('https://a.example.com');"],
    ['a constructed client', "import { Client } from 'undici';\nnew Client('https://a.example.com').request({ path: '/' });"],
  ])('does not take %s for a request', (_label, code) => {
    expect(requests(code)).toEqual([]);
  });

  it('reads CommonJS destructuring', () => {
    const code = "const { get } = require('https');\nget('https://a.example.com/x');";
    expect(requests(code, { filename: 'tests/integration/x.test.js', script: true })).toEqual(['https → https://a.example.com']);
  });
});

describe('isHttpClientModule', () => {
  it.each([
    ['axios', true],
    ['node:https', true],
    ['undici', true],
    ['got', true],
    ['msw', false],
    ['pg', false],
    ['./axios', false],
    ['constructor', false],
  ])('%s is %s', (specifier, expected) => {
    expect(isHttpClientModule(specifier)).toBe(expected);
  });
});

describe('parseHttpRequest: client as written and host', () => {
  it.each([
    ['the global fetch', `await fetch('http://localhost:3000/users');`, ['fetch → localhost']],
    ['fetch through globalThis', `await globalThis.fetch('https://example.com');`, ['fetch → example.com']],
    ['fetch with a Request', `await fetch(new Request('http://127.0.0.1:3000/x'));`, ['fetch → 127.0.0.1']],
    ['node-fetch', `import fetch from 'node-fetch';\nawait fetch('http://localhost/x');`, ['node-fetch → localhost']],
    ['axios methods and config calls', `import axios from 'axios';\nawait axios.get('http://localhost:3000/a');\nawait axios({ url: '/b', baseURL: 'http://localhost:3000' });\nawait axios.post('/c', {}, { baseURL: 'https://api.example.com' });`, ['axios.get → localhost', 'axios → localhost', 'axios.post → api.example.com']],
    ['an axios instance', "import axios from 'axios';\nconst api = axios.create({ baseURL: `http://localhost:${port}` });\nawait api.get('/users');\nawait api('/users');\nawait api.request({ url: '/users' });", ['axios.get → localhost', 'axios → localhost', 'axios.request → localhost']],
    ['an instance assigned in a hook', "import axios from 'axios';\nlet api;\nbeforeAll(() => { api = axios.create({ baseURL: 'http://localhost:3000' }); });\ntest('x', async () => { await api.delete('/users/1'); });", ['axios.delete → localhost']],
    ['got, its methods and extend', "import got from 'got';\nawait got('http://localhost:3000/a');\nawait got.post('http://localhost:3000/b');\nconst client = got.extend({ prefixUrl: 'http://localhost:3000' });\nawait client.get('users');\nconst admin = client.extend({ headers: {} });\nawait admin('users');", ['got → localhost', 'got.post → localhost', 'got.get → localhost', 'got → localhost']],
    ['ky', `import ky from 'ky';\nawait ky.get('http://localhost:3000/a').json();\nconst api = ky.create({ prefixUrl: 'http://localhost:3000' });\nawait api.post('users');`, ['ky.get → localhost', 'ky.post → localhost']],
    ['undici', `import { request, fetch as undiciFetch } from 'undici';\nawait request('http://localhost:3000/a');\nawait undiciFetch('http://localhost:3000/b');`, ['undici.request → localhost', 'undici.fetch → localhost']],
    ['node:http', `import http from 'node:http';\nhttp.get('http://localhost:3000/health', () => {});`, ['http.get → localhost']],
    ['superagent', `const superagent = require('superagent');\nawait superagent.get('http://localhost:3000/x');`, ['superagent.get → localhost']],
    ['require with destructuring', `const { get } = require('axios');\nawait get('http://localhost:3000/x');`, ['axios.get → localhost']],
    ['a URL the client cannot read', `import axios from 'axios';\nawait axios.get(url);`, ['axios.get → ?']],
  ])('recognises %s', (_label, code, expected) => {
    expect(clientsAndHosts(code)).toEqual(expected);
  });

  it.each([
    ['a local function named fetch', `const fetch = (url) => url;\nfetch('http://localhost:3000');`],
    ['axios.create itself', `import axios from 'axios';\naxios.create({ baseURL: 'http://localhost:3000' });`],
    ['a method of an unrelated object', `client.get('http://localhost:3000');\nrepo.fetch('http://localhost:3000');`],
    ['an unrelated module', `import { get } from 'lodash';\nget(obj, 'a.b');`],
    ['a type-only import', `import type { AxiosInstance } from 'axios';\ndeclare const api: AxiosInstance;\napi.get('/x');`],
  ])('does not recognise %s', (_label, code) => {
    expect(clientsAndHosts(code)).toEqual([]);
  });
});

describe('parseHttpRequest: the two readings', () => {
  const code = `import axios from 'axios';
import got from 'got';
const api = axios.create({ baseURL: process.env.API_URL ?? 'http://localhost:3000' });
const admin = got.extend({ prefixUrl: 'https://admin.example.com' }).extend({});
let base;
beforeAll(() => { base = 'http://localhost:4000'; });
it('x', async () => {
  await api.get('/users');
  await admin.post('users');
  await fetch(\`\${base}/health\`);
  await axios(\`\${base}/users\`);
  expect(format('/users')).toBe('x');
  await db.query('SELECT 1');
});
`;
  /** Every request under one reading, asked after the other reading was, or alone. */
  function read(reading: 'values' | 'constants', after?: 'values' | 'constants') {
    return probe(code, 'CallExpression', (context, node) => {
      if (after) parseHttpRequest(context, node as TSESTree.CallExpression, after);
      const request = parseHttpRequest(context, node as TSESTree.CallExpression, reading);
      return request ? `${request.client} → ${request.url?.text ?? '?'}` : null;
    }).map(({ result }) => result);
  }

  it('find the same calls and differ only in where they go', () => {
    expect(read('values')).toEqual(['axios.get → http://localhost:3000/users', 'got.post → https://admin.example.com/users', 'fetch → http://localhost:4000/health', 'axios → http://localhost:4000/users']);
    expect(read('constants')).toEqual(['axios.get → ?', 'got.post → https://admin.example.com/users', 'fetch → ?', 'axios → ?']);
  });

  it('give the same answers whichever is asked first', () => {
    expect(read('constants', 'values')).toEqual(read('constants'));
    expect(read('values', 'constants')).toEqual(read('values'));
  });
});
