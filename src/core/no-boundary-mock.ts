import { compileOptionGlobs } from '../settings';
import { matchesModuleGlobs, packageName, type BoundaryModule, type ImportSite } from './boundaries';
import { BOUNDARY_CATALOG, HOSTED_SDKS } from './catalog';

/**
 * What a mock stands in for: a whole module, one member of an object, a whole object, a global,
 * or a double generated from a type or class.
 */
/** `export`: one export of a module whose mock hands back the rest of the real module. */
export type MockedThing = 'module' | 'export' | 'member' | 'object' | 'global' | 'double';

/**
 * What a replacement hands back when the code under test calls the mocked thing: the real,
 * connected client (the stub only injects the boundary), a plain value at once (no round trip is
 * stood in for), or anything else.
 */
/**
 * What a replacement hands back: the real client, a plain value at once, a call through to the
 * original it replaces (a spy with a side effect, which still reaches the boundary), or anything else.
 */
export type ReplacementReturn = 'real-client' | 'synchronous' | 'calls-through' | 'other';

/** One mock, reduced to what the decision needs. A front end for any language can build these. */
export interface BoundaryMockFacts {
  /**
   * How the mock is made: the API as users know it (`jest.mock`, `sinon.stub`, `mockDeep`,
   * `mocker.patch`), or `assignment` for `global.fetch = …`, or `__mocks__` for an import of a
   * hand-written mock.
   */
  readonly via: string;
  /** Whether the original is replaced. A spy that calls through only observes the real thing. */
  readonly replaces: boolean;
  readonly thing: MockedThing;
  /** The mocked thing as written: `pg`, `pool.query`, `fetch`, `PrismaClient`. */
  readonly name: string;
  /** The boundary the mocked thing belongs to, when it can be traced to one. */
  readonly boundary: BoundaryModule | null;
  /** For a project adapter: the client packages of its boundary it is built on (`resend` behind a mail module). */
  readonly clientPackages?: readonly string[];
  /** The boundary of the value put in its place, when known: a fake server's `fetch` is fine. */
  readonly replacement?: BoundaryModule | null;
  /** Where a relative `boundary.specifier` resolves from, for `allow` globs. */
  readonly site?: ImportSite;
  /**
   * What each call that gives the mock its behaviour (`.mockReturnValue(x)`, `.callsFake(fn)`)
   * makes it hand back. Empty or absent when the mocking call replaces on its own.
   */
  readonly returns?: readonly ReplacementReturn[];
  /**
   * The runner's setup files already replace this boundary for every test file, so the mock takes
   * away nothing a test here would otherwise reach: the mocked module `itself`, or the client a
   * project module uses (`its-client`).
   */
  readonly replacedForEveryFile?: 'itself' | 'its-client';
  /**
   * What a module mock puts in the module's place, when that can be read and is not a fake:
   * `empty` when every export is an empty object, `null`, `undefined` or a plain string, number or
   * flag (`vi.mock('../db', () => ({ prisma: {} }))`), so code that called through it would throw and a
   * passing test gets none of its answers from it; `forwarding` when the exports hand every call on
   * to a value the test file puts in place later (a proxy or getter over `holder.client`), so the
   * value the file puts there, not the mock, decides whether the boundary is real.
   */
  readonly standIn?: 'empty' | 'forwarding' | null;
  /**
   * The stand-in answers some calls itself and hands the others to the original it replaces
   * (`if (url === metadataUrl) return new Response(…); return realFetch(url)`): only the calls it
   * answers stop reaching the boundary.
   */
  readonly answersSome?: boolean;
}

/** The advice a finding carries: what to run instead of the mock. */
export type Remedy = 'database' | 'http' | 'other';

export interface BoundaryMockFinding {
  readonly remedy: Remedy;
  readonly kind: string;
  /** The mocked thing for a message: ``module `pg` ``, `` `pool.query` from `pg` ``, ``global `fetch` ``. */
  readonly what: string;
  /** How it was mocked, for a message: `` `jest.mock` ``, `an assignment`, ``a `__mocks__` import``. */
  readonly how: string;
  /** What the mock does to the test's calls, for a message, with its connective: `so this call no longer reaches the database`. */
  readonly effect: string;
}

/** Compiled `allow` patterns: specifiers or globs of modules (and global names) never reported. */
export type AllowList = ReadonlyArray<{ readonly pattern: string; readonly match: (path: string) => boolean }>;

export function compileAllowList(patterns: readonly string[]): AllowList {
  return compileOptionGlobs('no-boundary-mock', 'allow', patterns);
}

const MAX_NAME_LENGTH = 40;

/**
 * Keeps names from sprawling across a message: one line, and long ones cut short in the middle so
 * the member that was mocked stays readable, cut between whole segments (`MongoConnection…createCollection`).
 */
export function shortName(name: string): string {
  const oneLine = name.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= MAX_NAME_LENGTH) return oneLine;
  const dot = oneLine.lastIndexOf('.');
  const tail = dot > 0 ? oneLine.slice(dot) : '';
  if (tail.length === 0 || tail.length > MAX_NAME_LENGTH / 2) return `${oneLine.slice(0, MAX_NAME_LENGTH - 1)}…`;
  const head = oneLine.slice(0, MAX_NAME_LENGTH - tail.length - 1);
  // Cut between whole segments where there is one to cut at: `MongoConnection…createCollection`.
  const lastDot = head.lastIndexOf('.');
  return lastDot > 0 ? `${head.slice(0, lastDot)}…${tail.slice(1)}` : `${head}…${tail}`;
}

