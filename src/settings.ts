import picomatch from 'picomatch';
import { KNOWN_KINDS } from './core/catalog';

/** The key under `settings` that this plugin reads. */
export const SETTINGS_KEY = 'integration-tests';

/** Test-framework names an alias may stand for. */
export const ALIAS_TARGETS = [
  'describe',
  'test',
  'beforeAll',
  'beforeEach',
  'afterEach',
  'afterAll',
] as const;
export type AliasTarget = (typeof ALIAS_TARGETS)[number];

/** `settings['integration-tests']` as a user writes it. */
export interface IntegrationTestsSettings {
  /** User adapters and extra modules, by boundary kind. Globs match specifiers and resolved paths. */
  boundaries?: Record<string, readonly string[]>;
  /** Specifiers (or globs) never treated as boundaries. */
  ignore?: readonly string[];
  /** Extra modules whose calls drive the application over HTTP. */
  endpointClients?: readonly string[];
  /** Project-specific names for test-framework functions, e.g. `{ scenario: 'test' }`. */
  aliases?: Record<string, AliasTarget>;
}

/** Settings after validation, with matchers compiled once. */
export interface ResolvedSettings {
  readonly boundaries: ReadonlyArray<{
    readonly kind: string;
    readonly pattern: string;
    readonly match: (path: string) => boolean;
  }>;
  readonly ignore: (specifier: string) => boolean;
  readonly endpointClients: ReadonlyArray<{ readonly pattern: string; readonly match: (path: string) => boolean }>;
  readonly aliases: ReadonlyMap<string, AliasTarget>;
}

