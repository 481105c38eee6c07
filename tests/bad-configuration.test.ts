/**
 * Wrong options and wrong settings, for every rule: each stops the run with one message that names
 * what is wrong and what was expected, and never with a stack trace from inside a rule.
 *
 * Options are checked by ESLint against each rule's `meta.schema` before any rule runs, so the cases
 * are derived from the schemas themselves; globs in options, which a schema cannot judge, are
 * compiled by `compileOptionGlobs`. Settings are checked by `src/settings.ts` when a rule starts.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter, type ESLint, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules';

const NAMESPACE = 'integration-tests';
const allRules = rules as unknown as Record<string, Rule.RuleModule>;
const ruleNames = Object.keys(allRules);
const linter = new Linter({ cwd: '/project' });
const FILENAME = 'tests/integration/users.test.ts';

/** Touches everything the rules look at, so each of them reads its options and the settings. */
const SUITE = `
import { Pool } from 'pg';
import request from 'supertest';
import { describe, it, beforeAll, beforeEach, afterAll, vi } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';
import { createApp } from '../../src/app';
vi.mock('pg');
const fixtures = [{ email: 'ada@example.com' }];
let pool: Pool;
describe('users', () => {
  beforeAll(async () => {
    pool = new Pool();
    await pool.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']);
  });
  beforeEach(() => { pool = new Pool(); });
  it('saves', async () => {
    vi.spyOn(UserRepository.prototype, 'save').mockResolvedValue({} as never);
    fixtures.push({ email: 'grace@example.com' });
    await fetch('https://api.stripe.com/v1/charges');
    await request(createApp()).get('/users');
  });
  it('reads', async () => { await pool.query('SELECT * FROM users'); });
  afterAll(() => pool.end());
});
`;

function lint(ruleName: string, options: unknown[], settings: Record<string, unknown> = {}): void {
  linter.verify(
    SUITE,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as unknown as Linter.Parser },
        plugins: { [NAMESPACE]: { rules: allRules } as ESLint.Plugin },
        settings,
        rules: { [`${NAMESPACE}/${ruleName}`]: ['error', ...options] as Linter.RuleEntry },
      },
    ],
    { filename: FILENAME },
  );
}

function thrownBy(fn: () => void): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the configuration to be rejected, but the file was linted');
}

interface PropertySchema {
  readonly type?: string;
  readonly description?: string;
  readonly items?: PropertySchema;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly properties?: Readonly<Record<string, PropertySchema>>;
}

/**
 * Wrong values for a property of this schema, each with what ESLint's message says: the offending
 * value (for a list, the offending item) and what it expected.
 */
function wrongValues(key: string, schema: PropertySchema): Array<[label: string, value: unknown, says: string]> {
  const cases: Array<[string, unknown, string]> = [];
  switch (schema.type) {
    case 'boolean':
      cases.push([`${key} as a string`, 'yes', 'Value "yes" should be boolean.']);
      break;
    case 'string':
      cases.push([`${key} as a number`, 42, 'Value 42 should be string.']);
      if (schema.enum) cases.push([`${key} outside its values`, 'not-a-value', 'Value "not-a-value" should be equal to one of the allowed values.']);
      break;
    case 'number':
    case 'integer':
      cases.push([`${key} as a string`, 'many', `Value "many" should be ${schema.type}.`]);
      if (schema.minimum !== undefined) cases.push([`${key} below its minimum`, schema.minimum - 1, `Value ${schema.minimum - 1} should be >= ${schema.minimum}.`]);
      break;
    case 'object':
      cases.push([`${key} as an array`, [], 'Value [] should be object.']);
      break;
    case 'array':
      cases.push([`${key} as a string`, 'pg', 'Value "pg" should be array.']);
      if (schema.items?.type === 'string') {
        cases.push([`${key} with a number inside`, [42], 'Value 42 should be string.']);
        if (schema.items.enum) {
          cases.push([`${key} with an unknown value`, ['not-a-kind'], 'Value "not-a-kind" should be equal to one of the allowed values.']);
        } else if (schema.items.pattern) {
          cases.push([`${key} with an empty string`, [''], `Value "" should match pattern "${schema.items.pattern}".`]);
          cases.push([`${key} with a malformed name`, ['Not A Kind'], `Value "Not A Kind" should match pattern "${schema.items.pattern}".`]);
        } else {
          // An empty glob or name matches nothing: the schema says so rather than the rule ignoring it.
          cases.push([`${key} with an empty string`, [''], 'Value "" should NOT be shorter than 1 characters.']);
        }
      }
      if (schema.items?.type === 'array' && schema.items.items?.pattern) {
        cases.push([`${key} with a malformed name in a group`, [['database', 'Not A Kind']], `Value "Not A Kind" should match pattern "${schema.items.items.pattern}".`]);
      }
      break;
  }
  return cases;
}

