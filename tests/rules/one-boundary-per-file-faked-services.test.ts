/**
 * `one-boundary-per-file` on clients of services spoken to over HTTP (an S3 or SQS client) whose
 * requests an HTTP fake answers: the fake (nock, msw) is that service's stand-in, so the file
 * exercises one boundary. A fake set up only for another host, or a request the file sends on its
 * own, keeps the fake counted as HTTP.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/one-boundary-per-file';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const REPORT_UPLOAD = `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import nock from 'nock';
import { afterEach, expect, it } from 'vitest';

const s3 = new S3Client({ region: 'eu-west-1' });

afterEach(() => nock.cleanAll());

it('uploads the weekly report', async () => {
  nock('https://reports.s3.eu-west-1.amazonaws.com').put('/weekly.csv?x-id=PutObject').reply(200, '');
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'weekly.csv', Body: 'a,b' }));
  expect(nock.isDone()).toBe(true);
});
`;

ts.run('one-boundary-per-file: an HTTP fake answering an SDK client (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'an S3 client whose requests nock answers is one boundary',
      filename: 'test/integration/report-upload.test.ts',
      code: REPORT_UPLOAD,
    },
  ],
  invalid: [
    {
      name: 'a fake set up only for another service’s host is a boundary of its own',
      filename: 'test/integration/report-upload.test.ts',
      code: REPORT_UPLOAD.replace("nock('https://reports.s3.eu-west-1.amazonaws.com').put('/weekly.csv?x-id=PutObject')", "nock('https://audit.example.com').post('/events')"),
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 2,
          data: { count: 2, boundaries: 'storage (line 1), http (line 2)', max: 1, file: 'test/integration/report-upload.test.ts' },
        },
      ],
    },
    {
      name: 'a request the file sends to another host keeps HTTP a boundary of its own',
      filename: 'test/integration/report-upload.test.ts',
      code: REPORT_UPLOAD.replace("import nock from 'nock';", "import axios from 'axios';\nimport nock from 'nock';").replace(
        '  expect(nock.isDone()).toBe(true);',
        "  await axios.post('https://hooks.example.com/reports', { key: 'weekly.csv' });\n  expect(nock.isDone()).toBe(true);",
      ),
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 3,
          data: { count: 2, boundaries: 'storage (line 1), http (line 3)', max: 1, file: 'test/integration/report-upload.test.ts' },
        },
      ],
    },
  ],
});

cjs.run('one-boundary-per-file: msw answering a queue client (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'an SQS client whose requests msw answers is one boundary',
      filename: 'test/integration/order-events.test.js',
      code: `const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
const { http, HttpResponse } = require('msw');
const { setupServer } = require('msw/node');

const server = setupServer(http.post('https://sqs.eu-west-1.amazonaws.com/', () => HttpResponse.xml('<SendMessageResponse/>')));
const sqs = new SQSClient({ region: 'eu-west-1' });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

test('publishes an order event', async () => {
  await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/1/orders', MessageBody: '{}' }));
});
`,
    },
  ],
  invalid: [],
});
