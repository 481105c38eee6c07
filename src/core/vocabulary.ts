/**
 * One shared vocabulary for what a call does to a boundary, decided from names alone so that any
 * language front end can feed it. Rules combine the answer with where the receiver came from.
 */

/**
 * - `data`: creates test data (rows, documents, entities, factory objects);
 * - `write`: another write to a boundary (publish a message, set a cache key, upload an object);
 * - `infrastructure`: builds or connects infrastructure (pools, clients, containers, servers);
 * - `cleanup`: removes what tests wrote (rollback, truncate, delete, flush, purge, drop);
 * - `stop`: stops a container or server (cleanup only when the container holds the data);
 * - `close`: closes a connection, which keeps the data: not cleanup.
 */
export type CallRole = 'data' | 'write' | 'infrastructure' | 'cleanup' | 'stop' | 'close';

/** A call, reduced to names. */
export interface CallFacts {
  /**
   * Names along the callee chain, root first: `prisma.user.create()` → `['prisma', 'user', 'create']`,
   * `db.insertInto('t').values(v).execute()` → `['db', 'insertInto', 'values', 'execute']`.
   */
  readonly segments: readonly string[];
  /** Which segments were invoked with `new` (`new Pool()` → the `Pool` segment). */
  readonly constructed?: ReadonlySet<number>;
  /** Which segments were called (`knex('t').insert(r)` → both); only labels use it. */
  readonly called?: ReadonlySet<number>;
  /** The leading text of the first string or template argument, for SQL written by hand. */
  readonly text?: string;
  /**
   * Keys of an object-literal argument whose value is not literally `false`: `{ where: {}, truncate: true }`
   * gives `where` and `truncate`. Some verbs change meaning with their options (`sync({ force: true })`).
   */
  readonly options?: ReadonlySet<string>;
  /** Whether the first argument is literally `true`: `synchronize(true)` drops before it builds. */
  readonly firstArgumentTrue?: boolean;
}

const METHOD_ROLES: ReadonlyMap<string, CallRole> = new Map<string, CallRole>([
  // data
  ...(
    [
      'create', 'createMany', 'createManyAndReturn', 'insert', 'insertOne', 'insertMany', 'insertInto',
      'save', 'persist', 'persistAndFlush', 'upsert', 'bulkCreate', 'bulkInsert', 'bulkWrite', 'seed',
      'putItem', 'batchWrite',
      'createOne', 'createList',
    ] as const
  ).map((name) => [name, 'data'] as const),
  // other writes
  ...(
    [
      'publish', 'sendToQueue', 'produce', 'sendMessage', 'sendMessageBatch', 'sendMail', 'enqueue',
      'set', 'setex', 'hset', 'hmset', 'lpush', 'rpush', 'sadd', 'zadd', 'xadd', 'mset',
      'putObject', 'upload', 'uploadFile',
    ] as const
  ).map((name) => [name, 'write'] as const),
  // infrastructure
  ...(
    [
      'connect', 'initialize', 'start', 'listen', 'createPool', 'createConnection', 'createClient',
      'createServer', 'createDataSource', 'createKysely', 'setupServer', 'setupWorker', 'knex', 'drizzle',
      'postgres', 'startContainer', 'getConnection', 'createTestingModule', 'up', 'useContainer',
      '$connect',
    ] as const
  ).map((name) => [name, 'infrastructure'] as const),
  // cleanup
  ...(
    [
      'rollback', 'truncate', 'deleteMany', 'deleteFrom', 'delete', 'del', 'deleteOne', 'remove',
      'removeAll', 'clear', 'flushall', 'flushAll', 'flushdb', 'flushDb', 'purge', 'purgeQueue',
      'drop', 'dropDatabase', 'dropCollection', 'dropTable', 'deleteObject', 'deleteObjects',
      'nativeDelete', 'rollbackTransaction', 'abortTransaction',
      'deleteQueue', 'deleteTopics', 'deleteTopicRecords', 'deleteFiles', 'deleteBucket', 'clearDatabase',
      'refreshDatabase', 'obliterate', 'deleteAll', 'clean', 'cleanup', 'cleanUp', 'reset',
    ] as const
  ).map((name) => [name, 'cleanup'] as const),
  // stop
  ...(['stop', 'down'] as const).map((name) => [name, 'stop'] as const),
  // close
  ...(
    ['end', 'destroy', '$disconnect', 'disconnect', 'close', 'quit', 'shutdown', 'release', 'closeAll'] as const
  ).map((name) => [name, 'close'] as const),
]);

/** Helpers named for ending something that are not themselves a client's method: `teardown`, `closeClient`, `destroyApp`. */
const ENDING_HELPER = /^(?:destroy|close|end|quit|disconnect|stop|teardown|tearDown|dispose|shutdown|terminate)(?:All|Instance|App|Server|Client|Connection)?$/;

/**
 * Whether a call's name says it ends what it is handed or called on: a client's closing or stopping
 * method (`end`, `destroy`, `$disconnect`, `stop`), or a helper named for it (`closeClient`).
 */
export function namesEnding(name: string): boolean {
  const role = METHOD_ROLES.get(name);
  return role === 'close' || role === 'stop' || ENDING_HELPER.test(name);
}

const CLASS_NAME = /^[A-Z]/;

/** Constructors that build infrastructure. */
const INFRASTRUCTURE_CLASS = /(?:Client|Pool|Container|DataSource|Connection|Environment|Server|Agent|Cluster|ReplSet)$|^(?:Sequelize|Redis|Valkey|Memcached|Etcd3|Kafka|Kysely|Knex|Queue|Worker|MongoClient|Producer|Consumer|Pool|Storage|PubSub|S3|Minio)$/;

/**
 * Calls whose receiver decides what they do, where the method name alone would mislead:
 * `axios.create()` makes an HTTP client, not a row; `Object.create()` makes a plain object.
 */
const QUALIFIED_ROLES: ReadonlyMap<string, CallRole | null> = new Map<string, CallRole | null>([
  ['axios.create', 'infrastructure'],
  ['ky.create', 'infrastructure'],
  ['ky.extend', 'infrastructure'],
  ['got.extend', 'infrastructure'],
  ['NestFactory.create', 'infrastructure'],
  ['Object.create', null],
  ['migrator.create', null],
  ['sandbox.create', null],
]);

