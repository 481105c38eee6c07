/**
 * `prefer-shared-infrastructure`: containers, pools, clients and servers are built once for the tests
 * that share them, not once per test. Decided from plain facts, so any language front end can feed it.
 */
import type { BoundaryModule } from './boundaries';
import type { CallRole } from './vocabulary';

/** A call made while a test runs (in a per-test hook or in the test itself). */
export interface InfrastructureFacts {
  readonly role: CallRole | null;
  /** The boundary the call's result comes from, if it could be traced. */
  readonly boundary: Pick<BoundaryModule, 'kind' | 'role'> | null;
  /** Whether the call's result comes from a throwaway-container module (generic ones included). */
  readonly container: boolean;
  /** The vocabulary's warning that the call may only borrow a pooled connection (`pool.connect()`). */
  readonly mayCheckOut: boolean;
  /** Whether the call is made on the module itself (`mongoose.connect(url)`) rather than on an instance. */
  readonly onModule: boolean;
  /** Whether the call only runs under a condition (`pool ??= new Pool()`, `if (!pool) …`): a lazy singleton. */
  readonly guarded: boolean;
  /** Whether the file mocks the module it comes from (`vi.mock('pg')`): then nothing real is built. */
  readonly mocked?: boolean;
  /** Whether it builds a database in memory (`':memory:'`): a fresh one per test is the isolation itself. */
  readonly inMemory?: boolean;
}

/**
 * Kinds whose clients are cheap objects without connections of their own: building an HTTP client per
 * test costs nothing worth sharing.
 */
const CHEAP_KINDS: ReadonlySet<string> = new Set(['http']);

/** Whether a call builds infrastructure: a container, or a pool, client, connection or server of a boundary. */
export function buildsInfrastructure(facts: InfrastructureFacts): boolean {
  if (facts.role !== 'infrastructure' || facts.guarded || facts.mocked || facts.inMemory) return false;
  if (facts.mayCheckOut && !facts.onModule) return false;
  if (facts.container) return true;
  const boundary = facts.boundary;
  if (!boundary) return false;
  return boundary.role === 'fake' || !CHEAP_KINDS.has(boundary.kind);
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
 * cannot be made without changing what the tests do, including when something the block keeps making
 * per test is closed per test (it may close the shared infrastructure with it).
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
