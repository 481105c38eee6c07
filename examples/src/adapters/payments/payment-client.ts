import axios, { type AxiosInstance } from 'axios';

export interface Charge {
  id: string;
  status: 'succeeded' | 'failed';
}

export class PaymentClient {
  private readonly http: AxiosInstance;

  constructor(baseURL = 'https://api.payments.example', apiKey = process.env.PAYMENTS_KEY) {
    this.http = axios.create({ baseURL, headers: { authorization: `Bearer ${apiKey}` } });
  }

  async charge(amountCents: number, token: string): Promise<Charge> {
    const { data } = await this.http.post<Charge>('/v1/charges', { amount: amountCents, source: token });
    return data;
  }
}
