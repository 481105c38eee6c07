/**
 * `prefer-shared-infrastructure`: containers, pools, clients and servers are built once for the tests
 * that share them, not once per test. Decided from plain facts, so any language front end can feed it.
 */
import type { BoundaryModule } from './boundaries';
import type { Opening } from './vocabulary';

/** A call made in a test file, with what decides whether it opens infrastructure. */
export interface InfrastructureFacts {
  /** What the vocabulary says the called segment opens ({@link Opening}), `null` for nothing. */
  readonly opening: Opening | null;
  /** The boundary the call's result comes from, if it could be traced. */
  readonly boundary: Pick<BoundaryModule, 'kind' | 'role'> | null;
  /** Whether the call's result comes from a throwaway-container module (generic ones included). */
  readonly container: boolean;
  /** The vocabulary's warning that the call may only borrow a pooled connection (`pool.connect()`). */
  readonly mayCheckOut: boolean;
  /** Whether the call is made on the module itself (`mongoose.connect(url)`) rather than on an instance. */
  readonly onModule: boolean;
  /** For a handle that opens only when connected: whether the code connects it. */
  readonly connected?: boolean;
  /** Whether the call only runs under a condition (`pool ??= new Pool()`, `if (!pool) …`): a lazy singleton. */
  readonly guarded: boolean;
  /** Whether the file mocks the module it comes from (`vi.mock('pg')`): then nothing real is built. */
  readonly mocked?: boolean;
  /** Whether it builds a database in memory (`':memory:'`): a fresh one per test is the isolation itself. */
  readonly inMemory?: boolean;
}

/**
 * Kinds whose calls open nothing worth sharing: an HTTP client holds no connection of its own, and
 * HTTP fakes (msw, nock) intercept requests inside the process rather than listen on a port.
 */
const CHEAP_KINDS: ReadonlySet<string> = new Set(['http']);

/** Whether a call opens infrastructure: starts a container, or opens a connection, pool or server of a boundary. */
export function buildsInfrastructure(facts: InfrastructureFacts): boolean {
  if (facts.opening === null || facts.guarded || facts.mocked || facts.inMemory) return false;
  if (facts.opening === 'opens-container' && !facts.container) return false;
  if (facts.opening === 'opens-when-connected' && !facts.connected) return false;
  if (facts.mayCheckOut && !facts.onModule) return false;
  if (facts.container) return true;
  const boundary = facts.boundary;
  // A fake the test answers for itself (an SMTP server it writes, an HTTP fake) stands in for the
  // service inside the process: a fresh one per test is how fakes keep tests apart.
  return boundary !== null && boundary.role !== 'fake' && !CHEAP_KINDS.has(boundary.kind);
}

/** Where a call that opens infrastructure runs. */
export interface PerTestBuild {
  /** What is built, the same for the same construction written twice (`new Pool()`). */
  readonly key: string;
  /**
   * How it is configured: the text of its arguments. Tests that each build it with other arguments
   * (`createPool({ ...config, poolAlias: 'a' })`, `createPool({ ...config, privilege })`) build
   * different things, which one shared instance could not stand in for.
   */
  readonly configuration?: string;
  /** An opaque key of the suite (a `describe` or the file) that holds the hook or test. */
  readonly suite: string;
  /** An opaque key of the hook or test whose callback makes the call. */
  readonly owner: string;
  /** `hook`: a per-test hook (`beforeEach`); `test`: a test body. */
  readonly place: 'hook' | 'test';
  /** How many tests the hook runs before (for `test`, 1). */
  readonly tests: number;
  /** Keys of what the suite or an enclosing one builds once for its tests (`beforeAll`, module scope). */
  readonly shared: readonly string[];
  /**
   * Whether the test is about building it: it asserts on it, expects building it to fail, or opens
   * and closes it itself.
   */
  readonly aboutBuilding: boolean;
  /**
   * For a hook: whether a test changes what the hook built (`orm.discoverEntity(…)`,
   * `orm.config.set(…)`), so that the next test needs a fresh one.
   */
  readonly reconfigured?: boolean;
}

/** One report: the build to point at, and how many tests build it. */
export interface PerTestReport {
  readonly build: number;
  readonly tests: number;
}

/**
 * Which per-test builds to report, at most one per suite: a per-test hook that runs before two or
 * more tests, or the same construction, with the same arguments, repeated in two or more tests of the suite. Nothing is
 * reported where the suite already builds the same thing once, a test is about building it, or a
 * test changes what the hook built.
 */
