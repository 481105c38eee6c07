import axios from 'axios';
import { describe, expect, it, vi } from 'vitest';
import { PaymentClient } from '../../src/adapters/payments/payment-client';

// With axios replaced, no request is built or sent: this passes even when the URL, the headers
// or the body the provider expects are wrong.
vi.mock('axios');

describe('PaymentClient', () => {
  it('returns the charge the provider created', async () => {
    const post = vi.fn().mockResolvedValue({ data: { id: 'ch_1', status: 'succeeded' } });
    vi.mocked(axios.create).mockReturnValue({ post } as never);

    const charge = await new PaymentClient('https://api.payments.example', 'test-key').charge(1999, 'tok_visa');

    expect(charge.status).toBe('succeeded');
  });
});
