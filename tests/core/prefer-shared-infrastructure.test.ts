import { describe, expect, it } from 'vitest';
import {
  buildsInfrastructure,
  findPerTestBuilds,
  planSharedMove,
  type PerTestBuild,
  type BlockStatement,
  type InfrastructureFacts,
  type TeardownStatement,
} from '../../src/core/prefer-shared-infrastructure';

describe('buildsInfrastructure', () => {
  const base: InfrastructureFacts = {
    opening: 'opens',
    boundary: { kind: 'database', role: 'client' },
    container: false,
    mayCheckOut: false,
    onModule: false,
    guarded: false,
  };
  it.each<[string, Partial<InfrastructureFacts>, boolean]>([
    ['new Pool()', {}, true],
    ['createPool() from a database adapter', { boundary: { kind: 'database', role: 'adapter' } }, true],
    ['new PostgreSqlContainer().start()', { boundary: { kind: 'database', role: 'container' }, container: true }, true],
    ['new GenericContainer("redis").start()', { boundary: null, container: true }, true],
    ['mongoose.connect(url) on the module', { mayCheckOut: true, onModule: true }, true],
    ['pool.connect(): a checkout for a per-test transaction', { mayCheckOut: true }, false],
    ['server.listen() of an msw server: it intercepts in the process, it opens no port', { boundary: { kind: 'http', role: 'fake' } }, false],
    ['new SMTPServer({ onData }).listen(): a fake of the mail service the test answers for', { boundary: { kind: 'email', role: 'fake' } }, false],
    ['environment.up() of a compose environment', { opening: 'opens-container', boundary: null, container: true }, true],
    ['migrator.up(): an up() on something that is not a container', { opening: 'opens-container' }, false],
    ['axios.create(): a cheap HTTP client', { boundary: { kind: 'http', role: 'client' } }, false],
    ['new PaymentClient() of an HTTP adapter', { boundary: { kind: 'http', role: 'adapter' } }, false],
    ['createApp() traced to nothing', { boundary: null }, false],
    ['pool ??= new Pool(): a lazy singleton', { guarded: true }, false],
    ['knex({ connection: { filename: ":memory:" } }): a fresh in-memory database per test', { inMemory: true }, false],
    ['new Pool() of a mocked pg', { mocked: true }, false],
    ['a call whose called segment opens nothing', { opening: null }, false],
  ])('%s', (_label, facts, expected) => {
    expect(buildsInfrastructure({ ...base, ...facts })).toBe(expected);
  });
});

const statement = (partial: Partial<BlockStatement>): BlockStatement => ({
  infrastructure: false,
  movable: false,
  provides: [],
  reads: [],
  builds: [],
  ...partial,
});
const pool = statement({ infrastructure: true, movable: true, provides: ['pool'], builds: ['pool'] });
const truncate = statement({ reads: ['pool'] });
const closePool: TeardownStatement = { closes: ['pool'], movable: true };

describe('planSharedMove', () => {
  it.each<[string, BlockStatement[], TeardownStatement[], string[], ReturnType<typeof planSharedMove>]>([
    ['moves the pool and its teardown, leaves the truncate', [pool, truncate], [closePool], [], { move: [0], teardown: [0] }],
    ['keeps per-test resets among the teardowns', [pool], [{ closes: [], movable: false }, closePool], [], { move: [0], teardown: [1] }],
    ['nothing built, nothing to plan', [truncate], [], [], null],
    ['a statement that stays runs before the pool: moving the pool would reorder them', [statement({}), pool], [closePool], [], null],
    ['infrastructure that cannot move as written', [{ ...pool, movable: false }], [], [], null],
    [
      'infrastructure that reads a value set up by a statement that stays',
      [statement({ provides: ['url'] }), { ...pool, reads: ['url'] }],
      [],
      [],
      null,
    ],
    [
      'a container and the pool built from it move together',
      [statement({ infrastructure: true, movable: true, provides: ['container'], builds: ['container'] }), { ...pool, reads: ['container'] }],
      [],
      [],
      { move: [0, 1], teardown: [] },
    ],
    ['a teardown that also closes something else', [pool], [{ closes: ['pool', 'redis'], movable: true }], [], null],
    ['a teardown that cannot move', [pool], [{ closes: ['pool'], movable: false }], [], null],
    ['the pool is also closed inside a test', [pool], [closePool], ['pool'], null],
    [
      'something made per test from the pool is closed per test (and may close the pool)',
      [pool, statement({ provides: ['repository'], reads: ['pool'] })],
      [{ closes: ['repository'], movable: true }],
      [],
      null,
    ],
    [
      'the same, closed in a place that cannot move',
      [pool, statement({ provides: ['repository'], reads: ['pool'] })],
      [],
      ['repository'],
      null,
    ],
    [
      'connecting the client built in the same block is part of building it',
      [pool, statement({ movable: true, connects: ['pool'] }), truncate],
      [],
      [],
      { move: [0, 1], teardown: [] },
    ],
    [
      'connecting that cannot move keeps the whole move from happening',
      [pool, statement({ connects: ['pool'] })],
      [],
      [],
      null,
    ],
    [
      'a started receiver is torn down with it',
      [statement({ infrastructure: true, movable: true, builds: ['container'] })],
      [{ closes: ['container'], movable: true }],
      [],
      { move: [0], teardown: [0] },
    ],
  ])('%s', (_label, block, teardowns, elsewhere, expected) => {
    expect(planSharedMove(block, teardowns, elsewhere)).toEqual(expected);
  });
});

describe('findPerTestBuilds', () => {
  const build = (partial: Partial<PerTestBuild>): PerTestBuild => ({
    key: 'new Pool()',
    suite: 'suite',
    owner: 'first',
    place: 'test',
    tests: 1,
    shared: [],
    aboutBuilding: false,
    ...partial,
  });
  it.each<[string, PerTestBuild[], ReturnType<typeof findPerTestBuilds>]>([
    ['a beforeEach before two tests', [build({ place: 'hook', owner: 'hook', tests: 2 })], [{ build: 0, tests: 2 }]],
    ['a beforeEach before one test', [build({ place: 'hook', owner: 'hook', tests: 1 })], []],
    ['a beforeEach whose handle the tests change', [build({ place: 'hook', owner: 'hook', tests: 2, reconfigured: true })], []],
    ['the same construction in two tests, reported once at the first', [build({}), build({ owner: 'second' })], [{ build: 0, tests: 2 }]],
    ['twice in the same test', [build({}), build({})], []],
    ['two different constructions, one test each', [build({}), build({ owner: 'second', key: 'new Redis()' })], []],
    ['the same construction in tests of different suites', [build({}), build({ owner: 'second', suite: 'other' })], []],
    ['a test about building it does not count', [build({}), build({ owner: 'second', aboutBuilding: true })], []],
    ['the suite already builds the same thing once', [build({ shared: ['new Pool()'] }), build({ owner: 'second', shared: ['new Pool()'] })], []],
    [
      'one report per suite: the hook wins over repeated tests',
      [build({}), build({ owner: 'second' }), build({ place: 'hook', owner: 'hook', tests: 3 }), build({ place: 'hook', owner: 'hook2', tests: 3 })],
      [{ build: 2, tests: 3 }],
    ],
    [
      'one report for each suite',
      [build({ place: 'hook', owner: 'hook', tests: 2 }), build({ place: 'hook', owner: 'other-hook', suite: 'other', tests: 2 })],
      [{ build: 0, tests: 2 }, { build: 1, tests: 2 }],
    ],
  ])('%s', (_label, builds, expected) => {
    expect(findPerTestBuilds(builds)).toEqual(expected);
  });
});
