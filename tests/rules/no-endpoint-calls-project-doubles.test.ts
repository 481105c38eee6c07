/**
 * `no-endpoint-calls` on requests to a server a test double of the project's starts: a support
 * module's `MockServer`, named as a double, whose listener the test sets, answers as a fake of the
 * service the code under test calls. A request to its port is no call of the app. A class of the
 * project's that is not a double (a server around the app) still makes its port the app's.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import rule from '../../src/rules/no-endpoint-calls';
import { temporaryProjects } from '../helpers/projects';
import { acceptanceMove } from '../helpers/advice';

const project = temporaryProjects('endpoint-calls-project-doubles');

const MOCK_SERVER = `import * as http from 'node:http';

export class MockServer {
  private server: http.Server | undefined;
  private listener: http.RequestListener | undefined;
  port = 0;

  respondWith(listener: http.RequestListener): void {
    this.listener = listener;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => (this.listener ? this.listener(req, res) : res.end('{}')));
    await new Promise<void>((resolve) => this.server?.listen(0, resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  stop(): void {
    this.server?.close();
  }
}
`;

const APP_SERVER = `import * as http from 'node:http';
import { app } from '../../src/app';

export class AppServer {
  private server = http.createServer(app);
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }
}
`;

const tracing = project('tracing', {
  'package.json': JSON.stringify({ name: 'fetch-tracing', version: '1.0.0' }),
  'src/app.ts': "export const app = (req: unknown, res: { end(body: string): void }) => res.end('ok');\n",
  'src/tracing.ts': 'export const spans: string[] = [];\n',
  'test/utils/mock-server.ts': MOCK_SERVER,
  'test/utils/app-server.ts': APP_SERVER,
});

const FETCH_SPANS = `import { after, before, it } from 'mocha';
import { expect } from 'expect';
import { spans } from '../../src/tracing';
import { MockServer } from '../utils/mock-server';

describe('fetch spans', () => {
  const mockServer = new MockServer();

  before(() => mockServer.start());
  after(() => mockServer.stop());

  it('records a span for each request', async () => {
    mockServer.respondWith((req, res) => res.end('[]'));
    await fetch(\`http://localhost:\${mockServer.port}/items\`);
    expect(spans).toHaveLength(1);
  });
});
`;

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const filename = path.join(tracing, 'test/integration/fetch-spans.test.ts');

ts.run('no-endpoint-calls: a server a test double of the project starts (Mocha, TypeScript)', rule, {
  valid: [
    {
      name: 'fetch to the port of the support module’s MockServer',
      filename,
      code: FETCH_SPANS,
    },
  ],
  invalid: [
    {
      name: 'fetch to the port of a support class that serves the app',
      filename,
      code: FETCH_SPANS.replace("import { MockServer } from '../utils/mock-server';", "import { AppServer } from '../utils/app-server';")
        .replace('const mockServer = new MockServer();', 'const mockServer = new AppServer();')
        .replace('  after(() => mockServer.stop());\n', '')
        .replace('    mockServer.respondWith((req, res) => res.end(\'[]\'));\n', ''),
      errors: [
        {
          messageId: 'loopbackHttp',
          line: 12,
          data: { move: acceptanceMove(path.relative('/', filename)), url: 'http://localhost:${…}/items', client: 'fetch', more: '', letThrough: '' },
        },
      ],
    },
  ],
});
