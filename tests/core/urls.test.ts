import { describe, expect, it } from 'vitest';
import { concatText, knownText, type PartialText } from '../../src/core/partial-text';
import { classifyHost, httpOriginOf, isLoopbackHost, matchesHost, parseUrl, resolveUrl } from '../../src/core/urls';

const hole: PartialText = [{ type: 'unknown' }];
const server: PartialText = [{ type: 'server-address' }];
/** A text known in full, and one known up to a hole. */
const complete = (text: string): PartialText => knownText(text);
const prefix = (text: string): PartialText => concatText(knownText(text), hole);
const urlOfText = (text: PartialText) => httpOriginOf(parseUrl(text));

describe('httpOriginOf', () => {
  it.each([
    ['a complete URL', complete('https://api.stripe.com/v1/charges'), 'https://api.stripe.com'],
    ['upper case and a trailing dot', complete('HTTPS://API.Stripe.com./v1'), 'https://api.stripe.com.'],
    ['a port', complete('http://localhost:3000/users'), 'http://localhost:3000'],
    ['credentials', complete('https://user:secret@api.example.com/'), 'https://api.example.com'],
    ['an origin alone', complete('https://api.stripe.com'), 'https://api.stripe.com'],
    ['a prefix that ends the host with a path', prefix('https://api.stripe.com/v1/charges/'), 'https://api.stripe.com'],
    ['a prefix that ends the host with a query', prefix('https://api.stripe.com?'), 'https://api.stripe.com'],
    ['a prefix that leaves only the port open', prefix('http://localhost:'), 'http://localhost'],
    ['an IPv6 host with an open port', prefix('http://[::1]:'), 'http://[::1]'],
  ])('reads %s', (_label, text, origin) => {
    expect(urlOfText(text)?.origin).toBe(origin);
  });

  it('normalises the host name', () => {
    expect(urlOfText(complete('http://[::1]:8080/'))?.hostname).toBe('::1');
    expect(urlOfText(complete('https://API.Stripe.com./'))?.hostname).toBe('api.stripe.com');
    expect(urlOfText(complete('http://127.1/'))?.hostname).toBe('127.0.0.1');
  });

  it.each([
    ['a prefix that stops inside the host', prefix('https://api.')],
    ['a prefix that stops right after the host', prefix('https://api.stripe.com')],
    ['a prefix with only the scheme', prefix('https://')],
    ['a relative path', complete('/v1/charges')],
    ['another scheme', complete('ftp://files.example.com/x')],
    ['a file URL', complete('file:///tmp/x')],
    ['text that is not a URL', complete('hello')],
    ['an empty host', complete('http:///x')],
    ['an invalid host', complete('http://exa mple.com/')],
    ['unknown text', prefix('')],
  ])('gives null for %s', (_label, text) => {
    expect(urlOfText(text)).toBeNull();
  });
});

describe('resolveUrl to an origin', () => {
  it.each([
    ['a relative path against a base', complete('/v1/charges'), complete('https://api.stripe.com'), 'https://api.stripe.com'],
    ['a relative path without a slash', complete('charges'), complete('https://api.stripe.com/v1/'), 'https://api.stripe.com'],
    ['a path with an unknown tail', prefix('/v1/charges/'), complete('https://api.stripe.com'), 'https://api.stripe.com'],
    ['an absolute reference, whatever the base', complete('https://api.github.com/x'), complete('https://api.stripe.com'), 'https://api.github.com'],
    ['an absolute reference without a base', complete('https://api.github.com/x'), null, 'https://api.github.com'],
    ['a protocol-relative reference', complete('//cdn.example.com/x'), complete('https://api.stripe.com'), 'https://cdn.example.com'],
    ['a base known up to its path', complete('/x'), prefix('https://api.stripe.com/v1/'), 'https://api.stripe.com'],
  ])('resolves %s', (_label, reference, base, origin) => {
    expect(urlOfText(resolveUrl(reference, base))?.origin).toBe(origin);
  });

  it.each([
    ['an unknown reference', null, complete('https://api.stripe.com')],
    ['a reference that could still turn absolute', prefix(''), complete('https://api.stripe.com')],
    ['a reference whose scheme is cut short', prefix('https'), complete('https://api.stripe.com')],
    ['a relative reference without a base', complete('/v1/charges'), null],
    ['a relative reference with an unknown base', complete('/v1/charges'), prefix('')],
    ['a base whose host is cut short', complete('/v1'), prefix('https://api.')],
  ])('gives null for %s', (_label, reference, base) => {
    expect(urlOfText(resolveUrl(reference ?? hole, base))).toBeNull();
  });
});

describe('classifyHost', () => {
  it.each([
    ['localhost', 'loopback'],
    ['LOCALHOST.', 'loopback'],
    ['api.localhost', 'loopback'],
    ['127.0.0.1', 'loopback'],
    ['127.4.5.6', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'private'],
    ['wiremock', 'private'],
    ['host.docker.internal', 'private'],
    ['printer.local', 'private'],
    ['payments.test', 'private'],
    ['api.example', 'private'],
    ['nowhere.invalid', 'private'],
    ['router.home.arpa', 'private'],
    ['api.stripe.com', 'public'],
    ['api.example.com', 'public'],
    ['172.32.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['2606:4700::1111', 'public'],
    ['999.1.1.1', 'public'],
  ] as const)('%s is %s', (host, expected) => {
    expect(classifyHost(host)).toBe(expected);
  });

  it('agrees with isLoopbackHost', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('api.stripe.com')).toBe(false);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });
});

