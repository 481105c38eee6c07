import { AST_NODE_TYPES } from '../estree/node-types';
import type { TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { matchesModuleGlobs } from '../core/boundaries';
import { judgeEndpointCall, type EndpointCall } from '../core/no-endpoint-calls';
import { boundaryOfSpecifier, importSiteOf } from '../estree/boundary-values';
import { HTTP_REQUEST_NEEDS, mayRequestHttp, parseHttpRequest, type HttpRequest } from '../estree/http-requests';
import { moduleLoadOf, valueImportListeners } from '../estree/imports';
import { moduleMemberOf } from '../estree/module-members';
import { mayStartProcess, parseProcessStart, PROCESS_START_NEEDS } from '../estree/processes';
import { mayCallTestClient, parseTestClientCall, TEST_CLIENT_NEEDS } from '../estree/test-clients';
import { textGate } from '../estree/text-gates';
import { getSettings } from '../settings';
import { createRule } from '../util/create-rule';
import { packageBinsFor } from '../util/package-bins';

type MessageId = 'testClient' | 'loopbackHttp' | 'localServerHttp' | 'projectCli';

const ADVICE = 'Call the adapter or repository under test directly, or move this test to the acceptance layer.';
const MAX_ARGUMENTS_TEXT = 24;
const NO_BINS: ReadonlySet<string> = new Set();
/** Whether a file may hold anything a recogniser below answers for; one reading of the text for most files. */
const mayHoldEndpointCall = textGate(TEST_CLIENT_NEEDS, HTTP_REQUEST_NEEDS, PROCESS_START_NEEDS);

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
      testClient: `This integration test drives the app through {{client}}: \`{{call}}\`. ${ADVICE}`,
      loopbackHttp: `This integration test sends an HTTP request to the app at \`{{url}}\` ({{client}}). ${ADVICE}`,
      localServerHttp: `This integration test sends an HTTP request to the server it starts (\`{{url}}\`, {{client}}). ${ADVICE}`,
      projectCli: "This integration test runs the project's command line: `{{command}}` ({{launcher}}). Call the code behind the command directly, or move this test to the acceptance layer.",
    },
  },
  defaultOptions: [],
  create(context) {
    const settings = getSettings(context.settings);
    const site = importSiteOf(context);
    const { sourceCode } = context;
    // Loopback requests wait for the end of the file: an HTTP fake set up anywhere may answer them.
    const loopbackRequests: Array<{ node: TSESTree.CallExpression; request: HttpRequest }> = [];
    let httpFakeInFile = false;

    type Reported = TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression;

    function callText(node: Reported): string {
      if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return sourceCode.getText(node);
      const args = node.arguments.map((argument) => sourceCode.getText(argument)).join(', ');
      const shown = args.length <= MAX_ARGUMENTS_TEXT && !args.includes('\n') ? args : '…';
      return `${node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${sourceCode.getText(node.callee)}(${shown})`;
    }

    function judgeAndReport(node: Reported, call: EndpointCall): void {
      const packageBins = call.type === 'process' ? packageBinsFor(path.resolve(context.cwd, context.filename)) : NO_BINS;
      const finding = judgeEndpointCall(call, { packageBins });
      if (!finding) return;
      switch (finding.kind) {
        case 'test-client':
          context.report({ node, messageId: 'testClient', data: { client: finding.entry, call: callText(node) } });
          return;
        case 'loopback-http':
          context.report({ node, messageId: finding.localServer ? 'localServerHttp' : 'loopbackHttp', data: { url: finding.url, client: finding.client } });
          return;
        case 'project-cli':
          context.report({ node, messageId: 'projectCli', data: { command: finding.command, launcher: finding.launcher } });
      }
    }

    /** A call of something imported from a module listed in `endpointClients`. */
    function endpointClientOf(node: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
      if (settings.endpointClients.length === 0) return null;
      const member = moduleMemberOf(context, node.callee);
      return member && matchesModuleGlobs(member.source, settings.endpointClients, site) ? `the endpoint client '${member.source}'` : null;
    }

    function noteModule(source: string): void {
      const boundary = boundaryOfSpecifier(context, source);
      if (boundary?.kind === 'http' && boundary.role === 'fake') httpFakeInFile = true;
    }

    // What the file's text allows (each recogniser's needs say why it is sound): a recogniser
    // whose gate fails would answer `null` for every node, so it is not asked. A call of an
    // `endpointClients` module has no such gate: a glob may match any specifier.
    const { text } = sourceCode;
    const mayCallEndpointClient = settings.endpointClients.length > 0;
    if (!mayCallEndpointClient && !mayHoldEndpointCall(text)) return {};
    const mayCallClient = mayCallTestClient(text);
    const mayRequest = mayRequestHttp(text);
    const mayStart = mayStartProcess(text);

    return {
      // Loads and MockAgents only decide whether an HTTP fake may answer a loopback request.
      ...(mayRequest ? valueImportListeners(noteModule) : {}),
      NewExpression(node) {
        if (mayRequest) {
          const member = moduleMemberOf(context, node.callee);
          // undici's MockAgent answers requests in place of the network.
          if (member?.source === 'undici' && member.path.join('.') === 'MockAgent') httpFakeInFile = true;
        }
        const client = endpointClientOf(node);
        if (client) judgeAndReport(node, { type: 'test-client', entry: client });
      },
      TaggedTemplateExpression(node) {
        const started = mayStart ? parseProcessStart(context, node) : null;
        if (started) judgeAndReport(node, { type: 'process', launcher: started.launcher, words: started.words });
      },
      CallExpression(node) {
        const load = moduleLoadOf(node);
        if (load) {
          if (mayRequest) noteModule(load.source);
          return;
        }
        const testClient = mayCallClient ? parseTestClientCall(context, node) : null;
        if (testClient) return judgeAndReport(node, { type: 'test-client', entry: testClient.library });
        const client = endpointClientOf(node);
        if (client) return judgeAndReport(node, { type: 'test-client', entry: client });
        const request = mayRequest ? parseHttpRequest(context, node) : null;
        if (request) {
          if (request.url?.loopback) loopbackRequests.push({ node, request });
          return;
        }
        const started = mayStart ? parseProcessStart(context, node) : null;
        if (started) judgeAndReport(node, { type: 'process', launcher: started.launcher, words: started.words });
      },
      'Program:exit'() {
        for (const { node, request } of loopbackRequests) {
          judgeAndReport(node, { type: 'http-request', client: request.client, url: request.url, httpFakeInFile });
        }
      },
    };
  },
});