export function findPerTestBuilds(builds: readonly PerTestBuild[]): PerTestReport[] {
  const bySuite = new Map<string, PerTestReport>();
  const testsBuilding = new Map<string, { first: number; owners: Set<string> }>();
  for (const [index, build] of builds.entries()) {
    if (build.shared.includes(build.key)) continue;
    if (build.place === 'hook') {
      if (build.reconfigured) continue;
      const current = bySuite.get(build.suite);
      if (build.tests >= 2 && (!current || builds[current.build]?.place !== 'hook')) bySuite.set(build.suite, { build: index, tests: build.tests });
      continue;
    }
    if (build.aboutBuilding) continue;
    const key = `${build.suite}\u0000${build.key}\u0000${build.configuration ?? ''}`;
    const entry = testsBuilding.get(key) ?? { first: index, owners: new Set<string>() };
    entry.owners.add(build.owner);
    testsBuilding.set(key, entry);
  }
  for (const { first, owners } of testsBuilding.values()) {
    const suite = (builds[first] as PerTestBuild).suite;
    if (owners.size >= 2 && !bySuite.has(suite)) bySuite.set(suite, { build: first, tests: owners.size });
  }
  return [...bySuite.values()].sort((a, b) => a.build - b.build);
}

/**
 * A statement of the per-test block (a `beforeEach` body, or a test body). Names are opaque keys that
 * identify one binding each.
 */
export interface BlockStatement {
  readonly infrastructure: boolean;
  /** Whether it can be moved as written: a plain statement with no per-test inputs. */
  readonly movable: boolean;
  /** Bindings it declares or assigns. */
  readonly provides: readonly string[];
  /** Bindings provided by other statements of the same block that it reads. */
  readonly reads: readonly string[];
  /** The infrastructure it builds: what it provides and the receivers it starts (`container` in `container.start()`). */
  readonly builds: readonly string[];
  /**
   * Bindings it connects or checks out from (`client` in `await client.connect()`): a checkout when the
   * pool is shared, but part of building the client when the client itself is built in the same block.
   */
  readonly connects?: readonly string[];
}

/** A statement that closes or stops infrastructure. */
export interface TeardownStatement {
  /** Bindings it closes or stops. */
  readonly closes: readonly string[];
  /** Whether it is a plain statement that only closes (so it can move to the shared teardown). */
  readonly movable: boolean;
}

/** Which statements move: from the block to the shared set-up, and from the teardown list to the shared teardown. */
export interface MovePlan {
  readonly move: readonly number[];
  readonly teardown: readonly number[];
}

/**
 * Plans the move of a block's infrastructure into shared set-up, leaving per-test resets in place.
 * `teardowns` are the statements that may close it (an `afterEach` body, or the rest of a test body);
 * `closedElsewhere` are bindings closed per test in places that cannot move. `null` when the move
 * cannot be made without changing what the tests do: when a statement that stays comes before one
 * that moves, or something the block keeps making per test is closed per test (it may close the
 * shared infrastructure with it).
 */
export function planSharedMove(
  block: readonly BlockStatement[],
  teardowns: readonly TeardownStatement[],
  closedElsewhere: readonly string[],
): MovePlan | null {
  const building = new Set(block.flatMap((statement) => (statement.infrastructure ? statement.builds : [])));
  const move = block.flatMap((statement, index) =>
    statement.infrastructure || statement.connects?.some((name) => building.has(name)) ? [index] : [],
  );
  if (move.length === 0 || move.some((index) => !block[index]?.movable)) return null;
  // Moving ahead of a statement that stays would run it in another order: `dropDatabase()` before
  // `MikroORM.init()` would then drop the database under the shared connection.
  if (move.some((index, position) => index !== position)) return null;
  const moving = new Set(move.flatMap((index) => block[index]?.provides ?? []));
  const staying = new Set(block.flatMap((statement, index) => (move.includes(index) ? [] : statement.provides)));
  const readsStaying = move.some((index) => block[index]?.reads.some((name) => staying.has(name) && !moving.has(name)));
  if (readsStaying) return null;

  // Something made per test from the infrastructure (`repository`) and closed per test may close it too.
  const closed = [...teardowns.flatMap((statement) => statement.closes), ...closedElsewhere];
  if (closed.some((name) => staying.has(name) && !moving.has(name))) return null;

  const built = new Set(move.flatMap((index) => block[index]?.builds ?? []));
  const teardown: number[] = [];
  for (const [index, statement] of teardowns.entries()) {
    if (!statement.closes.some((name) => built.has(name))) continue;
    if (!statement.movable || !statement.closes.every((name) => built.has(name))) return null;
    teardown.push(index);
  }
  if (closedElsewhere.some((name) => built.has(name))) return null;
  return { move, teardown };
}
