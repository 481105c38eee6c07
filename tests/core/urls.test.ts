import { describe, expect, it } from 'vitest';
import { classifyHost, isLoopbackHost, matchesHost, resolveUrl, urlOfText, type StaticText } from '../../src/core/urls';

const complete = (text: string): StaticText => ({ text, complete: true });
const prefix = (text: string): StaticText => ({ text, complete: false });

describe('urlOfText', () => {
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

describe('resolveUrl', () => {
  it.each([
    ['a relative path against a base', complete('/v1/charges'), complete('https://api.stripe.com'), 'https://api.stripe.com'],
    ['a relative path without a slash', complete('charges'), complete('https://api.stripe.com/v1/'), 'https://api.stripe.com'],
    ['a path with an unknown tail', prefix('/v1/charges/'), complete('https://api.stripe.com'), 'https://api.stripe.com'],
    ['an absolute reference, whatever the base', complete('https://api.github.com/x'), complete('https://api.stripe.com'), 'https://api.github.com'],
    ['an absolute reference without a base', complete('https://api.github.com/x'), null, 'https://api.github.com'],
    ['a protocol-relative reference', complete('//cdn.example.com/x'), complete('https://api.stripe.com'), 'https://cdn.example.com'],
    ['a base known up to its path', complete('/x'), prefix('https://api.stripe.com/v1/'), 'https://api.stripe.com'],
  ])('resolves %s', (_label, reference, base, origin) => {
    expect(resolveUrl(reference, base)?.origin).toBe(origin);
  });

  it.each([
    ['an unknown reference', null, complete('https://api.stripe.com')],
    ['a reference that could still turn absolute', prefix(''), complete('https://api.stripe.com')],
    ['a reference whose scheme is cut short', prefix('https'), complete('https://api.stripe.com')],
    ['a relative reference without a base', complete('/v1/charges'), null],
    ['a relative reference with an unknown base', complete('/v1/charges'), prefix('')],
    ['a base whose host is cut short', complete('/v1'), prefix('https://api.')],
  ])('gives null for %s', (_label, reference, base) => {
    expect(resolveUrl(reference, base)).toBeNull();
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
