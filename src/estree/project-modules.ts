import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ExportSummary, ModuleIdentity, ModuleSummary, ModuleSummaryResult } from '../core/module-summary';
import { clearResolutions, identityOf, isOwnPackageName, isPackageEntry, namesOwnPackage, packageNameAt, resolverCounters } from './module-resolver';
import { isRelativeSpecifier, packageName } from '../core/boundaries';
import { clearSummaries, moduleLoads, summaryCounters, summaryOfProjectModule } from './module-summaries';
import { moduleMemberOf } from './module-members';

export { forgetStamps } from './module-summaries';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type ProjectIdentity = Extract<ModuleIdentity, { type: 'project' }>;

/**
 * The one identity of a module a file loads, resolved from the file being linted: a project file
 * (relative path, tsconfig `paths`/`baseUrl`, package.json `imports`, a workspace package of this
 * repository or the linted package itself), an installed package, a built-in, or unresolved.
 * Cached per directory and specifier for the life of the process.
 */
export function moduleIdentityOf(context: Context, specifier: string): ModuleIdentity {
  // Text linted without a path (`<input>`) stands in the working directory.
  const filename = path.isAbsolute(context.filename) ? context.filename : path.resolve(context.cwd, context.filename);
  return identityOf(filename, specifier);
}

/**
 * One key per module, whatever spelling loads it, for matching a mock against a use: the resolved
 * file of a project module (`'../db/pool.js'`, `'../db/pool'` and `'@app/db/pool'` alike), the package
 * and subpath of a package (`node:` and all), `node:` and the name of a built-in. A relative path
 * nothing resolves keys on its absolute path without extension or `/index`. `relativeTo` is the file
 * the specifier is written against, when it is not the linted file (`vi.mock` paths in a setup file).
 */
export function moduleKeyOf(context: Context, specifier: string, relativeTo: string = context.filename): string {
  const from = path.isAbsolute(relativeTo) ? relativeTo : path.resolve(context.cwd, relativeTo);
  const identity = identityOf(from, specifier);
  switch (identity.type) {
    case 'project':
      return identity.file;
    case 'package':
      return identity.subpath === '' ? identity.name : `${identity.name}/${identity.subpath}`;
    case 'builtin':
      return `node:${identity.name}`;
    case 'unresolved':
      return /^\.\.?(?:\/|$)/.test(specifier)
        ? path.resolve(path.dirname(from), specifier).replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/[\\/]index$/, '')
        : specifier;
  }
}

/**
 * Whether a specifier loads a third-party package or a built-in, not one of the project's modules
 * however it is spelled: exactly when {@link summaryOfSpecifier} is `null`, without reading the
 * module to summarise it.
 */
export function isPackageOrBuiltin(context: Context, specifier: string): boolean {
  const identity = moduleIdentityOf(context, specifier);
  return identity.type === 'package' || identity.type === 'builtin';
}

/**
 * The summary of a project module a file loads: `null` when the specifier is not a project
 * module (a package or a built-in), `'unknown'` when it is, or may be, but cannot be read.
 */
export function summaryOfSpecifier(context: Context, specifier: string): ModuleSummaryResult | null {
  const identity = moduleIdentityOf(context, specifier);
  if (identity.type === 'package' || identity.type === 'builtin') return null;
  if (identity.type === 'unresolved') return 'unknown';
  return summaryOfIdentity(identity);
}

/** The summary of a project module by its identity. */
export function summaryOfIdentity(identity: ProjectIdentity): ModuleSummaryResult {
  return summaryOfProjectModule(identity);
}

/**
 * What one export of a project module does: `null` when the specifier is a package or a
 * built-in; `'unknown'` when the module cannot be read, or when it does not list the name and
 * may export more than it shows (`export *` from a module that cannot be read).
 */
export function exportOfSpecifier(context: Context, specifier: string, name: string): ExportSummary | 'unknown' | null {
  const summary = summaryOfSpecifier(context, specifier);
  if (summary === null || summary === 'unknown') return summary;
  return summary.exports.get(name) ?? (summary.complete ? null : 'unknown');
}

/**
 * What the export a call runs does (`signUp(app)`, `helpers.signUp(app)`, with the function imported
 * from a project module), as {@link exportOfSpecifier} answers for it; `null` for any other call.
 */
export function exportCalledBy(context: Context, call: TSESTree.CallExpression): ExportSummary | 'unknown' | null {
  const member = moduleMemberOf(context, call.callee);
  if (!member || member.path.length > 1) return null;
  return exportOfSpecifier(context, member.source, member.path[0] ?? 'default');
}

/**
 * Whether a module is mocked away, given the keys ({@link moduleKeyOf}) of the modules mocked for the
 * linted file: the module itself, or, for a project module that wraps a client of `kind`, what it
 * wraps. A mock of a package stands in for every subpath of it and for every project module that
 * reaches the client through it (`vi.mock('pg')` and a `db` module built on `pg`); a mock of a project
 * module that hands out a client of `kind` stands in for every project module that loads it
 * (`vi.mock('./db')` and a repository built on `./db`). When the way from one to the other cannot be read, the mock may
 * stand in, and the answer is yes.
 */
