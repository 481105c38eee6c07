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
const s3 = use('s3', '@aws-sdk/client-s3', 'storage', 'client');
const dbAdapter = use('db', '../../src/db/pool', 'database', 'adapter');
const payments = use('payments', '../../src/adapters/payments/payment-client', 'http', 'adapter');
const uses = [container, generic, pool, redis, s3, dbAdapter, payments];

function reported(mocks: readonly MockedModule[], loaded: readonly string[] = []) {
  return findInfrastructureInUnitTest(uses, mocks, loaded).map(({ use: found, messageId }) => `${found.node}:${messageId}`);
}

describe('findInfrastructureInUnitTest', () => {
  it.each<[string, MockedModule[], string[], string[]]>([
    ['nothing mocked', [], [], ['container:container', 'generic:container', 'pool:client', 'redis:client', 's3:client', 'db:client', 'payments:client']],
    ['pg mocked', [mocked('pg', 'database', 'client')], [], ['container:container', 'generic:container', 'redis:client', 's3:client', 'payments:client']],
    ['the database adapter mocked', [mocked('../../src/db/pool', 'database', 'adapter')], [], ['container:container', 'generic:container', 'pool:client', 'redis:client', 's3:client', 'payments:client']],
    ['axios mocked: the HTTP adapter talks to the double', [mocked('axios', 'http', 'client')], [], ['container:container', 'generic:container', 'pool:client', 'redis:client', 's3:client', 'db:client']],
    ['another adapter of the same kind mocked: the adapter is still real', [mocked('../../src/adapters/payments/other', 'http', 'adapter')], [], ['container:container', 'generic:container', 'pool:client', 'redis:client', 's3:client', 'db:client', 'payments:client']],
    ['the container module mocked', [mocked('@testcontainers/postgresql', 'database', 'container'), mocked('testcontainers', null, null)], [], ['pool:client', 'redis:client', 's3:client', 'db:client', 'payments:client']],
    ['aws-sdk-client-mock loaded', [], ['aws-sdk-client-mock'], ['container:container', 'generic:container', 'pool:client', 'redis:client', 'db:client', 'payments:client']],
  ])('%s', (_label, mocks, loaded, expected) => {
    expect(reported(mocks, loaded)).toEqual(expected);
  });
});
