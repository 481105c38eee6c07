import { classifyCommand, normalisedSegments, type CommandContext } from './commands';
import { outcomeOf, type HttpFakeFact } from './http-fakes';
import type { ExportValue } from './module-summary';
import { displayText, fullText, type PartialText } from './partial-text';
import { INFRASTRUCTURE_PORTS, type UrlTarget } from './urls';

/** What a test client is given to drive: the app (or something unread), a harness built in the test, or a URL. */
export type ClientTarget =
  | { readonly type: 'app' }
  /** A bare framework app made in the test around the piece under test, with handlers written there. */
  | { readonly type: 'harness' }
  /** A URL, such as `request('http://localhost:8025')`; `url` is `null` when its host cannot be read. */
  | { readonly type: 'url'; readonly url: UrlTarget | null };

/**
 * Something in a test that may drive the application through one of its entry points, as a
 * front end recognised it.
 */
export type EndpointCall =
  /** A client made to call the app: supertest, fastify/hapi `inject`, chai-http, pactum, Hono, a configured helper. */
  | { readonly type: 'test-client'; readonly entry: string; readonly target: ClientTarget }
  /** A request through a client that one of the project's modules hands out, with what its summary says it is. */
  | { readonly type: 'helper-client'; readonly helper: string; readonly value: ExportValue }
  /**
   * An HTTP request sent by a general-purpose client: `client` as users write it (`axios.post`),
   * `module` the package that sends it (`axios`, or `fetch` for the global), as fakes name it.
   */
  | { readonly type: 'http-request'; readonly client: string; readonly module: string; readonly url: UrlTarget | null }
  /** A child process started by the test; `words` is its command line. */
  | { readonly type: 'process'; readonly launcher: string; readonly words: readonly PartialText[] };

/** What the judge needs to know about the project and the file. */
export interface EndpointContext extends CommandContext {
  /** The HTTP fakes the file sets up: a request a fake answers never reaches the app. */
  readonly httpFakes: readonly HttpFakeFact[];
}

/** Why a call drives the app, with what a message needs to name it. */
export type EndpointFinding =
  | { readonly kind: 'test-client'; readonly entry: string }
  | {
      readonly kind: 'loopback-http';
      readonly client: string;
      readonly url: string;
      readonly localServer: boolean;
      /** The call that lets the request past an HTTP fake's refusal (`nock.enableNetConnect('127.0.0.1')`), if any. */
      readonly letThrough: string | null;
    }
  | { readonly kind: 'project-cli'; readonly launcher: string; readonly command: string };

const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);
const MAX_COMMAND_LENGTH = 60;

/**
 * Whether a call drives the app through an entry point, and how.
 * - A test client drives the app unless it is given a harness built in the test (the unit under
 *   test is then the piece the harness wraps) or a URL, which is judged like any HTTP request.
 * - A client handed out by a project module counts only when its summary says it is bound to the app,
 *   and so does the project's app itself where a module exports one that answers requests in process.
 * - An HTTP request counts when it goes to this machine (where the app under test listens), not to
 *   a port of a container or of well-known infrastructure, and no HTTP fake of the file answers
 *   or refuses it: a fake covers only the hosts it is set up for.
 * - A child process counts when it runs the project's own command line, never infrastructure.
 */
export function judgeEndpointCall(call: EndpointCall, context: EndpointContext): EndpointFinding | null {
  switch (call.type) {
    case 'test-client':
      if (call.target.type === 'harness') return null;
      if (call.target.type === 'url') return judgeRequest(call.entry, call.entry, call.target.url, context);
      return { kind: 'test-client', entry: call.entry };
    case 'helper-client':
      if (call.value.type === 'other' && call.value.framework) return { kind: 'test-client', entry: `the ${call.value.framework} app ${call.helper}` };
      if (call.value.type !== 'app-client') return null;
      return { kind: 'test-client', entry: call.value.sends ? `a request function that ${call.helper} hands back` : `the app client ${call.helper}` };
    case 'http-request':
      return judgeRequest(call.client, call.module, call.url, context);
    case 'process': {
      const verdict = classifyCommand(call.words, context);
      if (verdict?.kind !== 'project-cli') return null;
      return { kind: 'project-cli', launcher: call.launcher, command: shorten(call.words.map(displayWord).join(' ')) };
    }
  }
}

function judgeRequest(client: string, module: string, url: UrlTarget | null, context: EndpointContext): EndpointFinding | null {
  if (!url || !url.loopback) return null;
  // On this machine, but the port belongs to infrastructure (a container, Elasticsearch, LocalStack…),
  // or to a stand-in server the file writes itself: a fake of a service, not the app.
  if (url.container || url.standIn || (url.port !== null && INFRASTRUCTURE_PORTS.has(url.port))) return null;
  if (url.protocol !== null && !WEB_PROTOCOLS.has(url.protocol)) return null;
  const outcome = outcomeOf({ hostname: url.localServer ? null : url.host, origin: null, client: module }, context.httpFakes);
  if (outcome.type !== 'real') return null;
  return { kind: 'loopback-http', client, url: url.text, localServer: url.localServer, letThrough: outcome.letThrough };
}

/**
 * One finding per place: the first of each group, with how many more the group holds. A place is
 * a test or hook (or the file, for what runs outside them); one report a test keeps a suite of
 * API tests from drowning in the same point.
 */
export function onePerPlace<T extends { readonly place: unknown }>(findings: readonly T[]): Array<T & { readonly more: number }> {
  const groups = new Map<unknown, { first: T; more: number }>();
  for (const finding of findings) {
    const group = groups.get(finding.place);
    if (group) group.more++;
    else groups.set(finding.place, { first: finding, more: 0 });
  }
  return [...groups.values()].map(({ first, more }) => ({ ...first, more }));
}

/** A word as a message shows it; a path that climbs (`test/cli/../../bin/cli.js`) as the file it names. */
function displayWord(word: PartialText): string {
  const text = fullText(word);
  if (text === null || !/(?:^|\/)\.\.\//.test(text)) return displayText(word);
  const segments = normalisedSegments(text);
  return segments.length === 0 ? '.' : `${text.startsWith('/') ? '/' : ''}${segments.join('/')}`;
}

function shorten(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length <= MAX_COMMAND_LENGTH ? single : `${single.slice(0, MAX_COMMAND_LENGTH - 1)}…`;
}
