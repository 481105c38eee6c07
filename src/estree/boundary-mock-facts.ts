import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { lookupBoundary, lookupGlobalBoundary } from '../core/boundaries';
import type { BoundaryMockFacts, ReplacementReturn } from '../core/no-boundary-mock';
import { getSettings } from '../settings';
import { adapterOfModule, boundaryOfModuleExport, clientOfMember, clientOfValue } from './boundary-clients';
import { boundaryOfSpecifier, boundaryOfTypeName, boundaryOfValue, importSiteOf } from './boundary-values';
import { callsOriginal, claimedClientOf, passesEveryCallThrough, passesSomeCallsThrough, replacementsOf, returnOf, returnOfGlobalStub, testReliesOnMock, type Replacement } from './mock-behaviour';
import type { MockCall, MockTarget } from './mocks';
import { replacedExportsOf, standInOf } from './module-stand-ins';
import { keepsRealModule } from './real-module-factories';
import { unwrap } from './call-chain';
import { isMockedAway, isMockedItself, summaryOfSpecifier } from './project-modules';
import { mocksOfRunnerSetup } from './unseen-hooks';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** One target of a mocking call, as facts for the core, with what the rule needs to point at it and edit it. */
export interface GatheredMock {
  readonly facts: BoundaryMockFacts;
  /** Where the behaviour is replaced: the first call that swaps an implementation in, or the mocking call itself. */
  readonly loc: TSESTree.SourceLocation;
  /** Whether later code relies on the mock, so that removing it would break the test; asked only of findings. */
  readonly reliedOn: () => boolean;
}

/** The boundary a module specifier stands for: a catalog or settings module, or a project module whose summary names one. */
export function boundaryOfMockedModule(context: Context, specifier: string, site = importSiteOf(context)): BoundaryMockFacts['boundary'] {
  return lookupBoundary(specifier, getSettings(context.settings), site) ?? adapterOfModule(context, specifier);
}

function targetFacts(context: Context, call: MockCall, target: MockTarget): Omit<BoundaryMockFacts, 'via' | 'replaces'> {
  const text = (node: TSESTree.Node) => context.sourceCode.getText(node);
  const site = importSiteOf(context);
  switch (target.type) {
    case 'module': {
      const from = target.relativeTo ? { filename: target.relativeTo, cwd: context.cwd } : site;
      // A mock that hands back the real module beside a few stand-ins replaces those exports alone.
      const replaced = call.replacement && !target.relativeTo ? replacedExportsOf(context, call.replacement) : null;
      // Every export it names only watches the real one, or makes the real client with other
      // options (`class LazyRedis extends actual.Redis`): nothing is replaced.
      if (replaced?.length === 0 || (call.replacement && keepsRealModule(unwrap(call.replacement)))) return { site: from, thing: 'module', name: target.specifier, boundary: null };
      if (replaced) {
        const judged = replaced.map((name) => ({ name, boundary: boundaryOfModuleExport(context, target.specifier, name) }));
        const first = judged.find((entry) => entry.boundary !== null) ?? judged[0]!;
        return { site: from, thing: 'export', name: first.name, boundary: first.boundary };
      }
      return { site: from, thing: 'module', name: target.specifier, boundary: boundaryOfMockedModule(context, target.specifier, from) };
    }
    case 'method':
      if (call.library === 'rewire') {
        // rewire replaces a variable inside another file; only its name is known here, so it
        // counts when that name is a boundary package's (`__set__('axios', fake)`).
        const boundary = target.method === null ? null : lookupBoundary(target.method, getSettings(context.settings));
        return { site, thing: 'module', name: target.method ?? text(target.object), boundary };
      }
      return {
        site,
        thing: target.method === null ? 'object' : 'member',
        name: target.method === null ? text(target.object) : `${text(target.object)}.${target.method}`,
        boundary: clientOfMember(context, target.object, target.method),
      };
    case 'global':
      return { site, thing: 'global', name: target.name, boundary: lookupGlobalBoundary(target.name, getSettings(context.settings)) };
    case 'type':
      return { site, thing: 'double', name: text(target.node), boundary: boundaryOfTypeName(context, target.identifier) };
    case 'class':
      return { site, thing: 'double', name: text(target.classRef), boundary: clientOfValue(context, target.classRef) };
  }
}

/**
 * What each replacement makes the mocked thing do. A global's stand-in (`vi.stubGlobal('fetch', fn)`,
 * or `mockImplementation(fn)` on a spy of it) that hands every call to the saved original calls through.
 */
function returnsOf(context: Context, call: MockCall, target: MockTarget, replacements: readonly Replacement[]): ReplacementReturn[] {
  if (target.type === 'global') {
    if (call.replacement && passesEveryCallThrough(context, call.replacement, target.name)) return ['calls-through'];
    return replacements.map((replacement) => returnOfGlobalStub(context, replacement, target.name));
  }
  // A stand-in handed over in the mocking call itself (`sinon.replace(Repo.prototype, 'save', fn)`)
  // that calls the original kept before it.
  const direct = target.type === 'method' && target.method !== null && call.replacement && callsOriginal(context, call.replacement, target.method) ? (['calls-through'] as const) : [];
  return [...direct, ...replacements.map((replacement) => returnOf(context, replacement, target.type === 'method' ? target.method : null))];
}

