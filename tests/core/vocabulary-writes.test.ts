import { describe, expect, it } from 'vitest';
import {
  callLabel,
  classifyCall,
  isConnectionCheckIn,
  mayCheckOutConnection,
  namesDeletingFunction,
  namesInMemoryStore,
  writeTargetOf,
  type CallFacts,
} from '../../src/core/vocabulary';

const call = (path: string, extra: Partial<CallFacts> = {}): CallFacts => ({ segments: path.split('.'), ...extra });
const constructed = (path: string, index = 0): CallFacts => ({ segments: path.split('.'), constructed: new Set([index]) });

describe('classifyCall: cleanup, stop and close', () => {
  it.each<[string, CallFacts, string | null]>([
    ['prisma.user.deleteMany()', call('prisma.user.deleteMany'), 'cleanup'],
    ['channel.deleteQueue(q)', call('channel.deleteQueue'), 'cleanup'],
    ['admin.deleteTopics(t)', call('admin.deleteTopics'), 'cleanup'],
    ['bucket.deleteFiles()', call('bucket.deleteFiles'), 'cleanup'],
    ['queue.obliterate({ force: true })', call('queue.obliterate'), 'cleanup'],
    ['orm.schema.clearDatabase()', call('orm.schema.clearDatabase'), 'cleanup'],
    ['orm.schema.refreshDatabase()', call('orm.schema.refreshDatabase'), 'cleanup'],
    ['User.destroy({ where: {} })', call('User.destroy', { options: new Set(['where']) }), 'cleanup'],
    ['User.destroy({ truncate: true })', call('User.destroy', { options: new Set(['truncate']) }), 'cleanup'],
    ['knex.destroy()', call('knex.destroy'), 'close'],
    ['dataSource.destroy()', call('dataSource.destroy'), 'close'],
    ['sequelize.sync({ force: true })', call('sequelize.sync', { options: new Set(['force']) }), 'cleanup'],
    ['sequelize.sync({ alter: true })', call('sequelize.sync', { options: new Set(['alter']) }), null],
    ['pool.query("TRUNCATE users")', call('pool.query', { text: 'TRUNCATE users' }), 'cleanup'],
    ['client.query("ROLLBACK")', call('client.query', { text: 'ROLLBACK' }), 'cleanup'],
    ['collections[key].deleteMany({}) (anonymous receiver)', call('.deleteMany'), 'cleanup'],
    ['testDb.resetDatabase()', call('testDb.resetDatabase'), 'cleanup'],
    ['helpers.truncateAllTables()', call('helpers.truncateAllTables'), 'cleanup'],
    ['db.cleanupDatabase()', call('db.cleanupDatabase'), 'cleanup'],
    ['server.resetHandlers(): resets a fake, not a store', call('server.resetHandlers'), null],
    ['jest.clearAllMocks()', call('jest.clearAllMocks'), null],
    ['nock.cleanAll()', call('nock.cleanAll'), null],
    ['container.stop()', call('container.stop'), 'stop'],
    ['environment.down()', call('environment.down'), 'stop'],
    ['pool.end()', call('pool.end'), 'close'],
    ['prisma.$disconnect()', call('prisma.$disconnect'), 'close'],
  ])('%s', (_label, facts, role) => {
    expect(classifyCall(facts)).toBe(role);
  });

  it.each<[string, string | null]>([
    ['cleanup', 'cleanup'],
    ['cleanupDatabase', 'cleanup'],
    ['cleanDatabase', 'cleanup'],
    ['deleteAllUsers', 'cleanup'],
    ['removeFixtures', 'cleanup'],
    ['resetDb', 'cleanup'],
    ['truncateTables', 'cleanup'],
    // Test utilities whose names only look like cleanup.
    ['flushPromises', null],
    ['cleanly', null],
  ])('project helper %s()', (name, role) => {
    expect(classifyCall(call(name))).toBe(role);
  });
});

