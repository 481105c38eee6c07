import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../estree/node-types';
import path from 'node:path';
import { matchesModuleGlobs } from '../core/boundaries';
import { isAcceptanceByDefault } from '../core/layers';
import type { UrlTarget } from '../core/urls';
import { judgeEndpointCall, onePerPlace, type EndpointCall } from '../core/no-endpoint-calls';
import { HELPER_CLIENT_NEEDS, parseHelperClientCall } from '../estree/app-clients';
import { importSiteOf } from '../estree/boundary-values';
import { HTTP_REQUEST_NEEDS, mayRequestHttp, parseHttpRequest } from '../estree/http-requests';
import { isInOwnServerHandler, onStandInPort } from '../estree/static-text';
import { moduleLoadOf } from '../estree/imports';
import { moduleMemberOf } from '../estree/module-members';
import { mayStartProcess, parseProcessStart, PROCESS_START_NEEDS } from '../estree/processes';
import { testPlaceOf } from '../estree/test-calls';
import { testFileOf } from '../estree/test-file';
import { describeClientCall, mayCallTestClient, parseTestClientCall, TEST_CLIENT_NEEDS, testClientTargetOf } from '../estree/test-clients';
import { textGate } from '../estree/text-gates';
import { shownPath } from '../estree/report';
import { getSettings } from '../settings';
import { createRule } from '../util/create-rule';
import { packageBinsFor } from '../util/package-bins';

type MessageId = 'testClient' | 'loopbackHttp' | 'localServerHttp' | 'projectCli';
type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;
type Reported = TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression;

const ADVICE = 'Call the adapter or repository under test directly, or {{move}}.';
const PLACE_NAMES = { module: 'file', describe: 'suite', test: 'test', hook: 'hook' } as const;
/** Whether a file may hold anything a recogniser below answers for; one reading of the text for most files. */
const mayHoldEndpointCall = textGate(TEST_CLIENT_NEEDS, HTTP_REQUEST_NEEDS, PROCESS_START_NEEDS, HELPER_CLIENT_NEEDS);

export default createRule<[], MessageId>({
  name: 'no-endpoint-calls',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow driving the app through its HTTP or command-line entry points in integration tests',
      config: 'recommended',
      layers: ['integration'],
    },
    schema: [],
    messages: {
      testClient: `This integration test drives the app through {{client}}: \`{{call}}\`{{request}}{{more}}. ${ADVICE}`,
      loopbackHttp: `This integration test sends an HTTP request to the app at \`{{url}}\` ({{client}}){{letThrough}}{{more}}. ${ADVICE}`,
      localServerHttp: `This integration test sends an HTTP request to the server it starts (\`{{url}}\`, {{client}}){{letThrough}}{{more}}. ${ADVICE}`,
      projectCli: `This integration test runs the project's command line: \`{{command}}\` ({{launcher}}){{more}}. Call the code behind the command directly, or {{move}}.`,
    },
  },
  defaultOptions: [],
  create(context) {
    const endpointCalls = EndpointCalls.of(context);
    if (!endpointCalls) return {};
    return {
      TaggedTemplateExpression: endpointCalls.noteTaggedTemplate.bind(endpointCalls),
      'Program:exit': () => checkFile(context, endpointCalls),
    };
  },
});

/** What a file's calls are, with the text gates read once for the file. */
class EndpointCalls {
  // Process starts written as tagged templates (zx's `$\`…\``); calls come from the file's model.
  readonly taggedStarts: Array<{ node: Reported; call: EndpointCall }> = [];

  private constructor(
    private readonly context: Context,
    private readonly endpointClients: ReturnType<typeof getSettings>['endpointClients'],
    private readonly mayCallClient: boolean,
    private readonly mayRequest: boolean,
    private readonly mayStart: boolean,
  ) {}

  /** `null` for a file that can hold no endpoint call. */
  static of(context: Context): EndpointCalls | null {
    const settings = getSettings(context.settings);
    const { text } = context.sourceCode;
    // A call of an `endpointClients` module has no text gate: a glob may match any specifier.
    if (settings.endpointClients.length === 0 && !mayHoldEndpointCall(text)) return null;
    return new EndpointCalls(context, settings.endpointClients, mayCallTestClient(text), mayRequestHttp(text), mayStartProcess(text));
  }

  noteTaggedTemplate(node: TSESTree.TaggedTemplateExpression): void {
    const started = this.mayStart ? parseProcessStart(this.context, node) : null;
    if (started) this.taggedStarts.push({ node, call: { type: 'process', launcher: started.launcher, words: started.words } });
  }

