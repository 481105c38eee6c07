/**
 * `no-infrastructure-in-unit-tests`: a client built over a test double (a mock driver handed as an
 * option, a fake transport handed to the constructor) talks to the double, so it opens nothing.
 * The same factory given a real driver or address is still reported.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import noInfrastructureInUnitTests from '../../src/rules/no-infrastructure-in-unit-tests';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

type MessageId = ESLintUtils.InferMessageIdsTypeFromRule<typeof noInfrastructureInUnitTests>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof noInfrastructureInUnitTests>;
const rule = noInfrastructureInUnitTests as unknown as Parameters<typeof ts.run<MessageId, Options>>[1];

ts.run('no-infrastructure-in-unit-tests: clients built over doubles (Jest, TypeScript)', rule, {
  valid: [
    {
      name: 'knex given a mock driver as its client option, with a query tracker',
      filename: 'src/sessions/session-store.spec.ts',
      code: `import { beforeEach, describe, expect, it } from '@jest/globals';
import knex, { type Knex } from 'knex';
import { createTracker, MockClient, type Tracker } from 'knex-mock-client';
import { SessionStore } from './session-store';

describe('SessionStore', () => {
  let db: Knex;
  let tracker: Tracker;

  beforeEach(() => {
    db = knex({ client: MockClient, dialect: 'pg' });
    tracker = createTracker(db);
  });

  it('reads a session by id', async () => {
    tracker.on.select('sessions').response([{ id: 's1', data: '{}' }]);
    await expect(new SessionStore(db).get('s1')).resolves.toEqual({});
  });
});
`,
    },
    {
      name: 'a broker client handed a fake transport in its options',
      filename: 'src/events/publisher.spec.ts',
      code: `import { describe, expect, it } from 'vitest';
import { connect } from 'nats';
import { FakeTransport } from '../../test/fake-transport';
import { Publisher } from './publisher';

describe('Publisher', () => {
  it('publishes on the order subject', async () => {
    const transport = new FakeTransport();
    const connection = await connect({ servers: 'nats://unused', transport: FakeTransport });
    await new Publisher(connection).orderPlaced('o1');
    expect(transport.sent).toHaveLength(0);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'knex given a real driver name still opens a connection',
      filename: 'src/sessions/session-store.spec.ts',
      code: `import { describe, expect, it } from '@jest/globals';
import knex from 'knex';
import { SessionStore } from './session-store';

describe('SessionStore', () => {
  it('reads a session by id', async () => {
    const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
    await expect(new SessionStore(db).get('s1')).resolves.toBeNull();
  });
});
`,
      errors: [{ messageId: 'client', data: { module: 'knex', kind: 'database' }, line: 7, column: 16 }],
    },
  ],
});

cjs.run('no-infrastructure-in-unit-tests: clients built over doubles (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'knex built with a driver name, then handed to a library that answers its queries',
      filename: 'test/unit/ledger.test.js',
      code: `const assert = require('assert');
const knex = require('knex');
const mockKnex = require('mock-knex');
const { Ledger } = require('../../src/ledger');

describe('Ledger', function () {
  const db = knex({ client: 'pg' });
  const tracker = mockKnex.getTracker();

  before(() => mockKnex.mock(db));
  after(() => mockKnex.unmock(db));
  beforeEach(() => tracker.install());
  afterEach(() => tracker.uninstall());

  it('sums the entries', async function () {
    tracker.on('query', (query) => query.response([{ total: 12 }]));
    assert.strictEqual(await new Ledger(db).total(), 12);
  });
});
`,
    },
    {
      name: 'a Redis client handed a mock connection object',
      filename: 'test/unit/rate-limit.test.js',
      code: `const assert = require('assert');
const Redis = require('ioredis');
const { mockConnection } = require('../helpers/redis-doubles');
const { RateLimit } = require('../../src/rate-limit');

describe('RateLimit', function () {
  it('allows the first call', async function () {
    const redis = new Redis({ lazyConnect: true, Connector: mockConnection });
    assert.strictEqual(await new RateLimit(redis).allow('ip'), true);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'the same client handed a plain address is reported',
      filename: 'test/unit/rate-limit.test.js',
      code: `const assert = require('assert');
const Redis = require('ioredis');
const { RateLimit } = require('../../src/rate-limit');

describe('RateLimit', function () {
  it('allows the first call', async function () {
    const redis = new Redis({ host: 'localhost', port: 6379 });
    assert.strictEqual(await new RateLimit(redis).allow('ip'), true);
  });
});
`,
      errors: [{ messageId: 'client', data: { module: 'ioredis', kind: 'cache' }, line: 7, column: 19 }],
    },
  ],
});
