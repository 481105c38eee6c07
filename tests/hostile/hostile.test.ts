/**
 * Every rule against every hostile snippet, as an integration and a unit file, with the options its
 * schema offers: nothing throws, and every edit parses, keeps comments and converges.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules';
import { checkProgram, parseError, parseTargetFor, type RuleMap } from '../fuzz/check';
import { asProgram, HOSTILE_SNIPPETS, largeFile } from './snippets';

const allRules = rules as unknown as RuleMap;
const ruleNames = Object.keys(allRules);

describe.each(HOSTILE_SNIPPETS.map((snippet) => [snippet.name, snippet] as const))('%s', (_name, snippet) => {
  const program = asProgram(snippet);

  it('parses', () => {
    expect(parseError(program.code.replace(/^\uFEFF/, ''), parseTargetFor(program, 'integration'))).toBeNull();
  });

  it.skipIf(ruleNames.length === 0).each(ruleNames)('lints under %s without a throw or a bad edit', (name) => {
    const result = checkProgram(program, { rules: { [name]: allRules[name]! }, seed: 1 });
    expect(result.failures).toEqual([]);
  });
});

describe('a 10,000-line file', () => {
  const program = asProgram({ name: 'large', extension: '.ts', code: largeFile(10_000) });

  it('is 10,000 lines long', () => {
    expect(program.code.split('\n').length).toBeGreaterThanOrEqual(10_000);
  });

  // Parsing a file this size takes seconds on its own, so every rule runs in one pass, in one layer,
  // with one suggestion of each rule applied.
  it.skipIf(ruleNames.length === 0)('lints under every rule at once without a throw or a bad edit', () => {
    const result = checkProgram(program, { rules: allRules, seed: 1, layers: ['integration'], maxSuggestionsPerRule: 1 });
    expect(result.failures).toEqual([]);
  });
});
