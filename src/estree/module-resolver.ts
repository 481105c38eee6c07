import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import type { ModuleIdentity } from '../core/module-summary';
import { packageName } from '../core/boundaries';
import type * as OxcResolver from 'oxc-resolver';

/**
 * Module resolution for the project's own modules: one identity per module, whatever spelling
 * loaded it. Resolution is relative to the importing file; its tsconfig (with `extends`) is found by
 * walking up from it. The resolver is loaded on first use, so loading the plugin stays cheap.
 */

interface ResolveResult {
  readonly path?: string;
  readonly error?: string;
  readonly builtin?: { readonly resolved: string };
}

interface Resolver {
  resolveFileSync(file: string, request: string): ResolveResult;
  sync(directory: string, request: string): ResolveResult;
}

type ProjectIdentity = Extract<ModuleIdentity, { type: 'project' }>;

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

let resolver: Resolver | null | undefined;
let resolverWithoutTsconfig: Resolver | null | undefined;

/** The resolver, made on first use; `null` when it cannot be loaded on this platform. */
function loadResolver(): Resolver | null {
  if (resolver === undefined) resolver = makeResolver(true);
  return resolver;
}

/**
 * A resolver that reads no tsconfig: for files whose tsconfig cannot be loaded (it extends a
 * package that is not installed), so that their relative imports still resolve.
 */
function loadResolverWithoutTsconfig(): Resolver | null {
  if (resolverWithoutTsconfig === undefined) resolverWithoutTsconfig = makeResolver(false);
  return resolverWithoutTsconfig;
}

function makeResolver(tsconfig: boolean): Resolver | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ResolverFactory } = require('oxc-resolver') as typeof OxcResolver;
    return new ResolverFactory({
      ...(tsconfig ? { tsconfig: 'auto' as const } : {}),
      extensions: [...SCRIPT_EXTENSIONS, '.json', '.node'],
      // Sources import `./pool.js` and mean `./pool.ts`.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js', '.jsx'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
      conditionNames: ['node', 'import', 'require', 'default'],
      mainFields: ['module', 'main'],
      builtinModules: true,
    });
  } catch {
    return null;
  }
}

/** Whether a resolution failed because the file's tsconfig could not be loaded, not because the module is missing. */
function isTsconfigFailure(result: ResolveResult | undefined): boolean {
  return typeof result?.error === 'string' && /tsconfig/i.test(result.error);
}

/** Counters for the benchmark: resolutions asked for and how many the cache answered. */
export const resolverCounters = { lookups: 0, hits: 0, nanoseconds: 0n };

const identities = new Map<string, ModuleIdentity>();

/** The identity of what `specifier` names when `fromFile` loads it; cached per directory and specifier. */
export function identityOf(fromFile: string, specifier: string): ModuleIdentity {
  resolverCounters.lookups++;
  // Rules and summaries ask each file about the same specifiers many times, alternating between
  // files: answer those from a table per file, without building a key.
  let ofFile = identitiesByFile.get(fromFile);
  if (!ofFile) {
    ofFile = new Map();
    identitiesByFile.set(fromFile, ofFile);
  }
  const known = ofFile.get(specifier);
  if (known) {
    resolverCounters.hits++;
    return known;
  }
  const identity = sharedIdentityOf(fromFile, specifier);
  ofFile.set(specifier, identity);
  return identity;
}

const identitiesByFile = new Map<string, Map<string, ModuleIdentity>>();

function sharedIdentityOf(fromFile: string, specifier: string): ModuleIdentity {
  const directory = path.dirname(fromFile);
  const key = `${isBare(specifier) ? resolutionScopeOf(directory) : directory}\0${specifier}`;
  const cached = identities.get(key);
  if (cached) {
    resolverCounters.hits++;
    return cached;
  }
  const started = process.hrtime.bigint();
  let identity: ModuleIdentity;
  try {
    identity = computeIdentity(fromFile, specifier);
  } catch {
    // A rule never throws on valid code: what cannot be resolved is unresolved.
    identity = isBare(specifier) ? packageIdentity(specifier) : { type: 'unresolved', specifier };
  }
  resolverCounters.nanoseconds += process.hrtime.bigint() - started;
  identities.set(key, identity);
  return identity;
}

/** Files whose presence in a directory can change how a bare specifier resolves from below it. */
const RESOLUTION_MARKERS = ['package.json', 'tsconfig.json', 'jsconfig.json', 'node_modules', '.git'];

