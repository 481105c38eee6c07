/**
 * `no-endpoint-calls` on clients of the app that a project's test support hands out, read from
 * the support modules on disk: a test-server class that serves the app it is handed and requests
 * its own address, and a setup helper whose result holds a supertest agent in a property.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { temporaryProjects } from '../helpers/projects';
import { testClientReport } from '../helpers/advice';

const project = temporaryProjects('no-endpoint-calls-helpers');

const notes = project('notes', {
  'package.json': JSON.stringify({ name: 'notes' }),
  'src/web.ts': `export function webApp() {
  return { callback: () => (request: unknown, response: { end(text: string): void }) => response.end('ok') };
}
`,
  // Serves the app it is handed on a free port and sends each request to it.
  'test/support/test-server.ts': `import http from 'node:http';
import type { AddressInfo } from 'node:net';

export default class TestServer {
  private readonly server: http.Server;

  constructor(app: { callback(): http.RequestListener }) {
    this.server = http.createServer(app.callback());
  }

  private get address() {
    return \`http://localhost:\${(this.server.address() as AddressInfo).port}\`;
  }

  async post(route: string, options: { body?: unknown; token?: string } = {}) {
    await new Promise<void>((resolve) => this.server.listen(0, resolve));
    return fetch(this.address + route, { method: 'POST', body: JSON.stringify(options.body) });
  }

  close() {
    this.server.close();
  }
}
`,
  'test/support/index.ts': `import { afterAll } from 'vitest';
import { webApp } from '../../src/web';
import TestServer from './test-server';

export function getTestServer() {
  const server = new TestServer(webApp());
  afterAll(() => server.close());
  return server;
}
`,
  // Hands back the app's agent beside its services and a teardown.
  'test/support/harness.ts': `import supertest from 'supertest';
import { webApp } from '../../src/web';

function makeServices() {
  return { notes: { get: async (id: string) => ({ id }) } };
}

export async function setupApp(options: { flags?: string[] } = {}) {
  const services = makeServices();
  const request = supertest.agent(webApp().callback());
  const destroy = async () => undefined;
  return { request, services, destroy, options };
}
`,
  // A stand-in for another company's API: it builds its own answers, so requests to it drive nothing of ours.
  'test/support/fake-weather.ts': `import http from 'node:http';

export class FakeWeatherServer {
  private readonly server: http.Server;

  constructor(private readonly forecast: string) {
    this.server = http.createServer((request, response) => response.end(this.forecast));
  }

  url() {
    return 'http://localhost:4010';
  }

  async get(route: string) {
    return fetch(this.url() + route);
  }
}
`,
  // A typed client for the tests that wraps supertest around the app it is handed.
  'test/support/api-client.ts': `import request from 'supertest';

export class ApiClient {
  private readonly agent: ReturnType<typeof request>;

  constructor(app: Parameters<typeof request>[0]) {
    this.agent = request(app);
  }

  get(route: string) {
    return this.agent.get(route);
  }
}
`,
  // A harness that keeps the app's agent in a property, beside settings it also answers `get` on.
  'test/support/harness-class.ts': `import request from 'supertest';

export class TestHarness {
  readonly agent: ReturnType<typeof request>;
  readonly settings = new Map<string, string>([['locale', 'en']]);

  constructor(app: Parameters<typeof request>[0]) {
    this.agent = request(app);
  }
}
`,
  // A client of another service, pointed at the address it is handed.
  'test/support/weather-client.ts': `import axios from 'axios';

export class WeatherClient {
  private readonly http: ReturnType<typeof axios.create>;

  constructor(baseUrl: string) {
    this.http = axios.create({ baseURL: baseUrl });
  }

  get(route: string) {
    return this.http.get(route);
  }
}
`,
  'test/integration/placeholder.ts': '',
});

const ts = new RuleTester({ languageOptions: { parser: tsParser } });

/** The one report of a test that drives the app through `client`, at `line` of the test file `file`. */
const reported = (line: number, file: string, client: string, call: string, shownAlso: { request?: string; more?: string } = {}) =>
  testClientReport(line, path.join(notes, file), client, call, shownAlso);