function describeThing(facts: BoundaryMockFacts, boundary: BoundaryModule): string {
  switch (facts.thing) {
    case 'module':
      return `module \`${facts.name}\``;
    case 'global':
      return `global \`${facts.name}\``;
    default:
      // An expression as written can be long; the module it comes from says the rest.
      return `\`${shortName(facts.name)}\` from \`${boundary.specifier}\``;
  }
}

function describeVia(via: string): string {
  if (via === 'assignment') return 'an assignment';
  if (via === '__mocks__') return 'a `__mocks__` import';
  return `\`${via}\``;
}

/**
 * What the mock does to the tests, in the words of the message, with the word that ties it to the
 * mock: `so its calls no longer reach the database`. When the runner's setup files already replace the
 * boundary, the mock is not why no test reaches it, and the message says where that comes from instead.
 */
function describeEffect(facts: BoundaryMockFacts, remedy: Remedy, kind: string): string {
  if (facts.replacedForEveryFile) {
    const reached = remedy === 'http' ? 'sends real requests there' : remedy === 'database' ? 'reaches the database' : `reaches the ${kind} service`;
    const replaced = facts.replacedForEveryFile === 'itself' ? 'it' : 'the client it is built on';
    return `and no test here ${reached} in any case: the runner's setup files already replace ${replaced} for every test file, so the fix starts there`;
  }
  const whole = facts.thing === 'module' || facts.thing === 'export' || facts.thing === 'global' || facts.thing === 'double' || facts.thing === 'object';
  const subject = facts.answersSome ? 'the calls it answers itself no longer' : whole ? 'its calls no longer' : 'this call no longer';
  const verb = (singular: string, plural: string) => (whole || facts.answersSome ? plural : singular);
  if (remedy === 'http') return `so ${subject} ${verb('sends a request', 'send requests')}`;
  if (remedy === 'database') return `so ${subject} ${verb('reaches', 'reach')} the database`;
  return `so ${subject} ${verb('reaches', 'reach')} the ${kind} service`;
}

/**
 * Whether the replacements leave the boundary in place: each hands back the real client (the stub
 * only injects it) or calls the original it replaces (a spy that adds a side effect), or a stubbed
 * member hands back a plain value at once, which cannot stand in
 * for a round trip (a settings getter, a text generator).
 */
function keepsBoundary(facts: BoundaryMockFacts): boolean {
  const returns = facts.returns ?? [];
  if (returns.length === 0) return false;
  if (returns.every((shape) => shape === 'real-client' || shape === 'calls-through')) return true;
  return facts.thing === 'member' && returns.every((shape) => shape === 'synchronous');
}

/**
 * Whether a finding is of a boundary the file does not test: it mocks a kind of boundary other than
 * HTTP while it exercises others (other than HTTP) for real, none of them of that kind (a database
 * test that replaces the mailer). An integration test runs one boundary for real and stands in for
 * the rest, so such a mock keeps the file to its one boundary; making it real would give the file
 * two. An HTTP client is still reported: its stand-in belongs at the network (nock, msw), which
 * keeps the client real.
 */
export function mocksAnotherBoundary(finding: BoundaryMockFinding, realKinds: ReadonlySet<string>): boolean {
  return finding.remedy !== 'http' && realKinds.size > 0 && !realKinds.has(finding.kind);
}

/**
 * Whether a mock takes away the boundary an integration test should exercise, and if so what to
 * say. Not reported: spies that call through, things that belong to no boundary, fakes and
 * containers (a fake HTTP server is the right way to test an HTTP client; a container is how the
 * real system gets there), a replacement that is itself a fake or keeps the boundary in place,
 * and anything in `allow`.
 */
export function judgeBoundaryMock(facts: BoundaryMockFacts, allow: AllowList): BoundaryMockFinding | null {
  const { boundary } = facts;
  if (!facts.replaces || !boundary || facts.standIn) return null;
  if (boundary.role === 'fake' || boundary.role === 'container') return null;
  if (facts.replacement?.role === 'fake') return null;
  if (keepsBoundary(facts)) return null;
  if (matchesModuleGlobs(boundary.specifier, allow, facts.site)) return null;
  // A hosted service's SDK (Postmark, Twilio, Stripe) talks HTTP to that service: it is faked at the
  // HTTP level, whatever kind of boundary it stands for; there is no local one to run.
  // So is a project adapter built only on such SDKs: its service cannot be run locally either.
  const hosted = isHostedSdk(boundary.specifier) || (facts.clientPackages !== undefined && facts.clientPackages.length > 0 && facts.clientPackages.every(isHostedSdk));
  const remedy: Remedy = boundary.kind === 'database' ? 'database' : boundary.kind === 'http' || hosted ? 'http' : 'other';
  return {
    remedy,
    kind: boundary.kind,
    what: describeThing(facts, boundary),
    how: describeVia(facts.via),
    effect: describeEffect(facts, remedy, boundary.kind),
  };
}

/** Whether a module is the SDK of a hosted service the catalog knows, by package or exact subpath. */
function isHostedSdk(specifier: string): boolean {
  const name = packageName(specifier);
  return Object.hasOwn(HOSTED_SDKS, specifier) || Object.hasOwn(HOSTED_SDKS, name) || (Object.hasOwn(BOUNDARY_CATALOG, name) && BOUNDARY_CATALOG[name]?.hosted === true);
}

/** One key per mocked thing, so a file hears about each once however many tests mock it. */
export function mockedThingKey(facts: BoundaryMockFacts): string {
  return `${facts.thing}\0${facts.boundary?.specifier ?? ''}\0${facts.name.replace(/\s+/g, '')}`;
}
