import { AST_NODE_TYPES } from '../estree/node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { httpOriginOf } from '../core/urls';
import { findRealNetworkRequests, type HttpRequestFact } from '../core/no-real-network';
import { propertyName } from '../estree/call-chain';
import { addHooksEdit } from '../estree/hooks';
import { hostedSdkClientOf, makesNetworkClients, mayMakeNetworkClient } from '../estree/hosted-sdks';
import { isHttpClientModule, mayRequestHttp, parseHttpRequest } from '../estree/http-requests';
import { isReExport, moduleBindingOf, moduleScopeOf } from '../estree/imports';
import { reportWithEdit } from '../estree/report';
import { testFileOf, type TestFile } from '../estree/test-file';
import { createRule } from '../util/create-rule';

type Options = [{ autofix?: boolean; allowHosts?: string[] }];
type MessageIds = 'realNetwork' | 'letThrough' | 'sdkClient' | 'disableNetConnect';
type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'no-real-network',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow HTTP requests to real external hosts from tests that fake no HTTP',
      config: 'recommended',
      layers: ['integration', 'unit'],
    },
    hasSuggestions: true,
    fixable: 'code',
    schema: [
      {
        type: 'object',
        properties: {
          autofix: {
            type: 'boolean',
            description: 'Apply the `nock.disableNetConnect()` edit as a fix instead of offering it as a suggestion.',
          },
          allowHosts: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Hosts tests may reach for real: exact names, or `*.example.com` for every subdomain.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ autofix: false, allowHosts: [] }],
    messages: {
      realNetwork:
        'This request goes to {{origin}} over the real network: nothing in this file fakes that host. Answer it with nock or msw, or refuse real connections with nock.disableNetConnect().',
      letThrough: 'This request goes to {{origin}} over the real network: `{{letThrough}}` lets it through. Answer it with nock or msw instead.',
      sdkClient:
        'This {{client}} sends its requests to {{origin}}{{whose}} over the real network: {{why}}. Answer them with nock or msw, or replace the client in this test.',
      disableNetConnect: 'Refuse real connections in this suite with {{nock}}.disableNetConnect() (and restore them afterwards).',
    },
  },
  defaultOptions: [{ autofix: false, allowHosts: [] }],
  create(context, [options]) {
    // `mayRequest` below needs a load of an HTTP client module or a call named `fetch`, and the
    // recogniser's text gate fails only on files with neither: such a file has nothing to collect.
    if (!mayRequestHttp(context.sourceCode.text) && !mayMakeNetworkClient(context.sourceCode.text)) return {};
    return { 'Program:exit': () => checkFile(context, options) };
  },
});

function checkFile(context: Context, options: Options[0]): void {
  const file = testFileOf(context);
  // Nothing to do in a file that loads no HTTP client, SDK or project HTTP client and never names `fetch`.
  if (!mayRequest(context, file)) return;
  const calls = file.callsAndConstructions;
  const requests: Array<HttpRequestFact<TSESTree.CallExpression | TSESTree.NewExpression>> = [];
  for (const call of calls) {
    const sdk = hostedSdkClientOf(context, call);
    if (sdk) requests.push({ node: call, client: sdk.module, url: sdk.url, sdk: { defaultHost: sdk.defaultHost, project: sdk.project, service: sdk.service } });
    // Only what the file states for certain: an environment variable may point anywhere.
    const request = !sdk && call.type === AST_NODE_TYPES.CallExpression ? parseHttpRequest(context, call, 'constants') : null;
    const url = request && !request.ownTransport ? httpOriginOf(request.url) : null;
    if (request && url) requests.push({ node: request.node, client: request.module ?? 'fetch', url });
  }
  if (requests.length === 0) return;

  const nock = nockBindingName(context);
  for (const request of findRealNetworkRequests(requests, file.httpFakes, { allowHosts: options.allowHosts ?? [] })) {
    const edit = nock && !request.letThrough
      ? addHooksEdit(context, request.node, [
          { hook: 'beforeAll', body: [`${nock}.disableNetConnect();`] },
          { hook: 'afterAll', body: [`${nock}.enableNetConnect();`] },
        ])
      : null;
    // An SDK whose service spans several hosts (`hosts under twilio.com`) is named in the plural.
    const faked = request.sdk?.service ? 'those hosts' : 'that host';
    const why = request.letThrough ? `\`${request.letThrough}\` lets it through` : `nothing in this file fakes ${faked}`;
    const offered = edit && { messageId: 'disableNetConnect' as const, data: { nock }, fix: edit };
    reportWithEdit(context, {
      node: request.node,
      ...(request.sdk
        ? {
            messageId: 'sdkClient' as const,
            data: {
              client: request.sdk.project ? `client from '${request.client}'` : `${request.client} client`,
              origin: request.sdk.service ? `hosts under ${request.sdk.service}` : request.url.origin,
              whose: request.sdk.service ? '' : request.sdk.defaultHost ? ", the SDK's default host," : request.sdk.project ? ' (its base URL)' : '',
              why,
            },
          }
        : request.letThrough
          ? { messageId: 'letThrough' as const, data: { origin: request.url.origin, letThrough: request.letThrough } }
          : { messageId: 'realNetwork' as const, data: { origin: request.url.origin } }),
    }, offered, options.autofix ?? false);
  }
}

/** Whether the file loads an HTTP client, an SDK or a project HTTP client, or names `fetch`. */
function mayRequest(context: Context, file: TestFile): boolean {
  for (const load of file.loads) {
    if (!load.typeOnly && !isReExport(load) && (isHttpClientModule(load.source) || makesNetworkClients(context, load))) return true;
  }
  for (const call of file.calls) if (namesFetch(call.callee)) return true;
  return false;
}

/** The name nock is imported under at the top of the file, if it is. */
function nockBindingName(context: Context): string | null {
  const variable = moduleScopeOf(context).variables.find((candidate) => {
    const binding = moduleBindingOf(candidate);
    return binding !== null && binding.source === 'nock' && !binding.typeOnly && (binding.imported === 'default' || binding.imported === '*');
  });
  return variable?.name ?? null;
}

/** `fetch(…)`, `x.fetch(…)` or `x['fetch'](…)`: a cheap sign that the file may send requests without importing a client. */
function namesFetch(callee: TSESTree.Expression): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'fetch';
  return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'fetch';
}
