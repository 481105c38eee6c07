/**
 * `no-boundary-mock` on a mock of a boundary the file does not test. An integration test runs one
 * boundary for real and stands in for the others: a database test that mocks the mailer keeps to its
 * one boundary, and making the mailer real would give it two. A mock of the only boundary a file
 * reaches, or of an HTTP client (whose stand-in belongs at the network), is still reported; an HTTP
 * fake (nock, msw) runs no real boundary of its own. Where the test reads the mock as a mock
 * (`vi.mocked(axios.post)`, `expect(pool.query).toHaveBeenCalled…`), removing it is not offered.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-boundary-mock';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const MAILER_BESIDE_REQUEST = `import { afterEach, expect, it, vi } from 'vitest';
import { inviteMember } from '../../src/teams/invite-member';

vi.mock('nodemailer');

afterEach(() => vi.clearAllMocks());

it('sends the invitation with the team it looked up', async () => {
  const team = await (await fetch('https://teams.example.com/api/teams/t-1')).json();
  await expect(inviteMember({ team, email: 'ana@example.com' })).resolves.toBeUndefined();
});
`;

ts.run('no-boundary-mock: a second boundary mocked beside a real one (Vitest)', rule, {
  valid: [
    {
      name: 'a database test mocks the mailer',
      filename: 'test/integration/invite-member.test.ts',
      code: `import { Pool } from 'pg';
import { afterAll, afterEach, expect, it, vi } from 'vitest';
import { inviteMember } from '../../src/teams/invite-member';

vi.mock('nodemailer');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

afterEach(() => pool.query('DELETE FROM invitations'));
afterAll(() => pool.end());

it('stores the invitation it sends', async () => {
  await inviteMember(pool, { teamId: 't-1', email: 'ana@example.com' });
  const { rows } = await pool.query('SELECT email FROM invitations');
  expect(rows).toEqual([{ email: 'ana@example.com' }]);
});
`,
    },
  ],
  invalid: [
    {
      name: 'the mailer is the only boundary the file reaches: it is the one under test',
      filename: 'test/integration/invite-member.test.ts',
      code: `import { afterEach, expect, it, vi } from 'vitest';
import { inviteMember } from '../../src/teams/invite-member';

vi.mock('nodemailer');

afterEach(() => vi.clearAllMocks());

it('sends the invitation', async () => {
  await expect(inviteMember({ teamId: 't-1', email: 'ana@example.com' })).resolves.toBeUndefined();
});
`,
      errors: [
        {
          messageId: 'mockedBoundary',
          line: 4,
          data: { what: 'module `nodemailer`', kind: 'email', how: '`vi.mock`', effect: 'so its calls no longer reach the email service' },
          suggestions: [{ messageId: 'removeMock', data: { what: 'module `nodemailer`' }, output: `import { afterEach, expect, it, vi } from 'vitest';
import { inviteMember } from '../../src/teams/invite-member';

afterEach(() => vi.clearAllMocks());

it('sends the invitation', async () => {
  await expect(inviteMember({ teamId: 't-1', email: 'ana@example.com' })).resolves.toBeUndefined();
});
` }],
        },
      ],
    },
    {
      name: 'an HTTP client mocked beside a real database is still reported, and the test reads it as a mock',
      filename: 'test/integration/invite-member.test.ts',
      code: `import axios from 'axios';
import { Pool } from 'pg';
import { afterAll, afterEach, expect, it, vi } from 'vitest';
import { inviteMember } from '../../src/teams/invite-member';

vi.mock('axios');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

afterEach(() => pool.query('DELETE FROM invitations'));
afterAll(() => pool.end());

it('stores the invitation it sends', async () => {
  vi.mocked(axios.post).mockResolvedValue({ status: 202 });
  await inviteMember(pool, { teamId: 't-1', email: 'ana@example.com' });
  const { rows } = await pool.query('SELECT email FROM invitations');
  expect(rows).toEqual([{ email: 'ana@example.com' }]);
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          line: 6,
          data: { what: 'module `axios`', kind: 'http', how: '`vi.mock`', effect: 'so its calls no longer send requests' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a request to a real host says nothing about which boundary the file is about',
      filename: 'test/integration/invite-member.test.ts',
      code: MAILER_BESIDE_REQUEST,
      errors: [
        {
          messageId: 'mockedBoundary',
          line: 4,
          data: { what: 'module `nodemailer`', kind: 'email', how: '`vi.mock`', effect: 'so its calls no longer reach the email service' },
          suggestions: [{ messageId: 'removeMock', data: { what: 'module `nodemailer`' }, output: MAILER_BESIDE_REQUEST.replace("vi.mock('nodemailer');\n\n", '') }],
        },
      ],
    },
  ],
});

cjs.run('no-boundary-mock: a second boundary mocked beside a real one (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'a document-store test mocks the cache client',
      filename: 'test/integration/record-visit.test.js',
      code: `const { MongoClient } = require('mongodb');
const { recordVisit } = require('../../src/visits/record-visit');

jest.mock('ioredis');

let client;

beforeAll(async () => {
  client = await MongoClient.connect(process.env.MONGO_URL);
});

afterEach(() => client.db('visits_test').collection('visits').deleteMany({}));

afterAll(() => client.close());

test('records a visit', async () => {
  await recordVisit(client.db('visits_test'), { page: '/pricing' });
  expect(await client.db('visits_test').collection('visits').countDocuments()).toBe(1);
});
`,
    },
  ],
  invalid: [
    {
      name: 'an HTTP fake is no real boundary: the mocked database is the one under test, and the test reads it as a mock',
      filename: 'test/integration/sync-rates.test.js',
      code: `const nock = require('nock');
const { Pool } = require('pg');
const { syncRates } = require('../../src/rates/sync-rates');

jest.mock('pg');

afterEach(() => nock.cleanAll());

test('stores the rates the provider sends', async () => {
  nock('https://rates.example.com').get('/latest').reply(200, { EUR: 1.1 });
  const pool = new Pool();
  await syncRates(pool);
  expect(pool.query).toHaveBeenCalledWith(expect.stringContaining('INSERT INTO rates'), ['EUR', 1.1]);
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          line: 5,
          data: { what: 'module `pg`', kind: 'database', how: '`jest.mock`', effect: 'so its calls no longer reach the database' },
          suggestions: [],
        },
      ],
    },
  ],
});
