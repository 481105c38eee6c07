/**
 * `no-shared-test-data`: a test that calls one of the file's own functions reads what that function
 * reads. `const authHeader = () => ({ authorization: token })`, then `agent.get(url).set(authHeader())`
 * in a test, reads `token`, so a value an earlier test left there reaches it; the count of later
 * tests includes such callers. A function that also assigns or changes the binding is not counted as
 * a reader.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';
import { SCENARIO_TO_ACCEPTANCE } from '../helpers/advice';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const handedOn = (line: number, name: string, later: string, messageId: 'handedOn' | 'handedOnReplaced' = 'handedOn') => ({
  messageId,
  line,
  data: { scenario: SCENARIO_TO_ACCEPTANCE, name, later },
});

ts.run('no-shared-test-data: reads through the file’s own functions (TypeScript)', rule, {
  valid: [
    {
      name: 'a helper that sets the value itself before it reads it (Vitest)',
      filename: 'test/integration/tokens.test.ts',
      code: `import { expect, it } from 'vitest';
import { issueToken, verify } from '../../src/tokens';

let token: string | undefined;

function freshHeader() {
  token = issueToken('ada');
  return { authorization: token };
}

it('issues a token', () => {
  token = issueToken('grace');
  expect(token).toBeTruthy();
});

it('verifies a header', () => {
  expect(verify(freshHeader().authorization)).toBe(true);
});
`,
    },
    {
      name: 'a list a helper adds each client to, for the teardown after each test to close (Mocha)',
      filename: 'test/integration/sessions.test.ts',
      code: `import { strict as assert } from 'node:assert';
import { connect, type Client } from '../../src/client';

describe('sessions', () => {
  const opened: Client[] = [];

  afterEach(async () => {
    while (opened.length) await opened.pop()!.close();
  });

  async function openClient(): Promise<Client> {
    const client = await connect();
    opened.push(client);
    return client;
  }

  it('opens a session', async () => {
    assert.ok((await openClient()).session);
  });

  it('opens another', async () => {
    assert.ok((await openClient()).session);
  });

  it('opens a third', async () => {
    assert.ok((await openClient()).session);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'a token one test sets, read by later tests only through a header helper (Jest)',
      filename: 'test/integration/orders.test.ts',
      code: `import { createOrder, listOrders, login } from '../../src/orders';

let token = '';
const authHeader = () => ({ authorization: \`Bearer \${token}\` });

test('logs in', async () => {
  token = await login('ada', 'secret');
});

test('creates an order', async () => {
  await createOrder({ sku: 'a1' }, authHeader());
});

test('lists orders', async () => {
  expect(await listOrders(authHeader())).toHaveLength(1);
});
`,
      errors: [handedOn(11, 'token', 'by 2 later tests, starting here')],
    },
    {
      name: 'direct reads and reads through a path helper are counted together (Vitest)',
      filename: 'test/integration/api-version.test.ts',
      code: `import { expect, it } from 'vitest';
import { call } from '../support/client';

let version = 1;
function path(point: string) {
  return \`/api/\${version}/\${point}\`;
}

it('finds the current version', async () => {
  version = (await call('/api')).current;
});

it('reads the version it found', () => {
  expect(version).toBeGreaterThan(0);
});

it('creates a pad', async () => {
  await call(path('createPad'));
});

it('deletes the pad', async () => {
  await call(path('deletePad'));
});
`,
      errors: [handedOn(14, 'version', 'by 3 later tests, starting here', 'handedOnReplaced')],
    },
  ],
});

cjs.run('no-shared-test-data: reads through the file’s own functions (CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      name: 'a group id read through a function declaration, in Mocha',
      filename: 'test/integration/groups.test.js',
      code: `const assert = require('node:assert');
const { createGroup, listSessions } = require('../../src/groups');

describe('groups', function () {
  let groupID = '';

  function sessionsOfGroup() {
    return listSessions(groupID);
  }

  it('creates a group', async function () {
    groupID = await createGroup();
  });

  it('lists no sessions', async function () {
    assert.deepStrictEqual(await sessionsOfGroup(), []);
  });
});
`,
      errors: [handedOn(16, 'groupID', 'here, by a later test')],
    },
  ],
});
