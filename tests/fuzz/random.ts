/**
 * A small seeded random source, so that every generated program can be rebuilt from its seed.
 * sfc32 for the stream, splitmix32 to derive independent case seeds from a run seed.
 */

/** Mixes a 32-bit value into a well-spread 32-bit value. */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The seed of case `index` of a run: stable, and unrelated to the seeds of neighbouring cases. */
export function caseSeed(runSeed: number, index: number): number {
  return mix32(mix32(runSeed) ^ Math.imul(index + 1, 0x27d4eb2d));
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = mix32(seed);
    this.b = mix32(this.a ^ 0x6c8e9cf5);
    this.c = mix32(this.b ^ 0x1b873593);
    this.d = 1;
    for (let warmUp = 0; warmUp < 12; warmUp++) this.next();
  }

  /** A float in [0, 1), like `Math.random`. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `weighted([[3, 'often'], [1, 'rarely']])`. */
  weighted<T>(entries: ReadonlyArray<readonly [number, T]>): T {
    const total = entries.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [weight, value] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![1];
  }

  /** Runs `fn` with `Math.random` drawing from this stream, for libraries that only use `Math.random`. */
  drive<T>(fn: () => T): T {
    const original = Math.random;
    Math.random = () => this.next();
    try {
      return fn();
    } finally {
      Math.random = original;
    }
  }
}