/** A settings problem, reported with the key path, the value and what was expected. */
export class InvalidSettingsError extends Error {
  constructor(key: string, value: unknown, expected: string) {
    super(
      `Invalid settings['${SETTINGS_KEY}'].${key}: expected ${expected}, got ${describeValue(value)}.`,
    );
    this.name = 'InvalidSettingsError';
    // The problem is in the user's config, not in our code: a stack trace would only distract.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * A rule option its schema cannot judge, such as a glob that does not compile. Reported like a
 * settings problem: the rule, the option, the value and what was expected, without a stack trace.
 */
export class InvalidOptionError extends Error {
  constructor(rule: string, key: string, value: unknown, expected: string) {
    super(`Invalid option ${key} of ${SETTINGS_KEY}/${rule}: expected ${expected}, got ${describeValue(value)}.`);
    this.name = 'InvalidOptionError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** A value as an error message shows it: its type, and its text where it is short. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const KNOWN_KEYS = ['boundaries', 'ignore', 'endpointClients', 'aliases'] as const;
const KIND_NAME = /^[a-z][a-z0-9-]*$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compileGlob(key: string, pattern: unknown): (path: string) => boolean {
  if (typeof pattern !== 'string' || pattern.trim() === '') {
    throw new InvalidSettingsError(key, pattern, 'a non-empty glob string');
  }
  try {
    // `debug` makes picomatch throw on a pattern it cannot compile (`src/{db`, `[z-a]`) instead of
    // returning a matcher that silently matches nothing.
    return picomatch(pattern, { dot: true, debug: true });
  } catch {
    throw new InvalidSettingsError(key, pattern, 'a valid glob');
  }
}

function globList(key: string, value: unknown): Array<{ pattern: string; match: (path: string) => boolean }> {
  if (!Array.isArray(value)) {
    throw new InvalidSettingsError(key, value, 'an array of globs');
  }
  return value.map((pattern, index) => ({
    pattern: String(pattern),
    match: compileGlob(`${key}[${index}]`, pattern),
  }));
}

const optionGlobCache = new Map<string, ReadonlyArray<{ pattern: string; match: (path: string) => boolean }>>();

/**
 * Compiles the globs of a rule option (`allow: ['src/db/**']`) once per list. A pattern that does
 * not compile throws {@link InvalidOptionError} naming the rule and the option, instead of
 * silently matching nothing; the schema has already checked the types.
 */
export function compileOptionGlobs(rule: string, key: string, patterns: readonly string[]): ReadonlyArray<{ pattern: string; match: (path: string) => boolean }> {
  const cacheKey = `${rule}\0${key}\0${patterns.join('\0')}`;
  let compiled = optionGlobCache.get(cacheKey);
  if (!compiled) {
    compiled = patterns.map((pattern, index) => {
      try {
        return { pattern, match: picomatch(pattern, { dot: true, debug: true }) };
      } catch {
        throw new InvalidOptionError(rule, `${key}[${index}]`, pattern, 'a valid glob');
      }
    });
    optionGlobCache.set(cacheKey, compiled);
  }
  return compiled;
}

/**
 * Checks boundary kinds named in a rule option (`ignoreKinds: ['cache']`): each must be a kind the
 * catalog knows or one the settings declare, so a typo fails loudly instead of matching nothing.
 * `kinds` holds each name with the option key it came from (`ignoreKinds[0]`).
 */
export function checkOptionKinds(rule: string, kinds: ReadonlyArray<readonly [key: string, kind: string]>, settings: ResolvedSettings): void {
  if (kinds.length === 0) return;
  const known = new Set([...KNOWN_KINDS, ...settings.boundaries.map((entry) => entry.kind)]);
  for (const [key, kind] of kinds) {
    if (!known.has(kind)) {
      throw new InvalidOptionError(rule, key, kind, `a boundary kind (${[...known].sort().join(', ')}; more can be declared under settings['${SETTINGS_KEY}'].boundaries)`);
    }
  }
}

/** Validates raw settings. Throws {@link InvalidSettingsError} naming the first bad key. */
export function parseSettings(raw: unknown): ResolvedSettings {
  if (raw === undefined) return EMPTY_SETTINGS;
  if (!isPlainObject(raw)) {
    throw new InvalidSettingsError('', raw, 'an object');
  }
  for (const key of Object.keys(raw)) {
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      throw new InvalidSettingsError(key, raw[key], `one of the keys ${KNOWN_KEYS.join(', ')} (unknown key)`);
    }
  }

  const boundaries: Array<{ kind: string; pattern: string; match: (path: string) => boolean }> = [];
  if (raw.boundaries !== undefined) {
    if (!isPlainObject(raw.boundaries)) {
      throw new InvalidSettingsError('boundaries', raw.boundaries, 'an object mapping a boundary kind to an array of globs');
    }
    for (const [kind, patterns] of Object.entries(raw.boundaries)) {
      if (!KIND_NAME.test(kind)) {
        throw new InvalidSettingsError(`boundaries.${kind}`, kind, 'a lower-case kind name such as "database"');
      }
      for (const entry of globList(`boundaries.${kind}`, patterns)) boundaries.push({ kind, ...entry });
    }
  }

  const ignoreMatchers = raw.ignore === undefined ? [] : globList('ignore', raw.ignore);
  const endpointClients = raw.endpointClients === undefined ? [] : globList('endpointClients', raw.endpointClients);

  const aliases = new Map<string, AliasTarget>();
  if (raw.aliases !== undefined) {
    if (!isPlainObject(raw.aliases)) {
      throw new InvalidSettingsError('aliases', raw.aliases, 'an object mapping a function name to one of ' + ALIAS_TARGETS.join(', '));
    }
    for (const [name, target] of Object.entries(raw.aliases)) {
      if (!(ALIAS_TARGETS as readonly unknown[]).includes(target)) {
        throw new InvalidSettingsError(`aliases.${name}`, target, `one of ${ALIAS_TARGETS.join(', ')}`);
      }
      aliases.set(name, target as AliasTarget);
    }
  }

  return {
    boundaries,
    ignore: (specifier) => ignoreMatchers.some((entry) => entry.match(specifier)),
    endpointClients,
    aliases,
  };
}

const EMPTY_SETTINGS: ResolvedSettings = {
  boundaries: [],
  ignore: () => false,
  endpointClients: [],
  aliases: new Map(),
};

const cache = new WeakMap<object, ResolvedSettings>();

/**
 * The plugin's settings for a lint run. ESLint hands every file of a config the same settings
 * object, so they are parsed and validated once per config, not once per file or rule.
 */
export function getSettings(settings: Readonly<Record<string, unknown>> | undefined): ResolvedSettings {
  if (!settings) return EMPTY_SETTINGS;
  const cached = cache.get(settings);
  if (cached) return cached;
  const resolved = parseSettings(settings[SETTINGS_KEY]);
  cache.set(settings, resolved);
  return resolved;
}
