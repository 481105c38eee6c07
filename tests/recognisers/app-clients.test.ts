import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it, vi } from 'vitest';
import type { ExportValue, ModuleSummary } from '../../src/core/module-summary';
import { parseHelperClientCall } from '../../src/estree/app-clients';
import { probe } from '../helpers/probe';

/** Summaries as the project-module reader would give them: one module per test, by specifier. */
const summaries = vi.hoisted(() => new Map<string, unknown>());

vi.mock('../../src/estree/project-modules', () => ({
  summaryOfSpecifier: (_context: unknown, specifier: string) => {
    if (!specifier.startsWith('.')) return null;
    return summaries.get(specifier) ?? 'unknown';
  },
}));

function summaryWith(exports: Record<string, ExportValue>): ModuleSummary {
  return {
    identity: { type: 'project', file: '/project/tests/support/api.ts', workspacePackage: null },
    boundaryKinds: [],
    complete: true,
    hooksOnImport: [],
    exports: new Map(Object.entries(exports).map(([name, value]) => [name, { value, registersHooks: [], boundaryKinds: [] }])),
  };
}

function helperCalls(code: string) {
  return probe(code, 'CallExpression', (context, node) => parseHelperClientCall(context, node as TSESTree.CallExpression)).map(
    ({ text, result }) => [text, result.helper, result.value.type],
  );
}

describe('parseHelperClientCall', () => {
  summaries.set('../support/api', summaryWith({
    createApiClient: { type: 'app-client' },
    // Hands back `{ request: supertest.agent(app), config }`.
    startApp: { type: 'other', members: { request: { type: 'app-client' } } },
    api: { type: 'app-client' },
    db: { type: 'boundary-client', kind: 'database' },
  }));

  it('reads requests through a client a project module hands out, with what its summary says', () => {
    const code = `
import { createApiClient, startApp, api, db } from '../support/api';
const client = createApiClient();
it('orders', async () => {
  await client.post('/orders');
  await createApiClient().get('/orders');
  await api.get('/health');
  const app = await startApp();
  await app.request.get('/users');
  app.config.get('port');
  client.defaults.get('timeout');
  await db.query('select 1');
});
`;
    expect(helperCalls(code)).toEqual([
      ["client.post('/orders')", "`createApiClient()` from '../support/api'", 'app-client'],
      ["createApiClient().get('/orders')", "`createApiClient()` from '../support/api'", 'app-client'],
      ["api.get('/health')", "`api` from '../support/api'", 'app-client'],
      ["app.request.get('/users')", "`startApp()` from '../support/api'", 'app-client'],
      ["db.query('select 1')", "`db` from '../support/api'", 'boundary-client'],
    ]);
  });

  it('answers unknown for a project module that cannot be read, and nothing for packages or other calls', () => {
    const code = `
import { makeClient } from './unreadable';
import axios from 'axios';
const http = makeClient();
const local = { get: (path) => path };
it('x', async () => {
  await http.get('/x');
  await axios.get('http://localhost:3000/x');
  local.get('/y');
  await http.send('/x');
});
`;
    expect(helperCalls(code)).toEqual([["http.get('/x')", "`makeClient()` from './unreadable'", 'unknown']]);
  });
});