describe('matchesHost', () => {
  it.each([
    ['api.stripe.com', ['api.stripe.com'], true],
    ['API.stripe.com', ['api.stripe.com'], true],
    ['sandbox.stripe.com', ['*.stripe.com'], true],
    ['a.b.stripe.com', ['*.stripe.com'], true],
    ['stripe.com', ['*.stripe.com'], false],
    ['evilstripe.com', ['*.stripe.com'], false],
    ['api.stripe.com', [], false],
    ['api.github.com', ['api.stripe.com'], false],
  ] as const)('%s against %j is %s', (host, patterns, expected) => {
    expect(matchesHost(host, patterns)).toBe(expected);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['api.localhost', true],
    ['localhost.', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['[::1]', true],
    ['::', true],
    ['::ffff:127.0.0.1', true],
    ['example.com', false],
    ['localhost.example.com', false],
    ['128.0.0.1', false],
    ['10.0.0.5', false],
    ['::2', false],
    ['api.stripe.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('parseUrl', () => {
  const container: PartialText = [{ type: 'container-address' }];
  const standIn: PartialText = [{ type: 'stand-in-address' }];
  const target = (
    protocol: string | null,
    host: string | null,
    loopback: boolean,
    port: string | null,
    text: string,
    extra: { localServer?: boolean; container?: boolean; standIn?: boolean } = {},
  ) => ({
    protocol, host, loopback, localServer: extra.localServer ?? false, port, container: extra.container ?? false, standIn: extra.standIn ?? false, text,
  });

  it.each<[string, PartialText, ReturnType<typeof parseUrl>]>([
    ['a literal loopback URL', knownText('http://localhost:3000/users'), target('http:', 'localhost', true, '3000', 'http://localhost:3000/users')],
    ['a remote URL', knownText('https://api.stripe.com/v1/charges'), target('https:', 'api.stripe.com', false, null, 'https://api.stripe.com/v1/charges')],
    ['a URL without a path', knownText('http://127.0.0.1'), target('http:', '127.0.0.1', true, null, 'http://127.0.0.1')],
    ['an IPv6 loopback', concatText(knownText('http://[::1]:'), hole, knownText('/x')), target('http:', '::1', true, null, 'http://[::1]:${…}/x')],
    ['an IPv6 loopback with a port', knownText('http://[::1]:8080/x'), target('http:', '::1', true, '8080', 'http://[::1]:8080/x')],
    ['credentials before the host', knownText('http://user:secret@localhost:8080/'), target('http:', 'localhost', true, '8080', 'http://user:secret@localhost:8080/')],
    ['a port from a hole', concatText(knownText('http://localhost:'), hole, knownText('/users')), target('http:', 'localhost', true, null, 'http://localhost:${…}/users')],
    ['a port from a container', concatText(knownText('http://localhost:'), container, knownText('/_refresh')), target('http:', 'localhost', true, null, 'http://localhost:${…}/_refresh', { container: true })],
    ['a container value after the authority', concatText(knownText('http://localhost:3000/'), container), target('http:', 'localhost', true, '3000', 'http://localhost:3000/${…}')],
    ['a path from a hole', concatText(knownText('https://example.com/'), hole), target('https:', 'example.com', false, null, 'https://example.com/${…}')],
    ['a server address as origin', concatText(server, knownText('/users')), target(null, null, true, null, '${…}/users', { localServer: true })],
    ['a server address as host', concatText(knownText('http://'), server, knownText(':80/')), target('http:', null, true, null, 'http://${…}:80/', { localServer: true })],
    ['a port of a stand-in server', concatText(knownText('http://localhost:'), standIn, knownText('/status')), target('http:', 'localhost', true, null, 'http://localhost:${…}/status', { standIn: true })],
    ['a stand-in server address as origin', concatText(standIn, knownText('/status')), target(null, null, true, null, '${…}/status', { localServer: true, standIn: true })],
    ['a stand-in value after the authority', concatText(knownText('http://localhost:3000/'), standIn), target('http:', 'localhost', true, '3000', 'http://localhost:3000/${…}')],
    ['an upper-case scheme and host', knownText('HTTP://LocalHost/x'), target('http:', 'localhost', true, null, 'HTTP://LocalHost/x')],
  ])('reads %s', (_label, text, expected) => {
    expect(parseUrl(text)).toEqual(expected);
  });

  it.each<[string, PartialText]>([
    ['a relative path', knownText('/users')],
    ['a host without a scheme', knownText('localhost:3000/users')],
    ['a host cut short by a hole', concatText(knownText('http://local'), hole, knownText('/x'))],
    ['a host from a hole', concatText(knownText('http://'), hole, knownText(':3000/x'))],
    ['an unknown origin', concatText(hole, knownText('/users'))],
    ['a container origin', concatText([{ type: 'container-address' }], knownText('/users'))],
    ['an unclosed IPv6 host', knownText('http://[::1')],
    ['nothing', []],
  ])('gives up on %s', (_label, text) => {
    expect(parseUrl(text)).toBeNull();
  });
});

describe('resolveUrl as text', () => {
  const base = knownText('http://localhost:3000');

  it.each<[string, PartialText, PartialText | null, PartialText]>([
    ['a path against a base', knownText('/users'), base, knownText('http://localhost:3000/users')],
    ['a path without a slash', knownText('users'), base, knownText('http://localhost:3000/users')],
    ['two slashes into one', knownText('/users'), knownText('http://localhost:3000/'), knownText('http://localhost:3000/users')],
    ['an absolute reference', knownText('https://example.com/x'), base, knownText('https://example.com/x')],
    ['no base', knownText('/users'), null, knownText('/users')],
    ['an empty reference', [], base, base],
    ['an unknown reference, which may be absolute', hole, base, hole],
    ['a base from a server', knownText('/users'), server, concatText(server, knownText('/users'))],
  ])('%s', (_label, reference, givenBase, expected) => {
    expect(resolveUrl(reference, givenBase)).toEqual(expected);
  });
});
