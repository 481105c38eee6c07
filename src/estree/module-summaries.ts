import fs from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type * as TypescriptEstree from '@typescript-eslint/typescript-estree';
import type * as OxcParser from 'oxc-parser' with { 'resolution-mode': 'import' };
import { lookupBoundary, storeOptionsOf } from '../core/boundaries';
import type { ExportSummary, ExportValue, HookEffect, HookKind, HookSummary, ModuleIdentity, ModuleSummary, ModuleSummaryResult } from '../core/module-summary';
import { IN_PROCESS_APPS } from '../core/module-summary';
import { classifyCall, classifySql, handsBackClient, namesTestDouble, reconfiguresHandle, runsSql, type CallRole } from '../core/vocabulary';
import { parseSettings } from '../settings';
import { fileCache } from './file-cache';
import { propertyKeyName } from './call-chain';
import { importedName } from './imports';
import { identityOf, isPackageEntry, isScriptFile, packageNameAt } from './module-resolver';
import { keepsRealModule } from './real-module-factories';
import { madeWithoutStore, type StorePlace } from './store-options';
import { AST_NODE_TYPES } from './node-types';
import { REQUEST_METHODS, TEST_CLIENT_MODULES } from './test-clients';

/**
 * Summaries of the project's own modules, read without type information. Each file is parsed and
 * summarised once per process; the cache key holds its modification time and size (and those of
 * the project modules it reaches), so an edit made in another editor tab is seen on the next lint.
 */

type Node = TSESTree.Node;
type Program = TSESTree.Program;
type ProjectIdentity = Extract<ModuleIdentity, { type: 'project' }>;

/** Files larger than this are not read: generated code, bundles. */
export const MAX_MODULE_BYTES = 256 * 1024;
/** How many project modules deep boundary kinds and hooks are followed. */
export const MAX_DEPTH = 6;

/** Counters for the benchmark. */
export const summaryCounters = { requests: 0, hits: 0, built: 0, buildNanoseconds: 0n, scanned: 0 };

/**
 * The answers for other modules that an answer was worked out from, gathered while it is worked out;
 * a set, so a module reached along several paths is kept once.
 */
type Reads = Set<Entry<unknown>>;

/**
 * A cached answer about one file. It holds when the file still has the stamp it was read with and
 * every answer it was worked out from still holds: its freshness is checked through that graph
 * (which has no cycles, since an answer only ever builds on answers already made), so a module
 * reached by many others is looked at once per round, and making an answer never copies what its
 * dependencies read.
 */
interface Entry<T> {
  readonly value: T;
  readonly file: string;
  /** The file's modification time and size when it was read. */
  readonly stamp: string;
  readonly reads: ReadonlySet<Entry<unknown>>;
}

const NO_READS: ReadonlySet<Entry<unknown>> = new Set();

/** What a module reaches, transitively: read from its import statements alone, without parsing. */
interface Reach {
  readonly kinds: ReadonlySet<string>;
  /** The catalog client packages reached, by the specifier that loads them, with their kind. */
  readonly clients: ReadonlyMap<string, string>;
  readonly complete: boolean;
}

const summaries = new Map<string, Entry<ModuleSummaryResult>>();
const reaches = new Map<string, Entry<Reach | null>>();
const building = new Set<string>();
const scanning = new Set<string>();

/**
 * How long the stamps (modification time and size) read from disk are trusted. Each file is
 * looked at once per round, however many summaries name it, and each cached answer is checked
 * against its stamps once per round. A round ends when a file starts to be linted this long after
 * the round began: an editor sees a helper edited in another tab on its next lint after that, and a
 * run over many files looks at each module once a second rather than once for every file.
 */
export const STAMPS_TRUSTED_FOR_MS = 1000;

interface Round {
  readonly startedAt: number;
  readonly stamps: Map<string, string | null>;
  /** Whether each entry asked about in this round holds. */
  readonly verified: Map<Entry<unknown>, boolean>;
}

let round: Round = { startedAt: -Infinity, stamps: new Map(), verified: new Map() };
/** Set once the file being linted has asked whether a new round is due (emptied for every file). */
const roundAsked = fileCache<object, true>();
const ROUND = {};

function currentRound(): Round {
  if (!roundAsked.has(ROUND)) {
    roundAsked.set(ROUND, true);
    const now = Date.now();
    if (now - round.startedAt >= STAMPS_TRUSTED_FOR_MS) round = { startedAt: now, stamps: new Map(), verified: new Map() };
  }
  return round;
}

/**
 * Ends the current round: the next file linted reads every stamp again. For a command that has
 * just written files and lints them at once.
 */
export function forgetStamps(): void {
  round = { startedAt: -Infinity, stamps: new Map(), verified: new Map() };
}

function stampOf(file: string): string | null {
  const seen = currentRound().stamps;
  if (seen.has(file)) return seen.get(file) ?? null;
  let stamp: string | null;
  try {
    const stat = fs.statSync(file);
    stamp = stat.isFile() ? `${stat.mtimeMs}:${stat.size}` : null;
  } catch {
    stamp = null;
  }
  seen.set(file, stamp);
  return stamp;
}

export function clearSummaries(): void {
  summaries.clear();
  reaches.clear();
  projectLoads.clear();
  exportWords.clear();
  scans.clear();
  forgetStamps();
  summaryCounters.requests = 0;
  summaryCounters.hits = 0;
  summaryCounters.built = 0;
  summaryCounters.buildNanoseconds = 0n;
  summaryCounters.scanned = 0;
}

/**
 * Whether a cached answer still holds: its file and, in turn, every answer it was worked out from.
 * Each entry is judged once per round. Walked with a stack of its own, since a chain of modules
 * that each load the next can be longer than the call stack is deep.
 */
function isFresh(entry: Entry<unknown>): boolean {
  const verified = currentRound().verified;
  const known = verified.get(entry);
  if (known !== undefined) return known;
  const pending: Array<Entry<unknown>> = [entry];
  while (pending.length > 0) {
    const top = pending[pending.length - 1] as Entry<unknown>;
    if (verified.has(top)) {
      pending.pop();
      continue;
    }
    const height = pending.length;
    let fresh = stampOf(top.file) === top.stamp;
    for (const read of fresh ? top.reads : NO_READS) {
      const judged = verified.get(read);
      if (judged === false) {
        fresh = false;
        break;
      }
      if (judged === undefined) pending.push(read);
    }
    // Judged once every answer it read is; a stale one settles it at once.
    if (!fresh) pending.length = height;
    if (!fresh || pending.length === height) {
      verified.set(top, fresh);
      pending.pop();
    }
  }
  return verified.get(entry) === true;
}

/** The summary of a project module, or `unknown` when it cannot be read. */
export function summaryOfProjectModule(identity: ProjectIdentity): ModuleSummaryResult {
  return summaryAt(identity, 0);
}

function summaryAt(identity: ProjectIdentity, depth: number): ModuleSummaryResult {
  summaryCounters.requests++;
  const file = identity.file;
  const cached = summaries.get(file);
  if (cached && isFresh(cached)) {
    summaryCounters.hits++;
    return cached.value;
  }
  // A module met again while it is being read is part of a cycle; one beyond the depth limit is not read.
  if (building.has(file) || depth > MAX_DEPTH) {
    cuts++;
    return 'unknown';
  }
  const stamp = stampOf(file);
  if (stamp === null) return 'unknown';
  // Time is counted for the outermost build only, so builds nested in another are not counted twice.
  const outermost = building.size === 0;
  const cutsBefore = cuts;
  building.add(file);
  const started = process.hrtime.bigint();
  const reads: Reads = new Set();
  let summary: ModuleSummaryResult;
  try {
    summary = buildSummary(identity, stamp, depth, reads);
  } catch {
    summary = 'unknown';
  } finally {
    building.delete(file);
  }
  summaryCounters.built++;
  if (outermost) summaryCounters.buildNanoseconds += process.hrtime.bigint() - started;
  // A summary read inside another's, and cut short by that one's cycle or depth, is not what the
  // module reads as on its own: keeping it would make answers depend on the order files are linted.
  if (outermost || cuts === cutsBefore) summaries.set(file, { value: summary, file, stamp, reads });
  if (outermost) scanMemo.clear();
  return summary;
}

/**
 * How deep a module's reader stands: where it was first read while no other read is under way (an
 * export asked for later, lazily), it stands at the top, so its answers do not depend on which
 * module happened to read it first.
 */
function depthOf(reader: Reader): number {
  return building.size === 0 ? 0 : reader.depth;
}

/** How many times a scan of what modules load was cut short by a cycle or the depth limit. */
let reachCuts = 0;

/**
 * Reaches cut short within the outermost scan under way, or within the summary being built, by depth
 * and file (see {@link reachOf}).
 */
const scanMemo = new Map<string, { entry: Entry<Reach | null>; cut: boolean }>();

/** How many times a read was cut short by a cycle or the depth limit, to tell which summaries are whole. */
let cuts = 0;

// ---------------------------------------------------------------------------------------------
// Reach: boundary kinds through other project modules, from import statements found in the text

/**
 * One pass over a module's text, left to right: comments, string literals and template literals are
 * matched as a whole and skipped, so that what they hold (`console.error('import { x } from "pkg"')`,
 * a template that writes out TypeScript, a glob like `'src/**\/*.ts'`) is never read as a load. At any
 * other place, an `import`/`export … from` (comments allowed among the names it lists), a
 * `require('…')` or an `import('…')` with a literal specifier is a load. Each run of whitespace in
 * an import is matched whole (a lookahead and its backreference), so that a long run cannot be split
 * in more ways than one and the pass stays linear in the text. Quotes in a regular expression literal
 * can put the pass out of step until the end of their line (strings do not span lines); a backtick in
 * one, or a template nested in another's `${…}`, until the next backtick.
 */