  /** A call of something imported from a module listed in `endpointClients`. */
  private endpointClientOf(node: TSESTree.CallExpression | TSESTree.NewExpression): EndpointCall | null {
    if (this.endpointClients.length === 0) return null;
    const member = moduleMemberOf(this.context, node.callee);
    if (!member || !matchesModuleGlobs(member.source, this.endpointClients, importSiteOf(this.context))) return null;
    return { type: 'test-client', entry: `the endpoint client '${member.source}'`, target: { type: 'app' } };
  }

  /** The endpoint calls among a file's calls and constructions and its tagged templates, in source order. */
  callsIn(nodes: ReadonlyArray<TSESTree.CallExpression | TSESTree.NewExpression>): Array<{ node: Reported; call: EndpointCall }> {
    const found: Array<{ node: Reported; call: EndpointCall }> = [];
    for (const node of nodes) {
      const call = node.type === AST_NODE_TYPES.NewExpression ? this.endpointClientOf(node) : moduleLoadOf(node) ? null : this.endpointCallOf(node);
      if (call) found.push({ node, call });
    }
    found.push(...this.taggedStarts);
    return found.sort(byStart);
  }

  private onStandInPort(url: UrlTarget | null): UrlTarget | null {
    return onStandInPort(this.context, testFileOf(this.context).calls, url);
  }

  private endpointCallOf(node: TSESTree.CallExpression): EndpointCall | null {
    const context = this.context;
    const testClient = this.mayCallClient ? parseTestClientCall(context, node) : null;
    const target = testClient && testClientTargetOf(context, testClient);
    if (testClient && target) return { type: 'test-client', entry: testClient.library, target: target.type === 'url' ? { type: 'url', url: this.onStandInPort(target.url) } : target };
    const configured = this.endpointClientOf(node);
    if (configured) return configured;
    const request = this.mayRequest ? parseHttpRequest(context, node) : null;
    // A proxy the file writes forwards requests while its server answers: no step of the test.
    if (request) return isInOwnServerHandler(node) ? null : { type: 'http-request', client: request.client, module: request.module ?? 'fetch', url: this.onStandInPort(request.url) };
    const started = this.mayStart ? parseProcessStart(context, node) : null;
    if (started) return { type: 'process', launcher: started.launcher, words: started.words };
    const helper = parseHelperClientCall(context, node);
    return helper ? { type: 'helper-client', ...helper } : null;
  }
}

/**
 * Where the file should go: the acceptance layer, or, for a file whose path already puts it there by
 * default (`app.e2e-spec.ts`), out of the integration globs that took it.
 */
function moveAdvice(file: string): string {
  if (isAcceptanceByDefault(file)) return 'leave this file out of the `integration` globs in `createConfigs`: its path makes it an acceptance test by default';
  return `move this file to the acceptance layer (\`npx eslint-plugin-integration-tests move ${file}\`, or list its folder under \`acceptance\` in \`createConfigs\`)`;
}

function byStart(a: { node: Reported }, b: { node: Reported }): number {
  return a.node.range[0] - b.node.range[0];
}

function checkFile(context: Context, endpointCalls: EndpointCalls): void {
  const model = testFileOf(context);
  const calls = endpointCalls.callsIn(model.callsAndConstructions);
  if (calls.length === 0) return;
  const packageBins = calls.some(({ call }) => call.type === 'process') ? packageBinsFor(path.resolve(context.cwd, context.filename)) : new Set<string>();
  const sendsRequests = calls.some(({ call }) => call.type === 'http-request' || (call.type === 'test-client' && call.target.type === 'url'));
  const judge = { packageBins, httpFakes: sendsRequests ? model.httpFakes : [] };
  const findings = calls.flatMap(({ node, call }) => {
    const finding = judgeEndpointCall(call, judge);
    const place = testPlaceOf(context, node);
    return finding ? [{ node, finding, place: place.call?.node ?? 'file', kind: place.kind }] : [];
  });
  if (findings.length === 0) return;
  const move = moveAdvice(shownPath(context));
  for (const { node, finding, kind, more } of onePerPlace(findings)) {
    const count = more === 0 ? '' : `, and ${more} more like it in this ${PLACE_NAMES[kind]}`;
    if (finding.kind === 'test-client') {
      const { call, request } = describeClientCall(context, node);
      context.report({ node, messageId: 'testClient', data: { move, more: count, client: finding.entry, call, request: request ? ` (${request})` : '' } });
    } else if (finding.kind === 'loopback-http') {
      const letThrough = finding.letThrough ? `, which \`${finding.letThrough}\` lets through` : '';
      context.report({ node, messageId: finding.localServer ? 'localServerHttp' : 'loopbackHttp', data: { move, more: count, url: finding.url, client: finding.client, letThrough } });
    } else {
      context.report({ node, messageId: 'projectCli', data: { move, more: count, command: finding.command, launcher: finding.launcher } });
    }
  }
}
