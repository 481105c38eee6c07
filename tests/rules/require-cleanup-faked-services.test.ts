/**
 * `require-cleanup` on writes through a client of a service spoken to over HTTP (an S3 client) in
 * a file that sets up an HTTP fake for the service's host, or for a host the file does not spell out:
 * the fake may be what answers, and then nothing is stored. The same write with no fake in the file,
 * or with a fake only for another service's host, reaches the service and is reported.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-cleanup';

const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });
const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

const REPORTS = `const { S3 } = require('@aws-sdk/client-s3');
const nock = require('nock');

describe('report uploads', () => {
  const s3 = new S3({ region: 'eu-west-1' });

  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());

  it('stores the weekly report', async () => {
    nock('https://reports.s3.eu-west-1.amazonaws.com').put('/weekly.csv?x-id=PutObject').reply(200, '');
    await s3.putObject({ Bucket: 'reports', Key: 'weekly.csv', Body: 'a,b' });
    expect(nock.isDone()).toBe(true);
  });
});
`;

cjs.run('require-cleanup: writes an HTTP fake answers (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'an upload nock answers stores nothing',
      filename: 'test/integration/reports.test.js',
      code: REPORTS,
    },
  ],
  invalid: [
    {
      name: 'a fake set up only for another service leaves the upload real',
      filename: 'test/integration/reports.test.js',
      code: REPORTS.replace("nock('https://reports.s3.eu-west-1.amazonaws.com').put('/weekly.csv?x-id=PutObject')", "nock('https://audit.example.com').post('/events')"),
      errors: [
        {
          messageId: 'missingCleanup',
          line: 12,
          data: { call: 's3.putObject()', target: 'the storage', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 's3' },
              output: REPORTS.replace("nock('https://reports.s3.eu-west-1.amazonaws.com').put('/weekly.csv?x-id=PutObject')", "nock('https://audit.example.com').post('/events')").replace(
                '  afterAll(() => nock.enableNetConnect());\n',
                '  afterAll(() => nock.enableNetConnect());\n\n  afterEach(async () => {\n    // Remove what each test wrote through `s3`: delete the objects it uploaded.\n  });\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the same upload with no fake in the file reaches the service',
      filename: 'test/integration/reports.test.js',
      code: `const { S3 } = require('@aws-sdk/client-s3');

describe('report uploads', () => {
  const s3 = new S3({ region: 'eu-west-1' });

  it('stores the weekly report', async () => {
    await s3.putObject({ Bucket: 'reports', Key: 'weekly.csv', Body: 'a,b' });
  });
});
`,
      errors: [
        {
          messageId: 'missingCleanup',
          line: 7,
          data: { call: 's3.putObject()', target: 'the storage', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 's3' },
              output: `const { S3 } = require('@aws-sdk/client-s3');

describe('report uploads', () => {
  const s3 = new S3({ region: 'eu-west-1' });

  afterEach(async () => {
    // Remove what each test wrote through \`s3\`: delete the objects it uploaded.
  });

  it('stores the weekly report', async () => {
    await s3.putObject({ Bucket: 'reports', Key: 'weekly.csv', Body: 'a,b' });
  });
});
`,
            },
          ],
        },
      ],
    },
  ],
});

esm.run('require-cleanup: a queue message msw answers (node:test, ESM)', rule, {
  valid: [
    {
      name: 'a message sent to a queue host msw answers stores nothing',
      filename: 'test/integration/order-events.test.mjs',
      code: `import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SQS } from '@aws-sdk/client-sqs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

const server = setupServer(http.post('https://sqs.eu-west-1.amazonaws.com/', () => HttpResponse.xml('<SendMessageResponse/>')));
const sqs = new SQS({ region: 'eu-west-1' });

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

test('publishes an order event', async () => {
  const sent = await sqs.sendMessage({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/1/orders', MessageBody: '{}' });
  assert.ok(sent);
});
`,
    },
  ],
  invalid: [],
});
