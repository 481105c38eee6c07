/**
 * `no-real-network` when a test puts a stand-in on the global object under a name that says it sends
 * requests (`globalThis.endpointFetch = …`, `global.XMLHttpRequest = class …`), also through a name
 * the file gives the global object: that is a transport the plugin does not know, which any client may
 * send through, so no request of the file is claimed to reach the real network. A global that sends
 * nothing (`requestAnimationFrame`), or a transport put back rather than replaced, fakes nothing.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-real-network';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const STRIPE = (setUp: string) => `import { expect } from 'chai';
import Stripe from 'stripe';
import { useEdgeRuntime } from '../../src/runtime';

type WithTransport = typeof globalThis & { endpointFetch?: (request: unknown) => Promise<unknown> };

describe('customers on the edge runtime', () => {
  const runtime = globalThis as WithTransport;
  const original = runtime.endpointFetch;

  before(() => {
    useEdgeRuntime();
${setUp}
  });

  after(() => {
    runtime.endpointFetch = original;
  });

  it('reads a customer', async () => {
    const stripe = new Stripe('sk_test_123');
    expect(await stripe.customers.retrieve('cus_1')).to.include({ id: 'cus_1' });
  });
});
`;

const stripeError = { messageId: 'sdkClient', line: 21, data: { client: 'stripe client', origin: 'https://api.stripe.com', whose: ", the SDK's default host,", why: 'nothing in this file fakes that host' } } as const;

ts.run('no-real-network: a transport put on the global object (Mocha, TypeScript)', rule, {
  valid: [
    {
      name: 'a function put on the global object under a fetching name, through a name for it',
      filename: 'test/integration/customers.test.ts',
      code: STRIPE("    runtime.endpointFetch = () => Promise.resolve({ ok: true, status: 200, body: '{\"id\":\"cus_1\"}' });"),
    },
  ],
  invalid: [
    {
      name: 'the transport put back as it was replaces nothing',
      filename: 'test/integration/customers.test.ts',
      code: STRIPE('    runtime.endpointFetch = original;'),
      errors: [stripeError],
    },
    {
      name: 'a global that sends nothing',
      filename: 'test/integration/customers.test.ts',
      code: STRIPE('    globalThis.requestAnimationFrame = (callback) => { callback(0); return 0; };'),
      errors: [stripeError],
    },
  ],
});

cjs.run('no-real-network: a transport put on the global object (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'a class put on `global` as `XMLHttpRequest`',
      filename: 'test/integration/twilio.test.js',
      code: `const twilio = require('twilio');

beforeAll(() => {
  global.XMLHttpRequest = class {
    open() {}
    send() {
      this.status = 200;
    }
  };
});

test('sends a message', async () => {
  const client = twilio('AC123', 'token');
  await client.messages.create({ to: '+15550001111', from: '+15550002222', body: 'hi' });
});
`,
    },
  ],
  invalid: [],
});
