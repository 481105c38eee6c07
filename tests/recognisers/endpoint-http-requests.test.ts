import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { parseHttpRequest } from '../../src/estree/endpoint-http-requests';
import { probe, type ProbeOptions } from '../helpers/probe';

/** Every recognised request as `client → host` (`?` when the host is unknown). */
function requests(code: string, options?: ProbeOptions): string[] {
  return probe(code, 'CallExpression', (context, node) => {
    const request = parseHttpRequest(context, node as TSESTree.CallExpression);
    return request ? `${request.client} → ${request.url ? (request.url.host ?? 'server') : '?'}` : null;
  }, options).map(({ result }) => result);
}

describe('parseHttpRequest', () => {
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
    expect(requests(code)).toEqual(expected);
  });

  it.each([
    ['a local function named fetch', `const fetch = (url) => url;\nfetch('http://localhost:3000');`],
    ['axios.create itself', `import axios from 'axios';\naxios.create({ baseURL: 'http://localhost:3000' });`],
    ['a method of an unrelated object', `client.get('http://localhost:3000');\nrepo.fetch('http://localhost:3000');`],
    ['an unrelated module', `import { get } from 'lodash';\nget(obj, 'a.b');`],
    ['a type-only import', `import type { AxiosInstance } from 'axios';\ndeclare const api: AxiosInstance;\napi.get('/x');`],
  ])('does not recognise %s', (_label, code) => {
    expect(requests(code)).toEqual([]);
  });
});
