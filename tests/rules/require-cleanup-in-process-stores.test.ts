/**
 * `require-cleanup` and Keyv, which keeps its data in the process unless it is handed a store: a
 * store of the project's own that reaches no boundary keeps what it is given in the process too; one
 * the plugin cannot read may keep it anywhere, so the rule stays silent; and
 * a project class that only wraps a Keyv of its own writes nowhere outside the test. A Keyv handed a
 * Redis store writes to Redis.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import requireCleanup from '../../src/rules/require-cleanup';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'in-process-stores-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PROJECT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'pricing', private: true }),
  'src/memory-store.ts': `export class MemoryStore {
  private readonly entries = new Map<string, unknown>();
  constructor(private readonly options: { maxEntries?: number } = {}) {}
  get(key: string) {
    return this.entries.get(key);
  }
  set(key: string, value: unknown) {
    this.entries.set(key, value);
  }
}
`,
  'src/stores/index.ts': `export { TtlStore } from './ttl-store';
export const DEFAULT_TTL_MS = 60_000;
`,
  'src/stores/ttl-store.ts': `import { DEFAULT_TTL_MS } from './index';

export class TtlStore {
  private readonly entries = new Map<string, { value: unknown; expires: number }>();
  get(key: string) {
    return this.entries.get(key)?.value;
  }
  set(key: string, value: unknown, ttl = DEFAULT_TTL_MS) {
    this.entries.set(key, { value, expires: Date.now() + ttl });
  }
}
`,
  'src/store-adapter.ts': `export interface Store {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
}

export class StoreAdapter {
  constructor(private readonly inner: Store) {}
  get(key: string) {
    return this.inner.get(key);
  }
  set(key: string, value: unknown) {
    return this.inner.set(key, value);
  }
}
`,
  'src/price-cache.ts': `import { Keyv } from 'keyv';

export class PriceCache {
  private readonly keyv = new Keyv({ namespace: 'prices' });
  set(sku: string, cents: number) {
    return this.keyv.set(sku, cents);
  }
}
`,
};

function lint(name: string, code: string): string[] {
  const dir = path.join(root, name);
  const testFile = 'test/integration/prices.test.ts';
  for (const [file, text] of Object.entries({ ...PROJECT, [testFile]: code })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { own: { rules: { 'require-cleanup': requireCleanup as unknown as Rule.RuleModule } } },
      rules: { 'own/require-cleanup': 'error' },
    },
  ];
  return new Linter({ cwd: dir }).verify(code, config, path.join(dir, testFile)).map((message) => message.message);
}

describe('require-cleanup with stores kept in the process', () => {
  it('stays silent on a Keyv handed a store of the project that reaches no boundary', () => {
    const code = `import { Keyv } from 'keyv';
import { expect, it } from 'vitest';
import { MemoryStore } from '../../src/memory-store';

it('keeps a price', async () => {
  const keyv = new Keyv({ store: new MemoryStore() });
  await keyv.set('sku-1', 1200);
  expect(await keyv.get('sku-1')).toBe(1200);
});
`;
    expect(lint('own-store', code)).toEqual([]);
  });

  it('stays silent on such a store held in a variable first', () => {
    const code = `import { Keyv } from 'keyv';
import { expect, it } from 'vitest';
import { MemoryStore } from '../../src/memory-store';

it('keeps a price', async () => {
  const maxEntries = 100;
  const memory = new MemoryStore({ maxEntries });
  const keyv = new Keyv({ store: memory });
  await keyv.set('sku-1', 1200);
  expect(memory.get('sku-1')).toBeDefined();
});
`;
    expect(lint('own-store-variable', code)).toEqual([]);
  });

  it('stays silent on a store of the project it cannot read: a module in an import cycle, or one that is not there', () => {
    const code = (source: string) => `import { Keyv } from 'keyv';
import { expect, it } from 'vitest';
import { TtlStore } from '${source}';

it('keeps a price', async () => {
  const keyv = new Keyv({ store: new TtlStore() });
  await keyv.set('sku-1', 1200);
  expect(await keyv.get('sku-1')).toBe(1200);
});
`;
    expect(lint('cyclic-store', code('../../src/stores'))).toEqual([]);
    expect(lint('missing-store', code('../../src/stores/expiring-store'))).toEqual([]);
  });

  it('reports a write through a store of the project handed a Redis store', () => {
    const code = `import KeyvRedis from '@keyv/redis';
import { Keyv } from 'keyv';
import { expect, it } from 'vitest';
import { StoreAdapter } from '../../src/store-adapter';

it('keeps a price', async () => {
  const adapter = new StoreAdapter(new KeyvRedis(process.env.REDIS_URL));
  const keyv = new Keyv({ store: adapter });
  await keyv.set('sku-1', 1200);
  expect(await keyv.get('sku-1')).toBe(1200);
});
`;
    expect(lint('adapted-redis-store', code)).toEqual([
      '`keyv.set()` writes to the cache, and this file registers no cleanup that removes it. Roll back, truncate or delete after each test, so every test starts from a known state.',
    ]);
  });

  it('reports a write through a variable that may hold a Redis store', () => {
    const code = `import KeyvRedis from '@keyv/redis';
import { Keyv } from 'keyv';
import { expect, it } from 'vitest';
import { MemoryStore } from '../../src/memory-store';

it('keeps a price', async () => {
  let store = new MemoryStore();
  if (process.env.REDIS_URL) store = new KeyvRedis(process.env.REDIS_URL);
  const keyv = new Keyv({ store });
  await keyv.set('sku-1', 1200);
  expect(await keyv.get('sku-1')).toBe(1200);
});
`;
    expect(lint('either-store', code)).toEqual([
      '`keyv.set()` writes to the cache, and this file registers no cleanup that removes it. Roll back, truncate or delete after each test, so every test starts from a known state.',
    ]);
  });

  it('stays silent on a project class that wraps a Keyv of its own', () => {
    const code = `import { expect, it } from 'vitest';
import { PriceCache } from '../../src/price-cache';

it('keeps a price', async () => {
  const cache = new PriceCache();
  await cache.set('sku-1', 1200);
  expect(cache).toBeDefined();
});
`;
    expect(lint('own-wrapper', code)).toEqual([]);
  });

  it('reports a write to a Keyv handed a Redis store', () => {
    const code = `import KeyvRedis from '@keyv/redis';
import { Keyv } from 'keyv';
import { expect, it } from 'vitest';

it('keeps a price', async () => {
  const keyv = new Keyv({ store: new KeyvRedis(process.env.REDIS_URL) });
  await keyv.set('sku-1', 1200);
  expect(await keyv.get('sku-1')).toBe(1200);
});
`;
    expect(lint('redis-store', code)).toEqual([
      '`keyv.set()` writes to the cache, and this file registers no cleanup that removes it. Roll back, truncate or delete after each test, so every test starts from a known state.',
    ]);
  });
});
