/**
 * `no-shared-test-data`: a value handed from one test to the next is reported in two ways. A binding
 * declared empty (no initialiser, `null`, `0`, `''`, `[]`) holds nothing until the earlier test
 * runs, so the later test passes only after it. A binding declared with a value of its own
 * (`let poolMax = 4`) gives a later test run alone that value: the message then says only that what
 * the test reads depends on the order. So does a counter the tests only move on (`sent += 1`), whose
 * starting 0 is a count rather than a placeholder, and a binding a run-once setup hook around the
 * readers gives a value before any test changes it.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';
import { SCENARIO_TO_ACCEPTANCE } from '../helpers/advice';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: values handed on, declared with and without one (node:test)', rule, {
  valid: [],
  invalid: [
    {
      name: 'a limit declared with a value and an alias declared null, both changed by the first test',
      filename: 'test/integration/pool-limits.test.ts',
      code: `import { strictEqual } from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPool, type Pool } from '../../src/db/pool';

describe('pool limits', () => {
  let pool: Pool;
  let poolMax = 4;
  let poolAlias: string | null = null;

  before(async () => {
    pool = await createPool({ max: 4 });
  });
  after(() => pool.close());

  it('raises the limit', async () => {
    poolMax = 8;
    poolAlias = 'reports';
    await pool.reconfigure({ max: poolMax, alias: poolAlias });
    strictEqual(pool.max, 8);
  });

  it('keeps the limit it was given', async () => {
    await pool.reconfigure({ max: poolMax, alias: poolAlias });
    strictEqual(pool.max, poolMax);
  });
});`,
      errors: [
        { messageId: 'handedOnReplaced', line: 23, column: 35, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'poolMax', later: 'here, by a later test' } },
        { messageId: 'handedOn', line: 23, column: 51, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'poolAlias', later: 'here, by a later test' } },
      ],
    },
  ],
});

cjs.run('no-shared-test-data: values handed on, declared with and without one (Mocha)', rule, {
  valid: [],
  invalid: [
    {
      name: 'a retry count declared with 3 and a counter declared 0, both changed by the first test',
      filename: 'test/integration/jobs.test.js',
      code: `const assert = require('assert');
const { openQueue } = require('../../src/queue');

describe('jobs', function () {
  let queue;
  let retries = 3;
  let processed = 0;

  before(async function () {
    queue = await openQueue('jobs');
  });
  after(() => queue.close());

  it('retries a failing job', async function () {
    retries = 5;
    processed = await queue.runAll({ retries });
    assert.ok(processed > 0);
  });

  it('reports what ran', async function () {
    const report = await queue.report({ retries });
    assert.strictEqual(report.processed, processed);
  });
});`,
      errors: [
        { messageId: 'handedOnReplaced', line: 21, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'retries', later: 'here, by a later test' } },
        { messageId: 'handedOn', line: 22, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'processed', later: 'here, by a later test' } },
      ],
    },
  ],
});

const vitest = new RuleTester({ languageOptions: { parser: tsParser } });

vitest.run('no-shared-test-data: a counter the tests move on from where it stands (Vitest)', rule, {
  valid: [],
  invalid: [
    {
      name: 'a count of sent mails kept beside the outbox: a test run alone reads 0, not nothing',
      filename: 'tests/integration/outbox.test.ts',
      code: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOutbox, type Outbox } from '../../src/mail/outbox';

describe('outbox', () => {
  let outbox: Outbox;
  let sent = 0;
  let queued = 0;

  beforeAll(async () => {
    outbox = await openOutbox();
  });
  afterAll(() => outbox.close());

  it('sends a welcome mail', async () => {
    await outbox.send({ to: 'ada@example.test', template: 'welcome' });
    sent += 1;
    queued++;
    expect(await outbox.count()).toBe(sent);
  });

  it('skips a mail to a blocked address', async () => {
    await outbox.send({ to: 'blocked@example.test', template: 'welcome' });
    expect(await outbox.count()).toBe(sent);
    expect(await outbox.pending()).toBe(queued);
  });
});`,
      errors: [
        { messageId: 'handedOnReplaced', line: 23, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'sent', later: 'here, by a later test' } },
        { messageId: 'handedOnReplaced', line: 24, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'queued', later: 'here, by a later test' } },
      ],
    },
    {
      name: 'a counter a test sets outright is still handed on: before it, it holds no count',
      filename: 'tests/integration/outbox-total.test.ts',
      code: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOutbox, type Outbox } from '../../src/mail/outbox';

describe('outbox totals', () => {
  let outbox: Outbox;
  let sent = 0;

  beforeAll(async () => {
    outbox = await openOutbox();
  });
  afterAll(() => outbox.close());

  it('sends a batch', async () => {
    sent = await outbox.sendBatch(['ada@example.test', 'bob@example.test']);
    sent += 1;
    expect(sent).toBe(3);
  });

  it('counts what the batch sent', async () => {
    expect(await outbox.count()).toBe(sent);
  });
});`,
      errors: [{ messageId: 'handedOn', line: 20, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'sent', later: 'here, by a later test' } }],
    },
  ],
});

const mocha = new RuleTester({ languageOptions: { parser: tsParser } });

mocha.run('no-shared-test-data: a value a setup hook gives first, that a test then changes (Mocha)', rule, {
  valid: [],
  invalid: [
    {
      name: 'an agent logged in by before and again, as another user, by the first test: a test run alone has the first one',
      filename: 'tests/integration/layouts.test.ts',
      code: `import { expect } from 'chai';
import { startApp, type TestApp, type Agent } from '../support/app';

describe('layouts', () => {
  let app: TestApp;
  let agent: Agent;
  before(async () => {
    app = await startApp();
    agent = await app.login('admin');
  });
  after(() => app.stop());

  it('lets an editor save a layout', async () => {
    agent = await app.login('editor');
    expect(await agent.saveLayout('grid')).to.equal('saved');
  });
  it('lists the layouts', async () => {
    expect(await agent.listLayouts()).to.include('grid');
  });
});`,
      errors: [{ messageId: 'handedOnReplaced', line: 18, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'agent', later: 'here, by a later test' } }],
    },
    {
      name: 'a connection only the first test opens is still handed on',
      filename: 'tests/integration/layouts-connection.test.ts',
      code: `import { expect } from 'chai';
import { startApp, type TestApp, type Agent } from '../support/app';

describe('layouts', () => {
  let app: TestApp;
  let agent: Agent;
  before(async () => {
    app = await startApp();
  });
  after(() => app.stop());

  it('lets an editor save a layout', async () => {
    agent = await app.login('editor');
    expect(await agent.saveLayout('grid')).to.equal('saved');
  });
  it('lists the layouts', async () => {
    expect(await agent.listLayouts()).to.include('grid');
  });
});`,
      errors: [{ messageId: 'handedOn', line: 17, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'agent', later: 'here, by a later test' } }],
    },
  ],
});
