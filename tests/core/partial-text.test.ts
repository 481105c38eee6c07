import { describe, expect, it } from 'vitest';
import { concatText, displayText, fullText, knownText, splitWords, type PartialText } from '../../src/core/partial-text';

const hole: PartialText = [{ type: 'unknown' }];
const server: PartialText = [{ type: 'server-address' }];

describe('concatText', () => {
  it('merges neighbouring known text and drops empty text', () => {
    expect(concatText(knownText('http://'), knownText('localhost'), knownText(''), hole, knownText('/x'))).toEqual([
      { type: 'text', value: 'http://localhost' },
      { type: 'unknown' },
      { type: 'text', value: '/x' },
    ]);
  });
});

describe('fullText and displayText', () => {
  it.each<[string, PartialText, string | null, string]>([
    ['known text', knownText('bin/cli.js'), 'bin/cli.js', 'bin/cli.js'],
    ['a hole', concatText(knownText('http://localhost:'), hole), null, 'http://localhost:${…}'],
    ['a server address', concatText(server, knownText('/users')), null, '${…}/users'],
    ['nothing', [], '', ''],
  ])('%s', (_label, text, full, shown) => {
    expect(fullText(text)).toBe(full);
    expect(displayText(text)).toBe(shown);
  });
});

describe('splitWords', () => {
  const words = (text: PartialText) => splitWords(text).map(displayText);

  it.each<[string, PartialText, string[]]>([
    ['spaces and tabs', knownText('node  bin/cli.js\t--help'), ['node', 'bin/cli.js', '--help']],
    ['quoted words', knownText(`sh -c "node bin/cli.js --x" 'a b'`), ['sh', '-c', 'node bin/cli.js --x', 'a b']],
    ['a hole inside a word', concatText(knownText('node '), hole, knownText('/bin/cli.js --help')), ['node', '${…}/bin/cli.js', '--help']],
    ['a hole as a word', concatText(knownText('npx '), hole), ['npx', '${…}']],
    ['leading and trailing space', knownText('  docker ps  '), ['docker', 'ps']],
  ])('%s', (_label, text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});
