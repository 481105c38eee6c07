import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { staticText, staticUrl } from '../../src/estree/static-url';
import { probe } from '../helpers/probe';

/** The static text of the argument of every `read(…)` call. */
function textsOf(code: string) {
  return probe(code, 'CallExpression', (context, node) => {
    const call = node as TSESTree.CallExpression;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'read' || !call.arguments[0]) return null;
    return staticText(context, call.arguments[0]);
  }).map(({ result }) => result);
}

function originsOf(code: string) {
  return probe(code, 'CallExpression', (context, node) => {
    const call = node as TSESTree.CallExpression;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'read' || !call.arguments[0]) return null;
    return staticUrl(context, call.arguments[0])?.origin ?? 'unknown';
  }).map(({ result }) => result);
}

describe('staticText', () => {
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

describe('staticUrl', () => {
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