/** Helper names the project writes itself: `createUser`, `seedOrders`, `truncateTables`, `resetDb`. */
const FACTORY_FUNCTION = /^(?:create|make|build|seed|insert|given|add)[A-Z0-9_]/;
/**
 * `createLocalReq`, `buildRequest`, `makeTestModule`, `createUserId`: a `create…`, `make…` or `build…`
 * helper named for an object of the running process (a request, a handler, a testing module, a spy, an
 * id), which no store keeps. Narrower than what a method may build ({@link NOT_A_RECORD}): a project's
 * `createEvent(…)` or `createSession(…)` helper usually inserts a row. Contexts, loggers and streams
 * are infrastructure already ({@link INFRASTRUCTURE_FUNCTION}, read first).
 */
const IN_PROCESS_BUILD =
  /^(?:create|make|build)(?:[A-Z0-9_][A-Za-z0-9_]*?)?(?:Request|Req|Response|Res|Handler|Middleware|Router|Module|Mock|Spy|Stub|Matcher|Builder|Runner|Timer|Clock|Sandbox|Promise|Iterator|Interceptor|Listener|Selector|Proxy|Buffer|Hash|Signature|Uuid|Id)s?$/;
/** `basicSeed(sc)`, `usersSeed(client)`: a routine named for the seed it plants, as its last word. */
const SEED_ROUTINE = /^[a-z][A-Za-z0-9]*(?:Seed|Seeds|Seeder)$/;
/** `randomSeed()`, `getSeed()`: a seed for a random generator, or one looked up. */
const NUMBER_SEED = /^(?:random|rand|generate|get|next|prng|rng)[A-Z]/;
/** `createTestDb`, `buildHttpClient`, `makeUserRepository`, `createPaymentsEmulator`, `createCache`, `makeCtx`: the last word names what is built. */
const INFRASTRUCTURE_FUNCTION = /^(?:create|make|build|start|get|setup|new)[A-Za-z0-9]*?(?:Db|Database|Pool|Connection|Client|Server|App|Application|Container|DataSource|Knex|Prisma|Sequelize|Mongoose|Kysely|Drizzle|TypeOrm|Mongo|Sqlite|Postgres|Mysql|Redis|Broker|Queue|Kafka|Infrastructure|Api|Sdk|Service|Repository|Repo|Gateway|Adapter|Config|Configuration|Options|Settings|Env|Environment|Url|Uri|Transport|Producer|Consumer|Channel|Driver|Engine|Cluster|Network|Dir|Directory|Stream|Logger|Worker|Context|Ctx|Cache|Caller|Emulator|Simulator)s?$/i;
const CLEANUP_FUNCTION = /^(?:truncate|clean|cleanup|reset|reload|wipe|clear|purge|drop|rollback|empty|delete|remove)(?:[A-Z0-9_]|$)/;
const FACTORY_RECEIVER = /(?:factory|factories)$/i;
/** A function or method named for connecting to something. */
const CONNECTING = /^connect[A-Z0-9_]/;
/** `Character`, `UserModel`, `Modules.PAYMENT`'s `Modules`: a name written like a class's, which holds a class, a model or a registry, not a value a test makes. */
export function namesClassLike(name: string): boolean {
  return /^[A-Z][a-z0-9]/.test(name);
}

/**
 * Whether a name is written the way projects name their test doubles: a class (`FakeQueue`,
 * `InMemoryOrders`, `MockMailer`), a value (`fakeProvider`, `stubGateway`) or a function that makes
 * one (`createFakeGateway`).
 */
export function namesTestDouble(name: string): boolean {
  // The next word starts with a capital, so `faker` and `mocha` are not doubles.
  return /^(?:[Ff]ake|[Mm]ock|[Ss]tub|[Dd]ummy|[Ii]nMemory)[A-Z0-9_]/.test(name) || /^(?:create|make|build)(?:Fake|Mock|Stub|InMemory)[A-Z]/.test(name);
}

/**
 * Methods that tell a test double what to answer (Jest and Vitest mocks, sinon stubs, Jasmine spies):
 * a chain ending in one names the verb it stubs without calling it.
 */
const DOUBLE_ANSWERS = /^(?:mock(?:ResolvedValue|RejectedValue|ReturnValue|Implementation)(?:Once)?|mockReturnThis|resolves|rejects|returns|returnsArg|returnsThis|callsFake|callThrough|throws|yields|callFake|returnValue|returnValues|resolveTo|rejectWith)$/;
/** A receiver that holds test doubles: what it makes is a stand-in, not a record. */
const DOUBLES_HOLDER = /^(?:mocks?|fakes?|stubs?|dummy|dummies|doubles)$/i;
/** `getEntityFactory()`, `getFactory()`: a getter hands back a handle to make things with; it makes nothing itself. */
const GETTER = /^get[A-Z]/;
/** What a factory builds in memory without saving: `userFactory.build()`, `Factory.Group.makeOne()`, `attributesFor('user')`. */
const IN_MEMORY_BUILD = /^(?:build|make|attributesFor)(?:[A-Z]|$)/;
/**
 * Methods of a project's own test helpers that say what they empty: `testDb.resetDatabase()`,
 * `helpers.truncateTables()`. The store must be named, so `server.resetHandlers()` and
 * `jest.clearAllMocks()` stay out.
 */
const CLEANUP_METHOD = /^(?:truncate|clean|cleanUp|cleanup|reset|wipe|clear|purge|drop|empty)(?:All)?(?:Db|Database|Tables?|Collections?|Data|Schema|Store|Redis|Cache|Queues?|Buckets?|Records|Rows)$/;
/** Methods that run hand-written SQL: their role comes from the text. */
const SQL_RUNNERS: ReadonlySet<string> = new Set([
  'query', 'execute', 'exec', 'raw', 'run', 'unsafe', 'sql', 'command',
  '$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe',
]);

/** Whether a method runs hand-written SQL (`query`, `execute`, `$executeRaw`): what it does depends on the text. */
export function runsSql(name: string): boolean {
  return SQL_RUNNERS.has(name);
}

/**
 * Verbs whose role depends on their options: Sequelize's `Model.destroy({ where })` deletes rows
 * (while `knex.destroy()` closes the pool), and `sequelize.sync({ force: true })` drops the tables.
 */
const ROLES_BY_OPTION: ReadonlyMap<string, { readonly options: readonly string[]; readonly role: CallRole }> = new Map([
  ['destroy', { options: ['where', 'truncate'], role: 'cleanup' as const }],
  ['sync', { options: ['force'], role: 'cleanup' as const }],
]);

