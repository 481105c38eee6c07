import { describe, expect, it } from 'vitest';
import { findInfrastructureInUnitTest, type InfrastructureUse, type MockedModule } from '../../src/core/no-infrastructure-in-unit-tests';

/** The core matches mocks to uses by an opaque key; the front end makes it (`moduleKeyOf`). */
const moduleKey = (specifier: string, file: string): string => `${file}:${specifier}`;

const FILE = '/project/tests/unit/orders.test.ts';
const use = (node: string, specifier: string, kind: string | null, role: InfrastructureUse<string>['role']): InfrastructureUse<string> => ({
  node,
  specifier,
  key: moduleKey(specifier, FILE),
  kind,
  role,
});
const mocked = (specifier: string, kind: string | null, role: string | null): MockedModule => ({ key: moduleKey(specifier, FILE), kind, role });

const container = use('container', '@testcontainers/postgresql', 'database', 'container');
const generic = use('generic', 'testcontainers', null, 'container');
const pool = use('pool', 'pg', 'database', 'client');
const redis = use('redis', 'ioredis', 'cache', 'client');
// An SDK client of a service spoken to over HTTP opens nothing when built: never reported.
const s3 = use('s3', '@aws-sdk/client-s3', 'storage', 'client');
const knex = use('knex', 'knex', 'database', 'client');
const dbAdapter = use('db', '../../src/db/pool', 'database', 'adapter');
const payments = use('payments', '../../src/adapters/payments/payment-client', 'http', 'adapter');
const uses = [container, generic, pool, redis, s3, knex, dbAdapter, payments];

function reported(mocks: readonly MockedModule[], loaded: readonly string[] = []) {
  return findInfrastructureInUnitTest(uses, mocks, loaded).map(({ use: found, messageId }) => `${found.node}:${messageId}`);
}

describe('findInfrastructureInUnitTest', () => {
  it.each<[string, MockedModule[], string[], string[]]>([
    ['nothing mocked', [], [], ['container:container', 'generic:container', 'pool:client', 'redis:client', 'knex:client', 'db:client', 'payments:client']],
    ['pg mocked', [mocked('pg', 'database', 'client')], [], ['container:container', 'generic:container', 'redis:client', 'knex:client', 'payments:client']],
    ['the database adapter mocked', [mocked('../../src/db/pool', 'database', 'adapter')], [], ['container:container', 'generic:container', 'pool:client', 'redis:client', 'knex:client', 'payments:client']],
    ['axios mocked: the HTTP adapter talks to the double', [mocked('axios', 'http', 'client')], [], ['container:container', 'generic:container', 'pool:client', 'redis:client', 'knex:client', 'db:client']],
    ['another adapter of the same kind mocked: the adapter is still real', [mocked('../../src/adapters/payments/other', 'http', 'adapter')], [], ['container:container', 'generic:container', 'pool:client', 'redis:client', 'knex:client', 'db:client', 'payments:client']],
    ['the container module mocked', [mocked('@testcontainers/postgresql', 'database', 'container'), mocked('testcontainers', null, null)], [], ['pool:client', 'redis:client', 'knex:client', 'db:client', 'payments:client']],
    ['mock-knex loaded: it answers the queries of the knex instance', [], ['mock-knex'], ['container:container', 'generic:container', 'pool:client', 'redis:client', 'db:client', 'payments:client']],
  ])('%s', (_label, mocks, loaded, expected) => {
    expect(reported(mocks, loaded)).toEqual(expected);
  });
});