describe('classifyCall: factory verbs', () => {
  it.each<[string, CallFacts, string | null]>([
    ['new UserFactory(em).createOne()', constructed('UserFactory.createOne'), 'data'],
    ['userFactory.createList(3)', call('userFactory.createList'), 'data'],
    // What a factory builds without saving stays in memory.
    ['userFactory.build()', call('userFactory.build'), null],
    ['userFactory.buildList(3)', call('userFactory.buildList'), null],
    ['Factory.Group.makeOne()', call('Factory.Group.makeOne'), null],
    ['factories.attributesFor("user")', call('factories.attributesFor'), null],
    ['Factory.Group.makeOne().save()', call('Factory.Group.makeOne.save'), 'data'],
    ['Factory.makeupKit()', call('Factory.makeupKit'), 'data'],
  ])('%s', (_label, facts, role) => {
    expect(classifyCall(facts)).toBe(role);
  });
});

describe('writeTargetOf', () => {
  it.each<[string, CallFacts, string | null]>([
    ['pool.query("INSERT …")', call('pool.query', { text: 'INSERT INTO users VALUES ($1)' }), 'named'],
    ['db.execute(sql`UPDATE …`)', call('db.execute', { text: 'UPDATE users SET name = $1' }), 'named'],
    ['sql`INSERT …` (tagged)', call('sql', { text: 'insert into users' }), 'named'],
    ['pool.query("SELECT …")', call('pool.query', { text: 'SELECT 1' }), null],
    ['pool.query("TRUNCATE …")', call('pool.query', { text: 'TRUNCATE users' }), null],
    ['prisma.user.create()', call('prisma.user.create'), 'receiver'],
    ['db.insertInto(t).values(v).execute()', call('db.insertInto.values.execute'), 'receiver'],
    ['repository.save(user)', call('repository.save'), 'receiver'],
    ['redis.set(k, v)', call('redis.set'), 'receiver'],
    ['map.set(k, v): a receiver the rule still has to trace', call('map.set'), 'receiver'],
    ['channel.publish(…)', call('channel.publish'), 'receiver'],
    ['userFactory.create()', call('userFactory.create'), 'named'],
    ['factory.createList("user", 3)', call('factory.createList'), 'named'],
    ['new UserFactory(em).createOne()', constructed('UserFactory.createOne'), 'named'],
    ['userFactory.build(): stays in memory', call('userFactory.build'), null],
    ['seedUsers()', call('seedUsers'), 'named'],
    ['insertOrder(o)', call('insertOrder'), 'named'],
    ['createUser(pool, …)', call('createUser'), 'argument'],
    ['buildUser()', call('buildUser'), 'argument'],
    ['truncateTables()', call('truncateTables'), null],
    ['pool.end()', call('pool.end'), null],
  ])('%s', (_label, facts, target) => {
    expect(writeTargetOf(facts)).toBe(target);
  });
});

describe('mayCheckOutConnection', () => {
  it.each<[string, CallFacts, boolean]>([
    ['pool.connect()', call('pool.connect'), true],
    ['pool.getConnection()', call('pool.getConnection'), true],
    ['pool.acquire()', call('pool.acquire'), true],
    ['mongoose.connect(url): the caller sees it is on the module', call('mongoose.connect'), true],
    ['connect() on its own', call('connect'), false],
    ['mysql.createConnection()', call('mysql.createConnection'), false],
    ['new Pool()', constructed('Pool'), false],
  ])('%s', (_label, facts, expected) => {
    expect(mayCheckOutConnection(facts)).toBe(expected);
  });
});

describe('isConnectionCheckIn', () => {
  it.each<[string, CallFacts, boolean]>([
    ['client.release()', call('client.release'), true],
    ['pool.releaseConnection(c)', call('pool.releaseConnection'), true],
    ['pool.end()', call('pool.end'), false],
  ])('%s', (_label, facts, expected) => {
    expect(isConnectionCheckIn(facts)).toBe(expected);
  });
});

describe('namesInMemoryStore', () => {
  it.each<[string, boolean]>([
    [':memory:', true],
    ['sqlite::memory:', true],
    ['file:test?mode=memory&cache=shared', true],
    ['postgres://localhost/test', false],
    ['./test.sqlite', false],
  ])('%s', (text, expected) => {
    expect(namesInMemoryStore(text)).toBe(expected);
  });
});

