import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { displayText } from '../../src/core/partial-text';
import { partialTextOf } from '../../src/estree/static-text';
import { urlOf } from '../../src/estree/urls';
import { probe, type ProbeOptions } from '../helpers/probe';

/** What the first argument of every `target(…)` call evaluates to, as text with `${…}` holes. */
function texts(code: string, options?: ProbeOptions): string[] {
  return probe(code, 'CallExpression', (context, node) => {
    const call = node as TSESTree.CallExpression;
    const [argument] = call.arguments;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'target' || !argument) return null;
    return displayText(partialTextOf(context, argument));
  }, options).map(({ result }) => result);
}

/** Where the first argument of every `target(…)` call points: `host` or `server`, `loopback` or `remote`, and `container`. */
function urls(code: string): string[] {
  return probe(code, 'CallExpression', (context, node) => {
    const call = node as TSESTree.CallExpression;
    const [argument] = call.arguments;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'target' || !argument) return null;
    const url = urlOf(context, argument);
    if (!url) return 'unknown';
    return `${url.localServer ? 'server' : url.host} ${url.loopback ? 'loopback' : 'remote'}${url.container ? ' container' : ''}`;
  }).map(({ result }) => result);
}

describe('partialTextOf', () => {
  it.each([
    ['a string literal', `target('http://localhost:3000/users');`, ['http://localhost:3000/users']],
    ['a template literal', 'const port = 3000;\ntarget(`http://localhost:${port}/users/${id}`);', ['http://localhost:3000/users/${…}']],
    ['concatenation', `const base = 'http://127.0.0.1:' + process.env.PORT;\ntarget(base + '/x');`, ['http://127.0.0.1:${…}/x']],
    ['a constant built from a constant', "const host = 'localhost';\nconst baseUrl = `http://${host}:4000`;\ntarget(`${baseUrl}/health`);", ['http://localhost:4000/health']],
    ['a variable assigned once in a hook', "let baseUrl;\nbeforeAll(() => { baseUrl = 'http://[::1]:8080'; });\ntest('x', () => target(`${baseUrl}/a`));", ['http://[::1]:8080/a']],
    ['a variable assigned twice', "let url = 'http://localhost';\nurl = 'https://example.com';\ntarget(url);", ['${…}']],
    ['a variable updated in place', "let url = 'http://localhost';\nurl += '/x';\ntarget(url);", ['${…}']],
    ['an environment fallback', `target(process.env.API_URL ?? 'http://localhost:3000');`, ['http://localhost:3000']],
    ['another fallback', `target(config.url || 'http://localhost:3000');`, ['${…}']],
    ['new URL with a base', "const base = 'http://localhost:3000';\ntarget(new URL('/users', base));", ['http://localhost:3000/users']],
    ['a URL object read back', "const url = new URL('http://localhost:3000/x');\ntarget(url.href); target(url.toString()); target(String(url));", ['http://localhost:3000/x', 'http://localhost:3000/x', 'http://localhost:3000/x']],
    ['the address listen resolves to', "const address = await app.listen({ port: 0 });\ntarget(`${address}/users`);", ['${…}/users']],
    ['a parameter', 'function get(url) { return target(url); }', ['${…}']],
    ['an import', `import { BASE_URL } from './config';\ntarget(BASE_URL);`, ['${…}']],
    ['a number', 'target(8080);', ['8080']],
    ['process.execPath', 'target(process.execPath);', ['node']],
    ['require.resolve', `target(require.resolve('../bin/cli.js'));`, ['../bin/cli.js']],
  ])('reads %s', (_label, code, expected) => {
    expect(texts(code)).toEqual(expected);
  });

  it('resolves __dirname and import.meta.dirname against the working directory in path.join and path.resolve', () => {
    const code = [
      `import path from 'node:path';`,
      `import { join } from 'path';`,
      `target(path.join(__dirname, '../../bin/cli.js'));`,
      `target(join(import.meta.dirname, '..', 'fixtures', 'x.js'));`,
      `target(path.resolve(__dirname, '/opt/tool'));`,
      `target(path.join(root, 'bin/cli.js'));`,
    ].join('\n');
    expect(texts(code, { filename: 'tests/integration/cli.test.ts' })).toEqual(['bin/cli.js', 'tests/fixtures/x.js', '/opt/tool', '${…}/bin/cli.js']);
  });
});

describe('urlOf', () => {
  it.each([
    ['loopback literals', "target('http://localhost:3000'); target('http://127.0.0.1/x'); target(`http://[::1]:${port}/`);", ['localhost loopback', '127.0.0.1 loopback', '::1 loopback']],
    ['a remote literal', `target('https://api.stripe.com/v1/charges');`, ['api.stripe.com remote']],
    ['a Request', `target(new Request('http://localhost:3000/users', { method: 'POST' }));`, ['localhost loopback']],
    ['a server started in the file', "const server = app.listen(0);\nconst { port, address } = server.address();\ntarget(`http://${address}:${port}/users`);", ['server loopback']],
    ['a server started in a hook', "let server;\nbeforeAll(() => { server = http.createServer(app); server.listen(0); });\ntest('x', () => target(`http://${server.address().address}/`));", ['server loopback']],
    ['a fastify app listening', "const app = Fastify();\nawait app.listen({ port: 0 });\ntarget(`http://${app.server.address().address}/`);", ['server loopback']],
    ['a port mapped from a container', "const port = elastic.getMappedPort(9200);\ntarget(`http://localhost:${port}/_refresh`);\ntarget(`http://127.0.0.1:${minio.getFirstMappedPort()}`);", ['localhost loopback container', '127.0.0.1 loopback container']],
    ['an address of something that is not a server', "target(`http://${user.address().address}/`);", ['unknown']],
    ['a relative path', `target('/users');`, ['unknown']],
    ['an unknown host', 'target(`http://${host}:3000/`);', ['unknown']],
  ])('reads %s', (_label, code, expected) => {
    expect(urls(code)).toEqual(expected);
  });
});
