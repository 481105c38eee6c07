import { describe, expect, it } from 'vitest';
import { isGenericContainerModule, lookupBoundary, packageName } from '../../src/core/boundaries';
import { parseSettings } from '../../src/settings';

const site = { filename: '/repo/tests/integration/users.test.ts', cwd: '/repo' };

describe('packageName', () => {
  it.each([
    ['pg', 'pg'],
    ['drizzle-orm/pg-core', 'drizzle-orm'],
    ['@aws-sdk/client-s3', '@aws-sdk/client-s3'],
    ['@mikro-orm/postgresql/dist', '@mikro-orm/postgresql'],
    ['node:sqlite', 'sqlite'],
  ])('%s → %s', (specifier, expected) => {
    expect(packageName(specifier)).toBe(expected);
  });
});

describe('lookupBoundary with the catalog', () => {
  const settings = parseSettings(undefined);

  it.each([
    ['pg', 'database', 'client'],
    ['mysql2/promise', 'database', 'client'],
    ['drizzle-orm/pg-core', 'database', 'client'],
    ['drizzle-orm/node-postgres', 'database', 'client'],
    ['@mikro-orm/postgresql', 'database', 'client'],
    ['@prisma/client', 'database', 'client'],
    ['ioredis', 'cache', 'client'],
    ['axios', 'http', 'client'],
    ['msw', 'http', 'fake'],
    ['msw/node', 'http', 'fake'],
    ['nock', 'http', 'fake'],
    ['amqplib', 'queue', 'client'],
    ['@aws-sdk/client-s3', 'storage', 'client'],
    ['nodemailer', 'email', 'client'],
    ['@testcontainers/postgresql', 'database', 'container'],
    ['node:sqlite', 'database', 'client'],
  ])('%s is %s (%s)', (specifier, kind, role) => {
    expect(lookupBoundary(specifier, settings, site)).toEqual({ kind, role, specifier });
  });

  it.each(['lodash', 'zod', '@faker-js/faker', 'vitest', 'node:path', './helpers', 'pgx', 'axios-retry-plugin'])(
    '%s is not a boundary',
    (specifier) => {
      expect(lookupBoundary(specifier, settings, site)).toBeNull();
    },
  );
});

describe('lookupBoundary with settings', () => {
  const settings = parseSettings({
    boundaries: {
      database: ['src/repositories/**', '@acme/db'],
      http: ['src/adapters/payments/**'],
      search: ['@elastic/elasticsearch'],
    },
    ignore: ['axios'],
  });

  it.each([
    ['../../src/repositories/user-repository', 'database'],
    ['../../src/repositories/user-repository.js', 'database'],
    ['../../src/adapters/payments/client', 'http'],
    ['@acme/db', 'database'],
  ])('declares the adapter %s as %s', (specifier, kind) => {
    expect(lookupBoundary(specifier, settings, site)).toEqual({ kind, role: 'adapter', specifier });
  });

  it('lets a user kind override the catalog kind and keeps the role', () => {
    expect(lookupBoundary('@elastic/elasticsearch', settings, site)).toEqual({ kind: 'search', role: 'client', specifier: '@elastic/elasticsearch' });
  });

  it('resolves relative specifiers from the importing file', () => {
    const elsewhere = { filename: '/repo/src/services/users.test.ts', cwd: '/repo' };
    expect(lookupBoundary('../repositories/user-repository', settings, elsewhere)?.kind).toBe('database');
    expect(lookupBoundary('../../lib/repositories/user-repository', settings, elsewhere)).toBeNull();
  });

  it('ignores modules listed in ignore, even catalog ones', () => {
    expect(lookupBoundary('axios', settings, site)).toBeNull();
  });

  it('does not treat other relative modules as adapters', () => {
    expect(lookupBoundary('../helpers/factories', settings, site)).toBeNull();
  });
});

describe('isGenericContainerModule', () => {
  it('recognises testcontainers but not container modules of one system', () => {
    expect(isGenericContainerModule('testcontainers')).toBe(true);
    expect(isGenericContainerModule('@testcontainers/postgresql')).toBe(false);
  });
});
