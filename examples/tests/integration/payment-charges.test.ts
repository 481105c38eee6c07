import nock from 'nock';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

// One boundary: the payment adapter against a fake of the payment API.
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

it('returns the charge the payment API created', async () => {
  nock('https://api.payments.example')
    .post('/v1/charges', { amount: 500, source: 'tok_visa' })
    .reply(201, { id: 'ch_1', status: 'succeeded' });
  expect(await new PaymentClient().charge(500, 'tok_visa')).toEqual({ id: 'ch_1', status: 'succeeded' });
});

it('reports a declined card', async () => {
  nock('https://api.payments.example').post('/v1/charges').reply(201, { id: 'ch_2', status: 'failed' });
  expect((await new PaymentClient().charge(500, 'tok_declined')).status).toBe('failed');
});
