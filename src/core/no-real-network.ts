import { outcomeOf, type HttpFakeFact } from './http-fakes';
import { classifyHost, matchesHost, type KnownUrl } from './urls';

export type { HttpFakeFact } from './http-fakes';

/**
 * Decides which HTTP requests of a test file reach the real network: a request to a public host
 * that no fake in the file answers. Requests whose address is unknown never get here.
 */

/**
 * A request whose address the file shows, or whose client always talks to a known host.
 * `client` is the package that sends it, or `fetch`.
 */
export interface HttpRequestFact<N> {
  readonly node: N;
  readonly client: string;
  readonly url: KnownUrl;
  /**
   * Set for a client that names no URL per request: an SDK of a hosted service (whether the host
   * is the SDK's default), or an HTTP client of the project's own given a base URL (`project`).
   */
  readonly sdk?: { readonly defaultHost: boolean; readonly project: boolean; readonly service?: string | null };
}

/** A request that reaches the real network; `letThrough` is the call that lets it past a refusal, if any. */
export type RealRequest<N> = HttpRequestFact<N> & { readonly letThrough: string | null };

export interface NoRealNetworkOptions {
  /** Hosts a test may reach (`sandbox.example.com`, `*.internal.example.com`). */
  readonly allowHosts: readonly string[];
}

/** The requests that go to the real network, in the order given. */
export function findRealNetworkRequests<N>(
  requests: readonly HttpRequestFact<N>[],
  fakes: readonly HttpFakeFact[],
  options: NoRealNetworkOptions,
): Array<RealRequest<N>> {
  return requests.flatMap((request) => {
    const { url, client } = request;
    if (classifyHost(url.hostname) !== 'public' || matchesHost(url.hostname, options.allowHosts)) return [];
    const outcome = outcomeOf({ hostname: url.hostname, origin: url.origin, client }, fakes);
    return outcome.type === 'real' ? [{ ...request, letThrough: outcome.letThrough }] : [];
  });
}
