import path from 'node:path';
import type { ResolvedSettings } from '../settings';
import { BOUNDARY_CATALOG, BOUNDARY_GLOBALS, CONTAINER_IMAGES, GENERIC_CONTAINER_MODULES, HOSTED_SDKS, type BoundaryRole, type CatalogEntry } from './catalog';

/** What a module specifier is, as far as boundaries go. */
export interface BoundaryModule {
  /** The boundary kind: `database`, `http`, `queue`, `cache`, `storage`, `email`, or a user kind. */
  readonly kind: string;
  /** `adapter` for modules declared in settings; otherwise the catalog role. */
  readonly role: BoundaryRole | 'adapter';
  /** The specifier as written. */
  readonly specifier: string;
  /** The system behind the module, when the catalog names one (`redis` for `bullmq` and `ioredis`). */
  readonly system?: string;
}

/** Where a specifier is imported from, so relative specifiers can be matched against globs. */
export interface ImportSite {
  /** Absolute path of the file that imports the specifier. */
  readonly filename: string;
  /** The working directory that setting globs are relative to. */
  readonly cwd: string;
}

/** Strips `node:` and reduces a deep import to the package name (`@scope/pkg/sub` → `@scope/pkg`). */
export function packageName(specifier: string): string {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  // Up to the first slash, or the second for a scoped name; asked for on every load, so without splitting.
  const first = bare.indexOf('/');
  if (first === -1) return bare;
  if (!bare.startsWith('@')) return bare.slice(0, first);
  const second = bare.indexOf('/', first + 1);
  return second === -1 ? bare : bare.slice(0, second);
}

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/** A table entry by own key only, so names such as `constructor` never find `Object.prototype`. */
function entryOf(table: Readonly<Record<string, CatalogEntry>>, key: string): CatalogEntry | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * The catalog entry of a specifier: its own key, its package's `pkg/*` or scope's `@scope/*`
 * wildcard, or its package's entry. A deep import (`@acme/orm/fs-utils`) takes its package's entry
 * only when that entry counts every export as a client; a package that lists its clients also
 * ships helpers, and an unlisted subpath is one of those.
 */
function catalogEntry(specifier: string): CatalogEntry | undefined {
  const exact = entryOf(BOUNDARY_CATALOG, specifier);
  if (exact) return exact;
  const pkg = packageName(specifier);
  const scope = pkg.startsWith('@') ? pkg.split('/')[0] : undefined;
  const wildcard = (specifier !== pkg ? entryOf(BOUNDARY_CATALOG, `${pkg}/*`) : undefined) ?? (scope ? entryOf(BOUNDARY_CATALOG, `${scope}/*`) : undefined);
  if (wildcard) return wildcard;
  const whole = entryOf(BOUNDARY_CATALOG, pkg);
  return whole && (specifier === pkg || whole.clients === undefined) ? whole : undefined;
}

function moduleOf(entry: CatalogEntry, specifier: string, kind = entry.kind): BoundaryModule {
  return entry.system === undefined ? { kind, role: entry.role, specifier } : { kind, role: entry.role, specifier, system: entry.system };
}

/** Whether an export name matches a catalog client name: exactly, or by suffix for `*Suffix`. */
function matchesClientName(pattern: string, name: string): boolean {
  return pattern.startsWith('*') ? name.length > pattern.length - 1 && name.endsWith(pattern.slice(1)) : pattern === name;
}

/** Whether a module is a general HTTP client, whose requests go wherever the caller points them. */
export function sendsAnywhere(specifier: string): boolean {
  return catalogEntry(specifier)?.anyHost === true;
}

/** Whether a module's client sends each call as an HTTP request to its service (see `CatalogEntry.overHttp`). */
export function speaksHttp(specifier: string): boolean {
  return catalogEntry(specifier)?.overHttp === true;
}

/**
 * The domain a hosted service's hosts share, for a client spoken to over HTTP (`amazonaws.com` for
 * the AWS SDK's clients, the API host of a hosted SDK); `null` for one without such a domain (a
 * search engine the project runs itself) and for every other module.
 */
export function serviceDomainOf(specifier: string): string | null {
  const entry = catalogEntry(specifier);
  if (entry?.overHttp !== true) return null;
  const name = packageName(specifier);
  const sdk = Object.hasOwn(HOSTED_SDKS, name) ? HOSTED_SDKS[name] : undefined;
  return entry.serviceDomain ?? sdk?.service ?? sdk?.host ?? null;
}

/** The option keys that give a client a store, for a client that otherwise keeps its data in the process (see `CatalogEntry.storeOptions`). */
export function storeOptionsOf(specifier: string): readonly string[] | undefined {
  return catalogEntry(specifier)?.storeOptions;
}

/** Whether the catalog says which exports of a package are clients, rather than counting them all. */
export function listsClientExports(specifier: string): boolean {
  return catalogEntry(specifier)?.clients !== undefined;
}

