import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { InvalidSettingsError } from '../src/settings';

describe('plugin.defineSettings', () => {
  it('puts the settings under the plugin key, unchanged', () => {
    const settings = { boundaries: { database: ['src/db/**'] }, ignore: ['lodash'], aliases: { scenario: 'test' as const } };
    const defined = plugin.defineSettings(settings);
    expect(defined).toEqual({ 'integration-tests': settings });
    expect(defined['integration-tests']).toBe(settings);
    expect(Object.keys(defined)).toEqual([plugin.settingsKey]);
  });

  it('rejects a wrong shape where the config is written, with the same message a lint run gives', () => {
    const wrong = { boundaries: { database: 'src/db' } } as never;
    expect(() => plugin.defineSettings(wrong)).toThrow(InvalidSettingsError);
    expect(() => plugin.defineSettings(wrong)).toThrowError(
      `Invalid settings['integration-tests'].boundaries.database: expected an array of globs, got the string "src/db".`,
    );
  });
});
