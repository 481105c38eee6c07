import { describe, expect, it } from 'vitest';
import { concatText, knownText, type PartialText } from '../../src/core/partial-text';
import { isLoopbackHost, parseUrl, resolveUrl } from '../../src/core/endpoint-urls';

const hole: PartialText = [{ type: 'unknown' }];
const server: PartialText = [{ type: 'server-address' }];

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
  const target = (protocol: string | null, host: string | null, loopback: boolean, port: string | null, text: string, extra: { localServer?: boolean; container?: boolean } = {}) => ({
    protocol, host, loopback, localServer: extra.localServer ?? false, port, container: extra.container ?? false, text,
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

describe('resolveUrl', () => {
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
