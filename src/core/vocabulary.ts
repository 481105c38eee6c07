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
      'refreshDatabase', 'obliterate',
    ] as const
  ).map((name) => [name, 'cleanup'] as const),
  // stop
  ...(['stop', 'down'] as const).map((name) => [name, 'stop'] as const),
  // close
  ...(
    ['end', 'destroy', '$disconnect', 'disconnect', 'close', 'quit', 'shutdown', 'release', 'closeAll'] as const
  ).map((name) => [name, 'close'] as const),
]);

const CLASS_NAME = /^[A-Z]/;

/** Constructors that build infrastructure. */
const INFRASTRUCTURE_CLASS = /(?:Client|Pool|Container|DataSource|Connection|Environment|Server|Agent|Cluster|ReplSet)$|^(?:Sequelize|Redis|Kafka|Kysely|Knex|Queue|Worker|MongoClient|Producer|Consumer|Pool|Storage|PubSub|S3|Minio)$/;

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
  ['sandbox.create', null],
]);

/** Helper names the project writes itself: `createUser`, `seedOrders`, `truncateTables`, `resetDb`. */
const FACTORY_FUNCTION = /^(?:create|make|build|seed|insert|given|add)[A-Z0-9_]/;
/** `createTestDb`, `buildHttpClient`, `makeUserRepository`: the last word names what is built. */
const INFRASTRUCTURE_FUNCTION = /^(?:create|make|build|start|get|setup|new)[A-Za-z0-9]*?(?:Db|Database|Pool|Connection|Client|Server|App|Application|Container|DataSource|Knex|Prisma|Redis|Broker|Queue|Kafka|Infrastructure|Api|Sdk|Service|Repository|Repo|Gateway|Adapter|Config|Configuration|Options|Settings|Env|Environment|Url|Uri|Transport|Producer|Consumer|Channel|Driver|Engine|Cluster|Network|Dir|Directory|Stream|Logger)s?$/i;
const CLEANUP_FUNCTION = /^(?:truncate|clean|cleanup|reset|wipe|clear|purge|drop|rollback|empty|delete|remove)(?:[A-Z0-9_]|$)/;
const FACTORY_RECEIVER = /(?:factory|factories)$/i;
/**
 * Methods of a project's own test helpers that say what they empty: `testDb.resetDatabase()`,
 * `helpers.truncateTables()`. The store must be named, so `server.resetHandlers()` and
 * `jest.clearAllMocks()` stay out.
 */
const CLEANUP_METHOD = /^(?:truncate|clean|cleanUp|cleanup|reset|wipe|clear|purge|drop|empty)(?:All)?(?:Db|Database|Tables?|Collections?|Data|Schema|Store|Redis|Cache|Queues?|Buckets?|Records|Rows)$/;
/** Methods that run hand-written SQL: their role comes from the text. */
const SQL_RUNNERS: ReadonlySet<string> = new Set([
  'query', 'execute', 'exec', 'raw', 'run', 'unsafe', 'sql',
  '$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe',
]);

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

  if (facts.text !== undefined && SQL_RUNNERS.has(last)) {
    const sqlRole = classifySql(facts.text);
    if (sqlRole) return sqlRole;
  }
  const byOption = ROLES_BY_OPTION.get(last);
  if (byOption && facts.options && byOption.options.some((option) => facts.options?.has(option))) return byOption.role;

  for (let index = segments.length - 1; index >= 0; index--) {
    const name = segments[index] as string;
    if (constructed?.has(index)) {
      if (INFRASTRUCTURE_CLASS.test(name)) return 'infrastructure';
      continue;
    }
    const receiver = index > 0 ? segments[index - 1] : undefined;
    if (receiver !== undefined) {
      const qualified = `${receiver}.${name}`;
      if (QUALIFIED_ROLES.has(qualified)) return QUALIFIED_ROLES.get(qualified) ?? null;
      // A static factory on an infrastructure class: `MongoMemoryServer.create()`.
      if (!constructed?.has(index - 1) && CLASS_NAME.test(receiver) && INFRASTRUCTURE_CLASS.test(receiver) && METHOD_ROLES.get(name) === 'data') {
        return 'infrastructure';
      }
    }
    const role = METHOD_ROLES.get(name);
    if (role) return role;
    if (index === 0 && segments.length === 1) return classifyFunctionName(name);
    if (index > 0 && CLEANUP_METHOD.test(name)) return 'cleanup';
    if (FACTORY_RECEIVER.test(name)) return 'data';
  }
  return null;
}

/** The role of a free function the project wrote itself, judged by its name. */
export function classifyFunctionName(name: string): CallRole | null {
  if (INFRASTRUCTURE_FUNCTION.test(name)) return 'infrastructure';
  if (CLEANUP_FUNCTION.test(name)) return 'cleanup';
  if (FACTORY_FUNCTION.test(name)) return 'data';
  return METHOD_ROLES.get(name) ?? null;
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
  'datasource', 'knex', 'prisma', 'redis', 'channel', 'producer', 'consumer', 'agent', 'driver',
  'engine', 'transport', 'port', 'host', 'credentials', 'headers', 'network', 'cluster', 'api',
  'sdk', 'service', 'repository', 'repo', 'gateway', 'adapter', 'infrastructure', 'infra',
  'connectionstring', 'baseurl',
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
  if (segments.slice(0, -1).some((name) => FACTORY_RECEIVER.test(name))) {
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

/** Connection strings and file names that keep a database in the test's own memory. */
const IN_MEMORY_STORE = /:memory:|[?&]mode=memory\b/;

/**
 * Whether a configuration string names a database that lives in memory (`':memory:'`,
 * `'sqlite::memory:'`, `'file::memory:?cache=shared'`): a fresh one per test is how such tests stay apart.
 */
export function namesInMemoryStore(text: string): boolean {
  return IN_MEMORY_STORE.test(text);
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
 * Methods of a client that hand back a client again, not data: a connection, pool, session, driver
 * or database handle (`getConnection()`, `connect()`, `em.fork()`, `client.db('shop')`).
 */
const CLIENT_HANDING_METHOD = /^(?:(?:get|create|acquire|open)?(?:connection|client|pool|driver|db|database|session|entitymanager|manager)s?|connect|fork|duplicate)$/i;

export function handsBackClient(method: string): boolean {
  return CLIENT_HANDING_METHOD.test(method);
}
