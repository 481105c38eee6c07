/**
 * `require-cleanup` and Keyv, which keeps its data in the process unless it is handed a store: a
 * store of the project's own that reaches no boundary keeps what it is given in the process too, and
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
  get(key: string) {
    return this.entries.get(key);
  }
  set(key: string, value: unknown) {
    this.entries.set(key, value);
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
