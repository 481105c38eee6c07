import { describe, expect, it } from 'vitest';
import {
  cleanupComment,
  cleanupOf,
  findUncleanedWrite,
  writeOf,
  type CleanupFacts,
  type CleanupFileFacts,
  type PlacedCleanup,
  type PlacedWrite,
  type WriteFacts,
} from '../../src/core/require-cleanup';

const client = (kind: string) => ({ kind, role: 'client' as const });

describe('writeOf', () => {
  it.each<[string, WriteFacts, ReturnType<typeof writeOf>]>([
    ['a method on a database client', { target: 'receiver', boundary: client('database') }, { kind: 'database' }],
    ['a method on a user adapter', { target: 'receiver', boundary: { kind: 'database', role: 'adapter' } }, { kind: 'database' }],
    ['a set on a cache client', { target: 'receiver', boundary: client('cache') }, { kind: 'cache' }],
    ['a method on something that is not a boundary (a Map)', { target: 'receiver', boundary: null }, null],
    ['a helper handed a boundary value', { target: 'argument', boundary: client('database') }, { kind: 'database' }],
    ['a helper handed nothing traceable', { target: 'argument', boundary: null }, null],
    ['INSERT SQL on an untraced receiver', { target: 'named', boundary: null }, { kind: null }],
    ['INSERT SQL on a traced pool', { target: 'named', boundary: client('database') }, { kind: 'database' }],
    ['a POST through an HTTP client (a fake answers it)', { target: 'receiver', boundary: client('http') }, null],
    ['an email through a mail client', { target: 'receiver', boundary: client('email') }, null],
    ['a call on an HTTP fake', { target: 'receiver', boundary: { kind: 'http', role: 'fake' } }, null],
    ['a call on a container', { target: 'receiver', boundary: { kind: 'database', role: 'container' } }, null],
  ])('%s', (_label, facts, expected) => {
    expect(writeOf(facts)).toEqual(expected);
  });
});

describe('cleanupOf', () => {
  const base: CleanupFacts = { role: 'cleanup', boundary: null, container: null, fromUnrelatedPackage: false };
  it.each<[string, Partial<CleanupFacts>, ReturnType<typeof cleanupOf>]>([
    ['a truncate in a hook, receiver traced', { boundary: client('database') }, { kind: 'database' }],
    ['a named cleanup helper', {}, { kind: null }],
    ['a cleanup helper from an unrelated package', { fromUnrelatedPackage: true }, null],
    ['stopping a Redis container', { role: 'stop', container: { kind: 'cache' } }, { kind: 'cache' }],
    ['stopping a generic container', { role: 'stop', container: { kind: null } }, { kind: null }],
    ['stopping something that is not a container (a server)', { role: 'stop' }, null],
    ['closing a connection', { role: 'close', boundary: client('database') }, null],
  ])('%s', (_label, facts, expected) => {
    expect(cleanupOf({ ...base, ...facts })).toEqual(expected);
  });
});

