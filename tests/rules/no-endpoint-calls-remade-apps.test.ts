/**
 * `no-endpoint-calls` on a bare app a file makes more than once: a variable given a new framework
 * app in `beforeEach` and again in a test, with routes and plugins written in the file (a plugin's
 * package data read from a JSON file included). Every value it is given must be a bare app, and every
 * use of the variable one a harness may have: one project-made app among them, or a plugin from
 * the project's modules, makes the variable the application wherever it is used.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { acceptanceMove } from '../helpers/advice';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const TRACING_TESTS = `import * as hapi from '@hapi/hapi';
import { tracing } from '../../src/tracing';

describe('request spans', () => {
  let server: hapi.Server;

  before(() => tracing.enable());
  after(() => tracing.disable());

  beforeEach(() => {
    server = hapi.server({ port: 0, host: 'localhost' });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('records a span for a route', async () => {
    server.route({ method: 'GET', path: '/', handler: () => 'hello' });
    await server.start();
    const res = await server.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
  });

  it('records nothing once tracing is off', async () => {
    tracing.disable();
    server = new hapi.Server({ port: 0, host: 'localhost' });
    server.route({ method: 'GET', path: '/', handler: () => 'hello' });
    await server.start();
    await server.inject({ method: 'GET', url: '/' });
    expect(tracing.spans()).toHaveLength(0);
  });
});
`;

const at = (line: number) => ({
  messageId: 'testClient' as const,
  line,
  data: { move: acceptanceMove('test/integration/request-spans.test.ts'), client: 'in-process injection', call: 'server.inject(…)', request: ' (GET /)', more: '' },
});

ts.run('no-endpoint-calls: a bare app made anew in hooks and tests (Mocha, TypeScript)', rule, {
  valid: [
    {
      name: 'each value is a framework app, with handlers written in the file',
      filename: 'test/integration/request-spans.test.ts',
      code: TRACING_TESTS,
    },
  ],
  invalid: [
    {
      name: 'one of the values is the project’s own server',
      filename: 'test/integration/request-spans.test.ts',
      code: TRACING_TESTS.replace("import { tracing } from '../../src/tracing';", "import { tracing } from '../../src/tracing';\nimport { createServer } from '../../src/server';").replace(
        "    server = new hapi.Server({ port: 0, host: 'localhost' });",
        '    server = createServer();',
      ),
      errors: [at(22), at(31)],
    },
  ],
});

const PLUGIN_TESTS = `const Hapi = require('@hapi/hapi');

describe('plugin spans', () => {
  let server;

  beforeEach(() => {
    server = Hapi.server();
  });

  const greeter = {
    pkg: require('./greeter-package.json'),
    register: async function (srv, options) {
      srv.route({ method: 'GET', path: '/hello', handler: () => 'hello ' + options.name });
    },
  };

  it('names the span after the plugin', async () => {
    await server.register({ plugin: greeter, options: { name: 'ada' } });
    const res = await server.inject('/hello');
    expect(res.result).toBe('hello ada');
  });
});
`;

cjs.run('no-endpoint-calls: plugins written in the file (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'a plugin whose package data comes from a JSON file',
      filename: 'test/integration/plugin-spans.test.js',
      code: PLUGIN_TESTS,
    },
  ],
  invalid: [
    {
      name: 'a plugin from the project’s modules',
      filename: 'test/integration/plugin-spans.test.js',
      code: PLUGIN_TESTS.replace("pkg: require('./greeter-package.json'),", "pkg: require('./greeter-package.json'),\n    routes: require('../../src/routes'),"),
      errors: [
        {
          messageId: 'testClient',
          line: 20,
          data: { move: acceptanceMove('test/integration/plugin-spans.test.js'), client: 'in-process injection', call: "server.inject('/hello')", request: '', more: '' },
        },
      ],
    },
  ],
});
