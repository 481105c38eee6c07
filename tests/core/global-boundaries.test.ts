import { describe, expect, it } from 'vitest';
import { lookupBoundary, lookupGlobalBoundary } from '../../src/core/boundaries';
import { parseSettings } from '../../src/settings';

describe('lookupGlobalBoundary', () => {
  const none = parseSettings(undefined);

  it.each([
    ['fetch', { kind: 'http', role: 'client', specifier: 'fetch' }],
    ['XMLHttpRequest', { kind: 'http', role: 'client', specifier: 'XMLHttpRequest' }],
    ['crypto', null],
    ['setTimeout', null],
    // Names on Object.prototype are not table entries.
    ['constructor', null],
    ['toString', null],
  ])('%s', (name, expected) => {
    expect(lookupGlobalBoundary(name, none)).toEqual(expected);
  });

  it('leaves out globals that settings ignore', () => {
    expect(lookupGlobalBoundary('fetch', parseSettings({ ignore: ['fetch'] }))).toBeNull();
  });
});

describe('lookupBoundary with names on Object.prototype', () => {
  it.each(['constructor', 'hasOwnProperty', '__proto__'])('%s is no boundary', (specifier) => {
    expect(lookupBoundary(specifier, parseSettings(undefined))).toBeNull();
  });
});
