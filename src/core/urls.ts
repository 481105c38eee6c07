/**
 * URLs as far as the source shows them, for any language front end. A front end reads a string
 * up to its first unknown part; these functions decide what that text says about where a
 * request goes.
 */

/** The leading text of a string: all of it when `complete`, else up to its first unknown part. */
export interface StaticText {
  readonly text: string;
  readonly complete: boolean;
}

/** An absolute HTTP(S) URL whose host is known. */
export interface KnownUrl {
  /** `http:` or `https:`. */
  readonly protocol: string;
  /** The host name, normalised (lower case, IPv6 without brackets, no trailing dot). */
  readonly hostname: string;
  /** `https://api.stripe.com`, or `https://api.stripe.com:8443`; for messages and matching. */
  readonly origin: string;
}

/** Where a host is: this machine, a private network, or the public internet. */
export type HostClass = 'loopback' | 'private' | 'public';

const SCHEME = /^([a-z][a-z0-9+.-]*:)\/\//i;
const HTTP_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** Names that never resolve on the public internet (RFC 2606, RFC 6761, RFC 8375) or mean a local network. */
const LOCAL_SUFFIXES = ['.local', '.internal', '.test', '.example', '.invalid', '.lan', '.home.arpa', '.localdomain'];

/**
 * The URL a text starts with, when it is an absolute `http:`/`https:` URL whose host is known.
 * An incomplete text must show where the host ends: `https://api.stripe.com/${path}` and
 * `http://localhost:${port}` do, `https://${host}` and `https://api.${domain}` do not.
 */
export function urlOfText(value: StaticText): KnownUrl | null {
  const scheme = SCHEME.exec(value.text);
  if (!scheme) return null;
  const protocol = (scheme[1] ?? '').toLowerCase();
  if (!HTTP_PROTOCOLS.has(protocol)) return null;
  const rest = value.text.slice(scheme[0].length);
  const end = rest.search(/[/?#]/);
  let authority = end === -1 ? rest : rest.slice(0, end);
  if (end === -1 && !value.complete) {
    // Only a port may follow: keep the host, drop the partial port.
    const colon = authority.lastIndexOf(':');
    if (colon === -1 || authority.includes('@') || authority.lastIndexOf(']') > colon) return null;
    authority = authority.slice(0, colon);
  }
  if (authority === '') return null;
  try {
    const url = new URL(`${protocol}//${authority}/`);
    return { protocol, hostname: normaliseHost(url.hostname), origin: url.origin };
  } catch {
    return null;
  }
}

/**
 * The URL a request reaches when `reference` is resolved against `base`, the way
 * `new URL(path, base)`, axios `baseURL` and got/ky `prefixUrl` combine them. An absolute reference
 * keeps its own host; a reference that might still turn out absolute (an unknown one included,
 * given as `null`) gives `null`.
 */
export function resolveUrl(reference: StaticText | null, base: StaticText | null): KnownUrl | null {
  if (reference === null) return null;
  if (SCHEME.test(reference.text)) return urlOfText(reference);
  if (!base) return null;
  const baseUrl = urlOfText(base);
  if (!baseUrl) return null;
  if (reference.text.startsWith('//')) {
    return urlOfText({ text: `${baseUrl.protocol}${reference.text}`, complete: reference.complete });
  }
  return isRelative(reference) ? baseUrl : null;
}

/** Whether a reference is certainly relative: no scheme can appear any more. */
function isRelative(reference: StaticText): boolean {
  if (reference.complete) return true;
  // A `/`, `?` or `#` before any `:` rules out a scheme, whatever follows.
  return /^[^:/?#]*[/?#]/.test(reference.text);
}

function normaliseHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

function ipv4Octets(host: string): number[] | null {
  const match = IPV4.exec(host);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

/**
 * Whether a host name stands for this machine: `localhost` and `*.localhost`, `127.0.0.0/8`,
 * `::1`, and the unspecified addresses `0.0.0.0` and `::` (which connect to this machine).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = normaliseHost(hostname);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '0.0.0.0' || host === '::' || host === '::1') return true;
  if (ipv4Octets(host)?.[0] === 127) return true;
  // IPv4-mapped IPv6, as `new URL` writes it: `::ffff:7f00:1` is 127.0.0.1.
  return /^::ffff:(?:127(?:\.\d{1,3}){3}|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(host);
}

/**
 * Where a host is. `private` covers private and link-local addresses, single-label names (a
 * container or service name such as `wiremock`) and names under suffixes that the public DNS
 * never answers (`.local`, `.internal`, `.test`, `.example`, `.invalid`, …).
 */
export function classifyHost(hostname: string): HostClass {
  const host = normaliseHost(hostname);
  if (isLoopbackHost(host)) return 'loopback';
  const octets = ipv4Octets(host);
  if (octets) {
    const [a, b] = octets as [number, number, number, number];
    const isPrivate = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
    return isPrivate ? 'private' : 'public';
  }
  if (host.includes(':')) return /^(?:f[cd]|fe[89ab])/.test(host) ? 'private' : 'public';
  if (!host.includes('.')) return 'private';
  return LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix)) ? 'private' : 'public';
}

/**
 * Whether a host matches one of the patterns: an exact host name, or `*.example.com` for every
 * subdomain of `example.com`.
 */
export function matchesHost(hostname: string, patterns: readonly string[]): boolean {
  const host = normaliseHost(hostname);
  return patterns.some((pattern) => {
    const wanted = normaliseHost(pattern);
    return wanted.startsWith('*.') ? host.endsWith(wanted.slice(1)) : host === wanted;
  });
}
