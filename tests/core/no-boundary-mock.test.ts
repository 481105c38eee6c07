import { describe, expect, it } from 'vitest';
import type { BoundaryModule } from '../../src/core/boundaries';
import { compileAllowList, judgeBoundaryMock, mockedThingKey, shortName, type BoundaryMockFacts } from '../../src/core/no-boundary-mock';

const pg: BoundaryModule = { kind: 'database', role: 'client', specifier: 'pg' };
const axios: BoundaryModule = { kind: 'http', role: 'client', specifier: 'axios' };
const fetchGlobal: BoundaryModule = { kind: 'http', role: 'client', specifier: 'fetch' };
const ioredis: BoundaryModule = { kind: 'cache', role: 'client', specifier: 'ioredis' };
const repository: BoundaryModule = { kind: 'database', role: 'adapter', specifier: '../../src/repositories/user-repository' };
const nock: BoundaryModule = { kind: 'http', role: 'fake', specifier: 'nock' };
const container: BoundaryModule = { kind: 'database', role: 'container', specifier: '@testcontainers/postgresql' };
const site = { filename: '/project/tests/integration/user-repository.test.ts', cwd: '/project' };

function facts(overrides: Partial<BoundaryMockFacts>): BoundaryMockFacts {
  return { via: 'jest.mock', replaces: true, thing: 'module', name: 'pg', boundary: pg, site, ...overrides };
}

const none = compileAllowList([]);

