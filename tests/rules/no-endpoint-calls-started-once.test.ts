/**
 * `no-endpoint-calls` on test support that starts the app once and keeps its client in a
 * module-level `let`: `let agent = null`, then `agent = supertest(url)` inside the helper that starts
 * the server. What such a binding holds is its first value or anything the module assigns to it
 * later. The helper is also reached through the whole module (`common.init()` after
 * `require('../support/common')` or `import * as`).
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { temporaryProjects } from '../helpers/projects';
import { testClientReport } from '../helpers/advice';

const project = temporaryProjects('no-endpoint-calls-started-once');

const wiki = project('wiki', {
  'package.json': JSON.stringify({ name: 'wiki' }),
  'src/server.js': `const http = require('node:http');

exports.start = async function start() {
  const server = http.createServer((request, response) => response.end('ok'));
  await new Promise((resolve) => server.listen(0, resolve));
  return server;
};
`,
  // Starts the app on a free port the first time it is asked, and hands every later caller the same agent.
  'test/support/common.js': `const supertest = require('supertest');
const server = require('../../src/server');

let started = null;
let agent = null;

exports.init = async function init() {
  if (started) return await started;
  started = server.start();
  const listening = await started;
  agent = supertest(\`http://localhost:\${listening.address().port}\`);
  return agent;
};
`,
  'test/support/app.ts': `import supertest from 'supertest';
import { webApp } from '../../src/web';

export let agent: ReturnType<typeof supertest> | null = null;

export async function start() {
  agent = supertest(webApp());
}

let cached: ReturnType<typeof supertest> | undefined;

export function client() {
  cached ??= supertest(webApp());
  return cached;
}
`,
  'src/web.ts': `export function webApp() {
  return (request: unknown, response: { end(text: string): void }) => response.end('ok');
}
`,
  // A client of another company's service; a function further down names its own `weather` for the app.
  'test/support/weather.ts': `import supertest from 'supertest';
import { webApp } from '../../src/web';

function weatherClient() {
  return { get: (route: string) => fetch('https://weather.invalid' + route) };
}

export let weather = weatherClient();

export function checkHealth() {
  let weather;
  weather = supertest(webApp());
  return weather.get('/health');
}

export function reset() {
  weather = weatherClient();
}
`,
});

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs' } });

const reported = (line: number, file: string, client: string, call: string) => testClientReport(line, path.join(wiki, file), client, call);

js.run('no-endpoint-calls: an agent a support module keeps after starting the app (JavaScript)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the helper reached through the whole module, in a Mocha `before` hook',
      filename: path.join(wiki, 'test/integration/pages.test.js'),
      code: `const assert = require('node:assert');
const common = require('../support/common');

let agent;

describe('pages', function () {
  before(async function () {
    agent = await common.init();
  });

  it('creates a page', async function () {
    const res = await agent.post('/api/pages').send({ title: 'Home' });
    assert.strictEqual(res.status, 201);
  });
});
`,
      errors: [reported(12, 'test/integration/pages.test.js', "the app client `common.init()` from '../support/common'", "agent.post('/api/pages')")],
    },
  ],
});

ts.run('no-endpoint-calls: an agent a support module keeps after starting the app (TypeScript)', rule, {
  valid: [
    {
      name: "a binding of the module's own, not the function's same-named local, is what the test reads (Vitest)",
      filename: path.join(wiki, 'test/integration/forecast.test.ts'),
      code: `import { expect, it } from 'vitest';
import { weather } from '../support/weather';

it('reads the forecast', async () => {
  expect((await weather.get('/today')).ok).toBe(true);
});
`,
    },
  ],
  invalid: [
    {
      name: 'the exported agent, read after the hook started the app (Jest)',
      filename: path.join(wiki, 'test/integration/search.test.ts'),
      code: `import { agent, start } from '../support/app';

beforeAll(async () => {
  await start();
});

test('finds a page', async () => {
  await agent!.get('/api/search?q=home').expect(200);
});
`,
      errors: [reported(8, 'test/integration/search.test.ts', "the app client `agent` from '../support/app'", "agent!.get('/api/search?q=home')")],
    },
    {
      name: 'a client made on first use with `??=` (Vitest)',
      filename: path.join(wiki, 'test/integration/history.test.ts'),
      code: `import { it } from 'vitest';
import * as app from '../support/app';

it('lists the history of a page', async () => {
  await app.client().get('/api/history').expect(200);
});
`,
      errors: [reported(5, 'test/integration/history.test.ts', "the app client `app.client()` from '../support/app'", "app.client().get('/api/history')")],
    },
    {
      name: 'the exported agent read off the whole module (node:test)',
      filename: path.join(wiki, 'test/integration/links.test.ts'),
      code: `import { before, it } from 'node:test';
import * as support from '../support/app';

before(() => support.start());

it('follows a link', async () => {
  await support.agent!.get('/api/links/home').expect(302);
});
`,
      errors: [reported(7, 'test/integration/links.test.ts', "the app client `support.agent` from '../support/app'", "support.agent!.get('/api/links/home')")],
    },
  ],
});
