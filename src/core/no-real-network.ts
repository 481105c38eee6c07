import { classifyHost, matchesHost, type KnownUrl } from './urls';

/**
 * Decides which HTTP requests of a test file reach the real network: a request to a public host
 * that no fake in the file answers. Requests whose address is unknown never get here.
 */

/** A request whose address the file shows. `client` is the package that sends it, or `fetch`. */
export interface HttpRequestFact<N> {
  readonly node: N;
  readonly client: string;
  readonly url: KnownUrl;
}

/** Something in the file that keeps requests off the real network. */
export type HttpFakeFact =
  /** A fake that answers or refuses every request: `nock.disableNetConnect()`, msw, fetch-mock. */
  | { readonly type: 'all-requests' }
  /** A fake for one host: `nock('https://api.stripe.com')`; `host: null` when the host is unknown. */
  | { readonly type: 'host'; readonly host: string | { readonly source: string; readonly flags: string } | null }
  /** undici `new MockAgent()`: fakes every request once it is the global dispatcher. */
  | { readonly type: 'mock-agent' }
  /** undici `setGlobalDispatcher(…)`. */
  | { readonly type: 'global-dispatcher' }
  /** The client itself is replaced: `vi.mock('axios')`, `vi.stubGlobal('fetch', …)`. */
  | { readonly type: 'client'; readonly client: string };

export interface NoRealNetworkOptions {
  /** Hosts a test may reach (`sandbox.example.com`, `*.internal.example.com`). */
  readonly allowHosts: readonly string[];
}

/** The requests that go to the real network, in the order given. */
export function findRealNetworkRequests<N>(
  requests: readonly HttpRequestFact<N>[],
  fakes: readonly HttpFakeFact[],
  options: NoRealNetworkOptions,
): Array<HttpRequestFact<N>> {
  const types = new Set(fakes.map((fake) => fake.type));
  if (types.has('all-requests') || (types.has('mock-agent') && types.has('global-dispatcher'))) return [];
  const replacedClients = new Set(fakes.flatMap((fake) => (fake.type === 'client' ? [fake.client] : [])));
  const hostFakes = fakes.flatMap((fake) => (fake.type === 'host' ? [fake.host] : []));
  // A fake whose host cannot be read might be for any host.
  if (hostFakes.includes(null)) return [];

  return requests.filter(({ url, client }) => {
    if (classifyHost(url.hostname) !== 'public') return false;
    if (matchesHost(url.hostname, options.allowHosts)) return false;
    if (replacedClients.has(client)) return false;
    return !hostFakes.some((host) => host !== null && fakeCovers(host, url));
  });
}

function fakeCovers(host: string | { readonly source: string; readonly flags: string }, url: KnownUrl): boolean {
  if (typeof host === 'string') return host === url.hostname;
  try {
    const pattern = new RegExp(host.source, host.flags.replace(/[gy]/g, ''));
    return pattern.test(url.origin) || pattern.test(url.hostname);
  } catch {
    return true;
  }
}
