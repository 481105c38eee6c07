/**
 * `no-boundary-mock` on the SDK of a hosted service: whatever kind of boundary the service stands
 * for (email, here), the SDK talks HTTP to it and there is no local one to run, so the advice is to
 * fake the server, not to run the service in a container.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-boundary-mock';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const http = (how: string) => ({ what: 'module `postmark`', kind: 'email', how, effect: 'so its calls no longer send requests' });

ts.run('no-boundary-mock: a hosted email SDK (Vitest)', rule, {
  valid: [],
  invalid: [
    {
      name: 'Postmark replaced by vi.mock',
      filename: 'tests/integration/receipts.test.ts',
      code: `import { ServerClient } from 'postmark';
import { expect, it, vi } from 'vitest';
import { sendReceipt } from '../../src/mail/receipts';

vi.mock('postmark', () => ({ ServerClient: vi.fn(() => ({ sendEmail: vi.fn(async () => ({ MessageID: 'm1' })) })) }));

it('sends the receipt', async () => {
  await expect(sendReceipt(new ServerClient('token'), 'ada@example.com')).resolves.toEqual({ id: 'm1' });
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          line: 5,
          data: http('`vi.mock`'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: { what: 'module `postmark`' },
              output: `import { ServerClient } from 'postmark';
import { expect, it } from 'vitest';
import { sendReceipt } from '../../src/mail/receipts';

it('sends the receipt', async () => {
  await expect(sendReceipt(new ServerClient('token'), 'ada@example.com')).resolves.toEqual({ id: 'm1' });
});
`,
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('no-boundary-mock: a hosted email SDK (Jest)', rule, {
  valid: [],
  invalid: [
    {
      name: 'Postmark replaced by jest.mock with a factory',
      filename: 'tests/integration/receipts.test.js',
      code: `const { ServerClient } = require('postmark');
const { sendReceipt } = require('../../src/mail/receipts');

jest.mock('postmark', () => ({ ServerClient: jest.fn(() => ({ sendEmail: jest.fn().mockResolvedValue({ MessageID: 'm1' }) })) }));

test('sends the receipt', async () => {
  await expect(sendReceipt(new ServerClient('token'), 'ada@example.com')).resolves.toEqual({ id: 'm1' });
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          line: 4,
          data: http('`jest.mock`'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: { what: 'module `postmark`' },
              output: `const { ServerClient } = require('postmark');
const { sendReceipt } = require('../../src/mail/receipts');

test('sends the receipt', async () => {
  await expect(sendReceipt(new ServerClient('token'), 'ada@example.com')).resolves.toEqual({ id: 'm1' });
});
`,
            },
          ],
        },
      ],
    },
  ],
});

ts.run('no-boundary-mock: an email API whose base URL the environment may change (Vitest)', rule, {
  valid: [],
  invalid: [
    {
      name: 'Resend replaced by vi.mock: a hosted service, faked at its server',
      filename: 'tests/integration/welcome.test.ts',
      code: `import { Resend } from 'resend';
import { describe, expect, it, vi } from 'vitest';
import { sendWelcome } from '../../src/mail/welcome';

vi.mock('resend', () => ({ Resend: vi.fn(() => ({ emails: { send: vi.fn(async () => ({ data: { id: 'e1' } })) } })) }));

describe('welcome mail', () => {
  it('sends it through Resend', async () => {
    await expect(sendWelcome(new Resend('re_key'), 'ada@example.com')).resolves.toBe('e1');
  });
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          line: 5,
          data: { what: 'module `resend`', kind: 'email', how: '`vi.mock`', effect: 'so its calls no longer send requests' },
          suggestions: [{ messageId: 'removeMock', data: { what: 'module `resend`' }, output: `import { Resend } from 'resend';
import { describe, expect, it } from 'vitest';
import { sendWelcome } from '../../src/mail/welcome';

describe('welcome mail', () => {
  it('sends it through Resend', async () => {
    await expect(sendWelcome(new Resend('re_key'), 'ada@example.com')).resolves.toBe('e1');
  });
});
` }],
        },
      ],
    },
  ],
});
