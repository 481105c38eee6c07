import { describe, expect, it } from 'vitest';
import type { HttpFakeFact } from '../../src/core/http-fakes';
import { judgeEndpointCall, onePerPlace, type EndpointCall, type EndpointContext } from '../../src/core/no-endpoint-calls';
import { concatText, knownText, type PartialText } from '../../src/core/partial-text';
import { parseUrl } from '../../src/core/urls';

const project: EndpointContext = { packageBins: new Set(['acme']), httpFakes: [] };
const hole: PartialText = [{ type: 'unknown' }];
const url = (text: PartialText) => parseUrl(text);
const request = (target: PartialText): EndpointCall => ({ type: 'http-request', client: 'fetch', module: 'fetch', url: url(target) });
const process = (...line: string[]): EndpointCall => ({ type: 'process', launcher: 'execa', words: line.map(knownText) });
const app = { type: 'app' } as const;

describe('judgeEndpointCall', () => {
  it.each<[string, EndpointCall, ReturnType<typeof judgeEndpointCall>]>([
    ['a test client', { type: 'test-client', entry: 'supertest', target: app }, { kind: 'test-client', entry: 'supertest' }],
    [
      'a test client given a loopback URL, judged as a request',
      { type: 'test-client', entry: 'supertest', target: { type: 'url', url: url(knownText('http://localhost:3000')) } },
      { kind: 'loopback-http', client: 'supertest', url: 'http://localhost:3000', localServer: false, letThrough: null },
    ],
    ['a request to localhost', request(knownText('http://localhost:3000/users')), { kind: 'loopback-http', client: 'fetch', url: 'http://localhost:3000/users', localServer: false, letThrough: null }],
    ['a request to 127.0.0.1 on an unknown port', request(concatText(knownText('http://127.0.0.1:'), hole)), { kind: 'loopback-http', client: 'fetch', url: 'http://127.0.0.1:${…}', localServer: false, letThrough: null }],
    ['a request to a server the file starts', request(concatText([{ type: 'server-address' }], knownText('/health'))), { kind: 'loopback-http', client: 'fetch', url: '${…}/health', localServer: true, letThrough: null }],
    ['the project CLI', process('node', 'bin/cli.js', 'import'), { kind: 'project-cli', launcher: 'execa', command: 'node bin/cli.js import' }],
    ['the project CLI through a path that climbs out of the tests', process('node', 'test/cli/../../src/cli.js', 'init'), { kind: 'project-cli', launcher: 'execa', command: 'node src/cli.js init' }],
    ['a long command line', process('acme', 'x'.repeat(80)), { kind: 'project-cli', launcher: 'execa', command: `acme ${'x'.repeat(54)}…` }],
    [
      'a client a project module hands out, bound to the app by its summary',
      { type: 'helper-client', helper: "`createApiClient()` from './support/api'", value: { type: 'app-client' } },
      { kind: 'test-client', entry: "the app client `createApiClient()` from './support/api'" },
    ],
  ])('reports %s', (_label, call, expected) => {
    expect(judgeEndpointCall(call, project)).toEqual(expected);
  });

  it.each<[string, EndpointCall]>([
    ['a harness app built in the test', { type: 'test-client', entry: 'supertest', target: { type: 'harness' } }],
    ['a test client given a URL whose host cannot be read', { type: 'test-client', entry: 'supertest', target: { type: 'url', url: url(concatText(knownText('http://'), hole)) } }],
    ['a test client given a mail catcher on this machine', { type: 'test-client', entry: 'supertest', target: { type: 'url', url: url(knownText('http://localhost:8025')) } }],
    ['a request to a remote host', request(knownText('https://api.example.com/users'))],
    ['a request with an unknown host', request(concatText(hole, knownText('/users')))],
    ['a loopback URL of another protocol', request(knownText('redis://localhost:6379'))],
    ['a loopback port of Elasticsearch', request(knownText('http://localhost:9200/products/_refresh'))],
    ['a loopback port of LocalStack', request(knownText('http://127.0.0.1:4566/_localstack/health'))],
    ["the API gateway of Supabase's local stack", request(knownText('http://127.0.0.1:54321/functions/v1/hello'))],
    ["Firebase's Authentication emulator", request(knownText('http://localhost:9099/identitytoolkit.googleapis.com/v1/accounts:signUp'))],
    ['a loopback port mapped from a container', request(concatText(knownText('http://localhost:'), [{ type: 'container-address' }], knownText('/x')))],
    ['infrastructure', process('docker', 'compose', 'up')],
    ['an unrelated program', process('git', 'status')],
    ['a helper client whose module cannot be read', { type: 'helper-client', helper: "`api` from './support'", value: { type: 'unknown' } }],
    ['a helper that hands out a database client', { type: 'helper-client', helper: "`db()` from './support'", value: { type: 'boundary-client', kind: 'database' } }],
    ['a helper that hands out something else', { type: 'helper-client', helper: "`fixtures()` from './support'", value: { type: 'other' } }],
  ])('does not report %s', (_label, call) => {
    expect(judgeEndpointCall(call, project)).toBeNull();
  });
});

