import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { displayText, type PartialText } from '../../src/core/partial-text';
import { httpOriginOf } from '../../src/core/urls';
import { partialTextOf, urlOf } from '../../src/estree/static-text';
import { probe, type ProbeOptions } from '../helpers/probe';

/** The known text up to the first hole, and whether nothing is unknown. */
function leading(text: PartialText): { text: string; complete: boolean } {
  const hole = text.findIndex((piece) => piece.type !== 'text');
  const known = hole === -1 ? text : text.slice(0, hole);
  return { text: known.map((piece) => (piece.type === 'text' ? piece.value : '')).join(''), complete: hole === -1 };
}

/** What the argument of every `read(…)` call certainly holds (constants only), up to its first unknown part. */
function textsOf(code: string) {
  return probe(code, 'CallExpression', (context, node) => {
    const call = node as TSESTree.CallExpression;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'read' || !call.arguments[0]) return null;
    return leading(partialTextOf(context, call.arguments[0], 'constants'));
  }).map(({ result }) => result);
}

function originsOf(code: string) {
  return probe(code, 'CallExpression', (context, node) => {
    const call = node as TSESTree.CallExpression;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'read' || !call.arguments[0]) return null;
    return httpOriginOf(urlOf(context, call.arguments[0], 'constants'))?.origin ?? 'unknown';
  }).map(({ result }) => result);
}

describe('partialTextOf, reading constants', () => {
  it.each([
    ['a string literal', `read('https://api.stripe.com/v1');`, { text: 'https://api.stripe.com/v1', complete: true }],
    ['a template literal without expressions', 'read(`https://api.stripe.com/v1`);', { text: 'https://api.stripe.com/v1', complete: true }],
    ['a template literal up to its first unknown part', 'read(`https://api.stripe.com/v1/charges/${id}/refunds`);', { text: 'https://api.stripe.com/v1/charges/', complete: false }],
    ['a template literal with a known part', "const V = 'v1';\nread(`https://api.stripe.com/${V}/charges`);", { text: 'https://api.stripe.com/v1/charges', complete: true }],
    ['a concatenation', "const BASE = 'https://api.stripe.com';\nread(BASE + '/v1' + '/charges');", { text: 'https://api.stripe.com/v1/charges', complete: true }],
    ['a concatenation with an unknown part', "read('https://api.stripe.com/v1/' + id + '/x');", { text: 'https://api.stripe.com/v1/', complete: false }],
    ['a chain of constants', "const HOST = 'https://api.stripe.com';\nconst CHARGES = `${HOST}/v1/charges`;\nread(CHARGES);", { text: 'https://api.stripe.com/v1/charges', complete: true }],
    ['a constant with a type assertion', "const BASE = 'https://api.stripe.com' as const;\nread(BASE!);", { text: 'https://api.stripe.com', complete: true }],
    ['new URL with a base', "read(new URL('/v1/charges', 'https://api.stripe.com'));", { text: 'https://api.stripe.com/v1/charges', complete: true }],
    ['new URL with a relative path cut short', 'read(new URL(`/v1/charges/${id}`, \'https://api.stripe.com\'));', { text: 'https://api.stripe.com/', complete: false }],
    ['new URL without a base', "read(new URL('https://api.stripe.com/v1'));", { text: 'https://api.stripe.com/v1', complete: true }],
    ['the href of a URL constant', "const url = new URL('https://api.stripe.com/v1');\nread(url.href);", { text: 'https://api.stripe.com/v1', complete: true }],
    ['toString of a URL', "read(new URL('/v1', 'https://api.stripe.com').toString());", { text: 'https://api.stripe.com/v1', complete: true }],
    ['new Request', "read(new Request('https://api.stripe.com/v1', { method: 'POST' }));", { text: 'https://api.stripe.com/v1', complete: true }],
  ])('reads %s', (_label, code, expected) => {
    expect(textsOf(code)).toEqual([expected]);
  });

  it.each([
    ['an identifier that is not declared', 'read(url);'],
    ['a let binding', "let url = 'https://api.stripe.com';\nread(url);"],
    ['an import', "import { URL_BASE } from './config';\nread(URL_BASE);"],
    ['a destructured constant', "const { url } = { url: 'https://api.stripe.com' };\nread(url);"],
    ['a fallback from the environment', "const url = process.env.API_URL ?? 'https://api.stripe.com';\nread(url);"],
    ['a call', "read(buildUrl('https://api.stripe.com'));"],
    ['a URL class of the file', "class URL { constructor(public href: string) {} }\nread(new URL('https://api.stripe.com').href);"],
    ['the href of something else', "const link = { href: 'https://api.stripe.com' };\nread(link.href);"],
    ['a number', 'read(42);'],
  ])('knows nothing of %s', (_label, code) => {
    expect(textsOf(code)).toEqual([{ text: '', complete: false }]);
  });

  it('stops at constants that refer to themselves', () => {
    expect(textsOf("const a = b + '/x';\nconst b = a + '/y';\nread(a);")).toEqual([{ text: '', complete: false }]);
  });
});

describe('urlOf, reading constants', () => {
  it.each([
    ['a literal', "read('https://api.stripe.com/v1');", 'https://api.stripe.com'],
    ['a template literal whose host is known', 'read(`https://api.stripe.com/v1/${id}`);', 'https://api.stripe.com'],
    ['a template literal with a port left open', 'read(`http://localhost:${port}/health`);', 'http://localhost'],
    ['new URL(path, base) through constants', "const BASE = 'https://api.stripe.com';\nconst url = new URL(`/v1/${id}`, BASE);\nread(url);", 'https://api.stripe.com'],
    ['a template literal whose host is unknown', 'read(`https://${host}/v1`);', 'unknown'],
    ['a relative path', "read('/v1/charges');", 'unknown'],
    ['new URL with an unknown path', "read(new URL(path, 'https://api.stripe.com'));", 'unknown'],
  ])('%s', (_label, code, expected) => {
    expect(originsOf(code)).toEqual([expected]);
  });
});

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

describe('partialTextOf, reading values', () => {
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

describe('urlOf, reading values', () => {
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