function optionCases(rule: Rule.RuleModule): Array<[string, unknown[], string[]]> {
  const schema = rule.meta?.schema;
  const first = (Array.isArray(schema) ? schema[0] : undefined) as PropertySchema | undefined;
  if (!first) return [['an option the rule does not take', [{ autofix: true }], ['should NOT have more than 0 items']]];
  const properties = Object.keys(first.properties ?? {});
  const expected = properties.map((property) => `"${property}"`).join(', ');
  const cases: Array<[string, unknown[], string[]]> = [
    ['options that are not an object', ['yes'], ['Value "yes" should be object.']],
    ['an unknown key', [{ autofx: true }], ['Unexpected property "autofx".', `Expected properties: ${expected}.`]],
    ['a second options object', [{}, {}], ['should NOT have more than 1 items']],
  ];
  for (const [key, property] of Object.entries(first.properties ?? {})) {
    for (const [label, value, says] of wrongValues(key, property)) cases.push([label, [{ [key]: value }], [says]]);
  }
  return cases;
}

describe.skipIf(ruleNames.length === 0).each(ruleNames)('options of %s', (name) => {
  it.each(optionCases(allRules[name]!))('rejects %s', (_label, options, words) => {
    const error = thrownBy(() => lint(name, options));
    expect(error.message.startsWith(`Key "rules": Key "${NAMESPACE}/${name}":\n`)).toBe(true);
    for (const word of words) expect(error.message).toContain(word);
    // ESLint rejects the config before any rule runs: no frame from the plugin's rules.
    expect(error.stack).not.toMatch(/src[\\/]rules[\\/]/);
  });

  // A glob that does not compile passes the schema (it is a string); the rule names it instead.
  const globLists = Object.entries(((allRules[name]!.meta?.schema as PropertySchema[] | undefined)?.[0]?.properties ?? {}) as Record<string, PropertySchema>)
    .filter(([, property]) => property.type === 'array' && property.items?.type === 'string' && /glob/i.test(property.description ?? ''))
    .map(([key]) => key);
  it.skipIf(globLists.length === 0).each(globLists)('rejects %s with a glob that does not compile', (key) => {
    const error = thrownBy(() => lint(name, [{ [key]: ['src/**', 'src/{db,repositories/**'] }]));
    const message = `Invalid option ${key}[1] of ${NAMESPACE}/${name}: expected a valid glob, got the string "src/{db,repositories/**".`;
    expect(error.name).toBe('InvalidOptionError');
    expect(error.message).toContain(message);
    expect(error.stack).toBe(`InvalidOptionError: ${message}`);
  });

  // Boundary kinds in options are checked against the catalog and the settings: a typo fails loudly.
  const kindOptions = Object.entries(((allRules[name]!.meta?.schema as PropertySchema[] | undefined)?.[0]?.properties ?? {}) as Record<string, PropertySchema>)
    .filter(([, property]) => property.type === 'array' && /kind/i.test(property.description ?? ''))
    .map(([key, property]) => (property.items?.type === 'array' ? ([key, [['database', 'databse']], `${key}[0][1]`] as const) : ([key, ['databse'], `${key}[0]`] as const)));
  it.skipIf(kindOptions.length === 0).each(kindOptions)('rejects %s naming an unknown boundary kind', (key, value, at) => {
    const error = thrownBy(() => lint(name, [{ [key]: value }]));
    expect(error.name).toBe('InvalidOptionError');
    expect(error.stack).toMatch(new RegExp(`^InvalidOptionError: Invalid option ${at.replace(/[[\]]/g, '\\$&')} of ${NAMESPACE}/${name}: expected a boundary kind \\(cache, database, email, http, queue, storage; more can be declared under settings\\['${NAMESPACE}'\\]\\.boundaries\\), got the string "databse"\\.$`));
  });

  it.skipIf(kindOptions.length === 0).each(kindOptions)('accepts %s naming a kind declared in settings', (key) => {
    const declared = { [NAMESPACE]: { boundaries: { databse: ['src/legacy/**'] } } };
    expect(() => lint(name, [{ [key]: kindOptions.find(([candidate]) => candidate === key)![1] }], declared)).not.toThrow();
  });

  it('accepts its defaults and autofix', () => {
    const autofix = (allRules[name]!.meta?.schema as PropertySchema[] | undefined)?.[0]?.properties?.autofix;
    expect(() => lint(name, autofix ? [{ autofix: true }] : [])).not.toThrow();
  });
});

