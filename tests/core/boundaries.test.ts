import { describe, expect, it } from 'vitest';
import { isClientExport, isGenericContainerModule, lookupBoundary, packageName } from '../../src/core/boundaries';
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
    ['iovalkey', 'cache', 'client'],
    ['@valkey/valkey-glide', 'cache', 'client'],
    ['etcd3', 'database', 'client'],
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
    expect(lookupBoundary(specifier, settings, site)).toMatchObject({ kind, role, specifier });
  });

  it.each([
    ['bullmq', 'queue', 'redis'],
    ['ioredis', 'cache', 'redis'],
    ['pg-boss', 'queue', 'postgres'],
    ['graphile-worker', 'queue', 'postgres'],
    ['pg', 'database', 'postgres'],
  ])('%s is %s on the %s system', (specifier, kind, system) => {
    expect(lookupBoundary(specifier, settings, site)).toEqual({ kind, role: 'client', specifier, system });
  });

  it.each([
    ['@sequelize/core', 'database'],
    ['@mikro-orm/postgresql', 'database'],
    ['@mikro-orm/mongodb', 'database'],
    ['@apollo/client/core', 'http'],
  ])('knows the scoped client package %s (%s)', (specifier, kind) => {
    expect(lookupBoundary(specifier, settings, site)).toEqual({ kind, role: 'client', specifier });
  });

  it.each([
    // Tooling packages of a client's scope: a command line, migrations, seeding.
    '@mikro-orm/cli',
    '@mikro-orm/migrations',
    '@mikro-orm/seeder',
    // Signs URLs locally; nothing leaves the process.
    '@aws-sdk/s3-request-presigner',
    // A helper subpath of a package that lists its clients.
    '@mikro-orm/core/fs-utils',
    // The GraphQL client's document utilities parse queries in memory.
    '@apollo/client/utilities',
  ])('%s is not a boundary', (specifier) => {
    expect(lookupBoundary(specifier, settings, site)).toBeNull();
  });

  it('keeps every subpath of a package whose exports are all clients', () => {
    expect(lookupBoundary('axios/lib/adapters/http', settings, site)).toMatchObject({ kind: 'http', role: 'client' });
  });
  it.each(['lodash', 'zod', '@faker-js/faker', 'vitest', 'node:path', './helpers', 'pgx', 'axios-retry-plugin'])(
    '%s is not a boundary',
    (specifier) => {
      expect(lookupBoundary(specifier, settings, site)).toBeNull();
    },
  );
});

describe('isClientExport', () => {
  it.each([
    ['pg', 'Pool', true],
    ['pg', 'default', true],
    ['pg', 'types', false],
    ['@mikro-orm/core', 'MikroORM', true],
    ['@mikro-orm/postgresql', 'PostgreSqlConnection', true],
    ['@mikro-orm/core', 'Utils', false],
    ['@mikro-orm/core', 'MetadataStorage', false],
    ['@aws-sdk/client-s3', 'S3Client', true],
    ['@aws-sdk/client-s3', 'PutObjectCommand', false],
    ['drizzle-orm', 'sql', false],
    ['drizzle-orm/node-postgres', 'drizzle', true],
    ['axios', 'default', true],
    ['axios', 'isAxiosError', true],
  ])('%s: %s is a client: %s', (specifier, exported, expected) => {
    expect(isClientExport(specifier, exported)).toBe(expected);
  });
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
