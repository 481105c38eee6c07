/** A place where a test file exercises a boundary. */
export interface BoundaryUse<T> {
  readonly kind: string;
  /**
   * The system behind the use, when known (`redis` for both `bullmq` and `ioredis`). Uses of one
   * system are one boundary whatever their kinds: a queue kept in Redis and a Redis client are one.
   */
  readonly system?: string | null;
  /**
   * What the use goes through, to match against what the file mocks: a module (`pg`, or a
   * resolved path for the project's own files), a global (`global:fetch`), or `null`.
   */
  readonly via: string | null;
  /** 1-based line, for the message. */
  readonly line: number;
  /** Position in the file; uses are judged in this order. */
  readonly offset: number;
  /** Whatever the front end needs to report at this use. */
  readonly at: T;
}

export interface OneBoundaryOptions {
  /** How many boundaries a file may exercise. */
  readonly max: number;
  /** Groups of kinds that count as one boundary. */
  readonly allowTogether: ReadonlyArray<readonly string[]>;
  /** Kinds that are never counted. */
  readonly ignoreKinds: readonly string[];
}

/** One boundary as counted: a kind, or a group from `allowTogether`, with where each kind was first seen. */
export interface CountedBoundary {
  readonly kinds: ReadonlyArray<{ readonly kind: string; readonly line: number }>;
  /** The one system every kind of it runs on (`redis` for a queue and a cache), when they share one. */
  readonly system?: string;
}

export interface TooManyBoundaries<T> {
  /** The first use of the boundary that goes over `max`. */
  readonly at: T;
  /** Every boundary the file exercises, in the order they first appear. */
  readonly boundaries: readonly CountedBoundary[];
}

/** Groups of keys joined by what they share, each group named by its first key (union-find). */
class Groups {
  private readonly parent = new Map<string, string>();

  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }

  join(a: string, b: string): void {
    const [rootA, rootB] = [this.find(a), this.find(b)];
    if (rootA !== rootB) this.parent.set(rootB, rootA);
  }
}

/**
 * Counts the boundaries a file exercises and, when there are more than `max`, says where the
 * first one too many starts. A use through a module or global that the file mocks exercises
 * nothing. One boundary is one system: uses of one kind, of one system (`bullmq` and `ioredis`
 * both on Redis), or of kinds grouped by `allowTogether` count once.
 */
export function findTooManyBoundaries<T>(
  uses: ReadonlyArray<BoundaryUse<T>>,
  mocked: ReadonlySet<string>,
  options: OneBoundaryOptions,
): TooManyBoundaries<T> | null {
  const ignored = new Set(options.ignoreKinds);
  const groupOf = new Map<string, string>();
  options.allowTogether.forEach((group, index) => {
    for (const kind of group) if (!groupOf.has(kind)) groupOf.set(kind, `group ${index}`);
  });

  const live = [...uses].sort((a, b) => a.offset - b.offset).filter((use) => !ignored.has(use.kind) && !(use.via !== null && mocked.has(use.via)));
  const groups = new Groups();
  for (const use of live) {
    const kindKey = groupOf.get(use.kind) ?? `kind ${use.kind}`;
    groups.find(kindKey);
    if (use.system) groups.join(kindKey, `system ${use.system}`);
  }
  const counted = new Map<string, { kinds: Array<{ kind: string; line: number }>; systems: Set<string | null>; first: BoundaryUse<T> }>();
  for (const use of live) {
    const key = groups.find(groupOf.get(use.kind) ?? `kind ${use.kind}`);
    const boundary = counted.get(key);
    if (!boundary) {
      counted.set(key, { kinds: [{ kind: use.kind, line: use.line }], systems: new Set([use.system ?? null]), first: use });
    } else {
      boundary.systems.add(use.system ?? null);
      if (!boundary.kinds.some((seen) => seen.kind === use.kind)) boundary.kinds.push({ kind: use.kind, line: use.line });
    }
  }
  if (counted.size <= options.max) return null;
  const boundaries = [...counted.values()];
  const over = boundaries[options.max];
  const shared = (systems: ReadonlySet<string | null>): string | null => (systems.size === 1 ? ([...systems][0] ?? null) : null);
  return over
    ? {
        at: over.first.at,
        boundaries: boundaries.map(({ kinds, systems }) => {
          const system = kinds.length > 1 ? shared(systems) : null;
          return system ? { kinds, system } : { kinds };
        }),
      }
    : null;
}

/** `database (line 3) + cache (line 4), http (line 9)`; kinds of one system are named by it: `redis: queue (line 1) + cache (line 2)`. */
export function describeBoundaries(boundaries: readonly CountedBoundary[]): string {
  return boundaries
    .map((boundary) => {
      const kinds = boundary.kinds.map(({ kind, line }) => `${kind} (line ${line})`).join(' + ');
      return boundary.system ? `${boundary.system}: ${kinds}` : kinds;
    })
    .join(', ');
}
