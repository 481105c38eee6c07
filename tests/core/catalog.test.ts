import { describe, expect, it } from 'vitest';
import { BOUNDARY_CATALOG, GENERIC_CONTAINER_MODULES } from '../../src/core/catalog';

const KINDS = ['database', 'http', 'queue', 'cache', 'storage', 'email'];
const ROLES = ['client', 'fake', 'container'];

describe('boundary catalog', () => {
  const entries = Object.entries(BOUNDARY_CATALOG);

  it('knows at least a hundred modules', () => {
    expect(entries.length).toBeGreaterThanOrEqual(100);
  });

  it.each(entries)('%s has a known kind and role', (_module, entry) => {
    expect(KINDS).toContain(entry.kind);
    expect(ROLES).toContain(entry.role);
  });

  it('keys are specifiers or scope wildcards, never paths', () => {
    for (const [module] of entries) {
      expect(module).toMatch(/^(?:node:)?(?:@[a-z0-9.-]+\/)?(?:[a-z0-9.$_-]+|\*)(?:\/(?:[a-z0-9._-]+|\*))*$/);
    }
  });

  it('does not list generic container modules as boundaries', () => {
    for (const module of GENERIC_CONTAINER_MODULES) expect(BOUNDARY_CATALOG[module]).toBeUndefined();
  });

  it.each([
    ['@testcontainers/postgresql', 'database'],
    ['@testcontainers/redis', 'cache'],
    ['@testcontainers/kafka', 'queue'],
    ['@testcontainers/localstack', 'storage'],
  ])('classifies the container module %s by the system it runs (%s)', (module, kind) => {
    expect(BOUNDARY_CATALOG[module]).toEqual({ kind, role: 'container' });
  });
});
