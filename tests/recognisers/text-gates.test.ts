import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { HTTP_REQUEST_NEEDS, mayRequestHttp, parseHttpRequest } from '../../src/estree/http-requests';
import { mayStartProcess, parseProcessStart, PROCESS_APIS, PROCESS_START_NEEDS } from '../../src/estree/processes';
import { mayCallTestClient, parseTestClientCall, TEST_CLIENT_MODULES, TEST_CLIENT_NEEDS } from '../../src/estree/test-clients';
import { textGate } from '../../src/estree/text-gates';
import { probe } from '../helpers/probe';

describe('textGate', () => {
  const modules = textGate({ modules: ['axios', 'http', 'hono/testing'] });
  it.each([
    ['a default import', `import axios from 'axios';`, true],
    ['a require with double quotes', `const axios = require("axios");`, true],
    ['a template literal', 'const axios = require(`axios`);', true],
    ['the node: prefix', `import http from 'node:http';`, true],
    ['a subpath', `const axios = require('axios/dist/node/axios.cjs');`, true],
    ['a specifier with a slash of its own', `import { testClient } from 'hono/testing';`, true],
    ['a URL', `await get('http://localhost:3000/users');`, false],
    ['another package whose name starts the same', `import axiosRetry from 'axios-retry';`, false],
    ['a relative module named like a package', `import { get } from './axios';`, false],
    ['the bare word', `// axios and http are not loaded here\nconst http = createClient();`, false],
    ['a control escape', `import x from 'x';\nconsole.log('done\\n');`, false],
    ['an escape that may spell a specifier', `const axios = require('a\\x78ios');`, true],
    ['an identity escape', `const axios = require('ax\\ios');`, true],
    ['a line continuation', `const axios = require('ax\\\nios');`, true],
  ])('modules: %s', (_label, text, expected) => {
    expect(modules(text)).toBe(expected);
  });

  const names = textGate({ names: ['fetch', 'inject'] });
  it.each([
    ['a call', `await fetch(url);`, true],
    ['a method', `await app.inject({ url: '/' });`, true],
    ['a computed property', `await globalThis['fetch'](url);`, true],
    ['a private method', `this.#inject(request);`, true],
    ['longer names', `await fetchUser(1); prefetch(); injector.get(Token); const injected = 1;`, false],
    ['a unicode escape', `await \\u0066etch(url);`, true],
  ])('names: %s', (_label, text, expected) => {
    expect(names(text)).toBe(expected);
  });

  it('passes when any of several needs is met', () => {
    const gate = textGate({ modules: ['execa'] }, { names: ['fetch'] });
    expect([`import { execa } from 'execa';`, `fetch(url);`, `import got from 'got';`].map(gate)).toEqual([true, true, false]);
  });

  it('answers each text, also when asked about the same one twice in a row', () => {
    const gate = textGate({ names: ['fetch'] });
    expect([`fetch(a);`, `fetch(a);`, `get(a);`, `get(a);`, `fetch(a);`].map(gate)).toEqual([true, true, false, false, true]);
  });
});

describe('the gates of the recognisers', () => {
  it('come from their tables', () => {
    expect(TEST_CLIENT_NEEDS.modules).toEqual(expect.arrayContaining([...Object.keys(TEST_CLIENT_MODULES), 'chai-http', 'hono']));
    expect(TEST_CLIENT_NEEDS.names).toEqual(['inject']);
    expect(PROCESS_START_NEEDS.modules).toEqual(Object.keys(PROCESS_APIS));
    expect(HTTP_REQUEST_NEEDS.names).toEqual(['fetch']);
    for (const module of ['axios', 'got', 'ky', 'undici', 'node-fetch', 'http', 'https']) expect(HTTP_REQUEST_NEEDS.modules).toContain(module);
  });

  it.each(Object.keys(TEST_CLIENT_MODULES))('lets a file that loads %s through to parseTestClientCall', (module) => {
    expect(mayCallTestClient(`const client = require('${module}');`)).toBe(true);
  });

  it.each(Object.keys(PROCESS_APIS))('lets a file that loads %s through to parseProcessStart', (module) => {
    expect(mayStartProcess(`import * as api from 'node:${module}';`)).toBe(true);
  });

  /** Runs a recogniser over a file and checks that its gate lets the file through whenever it answers. */
  function gateHolds(code: string, gate: (text: string) => boolean, recognise: Parameters<typeof probe>[2], nodeType = 'CallExpression'): void {
    expect(probe(code, nodeType, recognise).length).toBeGreaterThan(0);
    expect(gate(code)).toBe(true);
  }

  it.each([
    ['inject with no framework import', `await app.inject({ method: 'GET', url: '/users' });`],
    ['chai.request on the global chai', `chai.use(require('chai-http'));\nchai.request(app);`],
    ['a Hono app from a subpath', `import { Hono } from 'hono/quick';\nconst app = new Hono();\nawait app.fetch(request);`],
    ['pactum destructured', `const pactum = require('pactum');\nconst { spec } = pactum;\nspec();`],
  ])('parseTestClientCall: %s', (_label, code) => {
    gateHolds(code, mayCallTestClient, (context, node) => parseTestClientCall(context, node as TSESTree.CallExpression));
  });

  it.each([
    ['the global fetch', `await window.fetch('http://localhost:3000/');`],
    ['an instance of an instance', `import got from 'got';\nconst api = got.extend({ prefixUrl: 'http://localhost:3000' });\nconst admin = api.extend({});\nawait admin.get('users');`],
    ['node:https', `import { get } from 'node:https';\nget('https://api.stripe.com/');`],
  ])('parseHttpRequest: %s', (_label, code) => {
    gateHolds(code, mayRequestHttp, (context, node) => parseHttpRequest(context, node as TSESTree.CallExpression));
  });

  it.each([
    ['a promisified exec', `const { promisify } = require('util');\nconst run = promisify(require('child_process').exec);\nrun('node bin/cli.js');`, 'CallExpression'],
    ['a zx tag with options', `import { $ } from 'zx/core';\nawait $({ cwd: 'x' })\`node bin/cli.js\`;`, 'TaggedTemplateExpression'],
  ])('parseProcessStart: %s', (_label, code, nodeType) => {
    gateHolds(code, mayStartProcess, (context, node) => parseProcessStart(context, node as TSESTree.CallExpression | TSESTree.TaggedTemplateExpression), nodeType);
  });
});
