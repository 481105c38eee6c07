import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { parseTestClientCall } from '../../src/estree/test-clients';
import { probe, type ProbeOptions } from '../helpers/probe';

/** Every recognised test-client call as `library: source text`. */
function clients(code: string, options?: ProbeOptions): string[] {
  return probe(code, 'CallExpression', (context, node) => parseTestClientCall(context, node as TSESTree.CallExpression)?.library ?? null, options).map(
    ({ text, result }) => `${result}: ${text}`,
  );
}

describe('parseTestClientCall', () => {
  it.each([
    ['supertest', `import request from 'supertest';\nawait request(app).get('/users').expect(200);\nconst agent = request.agent(app);`, ['supertest: request(app)', 'supertest: request.agent(app)']],
    ['supertest aliased and required', `const st = require('supertest');\nawait st('http://localhost:3000').get('/');`, ["supertest: st('http://localhost:3000')"]],
    ['supertest namespace import', `import * as supertest from 'supertest';\nsupertest(app.getHttpServer());`, ['supertest: supertest(app.getHttpServer())']],
    ['fastify inject traced to fastify', `import Fastify from 'fastify';\nconst app = Fastify();\nawait app.inject(options);`, ['in-process injection: app.inject(options)']],
    ['inject with a request object', `const app = await build();\nawait app.inject({ method: 'GET', url: '/users' });\nawait server.inject({ method: 'POST', path: '/x' });`, ["in-process injection: app.inject({ method: 'GET', url: '/users' })", "in-process injection: server.inject({ method: 'POST', path: '/x' })"]],
    ['inject with a path', `await app.inject('/health');`, ["in-process injection: app.inject('/health')"]],
    ['the inject chain', `await app.inject().get('/users').end();`, ['in-process injection: app.inject()']],
    ['light-my-request', `import inject from 'light-my-request';\nawait inject(dispatch, { url: '/' });`, ["light-my-request: inject(dispatch, { url: '/' })"]],
    ['chai-http through chai', `import chai from 'chai';\nimport chaiHttp from 'chai-http';\nchai.use(chaiHttp);\nchai.request(app).get('/');`, ['chai-http: chai.request(app)']],
    ['chai-http 5', `import { use } from 'chai';\nimport chaiHttp, { request } from 'chai-http';\nuse(chaiHttp);\nrequest.execute(app).get('/');`, ['chai-http: request.execute(app)']],
    ['chai-http with require', `const chai = require('chai');\nchai.use(require('chai-http'));\nchai.request(server).post('/x');`, ['chai-http: chai.request(server)']],
    ['pactum', `const pactum = require('pactum');\nconst { spec } = pactum;\nawait pactum.spec().get('http://localhost:3000/x');\nawait spec().get('/y');`, ['pactum: pactum.spec()', 'pactum: spec()']],
    ['Hono', `import { Hono } from 'hono';\nconst app = new Hono();\nawait app.request('/users');\nawait app.fetch(new Request('http://x/'));`, ["Hono: app.request('/users')", "Hono: app.fetch(new Request('http://x/'))"]],
    ['Hono testClient', `import { testClient } from 'hono/testing';\nconst client = testClient(app);`, ['Hono: testClient(app)']],
  ])('recognises %s', (_label, code, expected) => {
    expect(clients(code)).toEqual(expected);
  });

  it.each([
    ['Angular TestBed.inject', `TestBed.inject(UserService);\ninjector.inject(Token);`],
    ['inject with an unrelated object', `container.inject({ name: 'db' });`],
    ['chai without chai-http', `import chai from 'chai';\nchai.request(app);`],
    ['request on an app that is not Hono', `const app = createApp();\napp.request('/users');`],
    ['a local request function', `const request = (x) => x;\nrequest(app);`],
    ['request from another library', `import request from 'request';\nrequest('http://localhost:3000');`],
  ])('does not recognise %s', (_label, code) => {
    expect(clients(code)).toEqual([]);
  });
});