const LOADS =
  /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\[\s\S])*`|\b(?:import|export)(?=(?<gap>\s+))\k<gap>(?!type\s)(?:(?:[\w$*{},]|(?=(?<space>\s+))\k<space>|\/\*(?:[^*]|\*(?!\/))*\*\/|\/\/[^\n]*\n)+?(?=(?<beforeFrom>\s*))\k<beforeFrom>from\s*)?['"](?<static>[^'"\n]+)['"]|\brequire\s*\(\s*['"](?<required>[^'"\n]+)['"]\s*\)|\bimport\s*\(\s*['"](?<dynamic>[^'"\n]+)['"]\s*\)/g;

/** The specifiers a module's text loads, found without parsing it. */
function scannedSpecifiers(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(LOADS)) {
    const specifier = match.groups?.['static'] ?? match.groups?.['required'] ?? match.groups?.['dynamic'];
    if (specifier) found.add(specifier);
  }
  return found;
}

/** Something worked out from module texts, by file, with the stamp each text had. */
type TextFacts<T> = Map<string, { readonly stamp: string; readonly value: T }>;

/**
 * What `work` makes of a module's text, read once per stamp of the file: the answer is kept until
 * the file changes. Throws when the file cannot be read.
 */
function fromText<T>(cache: TextFacts<T>, file: string, stamp: string, work: (text: string) => T): T {
  const known = cache.get(file);
  if (known?.stamp === stamp) return known.value;
  const value = work(fs.readFileSync(file, 'utf8'));
  cache.set(file, { stamp, value });
  return value;
}

const scans: TextFacts<ReadonlySet<string>> = new Map();

/**
 * What a module's text loads ({@link scannedSpecifiers}), once per stamp of the file: in a codebase
 * whose modules load each other in cycles, reaches cut short by a cycle are not kept and are worked
 * out again for every summary that meets them, but the text need not be read again for that.
 */
function specifiersIn(file: string, stamp: string): ReadonlySet<string> {
  return fromText(scans, file, stamp, scannedSpecifiers);
}

/**
 * The boundary kinds a project module reaches through what it loads, following other project
 * modules down to the depth limit; `null` when the module itself cannot be read. Read from import
 * statements alone, so reaching deep costs a file read per module, not a parse.
 */
function reachOf(file: string, depth: number, reads: Reads): Reach | null {
  const cached = reaches.get(file);
  if (cached && isFresh(cached)) {
    reads.add(cached);
    return cached.value;
  }
  if (scanning.has(file) || depth > MAX_DEPTH) {
    reachCuts++;
    return null;
  }
  // Within one outermost scan, a module met again at the same depth reads as it did the first time:
  // without this, a graph of modules that import each other is scanned once per path through it.
  const memoKey = `${depth}\0${file}`;
  const memo = scanning.size === 0 ? null : scanMemo.get(memoKey);
  if (memo) {
    if (memo.cut) reachCuts++;
    reads.add(memo.entry);
    return memo.entry.value;
  }
  const stamp = stampOf(file);
  if (stamp === null) return null;
  const outermost = scanning.size === 0;
  if (outermost && building.size === 0) scanMemo.clear();
  const cutsBefore = reachCuts;
  const own: Reads = new Set();
  let reach: Reach | null = null;
  if (path.extname(file) === '.json') reach = { kinds: new Set(), clients: new Map(), complete: true };
  else if (isScriptFile(file) && Number(stamp.split(':')[1]) <= MAX_MODULE_BYTES) {
    scanning.add(file);
    try {
      summaryCounters.scanned++;
      reach = reachOfSpecifiers(file, specifiersIn(file, stamp), depth, own);
    } catch {
      reach = null;
    } finally {
      scanning.delete(file);
    }
  }
  const entry: Entry<Reach | null> = { value: reach, file, stamp, reads: own };
  // As with summaries: a reach cut short by the scan that reached it is not the module's own.
  if (outermost || reachCuts === cutsBefore) reaches.set(file, entry);
  else scanMemo.set(memoKey, { entry, cut: true });
  if (outermost && building.size === 0) scanMemo.clear();
  reads.add(entry);
  return reach;
}

/** Kinds of the catalog clients (not fakes) among the packages a module loads directly. */
function ownClientKindsOf(file: string, specifiers: readonly string[]): Set<string> {
  const kinds = new Set<string>();
  for (const specifier of specifiers) {
    if (DATA_FILE.test(specifier)) continue;
    const identity = identityOf(file, specifier);
    if (identity.type !== 'package' && identity.type !== 'builtin') continue;
    const boundary = lookupBoundary(specifier, CATALOG_ONLY);
    if (boundary && boundary.role !== 'fake' && !storeOptionsOf(specifier)) kinds.add(boundary.kind);
  }
  return kinds;
}

const DATA_FILE = /\.(?:json|jsonc|css|scss|svg|png|txt|md|ya?ml|html)$/i;

function reachOfSpecifiers(file: string, specifiers: Iterable<string>, depth: number, reads: Reads): Reach {
  const kinds = new Set<string>();
  const clients = new Map<string, string>();
  let complete = true;
  for (const specifier of specifiers) {
    // A data file shipped in a package (`nodemailer/lib/well-known/services.json`) runs nothing.
    if (DATA_FILE.test(specifier)) continue;
    const identity = identityOf(file, specifier);
    if (identity.type === 'package' || identity.type === 'builtin') {
      const boundary = lookupBoundary(specifier, CATALOG_ONLY);
      // A client that keeps its data in the process unless handed a store (Keyv) reaches a system only
      // through the store's own package, which counts where it is loaded.
      if (boundary && boundary.role !== 'fake' && !storeOptionsOf(specifier)) {
        kinds.add(boundary.kind);
        if (boundary.role === 'client') clients.set(specifier, boundary.kind);
      }
    } else if (identity.type === 'unresolved') complete = false;
    else {
      const reach = reachOf(identity.file, depth + 1, reads);
      if (!reach) complete = false;
      else {
        for (const kind of reach.kinds) kinds.add(kind);
        for (const [client, kind] of reach.clients) clients.set(client, kind);
        if (!reach.complete) complete = false;
      }
    }
  }
  return { kinds, clients, complete };
}

/** The project modules a module loads directly, read from its text; `null` when it cannot be read. */
const projectLoads = new Map<string, Entry<{ readonly files: readonly string[]; readonly complete: boolean } | null>>();

function projectLoadsOf(file: string): { readonly files: readonly string[]; readonly complete: boolean } | null {
  const cached = projectLoads.get(file);
  if (cached && isFresh(cached)) return cached.value;
  const stamp = stampOf(file);
  if (stamp === null) return null;
  let value: { files: string[]; complete: boolean } | null = null;
  if (path.extname(file) === '.json') value = { files: [], complete: true };
  else if (isScriptFile(file) && Number(stamp.split(':')[1]) <= MAX_MODULE_BYTES) {
    try {
      value = { files: [], complete: true };
      for (const specifier of specifiersIn(file, stamp)) {
        if (DATA_FILE.test(specifier)) continue;
        const identity = identityOf(file, specifier);
        if (identity.type === 'project') value.files.push(identity.file);
        else if (identity.type === 'unresolved') value.complete = false;
      }
    } catch {
      value = null;
    }
  }
  projectLoads.set(file, { value, file, stamp, reads: NO_READS });
  return value;
}

/**
 * Whether a project module loads another, directly or through other project modules, down to the
 * depth limit: `unknown` when some module on the way cannot be read or resolved, and the target
 * was not found.
 */
export function moduleLoads(from: string, target: string): boolean | 'unknown' {
  let answer: boolean | 'unknown' = false;
  const seen = new Set<string>([from]);
  let layer = [from];
  for (let depth = 0; depth <= MAX_DEPTH && layer.length > 0; depth++) {
    const next: string[] = [];
    for (const file of layer) {
      const loads = projectLoadsOf(file);
      if (!loads) {
        answer = 'unknown';
        continue;
      }
      if (!loads.complete) answer = 'unknown';
      for (const loaded of loads.files) {
        if (loaded === target) return true;
        if (!seen.has(loaded)) {
          seen.add(loaded);
          next.push(loaded);
        }
      }
    }
    layer = next;
    if (depth === MAX_DEPTH && layer.length > 0) answer = 'unknown';
  }
  return answer;
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Parse = (text: string, jsx: boolean) => Program;

let typescriptParse: Parse | null | undefined;
let javascriptParse: Parse | null | undefined;

function loadTypescriptParse(): Parse | null {
  if (typescriptParse !== undefined) return typescriptParse;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('@typescript-eslint/typescript-estree') as typeof TypescriptEstree;
    typescriptParse = (text, jsx) => parse(text, { jsx, range: true, loc: false, comment: false, tokens: false }) as Program;
  } catch {
    typescriptParse = null;
  }
  return typescriptParse;
}

/** espree, which every ESLint install has: much cheaper to load than TypeScript for plain JavaScript. */
function loadJavascriptParse(): Parse | null {
  if (javascriptParse !== undefined) return javascriptParse;
  javascriptParse = null;
  const loaders = [
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    () => require('espree'),
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    () => require(require.resolve('espree', { paths: [path.dirname(require.resolve('eslint'))] })),
  ];
  for (const load of loaders) {
    try {
      const espree = load() as { parse: (text: string, options: object) => unknown };
      javascriptParse = (text, jsx) =>
        espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, ecmaFeatures: { jsx, globalReturn: false } }) as Program;
      break;
    } catch {
      // try the next way
    }
  }
  return javascriptParse;
}

type OxcLang = 'js' | 'jsx' | 'ts' | 'tsx';
type OxcParse = (file: string, text: string, lang: OxcLang) => Program | null;

let oxcParse: OxcParse | null | undefined;

/**
 * oxc's parser: a native parser that gives the same ESTree and TS-ESTree shapes as espree and
 * typescript-estree, about ten times faster on the small modules summaries read. Parenthesised
 * expressions are not kept as nodes of their own, as in ESTree. `null` where it cannot be loaded;
 * the JavaScript parsers below take over.
 */
function loadOxcParse(): OxcParse | null {
  if (oxcParse !== undefined) return oxcParse;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parseSync } = require('oxc-parser') as typeof OxcParser;
    oxcParse = (file, text, lang) => {
      // Offsets come as `start` and `end` on every node; a `range` besides them would cost a quarter
      // of the parse, for the two places that cut text out of a module (see `textOf`).
      const result = parseSync(file, text, { lang, sourceType: 'module', range: false, preserveParens: false });
      return result.errors.length === 0 ? (result.program as unknown as Program) : null;
    };
  } catch {
    oxcParse = null;
  }
  return oxcParse;
}

/** A project module's tree, by its extension's parser; `null` when no parser reads it. */
export function parseModule(file: string, text: string): Program | null {
  const extension = path.extname(file);
  const typescript = /^\.[cm]?tsx?$/.test(extension);
  const jsx = extension === '.tsx' || extension === '.jsx' || extension === '.js';
  const oxc = loadOxcParse();
  if (oxc) {
    // TypeScript syntax in a JavaScript file is read as TypeScript, as the fallback parsers do.
    const langs: OxcLang[] = typescript ? [extension === '.tsx' ? 'tsx' : 'ts'] : [jsx ? 'jsx' : 'js', 'tsx'];
    for (const lang of langs) {
      try {
        const program = oxc(file, text, lang);
        if (program) return program;
      } catch {
        // the next way
      }
    }
    return null;
  }
  const parsers = typescript ? [loadTypescriptParse()] : [loadJavascriptParse(), loadTypescriptParse()];
  for (const parse of parsers) {
    if (!parse) continue;
    try {
      return parse(text, jsx);
    } catch {
      // a parse error; the next parser may read it (TypeScript syntax in a .js file)
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading a module

/** Settings without user entries: summaries use the catalog alone, so they hold for every config. */
const CATALOG_ONLY = parseSettings(undefined);

const HOOK_NAMES: ReadonlyMap<string, HookKind> = new Map<string, HookKind>([
  ['beforeEach', 'beforeEach'],
  ['afterEach', 'afterEach'],
  ['beforeAll', 'beforeAll'],
  ['afterAll', 'afterAll'],
  ['before', 'beforeAll'],
  ['after', 'afterAll'],
  ['setup', 'beforeEach'],
  ['teardown', 'afterEach'],
  ['suiteSetup', 'beforeAll'],
  ['suiteTeardown', 'afterAll'],
]);
const HOOK_RECEIVERS: ReadonlySet<string> = new Set(['test', 'it', 'describe', 'suite', 't', 'context', 'mocha']);

type Binding =
  | { readonly type: 'import'; readonly specifier: string; readonly imported: string }
  /** `assignable`: a `let` or `var`, whose value is also whatever the module assigns to it later. */
  | { readonly type: 'local'; readonly node: Node; readonly assignable?: true };

type ExportRef = { readonly type: 'binding'; readonly name: string } | { readonly type: 'node'; readonly node: Node } | { readonly type: 'from'; readonly specifier: string; readonly imported: string };

interface Reader {
  readonly identity: ProjectIdentity;
  readonly program: Program;
  readonly text: string;
  readonly depth: number;
  readonly bindings: Map<string, Binding>;
  readonly exports: Map<string, ExportRef>;
  readonly starSources: string[];
  /** Memo of what a function does, so mutual calls end. */
  readonly functionFacts: Map<Node, FunctionFacts | null>;
  /** The module's functions that start the project's own app on a server, once asked for. */
  appServers: readonly Node[] | null;
  /** What the module assigns to its own `let` and `var` bindings, by name, once asked for. */
  assignments: ReadonlyMap<string, readonly Assignment[]> | null;
  complete: boolean;
  boundaryKinds: Set<string>;
  /** Kinds of the boundary clients the module loads itself, not through other project modules. */
  readonly ownClientKinds: ReadonlySet<string>;
}

interface FunctionFacts {
  readonly hooks: HookSummary[];
  readonly effects: Set<HookEffect>;
}

function buildSummary(identity: ProjectIdentity, stamp: string, depth: number, reads: Reads): ModuleSummaryResult {
  const file = identity.file;
  if (path.extname(file) === '.json') return emptySummary(identity);
  if (!isScriptFile(file)) return 'unknown';
  if (Number(stamp.split(':')[1]) > MAX_MODULE_BYTES) return 'unknown';
  const text = fs.readFileSync(file, 'utf8');
  const program = parseModule(file, text);
  if (!program) return 'unknown';
  const specifiers = [...loadedSpecifiers(program, text)];
  const reach = reachOfSpecifiers(file, specifiers, depth, reads);
  const reader: Reader = {
    identity,
    program,
    text,
    depth,
    bindings: new Map(),
    exports: new Map(),
    starSources: [],
    functionFacts: new Map(),
    appServers: null,
    assignments: null,
    complete: reach.complete,
    boundaryKinds: new Set(reach.kinds),
    ownClientKinds: ownClientKindsOf(file, specifiers),
  };
  collectDeclarations(reader, program);
  const hooksOnImport: HookSummary[] = [];
  const mocksOnImport: string[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    hooksOnImport.push(...factsOfCode(reader, statement.expression).hooks);
    const mocked = moduleMockedBy(statement.expression);
    if (mocked !== null) mocksOnImport.push(mocked);
  }
  return {
    identity,
    boundaryKinds: [...reader.boundaryKinds],
    clientKinds: [...reader.ownClientKinds],
    clientModules: [...reach.clients].map(([specifier, kind]) => ({ specifier, kind })),
    mocksOnImport,
    complete: reader.complete,
    hooksOnImport,
    exports: new LazyExports(reader),
  };
}

/**
 * A module's exports, each summarised when first asked for: a barrel re-exporting hundreds of
 * modules costs only the ones a test file names. `export *` sources are searched in order, and only
 * those whose text may hold the name are read.
 */
class LazyExports implements ReadonlyMap<string, ExportSummary> {
  private readonly done = new Map<string, ExportSummary | undefined>();
  private readonly asking = new Set<string>();
  private everything: Map<string, ExportSummary> | null = null;
  /** Set while every export is being gathered, so `export *` in a circle stops where it began. */
  private gathering = false;

  constructor(private readonly reader: Reader) {}

  get(name: string): ExportSummary | undefined {
    if (this.done.has(name)) return this.done.get(name);
    // A name re-exported in a circle between modules.
    if (this.asking.has(name)) return undefined;
    this.asking.add(name);
    const cutsBefore = cuts;
    try {
      // An export whose code the reader cannot follow (a construct it trips over) is unknown, never a crash of the rule asking.
      let answer: ExportSummary | undefined;
      try {
        answer = this.compute(name);
      } catch {
        answer = unknownExport();
      }
      // Asked while another module is read, an answer cut short by that read is not kept.
      if (building.size === 0 || cuts === cutsBefore) this.done.set(name, answer);
      return answer;
    } finally {
      this.asking.delete(name);
    }
  }

  private compute(name: string): ExportSummary | undefined {
    const ref = this.reader.exports.get(name);
    if (ref) return exportSummary(this.reader, ref);
    if (name === 'default') return undefined;
    for (const specifier of this.reader.starSources) {
      const identity = identityOf(this.reader.identity.file, specifier);
      if (identity.type !== 'project' || !mayExport(identity.file, name)) continue;
      const target = summaryAt(identity, depthOf(this.reader) + 1);
      const found = target === 'unknown' ? undefined : target.exports.get(name);
      if (found) return found;
    }
    return undefined;
  }

  private all(): Map<string, ExportSummary> {
    if (this.everything) return this.everything;
    if (this.gathering) return new Map();
    this.gathering = true;
    try {
      this.everything = this.gatherAll();
    } finally {
      this.gathering = false;
    }
    return this.everything;
  }

  private gatherAll(): Map<string, ExportSummary> {
    const all = new Map<string, ExportSummary>();
    for (const name of this.reader.exports.keys()) {
      const summary = this.get(name);
      if (summary) all.set(name, summary);
    }
    for (const specifier of this.reader.starSources) {
      const identity = identityOf(this.reader.identity.file, specifier);
      if (identity.type !== 'project') continue;
      const target = summaryAt(identity, depthOf(this.reader) + 1);
      if (target === 'unknown') continue;
      for (const [name, summary] of target.exports) if (name !== 'default' && !all.has(name)) all.set(name, summary);
    }
    return all;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
  get size(): number {
    return this.all().size;
  }
  forEach(callback: (value: ExportSummary, key: string, map: ReadonlyMap<string, ExportSummary>) => void): void {
    for (const [key, value] of this.all()) callback(value, key, this);
  }
  entries(): MapIterator<[string, ExportSummary]> {
    return this.all().entries();
  }
  keys(): MapIterator<string> {
    return this.all().keys();
  }
  values(): MapIterator<ExportSummary> {
    return this.all().values();
  }
  [Symbol.iterator](): MapIterator<[string, ExportSummary]> {
    return this.all()[Symbol.iterator]();
  }
}

/** What {@link mayExport} reads off a module's text. */
interface ExportWords {
  /** The text has an `export *` of its own: a name may come through it. */
  readonly star: boolean;
  /**
   * The modules of its plain `export * from '…'` lines, or `null` when some `export *` is written
   * in a way that is not one of them or `export * as name from '…'`, or the text also hands on a whole
   * module with `module.exports = require('…')`: then any name may come through.
   */
  readonly starSources: readonly string[] | null;
  /** Every run of word characters in the text. */
  readonly words: ReadonlySet<string>;
}

const exportWords: TextFacts<ExportWords> = new Map();
const WORD_NAME = /^\w+$/;
const ANY_STAR = /\bexport\s*\*/g;
const PLAIN_STAR = /\bexport\s*\*\s*from\s*['"]([^'"\n]+)['"]/g;
const NAMED_STAR = /\bexport\s*\*\s*as\s+[\w$]+\s+from\b/g;
const CJS_STAR = /\bmodule\.exports\s*=\s*require\s*\(/;
/** How many modules one search through `export *` lines reads before it stops and says "may". */
const MAX_STAR_SEARCH = 1000;

/** A module's {@link ExportWords}, once per stamp of the file; `null` when it cannot be read. */
function exportWordsOf(file: string): ExportWords | null {
  const stamp = stampOf(file);
  if (stamp === null) return null;
  try {
    return fromText(exportWords, file, stamp, readExportWords);
  } catch {
    return null;
  }
}

function readExportWords(text: string): ExportWords {
  const stars = text.match(ANY_STAR)?.length ?? 0;
  const plain = [...text.matchAll(PLAIN_STAR)].map((match) => match[1] as string);
  const named = text.match(NAMED_STAR)?.length ?? 0;
  // A whole module handed on by `module.exports = require('…')` is one more source the text does not list.
  const followed = plain.length + named === stars && !CJS_STAR.test(text);
  return { star: stars > 0, starSources: followed ? plain : null, words: new Set(text.match(/\w+/g)) };
}

/**
 * Whether a module may export a name: its text holds the name as a whole word, or one of the
 * modules its `export *` lines name may, in turn. Read from the texts alone, each once (again when
 * its stamp changes), so looking a name up through a barrel parses only the modules on the way to it.
 * `true` whenever it cannot tell: a name that is not a plain word, an `export *` of a package, or one
 * written in a way it does not follow.
 */
function mayExport(file: string, name: string): boolean {
  return !WORD_NAME.test(name) || mayExportThrough(file, name, new Set());
}

function mayExportThrough(file: string, name: string, seen: Set<string>): boolean {
  // A module met again adds no name it has not already been searched for.
  if (seen.has(file)) return false;
  if (seen.size >= MAX_STAR_SEARCH) return true;
  seen.add(file);
  const known = exportWordsOf(file);
  if (!known) return false;
  if (known.words.has(name)) return true;
  if (!known.star) return false;
  if (known.starSources === null) return true;
  for (const specifier of known.starSources) {
    const identity = identityOf(file, specifier);
    if (identity.type !== 'project' || mayExportThrough(identity.file, name, seen)) return true;
  }
  return false;
}

/** A node's text in the module being read: by oxc's `start` and `end`, or the fallback parsers' `range`. */
function textOf(reader: Reader, node: Node): string {
  const [start, end] = offsetsOf(node);
  return reader.text.slice(start, end);
}

function emptySummary(identity: ProjectIdentity): ModuleSummary {
  return { identity, boundaryKinds: [], complete: true, hooksOnImport: [], exports: new Map() };
}

/** The runners' calls that replace a whole module for the rest of the run: `vi.mock('../db')`, `jest.mock('pg')`. */
const MOCKING_RUNNERS: ReadonlySet<string> = new Set(['vi', 'vitest', 'jest']);
const MODULE_MOCKS: ReadonlySet<string> = new Set(['mock', 'doMock', 'unstable_mockModule', 'setMock']);

/**
 * The module a top-level statement mocks, as written: `vi.mock('../db')`, `await jest.unstable_mockModule('pg', …)`.
 * Vitest's `{ spy: true }` keeps the originals, so it mocks nothing away.
 */
function moduleMockedBy(expression: Node): string | null {
  const call = expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const { object, property } = call.callee;
  if (object.type !== AST_NODE_TYPES.Identifier || !MOCKING_RUNNERS.has(object.name)) return null;
  if (property.type !== AST_NODE_TYPES.Identifier || call.callee.computed || !MODULE_MOCKS.has(property.name)) return null;
  const options = call.arguments[1];
  const spiesOnly =
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.some(
      (option) =>
        option.type === AST_NODE_TYPES.Property && option.key.type === AST_NODE_TYPES.Identifier && option.key.name === 'spy' && option.value.type === AST_NODE_TYPES.Literal && option.value.value === true,
    );
  // A factory that hands back the real module, its clients only made with other options, mocks nothing.
  return spiesOnly || keepsRealModule(call.arguments[1]) ? null : staticText(call.arguments[0]);
}

/** The summary of a project module this one loads: `null` for packages and built-ins. */
function projectSummaryOf(reader: Reader, specifier: string): ModuleSummaryResult | null {
  const identity = identityOf(reader.identity.file, specifier);
  if (identity.type === 'unresolved') return 'unknown';
  if (identity.type !== 'project') return null;
  return summaryAt(identity, depthOf(reader) + 1);
}

function staticText(node: Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** Every module the file loads at run time: imports, re-exports, `require` and `import()` with a literal. */
function loadedSpecifiers(program: Program, moduleText: string): Set<string> {
  const found = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type') {
      if (statement.specifiers.length === 0 || statement.specifiers.some((s) => s.type !== AST_NODE_TYPES.ImportSpecifier || s.importKind !== 'type')) {
        found.add(statement.source.value);
      }
    } else if ((statement.type === AST_NODE_TYPES.ExportAllDeclaration || statement.type === AST_NODE_TYPES.ExportNamedDeclaration) && statement.source && statement.exportKind !== 'type') {
      found.add(statement.source.value);
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference && statement.importKind !== 'type') {
      const text = staticText(statement.moduleReference.expression);
      if (text) found.add(text);
    }
  }
  // `import()` and `require()` can be anywhere in the tree, but only where the text spells them.
  if (!MAY_LOAD_DYNAMICALLY.test(moduleText)) return found;
  walk(program, (node) => {
    if (node.type === AST_NODE_TYPES.ImportExpression) {
      const text = staticText(node.source);
      if (text) found.add(text);
    } else if (isRequire(node)) {
      const text = staticText(node.arguments[0]);
      if (text) found.add(text);
    }
  });
  return found;
}

/**
 * A `require`, an `import(` (or an `import` before a comment, which may stand before its parenthesis),
 * or an escape that could spell `require`: without one the text loads no module at run time.
 */
const MAY_LOAD_DYNAMICALLY = /\brequire\b|\bimport\s*(?:\(|\/[*/])|\\u/;

function isRequire(node: Node): node is TSESTree.CallExpression {
  return node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require' && node.arguments.length === 1;
}

/** A generic walk over child nodes; `enter` returning `false` skips a node's children. */
function walk(node: Node, enter: (node: Node) => boolean | void): void {
  if (enter(node) === false) return;
  for (const key in node) {
    if (key === 'parent' || key === 'range' || key === 'loc') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && typeof (item as Node).type === 'string') walk(item as Node, enter);
    } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') walk(value as Node, enter);
  }
}

function isFunction(node: Node): node is TSESTree.FunctionLike & (TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression) {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression;
}

// ---------------------------------------------------------------------------------------------
// Declarations and exports

function collectDeclarations(reader: Reader, program: Program): void {
  const { bindings, exports: exportRefs } = reader;
  const declare = (declaration: Node, exported: boolean) => {
    if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id) {
      bindings.set(declaration.id.name, { type: 'local', node: declaration });
      if (exported) exportRefs.set(declaration.id.name, { type: 'binding', name: declaration.id.name });
    } else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) declareVariable(reader, declarator, exported, declaration.kind === 'let' || declaration.kind === 'var');
    }
  };
  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ImportDeclaration:
        for (const specifier of statement.specifiers) {
          const imported =
            specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default'
            : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? '*'
            : importedName(specifier);
          bindings.set(specifier.local.name, { type: 'import', specifier: statement.source.value, imported });
        }
        break;
      case AST_NODE_TYPES.TSImportEqualsDeclaration: {
        const text = statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference ? staticText(statement.moduleReference.expression) : null;
        if (text) bindings.set(statement.id.name, { type: 'import', specifier: text, imported: '*' });
        break;
      }
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.declaration) declare(statement.declaration, true);
        for (const specifier of statement.specifiers) {
          const local = specifier.local.type === AST_NODE_TYPES.Identifier ? specifier.local.name : String(specifier.local.value);
          const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
          exportRefs.set(exported, statement.source ? { type: 'from', specifier: statement.source.value, imported: local } : { type: 'binding', name: local });
        }
        break;
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (statement.exported) {
          const name = statement.exported.name;
          exportRefs.set(name, { type: 'from', specifier: statement.source.value, imported: '*' });
        } else reader.starSources.push(statement.source.value);
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const declaration = statement.declaration;
        if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id) declare(declaration, false);
        exportRefs.set('default', declaration.type === AST_NODE_TYPES.Identifier ? { type: 'binding', name: declaration.name } : { type: 'node', node: declaration });
        break;
      }
      case AST_NODE_TYPES.ExpressionStatement:
        collectCommonJsExport(reader, statement.expression);
        break;
      default:
        declare(statement, false);
    }
  }
}

function declareVariable(reader: Reader, declarator: TSESTree.VariableDeclarator, exported: boolean, assignable: boolean): void {
  const init = declarator.init;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    const name = declarator.id.name;
    const required = init && isRequire(unwrapExpression(init)) ? staticText((unwrapExpression(init) as TSESTree.CallExpression).arguments[0]) : null;
    reader.bindings.set(name, required ? { type: 'import', specifier: required, imported: '*' } : assignable ? { type: 'local', node: init ?? declarator, assignable } : { type: 'local', node: init ?? declarator });
    if (exported) reader.exports.set(name, { type: 'binding', name });
    return;
  }
  // `const { a, b: c } = require('x')`
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && init && isRequire(unwrapExpression(init))) {
    const specifier = staticText((unwrapExpression(init) as TSESTree.CallExpression).arguments[0]);
    if (!specifier) return;
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
      const imported = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : staticText(property.key);
      if (imported) reader.bindings.set(property.value.name, { type: 'import', specifier, imported });
    }
  }
}

function isModuleExports(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === 'exports'
  );
}

/** `module.exports = …`, `module.exports.x = …`, `exports.x = …`. */
function collectCommonJsExport(reader: Reader, expression: Node): void {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.left.type !== AST_NODE_TYPES.MemberExpression) return;
  const { left, right } = expression;
  if (isModuleExports(left)) {
    const value = unwrapExpression(right);
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of value.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const name = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : staticText(property.key);
        if (name) reader.exports.set(name, property.value.type === AST_NODE_TYPES.Identifier ? { type: 'binding', name: property.value.name } : { type: 'node', node: property.value });
      }
    } else if (isRequire(value)) {
      const specifier = staticText(value.arguments[0]);
      if (specifier) reader.starSources.push(specifier);
    } else {
      reader.exports.set('default', value.type === AST_NODE_TYPES.Identifier ? { type: 'binding', name: value.name } : { type: 'node', node: value });
    }
    return;
  }
  const target = left.object;
  const isExports = (target.type === AST_NODE_TYPES.Identifier && target.name === 'exports') || isModuleExports(target);
  if (isExports && !left.computed && left.property.type === AST_NODE_TYPES.Identifier) {
    reader.exports.set(left.property.name, right.type === AST_NODE_TYPES.Identifier ? { type: 'binding', name: right.name } : { type: 'node', node: right });
  }
}

function unwrapExpression(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Exports: what calling them registers and does, and what they hand back

function exportSummary(reader: Reader, ref: ExportRef): ExportSummary {
  if (ref.type === 'from') return importedExport(reader, ref.specifier, ref.imported);
  if (ref.type === 'binding') {
    const binding = reader.bindings.get(ref.name);
    if (!binding) return unknownExport();
    if (binding.type === 'import') return importedExport(reader, binding.specifier, binding.imported);
    const summary = nodeExport(reader, binding.node);
    const app = isFunction(binding.node) ? null : frameworkAppNamed(reader, ref.name, binding.node, null);
    if (app) return { ...summary, value: app };
    if (!binding.assignable || (reader.assignments ?? assignmentsOf(reader)).get(ref.name) === undefined) return summary;
    const value = bindingValue(reader, ref.name, binding, new Set());
    return { ...summary, value, boundaryKinds: value.type === 'boundary-client' ? [value.kind] : summary.boundaryKinds };
  }
  return nodeExport(reader, ref.node);
}

/**
 * A hook that a project function the summary cannot read may register when it is called: which one,
 * and what it does, cannot be told. Its effect is `unknown`, and a hook whose effect is unknown makes
 * the hooks it stands among unseen.
 */
const UNSEEN_HOOK: HookSummary = { kind: 'unknown', effects: ['unknown'] };

const UNKNOWN_EXPORT: ExportSummary = { value: { type: 'unknown' }, registersHooks: [UNSEEN_HOOK], boundaryKinds: [], effects: ['unknown'] };

function unknownExport(): ExportSummary {
  return UNKNOWN_EXPORT;
}

/** An export taken from another module: its summary there, or what the package makes of it. */
function importedExport(reader: Reader, specifier: string, imported: string): ExportSummary {
  const target = projectSummaryOf(reader, specifier);
  if (target === 'unknown') return unknownExport();
  if (target === null) {
    const value = packageValue(specifier, imported === '*' || imported === 'default' ? [] : [imported], null, reader);
    return { value, registersHooks: [], boundaryKinds: value.type === 'boundary-client' ? [value.kind] : [], effects: [] };
  }
  if (imported === '*') return { value: { type: 'other' }, registersHooks: [], boundaryKinds: target.boundaryKinds, effects: [], namespace: true };
  return target.exports.get(imported) ?? (target.complete ? { value: { type: 'other' }, registersHooks: [], boundaryKinds: [], effects: [] } : unknownExport());
}

function nodeExport(reader: Reader, node: Node): ExportSummary {
  if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) {
    // A class the project names as a double (`FakeMessageQueue`, `InMemoryUserRepository`) stands in for one.
    if (node.id && namesTestDouble(node.id.name)) {
      return { value: { type: 'fake', kind: null }, registersHooks: [], boundaryKinds: [...reader.boundaryKinds], effects: [], ownMembers: ownMembersOf(node) };
    }
    // A class of a module that loads one boundary's client itself is an adapter of that boundary.
    // Reaching one only through other project modules (a service over a shared utility barrel) or
    // loading several makes it application code, not one boundary's adapter.
    const kind = reader.ownClientKinds.size === 1 ? [...reader.ownClientKinds][0] : undefined;
    const defined = classMembersOf(reader, node);
    const value: ExportValue =
      clientOfWhatItIsHanded(reader, node) ?? (kind ? { type: 'boundary-client', kind } : (adapterExtended(reader, node) ?? (reader.complete ? { type: 'other' } : { type: 'unknown' })));
    return {
      value,
      registersHooks: [],
      boundaryKinds: [...reader.boundaryKinds],
      effects: [],
      ownMembers: ownMembersOf(node),
      staticFactories: staticFactoriesOf(node),
      ...(defined.length > 0 ? { definedMembers: defined } : {}),
    };
  }
  if (isFunction(node)) {
    const facts = factsOfFunction(reader, node);
    const { sendsWith, reconfigures } = parameterUses(reader, node);
    return {
      value: returnedValue(reader, node, new Set()),
      registersHooks: facts?.hooks ?? [],
      boundaryKinds: [...kindsReachedBy(reader, node, new Set())],
      effects: facts ? [...facts.effects] : ['unknown'],
      ...(sendsWith.length > 0 ? { sendsWith } : {}),
      ...(reconfigures.length > 0 ? { reconfigures } : {}),
    };
  }
  const value = valueOf(reader, node, new Set());
  const summary: ExportSummary = { value, registersHooks: [], boundaryKinds: value.type === 'boundary-client' ? [value.kind] : [], effects: [] };
  const defined = value.type === 'boundary-client' ? schemaMembersOf(reader, node) : [];
  return defined.length > 0 ? { ...summary, definedMembers: defined } : summary;
}

/**
 * What a class that extends another class of the project is, when that class is one boundary's
 * adapter (`class TenantRepository extends BaseRepository`, the base class in a module that loads the
 * database's client): an adapter of that boundary too, since its instances have the base class's
 * methods. `null` for anything else, a base class written in the same module included.
 */
function adapterExtended(reader: Reader, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ExportValue | null {
  const base = node.superClass;
  if (base?.type !== AST_NODE_TYPES.Identifier) return null;
  const binding = reader.bindings.get(base.name);
  if (!binding) return null;
  // Only a base class from another module: its summary is built once, and a cycle reads as unknown.
  if (binding.type !== 'import' || binding.imported === '*') return null;
  const value = importedExport(reader, binding.specifier, binding.imported).value;
  return value.type === 'boundary-client' ? value : null;
}

/** `methods` and `statics` of a schema: what its model's documents and the model itself get from the project. */
const SCHEMA_MEMBER_HOLDERS: ReadonlySet<string> = new Set(['methods', 'statics']);
/** `schema.method('name', fn)`, `schema.static({ name: fn })`. */
const SCHEMA_MEMBER_ADDERS: ReadonlySet<string> = new Set(['method', 'static']);

/**
 * The members the project defines on a client built from a schema of this module
 * (`model('User', userSchema)`, `connection.model(…)`): `userSchema.methods.x = fn`,
 * `userSchema.statics = { y() {} }`, `userSchema.method('z', fn)`. Each reaches a boundary when its
 * function, written inline, loads or uses a client, or calls something on `this` (the document or
 * the model, whose calls may leave the process); one written elsewhere counts as reaching.
 */
function schemaMembersOf(reader: Reader, node: Node): Array<{ name: string; reaches: boolean }> {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return [];
  const schema = call.arguments.find((argument) => argument.type === AST_NODE_TYPES.Identifier && reader.bindings.get(argument.name)?.type === 'local');
  if (!schema || schema.type !== AST_NODE_TYPES.Identifier) return [];
  const members = new Map<string, boolean>();
  const add = (name: string | null, fn: Node | undefined) => {
    if (name === null || !fn) return;
    const code = unwrapExpression(fn);
    const reaches = !isFunction(code) || bodyReaches(reader, code);
    members.set(name, (members.get(name) ?? false) || reaches);
  };
  const addAll = (object: Node | undefined) => {
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return;
    for (const property of object.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.computed) add(propertyKeyName(property.key), property.value);
    }
  };
  const isSchema = (object: Node) => object.type === AST_NODE_TYPES.Identifier && object.name === schema.name;
  for (const statement of reader.program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.left.type === AST_NODE_TYPES.MemberExpression && !expression.left.computed) {
      const left = expression.left;
      const holder = left.object;
      // `schema.methods.name = fn`
      if (holder.type === AST_NODE_TYPES.MemberExpression && !holder.computed && isSchema(holder.object) && SCHEMA_MEMBER_HOLDERS.has(propertyKeyName(holder.property) ?? '')) {
        add(propertyKeyName(left.property), expression.right);
      }
      // `schema.methods = { name() {} }`
      if (isSchema(holder) && SCHEMA_MEMBER_HOLDERS.has(propertyKeyName(left.property) ?? '')) addAll(expression.right);
    }
    if (expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.MemberExpression && !expression.callee.computed) {
      const callee = expression.callee;
      if (!isSchema(callee.object) || !SCHEMA_MEMBER_ADDERS.has(propertyKeyName(callee.property) ?? '')) continue;
      const [first, second] = expression.arguments;
      if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') add(first.value, second);
      else addAll(first);
    }
  }
  return [...members].map(([name, reaches]) => ({ name, reaches }));
}

/** Whether a member's own code may leave the process: it loads or uses a client, or calls something on `this`. */
function bodyReaches(reader: Reader, code: Node): boolean {
  return callsOnThis(code) || kindsReachedBy(reader, code, new Set()).size > 0;
}

/** Whether a function calls something reached from `this` (`this.save()`, `this.constructor.find()`, `this.model('X').count()`). */
function callsOnThis(fn: Node): boolean {
  let found = false;
  walk(fn, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    let root: Node = node.callee;
    for (;;) {
      root = unwrapExpression(root);
      if (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
      else if (root.type === AST_NODE_TYPES.CallExpression) root = root.callee;
      else break;
    }
    if (root.type === AST_NODE_TYPES.ThisExpression) found = true;
  });
  return found;
}

/**
 * What a class is when it is a client of the app it is handed, or `null`:
 * - a test client of a server it runs itself: it serves a constructor argument in this process
 *   (`http.createServer(app.callback())`, `app.listen(0)`) and sends its requests to its own
 *   loopback address. Handed the project's app, its requests drive the app over HTTP, as
 *   `supertest(app)` does. A fake of another service builds its own handler inside and is not one;
 * - a wrapper of a test client of what it is handed (`this.agent = request(app)`): a client itself
 *   when it defines request methods (`get`, `post`), and otherwise a holder of one in that
 *   property (`harness.request.get('/x')`), whose other properties are not clients.
 */
function clientOfWhatItIsHanded(reader: Reader, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ExportValue | null {
  const constructor = node.body.body.find((member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor');
  if (constructor?.type !== AST_NODE_TYPES.MethodDefinition) return null;
  const handed = new Set(constructor.value.params.flatMap((param) => {
    const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    return target.type === AST_NODE_TYPES.Identifier ? [target.name] : [];
  }));
  if (handed.size === 0) return null;
  const loopback = LOOPBACK.test(textOf(reader, node));
  const isHanded = (argument: Node) => handed.has(segmentsOf(argument)?.[0] ?? '');
  let serves = false;
  const held: Record<string, ExportValue> = {};
  walk(constructor.value, (inner) => {
    if (serves) return false;
    // `this.agent = request(app)`
    if (inner.type === AST_NODE_TYPES.AssignmentExpression && inner.left.type === AST_NODE_TYPES.MemberExpression && inner.left.object.type === AST_NODE_TYPES.ThisExpression && !inner.left.computed) {
      const call = unwrapExpression(inner.right);
      const segments = call.type === AST_NODE_TYPES.CallExpression ? segmentsOf(call.callee) : null;
      const property = propertyKeyName(inner.left.property);
      if (call.type === AST_NODE_TYPES.CallExpression && segments && property !== null && call.arguments.some(isHanded) && callsTestClient(reader, segments)) held[property] = { type: 'app-client' };
      return undefined;
    }
    if (!loopback || inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const segments = segmentsOf(inner.callee);
    const last = segments?.[segments.length - 1];
    if (last === 'createServer') serves = inner.arguments.some(isHanded);
    else if (last === 'listen' && segments?.length === 2) serves = handed.has(segments[0] ?? '');
    return undefined;
  });
  if (serves) return { type: 'app-client' };
  if (Object.keys(held).length === 0) return null;
  return ownMembersOf(node).some((name) => REQUEST_METHODS.has(name)) ? { type: 'app-client' } : { type: 'other', members: held };
}

/** Whether a callee (`request`, `supertest.agent`) is a test client's call read off an import of its package. */
/**
 * What a function does with its parameters, in one walk of its body:
 * - `sendsWith`: those it only hands to a test client as the app to send to (`request(app)` in
 *   `signUp(app, email)`): every use of the name is that first argument. A name used any other way,
 *   or also by an inner function's own parameter or variable, is left out;
 * - `reconfigures`: those whose handle it changes rather than the data behind it
 *   (`orm.config.set('debug', true)`, `client.options.keyPrefix = 'x'`, `orm.discoverEntity(Book)`),
 *   as `reconfiguresHandle` reads them.
 */
function parameterUses(reader: Reader, fn: TSESTree.FunctionLike): { sendsWith: number[]; reconfigures: number[] } {
  const body = fn.body;
  const names = fn.params.map((param) => (param.type === AST_NODE_TYPES.Identifier ? param.name : null));
  if (!body || names.every((name) => name === null)) return { sendsWith: [], reconfigures: [] };
  const uses = new Map<string, number>();
  const sent = new Map<string, number>();
  const changed = new Set<string>();
  const noteChange = (target: Node) => {
    const root = chainRootName(target);
    if (root === null || !names.includes(root)) return;
    const [, ...path] = segmentsOf(target) ?? [];
    if (reconfiguresHandle(path)) changed.add(root);
  };
  walkNameUses(body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const first = node.arguments[0];
      const segments = first?.type === AST_NODE_TYPES.Identifier && names.includes(first.name) ? segmentsOf(node.callee) : null;
      if (first?.type === AST_NODE_TYPES.Identifier && segments && callsTestClient(reader, segments)) sent.set(first.name, (sent.get(first.name) ?? 0) + 1);
      noteChange(node.callee);
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      noteChange(node.left);
    }
    if (node.type === AST_NODE_TYPES.Identifier && names.includes(node.name)) uses.set(node.name, (uses.get(node.name) ?? 0) + 1);
  });
  return {
    sendsWith: names.flatMap((name, index) => (name !== null && (uses.get(name) ?? 0) > 0 && uses.get(name) === sent.get(name) ? [index] : [])),
    reconfigures: names.flatMap((name, index) => (name !== null && changed.has(name) ? [index] : [])),
  };
}

/** The name a member chain starts from (`orm` in `orm.config.set`), or `null` when it starts elsewhere. */
function chainRootName(node: Node): string | null {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current.name : null;
}

function callsTestClient(reader: Reader, segments: readonly string[]): boolean {
  const binding = reader.bindings.get(segments[0] ?? '');
  if (binding?.type !== 'import') return false;
  const calls = TEST_CLIENT_MODULES[binding.specifier]?.calls;
  const path = [...(binding.imported === '*' || binding.imported === 'default' ? [] : [binding.imported]), ...segments.slice(1)];
  return calls?.has(path.join('.')) ?? false;
}

/**
 * The methods a class defines itself, each judged by its own body the way a schema's members are:
 * it reaches a boundary when it loads or uses a client, calls something on `this` (the client the
 * instance keeps), or uses a module variable something else fills in. A method that only waits,
 * formats or checks (`delay(ms)`, a status test on a client handed to it) replaces no round trip
 * when stubbed.
 */
function classMembersOf(reader: Reader, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Array<{ name: string; reaches: boolean }> {
  const members: Array<{ name: string; reaches: boolean }> = [];
  for (const member of node.body.body) {
    if ((member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) || member.computed || (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor')) continue;
    const name = propertyKeyName(member.key);
    const code = member.value ? unwrapExpression(member.value) : null;
    if (name === null || !code || !isFunction(code) || !code.body) continue;
    members.push({ name, reaches: bodyReaches(reader, code) || usesVariableSetElsewhere(reader, code) });
  }
  return members;
}

/**
 * Whether code uses a module variable declared without a value (`let model;`), which something
 * else sets: a constructor that connects and keeps the client there. What it holds is not known,
 * so it may be a client.
 */
function usesVariableSetElsewhere(reader: Reader, code: Node): boolean {
  let found = false;
  walk(code, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
      walk(node.object, (inner) => {
        if (inner.type === AST_NODE_TYPES.Identifier && isUnsetLocal(reader, inner.name)) found = true;
      });
      return false;
    }
    if (node.type === AST_NODE_TYPES.Identifier && isUnsetLocal(reader, node.name)) found = true;
  });
  return found;
}

function isUnsetLocal(reader: Reader, name: string): boolean {
  const binding = reader.bindings.get(name);
  return binding?.type === 'local' && binding.node.type === AST_NODE_TYPES.VariableDeclarator;
}

/** The members a class body defines itself under a written name (`save`, `'find'`, `static connect`). */
function ownMembersOf(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string[] {
  const names: string[] = [];
  for (const member of node.body.body) {
    if (!('key' in member) || member.computed) continue;
    const name = propertyKeyName(member.key);
    if (name !== null) names.push(name);
  }
  return names;
}

/**
 * A class's own static methods whose every `return` hands back `new` of the class itself
 * (`new TestPlc(url)`, `new this(config)`).
 */
function staticFactoriesOf(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string[] {
  const own = node.id?.name;
  const names: string[] = [];
  for (const member of node.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || !member.static || member.kind !== 'method' || member.computed) continue;
    const name = propertyKeyName(member.key);
    const body = member.value.body;
    if (name === null || !body) continue;
    let returns = 0;
    let others = 0;
    walk(body, (inner) => {
      if (inner !== body && isFunction(inner)) return false;
      if (inner.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
      const value = inner.argument ? unwrapExpression(inner.argument) : null;
      const made = value?.type === AST_NODE_TYPES.NewExpression ? value.callee : null;
      if (made?.type === AST_NODE_TYPES.ThisExpression || (made?.type === AST_NODE_TYPES.Identifier && made.name === own)) returns++;
      else others++;
      return undefined;
    });
    if (returns > 0 && others === 0) names.push(name);
  }
  return names;
}

/**
 * The boundary kinds a piece of code reaches through the names it uses: imports of boundary
 * packages, imports of project modules (what those reach), and this module's own functions and
 * values, followed once each.
 */
function kindsReachedBy(reader: Reader, code: Node, seen: Set<Node>): Set<string> {
  const kinds = new Set<string>();
  seen.add(code);
  walkNameUses(code, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier) return;
    const binding = reader.bindings.get(node.name);
    if (!binding) return;
    if (binding.type === 'local') {
      if (seen.has(binding.node)) return;
      for (const kind of kindsReachedBy(reader, binding.node, seen)) kinds.add(kind);
      return;
    }
    const identity = identityOf(reader.identity.file, binding.specifier);
    if (identity.type === 'project') {
      for (const kind of reachOf(identity.file, depthOf(reader) + 1, new Set())?.kinds ?? []) kinds.add(kind);
    } else if (identity.type !== 'unresolved') {
      const boundary = lookupBoundary(binding.specifier, CATALOG_ONLY);
      if (boundary && boundary.role !== 'fake') kinds.add(boundary.kind);
    }
  });
  return kinds;
}

/**
 * Walks code for the names it uses: every node but the names of properties (`a.name`, `{ name: v }`),
 * which are no use of a binding of the same name.
 */
function walkNameUses(code: Node, enter: (node: Node) => void): void {
  const visit = (node: Node): boolean | void => {
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
      walk(node.object, visit);
      return false;
    }
    if (node.type === AST_NODE_TYPES.Property && !node.computed && !node.shorthand) {
      walk(node.value, visit);
      return false;
    }
    enter(node);
    return undefined;
  };
  walk(code, visit);
}

/** Hooks a function registers and what it does to a boundary's data, memoised. */
function factsOfFunction(reader: Reader, node: Node): FunctionFacts | null {
  if (reader.functionFacts.has(node)) return reader.functionFacts.get(node) ?? null;
  reader.functionFacts.set(node, null); // recursion
  const facts = factsOfCode(reader, isFunction(node) ? node.body : node);
  reader.functionFacts.set(node, facts);
  return facts;
}

/** The hooks registered and the effects on data of a piece of code, calls to local and project functions included. */
/**
 * What a piece of code does. `contextNames` are the parameters of a hook callback: the test context
 * the runner hands it (`ctx.skip()`, `ctx.task.name`), which holds no data; callbacks handed to it
 * (`ctx.onTestFinished(() => …)`) are read like any other code.
 */
function factsOfCode(reader: Reader, code: Node, contextNames: ReadonlySet<string> = NO_NAMES): FunctionFacts {
  const hooks: HookSummary[] = [];
  const effects = new Set<HookEffect>();
  // Calls inside a callee chain (`knex('t')` in `knex('t').del()`) are judged with the chain.
  const inChain = new Set<Node>();
  walk(code, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    for (let callee = unwrapExpression(node.callee); ; ) {
      if (callee.type === AST_NODE_TYPES.MemberExpression) callee = unwrapExpression(callee.object);
      else if (callee.type === AST_NODE_TYPES.CallExpression) {
        inChain.add(callee);
        callee = unwrapExpression(callee.callee);
      } else break;
    }
    if (inChain.has(node)) return;
    // A stand-in handed to a mock runs when the code under test calls it, not when the hook runs.
    if (STAND_IN_SETTERS.has(lastSegment(node.callee) ?? '')) return false;
    const hook = hookKindOf(node);
    if (hook) {
      hooks.push(...hookRegistered(reader, hook, node));
      return false;
    }
    if (contextNames.has(segmentsOf(node.callee)?.[0] ?? '')) return undefined;
    for (const effect of effectsOfCall(reader, node, hooks)) effects.add(effect);
    return undefined;
  });
  return { hooks, effects };
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** Methods that hand a mock the implementation it runs in place of the real one. */
const STAND_IN_SETTERS: ReadonlySet<string> = new Set([
  'mockImplementation', 'mockImplementationOnce', 'mockResolvedValue', 'mockResolvedValueOnce', 'mockReturnValue', 'mockReturnValueOnce', 'callsFake',
]);

function lastSegment(callee: Node): string | null {
  const node = unwrapExpression(callee);
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : null;
}

/** A hook and what its callback does: written in place, or a function named by reference (`afterEach(resetDb)`). */
function hookRegistered(reader: Reader, kind: HookKind, call: TSESTree.CallExpression): HookSummary[] {
  const callback = call.arguments.find((argument) => isFunction(argument) || argument.type === AST_NODE_TYPES.Identifier);
  if (callback && isFunction(callback)) {
    const names = new Set(callback.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
    const inner = factsOfCode(reader, callback.body, names);
    return [{ kind, effects: [...inner.effects] }, ...withoutUnseen(inner.hooks)];
  }
  if (callback?.type === AST_NODE_TYPES.Identifier) {
    // Judged as if the hook called it: `afterEach(resetDb)` does what `afterEach(() => resetDb())` does.
    const nested: HookSummary[] = [];
    const effects = effectsOfCall(reader, { ...call, callee: callback, arguments: [] } as TSESTree.CallExpression, nested);
    return [{ kind, effects }, ...withoutUnseen(nested)];
  }
  return [{ kind, effects: ['unknown'] }];
}

function hookKindOf(call: TSESTree.CallExpression): HookKind | null {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return HOOK_NAMES.get(callee.name) ?? null;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.object.type === AST_NODE_TYPES.Identifier && HOOK_RECEIVERS.has(callee.object.name)) {
    return HOOK_NAMES.get(callee.property.name) ?? null;
  }
  return null;
}

/** Names along a callee chain, root first (`db.users.deleteMany` → `db`, `users`, `deleteMany`). */
function segmentsOf(node: Node): string[] | null {
  const segments: string[] = [];
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      segments.unshift(current.name);
      return segments;
    }
    if (current.type === AST_NODE_TYPES.ThisExpression) {
      segments.unshift('this');
      return segments;
    }
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (current.computed || current.property.type !== AST_NODE_TYPES.Identifier) return segments.length > 0 ? segments : null;
      segments.unshift(current.property.name);
      current = unwrapExpression(current.object);
      continue;
    }
    if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrapExpression(current.callee);
      continue;
    }
    return segments.length > 0 ? segments : null;
  }
}

const EFFECT_OF_VERB: ReadonlyArray<readonly [RegExp, HookEffect]> = [
  [/truncate/i, 'truncate'],
  [/drop/i, 'drop'],
  [/rollback|abort/i, 'rollback'],
  [/reset|refresh|clean|wipe|sync|empty|clear|flush|purge|obliterate/i, 'reset'],
  [/del|remove|destroy/i, 'delete'],
];

function effectOfRole(role: CallRole | null, name: string, sql: string | null): HookEffect | null {
  if (role === 'close' || role === 'stop') return 'close';
  if (role !== 'cleanup') return null;
  const word = sql !== null && classifySql(sql) === 'cleanup' ? sql.trim().split(/\s+/)[0] ?? name : name;
  for (const [pattern, effect] of EFFECT_OF_VERB) if (pattern.test(word)) return effect;
  return 'delete';
}

/**
 * The hooks registered inside a hook's callback, without those a function it cannot read may
 * register: the hook itself already has an `unknown` effect from that call.
 */
function withoutUnseen(hooks: readonly HookSummary[]): HookSummary[] {
  return hooks.filter((hook) => hook !== UNSEEN_HOOK);
}

/** The answer for a call of a project function that cannot be read: it may do anything, hooks included. */
function unseen(hooks: HookSummary[]): HookEffect[] {
  hooks.push(UNSEEN_HOOK);
  return ['unknown'];
}

/** What one call does to data; a call of a project function that cannot be read is `unknown`, and may register hooks. */
function effectsOfCall(reader: Reader, call: TSESTree.CallExpression, hooks: HookSummary[]): HookEffect[] {
  const segments = segmentsOf(call.callee);
  if (!segments) return [];
  const root = segments[0] as string;
  const binding = reader.bindings.get(root);
  // A function of this module or another project module: what it does, read from its body.
  if (segments.length === 1 && binding) {
    if (binding.type === 'local' && isFunction(binding.node)) {
      const facts = factsOfFunction(reader, binding.node);
      if (facts) {
        hooks.push(...facts.hooks);
        return [...facts.effects];
      }
      return [];
    }
    if (binding.type === 'import' && binding.imported !== '*') {
      const target = projectSummaryOf(reader, binding.specifier);
      if (target === 'unknown') return unseen(hooks);
      if (target !== null) {
        const summary = target.exports.get(binding.imported);
        if (!summary) return target.complete ? [] : unseen(hooks);
        hooks.push(...summary.registersHooks);
        return [...(summary.effects ?? ['unknown'])];
      }
    }
  }
  if (segments.length === 2 && binding?.type === 'import' && binding.imported === '*') {
    const target = projectSummaryOf(reader, binding.specifier);
    if (target === 'unknown') return unseen(hooks);
    const summary = target?.exports.get(segments[1] as string);
    if (summary) {
      hooks.push(...summary.registersHooks);
      return [...(summary.effects ?? ['unknown'])];
    }
  }
  const sql = staticText(call.arguments[0]) ?? templateHead(call.arguments[0]);
  const role = classifyCall({ segments, ...(sql !== null ? { text: sql } : {}), options: optionKeys(call.arguments[0]) });
  const last = segments[segments.length - 1] as string;
  const effect = effectOfRole(role, last, sql);
  if (effect) return [effect];
  // Named, and not a cleanup: it connects, builds or writes.
  if (role !== null) return [];
  // SQL whose text is not written out here could be a cleanup.
  if (runsSql(last) && segments.length > 1 && sql === null) return ['unknown'];
  return !INERT_METHODS.has(last) && mayActOnData(reader, root) ? ['unknown'] : [];
}

/** Methods of arrays, promises and strings, which only arrange other calls. */
const INERT_METHODS: ReadonlySet<string> = new Set([
  'map', 'forEach', 'filter', 'reduce', 'find', 'some', 'every', 'includes', 'push', 'join', 'slice', 'concat',
  'flat', 'flatMap', 'sort', 'keys', 'values', 'entries', 'then', 'catch', 'finally', 'all', 'allSettled',
  'toString', 'log', 'warn', 'error', 'info', 'debug',
]);

/** Names every test file may call that never touch a boundary's data. */
const INERT_GLOBALS: ReadonlySet<string> = new Set([
  'console', 'Math', 'JSON', 'Object', 'Array', 'Promise', 'Date', 'String', 'Number', 'Reflect', 'Symbol',
  'process', 'globalThis', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate',
  'expect', 'assert', 'jest', 'vi', 'sinon', 'td', 'mock', 'done', 'Buffer', 'URL', 'structuredClone',
]);

/**
 * Whether a call whose names say nothing could still change a boundary's data: one on something a
 * project module hands out, or on a value this module cannot see (a parameter, a variable of the
 * function). Calls on packages that are not boundaries, and on plain globals, cannot.
 */
function mayActOnData(reader: Reader, root: string): boolean {
  const binding = reader.bindings.get(root);
  if (!binding) return !INERT_GLOBALS.has(root);
  if (binding.type === 'import') {
    const identity = identityOf(reader.identity.file, binding.specifier);
    if (identity.type === 'package' || identity.type === 'builtin') return lookupBoundary(binding.specifier, CATALOG_ONLY) !== null;
    // A fake or an app client another project module hands out (an HTTP fake's `resetHandlers()`) keeps no test data.
    const target = binding.imported === '*' ? null : projectSummaryOf(reader, binding.specifier);
    const value = target && target !== 'unknown' ? target.exports.get(binding.imported)?.value : undefined;
    return value?.type !== 'fake' && value?.type !== 'app-client';
  }
  if (isFunction(binding.node) || binding.node.type === AST_NODE_TYPES.ClassDeclaration) return false;
  const value = bindingValue(reader, root, binding, new Set());
  return value.type !== 'other' && value.type !== 'app-client' && value.type !== 'fake';
}

function templateHead(node: Node | undefined): string | null {
  if (node?.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis[0]?.value.cooked ?? null;
  if (node?.type === AST_NODE_TYPES.TaggedTemplateExpression) return node.quasi.quasis[0]?.value.cooked ?? null;
  return null;
}

function optionKeys(node: Node | undefined): ReadonlySet<string> {
  const keys = new Set<string>();
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return keys;
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    if (property.value.type === AST_NODE_TYPES.Literal && property.value.value === false) continue;
    keys.add(property.key.name);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Values

const OTHER: ExportValue = { type: 'other' };
const UNKNOWN: ExportValue = { type: 'unknown' };
/** Unknown because it is either a fake or a real client, and only the caller knows which. */
const FAKE_OR_REAL: ExportValue = { type: 'unknown' };
const APP_REQUEST_SENDER: ExportValue = { type: 'app-client', sends: true };
const LOOPBACK = /\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])\b|\$\{[^}]*\b(?:port|address)\b/i;
const FRESH_NAME = /:memory:|\brandomUUID\b|\bMath\.random\b|\bnanoid\b|\buuid(?:v4)?\b|\bv4\(|\bDate\.now\b|\brandomBytes\b/;
const HTTP_CLIENT_FACTORIES = new Set(['create', 'extend']);

/** An assignment to one of the module's own `let` or `var` bindings, with the function it sits in. */
interface Assignment {
  readonly value: Node;
  readonly fn: TSESTree.FunctionLike | null;
}

/** Operators that hand a binding the value on their right. */
const ASSIGNING: ReadonlySet<string> = new Set(['=', '??=', '||=']);

/**
 * The value of a module-level binding. A `let` or `var` holds its initial value or any the module
 * assigns to it later (`let agent = null`, then `agent = supertest(url)` in the helper that starts
 * the server): the strongest of them.
 */
function bindingValue(reader: Reader, name: string, binding: Extract<Binding, { type: 'local' }>, seen: Set<Node>): ExportValue {
  const assigned = binding.assignable ? (reader.assignments ?? assignmentsOf(reader)).get(name) : undefined;
  if (!assigned) return valueOf(reader, binding.node, seen);
  const values = binding.node.type === AST_NODE_TYPES.VariableDeclarator ? [] : [valueOf(reader, binding.node, seen)];
  for (const assignment of assigned) values.push(valueOf(reader, assignment.value, seen, assignment.fn));
  return strongest(values);
}

/**
 * What the module assigns to its `let` and `var` bindings, gathered in one walk. An assignment in a
 * function that declares a name of its own with the same spelling is to that name, not the module's.
 */
function assignmentsOf(reader: Reader): ReadonlyMap<string, readonly Assignment[]> {
  const assignable = new Set<string>();
  for (const [name, binding] of reader.bindings) if (binding.type === 'local' && binding.assignable) assignable.add(name);
  const found = new Map<string, Assignment[]>();
  reader.assignments = found;
  if (assignable.size === 0) return found;
  const visit = (root: Node, fn: TSESTree.FunctionLike | null, hidden: ReadonlySet<string>): void => {
    walk(root, (node) => {
      if (node !== root && isFunction(node)) {
        const own = declaredIn(node, assignable);
        visit(node, node, own.size === 0 ? hidden : new Set([...hidden, ...own]));
        return false;
      }
      if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.Identifier || !ASSIGNING.has(node.operator)) return undefined;
      const name = node.left.name;
      if (!assignable.has(name) || hidden.has(name)) return undefined;
      const list = found.get(name);
      if (list) list.push({ value: node.right, fn });
      else found.set(name, [{ value: node.right, fn }]);
      return undefined;
    });
  };
  visit(reader.program, null, new Set());
  return found;
}

/** Which of `names` a function declares itself: as a parameter, or in its body outside nested functions. */
function declaredIn(fn: TSESTree.FunctionLike, names: ReadonlySet<string>): Set<string> {
  const own = new Set<string>();
  const note = (pattern: Node | null | undefined): void => {
    if (!pattern) return;
    walk(pattern, (node) => {
      if (node.type === AST_NODE_TYPES.Identifier && names.has(node.name)) own.add(node.name);
      // A default value is read, not declared.
      if (node.type === AST_NODE_TYPES.AssignmentPattern) {
        note(node.left);
        return false;
      }
      if (node.type === AST_NODE_TYPES.Property) {
        note(node.value);
        return false;
      }
      return undefined;
    });
  };
  for (const param of fn.params) note(param);
  if (fn.body) {
    walk(fn.body, (node) => {
      if (node !== fn.body && isFunction(node)) {
        if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id && names.has(node.id.name)) own.add(node.id.name);
        return false;
      }
      if (node.type === AST_NODE_TYPES.VariableDeclarator) note(node.id);
      if (node.type === AST_NODE_TYPES.ClassDeclaration && node.id && names.has(node.id.name)) own.add(node.id.name);
      if (node.type === AST_NODE_TYPES.CatchClause) note(node.param);
      return undefined;
    });
  }
  return own;
}

/** What a function hands back: the strongest of its return values. */
function returnedValue(reader: Reader, fn: TSESTree.FunctionLike, seen: Set<Node>): ExportValue {
  if (seen.has(fn)) return UNKNOWN;
  seen.add(fn);
  const body = fn.body;
  if (!body) return UNKNOWN;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return valueOf(reader, body, seen, fn);
  const values: ExportValue[] = [];
  walk(body, (node) => {
    if (node !== body && isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) values.push(valueOf(reader, node.argument, seen, fn));
    return undefined;
  });
  return strongest(values);
}

const STRENGTH: Readonly<Record<ExportValue['type'], number>> = { 'app-client': 6, 'fresh-database': 5, 'boundary-client': 4, fake: 3, unknown: 2, other: 1 };

function strongest(values: readonly ExportValue[]): ExportValue {
  // Either a fake or a real client (`useFake ? new FakeQueue() : amqplib`): which one, only the
  // caller knows, so nothing can be claimed about what calls through it reach.
  if (values.some((value) => value.type === 'fake' || value === FAKE_OR_REAL) && values.some((value) => value.type === 'boundary-client')) return FAKE_OR_REAL;
  let best: ExportValue = values.length === 0 ? OTHER : UNKNOWN;
  let strength = 0;
  for (const value of values) {
    if (STRENGTH[value.type] > strength) {
      best = value;
      strength = STRENGTH[value.type];
    }
  }
  return best;
}

/** A local `const` of the function the expression sits in, by name; with `nested`, in its callbacks too. */
function localDeclaration(fn: TSESTree.FunctionLike | null, name: string, nested = false): Node | null {
  if (!fn?.body || (!nested && fn.body.type !== AST_NODE_TYPES.BlockStatement)) return null;
  let found: Node | null = null;
  walk(fn.body, (node) => {
    if (found) return false;
    if (!nested && node !== fn.body && isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.id.name === name && node.init) found = node.init;
    return undefined;
  });
  return found;
}

function valueOf(reader: Reader, expression: Node, seen: Set<Node>, fn: TSESTree.FunctionLike | null = null): ExportValue {
  const node = unwrapExpression(expression);
  if (seen.has(node)) return UNKNOWN;
  switch (node.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return objectValue(reader, node, seen, fn);
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return OTHER;
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return OTHER;
    case AST_NODE_TYPES.ConditionalExpression:
      return strongest([valueOf(reader, node.consequent, seen, fn), valueOf(reader, node.alternate, seen, fn)]);
    case AST_NODE_TYPES.LogicalExpression:
      return strongest([valueOf(reader, node.left, seen, fn), valueOf(reader, node.right, seen, fn)]);
    case AST_NODE_TYPES.Identifier: {
      const local = localDeclaration(fn, node.name);
      if (local) return frameworkAppNamed(reader, node.name, local, fn) ?? valueOf(reader, local, new Set([...seen, node]), fn);
      const binding = reader.bindings.get(node.name);
      if (!binding) return UNKNOWN;
      if (binding.type === 'local') {
        if (isFunction(binding.node)) return OTHER;
        return frameworkAppNamed(reader, node.name, binding.node, null) ?? bindingValue(reader, node.name, binding, new Set([...seen, node]));
      }
      const target = projectSummaryOf(reader, binding.specifier);
      if (target === 'unknown') return UNKNOWN;
      if (target === null) return OTHER;
      return target.exports.get(binding.imported)?.value ?? (target.complete ? OTHER : UNKNOWN);
    }
    case AST_NODE_TYPES.NewExpression:
      if (isPromiseOfExecutor(reader, node)) return promisedValue(reader, node.arguments[0] as TSESTree.FunctionLike, seen);
      return valueOfCall(reader, node, seen, fn);
    case AST_NODE_TYPES.CallExpression:
      return valueOfCall(reader, node, seen, fn);
    case AST_NODE_TYPES.MemberExpression:
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/**
 * An object literal handed back: other, with the app clients it holds by property name, so that
 * `app.request.get('/x')` on what `setupApp()` returns is known to drive the app; and whether it
 * holds a real client or a fresh database (`{ db, close }` from a helper that connects).
 */
function objectValue(reader: Reader, node: TSESTree.ObjectExpression, seen: Set<Node>, fn: TSESTree.FunctionLike | null): ExportValue {
  const members: Record<string, ExportValue> = {};
  let holdsClient = false;
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.kind !== 'init' || isFunction(property.value)) continue;
    const name = propertyKeyName(property.key);
    if (name === null) continue;
    const value = valueOf(reader, property.value, new Set([...seen, node]), fn);
    if (value.type === 'app-client') members[name] = value;
    else if (value.type === 'boundary-client' || value.type === 'fresh-database') holdsClient = true;
  }
  const hasMembers = Object.keys(members).length > 0;
  if (holdsClient) return hasMembers ? { type: 'other', members, holdsClient } : { type: 'other', holdsClient };
  return hasMembers ? { type: 'other', members } : OTHER;
}

function valueOfCall(reader: Reader, call: TSESTree.CallExpression | TSESTree.NewExpression, seen: Set<Node>, fn: TSESTree.FunctionLike | null): ExportValue {
  const value = valueOfCallee(reader, call, seen, fn);
  // Nothing more is known of what the call hands back, but it calls the entry point of the module's
  // own package: what the library under test makes (`require('../index.js')(config)`).
  return (value.type === 'unknown' || (value.type === 'other' && !value.members)) && callsOwnEntry(reader, call) ? OWN_PACKAGE_VALUE : value;
}

const OWN_PACKAGE_VALUE: ExportValue = { type: 'other', ownPackage: true };

/**
 * `require('../index.js')(config)`, or `makeKit(config)` with `makeKit` the whole of such a
 * load: a call of what the entry point of the module's own package exports.
 */
function callsOwnEntry(reader: Reader, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrapExpression(call.callee);
  let specifier: string | null = null;
  if (callee.type === AST_NODE_TYPES.CallExpression && callee.callee.type === AST_NODE_TYPES.Identifier && callee.callee.name === 'require' && !reader.bindings.has('require')) {
    specifier = staticText(callee.arguments[0]);
  } else if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = reader.bindings.get(callee.name);
    if (binding?.type === 'import' && (binding.imported === 'default' || binding.imported === '*')) specifier = binding.specifier;
  }
  if (specifier === null) return false;
  const identity = identityOf(reader.identity.file, specifier);
  return identity.type === 'project' && identity.workspacePackage !== null && packageNameAt(reader.identity.file) === identity.workspacePackage && isPackageEntry(identity.file);
}

function valueOfCallee(reader: Reader, call: TSESTree.CallExpression | TSESTree.NewExpression, seen: Set<Node>, fn: TSESTree.FunctionLike | null): ExportValue {
  const segments = segmentsOf(call.callee);
  if (!segments) return UNKNOWN;
  const last = segments[segments.length - 1] as string;
  const root = segments[0] as string;
  // `app.inject(...)` and friends take requests in process.
  if (last === 'inject' && segments.length > 1) return { type: 'app-client' };
  const local = localDeclaration(fn, root);
  if (local && segments.length === 1) return valueOf(reader, local, new Set([...seen, call]), fn);
  if (local) {
    // A method that hands back a client, of a client the function holds (`client.db(name)` after
    // `const client = await MongoClient.connect(url)`); what other methods hand back is data.
    if (segments.length !== 2 || !handsBackClient(last)) return UNKNOWN;
    const value = valueOf(reader, local, new Set([...seen, call]), fn);
    return value.type === 'boundary-client' ? value : UNKNOWN;
  }
  const binding = reader.bindings.get(root);
  if (binding?.type === 'local') {
    if (isFunction(binding.node) && segments.length === 1 && call.arguments.some((argument) => isAppAddress(reader, argument, fn, call))) {
      // `apiFetch(url)` on the address the module's server of the app listens on.
      if (returnsRequestSender(reader, binding.node)) return APP_REQUEST_SENDER;
    }
    if (isFunction(binding.node)) return segments.length === 1 ? returnedValue(reader, binding.node, seen) : UNKNOWN;
    if (binding.node.type === AST_NODE_TYPES.ClassDeclaration || binding.node.type === AST_NODE_TYPES.ClassExpression) {
      return nodeExport(reader, binding.node).value;
    }
    // A method of a local value: the value's own kind carries over when it is a client.
    const value = bindingValue(reader, root, binding, new Set([...seen, call]));
    return value.type === 'boundary-client' || value.type === 'app-client' ? value : UNKNOWN;
  }
  if (binding?.type === 'import') {
    const path = binding.imported === '*' || binding.imported === 'default' ? segments.slice(1) : [binding.imported, ...segments.slice(1)];
    const target = projectSummaryOf(reader, binding.specifier);
    if (target === 'unknown') return UNKNOWN;
    if (target === null) {
      const value = packageValue(binding.specifier, binding.imported === 'default' ? ['default', ...segments.slice(1)] : path, call, reader);
      // A database client made over a database made for the caller (`drizzle(new Database(':memory:'))`) is that database.
      if (value.type === 'boundary-client' && value.kind === 'database' && handsFreshDatabase(reader, call, seen, fn)) return FRESH_DATABASE;
      return value;
    }
    const name = binding.imported === '*' ? segments[1] : binding.imported;
    const exported = name ? target.exports.get(name) : undefined;
    if (!exported) return target.complete ? OTHER : UNKNOWN;
    // An adapter handed a fake (`new QueueClient(new FakeProvider())`) talks to the fake; handed
    // one that may be a fake, it may.
    if (exported.value.type === 'boundary-client' && call.arguments.length > 0) {
      const handed = call.arguments.map((argument) => valueOf(reader, argument, new Set([...seen, call]), fn));
      if (handed.some((value) => value.type === 'fake')) return { type: 'fake', kind: exported.value.kind };
      if (handed.includes(FAKE_OR_REAL)) return FAKE_OR_REAL;
    }
    return exported.value;
  }
  return UNKNOWN;
}

const FRESH_DATABASE: ExportValue = { type: 'fresh-database' };

function handsFreshDatabase(reader: Reader, call: TSESTree.CallExpression | TSESTree.NewExpression, seen: Set<Node>, fn: TSESTree.FunctionLike | null): boolean {
  if (call.arguments.length === 0) return false;
  const inner = new Set([...seen, call]);
  return call.arguments.some((argument) => valueOf(reader, argument, inner, fn).type === 'fresh-database');
}

/** What a call into a package hands back: an app client, a boundary client, a fake or a fresh database. */
function packageValue(specifier: string, members: readonly string[], call: TSESTree.CallExpression | TSESTree.NewExpression | null, reader: Reader): ExportValue {
  const calls = TEST_CLIENT_MODULES[specifier];
  const memberPath = members.filter((member) => member !== 'default').join('.');
  if (calls && call && calls.calls.has(memberPath)) return { type: 'app-client' };
  const boundary = lookupBoundary(specifier, CATALOG_ONLY);
  const argumentText = call ? call.arguments.map((argument) => textOf(reader, argument)).join(' ') : '';
  if (boundary?.kind === 'http' && call && HTTP_CLIENT_FACTORIES.has(members[members.length - 1] ?? '') && LOOPBACK.test(argumentText)) {
    return { type: 'app-client' };
  }
  if (!boundary) return OTHER;
  if (boundary.role === 'fake') return { type: 'fake', kind: boundary.kind };
  if (boundary.kind === 'database' && (boundary.role === 'container' || FRESH_NAME.test(argumentText))) return { type: 'fresh-database' };
  // A client that keeps its data in the process unless it is handed a store (`new Keyv()`) reaches no
  // system made without one: as the module's reach says, and as in a test file.
  const storeKeys = storeOptionsOf(specifier);
  if (storeKeys && call && madeWithoutStore(call.arguments, storeKeys, (value, place) => keptInProcess(reader, value, place))) return OTHER;
  return { type: 'boundary-client', kind: boundary.kind };
}

/**
 * `new Map()`, with `Map` the global one (the module binds no name `Map` of its own), or, as a store,
 * an instance of a project module's export read in full that reaches no boundary
 * (`new MemoryStore()`): what a test file's own recogniser takes for a store kept in the process.
 */
function keptInProcess(reader: Reader, node: Node, place: StorePlace): boolean {
  const inner = unwrapExpression(node);
  if (inner.type !== AST_NODE_TYPES.NewExpression || inner.callee.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = reader.bindings.get(inner.callee.name);
  if (inner.callee.name === 'Map' && !binding) return true;
  if (place !== 'store' || binding?.type !== 'import' || binding.imported === '*') return false;
  const target = projectSummaryOf(reader, binding.specifier);
  const exported = target === null || target === 'unknown' ? undefined : target.exports.get(binding.imported);
  return exported !== undefined && exported.value.type === 'other' && exported.boundaryKinds.length === 0;
}

// ---------------------------------------------------------------------------------------------
// Servers of the project's own app, started by a helper

/** Whether a `new` expression is `new Promise((resolve) => …)`, with `Promise` the global one. */
function isPromiseOfExecutor(reader: Reader, node: TSESTree.NewExpression): boolean {
  const [executor] = node.arguments;
  return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise' && !reader.bindings.has('Promise') && executor !== undefined && isFunction(executor);
}

/**
 * What a promise made with `new Promise((resolve) => …)` settles to: the strongest of the values
 * handed to `resolve`, in the executor or in a callback inside it (`server.listen(port, () =>
 * resolve({ server, url }))`). Unknown when `resolve` is never called with a value there, since it
 * may be handed on (`server.listen(port, resolve)`).
 */
function promisedValue(reader: Reader, executor: TSESTree.FunctionLike, seen: Set<Node>): ExportValue {
  const [resolve] = executor.params;
  if (resolve?.type !== AST_NODE_TYPES.Identifier || !executor.body) return UNKNOWN;
  const values: ExportValue[] = [];
  const visit = (fn: TSESTree.FunctionLike): void => {
    if (!fn.body) return;
    const body = fn.body;
    walk(body, (node) => {
      if (node !== body && isFunction(node)) {
        visit(node);
        return false;
      }
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== resolve.name) return undefined;
      const [value] = node.arguments;
      if (value && value.type !== AST_NODE_TYPES.SpreadElement) values.push(valueOf(reader, value, seen, fn));
      return undefined;
    });
  };
  visit(executor);
  return values.length > 0 ? strongest(values) : UNKNOWN;
}

/**
 * The module's outermost functions that start the project's own app on a server:
 * `createServer(app)`, `createSecureServer(options, app)` or `app.listen(port)`, where `app` is
 * what a project module exports or built here around one (`const app = express(); app.use(router)`).
 * A server whose handler is written here and uses nothing of the project's is a stand-in.
 */
function appServersOf(reader: Reader): readonly Node[] {
  if (reader.appServers) return reader.appServers;
  const found: Node[] = [];
  if (/\b(?:createServer|createSecureServer|listen)\b/.test(reader.text)) {
    walk(reader.program as unknown as Node, (node) => {
      if (!isFunction(node)) return undefined;
      if (servesProjectApp(reader, node)) found.push(node);
      return false;
    });
  }
  reader.appServers = found;
  return found;
}

function servesProjectApp(reader: Reader, fn: TSESTree.FunctionLike): boolean {
  let serves = false;
  walk(fn as Node, (node) => {
    if (serves) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const segments = segmentsOf(node.callee);
    const last = segments?.[segments.length - 1];
    if (last === 'createServer' || last === 'createSecureServer') serves = node.arguments.some((argument) => isProjectApp(reader, argument, fn));
    else if (last === 'listen' && node.callee.type === AST_NODE_TYPES.MemberExpression) serves = isProjectApp(reader, node.callee.object, fn);
    return undefined;
  });
  return serves;
}

/** Whether an expression is the project's app: a project module's export, or a value built here from or around one. */
function isProjectApp(reader: Reader, expression: Node, fn: TSESTree.FunctionLike): boolean {
  const root = segmentsOf(expression)?.[0];
  if (!root || root === 'this') return false;
  if (isProjectImport(reader, root)) return true;
  const inFunction = localDeclaration(fn, root, true);
  const binding = inFunction ? null : reader.bindings.get(root);
  const declared = inFunction ?? (binding?.type === 'local' ? binding.node : null);
  if (!declared) return false;
  const made = unwrapExpression(declared);
  if (made.type !== AST_NODE_TYPES.CallExpression && made.type !== AST_NODE_TYPES.NewExpression) return false;
  // `createApp(router)`, `buildApp()` from the project; or `express()` later handed one (`app.use(router)`).
  if (usesProjectImport(reader, made)) return true;
  let handed = false;
  walk((inFunction ? fn : reader.program) as Node, (node) => {
    if (handed) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    if (segmentsOf(node.callee.object)?.[0] !== root || segmentsOf(node.callee)?.length !== 2) return undefined;
    handed = node.arguments.some((argument) => usesProjectImport(reader, argument));
    return undefined;
  });
  return handed;
}

function isProjectImport(reader: Reader, name: string): boolean {
  const binding = reader.bindings.get(name);
  return binding?.type === 'import' && identityOf(reader.identity.file, binding.specifier).type === 'project';
}

/** Whether an expression names an import of a project module: as its callee's root, or in an argument (`createApp(routes)`). */
function usesProjectImport(reader: Reader, expression: Node): boolean {
  const node = unwrapExpression(expression);
  const root = segmentsOf(node)?.[0];
  if (root && isProjectImport(reader, root)) return true;
  return (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && node.arguments.some((argument) => usesProjectImport(reader, argument));
}

/**
 * `const app = new Hono()` whose routes the module takes from the project's code
 * (`app.route('/v1', v1)`, `app.get('/orders', listOrders)` with `v1` and `listOrders` imported from
 * it): the project's app, made by a framework whose apps answer requests in process. `null` for any
 * other value. An app whose handlers the module writes itself is a stand-in, or an example of the
 * project's middleware in front of them (`app.use(useSession())`, then `app.get('/x', (c) => …)`).
 */
function frameworkAppNamed(reader: Reader, name: string, declared: Node, fn: TSESTree.FunctionLike | null): ExportValue | null {
  const made = unwrapExpression(declared);
  if (made.type !== AST_NODE_TYPES.NewExpression && made.type !== AST_NODE_TYPES.CallExpression) return null;
  const segments = segmentsOf(made.callee);
  const binding = segments ? reader.bindings.get(segments[0] as string) : undefined;
  if (!segments || binding?.type !== 'import') return null;
  const app = IN_PROCESS_APPS[binding.specifier];
  const path = binding.imported === '*' ? segments.slice(1) : [binding.imported, ...segments.slice(1)];
  if (!app?.makers.has(path.join('.'))) return null;
  return takesProjectRoutes(reader, name, fn, app.routes) ? { type: 'other', framework: app.framework } : null;
}

/** Whether `name.<route>(…, handler)`, in `fn` or at the module's top level, takes its last argument from the project's code. */
function takesProjectRoutes(reader: Reader, name: string, fn: TSESTree.FunctionLike | null, routes: ReadonlySet<string>): boolean {
  let takes = false;
  walk((fn ?? reader.program) as Node, (node) => {
    if (takes) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const segments = segmentsOf(node.callee);
    const last = node.arguments[node.arguments.length - 1];
    if (segments?.length !== 2 || segments[0] !== name || !routes.has(segments[1] as string) || !last) return undefined;
    takes = usesProjectImport(reader, last);
    return undefined;
  });
  return takes;
}

/**
 * Whether an argument is the address of the project's app: a loopback URL (`http://localhost:${port}`),
 * written in place or held in a `const`, inside a function of the module that starts the app.
 */
function isAppAddress(reader: Reader, argument: Node, fn: TSESTree.FunctionLike | null, call: Node): boolean {
  const [start, end] = offsetsOf(call);
  const inServer = appServersOf(reader).some((server) => {
    const [from, to] = offsetsOf(server);
    return from <= start && end <= to;
  });
  if (!inServer) return false;
  let value: Node | null = unwrapExpression(argument);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const binding = reader.bindings.get(value.name);
    value = localDeclaration(fn, value.name) ?? (binding?.type === 'local' ? binding.node : null);
  }
  if (value?.type !== AST_NODE_TYPES.TemplateLiteral && value?.type !== AST_NODE_TYPES.Literal && value?.type !== AST_NODE_TYPES.BinaryExpression) return false;
  return LOOPBACK.test(textOf(reader, value));
}

