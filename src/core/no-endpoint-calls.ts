import { classifyCommand, type CommandContext } from './commands';
import { displayText, type PartialText } from './partial-text';
import { INFRASTRUCTURE_PORTS, type UrlTarget } from './urls';

/**
 * Something in a test that may drive the application through one of its entry points, as a
 * front end recognised it.
 */
export type EndpointCall =
  /** A client made to call the app: supertest, fastify/hapi `inject`, chai-http, pactum, Hono, a configured helper. */
  | { readonly type: 'test-client'; readonly entry: string }
  /** An HTTP request sent by a general-purpose client (fetch, axios, got, …). */
  | {
      readonly type: 'http-request';
      readonly client: string;
      readonly url: UrlTarget | null;
      /** Whether the file sets up an HTTP fake (nock, msw, MockAgent, …) that may answer it. */
      readonly httpFakeInFile: boolean;
    }
  /** A child process started by the test; `words` is its command line. */
  | { readonly type: 'process'; readonly launcher: string; readonly words: readonly PartialText[] };

/** Why a call drives the app, with what a message needs to name it. */
export type EndpointFinding =
  | { readonly kind: 'test-client'; readonly entry: string }
  | { readonly kind: 'loopback-http'; readonly client: string; readonly url: string; readonly localServer: boolean }
  | { readonly kind: 'project-cli'; readonly launcher: string; readonly command: string };

const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);
const MAX_COMMAND_LENGTH = 60;

/**
 * Whether a call drives the app through an entry point, and how. HTTP requests count when
 * they go to this machine (where the app under test listens), not to a port of a container or of
 * well-known infrastructure, and no HTTP fake in the file may be the one answering; child processes count when they run the project's own command line, never
 * when they start infrastructure.
 */
export function judgeEndpointCall(call: EndpointCall, project: CommandContext): EndpointFinding | null {
  switch (call.type) {
    case 'test-client':
      return { kind: 'test-client', entry: call.entry };
    case 'http-request': {
      const { url } = call;
      if (!url || !url.loopback || call.httpFakeInFile) return null;
      // On this machine, but the port belongs to infrastructure (a container, Elasticsearch, LocalStack…).
      if (url.container || (url.port !== null && INFRASTRUCTURE_PORTS.has(url.port))) return null;
      if (url.protocol !== null && !WEB_PROTOCOLS.has(url.protocol)) return null;
      return { kind: 'loopback-http', client: call.client, url: url.text, localServer: url.localServer };
    }
    case 'process': {
      const verdict = classifyCommand(call.words, project);
      if (verdict?.kind !== 'project-cli') return null;
      return { kind: 'project-cli', launcher: call.launcher, command: shorten(call.words.map(displayText).join(' ')) };
    }
  }
}

function shorten(text: string): string {
  return text.length <= MAX_COMMAND_LENGTH ? text : `${text.slice(0, MAX_COMMAND_LENGTH - 1)}…`;
}
