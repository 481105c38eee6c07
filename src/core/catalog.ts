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
}

const client = (kind: string): CatalogEntry => ({ kind, role: 'client' });
const fake = (kind: string): CatalogEntry => ({ kind, role: 'fake' });
const container = (kind: string): CatalogEntry => ({ kind, role: 'container' });

export const BOUNDARY_CATALOG: Readonly<Record<string, CatalogEntry>> = {
  // Relational databases: drivers
  pg: client('database'),
  'pg-pool': client('database'),
  'pg-promise': client('database'),
  postgres: client('database'),
  '@neondatabase/serverless': client('database'),
  '@vercel/postgres': client('database'),
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
  '@prisma/client': client('database'),
  typeorm: client('database'),
  sequelize: client('database'),
  'sequelize-typescript': client('database'),
  knex: client('database'),
  kysely: client('database'),
  'drizzle-orm': client('database'),
  'drizzle-orm/*': client('database'),
  objection: client('database'),
  bookshelf: client('database'),
  '@mikro-orm/*': client('database'),
  'slonik': client('database'),
  '@databases/pg': client('database'),
  '@databases/mysql': client('database'),
  // Document, wide-column and graph databases
  mongoose: client('database'),
  mongodb: client('database'),
  '@typegoose/typegoose': client('database'),
  'cassandra-driver': client('database'),
  'neo4j-driver': client('database'),
  nano: client('database'),
  pouchdb: client('database'),
  couchbase: client('database'),
  '@aws-sdk/client-dynamodb': client('database'),
  '@aws-sdk/lib-dynamodb': client('database'),
  dynamoose: client('database'),
  'firebase-admin/firestore': client('database'),
  '@google-cloud/firestore': client('database'),
  '@google-cloud/spanner': client('database'),
  '@google-cloud/bigquery': client('database'),
  '@supabase/supabase-js': client('database'),
  '@elastic/elasticsearch': client('database'),
  '@opensearch-project/opensearch': client('database'),
  // Caches
  ioredis: client('cache'),
  redis: client('cache'),
  '@redis/client': client('cache'),
  '@upstash/redis': client('cache'),
  memjs: client('cache'),
  memcached: client('cache'),
  'cache-manager': client('cache'),
  keyv: client('cache'),
  // HTTP clients
  axios: client('http'),
  undici: client('http'),
  got: client('http'),
  'node-fetch': client('http'),
  'cross-fetch': client('http'),
  'isomorphic-fetch': client('http'),
  ky: client('http'),
  superagent: client('http'),
  'request': client('http'),
  'request-promise': client('http'),
  needle: client('http'),
  'ofetch': client('http'),
  'graphql-request': client('http'),
  '@apollo/client': client('http'),
  'openapi-fetch': client('http'),
  '@octokit/rest': client('http'),
  stripe: client('http'),
  twilio: client('http'),
  openai: client('http'),
  '@slack/web-api': client('http'),
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
  kafkajs: client('queue'),
  '@confluentinc/kafka-javascript': client('queue'),
  'node-rdkafka': client('queue'),
  bullmq: client('queue'),
  bull: client('queue'),
  'bee-queue': client('queue'),
  'pg-boss': client('queue'),
  agenda: client('queue'),
  '@aws-sdk/client-sqs': client('queue'),
  '@aws-sdk/client-sns': client('queue'),
  '@aws-sdk/client-eventbridge': client('queue'),
  '@aws-sdk/client-kinesis': client('queue'),
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
  '@aws-sdk/client-s3': client('storage'),
  '@aws-sdk/lib-storage': client('storage'),
  '@aws-sdk/s3-request-presigner': client('storage'),
  '@google-cloud/storage': client('storage'),
  '@azure/storage-blob': client('storage'),
  minio: client('storage'),
  'firebase-admin/storage': client('storage'),
  // Email
  nodemailer: client('email'),
  '@sendgrid/mail': client('email'),
  'mailgun.js': client('email'),
  'postmark': client('email'),
  resend: client('email'),
  '@aws-sdk/client-ses': client('email'),
  '@aws-sdk/client-sesv2': client('email'),
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
  readonly host: string;
  readonly clients: readonly string[];
  readonly hostOptions: readonly string[];
}

export const HOSTED_SDKS: Readonly<Record<string, HostedSdk>> = {
  twilio: { host: 'api.twilio.com', clients: ['', 'Twilio'], hostOptions: ['edge', 'region', 'httpClient'] },
  stripe: { host: 'api.stripe.com', clients: ['', 'Stripe'], hostOptions: ['host', 'port', 'protocol', 'httpClient', 'httpAgent'] },
  contentful: { host: 'cdn.contentful.com', clients: ['createClient'], hostOptions: ['host', 'adapter', 'httpAgent', 'httpsAgent', 'proxy'] },
  'contentful-management': { host: 'api.contentful.com', clients: ['createClient'], hostOptions: ['host', 'adapter', 'httpAgent', 'httpsAgent', 'proxy'] },
  '@octokit/rest': { host: 'api.github.com', clients: ['Octokit'], hostOptions: ['baseUrl', 'request'] },
  '@octokit/core': { host: 'api.github.com', clients: ['Octokit'], hostOptions: ['baseUrl', 'request'] },
  octokit: { host: 'api.github.com', clients: ['Octokit'], hostOptions: ['baseUrl', 'request'] },
  '@slack/web-api': { host: 'slack.com', clients: ['WebClient'], hostOptions: ['slackApiUrl', 'agent', 'adapter'] },
  '@sendgrid/client': { host: 'api.sendgrid.com', clients: ['Client'], hostOptions: ['baseUrl'] },
  '@mailchimp/mailchimp_transactional': { host: 'mandrillapp.com', clients: [''], hostOptions: [] },
  postmark: { host: 'api.postmarkapp.com', clients: ['ServerClient', 'AccountClient'], hostOptions: ['requestHost', 'useHttps'] },
};