const BAD_SETTINGS: ReadonlyArray<[string, unknown, string]> = [
  ['settings that are not an object', 'pg', `Invalid settings['integration-tests'].: expected an object, got the string "pg".`],
  ['an unknown key', { boundary: { database: ['src/db/**'] } }, `Invalid settings['integration-tests'].boundary: expected one of the keys boundaries, ignore, endpointClients, aliases (unknown key), got an object.`],
  ['boundaries as an array', { boundaries: ['pg'] }, `Invalid settings['integration-tests'].boundaries: expected an object mapping a boundary kind to an array of globs, got an array (["pg"]).`],
  ['a kind that is not a kind name', { boundaries: { 'Data Base': ['src/db/**'] } }, `Invalid settings['integration-tests'].boundaries.Data Base: expected a lower-case kind name such as "database", got the string "Data Base".`],
  ['a kind with one glob instead of a list', { boundaries: { database: 'src/db/**' } }, `Invalid settings['integration-tests'].boundaries.database: expected an array of globs, got the string "src/db/**".`],
  ['an empty glob', { boundaries: { database: [''] } }, `Invalid settings['integration-tests'].boundaries.database[0]: expected a non-empty glob string, got the string "".`],
  ['invalid glob syntax', { boundaries: { database: ['src/{db,repositories/**'] } }, `Invalid settings['integration-tests'].boundaries.database[0]: expected a valid glob, got the string "src/{db,repositories/**".`],
  ['ignore as a string', { ignore: 'lodash' }, `Invalid settings['integration-tests'].ignore: expected an array of globs, got the string "lodash".`],
  ['an empty ignore glob', { ignore: ['  '] }, `Invalid settings['integration-tests'].ignore[0]: expected a non-empty glob string, got the string "  ".`],
  ['endpointClients as null', { endpointClients: null }, `Invalid settings['integration-tests'].endpointClients: expected an array of globs, got null.`],
  ['an endpoint client glob that is not a string', { endpointClients: [true] }, `Invalid settings['integration-tests'].endpointClients[0]: expected a non-empty glob string, got boolean true.`],
  ['an alias to an unknown function', { aliases: { scenario: 'it' } }, `Invalid settings['integration-tests'].aliases.scenario: expected one of describe, test, beforeAll, beforeEach, afterEach, afterAll, got the string "it".`],
  ['aliases as a list', { aliases: ['scenario'] }, `Invalid settings['integration-tests'].aliases: expected an object mapping a function name to one of describe, test, beforeAll, beforeEach, afterEach, afterAll, got an array (["scenario"]).`],
];

describe.skipIf(ruleNames.length === 0).each(ruleNames)('settings read by %s', (name) => {
  it.each(BAD_SETTINGS)('rejects %s with one line', (_label, value, message) => {
    const error = thrownBy(() => lint(name, [], { [NAMESPACE]: value }));
    expect(error.name).toBe('InvalidSettingsError');
    expect(error.message).toContain(message);
    // What the ESLint command line prints for a crash: here, the one line and no stack frames.
    expect(error.stack).toBe(`InvalidSettingsError: ${message}`);
  });
});
