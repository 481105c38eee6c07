/**
 * `no-shared-test-data`: a test that assigns a binding in the `finally` block of a `try`, where a
 * run-once setup hook assigned it first, puts back what the tests after it start from (a fresh
 * login after a test that turned a feature off). It hands nothing on. The same assignment with no
 * hook that sets the binding first, or outside `finally`, is still reported.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-shared-test-data';
import { SCENARIO_TO_ACCEPTANCE } from '../helpers/advice';

const ts = new RuleTester({ languageOptions: { parser: tsParser } });

const suite = (hook: string, restore: (statement: string) => string) => `import { beforeAll, expect, it } from 'vitest';
import { disableFeature, enableFeature, login, startApp, type Agent } from '../support/app';

const app = await startApp();
let agent: Agent;
${hook}
it('hides the export when the feature is off', async () => {
  await disableFeature(app, 'export');
${restore('  agent = await login(app, \'root\');')}
});

it('exports a report', async () => {
  expect((await agent.post('/reports/export')).status).toBe(200);
});

it('lists reports', async () => {
  expect((await agent.get('/reports')).status).toBe(200);
});
`;

const inFinally = (statement: string) => `  try {
    expect((await (await login(app, 'root')).get('/reports/export')).status).toBe(404);
  } finally {
    await enableFeature(app, 'export');
  ${statement}
  }`;

const HOOK = `
beforeAll(async () => {
  agent = await login(app, 'root');
});
`;

ts.run('no-shared-test-data: assignments that put a binding back in `finally`', rule, {
  valid: [
    {
      name: 'a fresh login in finally, after a hook logged in first (Vitest)',
      filename: 'test/integration/reports.test.ts',
      code: suite(HOOK, inFinally),
    },
  ],
  invalid: [
    {
      name: 'the same login in finally with no hook that sets the binding first',
      filename: 'test/integration/reports.test.ts',
      code: suite('', inFinally),
      errors: [{ messageId: 'handedOn', line: 18, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'agent', later: 'by 2 later tests, starting here' } }],
    },
    {
      name: 'a login in the body of the test, after the hook logged in first',
      filename: 'test/integration/reports.test.ts',
      code: suite(HOOK, (statement) => statement),
      errors: [{ messageId: 'handedOnReplaced', line: 17, data: { scenario: SCENARIO_TO_ACCEPTANCE, name: 'agent', later: 'by 2 later tests, starting here' } }],
    },
  ],
});