export function isMockedAway(context: Context, specifier: string, kind: string, mocked: ReadonlySet<string>): boolean {
  if (mocked.size === 0) return false;
  if (isMockedItself(context, specifier, mocked)) return true;
  const identity = moduleIdentityOf(context, specifier);
  if (identity.type !== 'project') return false;
  const summary = summaryOfIdentity(identity);
  if (summary === 'unknown') return false;
  const clients = (summary.clientModules ?? []).filter((client) => client.kind === kind);
  if (clients.some((client) => [...mocked].some((candidate) => samePackage(candidate, client.specifier)))) return true;
  return [...mocked].some((candidate) => {
    if (!path.isAbsolute(candidate) || candidate === identity.file) return false;
    const wrapped = moduleIdentityOf(context, candidate);
    const wrapper = wrapped.type === 'project' ? summaryOfIdentity(wrapped) : 'unknown';
    if (wrapper === 'unknown' || !wrapsClient(wrapper, kind)) return false;
    return moduleLoads(identity.file, candidate) !== false;
  });
}

/** Whether the module itself is among the mocked ones (any subpath of a package stands for the package). */
export function isMockedItself(context: Context, specifier: string, mocked: ReadonlySet<string>): boolean {
  const key = moduleKeyOf(context, specifier);
  return [...mocked].some((candidate) => candidate === key || samePackage(candidate, key));
}

function isPackageKey(candidate: string): boolean {
  return !path.isAbsolute(candidate) && !isRelativeSpecifier(candidate);
}

function samePackage(a: string, b: string): boolean {
  return isPackageKey(a) && isPackageKey(b) && packageName(a) === packageName(b);
}

/** Whether a project module hands out a client of `kind`: it loads the client itself, or exports one. */
function wrapsClient(summary: ModuleSummary, kind: string): boolean {
  if (summary.clientKinds?.includes(kind)) return true;
  for (const exported of summary.exports.values()) if (exported.value.type === 'boundary-client' && exported.value.kind === kind) return true;
  return false;
}

/**
 * Whether a specifier loads one of this repository's own packages: a workspace package, or the
 * package the linted file belongs to, whether reached through node_modules, a tsconfig `paths`
 * alias to its sources or its name alone. Such a package is the code under test, so catalog
 * entries for its name do not apply to it.
 */
export function isOwnPackageSpecifier(context: Context, specifier: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#')) return false;
  // A bare specifier that resolves to a file outside node_modules is the repository's own code,
  // whether it is a declared workspace package or a `paths` alias to sources.
  return moduleIdentityOf(context, specifier).type === 'project';
}

/**
 * Whether a specifier loads the entry point the linted file's own package publishes (`require('..')`,
 * `import Provider from '../lib/index.js'` with `main` naming that file): in a library's repository,
 * the library under test.
 */
export function isOwnPublishedEntry(context: Context, specifier: string): boolean {
  const identity = moduleIdentityOf(context, specifier);
  const filename = path.isAbsolute(context.filename) ? context.filename : path.resolve(context.cwd, context.filename);
  if (identity.type === 'unresolved') return namesOwnPackage(filename, specifier);
  if (identity.type !== 'project' || identity.workspacePackage === null) return false;
  return packageNameAt(filename) === identity.workspacePackage && isPackageEntry(identity.file);
}

/**
 * Whether a package name is one of the repository's own packages as seen from the linted file:
 * a workspace package of its repository or the package the file belongs to.
 */
export function isOwnPackage(context: Context, name: string): boolean {
  return isOwnPackageName(path.isAbsolute(context.filename) ? context.filename : path.resolve(context.cwd, context.filename), name);
}

/** Time spent building summaries and how often the caches answered, for the benchmark. */
export function projectModuleStats(): {
  readonly summaryRequests: number;
  readonly summaryHits: number;
  readonly summariesBuilt: number;
  /** Modules whose text was scanned for what they load (reach through other project modules). */
  readonly modulesScanned: number;
  readonly buildMilliseconds: number;
  readonly resolutions: number;
  readonly resolutionHits: number;
  readonly resolveMilliseconds: number;
} {
  return {
    summaryRequests: summaryCounters.requests,
    summaryHits: summaryCounters.hits,
    summariesBuilt: summaryCounters.built,
    modulesScanned: summaryCounters.scanned,
    buildMilliseconds: Number(summaryCounters.buildNanoseconds) / 1e6,
    resolutions: resolverCounters.lookups,
    resolutionHits: resolverCounters.hits,
    resolveMilliseconds: Number(resolverCounters.nanoseconds) / 1e6,
  };
}

/** Forgets every resolution and summary, and zeroes the counters. */
export function clearProjectModules(): void {
  clearResolutions();
  clearSummaries();
}
