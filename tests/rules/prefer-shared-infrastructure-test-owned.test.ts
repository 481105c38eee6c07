/**
 * `prefer-shared-infrastructure` on what a test starts and disposes of itself: a network held by an
 * `await using` declaration is closed when the test ends, and a client configured from something the
 * same test starts (`new Client({ node: node.httpUrl() })`) can only move together with it. A client
 * configured from the environment is still opened anew in each test.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/prefer-shared-infrastructure';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('prefer-shared-infrastructure: what a test starts and disposes of (TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: each test holds its network in `await using`',
      filename: 'test/integration/proxy.test.ts',
      code: `import { Network } from 'testcontainers';
import { describe, expect, it } from 'vitest';
import { startProxy } from '../support/proxy';

describe('proxy', () => {
  it('forwards to the upstream', async () => {
    await using network = await new Network().start();
    const proxy = await startProxy(network.getName());
    expect(await proxy.ping()).toBe(true);
  });

  it('cuts the upstream off', async () => {
    await using network = await new Network().start();
    const proxy = await startProxy(network.getName(), { latency: 1000 });
    expect(await proxy.ping()).toBe(false);
  });
});
`,
    },
    {
      name: 'Jest: each client is configured from the node its test starts',
      filename: 'test/integration/search-node.test.ts',
      code: `import { Client } from '@elastic/elasticsearch';
import { SearchNode } from '../src/search-node';

describe('SearchNode', () => {
  it('creates an index', async () => {
    const node = await new SearchNode('elasticsearch:8.18.1').start();
    const client = new Client({ node: node.httpUrl() });
    await client.indices.create({ index: 'people' });
    expect(await client.indices.exists({ index: 'people' })).toBe(true);
  });

  it('accepts a password', async () => {
    const node = await new SearchNode('elasticsearch:8.18.1').withPassword('secret').start();
    const client = new Client({ node: node.httpUrl(), auth: { username: 'elastic', password: 'secret' } });
    expect((await client.ping())).toBe(true);
  });
});
`,
    },
    {
      name: 'Vitest: each test stops the container it started, in a finally block',
      filename: 'test/integration/topology.test.ts',
      code: `import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { describe, expect, it } from 'vitest';
import { selectTopology } from '../../src/topology';

describe('selectTopology', () => {
  it('opens one database when the split is off', async () => {
    const pg = await new PostgreSqlContainer('postgres:16').start();
    try {
      expect(await selectTopology({ split: false, url: pg.getConnectionUri() })).toHaveLength(1);
    } finally {
      await pg.stop();
    }
  });

  it('opens two databases when the split is on', async () => {
    const pg = await new PostgreSqlContainer('postgres:16').start();
    try {
      expect(await selectTopology({ split: true, url: pg.getConnectionUri() })).toHaveLength(2);
    } finally {
      await pg.stop();
    }
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'Jest: each test opens a client on the same address from the environment',
      filename: 'test/integration/search-node.test.ts',
      code: `import { Client } from '@elastic/elasticsearch';
import { SearchNode } from '../src/search-node';

describe('SearchNode', () => {
  it('creates an index', async () => {
    const node = process.env.SEARCH_URL;
    const client = new Client({ node: node });
    await client.indices.create({ index: 'people' });
    expect(await client.indices.exists({ index: 'people' })).toBe(true);
  });

  it('answers a ping', async () => {
    const node = process.env.SEARCH_URL;
    const client = new Client({ node: node });
    expect((await client.ping())).toBe(true);
  });
});
`,
      errors: [{ messageId: 'perTestBody', line: 7, data: { call: 'new Client()', count: 2, shared: 'beforeAll' }, suggestions: [] }],
    },
    {
      name: 'Vitest: each test closes a client configured from its container, which stays up',
      filename: 'test/integration/topology.test.ts',
      code: `import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';

describe('connections', () => {
  it('selects one', async () => {
    const pg = await new PostgreSqlContainer().start();
    const client = new Client({ connectionString: pg.getConnectionUri() });
    await client.connect();
    expect((await client.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    await client.end();
  });

  it('selects two', async () => {
    const pg = await new PostgreSqlContainer().start();
    const client = new Client({ connectionString: pg.getConnectionUri() });
    await client.connect();
    expect((await client.query('SELECT 2 AS two')).rows[0].two).toBe(2);
    await client.end();
  });
});
`,
      errors: [{ messageId: 'perTestBody', line: 7, data: { call: 'new PostgreSqlContainer().start()', count: 2, shared: 'beforeAll' }, suggestions: [] }],
    },
  ],
});

cjs.run('prefer-shared-infrastructure: what a test starts (node:test, CommonJS)', rule, {
  valid: [
    {
      name: 'each client connects to the server its test starts',
      filename: 'test/integration/visits.test.js',
      code: `const assert = require('node:assert/strict');
const { test } = require('node:test');
const Redis = require('ioredis');
const { LocalRedis } = require('../support/local-redis');

test('counts visits', async () => {
  const server = await new LocalRedis().start();
  const redis = new Redis(server.port);
  assert.equal(await redis.incr('visits'), 1);
});

test('expires a key', async () => {
  const server = await new LocalRedis().start();
  const redis = new Redis(server.port);
  await redis.set('token', 'abc', 'EX', 1);
  assert.equal(await redis.ttl('token'), 1);
});
`,
    },
    {
      name: 'each test stops the container it started, in a finally block (Mocha)',
      filename: 'test/integration/cache.test.js',
      code: `const assert = require('node:assert/strict');
const { GenericContainer } = require('testcontainers');
const { connectCache } = require('../../src/cache');

describe('cache', () => {
  it('stores a value', async () => {
    const container = await new GenericContainer('redis:7').withExposedPorts(6379).start();
    try {
      const cache = await connectCache(container.getHost(), container.getMappedPort(6379));
      await cache.put('a', 1);
      assert.equal(await cache.get('a'), 1);
    } finally {
      await container.stop();
    }
  });

  it('forgets an expired value', async () => {
    const container = await new GenericContainer('redis:7').withExposedPorts(6379).start();
    try {
      const cache = await connectCache(container.getHost(), container.getMappedPort(6379));
      await cache.put('b', 2, { ttl: 0 });
      assert.equal(await cache.get('b'), undefined);
    } finally {
      await container.stop();
    }
  });
});
`,
    },
  ],
  invalid: [],
});