/**
 * Whether an export of a boundary module is a client (or makes one), so that what is read off it
 * reaches the boundary. `exported` is the export's name, `default`, or `*` for the module object
 * itself. Modules the user declared in settings, and catalog modules that list no clients, are
 * clients through and through.
 */
export function isClientExport(specifier: string, exported: string): boolean {
  const clients = catalogEntry(specifier)?.clients;
  if (clients === undefined) return true;
  return clients.some((pattern) => matchesClientName(pattern, exported));
}

/** Paths a setting glob is tried against: the specifier itself and, for relative ones, the resolved file. */
function candidatePaths(specifier: string, site: ImportSite | undefined): string[] {
  if (!site || !(isRelativeSpecifier(specifier) || path.isAbsolute(specifier))) return [specifier];
  const absolute = path.resolve(path.dirname(site.filename), specifier);
  const relative = path.relative(site.cwd, absolute).split(path.sep).join('/');
  const withoutExtension = relative.replace(/\.(?:[cm]?[jt]sx?)$/, '');
  return [...new Set([specifier, relative, withoutExtension, `${withoutExtension}.ts`, `${withoutExtension}.js`])];
}

const lookupCache = new WeakMap<ResolvedSettings, Map<string, BoundaryModule | null>>();

/**
 * The boundary a module specifier belongs to, or `null`. Settings win over the catalog, and
 * `ignore` wins over both. Answers are cached per settings, import site directory and specifier.
 */
export function lookupBoundary(
  specifier: string,
  settings: ResolvedSettings,
  site?: ImportSite,
): BoundaryModule | null {
  let cache = lookupCache.get(settings);
  if (!cache) {
    cache = new Map();
    lookupCache.set(settings, cache);
  }
  const key = isRelativeSpecifier(specifier) && site ? `${path.dirname(site.filename)}\0${specifier}` : specifier;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  const answer = computeBoundary(specifier, settings, site);
  cache.set(key, answer);
  return answer;
}

/** The first boundary the settings declare that matches one of a specifier's candidate paths. */
function declaredBoundaryOf<Entry extends { match: (path: string) => boolean }>(entries: readonly Entry[], candidates: readonly string[]): Entry | undefined {
  for (const entry of entries) for (const candidate of candidates) if (entry.match(candidate)) return entry;
  return undefined;
}

function computeBoundary(specifier: string, settings: ResolvedSettings, site: ImportSite | undefined): BoundaryModule | null {
  if (settings.ignore(specifier)) return null;
  if (settings.boundaries.length > 0) {
    const candidates = candidatePaths(specifier, site);
    const declared = declaredBoundaryOf(settings.boundaries, candidates);
    if (declared) {
      const inCatalog = catalogEntry(specifier);
      // A catalog module re-declared under another kind keeps its role but takes the user's kind.
      return inCatalog ? moduleOf(inCatalog, specifier, declared.kind) : { kind: declared.kind, role: 'adapter', specifier };
    }
  }
  const entry = catalogEntry(specifier);
  return entry ? moduleOf(entry, specifier) : null;
}

/**
 * The boundary a global name stands for (`fetch` → http), or `null`. `ignore` in settings applies
 * to global names as it does to specifiers.
 */
export function lookupGlobalBoundary(name: string, settings: ResolvedSettings): BoundaryModule | null {
  if (settings.ignore(name)) return null;
  const entry = entryOf(BOUNDARY_GLOBALS, name);
  return entry ? { kind: entry.kind, role: entry.role, specifier: name } : null;
}

/** Whether a module starts containers without naming the system inside (`testcontainers`). */
export function isGenericContainerModule(specifier: string): boolean {
  return GENERIC_CONTAINER_MODULES.has(packageName(specifier));
}

/** Whether a specifier matches one of the globs (used for `endpointClients` and rule `allow` options). */
export function matchesModuleGlobs(
  specifier: string,
  globs: ReadonlyArray<{ readonly match: (path: string) => boolean }>,
  site?: ImportSite,
): boolean {
  if (globs.length === 0) return false;
  const candidates = candidatePaths(specifier, site);
  return globs.some((entry) => candidates.some((candidate) => entry.match(candidate)));
}

/**
 * The boundary kind a container image runs (`postgres:16-alpine` → `database`,
 * `docker.io/bitnami/kafka:3` → `queue`), or `null` when the image is not a known system.
 */
export function kindOfContainerImage(image: string): string | null {
  const repository = image.toLowerCase().split('@')[0]?.replace(/:[^/]*$/, '') ?? '';
  const segments = repository.split('/').filter((segment) => segment !== '');
  for (let start = 0; start < segments.length; start++) {
    const kind = CONTAINER_IMAGES[segments.slice(start).join('/')];
    if (kind) return kind;
  }
  return null;
}
