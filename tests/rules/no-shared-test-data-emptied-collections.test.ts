/**
 * `no-shared-test-data` on a module-level array a per-test hook empties whole: `splice(0)`,
 * `splice(0, items.length)` and `splice(0, Infinity)` all take every element out, like
 * `items.length = 0`, so the hook resets the array rather than changing what the tests share. A
 * hook that takes out only some elements, or as many as another array holds, still changes it.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

/** Workers a fake constructor records as the code under test spawns them, and a hook that empties the list. */
const WORKERS = (emptying: string) => `import { afterEach, expect, it, vi } from 'vitest';
import { runScript } from '../../src/script-runner';

const spawned: FakeWorker[] = [];

class FakeWorker {
  constructor(readonly file: string) {
    spawned.push(this);
  }
}

vi.mock('node:worker_threads', () => ({ Worker: FakeWorker }));

afterEach(() => {
  ${emptying};
});

it('spawns one worker for a script', async () => {
  await runScript('return 1');
  expect(spawned).toHaveLength(1);
});

it('spawns a worker for each script', async () => {
  await runScript('return 1');
  await runScript('return 2');
  expect(spawned).toHaveLength(2);
});
`;

ts.run('no-shared-test-data: an array a per-test hook empties whole (Vitest, TypeScript)', rule, {
  valid: [
    { name: 'splice(0, spawned.length)', filename: 'test/integration/script-runner.test.ts', code: WORKERS('spawned.splice(0, spawned.length)') },
    { name: 'splice(0, Infinity)', filename: 'test/integration/script-runner.test.ts', code: WORKERS('spawned.splice(0, Infinity)') },
    { name: 'splice(0)', filename: 'test/integration/script-runner.test.ts', code: WORKERS('spawned.splice(0)') },
  ],
  invalid: [
    {
      name: 'taking out only the first element leaves the rest for the next test',
      filename: 'test/integration/script-runner.test.ts',
      code: WORKERS('spawned.splice(0, 1)'),
      errors: [{ messageId: 'mutatedLiteral', line: 4, data: { name: 'spawned', tests: 2, changedIn: 'hook' }, suggestions: [] }],
    },
  ],
});

/** Mails a fake transport records, and a hook that takes them out before each test. */
const MAILER = (emptying: string) => `const { sendWelcome } = require('../../src/mailer');

const sent = [];
const expected = ['ada@example.test'];
const transport = { sendMail: async (message) => sent.push(message) };

beforeEach(() => {
  ${emptying};
});

test('sends one welcome mail', async () => {
  await sendWelcome(transport, expected[0]);
  expect(sent).toHaveLength(1);
});

test('addresses it to the new user', async () => {
  await sendWelcome(transport, 'bo@example.test');
  expect(sent[0].to).toBe('bo@example.test');
});
`;

cjs.run('no-shared-test-data: an array a per-test hook empties whole (Jest, CommonJS)', rule, {
  valid: [
    {
      name: 'sent messages emptied with splice(0, sent.length) before each test',
      filename: 'test/integration/mailer.test.js',
      code: MAILER('sent.splice(0, sent.length)'),
    },
  ],
  invalid: [
    {
      name: 'as many elements as another array holds is not the whole of this one',
      filename: 'test/integration/mailer.test.js',
      code: MAILER('sent.splice(0, expected.length)'),
      errors: [{ messageId: 'mutatedLiteral', line: 3, data: { name: 'sent', tests: 2, changedIn: 'hook' }, suggestions: [] }],
    },
  ],
});
