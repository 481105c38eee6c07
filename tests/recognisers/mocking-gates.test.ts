/** The text gates of the mocking recogniser, and `mayContain` under them: a necessary condition, never a finding. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { mayAssignGlobal, mayMock } from '../../src/estree/mocks';
import { mayContain } from '../../src/estree/text-gates';
import { probe } from '../helpers/probe';

/** Runs `gate` on the file's `SourceCode` from inside a real lint. */
function gateOf(code: string, gate: (sourceCode: Readonly<TSESLint.SourceCode>) => boolean, filename = 'tests/integration/users.test.ts'): boolean {
  // Legacy octal escapes parse only in a sloppy-mode script.
  const script = filename.endsWith('.cjs');
  const [answer] = probe(code, 'Program', (context, _node: TSESTree.Node) => gate(context.sourceCode), { filename, script });
  return answer?.result ?? false;
}

describe('mayContain', () => {
  const WORD = /\bfetch\b/;
  it.each([
    ['the word written out', `fetch(url);`, true],
    ['no such word', `fetchUser(id);`, false],
    ['a unicode escape in a name', `f\\u0065tch(url);`, true],
    ['a code point escape in a name', `\\u{66}etch(url);`, true],
    ['a hex escape in a string', `globalThis['\\x66etch'](url);`, true],
    ['a legacy octal escape in a string', `globalThis['\\146etch'](url);`, true],
    ['a line continuation in a string', `globalThis['fe\\\ntch'](url);`, true],
    ['an ordinary escape is no disguise', `console.log('done\\n');`, false],
  ])('%s', (_name, code, expected) => {
    expect(gateOf(code, (sourceCode) => mayContain(sourceCode, WORD), 'tests/integration/users.test.cjs')).toBe(expected);
  });
});

describe('mayMock', () => {
  it.each([
    ['jest.mock', `jest.mock('pg');`, true],
    ['Vitest doMock', `vi.doMock('pg');`, true],
    ['a spy', `vi.spyOn(pool, 'query');`, true],
    ['sinon stub', `sinon.stub(pool, 'query');`, true],
    ['testdouble replace', `td.replace('../src/db');`, true],
    ['node:test through the context', `test('x', (t) => { t.mock.method(pool, 'query'); });`, true],
    ['proxyquire by any local name', `const load = require('proxyquire');\nload('../src/users', {});`, true],
    ['rewire __set__', `users.__set__('db', fake);`, true],
    ['a manual mock path', `import pg from '../__mocks__/pg';`, true],
    ['mock-extended', `const prisma = mockDeep<PrismaClient>();`, true],
    ['golevelup', `const repo = createMock<UserRepository>();`, true],
    ['a real integration test', `import { Pool } from 'pg';\nconst pool = new Pool();\nafterAll(() => pool.end());\ntest('saves', async () => { await pool.query('select 1'); });`, false],
  ])('%s', (_name, code, expected) => {
    expect(gateOf(code, mayMock)).toBe(expected);
  });
});

describe('mayAssignGlobal', () => {
  it.each([
    ['globalThis', `globalThis.fetch = async () => new Response('{}');`, true],
    ['global', `global.fetch = jest.fn();`, true],
    ['window', `window.fetch = vi.fn();`, true],
    ['a property named like a global object', `config.globalTimeout = 5;`, false],
  ])('%s', (_name, code, expected) => {
    expect(gateOf(code, mayAssignGlobal)).toBe(expected);
  });
});
