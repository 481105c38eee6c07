import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

// The real client sends real HTTP requests; nock plays the payment provider's server.
const baseURL = 'https://api.payments.example';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('PaymentClient', () => {
  it('sends the amount, the card token and the key, and returns the charge', async () => {
    const provider = nock(baseURL, { reqheaders: { authorization: 'Bearer test-key' } })
      .post('/v1/charges', { amount: 1999, source: 'tok_visa' })
      .reply(200, { id: 'ch_1', status: 'succeeded' });

    const charge = await new PaymentClient(baseURL, 'test-key').charge(1999, 'tok_visa');

    expect(charge).toEqual({ id: 'ch_1', status: 'succeeded' });
    expect(provider.isDone()).toBe(true);
  });

  it('rejects when the provider declines the card', async () => {
    nock(baseURL).post('/v1/charges').reply(402, { error: 'card_declined' });

    await expect(new PaymentClient(baseURL, 'test-key').charge(1999, 'tok_declined')).rejects.toThrow();
  });
});
