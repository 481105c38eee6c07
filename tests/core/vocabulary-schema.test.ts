import { describe, expect, it } from 'vitest';
import {
  buildsOnly,
  classifyCall,
  commitsUnitOfWork,
  defaultsToMemory,
  namesInMemoryStore,
  removesData,
  schemaWorkOf,
  stagesOnly,
  writeTargetOf,
  writeVerbKind,
  type CallFacts,
} from '../../src/core/vocabulary';

const call = (path: string, extra: Partial<CallFacts> = {}): CallFacts => ({ segments: path.split('.'), ...extra });

describe('schemaWorkOf', () => {
  it.each<[string, CallFacts, 'build' | 'reset' | null]>([
    ['orm.schema.create()', call('orm.schema.create'), 'build'],
    ['orm.schema.execute(diff)', call('orm.schema.execute'), 'build'],
    ['orm.schema.refresh()', call('orm.schema.refresh'), 'reset'],
    ['orm.schema.dropDatabase()', call('orm.schema.dropDatabase'), 'reset'],
    ['orm.schema.clear()', call('orm.schema.clear'), 'reset'],
    ['knex.schema.createTable(…)', call('knex.schema.createTable'), 'build'],
    ['queryRunner.createTable(…)', call('queryRunner.createTable'), 'build'],
    ['dataSource.synchronize()', call('dataSource.synchronize'), 'build'],
    ['dataSource.synchronize(true)', call('dataSource.synchronize', { firstArgumentTrue: true }), 'reset'],
    ['orm.schema.ensureDatabase({ clear: true })', call('orm.schema.ensureDatabase', { options: new Set(['clear']) }), 'reset'],
    ['pool.query("CREATE TABLE …")', call('pool.query', { text: 'create table invoices (id int)' }), 'build'],
    ['pool.query("ALTER TABLE …")', call('pool.query', { text: '  ALTER TABLE invoices ADD total int' }), 'build'],
    ['pool.query("DROP TABLE IF EXISTS …")', call('pool.query', { text: 'drop table if exists invoices' }), 'reset'],
    ['pool.query("INSERT …")', call('pool.query', { text: 'INSERT INTO invoices DEFAULT VALUES' }), null],
    ['prisma.user.create()', call('prisma.user.create'), null],
    // One vocabulary for both data rules: migrations and helpers named for the schema.
    ['knex.migrate.latest()', call('knex.migrate.latest'), 'build'],
    ['knex.migrate.rollback()', call('knex.migrate.rollback'), 'reset'],
    ['umzug.migrations.down()', call('umzug.migrations.down'), 'reset'],
    ['dataSource.runMigrations()', call('dataSource.runMigrations'), 'build'],
    ['createOrdersTable()', call('createOrdersTable'), 'build'],
    ['queryRunner.dropTables()', call('queryRunner.dropTables'), 'reset'],
    ['recreateIndexes()', call('recreateIndexes'), 'reset'],
    ['createOrders()', call('createOrders'), null],
    ['orders.download()', call('orders.download'), null],
    ['orm.schema.execute("insert into …")', call('orm.schema.execute', { text: "insert into region (code) values ('pr')" }), null],
    ['orm.schema.execute("create table …")', call('orm.schema.execute', { text: 'create table region (code text)' }), 'build'],
    // An object store's buckets and containers are where objects go, not objects.
    ['createUploadsBucket()', call('createUploadsBucket'), 'build'],
    ['s3.createBucket()', call('s3.createBucket'), 'build'],
    ['containerClient.createIfNotExists()', call('containerClient.createIfNotExists'), 'build'],
    ['containerClient.uploadBlockBlob()', call('containerClient.uploadBlockBlob'), null],
    // A call on a schema object itself, and a bare create on a receiver named for a place data goes.
    ['invoiceSchema.save()', call('invoiceSchema.save'), 'build'],
    ['userSchema.add()', call('userSchema.add'), 'build'],
    ['testSchema.drop()', call('testSchema.drop'), 'reset'],
    ['bucket.create()', call('bucket.create'), 'build'],
    ['auditTable.create()', call('auditTable.create'), 'build'],
    ['ordersTopic.ensure()', call('ordersTopic.ensure'), 'build'],
    // A name about the place, qualified after it: `bucket` in `bucketWithVersioning`.
    ['bucketWithVersioning.create()', call('bucketWithVersioning.create'), 'build'],
    ['tableForAudits.create()', call('tableForAudits.create'), 'build'],
    ['ownerOfBucket.create(): the owner, a record', call('ownerOfBucket.create'), null],
    ['userWithTopics.create(): a user, a record', call('userWithTopics.create'), null],
    ['admin.createTopics()', call('admin.createTopics'), 'build'],
    // A named graph, a dataset and a keyspace hold collections and tables, as a schema does.
    ['graph.create()', call('graph.create'), 'build'],
    ['ordersCollection.create()', call('ordersCollection.create'), 'build'],
    ['createModernGraph(): a graph of sample vertices, records', call('createModernGraph'), null],
    ['createDataset(): a dataset may be a record', call('createDataset'), null],
    ['client.createKeyspace()', call('client.createKeyspace'), 'build'],
    // The database itself, made on a value named for it: a test database's setup opens and migrates it.
    ['testDb.create()', call('testDb.create'), 'build'],
    ['database.init()', call('database.init'), 'build'],
    ['db.users.create(): a row of the `users` model', call('db.users.create'), null],
    ['dbUser.create(): a user, a record', call('dbUser.create'), null],
    ['graph.vertexCollection.save(): a vertex, a record', call('graph.vertexCollection.save'), null],
    ['usersCollection.save()', call('usersCollection.save'), null],
    ['bucket.upload()', call('bucket.upload'), null],
    ['prisma.topic.create(): a row of the `topic` model', call('prisma.topic.create'), null],
    // A client's namespace of places, handed back by a call or named for indices, makes one; a model read as a property makes a row.
    ['search.collections().create(schema)', call('search.collections.create', { called: new Set([1, 2]) }), 'build'],
    ['es.indices.create({ index })', call('es.indices.create'), 'build'],
    ['db.collections.create(): a row of a `collections` model', call('db.collections.create'), null],
    ['search.collections().upsert(): not a verb that makes a place', call('search.collections.upsert', { called: new Set([1, 2]) }), null],
    ['db.table.create(): a row of a restaurant’s `table` model', call('db.table.create'), null],
    ['bucket.file.save()', call('bucket.file.save'), null],
    ['topic.publishMessage()', call('topic.publishMessage'), null],
    ['usersCollection.insertOne()', call('usersCollection.insertOne'), null],
    ['userModel.create()', call('userModel.create'), null],
    ['queue.create()', call('queue.create'), null],
    ['subscription.create()', call('subscription.create'), null],
    ['schemaRegistry.register()', call('schemaRegistry.register'), null],
    // Attaching a part to the schema names the part at once; a part named further on is where a record goes.
    ['addModelToRegistry(model, Invoice)', call('addModelToRegistry'), 'build'],
    ['registerModels()', call('registerModels'), 'build'],
    ['queryInterface.addIndex()', call('queryInterface.addIndex'), 'build'],
    ['queryInterface.addConstraint()', call('queryInterface.addConstraint'), 'build'],
    ['dropColumns()', call('dropColumns'), 'reset'],
    ['addRowToTable()', call('addRowToTable'), null],
    ['addUserToCollection()', call('addUserToCollection'), null],
    ['registerUser()', call('registerUser'), null],
  ])('%s', (_label, facts, expected) => {
    expect(schemaWorkOf(facts)).toBe(expected);
  });
});

