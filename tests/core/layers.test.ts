import { describe, expect, it } from 'vitest';
import { withNameListsAsExtglobs } from '../../src/core/layers';

describe('withNameListsAsExtglobs', () => {
  it('writes each brace list of plain names as an extglob', () => {
    expect(withNameListsAsExtglobs('**/{test,tests,__tests__,spec}/integration/**/*.{js,ts}')).toBe('**/@(test|tests|__tests__|spec)/integration/**/*.@(js|ts)');
    expect(withNameListsAsExtglobs('**/*.{integration,int}.{test,spec}.{js,mjs}')).toBe('**/*.@(integration|int).@(test|spec).@(js|mjs)');
    expect(withNameListsAsExtglobs('src/{db-tests,queue.v2}/**')).toBe('src/@(db-tests|queue.v2)/**');
  });

  it('leaves a glob without brace lists as it is', () => {
    expect(withNameListsAsExtglobs('tests/integration/**/*.test.ts')).toBe('tests/integration/**/*.test.ts');
    expect(withNameListsAsExtglobs('**/*.spec.?s')).toBe('**/*.spec.?s');
  });

  it('leaves a glob whole when any of its braces is not a plain list', () => {
    // A range, one name, a nested list, a list with a wildcard or a slash, an empty name.
    for (const glob of ['tests/v{1..3}/**', 'tests/{db}/**', 'tests/{a,{b,c}}/*.ts', 'tests/{*.int,db}/**', 'tests/{db/pg,queue}/**', 'tests/{db,}/**', 'tests/{db,queue/**']) {
      expect(withNameListsAsExtglobs(glob)).toBe(glob);
    }
  });

  it('leaves a glob whole when an escape, a class or an extglob could change how its braces read', () => {
    for (const glob of ['tests/\\{db,queue\\}/*.ts', 'tests/[{]db,queue}/*.ts', 'tests/@(db|{a,b})/*.ts', 'tests/{db,queue}/+(x).ts']) {
      expect(withNameListsAsExtglobs(glob)).toBe(glob);
    }
  });
});
