import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';
import { createPool } from '../../src/db/pool';
import { UserRepository } from '../../src/repositories/user-repository';

// Onboarding grew two suites in one file: the user table and the payment API. Each describe
// exercises one boundary, so `npx eslint-plugin-integration-tests split` can give each its file.
const pool = createPool();
const users = new UserRepository(pool);

beforeAll(() => nock.disableNetConnect());

afterEach(async () => {
  await pool.query('TRUNCATE users');
  nock.cleanAll();
});

afterAll(() => pool.end());

describe('new users', () => {
  it('are found by email', async () => {
    await users.save({ email: 'lin@example.com', name: 'Lin' });
    expect(await users.findByEmail('lin@example.com')).toMatchObject({ name: 'Lin' });
  });
});

describe('the first charge', () => {
  it('is accepted by the payment API', async () => {
    nock('https://api.payments.example').post('/v1/charges').reply(201, { id: 'ch_7', status: 'succeeded' });
    expect((await new PaymentClient().charge(100, 'tok_first')).status).toBe('succeeded');
  });
});