describe('building, staging and committing', () => {
  it('tells rendering a statement from running it', () => {
    expect(buildsOnly(call('db.update.set.toSQL'))).toBe(true);
    expect(buildsOnly(call('qb.insert.into.compile'))).toBe(true);
    expect(buildsOnly(call('db.insertInto.values.execute'))).toBe(false);
  });

  it('tells staging in a unit of work from the flush that writes', () => {
    expect(stagesOnly(call('em.create'))).toBe(true);
    expect(stagesOnly(call('em.persist'))).toBe(true);
    expect(stagesOnly(call('em.persist.flush'))).toBe(false);
    expect(commitsUnitOfWork(call('orm.em.flush'))).toBe(true);
    expect(commitsUnitOfWork(call('em.persist.flush'))).toBe(true);
    expect(commitsUnitOfWork(call('flush'))).toBe(false);
  });
});

describe('writeVerbKind', () => {
  it.each<[string, CallFacts, string | null]>([
    ['redis.set()', call('redis.set'), 'cache'],
    ['orm.config.set()', call('orm.config.set'), 'cache'],
    ['channel.publish()', call('channel.publish'), 'queue'],
    ['s3.putObject()', call('s3.putObject'), 'storage'],
    ['repo.save()', call('repo.save'), null],
    ['knex.insert.returning()', call('knex.insert.returning'), null],
  ])('%s', (_label, facts, expected) => {
    expect(writeVerbKind(facts)).toBe(expected);
  });
});

describe('factories', () => {
  it('keeps persisting test-data factories and drops those named after infrastructure', () => {
    expect(writeTargetOf(call('invoiceFactory.create'))).toBe('named');
    expect(writeTargetOf(call('LoggerFactory.create', { constructed: new Set([0]) }))).toBeNull();
    expect(writeTargetOf(call('connectionFactory.create'))).toBeNull();
  });

  it('reads cleanup verbs that take any store', () => {
    expect(classifyCall(call('stores.invoices.deleteAll'))).toBe('cleanup');
    expect(classifyCall(call('reloadTestingDatabases'))).toBe('cleanup');
    expect(classifyCall(call('fixtures.cleanup'))).toBe('cleanup');
    expect(classifyCall(call('db.clean'))).toBe('cleanup');
    expect(classifyCall(call('knexCleaner.clean'))).toBe('cleanup');
  });
});

describe('text that removes data or keeps it in memory', () => {
  it.each<[string, boolean]>([
    ['gel query "DELETE default::users;"', true],
    ['psql -c "TRUNCATE invoices"', true],
    ['mysql -e "DROP TABLE invoices"', true],
    ['delete the user and try again', false],
    ['SELECT * FROM invoices', false],
  ])('%s', (text, expected) => {
    expect(removesData(text)).toBe(expected);
  });

  it('knows PGlite memory URLs as in-memory stores', () => {
    expect(namesInMemoryStore('memory://')).toBe(true);
    expect(namesInMemoryStore('postgres://memory.example.com/db')).toBe(false);
  });

  it.each([
    ['SQLite with no file named', 'sqlite', ['dialect', 'logging'], true],
    ['SQLite given a storage file', 'sqlite', ['dialect', 'storage'], false],
    ['SQLite given a host, which it takes for the file', 'sqlite', ['dialect', 'host'], false],
    ['SQLite options with a key that cannot be read', 'sqlite', null, false],
    ['a server database', 'postgres', ['dialect', 'logging'], false],
    ['no dialect at all', null, ['logging'], false],
  ] as const)('%s', (_, dialect, keys, expected) => {
    expect(defaultsToMemory(dialect, keys)).toBe(expected);
  });
});