describe('judgeBoundaryMock', () => {
  it.each([
    ['a module mock of a database driver', facts({}), { remedy: 'database', kind: 'database', what: 'module `pg`', how: '`jest.mock`', effect: 'so its calls no longer reach the database' }],
    ['a stub of a method on a database client', facts({ via: 'sinon.stub', thing: 'member', name: 'pool.query' }), { remedy: 'database', kind: 'database', what: '`pool.query` from `pg`', how: '`sinon.stub`', effect: 'so this call no longer reaches the database' }],
    ['a stub of a whole object', facts({ via: 'sinon.stub', thing: 'object', name: 'pool' }), { remedy: 'database', kind: 'database', what: '`pool` from `pg`', how: '`sinon.stub`', effect: 'so its calls no longer reach the database' }],
    ['an HTTP client', facts({ via: 'vi.mock', name: 'axios', boundary: axios }), { remedy: 'http', kind: 'http', what: 'module `axios`', how: '`vi.mock`', effect: 'so its calls no longer send requests' }],
    ['a global replaced by assignment', facts({ via: 'assignment', thing: 'global', name: 'fetch', boundary: fetchGlobal }), { remedy: 'http', kind: 'http', what: 'global `fetch`', how: 'an assignment', effect: 'so its calls no longer send requests' }],
    ['a double of a type', facts({ via: 'mockDeep', thing: 'double', name: 'Redis', boundary: ioredis }), { remedy: 'other', kind: 'cache', what: '`Redis` from `ioredis`', how: '`mockDeep`', effect: 'so its calls no longer reach the cache service' }],
    ['a user adapter', facts({ via: 'vi.mock', name: repository.specifier, boundary: repository }), { remedy: 'database', kind: 'database', what: 'module `../../src/repositories/user-repository`', how: '`vi.mock`', effect: 'so its calls no longer reach the database' }],
    ['a hand-written mock', facts({ via: '__mocks__' }), { remedy: 'database', kind: 'database', what: 'module `pg`', how: 'a `__mocks__` import', effect: 'so its calls no longer reach the database' }],
    ['a user kind', facts({ boundary: { kind: 'search', role: 'adapter', specifier: '@elastic/elasticsearch' }, name: '@elastic/elasticsearch' }), { remedy: 'other', kind: 'search', what: 'module `@elastic/elasticsearch`', how: '`jest.mock`', effect: 'so its calls no longer reach the search service' }],
    [
      'a long name, cut short in the middle on one line so the mocked method stays',
      facts({ thing: 'member', name: 'getRepository(\n  await connect(options.database.url),\n).save' }),
      { remedy: 'database', kind: 'database', what: '`getRepository( await connect(optio….save` from `pg`', how: '`jest.mock`', effect: 'so this call no longer reaches the database' },
    ],
    [
      'a stub given a settled promise',
      facts({ via: 'vi.spyOn', thing: 'member', name: 'pool.query', returns: ['other'] }),
      { remedy: 'database', kind: 'database', what: '`pool.query` from `pg`', how: '`vi.spyOn`', effect: 'so this call no longer reaches the database' },
    ],
    [
      'a whole module replaced by a factory of plain values: the module still stands in for the driver',
      facts({ returns: ['synchronous'] }),
      { remedy: 'database', kind: 'database', what: 'module `pg`', how: '`jest.mock`', effect: 'so its calls no longer reach the database' },
    ],
    [
      'a stub that returns the real client once and a fake once',
      facts({ via: 'vi.spyOn', thing: 'member', name: 'factory.connect', returns: ['real-client', 'other'] }),
      { remedy: 'database', kind: 'database', what: '`factory.connect` from `pg`', how: '`vi.spyOn`', effect: 'so this call no longer reaches the database' },
    ],
  ])('reports %s', (_label, input, expected) => {
    expect(judgeBoundaryMock(input, none)).toEqual(expected);
  });

  it.each([
    ['a spy that calls through', facts({ via: 'vi.spyOn', thing: 'member', name: 'pool.query', replaces: false })],
    ['a thing that belongs to no boundary', facts({ name: './clock', boundary: null })],
    ['an HTTP fake', facts({ name: 'nock', boundary: nock })],
    ['a container module', facts({ name: container.specifier, boundary: container })],
    ['a stub that hands back the real, connected client', facts({ via: 'vi.spyOn', thing: 'member', name: 'helper.connect', returns: ['real-client'] })],
    ['a member stubbed to return a plain value at once', facts({ via: 'vi.spyOn', thing: 'member', name: 'platform.timezone', returns: ['synchronous', 'synchronous'] })],
    ['a global replaced by a fake server', facts({ via: 'vi.stubGlobal', thing: 'global', name: 'fetch', boundary: fetchGlobal, replacement: { kind: 'http', role: 'fake', specifier: 'vitest-fetch-mock' } })],
    ['a module replaced by a stand-in that answers nothing', facts({ via: 'vi.mock', name: repository.specifier, boundary: repository, standIn: 'empty' })],
    ['a module replaced by a stand-in that hands calls on to what the file puts in place', facts({ via: 'vi.mock', name: repository.specifier, boundary: repository, standIn: 'forwarding' })],
  ])('does not report %s', (_label, input) => {
    expect(judgeBoundaryMock(input, none)).toBeNull();
  });

  it.each([
    [['pg'], facts({}), null],
    [['@prisma/*', 'pg'], facts({ thing: 'member', name: 'pool.query' }), null],
    [['fetch'], facts({ thing: 'global', name: 'fetch', boundary: fetchGlobal }), null],
    [['src/repositories/**'], facts({ name: repository.specifier, boundary: repository }), null],
    [['src/adapters/**'], facts({ name: repository.specifier, boundary: repository }), 'database'],
    [['axios'], facts({}), 'database'],
  ])('allow %j', (patterns, input, remedy) => {
    expect(judgeBoundaryMock(input, compileAllowList(patterns))?.remedy ?? null).toBe(remedy);
  });

  it('compiles each allow list once', () => {
    expect(compileAllowList(['pg', 'axios'])).toBe(compileAllowList(['pg', 'axios']));
  });

  it('gives one key to the same member however it is spaced, and another to each other member', () => {
    const first = facts({ thing: 'member', name: 'pool.query' });
    expect(mockedThingKey(facts({ thing: 'member', name: 'pool\n  .query' }))).toBe(mockedThingKey(first));
    expect(mockedThingKey(facts({ thing: 'member', name: 'pool.connect' }))).not.toBe(mockedThingKey(first));
  });
});

describe('shortName', () => {
  it.each([
    ['pool.query', 'pool.query'],
    ['orm.driver.getConnection().getDb().collection', 'orm.driver.getConnection()…collection'],
    ['SchemaGenerator.prototype.getCreateSchemaSQL', 'SchemaGenerator…getCreateSchemaSQL'], ['MongoConnection.prototype.createCollection', 'MongoConnection…createCollection'],
    ['aVeryLongFunctionNameWithoutAnyDotsThatGoesOnAndOn()', 'aVeryLongFunctionNameWithoutAnyDotsThat…'],
  ])('%s → %s', (name, expected) => {
    expect(shortName(name)).toBe(expected);
  });
});
