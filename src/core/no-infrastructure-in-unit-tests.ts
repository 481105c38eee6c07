import { packageName } from './boundaries';
import { BOUNDARY_CATALOG } from './catalog';

/**
 * Decides which uses of real infrastructure a unit test makes: loading a module that starts
 * containers, or building or connecting a client of a boundary module that the file does not mock.
 */

/** A use of infrastructure found in the file. */
export interface InfrastructureUse<N> {
  readonly node: N;
  /** The module specifier as written. */
  readonly specifier: string;
  /** The module's identity: one key per module, whatever spelling loads it. */
  readonly key: string;
  /** The boundary kind; `null` for a container module that does not say which system it runs. */
  readonly kind: string | null;
  /** `container`: the file loads a module that starts containers; otherwise it builds a client. */
  readonly role: 'container' | 'client' | 'adapter';
  /** For a client: whether its options point it at an address (`{ endpoint: 'http://localhost:8000' }`). */
  readonly pointed?: boolean;
}

/** A module the file replaces with a double, and what it is. */
export interface MockedModule {
  readonly key: string;
  readonly kind: string | null;
  readonly role: string | null;
}

export interface InfrastructureFinding<N> {
  readonly use: InfrastructureUse<N>;
  readonly messageId: 'container' | 'client';
}

/**
 * Libraries that stand in for every client of some modules once a file loads them, written as
 * module globs of the kind the boundary catalog uses (a package name, or a scope such as `@acme/*`).
 */
const CLIENT_DOUBLES: Readonly<Record<string, readonly string[]>> = {
  // Attaches to a knex instance the test builds and answers its queries: `mockKnex.mock(db)`.
  'mock-knex': ['knex'],
};

function isCoveredByDouble(specifier: string, loadedModules: readonly string[]): boolean {
  const pkg = packageName(specifier);
  const scope = pkg.startsWith('@') ? `${pkg.split('/')[0]}/*` : null;
  return loadedModules.some((loaded) => (CLIENT_DOUBLES[packageName(loaded)] ?? []).some((glob) => glob === pkg || glob === scope));
}

/**
 * The uses to report. A use is fine when its module is mocked; a user adapter is also fine when
 * a client module of its boundary kind is mocked (the adapter then talks to the double).
 */
export function findInfrastructureInUnitTest<N>(
  uses: readonly InfrastructureUse<N>[],
  mocked: readonly MockedModule[],
  loadedModules: readonly string[],
): Array<InfrastructureFinding<N>> {
  const mockedKeys = new Set(mocked.map((module) => module.key));
  const kindsWithMockedClients = new Set(mocked.flatMap((module) => (module.role === 'client' && module.kind ? [module.kind] : [])));
  return uses
    .filter((use) => {
      if (mockedKeys.has(use.key)) return false;
      // An HTTP client instance (`axios.create()`, `got.extend()`) holds no connection; the requests
      // it sends are what `no-real-network` judges. So does an SDK client of a service spoken to over
      // HTTP (`new DynamoDBClient({ region })`), unless the test points it at a running one
      // (`{ endpoint: 'http://localhost:8000' }`).
      if (use.role === 'client' && use.kind === 'http') return false;
      if (use.role === 'client' && !use.pointed && BOUNDARY_CATALOG[packageName(use.specifier)]?.overHttp === true) return false;
      if (use.role === 'adapter' && use.kind !== null && kindsWithMockedClients.has(use.kind)) return false;
      return !(use.role === 'client' && isCoveredByDouble(use.specifier, loadedModules));
    })
    .map((use) => ({ use, messageId: use.role === 'container' ? 'container' : 'client' }));
}
