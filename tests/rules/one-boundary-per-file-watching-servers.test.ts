/**
 * `one-boundary-per-file` and an msw server started with no handlers: it answers no request, so the
 * file fakes no HTTP service with it; it only watches the requests that go to the one real boundary.
 * A server given a handler later (`server.use(http.post(…))`) fakes one.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/one-boundary-per-file';

const ts = new RuleTester();

ts.run('one-boundary-per-file: msw servers that answer nothing (TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: a server with no handlers, listening to the requests that go to the storage emulator',
      filename: 'test/integration/uploads.test.ts',
      code: `import { Storage } from '@google-cloud/storage';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('bucket uploads', () => {
  const server = setupServer();
  const seen: string[] = [];

  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'bypass' });
    server.events.on('request:start', ({ request }) => seen.push(request.url));
  });
  afterAll(() => server.close());

  it('sends the upload to the emulator', async () => {
    const storage = new Storage({ apiEndpoint: process.env.STORAGE_EMULATOR_HOST, projectId: 'test' });
    await storage.bucket('uploads').file('a.txt').save('hello');
    expect(seen.some((url) => url.includes('/upload/'))).toBe(true);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: the same server, handed a handler for another service in a test',
      filename: 'test/integration/uploads.test.ts',
      code: `import { Storage } from '@google-cloud/storage';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('bucket uploads', () => {
  const server = setupServer();

  beforeAll(() => server.listen());
  afterAll(() => server.close());

  it('sends the upload and reports it to the audit service', async () => {
    server.use(http.post('https://audit.example.com/events', () => HttpResponse.json({ ok: true })));
    const storage = new Storage({ apiEndpoint: process.env.STORAGE_EMULATOR_HOST, projectId: 'test' });
    await storage.bucket('uploads').file('a.txt').save('hello');
    expect(true).toBe(true);
  });
});
`,
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 2,
          data: { count: 2, boundaries: 'storage (line 1), http (line 2)', max: 1, file: 'test/integration/uploads.test.ts' },
        },
      ],
    },
  ],
});