describe('judgeEndpointCall with the HTTP fakes of the file', () => {
  const localhost = request(knownText('http://localhost:3000/orders'));
  const loopbackIp = request(concatText(knownText('http://127.0.0.1:'), hole, knownText('/orders')));
  const started = request(concatText([{ type: 'server-address' }], knownText('/orders')));
  const judge = (call: EndpointCall, httpFakes: HttpFakeFact[]) => judgeEndpointCall(call, { ...project, httpFakes });
  const letThrough = (call: string): HttpFakeFact => ({ type: 'let-through', hosts: { source: '127\\.0\\.0\\.1', flags: '' }, call });

  it('a fake that may answer anything keeps every request from the app', () => {
    expect(judge(localhost, [{ type: 'all-requests' }])).toBeNull();
    expect(judge(localhost, [{ type: 'client', client: 'fetch' }])).toBeNull();
    expect(judge(localhost, [{ type: 'host', host: null }])).toBeNull();
  });

  it('a nock scope answers its own host only', () => {
    expect(judge(localhost, [{ type: 'host', host: 'localhost' }])).toBeNull();
    expect(judge(loopbackIp, [{ type: 'host', host: 'localhost' }])).toMatchObject({ kind: 'loopback-http' });
    expect(judge(localhost, [{ type: 'host', host: 'api.payments.example.com' }])).toMatchObject({ kind: 'loopback-http' });
  });

  it('a server address of the file may be any loopback name, so a loopback scope may be the one answering', () => {
    expect(judge(started, [{ type: 'host', host: '127.0.0.1' }])).toBeNull();
    expect(judge(started, [{ type: 'host', host: 'api.payments.example.com' }])).toMatchObject({ kind: 'loopback-http' });
  });

  it('refused connections never reach the app, unless a matcher lets them through', () => {
    expect(judge(loopbackIp, [{ type: 'refuse-unmatched' }])).toBeNull();
    expect(judge(loopbackIp, [{ type: 'refuse-unmatched' }, letThrough("nock.enableNetConnect('127.0.0.1')")])).toMatchObject({
      kind: 'loopback-http',
      letThrough: "nock.enableNetConnect('127.0.0.1')",
    });
    expect(judge(localhost, [{ type: 'refuse-unmatched' }, letThrough("nock.enableNetConnect('127.0.0.1')")])).toBeNull();
    expect(judge(loopbackIp, [{ type: 'refuse-unmatched' }, { type: 'let-through', hosts: null, call: 'nock.enableNetConnect(allow)' }])).toBeNull();
  });
});

describe('onePerPlace', () => {
  it('keeps the first finding of each place and counts the rest', () => {
    const findings = [
      { place: 'test a', id: 1 },
      { place: 'test a', id: 2 },
      { place: 'file', id: 3 },
      { place: 'test a', id: 4 },
      { place: 'test b', id: 5 },
    ];
    expect(onePerPlace(findings)).toEqual([
      { place: 'test a', id: 1, more: 2 },
      { place: 'file', id: 3, more: 0 },
      { place: 'test b', id: 5, more: 0 },
    ]);
  });
});
