/**
 * Well-known modules that talk to an external system, by boundary kind.
 *
 * `role` says how the module meets the boundary:
 * - `client`: code that talks to the real system (a driver, an ORM, an SDK);
 * - `fake`: a fake server for the boundary, the right way to exercise an HTTP adapter;
 * - `container`: starts a throwaway instance of the system (testcontainers).
 *
 * Keys are package names or exact subpaths; a key ending in `/*` covers every module under that
 * scope or package. Extend the table, not the rules.
 */
export type BoundaryRole = 'client' | 'fake' | 'container';

export interface CatalogEntry {
  readonly kind: string;
  readonly role: BoundaryRole;
  /**
   * The exports that are clients, or constructors and factories that make one, for packages that
   * also export helpers, metadata or tooling (`Pool` from `pg`, not `types`). A name starting with
   * `*` matches by suffix (`*Client`); `default` is the default export. Absent: every export is a
   * client, and so is every subpath of the package. With a list, only listed subpaths count.
   */
  readonly clients?: readonly string[];
  /**
   * The system the module's calls reach, where modules of different kinds run on one system:
   * `bullmq` keeps its queues in Redis, `pg-boss` in Postgres.
   */
  readonly system?: string;
  /**
   * A general HTTP client (`axios`, a GraphQL client): its requests go wherever the caller points
   * them, the app's own loopback address included, so loading it says nothing about which system a
   * file reaches. Absent for an SDK of one hosted service.
   */
  readonly anyHost?: boolean;
  /**
   * For a client that keeps its data in a map in the process unless it is given a store (`new Keyv()`):
   * the option keys that give it one. Made with no argument, or with options that name none of them,
   * it reaches no system.
   */
  readonly storeOptions?: readonly string[];
  /**
   * The SDK of a hosted service reached over HTTP (a payments, messaging or email API): there is no
   * local one to run, so a test keeps the real client and fakes the service's server.
   */
  readonly hosted?: boolean;
  /**
   * Holds no connection of its own: each call is an HTTP request, sent when it is made, so building
   * a client opens nothing (AWS SDK clients, hosted services' SDKs, object stores and search engines
   * spoken to over HTTP).
   */
  readonly overHttp?: boolean;
  /**
   * For a client spoken to over HTTP, the domain its service's hosts share when it is a hosted
   * service (`amazonaws.com`): an HTTP fake for a host under it answers the client.
   */
  readonly serviceDomain?: string;
}

type ClientDetails = Pick<CatalogEntry, 'clients' | 'system' | 'anyHost' | 'storeOptions' | 'hosted' | 'overHttp' | 'serviceDomain'>;

/** The SDK of one hosted service, reached over HTTP. */
const HOSTED: ClientDetails = { hosted: true, overHttp: true };

const client = (kind: string, details: ClientDetails = {}): CatalogEntry => ({ kind, role: 'client', ...details });
const fake = (kind: string): CatalogEntry => ({ kind, role: 'fake' });
const container = (kind: string): CatalogEntry => ({ kind, role: 'container' });

/** Sequelize's client classes; `DataTypes`, `Op`, `literal` and the rest only build queries. */
const SEQUELIZE_CLIENTS = ['default', 'Sequelize', 'Model', 'QueryInterface', 'AbstractQueryInterface', 'Transaction'];
/** drizzle's `drizzle()` factories and what they return; `sql`, `eq` and the table builders are pure. */
const DRIZZLE_CLIENTS = ['drizzle', '*Database', '*Session'];
/** MikroORM's ORM, entity managers, repositories, drivers and connections; not its metadata, schema tools or helpers. */
const MIKRO_ORM_CLIENTS = ['MikroORM', 'EntityManager', '*EntityManager', 'EntityRepository', '*EntityRepository', '*Driver', '*Connection'];
/** AWS SDK v3 clients (`S3Client`, `DynamoDBDocumentClient`); command objects are plain data. */
const AWS_CLIENTS: ClientDetails = { clients: ['*Client'], overHttp: true, serviceDomain: 'amazonaws.com' };
/** A client of a service spoken to over HTTP. */
const OVER_HTTP: ClientDetails = { overHttp: true };
/** A general HTTP client, whose requests go wherever they are pointed. */
const ANY_HOST: ClientDetails = { anyHost: true };

