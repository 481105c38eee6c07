import { describe, expect, it } from 'vitest';
import { findRealNetworkRequests, type HttpFakeFact, type HttpRequestFact, type NoRealNetworkOptions } from '../../src/core/no-real-network';
import type { KnownUrl } from '../../src/core/urls';

const url = (origin: string): KnownUrl => {
  const parsed = new URL(origin);
  return { protocol: parsed.protocol, hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), origin: parsed.origin };
};
const request = (name: string, client: string, origin: string): HttpRequestFact<string> => ({ node: name, client, url: url(origin) });

const stripe = request('stripe', 'fetch', 'https://api.stripe.com');
const github = request('github', 'axios', 'https://api.github.com');
const local = request('local', 'fetch', 'http://localhost:3000');
const wiremock = request('wiremock', 'axios', 'http://wiremock:8080');
const requests = [stripe, github, local, wiremock];
const none: NoRealNetworkOptions = { allowHosts: [] };

function reported(fakes: readonly HttpFakeFact[], options: NoRealNetworkOptions = none): string[] {
  return findRealNetworkRequests(requests, fakes, options).map(({ node }) => node);
}

describe('findRealNetworkRequests', () => {
  it.each<[string, HttpFakeFact[], string[]]>([
    ['no fake: every public host', [], ['stripe', 'github']],
    ['a fake for every request', [{ type: 'all-requests' }], []],
    ['a nock scope for one host', [{ type: 'host', host: 'api.stripe.com' }], ['github']],
    ['a nock scope for both hosts', [{ type: 'host', host: 'api.stripe.com' }, { type: 'host', host: 'api.github.com' }], []],
    ['a nock scope whose host is unknown', [{ type: 'host', host: null }], []],
    ['a nock scope given as a pattern on the host', [{ type: 'host', host: { source: 'github\\.com$', flags: '' } }], ['stripe']],
    ['a nock scope given as a pattern on the origin', [{ type: 'host', host: { source: '^https://api\\.stripe', flags: 'g' } }], ['github']],
    ['a nock scope whose pattern is invalid', [{ type: 'host', host: { source: '(', flags: '' } }], []],
    ['a MockAgent alone', [{ type: 'mock-agent' }], ['stripe', 'github']],
    ['a global dispatcher alone', [{ type: 'global-dispatcher' }], ['stripe', 'github']],
    ['a MockAgent as the global dispatcher', [{ type: 'mock-agent' }, { type: 'global-dispatcher' }], []],
    ['a replaced global fetch', [{ type: 'client', client: 'fetch' }], ['github']],
    ['a mocked axios', [{ type: 'client', client: 'axios' }], ['stripe']],
    ['a mocked client that sends none of the requests', [{ type: 'client', client: 'got' }], ['stripe', 'github']],
  ])('%s', (_label, fakes, expected) => {
    expect(reported(fakes)).toEqual(expected);
  });

  it('a refusal of real connections keeps every host off the network but those let through', () => {
    const refuse: HttpFakeFact = { type: 'refuse-unmatched' };
    expect(reported([refuse])).toEqual([]);
    const letStripeThrough: HttpFakeFact = { type: 'let-through', hosts: { source: 'api\\.stripe\\.com', flags: '' }, call: "nock.enableNetConnect('api.stripe.com')" };
    expect(findRealNetworkRequests(requests, [refuse, letStripeThrough], none)).toEqual([{ ...stripe, letThrough: "nock.enableNetConnect('api.stripe.com')" }]);
    expect(reported([refuse, { type: 'let-through', hosts: null, call: 'nock.enableNetConnect(isAllowed)' }])).toEqual([]);
  });

  it('a let-through without a refusal changes nothing', () => {
    expect(reported([{ type: 'let-through', hosts: { source: '127\\.0\\.0\\.1', flags: '' }, call: "nock.enableNetConnect('127.0.0.1')" }])).toEqual(['stripe', 'github']);
  });

  it("a client of a hosted service's SDK is judged like any request to its host", () => {
    const twilio: HttpRequestFact<string> = { node: 'twilio', client: 'twilio', url: url('https://api.twilio.com'), sdk: { defaultHost: true, project: false } };
    expect(findRealNetworkRequests([twilio], [], none)).toEqual([{ ...twilio, letThrough: null }]);
    expect(findRealNetworkRequests([twilio], [{ type: 'client', client: 'twilio' }], none)).toEqual([]);
    expect(findRealNetworkRequests([twilio], [{ type: 'host', host: 'api.twilio.com' }], none)).toEqual([]);
  });

  it('never reports hosts that are allowed', () => {
    expect(reported([], { allowHosts: ['*.stripe.com'] })).toEqual(['github']);
    expect(reported([], { allowHosts: ['api.github.com', 'api.stripe.com'] })).toEqual([]);
  });

  it('never reports loopback or private hosts, whatever the fakes', () => {
    expect(findRealNetworkRequests([local, wiremock], [], none)).toEqual([]);
  });
});
