import { describe, expect, it } from 'vitest';
import {
  handsBackClient,
  classifyCall,
  classifyFunctionName,
  classifySql,
  classifyValueName,
  namesAuthenticationPath,
  namesComponentFactory,
  namesRecordFactoryMethod,
  namesTestDouble,
  schemaWorkOf,
  sqlTable,
  type CallFacts,
  type CallRole,
} from '../../src/core/vocabulary';

/** `'new Pool'` marks a constructed segment; `sql` is the leading text of the first argument. */
function facts(chain: string, text?: string): CallFacts {
  const constructed = new Set<number>();
  const segments = chain.split('.').map((segment, index) => {
    if (!segment.startsWith('new ')) return segment;
    constructed.add(index);
    return segment.slice(4);
  });
  return { segments, constructed, text };
}

describe('classifyCall', () => {
  it.each<[string, string | undefined, CallRole | null]>([
    // data
    ['prisma.user.create', undefined, 'data'],
    ['repo.save', undefined, 'data'],
    ['db.insertInto.values.execute', undefined, 'data'],
    ['knex.insert.returning', undefined, 'data'],
    ['userFactory.create', undefined, 'data'],
    ['userFactory.build', undefined, null], // built in memory, not saved
    ['createUser', undefined, 'data'],
    ['seedOrders', undefined, 'data'],
    ['pool.query', 'INSERT INTO users (email) VALUES ($1)', 'data'],
    // infrastructure
    ['new Pool', undefined, 'infrastructure'],
    ['new PostgreSqlContainer.start', undefined, 'infrastructure'],
    ['new PrismaClient', undefined, 'infrastructure'],
    ['pool.connect', undefined, 'infrastructure'],
    ['prisma.$connect', undefined, 'infrastructure'],
    // Schema set-up is neither: run per test it can be the reset itself (`synchronize(true)`).
    ['db.migrate.latest', undefined, null],
    ['dataSource.runMigrations', undefined, null],
    ['createTestDb', undefined, 'infrastructure'],
    ['createPool', undefined, 'infrastructure'],
    ['buildHttpClient', undefined, 'infrastructure'],
    ['makeUserRepository', undefined, 'infrastructure'],
    ['createTestConfig', undefined, 'infrastructure'],
    ['createBaseUrl', undefined, 'infrastructure'],
    // A fake server that stands in for a service is infrastructure, whatever it is later filled with.
    ['createTodoEmulator', undefined, 'infrastructure'],
    ['startSmtpSimulator', undefined, 'infrastructure'],
    // A cache and a request context are places values go, not records.
    ['createCache', undefined, 'infrastructure'],
    ['makeCtx', undefined, 'infrastructure'],
    ['axios.create', undefined, 'infrastructure'],
    ['ky.create', undefined, 'infrastructure'],
    ['got.extend', undefined, 'infrastructure'],
    ['NestFactory.create', undefined, 'infrastructure'],
    ['MongoMemoryServer.create', undefined, 'infrastructure'],
    ['MongoMemoryReplSet.create', undefined, 'infrastructure'],
    // What a factory method of an infrastructure class makes is more of its kind, whatever the method's name.
    ['TestWorkflowEnvironment.createLocal', undefined, 'infrastructure'],
    ['testing.TestEnvironment.createTimeSkipping', undefined, 'infrastructure'],
    ['setupServer', undefined, 'infrastructure'],
    // cleanup, stop, close
    ['prisma.user.deleteMany', undefined, 'cleanup'],
    ['knex.where.del', undefined, 'cleanup'],
    ['deleteUser', undefined, 'cleanup'],
    ['removeOrders', undefined, 'cleanup'],
    ['truncateTables', undefined, 'cleanup'],
    ['pool.query', 'DELETE FROM users', 'cleanup'],
    ['container.stop', undefined, 'stop'],
    ['pool.end', undefined, 'close'],
    ['prisma.$disconnect', undefined, 'close'],
    // other writes and nothing at all
    ['channel.publish', undefined, 'write'],
    ['Object.create', undefined, null],
    ['sinon.sandbox.create', undefined, null],
    ['faker.internet.email', undefined, null],
    ['login', undefined, null],
    ['users.map', undefined, null],
    ['container.getConnectionUri', undefined, null],
    // A getter hands back something to make records with; it makes none itself.
    ['orm.em.getEntityFactory', undefined, null],
    ['registry.getFactory', undefined, null],
    ['factories.user', undefined, 'data'],
    // A holder of test doubles makes stand-ins in memory.
    ['helpers.mocks.create', undefined, null],
    // Connecting opens something, whatever it connects to.
    ['helpers.connectSocketIO', undefined, 'infrastructure'],
    ['connectToDatabase', undefined, 'infrastructure'],
    ['fakes.order.build', undefined, null],
  ])('%s %s → %s', (chain, text, expected) => {
    expect(classifyCall(facts(chain, text))).toBe(expected);
  });
});