export const BOUNDARY_CATALOG: Readonly<Record<string, CatalogEntry>> = {
  // Relational databases: drivers
  pg: client('database', { clients: ['default', 'Pool', 'Client', 'native'], system: 'postgres' }),
  'pg-pool': client('database', { system: 'postgres' }),
  'pg-promise': client('database', { system: 'postgres' }),
  postgres: client('database', { system: 'postgres' }),
  '@neondatabase/serverless': client('database', { system: 'postgres' }),
  '@vercel/postgres': client('database', { system: 'postgres' }),
  mysql: client('database'),
  mysql2: client('database'),
  'mysql2/promise': client('database'),
  mariadb: client('database'),
  'better-sqlite3': client('database'),
  sqlite3: client('database'),
  sqlite: client('database'),
  'node:sqlite': client('database'),
  '@libsql/client': client('database'),
  tedious: client('database'),
  mssql: client('database'),
  oracledb: client('database'),
  '@planetscale/database': client('database'),
  '@electric-sql/pglite': client('database'),
  // Relational databases: query builders and ORMs
  '@prisma/client': client('database', { clients: ['PrismaClient'] }),
  typeorm: client('database', {
    clients: ['DataSource', 'Connection', 'ConnectionManager', 'EntityManager', 'Repository', 'QueryRunner', 'createConnection', 'createConnections', 'getConnection', 'getConnectionManager', 'getManager', 'getRepository', 'getCustomRepository', 'getMongoManager', 'getMongoRepository', '*Repository', '*EntityManager', '*QueryRunner', '*Driver'],
  }),
  sequelize: client('database', { clients: SEQUELIZE_CLIENTS }),
  'sequelize-typescript': client('database', { clients: SEQUELIZE_CLIENTS }),
  '@sequelize/core': client('database', { clients: SEQUELIZE_CLIENTS }),
  knex: client('database'),
  kysely: client('database'),
  'drizzle-orm': client('database', { clients: DRIZZLE_CLIENTS }),
  'drizzle-orm/*': client('database', { clients: DRIZZLE_CLIENTS }),
  objection: client('database'),
  bookshelf: client('database'),
  '@mikro-orm/core': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/knex': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/sql': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/postgresql': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/mysql': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/mariadb': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/sqlite': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/better-sqlite': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/libsql': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/mssql': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/oracledb': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/mongodb': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/pglite': client('database', { clients: MIKRO_ORM_CLIENTS }),
  '@mikro-orm/knex-compat': client('database', { clients: MIKRO_ORM_CLIENTS }),
  'mikro-orm': client('database', { clients: MIKRO_ORM_CLIENTS }),
  'slonik': client('database', { system: 'postgres' }),
  '@databases/pg': client('database', { system: 'postgres' }),
  '@databases/mysql': client('database'),
  // Document, wide-column and graph databases
  mongoose: client('database', { clients: ['connect', 'connection', 'connections', 'createConnection', 'model', 'Model', 'Connection', 'Query', 'Aggregate', 'startSession'] }),
  mongodb: client('database', { clients: ['MongoClient', 'Db', 'Collection', 'GridFSBucket', 'ChangeStream', 'ClientSession', '*Cursor'] }),
  '@typegoose/typegoose': client('database'),
  'cassandra-driver': client('database'),
  'neo4j-driver': client('database'),
  nano: client('database'),
  pouchdb: client('database'),
  couchbase: client('database'),
  '@aws-sdk/client-dynamodb': client('database', AWS_CLIENTS),
  '@aws-sdk/lib-dynamodb': client('database', AWS_CLIENTS),
  dynamoose: client('database'),
  'firebase-admin/firestore': client('database'),
  '@google-cloud/firestore': client('database'),
  '@google-cloud/spanner': client('database'),
  '@google-cloud/bigquery': client('database'),
  '@supabase/supabase-js': client('database'),
  '@elastic/elasticsearch': client('database', OVER_HTTP),
  // Key-value stores that hold a cluster's configuration and leases.
  etcd3: client('database', { clients: ['Etcd3'] }),
  '@opensearch-project/opensearch': client('database', OVER_HTTP),
  // Caches
  ioredis: client('cache', { clients: ['default', 'Redis', 'Cluster'], system: 'redis' }),
  redis: client('cache', { clients: ['createClient', 'createCluster', 'createSentinel', 'RedisClient'], system: 'redis' }),
  '@redis/client': client('cache', { clients: ['createClient', 'createCluster', 'createSentinel', 'RedisClient'], system: 'redis' }),
  '@upstash/redis': client('cache', { system: 'redis' }),
  // Valkey, the Redis fork: a fork of ioredis, and Valkey's own client.
  iovalkey: client('cache', { clients: ['default', 'Redis', 'Cluster'], system: 'redis' }),
  '@valkey/valkey-glide': client('cache', { clients: ['GlideClient', 'GlideClusterClient'], system: 'redis' }),
  memjs: client('cache'),
  memcached: client('cache'),
  'cache-manager': client('cache'),
  keyv: client('cache', { storeOptions: ['store', 'uri', 'adapter'] }),
  // Keyv's stores: what makes a Keyv reach a system.
  '@keyv/redis': client('cache', { system: 'redis' }),
  '@keyv/valkey': client('cache', { system: 'redis' }),
  '@keyv/memcache': client('cache'),
  '@keyv/postgres': client('database', { system: 'postgres' }),
  '@keyv/mysql': client('database', { system: 'mysql' }),
  '@keyv/mongo': client('database', { system: 'mongodb' }),
  // HTTP clients
  axios: client('http', ANY_HOST),
  undici: client('http', ANY_HOST),
  got: client('http', ANY_HOST),
  'node-fetch': client('http', ANY_HOST),
  'cross-fetch': client('http', ANY_HOST),
  'isomorphic-fetch': client('http', ANY_HOST),
  ky: client('http', ANY_HOST),
  superagent: client('http', ANY_HOST),
  'request': client('http', ANY_HOST),
  'request-promise': client('http', ANY_HOST),
  needle: client('http', ANY_HOST),
  'ofetch': client('http', ANY_HOST),
  'graphql-request': client('http', ANY_HOST),
  // The client and its network links; the rest (`gql`, caches, React hooks, `/utilities`) stays in the process.
  '@apollo/client': client('http', { clients: ['ApolloClient', 'HttpLink', 'createHttpLink', 'BatchHttpLink'], anyHost: true }),
  '@apollo/client/core': client('http', { clients: ['ApolloClient', 'HttpLink', 'createHttpLink'], anyHost: true }),
  '@apollo/client/link/http': client('http', { clients: ['HttpLink', 'createHttpLink'], anyHost: true }),
  '@apollo/client/link/batch-http': client('http', { clients: ['BatchHttpLink'], anyHost: true }),
  'openapi-fetch': client('http', ANY_HOST),
  '@octokit/rest': client('http', HOSTED),
  stripe: client('http', HOSTED),
  twilio: client('http', HOSTED),
  openai: client('http', HOSTED),
  '@slack/web-api': client('http', HOSTED),
  // HTTP fakes
  nock: fake('http'),
  msw: fake('http'),
  'msw/node': fake('http'),
  'msw/native': fake('http'),
  'fetch-mock': fake('http'),
  'fetch-mock-jest': fake('http'),
  'jest-fetch-mock': fake('http'),
  'vitest-fetch-mock': fake('http'),
  'axios-mock-adapter': fake('http'),
  'mock-socket': fake('http'),
  // Message brokers and queues
  amqplib: client('queue'),
  'amqplib/callback_api': client('queue'),
  'amqp-connection-manager': client('queue'),
  rascal: client('queue'),
  kafkajs: client('queue', { clients: ['Kafka', '*Producer', '*Consumer', 'Admin'] }),
  '@confluentinc/kafka-javascript': client('queue'),
  'node-rdkafka': client('queue'),
  bullmq: client('queue', { clients: ['Queue', 'Worker', 'QueueEvents', 'FlowProducer', 'Job', 'JobScheduler', 'QueueScheduler'], system: 'redis' }),
  bull: client('queue', { system: 'redis' }),
  'bee-queue': client('queue', { system: 'redis' }),
  'pg-boss': client('queue', { system: 'postgres' }),
  'graphile-worker': client('queue', { clients: ['run', 'runOnce', 'runMigrations', 'makeWorkerUtils', 'quickAddJob', 'Runner', 'WorkerUtils'], system: 'postgres' }),
  agenda: client('queue'),
  // Workflow engines hand work to a server's task queues; the workflow and activity helpers stay in the process.
  '@temporalio/client': client('queue', { clients: ['Client', 'WorkflowClient', 'ScheduleClient', 'Connection', 'AsyncCompletionClient'] }),
  '@aws-sdk/client-sqs': client('queue', AWS_CLIENTS),
  '@aws-sdk/client-sns': client('queue', AWS_CLIENTS),
  '@aws-sdk/client-eventbridge': client('queue', AWS_CLIENTS),
  '@aws-sdk/client-kinesis': client('queue', AWS_CLIENTS),
  'sqs-consumer': client('queue'),
  'sqs-producer': client('queue'),
  '@google-cloud/pubsub': client('queue'),
  '@azure/service-bus': client('queue'),
  '@azure/event-hubs': client('queue'),
  nats: client('queue'),
  mqtt: client('queue'),
  zeromq: client('queue'),
  'rhea': client('queue'),
  'stompit': client('queue'),
  // Object storage
  '@aws-sdk/client-s3': client('storage', AWS_CLIENTS),
  '@aws-sdk/lib-storage': client('storage', { clients: ['Upload'], overHttp: true, serviceDomain: 'amazonaws.com' }),
  '@google-cloud/storage': client('storage', { overHttp: true, serviceDomain: 'googleapis.com' }),
  '@azure/storage-blob': client('storage', { overHttp: true, serviceDomain: 'core.windows.net' }),
  minio: client('storage'),
  'firebase-admin/storage': client('storage'),
  // Email
  nodemailer: client('email'),
  '@sendgrid/mail': client('email', HOSTED),
  'mailgun.js': client('email', HOSTED),
  'postmark': client('email', HOSTED),
  resend: client('email', HOSTED),
  '@aws-sdk/client-ses': client('email', AWS_CLIENTS),
  '@aws-sdk/client-sesv2': client('email', AWS_CLIENTS),
  'email-templates': client('email'),
  smtpfake: fake('email'),
  'smtp-server': fake('email'),
  // Throwaway containers, by the system they run
  '@testcontainers/postgresql': container('database'),
  '@testcontainers/mysql': container('database'),
  '@testcontainers/mariadb': container('database'),
  '@testcontainers/mongodb': container('database'),
  '@testcontainers/mssqlserver': container('database'),
  '@testcontainers/cockroachdb': container('database'),
  '@testcontainers/couchbase': container('database'),
  '@testcontainers/neo4j': container('database'),
  '@testcontainers/arangodb': container('database'),
  '@testcontainers/elasticsearch': container('database'),
  '@testcontainers/cassandra': container('database'),
  '@testcontainers/clickhouse': container('database'),
  '@testcontainers/redis': container('cache'),
  '@testcontainers/valkey': container('cache'),
  '@testcontainers/kafka': container('queue'),
  '@testcontainers/redpanda': container('queue'),
  '@testcontainers/rabbitmq': container('queue'),
  '@testcontainers/nats': container('queue'),
  '@testcontainers/hivemq': container('queue'),
  '@testcontainers/gcloud': container('queue'),
  '@testcontainers/localstack': container('storage'),
  '@testcontainers/minio': container('storage'),
  '@testcontainers/azurite': container('storage'),
  'mongodb-memory-server': container('database'),
  'mongodb-memory-server-core': container('database'),
  'redis-memory-server': container('cache'),
  '@databases/pg-test': container('database'),
  '@databases/mysql-test': container('database'),
};

