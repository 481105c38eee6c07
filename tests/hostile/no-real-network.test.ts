/** `no-real-network` on hostile code: requests written the odd way, and hooks added to odd suites. */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/no-real-network';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });

const FILE = 'tests/integration/rates.test.ts';
const example = { origin: 'https://api.example.com' };

ts.run('no-real-network on hostile TypeScript', rule, {
  valid: [
    { name: 'a local function named fetch', filename: FILE, code: `const fetch = async (url: string) => url;\nit('reads', async () => { await fetch('https://api.example.com/x'); });\n` },
    { name: 'a loopback address in IPv6 and a string that is no URL', filename: FILE, code: `import axios from 'axios';\nit('reads', async () => { await axios.get('http://[::1]:3000/x'); await axios.get('not a url'); });\n` },
    { name: 'nock answers the host, even when set up after the test', filename: FILE, code: `import nock from 'nock';\nit('reads', async () => { await fetch('https://api.example.com/x'); });\nnock('https://api.example.com').get('/x').reply(200);\n` },
  ],
  invalid: [
    {
      // Regression: the file-level shortcut looked for `fetch` only as a plain member name.
      name: 'fetch as a computed member of globalThis, in a file that imports nothing',
      filename: FILE,
      code: `it('reads', async () => { await globalThis['fetch']('https://api.example.com/x'); });\n`,
      errors: [{ messageId: 'realNetwork', data: example, line: 1, column: 33, suggestions: [] }],
    },
    {
      name: 'optional chaining and computed members on the client',
      filename: FILE,
      code: `import axios from 'axios';\nit('reads', async () => { await axios['get']('https://api.example.com/x'); await axios?.post?.('https://api.example.com/y'); await globalThis.fetch?.('https://api.example.com/z'); });\n`,
      errors: [
        { messageId: 'realNetwork', data: example, column: 33, suggestions: [] },
        { messageId: 'realNetwork', data: example, column: 82, suggestions: [] },
        { messageId: 'realNetwork', data: example, column: 132, suggestions: [] },
      ],
    },
    {
      name: 'an internationalised host is named in its ASCII form',
      filename: FILE,
      code: `import axios from 'axios';\nit('reads', async () => { await axios.get('https://例え.jp/x'); });\n`,
      errors: [{ messageId: 'realNetwork', data: { origin: 'https://xn--r8jz45g.jp' }, suggestions: [] }],
    },
    {
      name: 'a request inside JSX',
      filename: 'tests/integration/app.test.tsx',
      code: `it('renders', async () => { render(<App load={() => fetch('https://api.example.com/x')} />); });\n`,
      errors: [{ messageId: 'realNetwork', data: example, column: 53, suggestions: [] }],
    },
    {
      name: 'a suite whose body is an expression has no block to add hooks to',
      filename: FILE,
      code: `import nock from 'nock';\ndescribe('rates', () => it('reads', () => fetch('https://api.example.com/x')));\n`,
      errors: [{ messageId: 'realNetwork', data: example, suggestions: [] }],
    },
    {
      name: 'hooks go into a describe.each template table suite, imported beside the others',
      filename: FILE,
      code: "import nock from 'nock';\nimport { describe, it } from 'vitest';\ndescribe.each`\n  a\n  ${1}\n`('t $a', () => { it('reads', async () => { await fetch('https://api.example.com/x'); }); });\n",
      errors: [
        {
          messageId: 'realNetwork',
          data: example,
          suggestions: [
            {
              messageId: 'disableNetConnect',
              data: { nock: 'nock' },
              output: "import nock from 'nock';\nimport { describe, it, beforeAll, afterAll } from 'vitest';\ndescribe.each`\n  a\n  ${1}\n`('t $a', () => {\n  beforeAll(() => {\n    nock.disableNetConnect();\n  });\n  afterAll(() => {\n    nock.enableNetConnect();\n  });\n it('reads', async () => { await fetch('https://api.example.com/x'); }); });\n",
            },
          ],
        },
      ],
    },
  ],
});

cjs.run('no-real-network on hostile CommonJS', rule, {
  valid: [],
  invalid: [
    {
      name: 'Mocha from require: before and after join the destructuring',
      filename: 'tests/integration/rates.test.cjs',
      code: `'use strict';\nconst nock = require('nock');\nconst { describe, it } = require('mocha');\ndescribe('x', function () { it('reads', async function () { await fetch('https://api.example.com/x'); }); });\n`,
      errors: [
        {
          messageId: 'realNetwork',
          data: example,
          suggestions: [
            {
              messageId: 'disableNetConnect',
              data: { nock: 'nock' },
              output: `'use strict';\nconst nock = require('nock');\nconst { describe, it, before, after } = require('mocha');\ndescribe('x', function () {\n  before(() => {\n    nock.disableNetConnect();\n  });\n  after(() => {\n    nock.enableNetConnect();\n  });\n it('reads', async function () { await fetch('https://api.example.com/x'); }); });\n`,
            },
          ],
        },
      ],
    },
  ],
});
