import { isLoopbackHost } from './urls';

/**
 * Which HTTP fakes of a test file answer a given request, for any language front end. A fake
 * covers only what it is set up for: a nock scope answers its own host, `disableNetConnect`
 * refuses the rest, and `enableNetConnect(host)` lets that host through to the real network.
 */

/** A host as a fake names it: an exact name, or a pattern (`/stripe\.com/`). */
export type HostPattern = string | { readonly source: string; readonly flags: string };

/** Something in the file that keeps requests off the network, or lets them through. */
export type HttpFakeFact =
  /** A fake that answers or refuses every request as far as the file shows: msw, fetch-mock, nock back. */
  | { readonly type: 'all-requests' }
  /** A fake for one host: `nock('https://api.stripe.com')`; `host: null` when the host is unknown. */
  | { readonly type: 'host'; readonly host: HostPattern | null }
  /** `nock.disableNetConnect()`: requests to hosts no scope answers fail instead of leaving. */
  | { readonly type: 'refuse-unmatched' }
  /**
   * `nock.enableNetConnect('127.0.0.1')`: requests to matching hosts reach the real network even
   * though other hosts are refused. `hosts: null` when the matcher cannot be read; `call` is how
   * the file writes it, for messages.
   */
  | { readonly type: 'let-through'; readonly hosts: HostPattern | null; readonly call: string }
  /** undici `new MockAgent()`: fakes every request once it is the global dispatcher. */
  | { readonly type: 'mock-agent' }
  /** undici `setGlobalDispatcher(…)`. */
  | { readonly type: 'global-dispatcher' }
  /** The client itself is replaced: `vi.mock('axios')`, `vi.stubGlobal('fetch', …)`. */
  | { readonly type: 'client'; readonly client: string };

/**
 * Whether the fakes may answer a client of a service spoken to over HTTP (an S3 or SQS client),
 * whose requests go to the service's own hosts, under `domain` for a hosted service: a fake of every
 * request (msw with handlers the file does not show, an undici `MockAgent`), a fake for a host the
 * file does not spell out or names by a pattern, or one for a host under that domain. Fakes set up
 * only for other hosts (`nock('https://audit.example.com')`) do not answer it.
 */
export function mayAnswerService(fakes: readonly HttpFakeFact[], domain: string | null): boolean {
  return fakes.some((fake) => {
    if (fake.type === 'all-requests' || fake.type === 'mock-agent') return true;
    if (fake.type !== 'host') return false;
    if (fake.host === null || typeof fake.host !== 'string') return true;
    return domain !== null && (fake.host === domain || fake.host.endsWith(`.${domain}`));
  });
}

/** A request as the fakes see it: its host (`null` for a loopback address the file does not spell out) and client. */
export interface FakeableRequest {
  readonly hostname: string | null;
  /** `https://api.stripe.com:8443`, when known; patterns are matched against it as well as the host. */
  readonly origin: string | null;
  /** The package that sends it, or `fetch`. */
  readonly client: string;
}

/**
 * What happens to a request in a file with these fakes:
 * - `faked`: a fake answers it, or may (a fake whose host or matcher cannot be read);
 * - `refused`: real connections are refused and nothing lets this host through;
 * - `real`: it reaches the network; `letThrough` names the call that lets it through, if any.
 */
export type FakeOutcome = { readonly type: 'faked' } | { readonly type: 'refused' } | { readonly type: 'real'; readonly letThrough: string | null };

const FAKED: FakeOutcome = { type: 'faked' };

export function outcomeOf(request: FakeableRequest, fakes: readonly HttpFakeFact[]): FakeOutcome {
  const types = new Set(fakes.map((fake) => fake.type));
  if (types.has('all-requests') || (types.has('mock-agent') && types.has('global-dispatcher'))) return FAKED;
  for (const fake of fakes) {
    if (fake.type === 'client' && fake.client === request.client) return FAKED;
    if (fake.type === 'host' && (fake.host === null || hostMatches(fake.host, request, true))) return FAKED;
  }
  if (!types.has('refuse-unmatched')) return { type: 'real', letThrough: null };
  for (const fake of fakes) {
    if (fake.type !== 'let-through') continue;
    if (fake.hosts === null) return FAKED;
    if (hostMatches(fake.hosts, request, false)) return { type: 'real', letThrough: fake.call };
  }
  return { type: 'refused' };
}

/**
 * Whether a host pattern covers a request. A request whose loopback address is not spelled out
 * may be any loopback name, so a fake for a loopback host may be the one answering it (`generous`);
 * letting it through is claimed only for a pattern that matches every spelling.
 */
function hostMatches(pattern: HostPattern, request: FakeableRequest, generous: boolean): boolean {
  if (request.hostname === null) {
    if (typeof pattern === 'string') return generous && isLoopbackHost(pattern);
    return generous || ['localhost', '127.0.0.1'].every((host) => testPattern(pattern, host) === true);
  }
  if (typeof pattern === 'string') return pattern === request.hostname;
  const onHost = testPattern(pattern, request.hostname);
  if (onHost === true || (request.origin !== null && testPattern(pattern, request.origin) === true)) return true;
  // A pattern that cannot be compiled may be meant for any host: it may answer, never claimed to let through.
  return generous && onHost === null;
}

function testPattern(pattern: Exclude<HostPattern, string>, text: string): boolean | null {
  try {
    return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).test(text);
  } catch {
    return null;
  }
}
