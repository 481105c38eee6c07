import nock from 'nock';
import { afterAll, afterEach, expect, it } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';
import { createPool } from '../../src/db/pool';
import { UserRepository } from '../../src/repositories/user-repository';

// Two boundaries in one file: when this test fails, was it the database or the payment API?
// Each has its own file instead: user-registration.test.ts (database) and
// payment-charges.test.ts (HTTP).
const pool = createPool();

afterEach(async () => {
  nock.cleanAll();
  await pool.query('TRUNCATE users');
});
afterAll(() => pool.end());

it('charges a newly registered user', async () => {
  const user = await new UserRepository(pool).save({ email: 'ada@example.com', name: 'Ada' });
  nock('https://api.payments.example').post('/v1/charges').reply(201, { id: 'ch_1', status: 'succeeded' });
  const charge = await new PaymentClient().charge(500, `tok_${user.id}`);
  expect(charge.status).toBe('succeeded');
});