/** Whether a global's stand-in, put in place directly or by `mockImplementation`, hands some of its calls to the original. */
function answersSome(context: Context, call: MockCall, replacements: readonly Replacement[], name: string): boolean {
  const standIns = [call.replacement, ...replacements.map((replacement) => replacement.argument)];
  return standIns.some((standIn) => standIn !== null && passesSomeCallsThrough(context, standIn, name));
}

/**
 * `vi.spyOn(prisma.domain, 'create').mockRejectedValueOnce(conflict)`: a spy keeps the original for
 * every call no `…Once` behaviour answers, so when those are all it is given, the calls after them
 * reach the boundary again.
 */
function answersNextCallsOnly(call: MockCall, target: MockTarget, replacements: readonly Replacement[]): boolean {
  return target.type === 'method' && /\.spyOn$/.test(call.api) && replacements.length > 0 && replacements.every((replacement) => replacement.method.endsWith('Once'));
}

/** Gathers the facts of one target of a recognised mocking call. */
export function gatherMock(context: Context, call: MockCall, target: MockTarget): GatheredMock {
  const replacements: Replacement[] = target.type === 'method' || target.type === 'global' ? replacementsOf(context, call) : [];
  const gathered = targetFacts(context, call, target);
  // A member nothing traces to a client still stands for one when the test hands over a stand-in typed as that client.
  const claimed = gathered.boundary ? null : replacements.map((replacement) => claimedClientOf(context, replacement)).find((boundary) => boundary !== null);
  const boundary = claimed ?? gathered.boundary;
  const facts: BoundaryMockFacts = {
    via: call.api,
    replaces: call.replaces,
    replacement: call.replacement ? boundaryOfValue(context, call.replacement) : null,
    returns: returnsOf(context, call, target, replacements),
    ...gathered,
    ...(claimed ? { boundary: claimed } : {}),
    ...(boundary ? replacedForEveryFile(context, boundary) : {}),
    ...(boundary?.role === 'adapter' ? clientPackagesBehind(context, boundary) : {}),
    ...(target.type === 'module' && call.replacement ? { standIn: standInOf(context, call.replacement) } : {}),
    ...((target.type === 'global' && answersSome(context, call, replacements, target.name)) || answersNextCallsOnly(call, target, replacements) ? { answersSome: true } : {}),
  };
  const first = replacements[0];
  const member = target.type === 'method' ? target.object : null;
  const method = target.type === 'method' ? target.method : target.type === 'global' ? target.name : null;
  return {
    facts,
    loc: first ? first.loc : (call.targets.length > 1 && target.type === 'module' ? target.node : call.node).loc,
    reliedOn: () => testReliesOnMock(context, call, replacements, member, method),
  };
}

/** The client packages of a project adapter's boundary that its module is built on, through the modules it loads. */
function clientPackagesBehind(context: Context, boundary: NonNullable<BoundaryMockFacts['boundary']>): Pick<BoundaryMockFacts, 'clientPackages'> {
  const summary = summaryOfSpecifier(context, boundary.specifier);
  if (summary === null || summary === 'unknown') return {};
  const clientPackages = (summary.clientModules ?? []).flatMap((client) => (client.kind === boundary.kind ? [client.specifier] : []));
  return clientPackages.length > 0 ? { clientPackages } : {};
}

/** Whether the runner's setup files already mock the boundary for every test file: its module itself, or the client behind a project module. */
function replacedForEveryFile(context: Context, boundary: NonNullable<BoundaryMockFacts['boundary']>): Pick<BoundaryMockFacts, 'replacedForEveryFile'> {
  const mocked = mocksOfRunnerSetup(context);
  if (mocked === 'unknown' || !isMockedAway(context, boundary.specifier, boundary.kind, mocked)) return {};
  return { replacedForEveryFile: isMockedItself(context, boundary.specifier, mocked) ? 'itself' : 'its-client' };
}

/**
 * Facts of a stand-in assigned to a global (`globalThis.fetch = async (url, init) => …`): like one
 * put in place with `vi.stubGlobal`, it calls through when every path hands the call to the original
 * kept before it, and answers only some calls itself when some path does.
 */
export function globalAssignmentFacts(context: Context, name: string, standIn: TSESTree.Node): BoundaryMockFacts {
  const boundary = lookupGlobalBoundary(name, getSettings(context.settings));
  const through = passesEveryCallThrough(context, standIn, name);
  return {
    via: 'assignment',
    replaces: true,
    thing: 'global',
    name,
    boundary,
    ...(through ? { returns: ['calls-through'] } : {}),
    ...(!through && passesSomeCallsThrough(context, standIn, name) ? { answersSome: true } : {}),
  };
}

/** Facts of an import of a hand-written mock (`'../__mocks__/pg'`). */
export function manualMockFacts(context: Context, specifier: string): BoundaryMockFacts {
  return { via: '__mocks__', replaces: true, thing: 'module', name: specifier, boundary: boundaryOfSpecifier(context, specifier) ?? adapterOfModule(context, specifier), site: importSiteOf(context) };
}
