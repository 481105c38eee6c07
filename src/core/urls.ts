import { concatText, displayText, fullText, knownText, UNKNOWN_TEXT, type PartialText, type TextPiece } from './partial-text';

/**
 * URLs as far as the source shows them, for any language front end. A front end reads a string
 * as a partial text (known text with holes); these functions decide where a request with that
 * address goes.
 */

/** Where a URL points, as far as its text shows. */
export interface UrlTarget {
  /** `http:`, `https:`, …; `null` when the origin is the address of a server started in the file. */
  readonly protocol: string | null;
  /** The host name in lower case, without IPv6 brackets; `null` for a server started in the file. */
  readonly host: string | null;
  /** Whether the URL points at this machine. */
  readonly loopback: boolean;
  /** Whether the origin is the address of a server the file itself starts. */
  readonly localServer: boolean;
  /** The port when it is written out (`3000`), else `null` (absent or unknown). */
  readonly port: string | null;
  /** Whether the host or port comes from a container the test starts (`getMappedPort(…)`). */
  readonly container: boolean;
  /** Whether the origin or port is that of a stand-in server whose handler the file writes itself. */
  readonly standIn: boolean;
  /** The URL for messages, with unknown parts shown as `${…}`. */
  readonly text: string;
}

/** The origin of an absolute HTTP(S) URL whose host is written out, normalised as a browser would. */
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
const IPV6_LOOPBACK: ReadonlySet<string> = new Set(['::1', '0:0:0:0:0:0:0:1', '::', '0:0:0:0:0:0:0:0']);
/** Names that never resolve on the public internet (RFC 2606, RFC 6761, RFC 8375) or mean a local network. */
const LOCAL_SUFFIXES = ['.local', '.internal', '.test', '.example', '.invalid', '.lan', '.home.arpa', '.localdomain'];

/**
 * Reads where a URL points from its partial text. The host must be written out (a hole may
 * follow it, as in `http://localhost:${port}`), or the origin must be the address of a server
 * started in the file. `null` when the text does not start with an absolute URL whose host is known.
 */
export function parseUrl(text: PartialText): UrlTarget | null {
  const [first, second] = text;
  if (!first) return null;
  const shown = displayText(text);
  if (first.type === 'server-address' || first.type === 'stand-in-address') {
    return { protocol: null, host: null, loopback: true, localServer: true, port: null, container: false, standIn: first.type === 'stand-in-address', text: shown };
  }
  if (first.type !== 'text') return null;
  const scheme = SCHEME.exec(first.value);
  if (!scheme) return null;
  const protocol = (scheme[1] ?? '').toLowerCase();
  const rest = first.value.slice(scheme[0].length);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const authorityComplete = authorityEnd !== -1 || !second;
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const container = !authorityComplete && authorityHolds(text.slice(1), 'container-address');
  const standIn = !authorityComplete && authorityHolds(text.slice(1), 'stand-in-address');

  if (hostAndPort === '' && !authorityComplete && (second?.type === 'server-address' || second?.type === 'stand-in-address')) {
    return { protocol, host: null, loopback: true, localServer: true, port: null, container: false, standIn: second.type === 'stand-in-address', text: shown };
  }
  const host = hostOf(hostAndPort, authorityComplete);
  if (host === null) return null;
  const port = authorityComplete ? /:(\d+)$/.exec(hostAndPort)?.[1] ?? null : null;
  return { protocol, host, loopback: isLoopbackHost(host), localServer: false, port, container, standIn, text: shown };
}