describe('classifyFunctionName', () => {
  it.each<[string, CallRole | null]>([
    ['createUser', 'data'],
    ['givenAnOrder', 'data'],
    ['createAppointment', 'data'],
    ['createUserSession', 'data'],
    ['createApp', 'infrastructure'],
    ['startTestServer', 'infrastructure'],
    ['getConnection', 'infrastructure'],
    ['createWorker: a worker that runs jobs', 'infrastructure'],
    ['createInnerTRPCContext: the context requests run in', 'infrastructure'],
    ['createTestCaller: a caller of the app', 'infrastructure'],
    ['createSequelize: a client named for its library', 'infrastructure'],
    ['buildMongoose', 'infrastructure'],
    ['createForm: a word that only ends in a library-like name', 'data'],
    ['resetDb', 'cleanup'],
    ['deleteUser', 'cleanup'],
    ['create', 'data'],
    ['render', null],
    ['basicSeed: a routine named for the seed it plants', 'data'],
    ['usersSeed', 'data'],
    ['databaseSeeder', 'data'],
    ['randomSeed: a seed for a random generator', null],
    ['getSeed: a seed looked up', null],
    ['seedless', null],
  ])('%s → %s', (name, expected) => {
    expect(classifyFunctionName(name.split(':')[0] as string)).toBe(expected);
  });
});

describe('classifySql and sqlTable', () => {
  it.each<[string, CallRole | null, string | null]>([
    ['INSERT INTO users (email) VALUES ($1)', 'data', 'users'],
    ['  insert into public."Orders" default values', 'data', 'orders'],
    ['DELETE FROM users WHERE id = $1', 'cleanup', 'users'],
    ['TRUNCATE TABLE orders CASCADE', 'cleanup', 'orders'],
    ['TRUNCATE `line_items`', 'cleanup', 'line_items'],
    ['UPDATE users SET name = $1', 'write', 'users'],
    ['SELECT * FROM users', null, null],
  ])('%s → %s on %s', (text, role, table) => {
    expect(classifySql(text)).toBe(role);
    expect(sqlTable(text)).toBe(table);
  });
});

describe('classifyValueName', () => {
  it.each<[string, 'infrastructure' | null]>([
    ['pool', 'infrastructure'],
    ['redisClient', 'infrastructure'],
    ['baseUrl', 'infrastructure'],
    ['baseURL', 'infrastructure'],
    ['DATABASE_URL', 'infrastructure'],
    ['dbConfig', 'infrastructure'],
    ['connectionString', 'infrastructure'],
    ['dataSource', 'infrastructure'],
    ['options', 'infrastructure'],
    ['authHeaders', 'infrastructure'],
    ['ports', 'infrastructure'],
    ['sequelize', 'infrastructure'],
    ['mikroOrm', 'infrastructure'],
    ['form', null],
    ['user', null],
    ['users', null],
    ['address', null],
    ['fixture', null],
    ['orderItems', null],
    ['status', null],
  ])('%s → %s', (name, expected) => {
    expect(classifyValueName(name)).toBe(expected);
  });
});