/** Whether a function hands back a function that sends HTTP requests: `fetch`, or a client package's call. */
function returnsRequestSender(reader: Reader, fn: TSESTree.FunctionLike): boolean {
  const returned: Node[] = [];
  if (fn.body?.type === AST_NODE_TYPES.BlockStatement) {
    const body = fn.body;
    walk(body, (node) => {
      if (node !== body && isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(unwrapExpression(node.argument));
      return undefined;
    });
  } else if (fn.body) {
    returned.push(unwrapExpression(fn.body));
  }
  return returned.length > 0 && returned.every((value) => isFunction(value) && sendsRequests(reader, value));
}

function sendsRequests(reader: Reader, fn: TSESTree.FunctionLike): boolean {
  let sends = false;
  walk(fn as Node, (node) => {
    if (sends) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const root = segmentsOf(node.callee)?.[0];
    if (!root) return undefined;
    const binding = reader.bindings.get(root);
    if (root === 'fetch' && node.callee.type === AST_NODE_TYPES.Identifier) sends = !binding;
    else if (binding?.type === 'import') {
      const boundary = lookupBoundary(binding.specifier, CATALOG_ONLY);
      sends = boundary?.kind === 'http' && boundary.role !== 'fake';
    }
    return undefined;
  });
  return sends;
}

function offsetsOf(node: Node): readonly [number, number] {
  const offsets = node as Partial<Record<'start' | 'end', number>> & { readonly range?: readonly [number, number] };
  return offsets.range ?? [offsets.start ?? 0, offsets.end ?? 0];
}
