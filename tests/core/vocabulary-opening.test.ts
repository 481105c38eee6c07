import { describe, expect, it } from 'vitest';
import { openingOf, opensHandle, reconfiguresHandle, type CallFacts, type Opening } from '../../src/core/vocabulary';

const call = (path: string): CallFacts => ({ segments: path.split('.') });
const constructed = (path: string, index: number): CallFacts => ({ segments: path.split('.'), constructed: new Set([index]) });

describe('openingOf: the called segment decides', () => {
  it.each<[string, CallFacts, number, Opening | null]>([
    ['new Pool(config)', constructed('Pool', 0), 1, 'opens'],
    ['new pg.Pool()', constructed('pg.Pool', 1), 0, 'opens'],
    ['new Redis.Cluster(nodes)', constructed('Redis.Cluster', 1), 1, 'opens'],
    ['new Valkey(options): the Redis fork', constructed('Valkey', 0), 1, 'opens'],
    ['new Memcached(servers)', constructed('Memcached', 0), 1, 'opens'],
    ['new Etcd3(options)', constructed('Etcd3', 0), 1, 'opens'],
    ['new Configuration(options): not infrastructure', constructed('Configuration', 0), 1, null],
    ['new GenericContainer(image).start()', { segments: ['GenericContainer', 'start'], constructed: new Set([0]) }, 0, 'opens'],
    ['mongoose.connect(url)', call('mongoose.connect'), 1, 'opens'],
    ['dataSource.initialize()', call('dataSource.initialize'), 0, 'opens'],
    ['server.listen(0)', call('server.listen'), 1, 'opens'],
    ['MongoMemoryServer.create()', call('MongoMemoryServer.create'), 0, 'opens'],
    ['MikroORM.init(options)', call('MikroORM.init'), 1, 'opens'],
    ['User.init(attributes, options): a model definition', call('User.init'), 2, null],
    ['environment.up(): only a container opens with up()', call('environment.up'), 0, 'opens-container'],
    ['migrator.up() is judged like environment.up()', call('orm.migrator.up'), 0, 'opens-container'],
    ['diff.up.includes(sql): an array read', call('diff.up.includes'), 1, null],
    ['orm.em.getConnection().execute(sql): a statement on a connection held already', call('orm.em.getConnection.execute'), 1, null],
    ['orm.em.getConnection(): hands out what exists', call('orm.em.getConnection'), 0, null],
    ['driver.getConnection().mapOptions({}): options mapped in memory', call('driver.getConnection.mapOptions'), 1, null],
    ['drizzle.mock(): a builder without a driver', call('drizzle.mock'), 0, null],
    ['getTableConfig(table): metadata', call('getTableConfig'), 1, null],
    ['getViewConfig(view): metadata', call('getViewConfig'), 1, null],
    ['createTestDatabase(): a helper named for what it opens', call('createTestDatabase'), 0, 'opens'],
    ['mongoose.createConnection() without an address', call('mongoose.createConnection'), 0, 'opens-when-connected'],
    ['mongoose.createConnection(url)', call('mongoose.createConnection'), 1, 'opens'],
    ['createClient() without options', call('createClient'), 0, 'opens-when-connected'],
    ['mysql.createPool(config)', call('mysql.createPool'), 1, 'opens'],
  ])('%s', (_label, facts, argumentCount, expected) => {
    expect(openingOf(facts, argumentCount)).toBe(expected);
  });
});

describe('opensHandle', () => {
  it.each<[string, boolean]>([
    ['connect', true],
    ['openUri', true],
    ['model', false],
    ['query', false],
  ])('%s', (method, expected) => {
    expect(opensHandle(method)).toBe(expected);
  });
});

describe('reconfiguresHandle', () => {
  it.each<[string, string[], boolean]>([
    ['orm.discoverEntity(entity)', ['discoverEntity'], true],
    ['orm.config.set(key, value)', ['config', 'set'], true],
    ['client.setSchema(name)', ['setSchema'], true],
    ['redis.set(key, value): data', ['set'], false],
    ['orm.em.find(entity): data', ['em', 'find'], false],
    ['client.options read alone', ['options'], false],
  ])('%s', (_label, path, expected) => {
    expect(reconfiguresHandle(path)).toBe(expected);
  });
});