/** Whether a piece of the given type comes before the end of the authority (the first `/`, `?` or `#`). */
function authorityHolds(pieces: PartialText, type: TextPiece['type']): boolean {
  for (const piece of pieces) {
    if (piece.type === type) return true;
    if (piece.type === 'text' && /[/?#]/.test(piece.value)) return false;
  }
  return false;
}

/** The host in `host:port`; `null` when it is cut short by a hole. */
function hostOf(hostAndPort: string, complete: boolean): string | null {
  if (hostAndPort.startsWith('[')) {
    const close = hostAndPort.indexOf(']');
    return close === -1 ? null : hostAndPort.slice(1, close).toLowerCase();
  }
  const colon = hostAndPort.indexOf(':');
  if (colon === -1 && !complete) return null;
  const host = colon === -1 ? hostAndPort : hostAndPort.slice(0, colon);
  return host === '' ? null : host.toLowerCase();
}

/**
 * The origin of an `http:`/`https:` URL whose host is written out, normalised the way `new URL`
 * does (`127.1` is `127.0.0.1`). `null` for other schemes, a server started in the file, or a
 * host that is not valid.
 */
export function httpOriginOf(url: UrlTarget | null): KnownUrl | null {
  if (!url || url.host === null || url.protocol === null || !HTTP_PROTOCOLS.has(url.protocol)) return null;
  const host = url.host.includes(':') ? `[${url.host}]` : url.host;
  try {
    const parsed = new URL(`${url.protocol}//${host}${url.port === null ? '' : `:${url.port}`}/`);
    return { protocol: url.protocol, hostname: normaliseHost(parsed.hostname), origin: parsed.origin };
  } catch {
    return null;
  }
}

/**
 * The URL a reference resolves to against a base, as axios `baseURL` and got/ky `prefixUrl`
 * combine them. An absolute reference keeps its own origin; a relative one is joined to the base.
 * A reference that might still turn out absolute (it starts with a hole, or its scheme may be
 * cut short) is unknown.
 */
export function resolveUrl(reference: PartialText, base: PartialText | null): PartialText {
  const first = reference[0];
  if (!first) return base ?? reference;
  if (!base || isAbsolute(reference)) return reference;
  if (first.type !== 'text') return reference;
  if (!isRelative(reference)) return UNKNOWN_TEXT;
  if (first.value.startsWith('//')) {
    // Protocol-relative: the base gives only its scheme.
    const baseScheme = base[0]?.type === 'text' ? SCHEME.exec(base[0].value)?.[1] : undefined;
    return baseScheme ? concatText(knownText(baseScheme.toLowerCase()), reference) : UNKNOWN_TEXT;
  }
  const last = base[base.length - 1];
  const baseEndsWithSlash = last?.type === 'text' && last.value.endsWith('/');
  const referenceStartsWithSlash = first.value.startsWith('/');
  if (baseEndsWithSlash && referenceStartsWithSlash) {
    return concatText(base, knownText(first.value.slice(1)), reference.slice(1));
  }
  return concatText(base, baseEndsWithSlash || referenceStartsWithSlash ? [] : knownText('/'), reference);
}

/**
 * What `new URL(reference, base)` holds: exact when both parts are known. Otherwise the path
 * may still be normalised (`..`, `./`), so when the origin is written out only it is kept.
 */
export function urlObjectText(reference: PartialText, base: PartialText | null): PartialText {
  if (!base) return reference;
  const referenceText = fullText(reference);
  const baseText = fullText(base);
  if (referenceText !== null && baseText !== null) {
    try {
      return knownText(new URL(referenceText, baseText).href);
    } catch {
      return UNKNOWN_TEXT;
    }
  }
  const resolved = resolveUrl(reference, base);
  const origin = originPrefix(resolved);
  return origin === null ? resolved : concatText(knownText(`${origin}/`), UNKNOWN_TEXT);
}

/** `scheme://authority` of a text whose authority is written out in full, else `null`. */
function originPrefix(text: PartialText): string | null {
  const first = text[0];
  if (first?.type !== 'text') return null;
  const scheme = SCHEME.exec(first.value);
  if (!scheme) return null;
  const authorityEnd = first.value.slice(scheme[0].length).search(/[/?#]/);
  return authorityEnd === -1 ? (text.length === 1 ? first.value : null) : first.value.slice(0, scheme[0].length + authorityEnd);
}

function isAbsolute(text: PartialText): boolean {
  const first = text[0];
  if (!first) return false;
  if (first.type === 'server-address' || first.type === 'stand-in-address') return true;
  return first.type === 'text' && SCHEME.test(first.value);
}

/** Whether a reference is certainly relative: no scheme can appear any more. */
function isRelative(reference: PartialText): boolean {
  if (fullText(reference) !== null) return true;
  // A `/`, `?` or `#` before any `:` rules out a scheme, whatever follows.
  const first = reference[0];
  return first?.type === 'text' && /^[^:/?#]*[/?#]/.test(first.value);
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
 * `::1`, the unspecified addresses `0.0.0.0` and `::` (which connect to this machine), and
 * IPv4-mapped loopback addresses as written (`::ffff:127.0.0.1`) or as `new URL` writes them
 * (`::ffff:7f00:1`).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = normaliseHost(hostname);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '0.0.0.0' || IPV6_LOOPBACK.has(host)) return true;
  if (/^127(?:\.\d{1,3}){3}$/.test(host)) return true;
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

/**
 * Ports that well-known infrastructure listens on by default: search engines, object stores and
 * cloud emulators, mail catchers, broker consoles, HTTP fakes. A request to one of them on this
 * machine talks to a boundary, not to the app under test.
 */
export const INFRASTRUCTURE_PORTS: ReadonlySet<string> = new Set([
  '9200', '9300', // Elasticsearch, OpenSearch
  '5984', // CouchDB
  '8983', // Solr
  '7700', // Meilisearch
  '8108', // Typesense
  '6333', // Qdrant
  '8123', // ClickHouse over HTTP
  '7474', // Neo4j over HTTP
  '8086', // InfluxDB
  '9000', '9001', // MinIO
  '4566', // LocalStack
  '10000', '10001', '10002', // Azurite
  '4443', // fake-gcs-server
  '54321', '54324', // Supabase's local stack: its API gateway and mail catcher
  '9099', '9199', // Firebase emulators: Authentication, Cloud Storage
  '9324', // ElasticMQ
  '15672', // RabbitMQ management
  '8081', '8082', // Kafka schema registry and REST proxy
  '8025', // MailHog, Mailpit
  '1080', // MailDev, MockServer
  '8200', // Vault
  '8500', // Consul
  '4317', '4318', // OpenTelemetry collector
  '9411', // Zipkin
  '16686', // Jaeger
]);
