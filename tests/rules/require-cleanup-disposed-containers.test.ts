/**
 * `require-cleanup` where a test starts its own throwaway container and stops it: with `container.stop()`
 * after its writes, or by holding it in a `using` / `await using` declaration that disposes of it when
 * the test ends. The data goes with the container, so nothing is left for the next test. A container
 * stopped by another test, or a `using` declaration of something else, cleans up nothing.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });
const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

ts.run('require-cleanup: containers a test disposes of (TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: `await using` stops the Postgres container when the test ends',
      filename: 'test/integration/orders.test.ts',
      code: `import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';

describe('orders table', () => {
  it('stores an order', async () => {
    await using container = await new PostgreSqlContainer('postgres:16').start();
    const client = new Client({ connectionString: container.getConnectionUri() });
    await client.connect();
    await client.query('INSERT INTO orders (id) VALUES (1)');
    expect((await client.query('SELECT id FROM orders')).rows).toHaveLength(1);
    await client.end();
  });
});
`,
    },
    {
      name: 'node:test: `await using` a generic container',
      filename: 'test/integration/audit.test.ts',
      code: `import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { GenericContainer } from 'testcontainers';
import { MongoClient } from 'mongodb';

describe('audit log', () => {
  it('appends an entry', async () => {
    await using mongo = await new GenericContainer('mongo:7').withExposedPorts(27017).start();
    const client = await MongoClient.connect(\`mongodb://\${mongo.getHost()}:\${mongo.getMappedPort(27017)}\`);
    await client.db('audit').collection('entries').insertOne({ action: 'login' });
    assert.equal(await client.db('audit').collection('entries').countDocuments(), 1);
    await client.close();
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: the test disposes of a connection, and another test stops the shared container',
      filename: 'test/integration/orders.test.ts',
      code: `import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';

const container = await new PostgreSqlContainer('postgres:16').start();

describe('orders table', () => {
  it('stores an order', async () => {
    await using connection = await openConnection();
    const client = new Client({ connectionString: container.getConnectionUri() });
    await client.connect();
    await client.query('INSERT INTO orders (id) VALUES (1)');
    expect(connection).toBeDefined();
  });

  it('stops the database', async () => {
    await container.stop();
  });
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 12,
          data: { call: 'client.query()', target: 'the database', container: ' (or stop the container that holds the data)' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'client' },
              output: `import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { Client } from 'pg';
import { describe, expect, it, afterEach } from 'vitest';

const container = await new PostgreSqlContainer('postgres:16').start();

describe('orders table', () => {
  afterEach(async () => {
    // Remove what each test wrote through \`client\`: truncate the tables it wrote to, or roll back a per-test transaction.
  });

  it('stores an order', async () => {
    await using connection = await openConnection();
    const client = new Client({ connectionString: container.getConnectionUri() });
    await client.connect();
    await client.query('INSERT INTO orders (id) VALUES (1)');
    expect(connection).toBeDefined();
  });

  it('stops the database', async () => {
    await container.stop();
  });
});
`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('require-cleanup: containers a test stops (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'the test stops its Redis container after writing',
      filename: 'test/integration/sessions.test.js',
      code: `const { RedisContainer } = require('@testcontainers/redis');
const Redis = require('ioredis');

describe('session store', () => {
  it('keeps a session', async () => {
    const container = await new RedisContainer('redis:7').start();
    const redis = new Redis(container.getConnectionUrl());
    await redis.set('session:1', 'alice');
    expect(await redis.get('session:1')).toBe('alice');
    redis.disconnect();
    await container.stop();
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'the container is shared by the file and stopped by a later test',
      filename: 'test/integration/sessions.test.js',
      code: `const { RedisContainer } = require('@testcontainers/redis');
const Redis = require('ioredis');

describe('session store', () => {
  let container;
  let redis;

  beforeAll(async () => {
    container = await new RedisContainer('redis:7').start();
    redis = new Redis(container.getConnectionUrl());
  });

  it('keeps a session', async () => {
    await redis.set('session:1', 'alice');
    expect(await redis.get('session:1')).toBe('alice');
  });

  it('shuts down', async () => {
    redis.disconnect();
    await container.stop();
  });
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 14,
          data: { call: 'redis.set()', target: 'the cache', container: ' (or stop the container that holds the data)' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'redis' },
              output: `const { RedisContainer } = require('@testcontainers/redis');
const Redis = require('ioredis');

describe('session store', () => {
  let container;
  let redis;

  beforeAll(async () => {
    container = await new RedisContainer('redis:7').start();
    redis = new Redis(container.getConnectionUrl());
  });

  afterEach(async () => {
    // Remove what each test wrote through \`redis\`: flush the keys it set.
  });

  it('keeps a session', async () => {
    await redis.set('session:1', 'alice');
    expect(await redis.get('session:1')).toBe('alice');
  });

  it('shuts down', async () => {
    redis.disconnect();
    await container.stop();
  });
});
`,
            },
          ],
        },
      ],
    },
  ],
});

esm.run('require-cleanup: containers a test stops (Mocha, ES modules)', rule, {
  valid: [
    {
      name: 'the test stops its MySQL container after writing',
      filename: 'test/integration/accounts.test.js',
      code: `import { expect } from 'chai';
import { MySqlContainer } from '@testcontainers/mysql';
import mysql from 'mysql2/promise';

describe('accounts', function () {
  it('opens an account', async function () {
    const container = await new MySqlContainer('mysql:8').start();
    const connection = await mysql.createConnection(container.getConnectionUri());
    await connection.execute('INSERT INTO accounts (owner) VALUES (?)', ['alice']);
    const [rows] = await connection.execute('SELECT owner FROM accounts');
    expect(rows).to.have.length(1);
    await connection.end();
    await container.stop();
  });
});
`,
    },
  ],
  invalid: [],
});
