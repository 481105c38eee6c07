/**
 * `require-cleanup`: a test file that writes to a boundary must remove what it wrote. Decided from
 * plain facts about calls, so any language front end can feed it.
 */
import type { BoundaryModule } from './boundaries';
import type { CallRole, WriteTarget } from './vocabulary';

/** A boundary a value was traced to: its kind, and its role (`client`, `fake`, `container` or `adapter`). */
export type BoundaryFact = Pick<BoundaryModule, 'kind' | 'role'>;

/** A call whose names say it writes, with where its parts come from. */
export interface WriteFacts {
  readonly target: WriteTarget;
  /**
   * For `receiver` and `named`: the boundary the receiver comes from. For `argument`: the boundary the
   * helper itself comes from, or else the first argument that comes from one.
   */
  readonly boundary: BoundaryFact | null;
  /** Whether the file mocks the module the boundary comes from: then nothing real is written. */
  readonly mocked?: boolean;
}

/**
 * Kinds whose writes leave nothing for the next test to trip over: an integration test sends HTTP
 * requests and emails to fakes and sinks, not to a store the next test reads.
 */
const KINDS_WITHOUT_TEST_STATE: ReadonlySet<string> = new Set(['http', 'email']);

/** A write that needs cleaning up: `kind` is `null` when only the names say it persists (a factory, `INSERT` SQL). */
export interface Write {
  readonly kind: string | null;
}

/** Whether a call writes to a boundary that keeps state between tests, and which kind. */
export function writeOf(facts: WriteFacts): Write | null {
  const { target, boundary } = facts;
  if (facts.mocked) return null;
  if (target === 'named') return { kind: boundary && isStateful(boundary) ? boundary.kind : null };
  return boundary && isStateful(boundary) ? { kind: boundary.kind } : null;
}

function isStateful(boundary: BoundaryFact): boolean {
  return (boundary.role === 'client' || boundary.role === 'adapter') && !KINDS_WITHOUT_TEST_STATE.has(boundary.kind);
}

/** A call that may remove what tests wrote. */
export interface CleanupFacts {
  /** Only `cleanup` and `stop` can clean up; closing a connection keeps the data. */
  readonly role: CallRole;
  /**
   * `test` for the plain body of a test, where deleting is what is being tested; anything else
   * (hooks, fixtures, helpers, a test's `finally` block or registered teardown) is `teardown`.
   */
  readonly place: 'test' | 'teardown';
  /** The boundary the receiver comes from, if it could be traced. */
  readonly boundary: BoundaryFact | null;
  /** The container the receiver comes from, for `stop`. `kind` is `null` for generic containers. */
  readonly container: { readonly kind: string | null } | null;
  /** The call comes from a package that is not a boundary (Testing Library's `cleanup`, sinon). */
  readonly fromUnrelatedPackage: boolean;
}

/** Cleanup that covers writes of `kind`, or of every kind when `kind` is `null`. */
export interface Cleanup {
  readonly kind: string | null;
}

/**
 * Whether a call cleans up, and for which kind: rolling back, truncating, deleting, flushing, purging
 * or dropping outside a test body; or stopping the throwaway container that holds the data.
 */
export function cleanupOf(facts: CleanupFacts): Cleanup | null {
  if (facts.place === 'test') return null;
  if (facts.role === 'cleanup') return facts.fromUnrelatedPackage ? null : { kind: facts.boundary?.kind ?? null };
  if (facts.role === 'stop') return facts.container ? { kind: facts.container.kind } : null;
  return null;
}

/** The index of the first write that no cleanup covers, or `-1`. */
export function firstUncleanedWrite(writes: readonly Write[], cleanups: readonly Cleanup[]): number {
  return writes.findIndex(
    (write) => !cleanups.some((cleanup) => cleanup.kind === null || write.kind === null || cleanup.kind === write.kind),
  );
}

/** What to remove after each test, by kind; worded for the comment inside a new hook. */
const CLEANUP_HINTS: Readonly<Record<string, string>> = {
  database: 'truncate the tables it wrote to, or roll back a per-test transaction',
  cache: 'flush the keys it set',
  queue: 'purge the queues it published to',
  storage: 'delete the objects it uploaded',
};
const DEFAULT_HINT = 'delete what it created';

/**
 * The comment inside a new `afterEach` hook: what to clean, through which client.
 * `client` is the name of the value written through (`pool`), or `null` when only the call is known.
 */
export function cleanupComment(write: Write, client: string | null, call: string): string {
  const hint = (write.kind && CLEANUP_HINTS[write.kind]) ?? DEFAULT_HINT;
  const through = client ? `through \`${client}\`` : `with \`${call}\``;
  return `Remove what each test wrote ${through}: ${hint}.`;
}
