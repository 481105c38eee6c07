import { describe, expect, it } from 'vitest';
import { judgeEndpointCall, type EndpointCall } from '../../src/core/no-endpoint-calls';
import { concatText, knownText, type PartialText } from '../../src/core/partial-text';
import { parseUrl } from '../../src/core/urls';

const project = { packageBins: new Set(['acme']) };
const hole: PartialText = [{ type: 'unknown' }];
const url = (text: PartialText) => parseUrl(text);
const request = (target: PartialText, httpFakeInFile = false): EndpointCall => ({ type: 'http-request', client: 'fetch', url: url(target), httpFakeInFile });
const process = (...line: string[]): EndpointCall => ({ type: 'process', launcher: 'execa', words: line.map(knownText) });

describe('judgeEndpointCall', () => {
  it.each<[string, EndpointCall, ReturnType<typeof judgeEndpointCall>]>([
    ['a test client', { type: 'test-client', entry: 'supertest' }, { kind: 'test-client', entry: 'supertest' }],
    ['a request to localhost', request(knownText('http://localhost:3000/users')), { kind: 'loopback-http', client: 'fetch', url: 'http://localhost:3000/users', localServer: false }],
    ['a request to 127.0.0.1 on an unknown port', request(concatText(knownText('http://127.0.0.1:'), hole)), { kind: 'loopback-http', client: 'fetch', url: 'http://127.0.0.1:${…}', localServer: false }],
    ['a request to a server the file starts', request(concatText([{ type: 'server-address' }], knownText('/health'))), { kind: 'loopback-http', client: 'fetch', url: '${…}/health', localServer: true }],
    ['the project CLI', process('node', 'bin/cli.js', 'import'), { kind: 'project-cli', launcher: 'execa', command: 'node bin/cli.js import' }],
    ['a long command line', process('acme', 'x'.repeat(80)), { kind: 'project-cli', launcher: 'execa', command: `acme ${'x'.repeat(54)}…` }],
  ])('reports %s', (_label, call, expected) => {
    expect(judgeEndpointCall(call, project)).toEqual(expected);
  });

  it.each<[string, EndpointCall]>([
    ['a request to a remote host', request(knownText('https://api.example.com/users'))],
    ['a request with an unknown host', request(concatText(hole, knownText('/users')))],
    ['a loopback request in a file with an HTTP fake', request(knownText('http://localhost:3000/users'), true)],
    ['a loopback URL of another protocol', request(knownText('redis://localhost:6379'))],
    ['a loopback port of Elasticsearch', request(knownText('http://localhost:9200/products/_refresh'))],
    ['a loopback port of LocalStack', request(knownText('http://127.0.0.1:4566/_localstack/health'))],
    ['a loopback port mapped from a container', request(concatText(knownText('http://localhost:'), [{ type: 'container-address' }], knownText('/x')))],
    ['infrastructure', process('docker', 'compose', 'up')],
    ['an unrelated program', process('git', 'status')],
  ])('does not report %s', (_label, call) => {
    expect(judgeEndpointCall(call, project)).toBeNull();
  });
});
