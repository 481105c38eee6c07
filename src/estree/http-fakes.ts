import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isRelativeSpecifier, packageName } from '../core/boundaries';
import type { HostPattern, HttpFakeFact } from '../core/http-fakes';
import { httpOriginOf } from '../core/urls';
import { boundaryOfSpecifier, boundaryOfValue } from './boundary-values';
import { callChain } from './call-chain';
import { resolveName } from './imports';
import { parseGlobalAssignment, parseMockCall } from './mocks';
import { partialTextOf, urlOf } from './static-text';
import { fullText } from '../core/partial-text';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * A module load that sets up an HTTP fake on its own: any HTTP fake of the boundary catalog
 * (msw, fetch-mock, jest-fetch-mock, axios-mock-adapter, …) except nock, whose fakes are per host.
 */
export function httpFakeOfModule(context: Context, specifier: string): HttpFakeFact | null {
  const boundary = boundaryOfSpecifier(context, specifier);
  if (!boundary || boundary.role !== 'fake' || boundary.kind !== 'http') return null;
  return packageName(specifier) === 'nock' ? null : { type: 'all-requests' };
}

/** `globalThis.fetch = vi.fn()`: the global `fetch` is replaced. */
export function httpFakeOfAssignment(node: TSESTree.AssignmentExpression): HttpFakeFact | null {
  return parseGlobalAssignment(node) === 'fetch' ? { type: 'client', client: 'fetch' } : null;
}

/**
 * What a call does to keep requests off the network: nock scopes and `disableNetConnect`, undici's
 * `MockAgent` and `setGlobalDispatcher`, the `fetchMock` global of jest-fetch-mock, and mocks
 * that replace an HTTP client (`vi.mock('axios')`, `vi.stubGlobal('fetch', …)`).
 */
export function httpFakesOfCall(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression): readonly HttpFakeFact[] {
  const chain = callChain(node);
  if (!chain || chain.root.type !== AST_NODE_TYPES.Identifier) return [];
  const [rootName, ...members] = chain.segments;
  const resolution = resolveName(context, chain.root);

  if (resolution.type === 'global') {
    // jest-fetch-mock installed by a setup file: `fetchMock.mockResponse(…)`, `fetch.mockResponseOnce(…)`.
    if (rootName === 'fetchMock' || (rootName === 'fetch' && members[0]?.startsWith('mock'))) return [{ type: 'client', client: 'fetch' }];
  } else if (resolution.type === 'module' && !resolution.binding.typeOnly) {
    const { source, imported } = resolution.binding;
    const path = [...(imported === 'default' || imported === '*' ? [] : [imported]), ...members];
    const module = packageName(source);
    if (module === 'nock' && node.type === AST_NODE_TYPES.CallExpression) {
      if (path.length === 0) return [{ type: 'host', host: nockHost(context, node) }];
      if (path[0] === 'disableNetConnect') return [{ type: 'refuse-unmatched' }];
      // With no matcher it lets every host through again, which is how suites restore the network afterwards.
      if (path[0] === 'enableNetConnect' && node.arguments.length > 0) {
        return [{ type: 'let-through', hosts: netConnectMatcher(context, node), call: context.sourceCode.getText(node).replace(/\s+/g, ' ') }];
      }
      if (path[0] === 'back') return [{ type: 'all-requests' }];
    }
    if (module === 'undici' && path.length === 1) {
      if (path[0] === 'MockAgent' && node.type === AST_NODE_TYPES.NewExpression) return [{ type: 'mock-agent' }];
      if (path[0] === 'setGlobalDispatcher' && node.type === AST_NODE_TYPES.CallExpression) return [{ type: 'global-dispatcher' }];
    }
  }
  return node.type === AST_NODE_TYPES.CallExpression ? replacedClientsOf(context, node) : [];
}

/** The host a nock scope answers for: `nock('https://api.stripe.com')`, `nock(/stripe\.com/)`. */
function nockHost(context: Context, node: TSESTree.CallExpression): Extract<HttpFakeFact, { type: 'host' }>['host'] {
  const [basePath] = node.arguments;
  if (!basePath) return null;
  if (basePath.type === AST_NODE_TYPES.Literal && 'regex' in basePath && basePath.regex) {
    return { source: basePath.regex.pattern, flags: basePath.regex.flags };
  }
  return httpOriginOf(urlOf(context, basePath, 'constants'))?.hostname ?? null;
}

/**
 * The hosts `nock.enableNetConnect(…)` lets through. nock reads a string as a pattern on
 * `host:port` with its dots taken literally; a function or anything unread is `null`.
 */
function netConnectMatcher(context: Context, node: TSESTree.CallExpression): HostPattern | null {
  const [matcher] = node.arguments;
  if (!matcher) return null;
  if (matcher.type === AST_NODE_TYPES.Literal && 'regex' in matcher && matcher.regex) {
    return { source: matcher.regex.pattern, flags: matcher.regex.flags };
  }
  const text = fullText(partialTextOf(context, matcher, 'constants'));
  return text === null || text === '' ? null : { source: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags: '' };
}

/** HTTP clients replaced by a mock: whole modules, the global `fetch`, or methods of a client. */
function replacedClientsOf(context: Context, node: TSESTree.CallExpression): HttpFakeFact[] {
  const mock = parseMockCall(context, node);
  if (!mock || !mock.replaces) return [];
  return mock.targets.flatMap((target): HttpFakeFact[] => {
    if (target.type === 'module' && !isRelativeSpecifier(target.specifier)) return [{ type: 'client', client: packageName(target.specifier) }];
    if (target.type === 'global' && target.name === 'fetch') return [{ type: 'client', client: 'fetch' }];
    if (target.type === 'method') {
      const boundary = boundaryOfValue(context, target.object);
      if (boundary?.kind === 'http' && boundary.role === 'client') return [{ type: 'client', client: packageName(boundary.specifier) }];
    }
    return [];
  });
}

/** What a rule hands to {@link collectHttpFakes} as it walks a file; `fakes()` answers at the end. */
export interface HttpFakeCollector {
  /** A module the file loads. */
  module(source: string): void;
  call(node: TSESTree.CallExpression | TSESTree.NewExpression): void;
  assignment(node: TSESTree.AssignmentExpression): void;
  /** Every fake the file sets up, read once the walk is over. */
  fakes(): HttpFakeFact[];
}

/** Gathers the HTTP fakes of a file from the nodes a rule already visits, and reads them once, at the end. */
export function collectHttpFakes(context: Context): HttpFakeCollector {
  const modules: string[] = [];
  const calls: Array<TSESTree.CallExpression | TSESTree.NewExpression> = [];
  const assignments: TSESTree.AssignmentExpression[] = [];
  return {
    module: (source) => modules.push(source),
    call: (node) => calls.push(node),
    assignment: (node) => {
      if (node.left.type === AST_NODE_TYPES.MemberExpression) assignments.push(node);
    },
    fakes: () => [
      ...modules.flatMap((source) => httpFakeOfModule(context, source) ?? []),
      ...calls.flatMap((call) => httpFakesOfCall(context, call)),
      ...assignments.flatMap((assignment) => httpFakeOfAssignment(assignment) ?? []),
    ],
  };
}