/** The role of hand-written SQL, from its leading keyword. */
export function classifySql(text: string): CallRole | null {
  const sql = text.trimStart().toUpperCase();
  if (/^(?:TRUNCATE|DELETE\s+FROM|DROP\s|ROLLBACK)/.test(sql)) return 'cleanup';
  if (/^(?:INSERT\s|UPSERT\s|COPY\s)/.test(sql)) return 'data';
  if (/^(?:UPDATE\s)/.test(sql)) return 'write';
  return null;
}

/**
 * The table hand-written SQL writes to or removes from, lower-cased and without schema or quotes:
 * `INSERT INTO public."Users" …` → `users`. `null` for other statements.
 */
export function sqlTable(text: string): string | null {
  const match = /^\s*(?:INSERT\s+INTO|UPSERT\s+INTO|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?(?:\s+ONLY)?|UPDATE(?:\s+ONLY)?|COPY)\s+([\w$."`[\]]+)/i.exec(text);
  if (!match?.[1]) return null;
  const parts = match[1].split('.');
  const table = (parts[parts.length - 1] ?? '').replace(/["`[\]]/g, '').toLowerCase();
  return table === '' ? null : table;
}

/**
 * What a call does, or `null` when its names say nothing about boundaries.
 * The last segment with a role decides, so builder chains keep the verb they were built around:
 * `db.insertInto('t').values(v).execute()` is `data`, `knex('t').where(w).del()` is `cleanup`.
 */
export function classifyCall(facts: CallFacts): CallRole | null {
  const { segments, constructed } = facts;
  const last = segments[segments.length - 1];
  if (last === undefined) return null;
  if (BUILD_ONLY_METHODS.has(last)) return null;
  // `repo.create.mockResolvedValue(user)`, `stub.save.resolves()`: what a test double answers, not a call of the verb.
  if (segments.length > 1 && DOUBLE_ANSWERS.test(last)) return null;
  // `helpers.mocks.create()`, `fakes.order()`: a holder of test doubles builds stand-ins in memory.
  for (let index = 0; index < segments.length - 1; index++) if (DOUBLES_HOLDER.test(segments[index] as string)) return null;

  if (facts.text !== undefined && SQL_RUNNERS.has(last)) {
    const sqlRole = classifySql(facts.text);
    if (sqlRole) return sqlRole;
  }
  const byOption = ROLES_BY_OPTION.get(last);
  if (byOption && facts.options && byOption.options.some((option) => facts.options?.has(option))) return byOption.role;

  // `create.getStorageOptions('minio')`: a getter called on a variable hands back what exists,
  // whatever the variable is named.
  const receiverOfGetter = segments.length > 1 && GETTER.test(last) && facts.called !== undefined && !facts.called.has(0) && !constructed?.has(0);
  for (let index = segments.length - 1; index >= 0; index--) {
    const name = segments[index] as string;
    if (index === 0 && receiverOfGetter) continue;
    if (constructed?.has(index)) {
      if (INFRASTRUCTURE_CLASS.test(name)) return 'infrastructure';
      continue;
    }
    const receiver = index > 0 ? segments[index - 1] : undefined;
    if (receiver !== undefined) {
      const qualified = `${receiver}.${name}`;
      if (QUALIFIED_ROLES.has(qualified)) return QUALIFIED_ROLES.get(qualified) ?? null;
      // A static factory on an infrastructure class: `MongoMemoryServer.create()`.
      // `TestWorkflowEnvironment.createLocal()` too: what such a class makes is more of its kind.
      if (!constructed?.has(index - 1) && CLASS_NAME.test(receiver) && INFRASTRUCTURE_CLASS.test(receiver) && (METHOD_ROLES.get(name) === 'data' || namesRecordFactoryMethod(name))) {
        return 'infrastructure';
      }
    }
    const role = METHOD_ROLES.get(name);
    if (role) return role;
    // `helpers.connectSocketIO()`, `connectToDatabase()`: connecting opens something.
    if (index === segments.length - 1 && CONNECTING.test(name)) return 'infrastructure';
    if (index === 0 && segments.length === 1) return classifyFunctionName(name);
    if (index > 0 && CLEANUP_METHOD.test(name)) return 'cleanup';
    // `userFactory.create()` makes a record; `getUserFactory()` and `StorageFactory.getInstance()` hand back what exists.
    if (FACTORY_RECEIVER.test(name) && !GETTER.test(last)) return IN_MEMORY_BUILD.test(last) ? null : 'data';
  }
  return null;
}

/** Whether a call has a factory build an object in memory without saving it: `userFactory.build()`, `Factory.Group.makeOne()`. */
export function buildsInMemory(facts: CallFacts): boolean {
  const { segments } = facts;
  const last = segments[segments.length - 1];
  if (last === undefined || !IN_MEMORY_BUILD.test(last)) return false;
  for (let index = 0; index < segments.length - 1; index++) if (FACTORY_RECEIVER.test(segments[index] as string)) return true;
  return false;
}

/** The role of a free function the project wrote itself, judged by its name. */
export function classifyFunctionName(name: string): CallRole | null {
  if (INFRASTRUCTURE_FUNCTION.test(name)) return 'infrastructure';
  if (CLEANUP_FUNCTION.test(name)) return 'cleanup';
  if (FACTORY_FUNCTION.test(name)) return IN_PROCESS_BUILD.test(name) ? null : 'data';
  if (SEED_ROUTINE.test(name) && !NUMBER_SEED.test(name)) return 'data';
  return METHOD_ROLES.get(name) ?? null;
}

/** A function named for deleting somewhere in its name (`projectDeleteProcessor`, `processAccountRemoval`), not a question about it. */
const DELETING_WORD = /(?:Delete|Deletion|Remove|Removal|Purge|Erase)(?:[A-Z0-9_]|s?$)/;
const QUESTION = /^(?:is|can|should|has|was|will|expect|assert|get|find|list|count|check|verify|validate|mock|stub|spy)[A-Z]/;

/**
 * Whether a function of the project's is named for deleting something, though not first
 * (`projectDeleteProcessor`, `handleUserRemoval`): run by a test, it is the code under test removing data.
 */
export function namesDeletingFunction(name: string): boolean {
  return DELETING_WORD.test(name) && !QUESTION.test(name) && !CLEANUP_FUNCTION.test(name);
}

/** Whether a role writes to a boundary (what `require-cleanup` looks for). */
export function isWrite(role: CallRole | null): boolean {
  return role === 'data' || role === 'write';
}

/**
 * Words that name infrastructure or configuration when they end a binding's name: `pool`,
 * `redisClient`, `baseUrl`, `dbConfig`, `DATABASE_URL`. Used where there is no call to judge,
 * such as a literal assigned in a setup hook: `config = { url }` is configuration, not test data.
 */
const INFRASTRUCTURE_WORDS: ReadonlySet<string> = new Set([
  'config', 'configuration', 'options', 'opts', 'settings', 'env', 'environment', 'url', 'uri', 'dsn',
  'pool', 'client', 'db', 'database', 'container', 'server', 'app', 'application', 'connection',
  'datasource', 'knex', 'prisma', 'sequelize', 'mongoose', 'orm', 'kysely', 'drizzle', 'mongo', 'sqlite',
  'redis', 'channel', 'producer', 'consumer', 'agent', 'driver', 'engine', 'transport', 'port', 'host',
  'credentials', 'headers', 'network', 'cluster', 'api', 'sdk', 'service', 'repository', 'repo', 'gateway',
  'adapter', 'infrastructure', 'infra', 'connectionstring', 'baseurl', 'logger',
]);

/** The role a binding's name gives its value: `infrastructure` for handles and configuration. */
export function classifyValueName(name: string): 'infrastructure' | null {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_$]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
  const last = words[words.length - 1];
  if (last === undefined) return null;
  const tail = last.endsWith('s') && !INFRASTRUCTURE_WORDS.has(last) ? last.slice(0, -1) : last;
  if (INFRASTRUCTURE_WORDS.has(tail)) return 'infrastructure';
  // `connectionString` and `dataSource`, written as two words.
  return INFRASTRUCTURE_WORDS.has(words.slice(-2).join('')) ? 'infrastructure' : null;
}

/**
 * Where a write lands, as far as names can tell (`null` when the call is not a write):
 * - `receiver`: a method of some object (`pool.query(…)`, `redis.set(…)`, `map.set(…)`); it writes to a
 *   boundary only when that object comes from one;
 * - `argument`: a helper the project wrote (`createUser(pool, …)`); it writes to a boundary only when
 *   it comes from a boundary module or is handed a boundary value;
 * - `named`: the names alone say it persists: hand-written `INSERT`/`UPDATE` SQL, a factory's persisting
 *   verb (`userFactory.create()`, while `userFactory.build()` stays in memory), `seedUsers()`.
 */
export type WriteTarget = 'receiver' | 'argument' | 'named';

const PERSISTING_FUNCTION = /^(?:seed|insert|persist)(?:[A-Z0-9_]|$)/;

export function writeTargetOf(facts: CallFacts): WriteTarget | null {
  const role = classifyCall(facts);
  if (!isWrite(role)) return null;
  const { segments } = facts;
  const last = segments[segments.length - 1] as string;
  if (facts.text !== undefined && SQL_RUNNERS.has(last) && isWrite(classifySql(facts.text))) return 'named';
  if (segments.length === 1) return PERSISTING_FUNCTION.test(last) ? 'named' : 'argument';
  const factory = segments.slice(0, -1).find((name) => FACTORY_RECEIVER.test(name));
  if (factory !== undefined) {
    // `loggerFactory.create()` and `ConnectionFactory.create()` build infrastructure, not rows.
    const made = factory.replace(FACTORY_RECEIVER, '');
    if (made !== '' && classifyValueName(made) === 'infrastructure') return null;
    return METHOD_ROLES.get(last) === 'data' ? 'named' : null;
  }
  return 'receiver';
}

/** Methods that, called on an instance, may borrow a connection from a pool rather than open one. */
const CHECKOUT_METHODS: ReadonlySet<string> = new Set(['connect', 'getConnection', 'acquire']);

/**
 * Whether a call may only check a connection out of a pool built elsewhere: `pool.connect()` and
 * `pool.getConnection()` are the per-test transaction pattern, not new infrastructure. The same names
 * called on a module (`mongoose.connect(url)`) do open a connection; callers tell the two apart.
 */
export function mayCheckOutConnection(facts: CallFacts): boolean {
  const { segments, constructed } = facts;
  const index = segments.length - 1;
  return index >= 1 && CHECKOUT_METHODS.has(segments[index] as string) && !(constructed?.has(index) ?? false);
}

/** Methods that hand a borrowed connection back to its pool: the pool stays open. */
const CHECKIN_METHODS: ReadonlySet<string> = new Set(['release', 'releaseConnection']);

/** Whether a call only returns a borrowed connection (`client.release()`), which closes nothing shared. */
export function isConnectionCheckIn(facts: CallFacts): boolean {
  return CHECKIN_METHODS.has(facts.segments[facts.segments.length - 1] as string);
}

/**
 * Connection strings and file names that keep a database in the test's own memory. Each names
 * `memory`: require-cleanup reads a file's strings for them only when its text has that word
 * (`DATABASE_STRING_WORDS`).
 */
const IN_MEMORY_STORE = /:memory:|[?&]mode=memory\b|^memory:\/\//;

/**
 * Whether a configuration string names a database that lives in memory (`':memory:'`,
 * `'sqlite::memory:'`, `'file::memory:?cache=shared'`, PGlite's `'memory://'`): a fresh one per test is how such tests stay apart.
 */
export function namesInMemoryStore(text: string): boolean {
  return IN_MEMORY_STORE.test(text);
}

/** Options that name where an embedded SQLite database keeps its file. */
const SQLITE_FILE_KEYS: ReadonlySet<string> = new Set(['storage', 'host']);

/**
 * Whether an options object sets up SQLite without naming a file, which Sequelize opens in memory
 * (`{ dialect: 'sqlite', logging: false }`). `keys` are the object's own keys, `null` when some of
 * them cannot be read (a spread, a computed key).
 */
export function defaultsToMemory(dialect: string | null, keys: readonly string[] | null): boolean {
  return dialect === 'sqlite' && keys !== null && !keys.some((key) => SQLITE_FILE_KEYS.has(key));
}

/**
 * A short label for a call in messages, arguments elided: `pool.query()`, `new Pool()`,
 * `new PostgreSqlContainer().start()`, `knex().insert()`. Without `called`, only the last segment is called.
 */
export function callLabel(facts: CallFacts): string {
  const { segments, constructed, called } = facts;
  const last = segments.length - 1;
  let label = '';
  for (let index = 0; index <= last; index++) {
    label = label === '' ? (segments[index] as string) : `${label}.${segments[index]}`;
    if (constructed?.has(index)) label = `new ${label}()`;
    else if (called ? called.has(index) : index === last) label = `${label}()`;
  }
  return label;
}

/**
 * Schema work: building or resetting the tables tests write to (or an object store's buckets), which
 * is infrastructure rather than test data. A chain through a schema or migration namespace (`orm.schema.create()`,
 * `knex.schema.createTable()`, `knex.migrate.latest()`), a schema-building method
 * (`queryRunner.createTable()`, `dataSource.synchronize()`), a helper named for it (`createUsersTable()`,
 * `dropTables()`), or hand-written SQL that starts with `CREATE`, `ALTER` or `DROP`.
 */
const SCHEMA_NAMESPACES: ReadonlySet<string> = new Set(['schema', 'schemaGenerator', 'migrate', 'migrator', 'migrations']);
const SCHEMA_BUILD_METHODS: ReadonlySet<string> = new Set([
  'createTable', 'createTableIfNotExists', 'createSchema', 'createDatabase', 'createCollection', 'createIndex',
  'createIndexes', 'ensureIndexes', 'syncIndexes', 'createForeignKey', 'addColumn', 'alterTable', 'ensureDatabase',
  'updateSchema', 'synchronize', 'sync', 'createSchemaIfNotExists', 'runMigrations', 'pushSchema',
  // Making sure a place to write exists (a blob container, a bucket) is the same kind of set-up.
  'createIfNotExists', 'createBucket',
]);
/** Schema verbs that throw the old tables (and so the rows in them) away before tests write again. */
const SCHEMA_RESET_METHODS = /^(?:refresh|drop|clear|reset|truncate|recreate|reload|rollback|down$|undo)/;
/** Options that make a schema call empty the store first: `ensureDatabase({ clear: true })`, `dropSchema: true`. */
const RESETTING_OPTIONS: readonly string[] = ['clear', 'dropSchema', 'dropDb', 'force', 'drop', 'truncate'];

function hasResettingOption(options: ReadonlySet<string> | undefined): boolean {
  if (!options) return false;
  for (const option of RESETTING_OPTIONS) if (options.has(option)) return true;
  return false;
}

/**
 * What a call does to the schema: `build` creates or changes tables (not a write of test data),
 * `reset` drops or empties them (a reset, as good as cleanup), `null` when it is not schema work.
 */
export function schemaWorkOf(facts: CallFacts): 'build' | 'reset' | null {
  const { segments } = facts;
  const last = segments[segments.length - 1];
  if (last === undefined) return null;
  if (facts.text !== undefined && SQL_RUNNERS.has(last)) {
    const sql = facts.text.trimStart().toUpperCase();
    if (/^(?:CREATE|ALTER)\s/.test(sql)) return 'build';
    if (/^DROP\s/.test(sql)) return 'reset';
    // Other SQL is rows, whatever namespace sends it: `orm.schema.execute('insert into …')` seeds data.
    return null;
  }
  const resetting = facts.firstArgumentTrue === true || hasResettingOption(facts.options);
  if (segments.slice(0, -1).some((name) => SCHEMA_NAMESPACES.has(name))) {
    return SCHEMA_RESET_METHODS.test(last) || resetting ? 'reset' : 'build';
  }
  if (SCHEMA_BUILD_METHODS.has(last)) return resetting ? 'reset' : 'build';
  if (namesSchemaWork(last)) return SCHEMA_RESET_METHODS.test(last) ? 'reset' : 'build';
  const noun = segments.length > 1 ? headNoun(camelWords(segments[segments.length - 2] as string)) : undefined;
  // A call on a schema object itself: `testSchema.save()` stores the definition, `userSchema.add({…})` extends it.
  if (noun === 'schema' || noun === 'schemas') return SCHEMA_RESET_METHODS.test(last) || resetting ? 'reset' : 'build';
  // Making the place itself, on a value named for it: `bucket.create()`, `topic.create()`, `ordersTable.create()`, `testDb.create()`.
  // Deeper chains name a model of a client (`prisma.topic.create()` makes a row of the `topic` model).
  if (segments.length === 2 && noun !== undefined && PLACE_NOUNS.has(noun) && SCHEMA_BUILD_VERBS.has(last)) return resetting ? 'reset' : 'build';
  // Making one in a client's namespace of places, handed back by a call (`client.collections().create(schema)`)
  // or named for indices (`es.indices.create({ index })`). A model an ORM reads off its client as a
  // property may have a plural name (`db.topics.create()` makes a row), and is not called.
  const holder = segments.length - 2;
  const namespace = segments[holder];
  if (
    namespace !== undefined &&
    SCHEMA_BUILD_VERBS.has(last) &&
    (namespace === 'indices' || (PLACE_NAMESPACES.has(namespace) && facts.called?.has(holder) === true))
  ) {
    return resetting ? 'reset' : 'build';
  }
  return null;
}

/**
 * `ds.define('Employee', properties)`, `sequelize.define('user', attributes)`: a model defined by name
 * on a data source or an ORM, which maps a table in memory and sends nothing to the store.
 */
export function definesModel(facts: CallFacts): boolean {
  const { segments } = facts;
  return segments.length >= 2 && segments[segments.length - 1] === 'define' && facts.text !== undefined;
}

/** A client's namespace of places, by its plural name as written: `collections()`, `buckets()`. */
const PLACE_NAMESPACES: ReadonlySet<string> = new Set(['tables', 'buckets', 'topics', 'indexes', 'collections', 'views', 'datasets', 'keyspaces', 'databases']);

/** Words that start a qualifier after the noun a name is about: `bucketWithVersioning`, `tableForOrders`. */
const QUALIFYING_WORDS: ReadonlySet<string> = new Set(['with', 'without', 'for', 'of', 'from', 'by']);

/** The noun a name is about: its last word, or the last before a qualifier (`bucket` in `bucketWithVersioning`). */
function headNoun(words: readonly string[]): string | undefined {
  const qualifier = words.findIndex((word, index) => index > 0 && QUALIFYING_WORDS.has(word));
  return words[(qualifier === -1 ? words.length : qualifier) - 1];
}

/**
 * Places data goes that a receiver may be named for, whose bare `create()` makes the place rather
 * than a record in it: a part of a schema, or the database itself (`testDb.create()`).
 */
const PLACE_NOUNS: ReadonlySet<string> = new Set(['table', 'bucket', 'topic', 'index', 'view', 'collection', 'graph', 'dataset', 'keyspace', 'database', 'db']);
/** Verbs that make such a part when they are the whole method name. */
const SCHEMA_BUILD_VERBS: ReadonlySet<string> = new Set(['create', 'ensure', 'init', 'setup', 'define', 'build', 'make']);

/**
 * Calls that end a query-builder chain without running it: `db.update(t).set(v).toSQL()` only builds
 * the statement text to look at.
 */
const BUILD_ONLY_METHODS: ReadonlySet<string> = new Set([
  'toSQL', 'toSql', 'toQuery', 'toString', 'compile', 'getSQL', 'getSql', 'getQuery', 'getFormattedQuery',
  'getKnexQuery', 'toNative', 'getQueryAndParameters', 'getParameters', 'toSQLString',
]);

/** Whether a chain only builds a statement: it ends in a call that renders it rather than runs it. */
export function buildsOnly(facts: CallFacts): boolean {
  const last = facts.segments[facts.segments.length - 1];
  return last !== undefined && BUILD_ONLY_METHODS.has(last);
}

/**
 * A unit of work stages entities with `create()` or `persist()` and writes them only when `flush()`
 * runs: on a receiver that is flushed, staging is not a write, and `flush()` is.
 */
const STAGING_METHODS: ReadonlySet<string> = new Set(['create', 'persist', 'assign', 'merge']);
const UNIT_OF_WORK_COMMIT = 'flush';

/** Whether a call only stages entities in a unit of work (`em.create(User, {…})`, `em.persist(user)`). */
export function stagesOnly(facts: CallFacts): boolean {
  const last = facts.segments[facts.segments.length - 1];
  return last !== undefined && STAGING_METHODS.has(last);
}

/** Whether a call writes what a unit of work staged (`em.flush()`, `em.persist(user).flush()`). */
export function commitsUnitOfWork(facts: CallFacts): boolean {
  return facts.segments.length > 1 && facts.segments[facts.segments.length - 1] === UNIT_OF_WORK_COMMIT;
}

/** Packages whose databases live in the test process's memory, gone when it ends. */
export const IN_MEMORY_DATABASE_MODULES: ReadonlySet<string> = new Set(['@electric-sql/pglite', 'sql.js', 'pg-mem']);

/** Calls whose value differs on every run: a database named with one is made fresh for the file. */
export const RANDOM_VALUE_CALL = /(?:random|uuid|nanoid|cuid|ulid|^now$|hrtime)/i;

/** Option keys that name the database a connection opens. */
export const DATABASE_NAME_KEYS: ReadonlySet<string> = new Set(['dbName', 'database', 'databaseName', 'db', 'filename', 'storage']);

/** Option keys that give a connection URL, whose path names the database (`mongodb://host/orders_482`). */
export const DATABASE_URL_KEYS: ReadonlySet<string> = new Set(['clientUrl', 'connectionString', 'connectionUri', 'url', 'uri']);

/** The database a connection URL names: the first segment of its path, or `null` when it names none. */
export function databaseOfUrl(url: string): string | null {
  return /^[a-z][\w+.-]*:\/\/[^/?#]*\/([^/?#]+)/i.exec(url)?.[1] ?? null;
}

/**
 * The matchers that say a promise or function is expected to fail (`rejects`, `toThrow`,
 * `rejectedWith`): a write made inside one is expected not to land.
 */
export const REJECTION_MATCHERS: ReadonlySet<string> = new Set([
  'rejects', 'toThrow', 'toThrowError', 'rejected', 'rejectedWith', 'throws', 'throwsAsync', 'throw', 'toReject', 'toRejectWith',
]);

/**
 * Text anywhere in a template or string that removes rows, such as a shell command running
 * `gel query "DELETE default::users;"`. Upper case only, so prose ("delete the user") stays out.
 */
const REMOVING_TEXT = /\b(?:DELETE\s+(?:FROM\s+)?[\w."`:]+|TRUNCATE\b|DROP\s+(?:TABLE|SCHEMA|DATABASE|COLLECTION|TYPE)\b|FLUSHALL\b|FLUSHDB\b)/;

/** Whether text removes rows or tables wherever it stands in a command (`DELETE`, `TRUNCATE`, `DROP TABLE`). */
export function removesData(text: string): boolean {
  return REMOVING_TEXT.test(text);
}

/**
 * Methods that empty the whole store a client reaches, whatever was written there and however:
 * `redis.flushdb()`, `db.dropDatabase()`.
 */
const WHOLE_STORE_EMPTYING: ReadonlySet<string> = new Set(['flushall', 'flushAll', 'flushdb', 'flushDb', 'dropDatabase', 'clearDatabase']);

/**
 * Whether a call empties the whole store it reaches (of the boundary kind `kind`), so that in a test
 * it removes what the test wrote before it as well as after. A cache's `clear()` empties it
 * (`keyv.clear()`); elsewhere `clear()` may only forget what a client holds in the process
 * (`orm.em.clear()` empties an identity map, not the database).
 */
export function emptiesWholeStore(facts: CallFacts, kind: string | null): boolean {
  const last = facts.segments[facts.segments.length - 1];
  return last !== undefined && (WHOLE_STORE_EMPTYING.has(last) || (last === 'clear' && kind === 'cache'));
}

/**
 * Writing verbs that belong to one kind of boundary: `set` stores a cache key, but on a database
 * client's configuration (`orm.config.set()`) or a metadata map it writes nothing.
 */
const VERB_KINDS: ReadonlyMap<string, string> = new Map([
  ...['set', 'setex', 'hset', 'hmset', 'lpush', 'rpush', 'sadd', 'zadd', 'xadd', 'mset'].map((verb) => [verb, 'cache'] as const),
  ...['publish', 'sendToQueue', 'produce', 'sendMessage', 'sendMessageBatch', 'enqueue'].map((verb) => [verb, 'queue'] as const),
  ...['putObject', 'upload', 'uploadFile'].map((verb) => [verb, 'storage'] as const),
  ['sendMail', 'email'],
]);

/**
 * The boundary kind a call's writing verb belongs to (`redis.set()` → `cache`; SQL that writes,
 * `query('INSERT …')` → `database`), or `null` when any store takes it.
 */
export function writeVerbKind(facts: CallFacts): string | null {
  const last = facts.segments[facts.segments.length - 1];
  if (facts.text !== undefined && last !== undefined && SQL_RUNNERS.has(last) && isWrite(classifySql(facts.text))) return 'database';
  for (let index = facts.segments.length - 1; index >= 0; index--) {
    const name = facts.segments[index] as string;
    if (METHOD_ROLES.has(name)) return VERB_KINDS.get(name) ?? null;
  }
  return null;
}

/**
 * Words of test file names that say nothing about which database a file owns: `GH482.mysql.test.ts`
 * owns a database named after `482`, not after `mysql`.
 */
export const GENERIC_FILE_WORDS: ReadonlySet<string> = new Set([
  'test', 'tests', 'spec', 'specs', 'integration', 'unit', 'e2e', 'acceptance', 'index', 'main',
  'postgres', 'postgresql', 'mysql', 'mariadb', 'sqlite', 'mssql', 'oracle', 'mongo', 'mongodb', 'libsql',
  'database', 'schema', 'entity', 'entities', 'model', 'models', 'repository', 'service', 'issue', 'issues',
]);

/** Verbs that start a name of schema work: `createTable`, `dropTables`, `ensureSchema`, `recreateIndexes`. */
const SCHEMA_VERBS: ReadonlySet<string> = new Set(['create', 'drop', 'alter', 'ensure', 'recreate', 'setup', 'init', 'define', 'make', 'build']);
/** Words naming parts of a schema: `createCompositeKeyTable`, `createAllGeneratorsTables`, `createSchema`. */
const SCHEMA_NOUNS: ReadonlySet<string> = new Set([
  'table', 'tables', 'schema', 'schemas', 'index', 'indexes', 'indices', 'view', 'views', 'migration', 'migrations',
  'column', 'columns', 'constraint', 'constraints',
  'collection', 'collections', 'extension', 'extensions', 'trigger', 'triggers', 'enum', 'enums',
  // A model defined on a data source (`ds.createModel('Order', properties)`) maps a table; it holds no rows.
  'model', 'models',
  // An object store's bucket is to its objects what a table is to rows, and a broker's topic to its messages.
  'bucket', 'buckets', 'topic', 'topics',
  // A wide-column store's keyspace holds its tables. (A graph or a dataset named in a function may be
  // its records too: `createModernGraph()` loads vertices; only a bare `graph.create()` is the place.)
  'keyspace', 'keyspaces',
]);

const wordsOfName = new Map<string, readonly string[]>();

/** The lower-case words of a camelCase or snake_case name; names repeat across files, so they are split once. */
function camelWords(name: string): readonly string[] {
  let words = wordsOfName.get(name);
  if (!words) {
    if (wordsOfName.size > 20_000) wordsOfName.clear();
    words = splitWords(name);
    wordsOfName.set(name, words);
  }
  return words;
}

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_$]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/**
 * Verbs that attach a part to a schema when the part follows at once: `addIndex`, `addColumns`,
 * `registerModel`. Further on, the noun is where a record goes (`addRowToTable`, `addUserToCollection`).
 */
const ATTACHING_VERBS: ReadonlySet<string> = new Set(['add', 'register']);

/**
 * Whether a function or method name says it works on the schema: a schema verb, then a schema noun,
 * or an attaching verb with a schema noun right after it.
 */
export function namesSchemaWork(name: string): boolean {
  const [verb, ...rest] = camelWords(name);
  if (verb === undefined) return false;
  if (ATTACHING_VERBS.has(verb)) return rest[0] !== undefined && SCHEMA_NOUNS.has(rest[0]);
  return SCHEMA_VERBS.has(verb) && rest.some((word) => SCHEMA_NOUNS.has(word));
}

/** `createSubscriber`, `addMember`, `registerUser`: a method named for the record it makes. */
const FACTORY_METHOD = /^(?:create|add|insert|seed|register)[A-Z]/;
/** What such a method builds when it is not a record: a query, a handle, a piece of the runtime. */
const NOT_A_RECORD =
  /(?:Builder|Runner|Manager|Element|Node|Context|Instance|Module|Mock|Spy|Stub|Matcher|Stream|Hash|Hmac|Cipher|Decipher|Sign|Verify|Id|Uuid|Signature|Request|Req|Response|Res|Event|Selector|Logger|Router|Timer|Proxy|Promise|Iterator|Query|Ref|Handler|Middleware|Service|Route|Interceptor|Controller|Resolver|Interface|Socket|Url|URL|Session|Hook|Listener|Fixture|Spec|Test|Type|Plugin|Reporter|Command|Sandbox|Clock|Fake|Server|Worker|Caller|Directory|Dir|File|Buffer|Blob|Canvas|Image|Window)s?$/;

/**
 * Whether a method creates a record by its name alone (`subscriberService.createSubscriber()`,
 * `app.createFeature(…)`), for receivers whose names say nothing. Handles, builders and schema
 * (`createQueryBuilder`, `createNestApplication`, `createTable`) are not records.
 */
export function namesRecordFactoryMethod(name: string): boolean {
  return FACTORY_METHOD.test(name) && !NOT_A_RECORD.test(name) && !INFRASTRUCTURE_FUNCTION.test(name) && !namesSchemaWork(name);
}

/** Verbs that, right after `create`/`make`, name a function rather than a record: `createGetActiveUsers`. */
const FUNCTION_VERBS: ReadonlySet<string> = new Set([
  'get', 'find', 'list', 'fetch', 'load', 'count', 'send', 'handle', 'process', 'update', 'delete', 'remove', 'validate',
  'check', 'compute', 'calculate', 'resolve', 'parse', 'format', 'render', 'publish', 'notify', 'schedule', 'search',
  'query', 'read', 'write', 'run', 'execute', 'apply', 'map', 'transform', 'export', 'import',
]);
/** Nouns that end the name of a component built around a handle: `createAdmin(…)`, `makeOrderService(…)`. */
const COMPONENT_NOUNS: ReadonlySet<string> = new Set([
  'admin', 'service', 'handler', 'controller', 'manager', 'store', 'resolver', 'loader', 'reader', 'writer', 'runner',
  'middleware', 'router', 'scheduler', 'dispatcher', 'processor', 'facade', 'provider', 'validator', 'mapper',
  'tracker', 'module', 'command', 'job', 'cache', 'usecase',
]);

/**
 * Whether a factory's name says it builds code rather than a record: a function (`createGetActiveUsers`)
 * or a component (`createAdmin`, `makeOrderService`). Only telling when the call is handed nothing
 * but infrastructure: then it builds the code under test around that infrastructure.
 */
export function namesComponentFactory(name: string): boolean {
  const [verb, next, ...rest] = camelWords(name);
  if (verb === undefined || next === undefined || !['create', 'make', 'build', 'new'].includes(verb)) return false;
  const last = rest[rest.length - 1] ?? next;
  return FUNCTION_VERBS.has(next) || COMPONENT_NOUNS.has(last) || COMPONENT_NOUNS.has(`${rest[rest.length - 2] ?? ''}${last}`);
}

/** Paths that sign in rather than create a record: `/auth/login`, `/sessions`, `/oauth/token`. */
const AUTHENTICATION_PATH = /(?:^|\/)(?:log-?in|sign-?in|tokens?|sessions?|refresh)(?:[/?#]|$)/i;

/** Whether a request path signs in (a login, a token, a session) rather than creates test data. */
export function namesAuthenticationPath(path: string): boolean {
  return AUTHENTICATION_PATH.test(path);
}

/**
 * How a call opens something (a connection, a process, a port or a container):
 * - `opens`: it does, wherever its receiver comes from;
 * - `opens-container`: only when its receiver is a container (`environment.up()`, while
 *   `migrator.up()` runs migrations);
 * - `opens-when-connected`: a factory given no address (`mongoose.createConnection()`,
 *   `createClient()`) hands back a handle that opens only when it is connected;
 * - `null`: it opens nothing.
 */
export type Opening = 'opens' | 'opens-container' | 'opens-when-connected';

/** Methods that open something when they are the segment called. */
const OPENING_METHODS: ReadonlyMap<string, Opening> = new Map<string, Opening>([
  ...(
    [
      'connect', '$connect', 'initialize', 'start', 'listen', 'createPool', 'createConnection', 'createClient',
      'createDataSource', 'createKysely', 'knex', 'postgres', 'startContainer',
    ] as const
  ).map((name) => [name, 'opens'] as const),
  ['up', 'opens-container'],
]);

/** Factories that hand back a handle still to be opened when they are given no address or options. */
const UNOPENED_WHEN_BARE: ReadonlySet<string> = new Set(['createConnection', 'createClient']);

/** Methods that open a handle built earlier: `client.connect()`, `connection.openUri(url)`. */
const HANDLE_OPENERS: ReadonlySet<string> = new Set(['connect', '$connect', 'openUri', 'open']);

/** Whether calling this method on a handle opens it. */
export function opensHandle(method: string): boolean {
  return HANDLE_OPENERS.has(method);
}

/** Static factories that open what their class stands for. */
const STATIC_OPENERS: ReadonlySet<string> = new Set(['create', 'init', 'connect']);

/** Classes whose static factories open something: infrastructure classes, and ORMs (`MikroORM`). */
const OPENING_CLASS = new RegExp(`${INFRASTRUCTURE_CLASS.source}|ORM$`);

/** Functions a project or a library names for what they open: `createTestDatabase`, `startServer`. */
const OPENING_FUNCTION = /^(?:create|make|build|start|setup|new|open)[A-Za-z0-9]*?(?:Db|Database|Pool|Connection|Client|Server|Container|DataSource|Knex|Prisma|Redis|Broker|Queue|Kafka|Cluster|Producer|Consumer|Channel)s?$/;

/**
 * Whether a call opens something, judged by the segment it calls and nothing before it:
 * `orm.em.getConnection().execute()` runs a statement, `diff.up.includes()` reads an array,
 * `drizzle.mock()` builds a double, `getTableConfig()` reads metadata. `getConnection()` hands out a
 * connection that exists already. `argumentCount` is how many arguments the call is given.
 */
export function openingOf(facts: CallFacts, argumentCount: number): Opening | null {
  const { segments, constructed } = facts;
  const index = segments.length - 1;
  const name = segments[index];
  if (name === undefined) return null;
  if (constructed?.has(index)) return INFRASTRUCTURE_CLASS.test(name) ? 'opens' : null;
  const receiver = index > 0 ? (segments[index - 1] as string) : undefined;
  // A static factory on an infrastructure class: `MongoMemoryServer.create()`, `MikroORM.init()`.
  if (receiver !== undefined && STATIC_OPENERS.has(name) && !constructed?.has(index - 1) && CLASS_NAME.test(receiver) && OPENING_CLASS.test(receiver)) {
    return 'opens';
  }
  if (argumentCount === 0 && UNOPENED_WHEN_BARE.has(name)) return 'opens-when-connected';
  const method = OPENING_METHODS.get(name);
  if (method) return method;
  return index === 0 && OPENING_FUNCTION.test(name) ? 'opens' : null;
}

/** Members that hold a handle's own configuration: `orm.config`, `client.options`. */
const CONFIGURATION_MEMBERS: ReadonlySet<string> = new Set(['config', 'configuration', 'options', 'settings']);
/**
 * Methods that change how a handle itself behaves: `orm.discoverEntity(…)`, `client.setSchema(…)`,
 * `pool.reconfigure({ poolMax: 8 })`, `app.use(…)`. A bare `set` writes a value (`redis.set(key, value)`).
 */
const RECONFIGURING_METHOD = /^(?:(?:discover|register|configure|reconfigure|use)(?:[A-Z]|$)|set[A-Z])/;

/**
 * Whether a call made on a handle changes the handle itself rather than the data behind it, given
 * the names from the handle to the method called: `['discoverEntity']`, `['config', 'set']`.
 * `['set']` (`redis.set(key, value)`) writes data and is not.
 */
export function reconfiguresHandle(path: readonly string[]): boolean {
  const [first] = path;
  if (first === undefined) return false;
  if (CONFIGURATION_MEMBERS.has(first)) return path.length > 1;
  return path.length === 1 && RECONFIGURING_METHOD.test(first);
}

/**
 * Methods of a client that hand back a client again, not data: a connection, pool, session, driver
 * or database handle (`getConnection()`, `connect()`, `em.fork()`, `client.db('shop')`).
 */
const CLIENT_HANDING_METHOD = /^(?:(?:get|create|acquire|open)?(?:connection|client|pool|driver|db|database|session|entitymanager|manager)s?|connect|fork|duplicate)$/i;

export function handsBackClient(method: string): boolean {
  return CLIENT_HANDING_METHOD.test(method);
}

/**
 * Folder names that hold a repository's tests and what supports them (helpers, fixtures, fakes),
 * as opposed to the sources it ships: a module under one of them is test code even when it
 * belongs to the package of a library.
 */
export const TEST_SUPPORT_FOLDERS: ReadonlySet<string> = new Set([
  'test', 'tests', '__tests__', 'spec', 'specs', 'e2e', 'integration', 'fixtures', '__fixtures__', '__mocks__', 'mocks',
  'stubs', 'fakes', 'support', 'helpers', 'test-utils', 'testing',
]);
