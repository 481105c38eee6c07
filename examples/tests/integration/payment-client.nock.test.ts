// The adapter talks HTTP for real, to a fake server that nock puts in front of the provider's host.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

const PAYMENTS_API = 'https://api.payments.example';

describe('PaymentClient', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('returns the charge the provider created', async () => {
    nock(PAYMENTS_API)
      .post('/v1/charges', { amount: 1_500, source: 'tok_visa' })
      .reply(200, { id: 'ch_1', status: 'succeeded' });

    const charge = await new PaymentClient(PAYMENTS_API, 'test-key').charge(1_500, 'tok_visa');

    expect(charge).toEqual({ id: 'ch_1', status: 'succeeded' });
  });

  it('fails when the provider declines the card', async () => {
    nock(PAYMENTS_API).post('/v1/charges').reply(402, { error: { code: 'card_declined' } });

    await expect(new PaymentClient(PAYMENTS_API, 'test-key').charge(1_500, 'tok_declined')).rejects.toThrow('402');
  });
});
