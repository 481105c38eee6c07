/**
 * `no-shared-test-data` on values handed from test to test, by the order of each test's steps: a test
 * that reads the binding before it assigns it reads what an earlier test left, and counts; a read in
 * a callback of the test (an msw handler) runs when that is called, and decides nothing. A binding
 * that a function outside every test and hook assigns too (a callback handed to the code under test,
 * a helper the tests call) may be set by whichever test makes the call: no hand-off is reported.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';
import { SCENARIO_TO_ACCEPTANCE } from '../helpers/advice';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-shared-test-data: the order of steps in a test (Vitest, Jest, TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: a mail callback handed to the code under test sets the code each test reads',
      filename: 'src/auth/one-time-codes.test.ts',
      code: `import { describe, expect, it } from 'vitest';
import { startAuth } from '../../test/support/auth';

describe('one-time codes', async () => {
  let code = '';
  const { client } = await startAuth({
    sendCode({ code: sent }) {
      code = sent;
    },
  });

  it('signs in with the code it was sent', async () => {
    await client.requestCode({ email: 'ann@example.com' });
    expect(await client.signIn({ email: 'ann@example.com', code })).toMatchObject({ ok: true });
  });

  it('refuses a code used twice', async () => {
    code = '';
    await client.requestCode({ email: 'bob@example.com' });
    await client.signIn({ email: 'bob@example.com', code });
    await expect(client.signIn({ email: 'bob@example.com', code })).rejects.toThrow();
  });

  it('refuses an old code after a new one is sent', async () => {
    await client.requestCode({ email: 'cy@example.com' });
    const first = code;
    await client.requestCode({ email: 'cy@example.com' });
    await expect(client.signIn({ email: 'cy@example.com', code: first })).rejects.toThrow();
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'Jest: a test that reads the client before it replaces it counts among the later tests',
      filename: 'src/clients/registry.integration.test.ts',
      code: `import { Pool } from 'pg';
import { ClientRegistry, type RegisteredClient } from './registry';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const registry = new ClientRegistry(pool);
let client: RegisteredClient;

afterAll(() => pool.end());

it('registers a client', async () => {
  client = await registry.register({ name: 'web' });
  expect(client.id).toBeDefined();
});

it('renames it', async () => {
  const renamed = await registry.rename(client.id, 'web-2');
  expect(renamed.name).toBe('web-2');
  client = renamed;
});

it('finds it by its new name', async () => {
  expect(await registry.findByName('web-2')).toEqual(client);
});
`,
      errors: [{ messageId: 'handedOn', line: 16, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'client', later: 'by 2 later tests, starting here' } }],
    },
    {
      name: 'Vitest: a read in an msw handler of a test that assigns the binding afterwards does not count',
      filename: 'src/oauth/sign-in.test.ts',
      code: `import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInWithProvider } from './sign-in';

const server = setupServer();
let email = '';

beforeAll(() => server.listen());
afterAll(() => server.close());

it('signs in a first user', async () => {
  email = 'first@example.com';
  server.use(http.post('https://provider.test/token', () => HttpResponse.json({ email })));
  expect(await signInWithProvider()).toMatchObject({ email: 'first@example.com' });
});

it('signs in a second user', async () => {
  server.use(http.post('https://provider.test/token', () => HttpResponse.json({ email })));
  email = 'second@example.com';
  expect(await signInWithProvider()).toMatchObject({ email: 'second@example.com' });
});

it('keeps the address it signed in with', async () => {
  expect((await signInWithProvider()).email).toBe(email);
});
`,
      errors: [{ messageId: 'handedOn', line: 25, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'email', later: 'here, by a later test' } }],
    },
  ],
});

cjs.run('no-shared-test-data: a helper the tests call assigns the binding (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'each test signs in through a helper that sets the session; the first does it by hand',
      filename: 'test/integration/profile.test.js',
      code: `const { expect } = require('chai');
const { app } = require('../../src/app');
const { db } = require('../../src/db');

describe('profile', function () {
  let session;

  async function signIn(email) {
    session = await app.auth.signIn({ email, password: 'secret' });
  }

  after(() => db.destroy());

  it('shows the profile', async function () {
    session = await app.auth.signIn({ email: 'ann@example.com', password: 'secret' });
    expect(await app.profile.show(session)).to.include({ email: 'ann@example.com' });
  });

  it('updates the name', async function () {
    await signIn('bob@example.com');
    expect(await app.profile.rename(session, 'Bob')).to.include({ name: 'Bob' });
  });
});
`,
    },
  ],
  invalid: [],
});
