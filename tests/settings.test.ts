import { describe, expect, it } from 'vitest';
import { InvalidOptionError, InvalidSettingsError, checkOptionKinds, compileOptionGlobs, getSettings, parseSettings } from '../src/settings';

describe('parseSettings', () => {
  it('accepts a full, valid settings object', () => {
    const settings = parseSettings({
      boundaries: { database: ['src/repositories/**'], search: ['@elastic/elasticsearch'] },
      ignore: ['lodash'],
      endpointClients: ['tests/support/api-client'],
      aliases: { scenario: 'test', feature: 'describe' },
    });
    expect(settings.boundaries.map((entry) => [entry.kind, entry.pattern])).toEqual([
      ['database', 'src/repositories/**'],
      ['search', '@elastic/elasticsearch'],
    ]);
    expect(settings.ignore('lodash')).toBe(true);
    expect(settings.ignore('pg')).toBe(false);
    expect(settings.aliases.get('scenario')).toBe('test');
  });

  it('accepts missing settings', () => {
    expect(parseSettings(undefined).boundaries).toEqual([]);
  });

  it.each([
    [{ boundaries: { database: 'src/db' } }, `Invalid settings['integration-tests'].boundaries.database: expected an array of globs, got the string "src/db".`],
    [{ boundaries: ['pg'] }, `Invalid settings['integration-tests'].boundaries: expected an object mapping a boundary kind to an array of globs, got an array (["pg"]).`],
    [{ boundaries: { Database: ['x'] } }, `Invalid settings['integration-tests'].boundaries.Database: expected a lower-case kind name such as "database", got the string "Database".`],
    [{ boundaries: { database: [''] } }, `Invalid settings['integration-tests'].boundaries.database[0]: expected a non-empty glob string, got the string "".`],
    [{ boundaries: { database: [42] } }, `Invalid settings['integration-tests'].boundaries.database[0]: expected a non-empty glob string, got number 42.`],
    [{ boundaries: { database: ['src/{db,repositories/**'] } }, `Invalid settings['integration-tests'].boundaries.database[0]: expected a valid glob, got the string "src/{db,repositories/**".`],
    [{ endpointClients: ['tests/[z-a]/client'] }, `Invalid settings['integration-tests'].endpointClients[0]: expected a valid glob, got the string "tests/[z-a]/client".`],
    [{ ignore: 'lodash' }, `Invalid settings['integration-tests'].ignore: expected an array of globs, got the string "lodash".`],
    [{ endpointClients: null }, `Invalid settings['integration-tests'].endpointClients: expected an array of globs, got null.`],
    [{ aliases: { scenario: 'it' } }, `Invalid settings['integration-tests'].aliases.scenario: expected one of describe, test, beforeAll, beforeEach, afterEach, afterAll, got the string "it".`],
    [{ boundary: {} }, `Invalid settings['integration-tests'].boundary: expected one of the keys boundaries, ignore, endpointClients, aliases (unknown key), got an object.`],
    ['pg', `Invalid settings['integration-tests'].: expected an object, got the string "pg".`],
  ])('rejects %j with one clear message', (raw, message) => {
    expect(() => parseSettings(raw)).toThrow(new InvalidSettingsError('x', 0, 'y').constructor as typeof Error);
    expect(() => parseSettings(raw)).toThrowError(message);
  });

  it('has no stack frames from inside the plugin in its stack', () => {
    try {
      parseSettings({ ignore: 1 });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).stack).toBe(`InvalidSettingsError: ${(error as Error).message}`);
    }
  });
});

describe('getSettings', () => {
  it('parses each settings object once', () => {
    const shared = { 'integration-tests': { ignore: ['lodash'] } };
    expect(getSettings(shared)).toBe(getSettings(shared));
  });
});

describe('compileOptionGlobs', () => {
  it('compiles each list once and matches like the settings globs', () => {
    const compiled = compileOptionGlobs('no-boundary-mock', 'allow', ['src/db/**', '@acme/*']);
    expect(compileOptionGlobs('no-boundary-mock', 'allow', ['src/db/**', '@acme/*'])).toBe(compiled);
    expect(compiled.map((entry) => [entry.pattern, entry.match('src/db/pool.ts'), entry.match('@acme/db')])).toEqual([
      ['src/db/**', true, false],
      ['@acme/*', false, true],
    ]);
  });

  it.each([
    ['src/{db,repositories/**', 0],
    ['tests/[z-a]/**', 1],
  ])('names the rule, the option and the pattern %s that does not compile', (pattern, index) => {
    const patterns = index === 0 ? [pattern] : ['src/**', pattern];
    const message = `Invalid option allow[${index}] of integration-tests/some-rule: expected a valid glob, got the string ${JSON.stringify(pattern)}.`;
    expect(() => compileOptionGlobs('some-rule', 'allow', patterns)).toThrow(new InvalidOptionError('some-rule', `allow[${index}]`, pattern, 'a valid glob'));
    expect(() => compileOptionGlobs('some-rule', 'allow', patterns)).toThrowError(message);
  });
});

describe('checkOptionKinds', () => {
  const settings = parseSettings({ boundaries: { search: ['@elastic/elasticsearch'] } });

  it('accepts catalog kinds and kinds the settings declare', () => {
    expect(() => checkOptionKinds('some-rule', [['ignoreKinds[0]', 'cache'], ['ignoreKinds[1]', 'search']], settings)).not.toThrow();
  });

  it('names the option and the kinds it could have been', () => {
    expect(() => checkOptionKinds('some-rule', [['ignoreKinds[0]', 'cache'], ['ignoreKinds[1]', 'serach']], settings)).toThrowError(
      `Invalid option ignoreKinds[1] of integration-tests/some-rule: expected a boundary kind (cache, database, email, http, queue, search, storage; more can be declared under settings['integration-tests'].boundaries), got the string "serach".`,
    );
  });
});
