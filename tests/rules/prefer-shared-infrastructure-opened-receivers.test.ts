/**
 * `prefer-shared-infrastructure` on a client a test builds, opens with a method of its own
 * (`await ds.initialize()`, `await client.connect()`) and closes before it ends: the test is about
 * what it opens, and nothing stays open for the next one. Left open, the client is opened anew in
 * each test, and the finding names its construction.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/prefer-shared-infrastructure';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const SPANS = `import { describe, it } from 'mocha';
import { DataSource } from 'typeorm';
import { strict as assert } from 'node:assert';
import { spans } from '../../src/tracing';
import { options, User } from '../support/entities';

describe('entity manager spans', () => {
  it('records a save', async () => {
    const ds = new DataSource(options);
    await ds.initialize();
    await ds.manager.save(new User(1, 'ada'));
    assert.equal(spans().length, 1);
    await ds.destroy();
  });

  it('records a remove', async () => {
    const ds = new DataSource(options);
    await ds.initialize();
    await ds.manager.remove(new User(1, 'ada'));
    assert.equal(spans().length, 1);
    await ds.destroy();
  });
});
`;

ts.run('prefer-shared-infrastructure: opened by a method and closed by the same test (Mocha, TypeScript)', rule, {
  valid: [
    {
      name: 'each test initialises its data source and destroys it',
      filename: 'test/integration/entity-manager.test.ts',
      code: SPANS,
    },
  ],
  invalid: [
    {
      name: 'left open, the data source is opened anew in each test',
      filename: 'test/integration/entity-manager.test.ts',
      code: SPANS.replaceAll('    await ds.destroy();\n', ''),
      errors: [{ messageId: 'perTestBody', line: 9, data: { call: 'new DataSource()', count: 2, shared: 'before' }, suggestions: [] }],
    },
  ],
});

cjs.run('prefer-shared-infrastructure: connected and ended by the same test (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'a client connected and ended in each test',
      filename: 'test/integration/pg-spans.test.js',
      code: `const { Client } = require('pg');

test('records a query span', async () => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query('select 1');
  await client.end();
});

test('records a failed query span', async () => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await expect(client.query('select nope')).rejects.toThrow();
  await client.end();
});
`,
    },
  ],
  invalid: [],
});
