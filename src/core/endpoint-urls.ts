import { concatText, displayText, knownText, type PartialText, type TextPiece } from './partial-text';

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
  /** The URL for messages, with unknown parts shown as `${…}`. */
  readonly text: string;
}

const IPV4_LOOPBACK = /^127(?:\.\d{1,3}){3}$/;
const IPV6_LOOPBACK = new Set(['::1', '0:0:0:0:0:0:0:1', '::', '0:0:0:0:0:0:0:0']);

/**
 * Whether a host name stands for this machine: `localhost` (and `*.localhost`), `127.0.0.0/8`,
 * `::1`, and the unspecified addresses `0.0.0.0` and `::`, which connect to the local host.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name === '0.0.0.0' || IPV4_LOOPBACK.test(name)) return true;
  if (IPV6_LOOPBACK.has(name)) return true;
  const mapped = /^::ffff:(.+)$/.exec(name);
  return mapped !== null && IPV4_LOOPBACK.test(mapped[1] ?? '');
}

const SCHEME = /^([a-z][a-z0-9+.-]*:)\/\//i;

/**
 * Reads the origin of a URL from its partial text. The host must be written out (a hole may
 * follow it, as in `http://localhost:${port}`), or the origin must be the address of a server
 * started in the file. `null` when the text does not start with an absolute URL whose host is known.
 */
export function parseUrl(text: PartialText): UrlTarget | null {
  const [first, second] = text;
  if (!first) return null;
  const shown = displayText(text);
  if (first.type === 'server-address') {
    return { protocol: null, host: null, loopback: true, localServer: true, port: null, container: false, text: shown };
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

  if (hostAndPort === '' && !authorityComplete && second?.type === 'server-address') {
    return { protocol, host: null, loopback: true, localServer: true, port: null, container: false, text: shown };
  }
  const host = hostOf(hostAndPort, authorityComplete);
  if (host === null) return null;
  const port = authorityComplete ? /:(\d+)$/.exec(hostAndPort)?.[1] ?? null : null;
  return { protocol, host, loopback: isLoopbackHost(host), localServer: false, port, container, text: shown };
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
 * The URL a reference resolves to against a base, as `new URL(reference, base)`, axios `baseURL`
 * and got/ky `prefixUrl` do. An absolute reference keeps its own origin; a relative one takes
 * the base's. Only the origin is kept exact; the path is joined for display.
 */
export function resolveUrl(reference: PartialText, base: PartialText | null): PartialText {
  const first = reference[0];
  if (!first) return base ?? reference;
  // An absolute reference ignores the base, and an unknown one might be absolute.
  if (!base || first.type !== 'text' || isAbsolute(reference)) return reference;
  const last = base[base.length - 1];
  const baseEndsWithSlash = last?.type === 'text' && last.value.endsWith('/');
  const referenceStartsWithSlash = first.value.startsWith('/');
  if (baseEndsWithSlash && referenceStartsWithSlash) {
    return concatText(base, knownText(first.value.slice(1)), reference.slice(1));
  }
  return concatText(base, baseEndsWithSlash || referenceStartsWithSlash ? [] : knownText('/'), reference);
}

function isAbsolute(text: PartialText): boolean {
  const first = text[0];
  if (!first) return false;
  if (first.type === 'server-address') return true;
  return first.type === 'text' && SCHEME.test(first.value);
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
