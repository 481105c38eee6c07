/**
 * `prefer-shared-infrastructure` on files on disk whose test functions are globals and whose hooks
 * say nothing of the runner (`beforeEach`/`afterEach` exist in Jest and Mocha alike): the hook names
 * in its message and its edit come from the runner the project declares.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../src/rules/prefer-shared-infrastructure';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'declared-runner-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TEST = `const amqp = require('amqplib');
const { publishOrder } = require('../../src/order-events');

describe('order events', () => {
  let connection;
  beforeEach(async () => {
    connection = await amqp.connect(process.env.AMQP_URL);
  });
  afterEach(() => connection.close());

  it('publishes a created order', async () => {
    await publishOrder(connection, { id: 'o-1' });
  });
  it('publishes a cancelled order', async () => {
    await publishOrder(connection, { id: 'o-2', cancelled: true });
  });
});
`;

/** The module the tests hand the connection to: it publishes through the connection, and changes nothing of it. */
const ORDER_EVENTS = `exports.publishOrder = async (connection, order) => {
  const channel = await connection.createChannel();
  channel.sendToQueue('orders', Buffer.from(JSON.stringify(order)));
  await channel.close();
};
`;

/** Lints the test file of a repository made of `files`: the report's message and its one suggestion's output. */
function lint(name: string, files: Record<string, string>): { message: string; output: string } {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries({ '.git/HEAD': 'ref: refs/heads/main\n', 'tests/integration/order-events.test.js': TEST, 'src/order-events.js': ORDER_EVENTS, ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const linter = new Linter({ cwd: dir });
  const config: Linter.Config[] = [
    {
      files: ['**/*.js'],
      languageOptions: { sourceType: 'commonjs' },
      plugins: { infra: { rules: { 'prefer-shared-infrastructure': rule as unknown as Rule.RuleModule } } },
      rules: { 'infra/prefer-shared-infrastructure': 'error' },
    },
  ];
  const filename = path.join(dir, 'tests/integration/order-events.test.js');
  const [message, ...rest] = linter.verify(TEST, config, { filename });
  expect(rest).toEqual([]);
  const suggestion = message?.suggestions?.[0];
  if (!message || !suggestion) throw new Error('expected one report with a suggestion');
  return { message: message.message, output: `${TEST.slice(0, suggestion.fix.range[0])}${suggestion.fix.text}${TEST.slice(suggestion.fix.range[1])}` };
}

describe('hook names from the declared runner', () => {
  it('writes before and after in a project that runs zUnit', () => {
    const { message, output } = lint('zunit', { 'package.json': JSON.stringify({ name: 'broker', scripts: { test: 'zUnit' }, devDependencies: { zunit: '^4.0.0' } }) });
    expect(message).toBe(
      '`amqp.connect()` opens infrastructure in `beforeEach`, once for each of the 2 tests it runs before. Open it once in `before` and keep only per-test resets (truncating tables, flushing a cache, rolling back) in `beforeEach`.',
    );
    expect(output).toBe(`const amqp = require('amqplib');
const { publishOrder } = require('../../src/order-events');

describe('order events', () => {
  let connection;
  before(async () => {
    connection = await amqp.connect(process.env.AMQP_URL);
  });
  after(() => connection.close());

  it('publishes a created order', async () => {
    await publishOrder(connection, { id: 'o-1' });
  });
  it('publishes a cancelled order', async () => {
    await publishOrder(connection, { id: 'o-2', cancelled: true });
  });
});
`);
  });

  it('writes beforeAll and afterAll in a project with a Jest configuration', () => {
    const { message, output } = lint('jest', { 'package.json': '{ "name": "broker" }', 'jest.config.js': 'module.exports = {};' });
    expect(message).toBe(
      '`amqp.connect()` opens infrastructure in `beforeEach`, once for each of the 2 tests it runs before. Open it once in `beforeAll` and keep only per-test resets (truncating tables, flushing a cache, rolling back) in `beforeEach`.',
    );
    expect(output).toBe(`const amqp = require('amqplib');
const { publishOrder } = require('../../src/order-events');

describe('order events', () => {
  let connection;
  beforeAll(async () => {
    connection = await amqp.connect(process.env.AMQP_URL);
  });
  afterAll(() => connection.close());

  it('publishes a created order', async () => {
    await publishOrder(connection, { id: 'o-1' });
  });
  it('publishes a cancelled order', async () => {
    await publishOrder(connection, { id: 'o-2', cancelled: true });
  });
});
`);
  });
});
