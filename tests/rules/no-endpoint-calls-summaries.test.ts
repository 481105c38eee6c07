import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { vi } from 'vitest';
import type { ModuleSummary } from '../../src/core/module-summary';
import rule from '../../src/rules/no-endpoint-calls';
import { acceptanceMove } from '../helpers/advice';

// What the project-module reader says about the test's helper: `createApiClient` hands back a
// client bound to the app, `seedDatabase` a database client. Anything else is unknown.
vi.mock('../../src/estree/project-modules', () => {
  const summary: ModuleSummary = {
    identity: { type: 'project', file: '/project/tests/support/api.ts', workspacePackage: null },
    boundaryKinds: ['database'],
    complete: true,
    hooksOnImport: [],
    exports: new Map([
      ['createApiClient', { value: { type: 'app-client' }, registersHooks: [], boundaryKinds: [] }],
      ['seedDatabase', { value: { type: 'boundary-client', kind: 'database' }, registersHooks: [], boundaryKinds: ['database'] }],
    ]),
  };
  return {
    summaryOfSpecifier: (_context: unknown, specifier: string) => (specifier === '../support/api' ? summary : specifier.startsWith('.') ? 'unknown' : null),
  };
});

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const FILE = 'tests/integration/orders.test.ts';
const at = { move: acceptanceMove(FILE), request: '', more: '', letThrough: '' };

ts.run('no-endpoint-calls (clients handed out by project modules)', rule, {
  valid: [
    {
      name: 'a database client from the same helper, and a helper the plugin cannot read',
      filename: FILE,
      code: `
import { seedDatabase } from '../support/api';
import { makeClient } from '../support/unread';

it('lists orders', async () => {
  const db = await seedDatabase();
  await db.query('select 1');
  await makeClient().get('/orders');
});
`,
    },
  ],
  invalid: [
    {
      name: 'requests through an app client from a helper, once a test',
      filename: FILE,
      code: `
import { createApiClient } from '../support/api';

const api = createApiClient();

it('places an order', async () => {
  await api.post('/orders', { sku: 'A1' });
  expect((await api.get('/orders')).body).toHaveLength(1);
});
`,
      errors: [
        {
          messageId: 'testClient',
          line: 7,
          column: 9,
          data: { ...at, client: "the app client `createApiClient()` from '../support/api'", call: "api.post('/orders', { sku: 'A1' })", more: ', and 1 more like it in this test' },
        },
      ],
    },
  ],
});