describe('schemaWorkOf, as no-shared-test-data asks it: schema work or not', () => {
  it.each<[string, string | undefined, boolean]>([
    ['orm.schema.create', undefined, true],
    ['orm.schema.refresh', undefined, true],
    ['knex.schema.createTable', undefined, true],
    ['queryRunner.createTable', undefined, true],
    ['dataSource.synchronize', undefined, true],
    ['knex.migrate.latest', undefined, true],
    ['createCompositeKeyTable', undefined, true],
    ['dropTables', undefined, true],
    ['ensureSchema', undefined, true],
    ['pool.query', 'CREATE TABLE parcels (id serial)', true],
    ['pool.query', 'alter table parcels add column weight int', true],
    ['pool.query', 'INSERT INTO parcels DEFAULT VALUES', false],
    ['prisma.parcel.create', undefined, false],
    ['createParcel', undefined, false],
    ['createUsers', undefined, false],
    ['insertTablesData', undefined, false],
  ])('%s (%s) → %s', (chain, text, expected) => {
    expect(schemaWorkOf(facts(chain, text)) !== null).toBe(expected);
  });
});

describe('names of factories', () => {
  it.each<[string, boolean]>([
    ['createSubscriber', true],
    ['createFeature', true],
    ['registerCustomer', true],
    ['createQueryBuilder', false],
    ['createQueryRunner', false],
    ['createNestApplication', false],
    ['createSandbox', false],
    ['createCaller: a caller of the app, as tRPC routers make', false],
    ['createTable', false],
    ['create', false],
    ['addService: code a server runs, not a record', false],
    ['addRoute', false],
    ['registerInterceptor', false],
  ])('method %s names a record: %s', (name, expected) => {
    expect(namesRecordFactoryMethod(name.split(':')[0] as string)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['createGetActiveUsers', true],
    ['makeSendInvoice', true],
    ['createAdmin', true],
    ['buildOrderService', true],
    ['createUser', false],
    ['createOrders', false],
    ['createAdminWithPermissions', false],
  ])('%s names code rather than a record: %s', (name, expected) => {
    expect(namesComponentFactory(name)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['/api/v1/auth/email/login', true],
    ['/sessions', true],
    ['/oauth/token?grant=client', true],
    ['/api/v1/auth/email/register', false],
    ['/api/tokens-report/export', false],
    ['/api/users', false],
  ])('request path %s signs in: %s', (path, expected) => {
    expect(namesAuthenticationPath(path)).toBe(expected);
  });
});

describe('a chain that only renders its query', () => {
  it.each(['knex.insert.toSQL', 'db.insertInto.values.compile', 'repo.save.toString'])('%s writes nothing', (chain) => {
    expect(classifyCall(facts(chain))).toBeNull();
  });
});

describe('handsBackClient', () => {
  it.each(['getConnection', 'connect', 'fork', 'db', 'getClient', 'acquireConnection', 'getDatabase'])('%s hands back a client', (method) => {
    expect(handsBackClient(method)).toBe(true);
  });

  it.each(['save', 'findOne', 'query', 'execute', 'getTimezone', 'insertOne', 'connectionString'])('%s hands back data', (method) => {
    expect(handsBackClient(method)).toBe(false);
  });
});

describe('namesTestDouble', () => {
  it.each<[string, boolean]>([
    ['FakeQueueProvider', true],
    ['InMemoryOrders', true],
    ['mockMailer', true],
    ['stubGateway', true],
    ['createFakeGateway', true],
    ['QueueProvider', false],
    ['faker', false],
    ['createGateway', false],
  ])('%s → %s', (name, expected) => {
    expect(namesTestDouble(name)).toBe(expected);
  });
});
