/**
 * `require-cleanup` where a test writes to a store it starts itself: a client made from what
 * `new …(…).start()` gave, which the test holds with `await using` or stops before it ends. The store
 * is the test's own, whatever the class that starts it (a project's own container class included), and
 * what was written goes with it. A store started beside a client that points elsewhere, one nobody
 * stops, or a connection disposed of (which keeps its data) still needs cleanup.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('require-cleanup: stores a test starts itself (TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: clients made from a container class of the project, held with `await using`, once again after a restart',
      filename: 'test/integration/session-store.test.ts',
      code: `import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { KeyValueContainer } from '../support/key-value-container';

describe('session store', () => {
  it('keeps a session', async () => {
    await using started = await new KeyValueContainer('kv:7').withPassword('secret').start();
    const redis = createClient({ url: started.getConnectionUrl() });
    await redis.connect();
    await redis.set('session:1', 'ada');
    expect(await redis.get('session:1')).toBe('ada');
    redis.destroy();
  });

  it('keeps a session across a restart', async () => {
    const container = new KeyValueContainer('kv:7').withPersistence();
    await using started = await container.start();
    let redis = createClient({ url: started.getConnectionUrl() });
    await redis.connect();
    await redis.set('session:2', 'grace');
    redis.destroy();
    await started.restart();
    redis = createClient({ url: started.getConnectionUrl() });
    await redis.connect();
    expect(await redis.get('session:2')).toBe('grace');
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: the started store is disposed of, but the client writes to the address in the environment',
      filename: 'test/integration/session-store.test.ts',
      code: `import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { KeyValueContainer } from '../support/key-value-container';

describe('session store', () => {
  it('keeps a session', async () => {
    await using started = await new KeyValueContainer('kv:7').start();
    const redis = createClient({ url: process.env.REDIS_URL });
    await redis.connect();
    await redis.set('session:1', 'ada');
    expect(started.getConnectionUrl()).toContain('redis://');
  });
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 10,
          data: { call: 'redis.set()', target: 'the cache', container: '' },
          suggestions: [{ messageId: 'addCleanupHook', data: { hook: 'afterEach', subject: 'redis' }, output: `import { createClient } from 'redis';
import { describe, expect, it, afterEach } from 'vitest';
import { KeyValueContainer } from '../support/key-value-container';

describe('session store', () => {
  afterEach(async () => {
    // Remove what each test wrote through \`redis\`: flush the keys it set.
  });

  it('keeps a session', async () => {
    await using started = await new KeyValueContainer('kv:7').start();
    const redis = createClient({ url: process.env.REDIS_URL });
    await redis.connect();
    await redis.set('session:1', 'ada');
    expect(started.getConnectionUrl()).toContain('redis://');
  });
});
` }],
        },
      ],
    },
    {
      name: 'Vitest: a connection held with `await using` is released, not emptied, when the test ends',
      filename: 'test/integration/orders.test.ts',
      code: `import { Pool } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());

describe('orders', () => {
  it('stores an order on a connection the test disposes of', async () => {
    await using connection = await pool.connect();
    await connection.query('INSERT INTO orders (id) VALUES (1)');
    expect((await connection.query('SELECT id FROM orders')).rowCount).toBe(1);
  });
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 10,
          data: { call: 'connection.query()', target: 'the database', container: '' },
          suggestions: [{ messageId: 'addCleanupHook', data: { hook: 'afterEach', subject: 'connection' }, output: `import { Pool } from 'pg';
import { afterAll, describe, expect, it, afterEach } from 'vitest';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());

describe('orders', () => {
  afterEach(async () => {
    // Remove what each test wrote through \`connection\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  it('stores an order on a connection the test disposes of', async () => {
    await using connection = await pool.connect();
    await connection.query('INSERT INTO orders (id) VALUES (1)');
    expect((await connection.query('SELECT id FROM orders')).rowCount).toBe(1);
  });
});
` }],
        },
      ],
    },
  ],
});

cjs.run('require-cleanup: stores a test starts and stops (Mocha, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'Mocha: the first test stops the store it wrote to; the second never stops its own',
      filename: 'test/integration/audit.test.js',
      code: `const { expect } = require('chai');
const { MongoClient } = require('mongodb');
const { DocumentStoreContainer } = require('../support/document-store');

describe('audit log', function () {
  it('appends an entry', async function () {
    const store = await new DocumentStoreContainer().withReplicaSet().start();
    const client = await MongoClient.connect(store.getConnectionString());
    const entries = client.db('audit').collection('entries');
    await entries.insertOne({ action: 'login' });
    expect(await entries.countDocuments()).to.equal(1);
    await client.close();
    await store.stop();
  });

  it('appends an entry to a store nobody stops', async function () {
    const store = await new DocumentStoreContainer().start();
    const client = await MongoClient.connect(store.getConnectionString());
    await client.db('audit').collection('entries').insertOne({ action: 'logout' });
    await client.close();
  });
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 19,
          data: { call: 'client.db().collection().insertOne()', target: 'the database', container: '' },
          suggestions: [{ messageId: 'addCleanupHook', data: { hook: 'afterEach', subject: 'client' }, output: `const { expect } = require('chai');
const { MongoClient } = require('mongodb');
const { DocumentStoreContainer } = require('../support/document-store');

describe('audit log', function () {
  afterEach(async () => {
    // Remove what each test wrote through \`client\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  it('appends an entry', async function () {
    const store = await new DocumentStoreContainer().withReplicaSet().start();
    const client = await MongoClient.connect(store.getConnectionString());
    const entries = client.db('audit').collection('entries');
    await entries.insertOne({ action: 'login' });
    expect(await entries.countDocuments()).to.equal(1);
    await client.close();
    await store.stop();
  });

  it('appends an entry to a store nobody stops', async function () {
    const store = await new DocumentStoreContainer().start();
    const client = await MongoClient.connect(store.getConnectionString());
    await client.db('audit').collection('entries').insertOne({ action: 'logout' });
    await client.close();
  });
});
` }],
        },
      ],
    },
  ],
});