describe('findUncleanedWrite', () => {
  const write = (kind: string | null, extra: Partial<PlacedWrite> = {}): PlacedWrite => ({
    write: { kind },
    place: 'test',
    test: 0,
    suites: [],
    at: 100,
    ...extra,
  });
  const cleanup = (kind: string | null, extra: Partial<PlacedCleanup> = {}): PlacedCleanup => ({
    cleanup: { kind },
    place: 'elsewhere',
    test: null,
    suite: null,
    at: 0,
    ...extra,
  });
  const facts = (writes: PlacedWrite[], cleanups: PlacedCleanup[], extra: Partial<CleanupFileFacts> = {}): CleanupFileFacts => ({
    writes,
    cleanups,
    throwawayKinds: new Set(),
    unseenHooks: false,
    ...extra,
  });
  const index = (result: ReturnType<typeof findUncleanedWrite>) => result?.index ?? -1;

  it.each<[string, Array<string | null>, Array<string | null>, number]>([
    ['no cleanup at all', ['database', 'database'], [], 0],
    ['a cleanup of the same kind', ['database'], ['database'], -1],
    ['a cleanup of unknown kind covers every write', ['database', 'cache'], [null], -1],
    ['a write of unknown kind is covered by any cleanup', [null], ['cache'], -1],
    ['the database is never cleaned, only the cache', ['cache', 'database'], ['cache'], 1],
  ])('%s', (_label, writes, cleanups, expected) => {
    expect(index(findUncleanedWrite(facts(writes.map((kind) => write(kind)), cleanups.map((kind) => cleanup(kind)))))).toBe(expected);
  });

  it('stays silent when hooks may be registered out of sight', () => {
    expect(findUncleanedWrite(facts([write('database')], [], { unseenHooks: true }))).toBeNull();
  });

  it('leaves data written once for the suite to no-shared-test-data', () => {
    expect(findUncleanedWrite(facts([write('database', { place: 'once', test: null })], []))).toBeNull();
  });

  it('counts a store the file throws away (in memory, made fresh) as cleaned', () => {
    const throwaway = { throwawayKinds: new Set(['database']) };
    expect(findUncleanedWrite(facts([write('database'), write(null)], [], throwaway))).toBeNull();
    expect(index(findUncleanedWrite(facts([write('database'), write('cache')], [], throwaway)))).toBe(1);
  });

  it('counts a delete later in the same test as cleanup of the write it names, and of no other', () => {
    const written = write('database', { at: 100, subject: { store: 'sql:orders', keys: ['orderId@1'] } });
    const other = write('database', { at: 120, subject: { store: 'sql:orders', keys: ['otherId@2'] } });
    const removes = (subject: PlacedCleanup['subject'], extra: Partial<PlacedCleanup> = {}) => cleanup('database', { place: 'test', test: 0, at: 200, subject, ...extra });
    expect(findUncleanedWrite(facts([written], [removes({ store: 'sql:orders', keys: ['orderId@1'] })]))).toBeNull();
    expect(index(findUncleanedWrite(facts([written, other], [removes({ store: 'sql:orders', keys: ['orderId@1'] })])))).toBe(1);
    // Another table, another key, another test: not what was written.
    expect(index(findUncleanedWrite(facts([written], [removes({ store: 'sql:order_lines', keys: ['orderId@1'] })])))).toBe(0);
    expect(index(findUncleanedWrite(facts([written], [removes({ store: 'sql:orders', keys: ['someId@3'] })])))).toBe(0);
    expect(index(findUncleanedWrite(facts([written], [removes({ store: 'sql:orders', keys: ['orderId@1'] }, { test: 1 })])))).toBe(0);
    // A delete that also filters by a value the write did not use picks other rows.
    expect(index(findUncleanedWrite(facts([written], [removes({ store: 'sql:orders', keys: ['orderId@1', 'lineId@4'] })])))).toBe(0);
    // A delete made on the row the write handed back, whatever it is called on.
    expect(findUncleanedWrite(facts([written], [removes({ store: 'order', keys: [], row: 'orderId@1' })]))).toBeNull();
    expect(index(findUncleanedWrite(facts([written], [removes(null)])))).toBe(0);
    // A function of the project's that deletes, handed the write's keys, may delete from any table.
    expect(findUncleanedWrite(facts([written], [removes({ store: 'deleteOrder', keys: ['orderId@1'], anyStore: true })]))).toBeNull();
    expect(index(findUncleanedWrite(facts([written], [removes({ store: 'deleteOrder', keys: ['someId@3'], anyStore: true })])))).toBe(0);
    expect(index(findUncleanedWrite(facts([written], [removes({ store: 'deleteOrder', keys: [], anyStore: true })])))).toBe(0);
  });

  it('counts a reset in a test only for the writes after it in that same test', () => {
    const reset = cleanup(null, { place: 'test', test: 0, at: 50 });
    expect(findUncleanedWrite(facts([write('database', { at: 60 })], [reset]))).toBeNull();
    expect(index(findUncleanedWrite(facts([write('database', { at: 40 })], [reset])))).toBe(0);
    expect(index(findUncleanedWrite(facts([write('database', { test: 1, at: 60 })], [reset])))).toBe(0);
  });

  it('counts a reset before the suite only when a single test of that suite writes', () => {
    const reset = cleanup('database', { place: 'before-all', suite: 7 });
    const lone = [write('database', { suites: [7] }), write('database', { suites: [7], at: 120 })];
    expect(findUncleanedWrite(facts(lone, [reset]))).toBeNull();
    const two = [write('database', { suites: [7] }), write('database', { test: 1, suites: [7], at: 300 })];
    expect(index(findUncleanedWrite(facts(two, [reset])))).toBe(0);
    // Tests of another suite do not count against it.
    const apart = [write('database', { suites: [7] }), write('database', { test: 1, suites: [8], at: 300 })];
    expect(index(findUncleanedWrite(facts(apart, [reset])))).toBe(1);
  });

  it('tells whether the file already resets before each test', () => {
    const result = findUncleanedWrite(facts([write('cache')], [cleanup('database', { place: 'before-each' })]));
    expect(result).toEqual({ index: 0, resetsBeforeEach: true, resetOnce: null });
  });

  it('tells when the store is reset only once, before a suite in which several tests write', () => {
    const writes = [write('database', { place: 'test', test: 1, suites: [0] }), write('database', { place: 'test', test: 2, suites: [0] })];
    const result = findUncleanedWrite(facts(writes, [cleanup('database', { place: 'before-all', suite: 0 })]));
    expect(result).toEqual({ index: 0, resetsBeforeEach: false, resetOnce: { writingTests: 2, scope: 'suite' } });
  });

  it('says nothing of a reset once when it resets another kind of store', () => {
    const writes = [write('database', { place: 'test', test: 1 }), write('database', { place: 'test', test: 2 })];
    const result = findUncleanedWrite(facts(writes, [cleanup('cache', { place: 'before-all', suite: null })]));
    expect(result?.resetOnce).toBeNull();
  });
});

describe('cleanupComment', () => {
  it.each<[string | null, string | null, string, string]>([
    ['database', 'pool', 'pool.query()', 'Remove what each test wrote through `pool`: truncate the tables it wrote to, or roll back a per-test transaction.'],
    ['cache', 'redis', 'redis.set()', 'Remove what each test wrote through `redis`: flush the keys it set.'],
    ['queue', 'channel', 'channel.publish()', 'Remove what each test wrote through `channel`: purge the queues it published to.'],
    ['storage', 's3', 's3.putObject()', 'Remove what each test wrote through `s3`: delete the objects it uploaded.'],
    [null, null, 'seedUsers()', 'Remove what each test wrote with `seedUsers()`: delete what it created.'],
  ])('%s through %s', (kind, name, call, expected) => {
    expect(cleanupComment({ kind }, name, call)).toBe(expected);
  });
});