const scopes = new Map<string, string>();

/**
 * The nearest directory, from `directory` up, that holds a file that takes part in resolving a bare
 * specifier (a manifest, a tsconfig, a node_modules folder). Every directory below it resolves bare
 * specifiers the same way, since the same files are found walking up from any of them; so their
 * answers are cached once per scope rather than once per directory.
 */
function resolutionScopeOf(directory: string): string {
  const cached = scopes.get(directory);
  if (cached !== undefined) return cached;
  const parent = path.dirname(directory);
  const scope =
    parent === directory || RESOLUTION_MARKERS.some((marker) => fs.existsSync(path.join(directory, marker))) ? directory : resolutionScopeOf(parent);
  scopes.set(directory, scope);
  return scope;
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('#') && !path.isAbsolute(specifier);
}

function packageIdentity(specifier: string): ModuleIdentity {
  const name = packageName(specifier);
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return { type: 'package', name, subpath: bare.slice(name.length).replace(/^\//, '') };
}

function computeIdentity(fromFile: string, specifier: string): ModuleIdentity {
  if (specifier.startsWith('node:') || (isBare(specifier) && isBuiltin(specifier) && !isOwnPackageName(fromFile, specifier))) {
    return { type: 'builtin', name: specifier.replace(/^node:/, '') };
  }
  const found = resolveFile(fromFile, specifier);
  if (found?.builtin) return { type: 'builtin', name: found.builtin.resolved.replace(/^node:/, '') };
  if (found?.path) return identityOfPath(found.path, specifier);
  if (!isBare(specifier)) return { type: 'unresolved', specifier };
  // Repositories are often read without their dependencies installed; a package of the
  // repository is still found through its workspace manifest.
  const own = ownPackageDirectory(fromFile, packageName(specifier));
  if (own) return workspaceIdentity(own, packageName(specifier), specifier.slice(packageName(specifier).length).replace(/^\//, ''));
  return packageIdentity(specifier);
}

/**
 * What the resolver makes of a relative specifier depends only on the path it names (tsconfig
 * `paths` apply to bare specifiers alone), so files in different folders that name the same module
 * share one resolution: `../src/db/pool` from `tests/` and `../../src/db/pool` from `tests/orders/`.
 */
const relativeResolutions = new Map<string, ResolveResult | undefined>();

function resolveFile(fromFile: string, specifier: string): ResolveResult | undefined {
  const relative = specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
  // A trailing slash asks for a directory only.
  const key = relative ? path.resolve(path.dirname(fromFile), specifier) + (specifier.endsWith('/') ? '/' : '') : null;
  if (key !== null && relativeResolutions.has(key)) return relativeResolutions.get(key);
  let found = loadResolver()?.resolveFileSync(fromFile, specifier);
  if (isTsconfigFailure(found)) found = loadResolverWithoutTsconfig()?.resolveFileSync(fromFile, specifier);
  if (key !== null) relativeResolutions.set(key, found);
  return found;
}

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

function identityOfPath(file: string, specifier: string): ModuleIdentity {
  const index = file.lastIndexOf(NODE_MODULES);
  if (index < 0) return { type: 'project', file, workspacePackage: packageNameAt(file) };
  if (isBare(specifier)) return packageIdentity(specifier);
  const rest = file.slice(index + NODE_MODULES.length).split(path.sep);
  const name = rest[0]?.startsWith('@') ? rest.slice(0, 2).join('/') : (rest[0] ?? specifier);
  return { type: 'package', name, subpath: rest.slice(name.split('/').length).join('/') };
}

/**
 * A workspace package's module, found without node_modules: its `exports` or `main` when they
 * point at a file that exists, else its sources (`src/index.ts`, `src/<subpath>`). When none
 * exists the identity still names the package, and its summary is unknown.
 */
function workspaceIdentity(directory: string, name: string, subpath: string): ProjectIdentity {
  // Found from the package's own folder, so the same for every file that loads it.
  const key = `${directory}\0${name}\0${subpath}`;
  let identity = workspaceIdentities.get(key);
  if (!identity) {
    identity = findWorkspaceModule(directory, name, subpath);
    workspaceIdentities.set(key, identity);
  }
  return identity;
}

const workspaceIdentities = new Map<string, ProjectIdentity>();

function findWorkspaceModule(directory: string, name: string, subpath: string): ProjectIdentity {
  const resolve = loadResolver();
  const requests = subpath === '' ? [name, '.', './src/index', './index'] : [`${name}/${subpath}`, `./${subpath}`, `./src/${subpath}`];
  for (const request of requests) {
    const found = resolve?.sync(directory, request);
    if (found?.path && !found.path.includes(NODE_MODULES)) return { type: 'project', file: found.path, workspacePackage: name };
  }
  return { type: 'project', file: path.join(directory, subpath), workspacePackage: name };
}

// ---------------------------------------------------------------------------------------------
// The repository's own packages

interface Manifest {
  readonly name: string | null;
  readonly workspaces: readonly string[] | null;
  /** The files `exports` points at, as patterns relative to the package; `*` stands for any text. */
  readonly exportTargets: readonly string[];
}

const manifests = new Map<string, Manifest | null>();

function manifestAt(directory: string): Manifest | null {
  if (manifests.has(directory)) return manifests.get(directory) ?? null;
  let manifest: Manifest | null;
  try {
    const json = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as Record<string, unknown>;
    const raw = json.workspaces;
    const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? (raw as { packages?: unknown }).packages : null;
    manifest = {
      name: typeof json.name === 'string' ? json.name : null,
      workspaces: Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string') : null,
      exportTargets: targetsOf(json.exports),
    };
  } catch {
    manifest = null;
  }
  manifests.set(directory, manifest);
  return manifest;
}

/** Every file pattern an `exports` field points at, under whatever subpath and condition. */
function targetsOf(exported: unknown): string[] {
  if (typeof exported === 'string') return exported.startsWith('./') ? [exported] : [];
  if (Array.isArray(exported)) return exported.flatMap(targetsOf);
  if (exported && typeof exported === 'object') return Object.values(exported).flatMap(targetsOf);
  return [];
}

/** Whether a file, relative to its package (`framework/express/index.js`), is one `exports` points at. */
function isExportTarget(relative: string, targets: readonly string[]): boolean {
  return targets.some((target) => {
    const inPackage = target.replace(/^\.\//, '');
    if (!inPackage.includes('*')) return path.posix.normalize(inPackage) === relative;
    const pattern = new RegExp(`^${inPackage.split('*').map(escapeRegExp).join('[^]+')}$`);
    return pattern.test(relative);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The `packages:` globs of a pnpm workspace file, read line by line. */
function pnpmWorkspaces(directory: string): string[] | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(directory, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    return null;
  }
  const globs: string[] = [];
  let inPackages = false;
  for (const line of text.split('\n')) {
    if (/^packages\s*:/.test(line)) inPackages = true;
    else if (/^\S/.test(line)) inPackages = false;
    else if (inPackages) {
      const match = /^\s*-\s*['"]?([^'"#]+?)['"]?\s*(?:#.*)?$/.exec(line);
      if (match?.[1]) globs.push(match[1]);
    }
  }
  return globs;
}

/** The name of the package a project file belongs to (nearest package.json with a name). */
export function packageNameAt(file: string): string | null {
  for (let directory = path.dirname(file); ; directory = path.dirname(directory)) {
    const name = manifestAt(directory)?.name;
    if (name) return name;
    if (path.dirname(directory) === directory) return null;
  }
}

/**
 * Whether a project file is an entry point its package publishes: what `main` or `exports` name,
 * the module the package's users load by its name, or a subpath `exports` lists
 * (`my-lib/framework/express`). In a library's own repository that is the library itself.
 */
export function isPackageEntry(file: string): boolean {
  for (let directory = path.dirname(file); ; directory = path.dirname(directory)) {
    const manifest = manifestAt(directory);
    if (manifest?.name) {
      const relative = path.relative(directory, file).split(path.sep).join('/');
      return entryOfPackage(directory) === file || isExportTarget(relative, manifest.exportTargets);
    }
    if (path.dirname(directory) === directory) return false;
  }
}

/**
 * Whether a specifier names the package a file belongs to as a whole: its folder (`require('..')`)
 * or its name. In a library's own repository that is the library, even where the entry point its
 * manifest names is build output a checkout does not have yet (`main: './dist/index.js'`).
 */
export function namesOwnPackage(fromFile: string, specifier: string): boolean {
  const own = packageNameAt(fromFile);
  if (own === null) return false;
  if (!specifier.startsWith('.')) return specifier === own;
  const directory = path.resolve(path.dirname(fromFile), specifier);
  return manifestAt(directory)?.name === own && !path.relative(directory, fromFile).startsWith('..');
}

const packageEntries = new Map<string, string | null>();

function entryOfPackage(directory: string): string | null {
  let entry = packageEntries.get(directory);
  if (entry === undefined) {
    try {
      entry = loadResolverWithoutTsconfig()?.sync(directory, '.').path ?? null;
    } catch {
      entry = null;
    }
    packageEntries.set(directory, entry);
  }
  return entry;
}

/** Workspace package directories by name, per workspace root. */
const workspaceIndexes = new Map<string, ReadonlyMap<string, string>>();
/** Per directory of a linted file: its repository's own packages, by name. */
const packagesByDirectory = new Map<string, ReadonlyMap<string, string>>();

/**
 * The repository's own packages as seen from a directory: every workspace package (npm, yarn and
 * pnpm workspaces) of the nearest workspace root above it, and the package the directory belongs
 * to, which may load itself by name.
 */
function ownPackagesOf(directory: string): ReadonlyMap<string, string> {
  const cached = packagesByDirectory.get(directory);
  if (cached) return cached;
  const packages = new Map<string, string>();
  let nearestNamed: string | null = null;
  for (let current = directory; ; current = path.dirname(current)) {
    const manifest = manifestAt(current);
    if (manifest?.name && nearestNamed === null) {
      nearestNamed = current;
      packages.set(manifest.name, current);
    }
    const globs = manifest?.workspaces ?? pnpmWorkspaces(current);
    if (globs) {
      for (const [name, dir] of workspaceIndex(current, globs)) if (!packages.has(name)) packages.set(name, dir);
      break;
    }
    if (path.dirname(current) === current || fs.existsSync(path.join(current, '.git'))) break;
  }
  packagesByDirectory.set(directory, packages);
  return packages;
}

function workspaceIndex(root: string, globs: readonly string[]): ReadonlyMap<string, string> {
  const cached = workspaceIndexes.get(root);
  if (cached) return cached;
  const index = new Map<string, string>();
  for (const glob of globs) {
    if (glob.startsWith('!')) continue;
    for (const directory of expandWorkspaceGlob(root, glob.replace(/\/+$/, ''))) {
      const name = manifestAt(directory)?.name;
      if (name && !index.has(name)) index.set(name, directory);
    }
  }
  workspaceIndexes.set(root, index);
  return index;
}

/** Directories a workspace glob names: plain segments, `*` for one level and `**` for up to three. */
function expandWorkspaceGlob(root: string, glob: string): string[] {
  let directories = [root];
  for (const segment of glob.split('/')) {
    if (segment === '' || segment === '.') continue;
    const next: string[] = [];
    for (const directory of directories) {
      if (segment === '**') next.push(directory, ...subdirectories(directory, 3));
      else if (segment.includes('*')) {
        const pattern = new RegExp(`^${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
        next.push(...subdirectories(directory, 1).filter((sub) => pattern.test(path.basename(sub))));
      } else next.push(path.join(directory, segment));
    }
    directories = next;
  }
  return directories;
}

function subdirectories(directory: string, depth: number): string[] {
  if (depth <= 0) return [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const sub = path.join(directory, entry.name);
    found.push(sub, ...subdirectories(sub, depth - 1));
  }
  return found;
}

function ownPackageDirectory(fromFile: string, name: string): string | null {
  return ownPackagesOf(path.dirname(fromFile)).get(name) ?? null;
}

/**
 * Whether a package name is one of the repository's own packages, seen from a file: a workspace
 * package of its repository or the package the file belongs to.
 */
export function isOwnPackageName(fromFile: string, name: string): boolean {
  return ownPackagesOf(path.dirname(fromFile)).has(name);
}

/** Whether a file is a script the summaries can read. */
export function isScriptFile(file: string): boolean {
  return SCRIPT_EXTENSIONS.includes(path.extname(file));
}

/** Forgets every resolution and manifest (tests that rewrite a project between runs). */
export function clearResolutions(): void {
  identities.clear();
  relativeResolutions.clear();
  workspaceIdentities.clear();
  scopes.clear();
  identitiesByFile.clear();
  manifests.clear();
  workspaceIndexes.clear();
  packagesByDirectory.clear();
  resolverCounters.lookups = 0;
  resolverCounters.hits = 0;
  resolverCounters.nanoseconds = 0n;
}
