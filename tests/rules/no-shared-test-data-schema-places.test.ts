/**
 * `no-shared-test-data` on making the places data goes, rather than data: a call on a schema object
 * itself (`ordersSchema.save()` stores the class definition, `userSchema.add({…})` extends it), and
 * a bare `create()` on a receiver named for a bucket, a table, a topic, an index, a view or the database
 * itself (`bucket.create()`, `topic.create()`, `testDb.create()`, also `bucketWithVersioning.create()`). Made once in a run-once hook, such places are shared
 * infrastructure. What a hook then writes into them is still test data. A function of the file named
 * for such a place (`createTopic()`) is read by its body: one that makes rows of an app's `topic`
 * model seeds data, one that asks a broker for a topic makes infrastructure. A model defined by name on
 * a data source, and the object a run-once hook defines it from, are schema, even when a test changes
 * that object to update the schema; defining a model before each test cleans nothing up.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const ARCHIVE = `import { before, after, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { Storage, type Bucket } from '@google-cloud/storage';
import { ReportArchive } from '../../src/reports/archive';

describe('ReportArchive', () => {
  const storage = new Storage({ apiEndpoint: process.env.STORAGE_EMULATOR_HOST });
  let bucket: Bucket;
  let archive: ReportArchive;

  before(async () => {
    bucket = storage.bucket(\`reports-\${Date.now()}\`);
    await bucket.create();
    archive = new ReportArchive(bucket);
  });

  afterEach(() => bucket.deleteFiles({ force: true }));
  after(() => bucket.delete());

  it('lists what was archived', async () => {
    await archive.store('seed/monthly.csv', 'month,total\\n');
    assert.deepEqual(await archive.list('seed/'), ['seed/monthly.csv']);
  });

  it('renames an archived report', async () => {
    await archive.store('seed/monthly.csv', 'month,total\\n');
    await archive.rename('seed/monthly.csv', 'seed/2026-11.csv');
    assert.deepEqual(await archive.list('seed/'), ['seed/2026-11.csv']);
  });
});
`;

ts.run('no-shared-test-data: places made once for the tests (Mocha, TypeScript)', rule, {
  valid: [
    {
      name: 'a bucket created in `before`; each test stores its own object and `afterEach` empties the bucket',
      filename: 'test/integration/report-archive.test.ts',
      code: ARCHIVE,
    },
    {
      name: 'the bucket’s name says what kind of bucket it is after the noun (`bucketWithVersioning`)',
      filename: 'test/integration/report-archive.test.ts',
      code: ARCHIVE.replaceAll('bucket', 'bucketWithVersioning').replace('storage.bucketWithVersioning(', 'storage.bucket('),
    },
    {
      name: 'Vitest: a topic created once by its own `create()` and by the admin client, each test publishing its own message',
      filename: 'test/integration/order-events.test.ts',
      code: `import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { PubSub, type Topic } from '@google-cloud/pubsub';
import { Kafka } from 'kafkajs';
import { OrderEvents } from '../../src/events/order-events';

const pubsub = new PubSub({ projectId: 'local' });
const admin = new Kafka({ brokers: ['localhost:9092'] }).admin();
let topic: Topic;

beforeAll(async () => {
  topic = pubsub.topic('orders-test');
  await topic.create();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'orders-audit' }] });
});

afterAll(async () => {
  await topic.delete();
  await admin.deleteTopics({ topics: ['orders-audit'] });
  await admin.disconnect();
});

describe('OrderEvents', () => {
  it('publishes a placed order', async () => {
    const events = new OrderEvents(topic);
    expect(await events.placed({ id: 'o-1' })).toMatch(/\\d+/);
  });
  it('publishes a cancelled order', async () => {
    const events = new OrderEvents(topic);
    expect(await events.cancelled({ id: 'o-2' })).toMatch(/\\d+/);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'an object written into that bucket in `before` is still shared data, and the bucket is not named with it',
      filename: 'test/integration/report-archive.test.ts',
      code: ARCHIVE.replace(
        '    await bucket.create();\n',
        "    await bucket.create();\n    await bucket.file('seed/monthly.csv').save('month,total\\n');\n",
      ),
      errors: [
        {
          messageId: 'sharedData',
          line: 14,
          data: { hook: 'before', shared: 'a suite of 2 tests', sources: '`bucket.file().save()` (line 14)' },
        },
      ],
    },
  ],
});

const CLASS_DEFINITION = `const { Store } = require('../../lib/store');

describe('Invoice queries', () => {
  let store;

  beforeAll(async () => {
    store = await Store.connect(process.env.STORE_URL);
    const invoiceSchema = new store.Schema('Invoice');
    invoiceSchema.addNumber('total');
    invoiceSchema.addString('status');
    await invoiceSchema.save();
  });

  afterEach(() => store.purge('Invoice'));
  afterAll(() => store.close());

  it('finds open invoices', async () => {
    await store.create('Invoice', { total: 10, status: 'open' });
    expect(await store.find('Invoice', { status: 'open' })).toHaveLength(1);
  });

  it('sums the totals', async () => {
    await store.create('Invoice', { total: 10, status: 'open' });
    await store.create('Invoice', { total: 5, status: 'paid' });
    expect(await store.sum('Invoice', 'total')).toBe(15);
  });
});
`;

const TEST_DATABASE = `const { before, after, describe, test } = require('node:test');
const assert = require('node:assert');
const { TestDatabase } = require('../helpers/test-database');
const { Monitor } = require('../../src/models/monitor');
const { runCheck } = require('../../src/checks');

const testDb = new TestDatabase();

describe('monitor checks', () => {
  before(async () => {
    await testDb.create();
  });
  after(() => testDb.destroy());

  test('marks a monitor up when it answers', async () => {
    const monitor = await Monitor.create({ name: 'up', url: 'http://localhost:3001/health' });
    assert.equal((await runCheck(monitor)).status, 'up');
    await monitor.remove();
  });

  test('marks a monitor down when it does not answer', async () => {
    const monitor = await Monitor.create({ name: 'down', url: 'http://localhost:1/health' });
    assert.equal((await runCheck(monitor)).status, 'down');
    await monitor.remove();
  });
});
`;

cjs.run('no-shared-test-data: a schema defined once (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'a class definition built and saved through its schema object in `beforeAll`; the tests write their own rows',
      filename: 'test/integration/invoice-queries.test.js',
      code: CLASS_DEFINITION,
    },
    {
      name: 'node:test: a table made by its own `create()` in `before`',
      filename: 'test/integration/audit-log.test.js',
      code: `const { before, after, afterEach, describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { connect } = require('../../src/db');
const { AuditLog } = require('../../src/audit-log');

describe('AuditLog', () => {
  let db;
  let auditTable;

  before(async () => {
    db = await connect(process.env.DATABASE_URL);
    auditTable = db.table('audit_entries');
    await auditTable.create();
  });
  afterEach(() => db.query('delete from audit_entries'));
  after(() => db.close());

  it('records an entry', async () => {
    await new AuditLog(db).record('login', 'u-1');
    assert.equal((await db.query('select * from audit_entries')).length, 1);
  });
  it('records nothing for an unknown action', async () => {
    await assert.rejects(new AuditLog(db).record('', 'u-1'));
  });
});
`,
    },
    {
      name: 'node:test: the test database made by its own `create()` in `before`; each test adds its own monitor',
      filename: 'test/integration/monitor-checks.test.js',
      code: TEST_DATABASE,
    },
  ],
  invalid: [
    {
      name: 'a monitor the same `before` adds to that database is shared data',
      filename: 'test/integration/monitor-checks.test.js',
      code: TEST_DATABASE.replace(
        '    await testDb.create();\n',
        "    await testDb.create();\n    await Monitor.create({ name: 'home page', url: 'http://localhost:3001' });\n",
      ),
      errors: [
        {
          messageId: 'sharedData',
          line: 12,
          data: { hook: 'before', shared: 'a suite of 2 tests', sources: '`Monitor.create()` (line 12)' },
        },
      ],
    },
    {
      name: 'a row created in the same hook is still shared with the tests that read it',
      filename: 'test/integration/invoice-queries.test.js',
      code: CLASS_DEFINITION.replace(
        '    await invoiceSchema.save();\n',
        "    await invoiceSchema.save();\n    await store.create('Invoice', { total: 99, status: 'void' });\n",
      ),
      errors: [
        {
          messageId: 'sharedData',
          line: 12,
          data: { hook: 'beforeAll', shared: 'a suite of 2 tests', sources: '`store.create()` (line 12)' },
        },
      ],
    },
  ],
});

const FORUM = `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@prisma/client';
import { listTopics, renameTopic } from '../../src/forum/topics';

const prisma = new PrismaClient();

const createTopic = (title: string) => prisma.topic.create({ data: { title } });

describe('forum topics', () => {
  beforeAll(async () => {
    await createTopic('Welcome');
    await createTopic('Rules');
  });
  afterAll(() => prisma.$disconnect());

  it('lists the topics', async () => {
    expect(await listTopics(prisma)).toHaveLength(2);
  });
  it('renames a topic', async () => {
    await renameTopic(prisma, 'Rules', 'House rules');
    expect((await listTopics(prisma)).map((topic) => topic.title)).toContain('House rules');
  });
});`;

const SEARCH = `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchClient } from '@acme/search';
import { searchBooks } from '../../src/books/search';

describe('book search', () => {
  const client = new SearchClient({ host: 'localhost', port: 8108 });

  beforeAll(async () => {
    await client.collections().create({ name: 'books', fields: [{ name: 'title', type: 'string' }] });
  });

  afterAll(() => client.collections('books').delete());

  it('finds nothing in an empty collection', async () => {
    expect(await searchBooks(client, 'dune')).toEqual([]);
  });

  it('finds nothing for an empty query', async () => {
    expect(await searchBooks(client, '')).toEqual([]);
  });
});
`;

ts.run('no-shared-test-data: a place made in a client\u2019s namespace of places (Vitest, TypeScript)', rule, {
  valid: [{ name: 'a search collection made once, through the namespace a call hands back', filename: 'test/integration/book-search.test.ts', code: SEARCH }],
  invalid: [
    {
      name: 'a model an ORM reads as a property, named in the plural, makes a row',
      filename: 'test/integration/book-search.test.ts',
      code: SEARCH.replace("await client.collections().create({ name: 'books', fields: [{ name: 'title', type: 'string' }] });", "await client.collections.create({ data: { name: 'books' } });"),
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: 'beforeAll', shared: 'a suite of 2 tests', sources: '`client.collections.create()` (line 9)' },
          suggestions: [],
        },
      ],
    },
  ],
});

ts.run('no-shared-test-data: a function of the file named for a topic, read by its body (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'its body asks the broker for a topic: infrastructure made once',
      filename: 'test/integration/order-events.test.ts',
      code: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka } from 'kafkajs';
import { OrderEvents } from '../../src/events/order-events';

const kafka = new Kafka({ brokers: ['localhost:9092'] });
const admin = kafka.admin();

const createTopic = (topic: string) => admin.createTopics({ topics: [{ topic }] });

describe('OrderEvents', () => {
  beforeAll(async () => {
    await admin.connect();
    await createTopic('orders');
  });
  afterAll(() => admin.disconnect());

  it('publishes a placed order', async () => {
    expect(await new OrderEvents(kafka).placed({ id: 'o-1' })).toBe(true);
  });
  it('publishes a cancelled order', async () => {
    expect(await new OrderEvents(kafka).cancelled({ id: 'o-2' })).toBe(true);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'its body makes rows of the app’s `topic` model: data shared by the suite',
      filename: 'test/integration/topics.test.ts',
      code: FORUM,
      errors: [
        {
          messageId: 'sharedData',
          line: 11,
          data: { hook: 'beforeAll', shared: 'a suite of 2 tests', sources: '`createTopic()` (line 11), `createTopic()` (line 12)' },
          suggestions: [],
        },
      ],
    },
  ],
});

const EVOLVING = `const assert = require('node:assert');
const { getDataSource } = require('./support/data-source');

describe('schema updates', function () {
  let dataSource, fields, Ticket;

  before(async function () {
    dataSource = getDataSource();
    fields = { title: { type: String }, priority: { type: Number } };
    Ticket = dataSource.define('Ticket', fields);
    await dataSource.automigrate();
  });

  after(() => Ticket.destroyAll());

  it('creates the columns of the model', async function () {
    const columns = await dataSource.discoverModelProperties('ticket');
    assert.deepStrictEqual(columns.map((column) => column.name), Object.keys(fields));
    assert.deepStrictEqual(columns.map((column) => column.dataType), ['text', 'integer']);
  });

  it('changes a column type on update', async function () {
    fields.priority.type = String;
    Ticket = dataSource.define('Ticket', fields);
    await dataSource.autoupdate();
    const columns = await dataSource.discoverModelProperties('ticket');
    assert.deepStrictEqual(columns.map((column) => column.dataType), ['text', 'text']);
  });
});
`;

cjs.run('no-shared-test-data: a model defined once from an object the tests evolve (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'the properties handed to `define` in `before` are the model’s definition, which a test changes to update the schema',
      filename: 'test/integration/schema-updates.test.js',
      code: EVOLVING,
    },
  ],
  invalid: [
    {
      name: 'an object the hook hands to no schema work, which a test changes and writes, is data the tests share',
      filename: 'test/integration/schema-updates.test.js',
      code: EVOLVING.replace("    Ticket = dataSource.define('Ticket', fields);\n    await dataSource.automigrate();\n", "    Ticket = dataSource.define('Ticket', { title: { type: String } });\n").replace(
        "    fields.priority.type = String;\n    Ticket = dataSource.define('Ticket', fields);\n",
        '    fields.priority.type = String;\n    await Ticket.create(fields);\n',
      ),
      errors: [{ messageId: 'sharedData', line: 9 }],
    },
    {
      name: 'defining a model again before each test removes none of the rows a run-once hook made',
      filename: 'test/integration/ticket-queries.test.js',
      code: `const assert = require('node:assert');
const { getDataSource } = require('./support/data-source');

describe('ticket queries', function () {
  const dataSource = getDataSource();
  let Ticket;

  before(async function () {
    await dataSource.models.Ticket.create({ title: 'printer jam', priority: 2 });
  });

  beforeEach(function () {
    Ticket = dataSource.define('Ticket', { title: { type: String }, priority: { type: Number } });
  });

  it('finds tickets by title', async function () {
    const found = await Ticket.find({ where: { title: 'printer jam' } });
    assert.strictEqual(found.length, 1);
  });

  it('closes a ticket', async function () {
    await Ticket.updateAll({ title: 'printer jam' }, { priority: 0 });
    const [ticket] = await Ticket.find({ where: { title: 'printer jam' } });
    assert.strictEqual(ticket.priority, 0);
  });
});
`,
      errors: [{ messageId: 'sharedData', line: 9 }],
    },
  ],
});
