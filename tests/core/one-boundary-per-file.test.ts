import { describe, expect, it } from 'vitest';
import { describeBoundaries, findTooManyBoundaries, type BoundaryUse, type OneBoundaryOptions } from '../../src/core/one-boundary-per-file';

/** `database@3:pg` is a use of kind `database` on line 3 through module `pg`. */
function uses(...written: string[]): Array<BoundaryUse<string>> {
  return written.map((entry) => {
    const separator = entry.indexOf(':');
    const kindAndLine = entry.slice(0, separator);
    const via = entry.slice(separator + 1);
    const [kind = '', line = '0'] = kindAndLine.split('@');
    // `queue@3:bullmq~redis`: the use runs on the system after `~`.
    const [module = '', system = null] = via.split('~');
    return { kind, via: module, system, line: Number(line), offset: Number(line) * 100, at: entry };
  });
}

const defaults: OneBoundaryOptions = { max: 1, allowTogether: [], ignoreKinds: [] };

function judge(written: string[], options: Partial<OneBoundaryOptions> = {}, mocked: string[] = []) {
  const found = findTooManyBoundaries(uses(...written), new Set(mocked), { ...defaults, ...options });
  return found && { at: found.at, boundaries: describeBoundaries(found.boundaries) };
}

describe('findTooManyBoundaries', () => {
  it.each<[string, string[], Partial<OneBoundaryOptions>, string[], ReturnType<typeof judge>]>([
    ['two kinds', ['database@1:pg', 'http@2:nock'], {}, [], { at: 'http@2:nock', boundaries: 'database (line 1), http (line 2)' }],
    ['uses out of order', ['http@9:global:fetch', 'database@1:pg'], {}, [], { at: 'http@9:global:fetch', boundaries: 'database (line 1), http (line 9)' }],
    ['three kinds, reported at the second', ['database@1:pg', 'cache@2:ioredis', 'queue@3:amqplib'], {}, [], { at: 'cache@2:ioredis', boundaries: 'database (line 1), cache (line 2), queue (line 3)' }],
    ['three kinds over max 2, at the third', ['database@1:pg', 'cache@2:ioredis', 'queue@3:amqplib'], { max: 2 }, [], { at: 'queue@3:amqplib', boundaries: 'database (line 1), cache (line 2), queue (line 3)' }],
    ['a group and another kind', ['database@1:pg', 'cache@2:ioredis', 'http@5:nock'], { allowTogether: [['database', 'cache']] }, [], { at: 'http@5:nock', boundaries: 'database (line 1) + cache (line 2), http (line 5)' }],
    ['a queue on Redis, a Redis client and a database', ['queue@1:bullmq~redis', 'cache@2:ioredis~redis', 'database@4:pg~postgres'], {}, [], { at: 'database@4:pg~postgres', boundaries: 'redis: queue (line 1) + cache (line 2), database (line 4)' }],
    ['a job queue on Postgres beside a Redis cache', ['queue@1:pg-boss~postgres', 'cache@2:ioredis~redis'], {}, [], { at: 'cache@2:ioredis~redis', boundaries: 'queue (line 1), cache (line 2)' }],
    ['a mock of one module only', ['database@1:pg', 'http@2:axios', 'http@3:nock'], {}, ['axios'], { at: 'http@3:nock', boundaries: 'database (line 1), http (line 3)' }],
  ])('reports %s', (_label, written, options, mocked, expected) => {
    expect(judge(written, options, mocked)).toEqual(expected);
  });

  it.each<[string, string[], Partial<OneBoundaryOptions>, string[]]>([
    ['one kind from two modules', ['database@1:pg', 'database@2:knex'], {}, []],
    ['an HTTP client and its fake', ['http@1:axios', 'http@2:nock'], {}, []],
    ['two kinds with max 2', ['database@1:pg', 'cache@2:ioredis'], { max: 2 }, []],
    ['two kinds allowed together', ['database@1:pg', 'cache@2:ioredis'], { allowTogether: [['database', 'cache']] }, []],
    ['an ignored kind', ['database@1:pg', 'email@2:nodemailer'], { ignoreKinds: ['email'] }, []],
    ['a mocked module', ['database@1:pg', 'http@2:/repo/src/adapters/payments'], {}, ['/repo/src/adapters/payments']],
    ['a stubbed global fetch', ['database@1:pg', 'http@4:global:fetch'], {}, ['global:fetch']],
    ['no uses', [], {}, []],
    ['a queue kept in Redis and the Redis client it is given', ['queue@3:bullmq~redis', 'cache@12:ioredis~redis'], {}, []],
    ['a job queue kept in Postgres and a Postgres driver', ['queue@1:pg-boss~postgres', 'database@2:pg~postgres'], {}, []],
    ['two queues, one on Redis', ['queue@1:bullmq~redis', 'queue@2:amqplib', 'cache@3:ioredis~redis'], {}, []],
  ])('does not report %s', (_label, written, options, mocked) => {
    expect(judge(written, options, mocked)).toBeNull();
  });

  it('keeps the first line each kind was seen on', () => {
    expect(judge(['database@4:pg', 'database@2:knex', 'http@7:nock', 'http@3:axios'])).toEqual({
      at: 'http@3:axios',
      boundaries: 'database (line 2), http (line 3)',
    });
  });
});