/**
 * Globals that are boundary clients without any import: `fetch` (Node 18+, browsers) and
 * `XMLHttpRequest` send HTTP requests.
 */
export const BOUNDARY_GLOBALS: Readonly<Record<string, CatalogEntry>> = {
  fetch: client('http'),
  XMLHttpRequest: client('http'),
};

/**
 * Modules that start a container without saying which system it holds (`GenericContainer`).
 * They are infrastructure, but they do not name a boundary kind on their own.
 */
export const GENERIC_CONTAINER_MODULES: ReadonlySet<string> = new Set([
  'testcontainers',
  '@testcontainers/core',
]);

/**
 * Test harnesses of frameworks that boot the application together with the systems it needs:
 * calling one of `starts` exercises each of `kinds` (`createTestEnvironment()` from
 * `@vendure/testing` starts a server on a real database).
 */
export interface HarnessEntry {
  readonly starts: readonly string[];
  readonly kinds: readonly string[];
}

export const HARNESS_MODULES: Readonly<Record<string, HarnessEntry>> = {
  '@vendure/testing': { starts: ['createTestEnvironment'], kinds: ['database'] },
  '@medusajs/test-utils': { starts: ['medusaIntegrationTestRunner', 'moduleIntegrationTestRunner'], kinds: ['database'] },
};

