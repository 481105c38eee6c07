/**
 * `no-boundary-mock` on a global's stand-in that hands calls to the original, kept before the stub:
 * one that hands every call on (to redirect or observe it) leaves the requests going out and is not
 * reported; one that answers some calls itself is, and its message says only those calls stop.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-boundary-mock';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

const REDIRECT = `import { afterEach, expect, it, vi } from 'vitest';
import { fetchRates } from '../../src/rates';

afterEach(() => vi.unstubAllGlobals());

it('converts with the day rate', async () => {
  const realFetch = globalThis.fetch.bind(globalThis);
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    if (url.startsWith('https://rates.example.com/')) {
      return realFetch(url.replace('https://rates.example.com', 'http://127.0.0.1:4010'), init);
    }
    return realFetch(url, init);
  });
  expect(await fetchRates('eur')).toBe(1.1);
});
`;

/** The same test, with the redirecting branch answering by itself. */
const ANSWERS_ONE_HOST = REDIRECT.replace(
  "return realFetch(url.replace('https://rates.example.com', 'http://127.0.0.1:4010'), init);",
  "return Promise.resolve(new Response('{\"eur\":1.1}'));",
);

const partly = {
  what: 'global `fetch`',
  kind: 'http',
  how: '`vi.stubGlobal`',
  effect: 'so the calls it answers itself no longer send requests',
};

/**
 * What removing the stand-in leaves: the statement from `opening` to the first line that is
 * `closing` goes, the saved original stays.
 */
function without(code: string, opening: string, closing: string): string {
  const start = code.indexOf(opening);
  const end = code.indexOf(closing, start) + closing.length;
  return code.slice(0, start) + code.slice(end);
}

const withoutStub = (code: string) => without(code, "  vi.stubGlobal('fetch'", '  });\n');

ts.run('no-boundary-mock: a global’s stand-in that passes calls to the original (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'every path hands the call to the saved original, one of them to a local server',
      filename: 'tests/integration/rates.test.ts',
      code: REDIRECT,
    },
    {
      name: 'wrapped in a spy, to count the calls',
      filename: 'tests/integration/rates.test.ts',
      code: REDIRECT.replace("vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {", "vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {").replace(
        '    return realFetch(url, init);\n  });',
        '    return realFetch(url, init);\n  }));',
      ),
    },
    {
      name: 'a spy kept in a variable before it is put in place, to read its calls',
      filename: 'tests/integration/rates.test.ts',
      code: `import { expect, it, vi } from 'vitest';
import { fetchRates } from '../../src/rates';

it('asks for the day rate once', async () => {
  const realFetch = globalThis.fetch;
  const fetchSpy = vi.fn((url: string, init?: RequestInit) => realFetch(url, init));
  vi.stubGlobal('fetch', fetchSpy);
  expect(await fetchRates('eur')).toBe(1.1);
  expect(fetchSpy).toHaveBeenCalledTimes(1);
});
`,
    },
    {
      name: 'an expression body that calls the original kept by its name',
      filename: 'tests/integration/rates.test.ts',
      code: `import { expect, it, vi } from 'vitest';
import { fetchRates } from '../../src/rates';

it('sends the day rate request', async () => {
  const realFetch = fetch;
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => realFetch.call(globalThis, url, init));
  expect(await fetchRates('eur')).toBe(1.1);
});
`,
    },
  ],
  invalid: [
    {
      name: 'one branch answers by itself: only its calls stop, and the message says so',
      filename: 'tests/integration/rates.test.ts',
      code: ANSWERS_ONE_HOST,
      errors: [{ messageId: 'mockedHttp', line: 8, data: partly, suggestions: [{ messageId: 'removeMock', data: partly, output: withoutStub(ANSWERS_ONE_HOST) }] }],
    },
  ],
});

const SPY = `import { expect } from 'chai';
import sinon from 'sinon';
import { lookupBreach } from '../../src/breaches.js';

describe('breach lookup', () => {
  afterEach(() => sinon.restore());

  it('checks the password range', async () => {
    const networkFetch = globalThis.fetch;
    sinon.stub(globalThis, 'fetch').callsFake(async (input, init) => {
      const response = await networkFetch(input, init);
      return response;
    });
    expect(await lookupBreach('hunter2')).to.equal(false);
  });
});
`;

/** The spy with a path that throws before it reaches the original. */
const THROWS = SPY.replace(
  '      const response = await networkFetch(input, init);\n',
  "      if (String(input).includes('/range/')) throw new Error('offline');\n      const response = await networkFetch(input, init);\n",
);
const partlyBySinon = { ...partly, how: '`sinon.stub`' };

js.run('no-boundary-mock: a spy on a global whose implementation passes calls on (Mocha, sinon, JavaScript)', rule, {
  valid: [
    {
      name: 'the implementation awaits the original and hands back its answer',
      filename: 'test/integration/breaches.test.js',
      code: SPY,
    },
  ],
  invalid: [
    {
      name: 'a path that throws instead of calling the original stands in for those calls',
      filename: 'test/integration/breaches.test.js',
      code: THROWS,
      errors: [
        {
          messageId: 'mockedHttp',
          line: 10,
          data: partlyBySinon,
          suggestions: [{ messageId: 'removeMock', data: partlyBySinon, output: THROWS.replace(/ {4}sinon\.stub\(globalThis[\s\S]*?\n {4}\}\);\n/, '') }],
        },
      ],
    },
  ],
});

/** A stand-in assigned to the global directly, the original kept in a local and put back after. */
const ASSIGNED = (branch: string) => `import { afterEach, expect, it } from '@jest/globals';
import { listMessages } from '../../src/mail/graph';

const networkFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = networkFetch;
});

it('asks the mail API for attachments', async () => {
  const graphFetch = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    if (url.pathname !== '/v1.0/me/messages') {
      return graphFetch(input, init);
    }
${branch}
  };
  expect(await listMessages()).toHaveLength(2);
});
`;

const THROUGH = "    const response = await graphFetch(input, init);\n    return response;";
const ANSWERS = "    return Response.json({ value: [] });";
const partlyByAssignment = { ...partly, how: 'an assignment' };

const withoutAssignment = (code: string) => without(code, '  globalThis.fetch = async', '  };\n');

ts.run('no-boundary-mock: a stand-in assigned to a global that passes calls to the original (Jest, TypeScript)', rule, {
  valid: [
    {
      name: 'every path awaits the original and hands back its answer',
      filename: 'tests/integration/graph.test.ts',
      code: ASSIGNED(THROUGH),
    },
  ],
  invalid: [
    {
      name: 'the messages path answers by itself: only its calls stop, and the message says so',
      filename: 'tests/integration/graph.test.ts',
      code: ASSIGNED(ANSWERS),
      errors: [
        {
          messageId: 'mockedHttp',
          line: 11,
          data: partlyByAssignment,
          suggestions: [{ messageId: 'removeMock', data: partlyByAssignment, output: withoutAssignment(ASSIGNED(ANSWERS)) }],
        },
      ],
    },
  ],
});
