// The first test fakes the provider; the second asks the live API, so the suite now depends on
// the provider's uptime, rate limits and test data.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

const PAYMENTS_API = 'https://api.payments.example';

describe('PaymentClient', () => {
  afterEach(() => nock.cleanAll());

  it('charges the card', async () => {
    nock(PAYMENTS_API).post('/v1/charges').reply(200, { id: 'ch_1', status: 'succeeded' });

    const charge = await new PaymentClient(PAYMENTS_API, 'test-key').charge(1_500, 'tok_visa');

    expect(charge.status).toBe('succeeded');
  });

  it('uses a card token the provider accepts', async () => {
    const response = await fetch('https://api.stripe.com/v1/tokens/tok_visa', {
      headers: { authorization: `Bearer ${process.env.STRIPE_TEST_KEY}` },
    });

    expect(response.status).toBe(200);
  });
});