describe('callLabel', () => {
  it.each<[CallFacts, string]>([
    [call('pool.query'), 'pool.query()'],
    [constructed('Pool'), 'new Pool()'],
    [constructed('pg.Pool', 1), 'new pg.Pool()'],
    [constructed('PostgreSqlContainer.start'), 'new PostgreSqlContainer().start()'],
    [call('seedUsers'), 'seedUsers()'],
    [call('knex.insert', { called: new Set([0, 1]) }), 'knex().insert()'],
    [call('client.db.collection.insertOne', { called: new Set([1, 2, 3]) }), 'client.db().collection().insertOne()'],
  ])('%j → %s', (facts, label) => {
    expect(callLabel(facts)).toBe(label);
  });
});

describe('classifyCall: what a test double is told to answer', () => {
  it.each<[string, CallFacts, string | null]>([
    ['prismaMock.user.create.mockResolvedValue(user)', call('prismaMock.user.create.mockResolvedValue'), null],
    ['repo.save.mockResolvedValueOnce(order)', call('repo.save.mockResolvedValueOnce'), null],
    ['db.insert.mockImplementation(fn)', call('db.insert.mockImplementation'), null],
    ['repo.deleteMany.mockReturnValue(count)', call('repo.deleteMany.mockReturnValue'), null],
    ['stub.create.resolves(user) (sinon)', call('stub.create.resolves'), null],
    ['usersRepo.insert.returns(1) (sinon)', call('usersRepo.insert.returns'), null],
    ['store.save.callsFake(fn) (sinon)', call('store.save.callsFake'), null],
    ['service.createOrder.and.returnValue(order) (Jasmine)', call('service.createOrder.and.returnValue'), null],
    ['the verb itself still writes: prisma.user.create()', call('prisma.user.create'), 'data'],
    ['the verb itself still cleans up: repo.deleteMany()', call('repo.deleteMany'), 'cleanup'],
  ])('%s', (_label, facts, expected) => {
    expect(classifyCall(facts)).toBe(expected);
  });
});

describe('classifyCall: factories that make and factories that hand back', () => {
  it.each<[string, CallFacts, string | null]>([
    ['userFactory.create()', call('userFactory.create'), 'data'],
    ['factories.order()', call('factories.order'), 'data'],
    ['StorageServiceFactory.getInstance(config): an instance it holds', call('StorageServiceFactory.getInstance'), null],
    ['clientFactory.getDefault(): an instance it holds', call('clientFactory.getDefault'), null],
    ['getUserFactory(): the factory itself', call('getUserFactory'), null],
  ])('%s', (_label, facts, expected) => {
    expect(classifyCall(facts)).toBe(expected);
  });
});

describe('classifyCall: a variable named like a verb', () => {
  const called = (path: string, ...indexes: number[]): CallFacts => ({ segments: path.split('.'), called: new Set(indexes) });
  it.each<[string, CallFacts, string | null]>([
    ['create.getStorageOptions(\'minio\'): a getter on a variable called `create`', called('create.getStorageOptions', 1), null],
    ['seed.getFixtures(): the same, on `seed`', called('seed.getFixtures', 1), null],
    ['create().getResult(): the verb is called itself', called('create.getResult', 0, 1), 'data'],
    ['seed.users(): not a getter, so the name still counts', called('seed.users', 1), 'data'],
    ['users.create(): the verb is the method', called('users.create', 1), 'data'],
  ])('%s', (_label, facts, expected) => {
    expect(classifyCall(facts)).toBe(expected);
  });
});

describe('namesDeletingFunction', () => {
  it.each<[string, boolean]>([
    ['projectDeleteProcessor', true],
    ['processAccountDeletion', true],
    ['handleUserRemoval', true],
    ['runPurge', true],
    ['isProjectDeletionQueued: a question', false],
    ['canDelete: a question', false],
    ['deleteOrder: a cleanup helper by its first word, counted as such already', false],
    ['createUser', false],
  ])('%s → %s', (name, expected) => {
    expect(namesDeletingFunction(name.split(':')[0] as string)).toBe(expected);
  });
});