/** The kinds the catalog knows. Settings may add more. */
export const KNOWN_KINDS: ReadonlySet<string> = new Set(
  Object.values(BOUNDARY_CATALOG).map((entry) => entry.kind),
);

/**
 * Container images by the system they run, for containers started from an image name
 * (`new GenericContainer('postgres:16')`). Keys are the image's repository path without registry
 * or tag, or its last segments (`mssql/server`, `postgres`).
 */
export const CONTAINER_IMAGES: Readonly<Record<string, string>> = {
  // Databases and search engines
  postgres: 'database', postgresql: 'database', postgis: 'database', timescaledb: 'database', mysql: 'database', mariadb: 'database',
  mongo: 'database', mongodb: 'database', 'mongodb-community-server': 'database', 'mysql-server': 'database', 'mssql/server': 'database', 'azure-sql-edge': 'database', cockroach: 'database',
  'clickhouse-server': 'database', neo4j: 'database', cassandra: 'database', scylla: 'database', couchdb: 'database',
  couchbase: 'database', 'oracle-xe': 'database', 'oracle-free': 'database', arangodb: 'database',
  surrealdb: 'database', 'dynamodb-local': 'database', elasticsearch: 'database', opensearch: 'database',
  // Caches
  redis: 'cache', 'redis-stack': 'cache', 'redis-stack-server': 'cache', valkey: 'cache', memcached: 'cache', keydb: 'cache',
  // Brokers
  rabbitmq: 'queue', kafka: 'queue', 'cp-kafka': 'queue', redpanda: 'queue', nats: 'queue', 'eclipse-mosquitto': 'queue',
  activemq: 'queue', 'activemq-artemis': 'queue', pulsar: 'queue', elasticmq: 'queue', 'elasticmq-native': 'queue',
  // Object storage and cloud emulators
  minio: 'storage', localstack: 'storage', azurite: 'storage', 'fake-gcs-server': 'storage',
  // Mail catchers
  mailhog: 'email', mailpit: 'email', maildev: 'email', smtp4dev: 'email', 'greenmail/standalone': 'email',
  // HTTP fakes
  wiremock: 'http', mockserver: 'http',
};