ts.run("no-endpoint-calls: app clients from the project's test support", rule, {
  valid: [
    {
      name: 'services and a teardown beside the agent are not the app over HTTP (Vitest)',
      filename: path.join(notes, 'test/integration/services.test.ts'),
      code: `import { afterAll, beforeAll, expect, it } from 'vitest';
import { setupApp } from '../support/harness';

let app: Awaited<ReturnType<typeof setupApp>>;
beforeAll(async () => {
  app = await setupApp();
});
afterAll(() => app.destroy());

it('reads a note through the service', async () => {
  expect(await app.services.notes.get('n1')).toEqual({ id: 'n1' });
});
`,
    },
    {
      name: 'a fake of another service that answers by itself (Jest)',
      filename: path.join(notes, 'test/integration/weather.test.ts'),
      code: `import { FakeWeatherServer } from '../support/fake-weather';

const weather = new FakeWeatherServer('sunny');

test('the fake answers', async () => {
  expect(await (await weather.get('/today')).text()).toBe('sunny');
});
`,
    },
    {
      name: 'a client class of another service is handed its address, not the app (Vitest)',
      filename: path.join(notes, 'test/integration/forecast.test.ts'),
      code: `import { expect, it } from 'vitest';
import { WeatherClient } from '../support/weather-client';

it('reads the forecast from the local stand-in', async () => {
  const weather = new WeatherClient(process.env.WEATHER_URL ?? '');
  expect((await weather.get('/today')).status).toBe(200);
});
`,
    },
    {
      name: 'a service taken out of what the helper hands back, and a variable set to two different things (Jest)',
      filename: path.join(notes, 'test/integration/mixed.test.ts'),
      code: `import { setupApp } from '../support/harness';
import { makeAgent } from '../support/unread';

let app;
beforeAll(async () => {
  app = await setupApp();
});

test('reads through the service', async () => {
  const { services } = await setupApp();
  expect(await services.notes.get('n1')).toEqual({ id: 'n1' });
});

test('a client that may be another one', async () => {
  app = makeAgent();
  await app.request.get('/api/notes');
});
`,
    },
    {
      name: "a harness's settings beside its agent are no client (Vitest)",
      filename: path.join(notes, 'test/integration/settings.test.ts'),
      code: `import { expect, it } from 'vitest';
import { webApp } from '../../src/web';
import { TestHarness } from '../support/harness-class';

it('reads the default locale', () => {
  const harness = new TestHarness(webApp().callback());
  expect(harness.settings.get('locale')).toBe('en');
});
`,
    },
  ],
  invalid: [
    {
      name: "requests through the agent a harness class keeps in a property (Vitest)",
      filename: path.join(notes, 'test/integration/harness.test.ts'),
      code: `import { it } from 'vitest';
import { webApp } from '../../src/web';
import { TestHarness } from '../support/harness-class';

it('lists notes through the harness', async () => {
  const harness = new TestHarness(webApp().callback());
  await harness.agent.get('/api/notes').expect(200);
});
`,
      errors: [reported(7, 'test/integration/harness.test.ts', "the app client `new TestHarness()` from '../support/harness-class'", "harness.agent.get('/api/notes')")],
    },
    {
      name: 'an agent taken out of what the helper hands back by destructuring (Vitest)',
      filename: path.join(notes, 'test/integration/destructured.test.ts'),
      code: `import { expect, it } from 'vitest';
import { setupApp } from '../support/harness';

it('answers on the health route', async () => {
  const { request, destroy } = await setupApp();
  await request.get('/health').expect(200);
  await destroy();
});
`,
      errors: [reported(6, 'test/integration/destructured.test.ts', "the app client `setupApp()` from '../support/harness'", "request.get('/health')")],
    },
    {
      name: 'an app set up by the same helper in two hooks (Jest)',
      filename: path.join(notes, 'test/integration/two-setups.test.ts'),
      code: `import { setupApp } from '../support/harness';

let app: Awaited<ReturnType<typeof setupApp>>;
beforeAll(async () => {
  app = await setupApp();
});

describe('with sharing on', () => {
  beforeAll(async () => {
    app = await setupApp({ flags: ['sharing'] });
  });

  test('shares a note', async () => {
    await app.request.post('/api/notes/n1/share').expect(201);
  });
});
`,
      errors: [reported(14, 'test/integration/two-setups.test.ts', "the app client `setupApp()` from '../support/harness'", "app.request.post('/api/notes/n1/share')")],
    },
    {
      name: 'requests through a client class that wraps supertest around the app (Jest)',
      filename: path.join(notes, 'test/integration/typed-client.test.ts'),
      code: `import { webApp } from '../../src/web';
import { ApiClient } from '../support/api-client';

test('lists notes through the typed client', async () => {
  const api = new ApiClient(webApp().callback());
  expect((await api.get('/api/notes')).status).toBe(200);
});
`,
      errors: [reported(6, 'test/integration/typed-client.test.ts', "the app client `new ApiClient()` from '../support/api-client'", "api.get('/api/notes')")],
    },
    {
      name: 'requests through a test server that serves the app (Vitest)',
      filename: path.join(notes, 'test/integration/notes.test.ts'),
      code: `import { expect, it } from 'vitest';
import { getTestServer } from '../support';

const server = getTestServer();

it('creates a note', async () => {
  const response = await server.post('/api/notes.create', { body: { title: 'Groceries' } });
  expect(response.status).toBe(200);
});
`,
      errors: [reported(7, 'test/integration/notes.test.ts', "the app client `getTestServer()` from '../support'", 'server.post(…)', { request: ' (POST /api/notes.create)' })],
    },
    {
      name: "requests through the agent a setup helper hands back in a property (node:test)",
      filename: path.join(notes, 'test/integration/listing.test.ts'),
      code: `import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupApp } from '../support/harness';

let app: Awaited<ReturnType<typeof setupApp>>;
before(async () => {
  app = await setupApp({ flags: ['sharing'] });
});

test('lists notes', async () => {
  const { body } = await app.request.get('/api/notes').expect(200);
  assert.deepEqual(body, []);
  await app.request.delete('/api/notes/n1');
});
`,
      errors: [reported(11, 'test/integration/listing.test.ts', "the app client `setupApp()` from '../support/harness'", "app.request.get('/api/notes')", { more: ', and 1 more like it in this test' })],
    },
    {
      name: 'a path named by a constant is shown as the request it makes (Mocha)',
      filename: path.join(notes, 'test/integration/archive.test.ts'),
      code: `import { expect } from 'chai';
import { setupApp } from '../support/harness';

const ARCHIVE_PATH = '/api/notes/archive';

describe('archiving', () => {
  it('archives every note', async () => {
    const app = await setupApp();
    const response = await app.request.post(ARCHIVE_PATH);
    expect(response.status).to.equal(204);
  });
});
`,
      errors: [reported(9, 'test/integration/archive.test.ts', "the app client `setupApp()` from '../support/harness'", 'app.request.post(ARCHIVE_PATH)', { request: ' (POST /api/notes/archive)' })],
    },
  ],
});
