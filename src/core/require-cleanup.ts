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
  /** Whether the file mocks the module the boundary comes from, or an HTTP fake answers its client: then nothing real is written. */
  readonly mocked?: boolean;
  /**
   * The kind the writing verb belongs to (`set` → `cache`, SQL that writes → `database`): on a
   * boundary of another kind it writes nothing there.
   */
  readonly verbKind?: string | null;
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
  if (facts.verbKind && boundary && boundary.kind !== facts.verbKind) return null;
  // A write no client could be traced for is of the kind its statement shows (SQL: the database), else of no known kind.
  if (target === 'named') return { kind: boundary ? (isStateful(boundary) ? boundary.kind : null) : facts.verbKind === 'database' ? 'database' : null };
  return boundary && isStateful(boundary) ? { kind: boundary.kind } : null;
}

function isStateful(boundary: BoundaryFact): boolean {
  return (boundary.role === 'client' || boundary.role === 'adapter') && !KINDS_WITHOUT_TEST_STATE.has(boundary.kind);
}

/** A call that may remove what tests wrote. */
export interface CleanupFacts {
  /** Only `cleanup` and `stop` can clean up; closing a connection keeps the data. */
  readonly role: CallRole;
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
 * or dropping; or stopping the throwaway container that holds the data. Where it runs decides what it
 * covers ({@link findUncleanedWrite}).
 */
export function cleanupOf(facts: CleanupFacts): Cleanup | null {
  if (facts.role === 'cleanup') return facts.fromUnrelatedPackage ? null : { kind: facts.boundary?.kind ?? null };
  if (facts.role === 'stop') return facts.container ? { kind: facts.container.kind } : null;
  return null;
}

/**
 * Where a write runs: in a test's own steps, in a `beforeEach` hook (once per test), or `once`
 * (module level, `beforeAll`, a helper's body: judged where it is called, or left to
 * `no-shared-test-data` when it seeds data for the whole suite).
 */
export type WritePlace = 'test' | 'before-each' | 'once';

/**
 * What a write or a delete made in a test is about: the store (a table, or a handle and the model it
 * names) and the test's own values that pick the row (its id variable, the row a write handed back).
 * Keys are opaque: equal keys name the same variable.
 */
export interface Subject {
  readonly store: string;
  readonly keys: readonly string[];
  /** For a delete made on a value the test holds (`user.destroy()`): that value's key. */
  readonly row?: string;
  /**
   * For a delete made by one of the project's functions (`deleteProject(projectId)`, or the code under
   * test, `projectDeleteProcessor({ projectId })`): it may remove rows of any store that its keys pick.
   */
  readonly anyStore?: boolean;
}

export interface PlacedWrite {
  readonly write: Write;
  /** What the write is about, for a write made in a test. */
  readonly subject?: Subject | null;
  readonly place: WritePlace;
  /** The test it runs in, for `test` writes. */
  readonly test: number | null;
  /** The suites around it, innermost first. */
  readonly suites: readonly number[];
  /** Its position in the file, to tell what runs before it in the same test. */
  readonly at: number;
}

/**
 * Where a cleanup runs: in a test's own steps (a reset before that test's writes counts for them), in
 * `beforeEach`, in `beforeAll` (a reset before the suite), or anywhere else (after hooks, fixtures,
 * helpers, a `finally` block, registered teardown).
 */
export type CleanupPlace = 'test' | 'before-each' | 'before-all' | 'elsewhere';

export interface PlacedCleanup {
  readonly cleanup: Cleanup;
  readonly place: CleanupPlace;
  /** The test it runs in, for `test` cleanups. */
  readonly test: number | null;
  /** The suite a `beforeAll` hook belongs to; `null` for the module. */
  readonly suite: number | null;
  readonly at: number;
  /** It drops or recreates the whole store (`dropDatabase()`, a schema refresh): in a test, it counts wherever it stands. */
  readonly dropsStore?: boolean;
  /** What a delete in a test removes: after a write of the same subject in that test, it removes that write. */
  readonly subject?: Subject | null;
}

/** What a test file writes and removes, and what it cannot see. */
export interface CleanupFileFacts {
  readonly writes: readonly PlacedWrite[];
  readonly cleanups: readonly PlacedCleanup[];
  /** Kinds whose store the file throws away: an in-memory database, one made fresh for the file. */
  readonly throwawayKinds: ReadonlySet<string>;
  /**
   * The file calls something that may register hooks the rule cannot read: a helper or suite wrapper
   * from a module it cannot summarise, or a setup module imported for its side effects.
   */
  readonly unseenHooks: boolean;
}

export interface UncleanedWrite {
  /** The index of the write in {@link CleanupFileFacts.writes}. */
  readonly index: number;
  /** Whether the file already resets before each test, so an `afterEach` to fill in would be noise. */
  readonly resetsBeforeEach: boolean;
  /**
   * When the file resets the write's store only once, before its suite (or the whole file), while
   * several tests of that suite write: how many tests write there, and whether the reset is the file's.
   */
  readonly resetOnce: { readonly writingTests: number; readonly scope: 'file' | 'suite' } | null;
}

/**
 * The first write a test makes (or a `beforeEach` makes for it) that nothing removes, or `null`.
 * Silent whenever hooks may be registered out of sight.
 */
export function findUncleanedWrite(facts: CleanupFileFacts): UncleanedWrite | null {
  if (facts.unseenHooks) return null;
  const index = facts.writes.findIndex((write) => write.place !== 'once' && !isCovered(write, facts));
  if (index < 0) return null;
  const placed = facts.writes[index] as PlacedWrite;
  const once = facts.cleanups.find(
    (cleanup) =>
      cleanup.place === 'before-all' && covers(cleanup.cleanup, placed.write) && (cleanup.suite === null || placed.suites.includes(cleanup.suite)),
  );
  return {
    index,
    resetsBeforeEach: facts.cleanups.some((cleanup) => cleanup.place === 'before-each'),
    resetOnce: once && placed.place === 'test' ? { writingTests: writingTestsIn(once.suite, facts.writes), scope: once.suite === null ? 'file' : 'suite' } : null,
  };
}

function isCovered(placed: PlacedWrite, facts: CleanupFileFacts): boolean {
  const { write } = placed;
  if (write.kind !== null ? facts.throwawayKinds.has(write.kind) : facts.throwawayKinds.has('database')) return true;
  return facts.cleanups.some((placedCleanup) => {
    if (!covers(placedCleanup.cleanup, write)) return false;
    switch (placedCleanup.place) {
      case 'elsewhere':
      case 'before-each':
        return true;
      case 'test':
        return (
          placed.test !== null &&
          placedCleanup.test === placed.test &&
          (placedCleanup.dropsStore === true || placedCleanup.at < placed.at || removesWhatWasWritten(placedCleanup.subject, placed.subject, write.kind))
        );
      case 'before-all':
        return (
          placed.place === 'test' &&
          (placedCleanup.suite === null || placed.suites.includes(placedCleanup.suite)) &&
          writingTestsIn(placedCleanup.suite, facts.writes) <= 1
        );
    }
  });
}

/**
 * Whether a delete made later in the same test removes what a write made: the same store, and only
 * keys of the write's own (`DELETE FROM users WHERE id = $1` with the `id` the insert used), or the row
 * the write handed back (`user.destroy()`).
 */
function removesWhatWasWritten(removed: Subject | null | undefined, written: Subject | null | undefined, kind: string | null): boolean {
  if (!removed || !written) return false;
  if (removed.row !== undefined && written.keys.includes(removed.row)) return true;
  if (removed.anyStore) return removed.keys.length > 0 && removed.keys.every((key) => written.keys.includes(key));
  if (removed.store !== written.store || removed.keys.length === 0) return false;
  // A cache deletes each key it is named on its own (`redis.del(first, second)`): one of them is the write's.
  if (kind === 'cache') return removed.keys.some((key) => written.keys.includes(key));
  // A delete removes the rows that match every value it names: each must be one the write used.
  return removed.keys.every((key) => written.keys.includes(key));
}

function covers(cleanup: Cleanup, write: Write): boolean {
  return cleanup.kind === null || write.kind === null || cleanup.kind === write.kind;
}

/** How many tests of a suite (the whole file for `null`) write: a reset before the suite covers only one. */
function writingTestsIn(suite: number | null, writes: readonly PlacedWrite[]): number {
  const tests = new Set<number>();
  for (const write of writes) {
    if (write.place === 'test' && write.test !== null && (suite === null || write.suites.includes(suite))) tests.add(write.test);
  }
  return tests.size;
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