/**
 * SDKs of hosted services whose clients send every request to the service's own host, a host the
 * test file never names.
 * - `host`: where a client sends its requests when nothing says otherwise;
 * - `clients`: what makes a client, as member paths of the module (`''` is the module value itself,
 *   called or constructed: `twilio(sid, token)`, `new Stripe(key)`);
 * - `hostOptions`: options that send the requests somewhere else, or through a transport of the
 *   caller's choosing. A client given one of them goes where that option says.
 * Only SDKs that no environment variable can send to another service's host belong here (an
 * SDK that reads its base URL from the environment may be pointed at a local stand-in unseen).
 */
export interface HostedSdk {
  /** The host a client made with no host option sends to (its main API). */
  readonly host: string;
  /**
   * The domain of the service's hosts, for SDKs that send each product's calls to a host of its
   * own (`api.twilio.com`, `studio.twilio.com`, …): messages name the domain, not one host.
   */
  readonly service?: string;
  readonly clients: readonly string[];
  readonly hostOptions: readonly string[];
  /**
   * Members of a client whose calls stay in the process: webhook signatures, event parsing, event
   * listeners, settings. A test that calls only these sends nothing.
   */
  readonly localMembers?: readonly string[];
}

export const HOSTED_SDKS: Readonly<Record<string, HostedSdk>> = {
  twilio: { host: 'api.twilio.com', service: 'twilio.com', clients: ['', 'Twilio'], hostOptions: ['edge', 'region', 'httpClient'] },
  stripe: {
    host: 'api.stripe.com',
    clients: ['', 'Stripe'],
    hostOptions: ['host', 'port', 'protocol', 'httpClient', 'httpAgent'],
    localMembers: [
      'webhooks', 'parseThinEvent', 'parseEventNotification', 'parseEventNotificationWithoutVerification', 'constructEventWithoutVerification',
      'on', 'once', 'off', 'getApiField', 'getConstant', 'getMaxNetworkRetries', 'setAppInfo',
    ],
  },
  contentful: { host: 'cdn.contentful.com', clients: ['createClient'], hostOptions: ['host', 'adapter', 'httpAgent', 'httpsAgent', 'proxy'] },
  'contentful-management': { host: 'api.contentful.com', clients: ['createClient'], hostOptions: ['host', 'adapter', 'httpAgent', 'httpsAgent', 'proxy'] },
  '@octokit/rest': { host: 'api.github.com', clients: ['Octokit'], hostOptions: ['baseUrl', 'request'], localMembers: ['hook', 'log'] },
  '@octokit/core': { host: 'api.github.com', clients: ['Octokit'], hostOptions: ['baseUrl', 'request'], localMembers: ['hook', 'log'] },
  octokit: { host: 'api.github.com', clients: ['Octokit'], hostOptions: ['baseUrl', 'request'], localMembers: ['hook', 'log'] },
  '@slack/web-api': { host: 'slack.com', clients: ['WebClient'], hostOptions: ['slackApiUrl', 'agent', 'adapter'] },
  '@sendgrid/client': {
    host: 'api.sendgrid.com',
    clients: ['Client'],
    hostOptions: ['baseUrl'],
    localMembers: ['setApiKey', 'setDefaultHeader', 'setDefaultRequest', 'setDataResidency'],
  },
  '@mailchimp/mailchimp_transactional': { host: 'mandrillapp.com', clients: [''], hostOptions: [] },
  postmark: { host: 'api.postmarkapp.com', clients: ['ServerClient', 'AccountClient'], hostOptions: ['requestHost', 'useHttps'] },
};
