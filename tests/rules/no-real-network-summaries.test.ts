import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { vi } from 'vitest';
import type { ModuleSummary } from '../../src/core/module-summary';
import rule from '../../src/rules/no-real-network';

// What the project-module reader says: the default export of '../src/forge-client' is an HTTP
// client; '../src/format' reaches nothing. Any other project module is unknown.
vi.mock('../../src/estree/project-modules', () => {
  const summary = (name: string, value: { type: 'boundary-client'; kind: string } | { type: 'other' }): ModuleSummary => ({
    identity: { type: 'project', file: `/project/src/${name}.ts`, workspacePackage: null },
    // A module that exports a client reaches that client's boundary.
    boundaryKinds: value.type === 'boundary-client' ? [value.kind] : [],
    complete: true,
    hooksOnImport: [],
    exports: new Map([['default', { value, registersHooks: [], boundaryKinds: [] }]]),
  });
  const forgeApi: ModuleSummary = {
    identity: { type: 'project', file: '/project/src/forge-api.ts', workspacePackage: null },
    boundaryKinds: ['http'],
    complete: true,
    hooksOnImport: [],
    exports: new Map([
      ['ForgeClient', { value: { type: 'boundary-client', kind: 'http' }, registersHooks: [], boundaryKinds: ['http'] }],
      ['formatLogin', { value: { type: 'other' }, registersHooks: [], boundaryKinds: [] }],
    ]),
  };
  const known = new Map([
    ['../src/forge-api', forgeApi],
    ['../src/forge-client', summary('forge-client', { type: 'boundary-client', kind: 'http' })],
    ['../src/format', summary('format', { type: 'other' })],
  ]);
  return {
    summaryOfSpecifier: (_context: unknown, specifier: string) => known.get(specifier) ?? (specifier.startsWith('.') ? 'unknown' : null),
    // No module of this made-up project belongs to a package the catalog lists.
    moduleIdentityOf: (_context: unknown, specifier: string) => ({ type: 'unresolved', specifier }),
  };
});

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const FILE = 'tests/forge.test.ts';

ts.run("no-real-network (the project's own HTTP clients)", rule, {
  valid: [
    {
      name: 'the same client given a local base URL, replaced by a mock, or of a module that is not an HTTP client',
      filename: FILE,
      code: `
import ForgeClient from '../src/forge-client';
import Formatter from '../src/format';
import Unread from '../src/unread';

const local = new ForgeClient({ baseURL: 'http://localhost:8080' });
const formatter = new Formatter({ baseURL: 'https://forge.example.com' });
const unread = new Unread({ baseURL: 'https://forge.example.com' });

it('works', async () => {
  await local.getUser('ada');
  formatter.format('x');
  await unread.getUser('ada');
});
`,
    },
    {
      name: 'a helper imported by name from a module whose other export is an HTTP client (Vitest)',
      filename: FILE,
      code: `
import { expect, it } from 'vitest';
import { formatLogin } from '../src/forge-api';

it('formats a login', () => {
  expect(formatLogin({ baseURL: 'https://api.forge.example.com', login: 'ada' })).toBe('@ada');
});
`,
    },
    {
      name: 'the client module mocked in the test',
      filename: FILE,
      code: `
import ForgeClient from '../src/forge-client';

jest.mock('../src/forge-client');

it('gets a user', async () => {
  await new ForgeClient({ baseURL: 'https://api.forge.example.com' }).getUser('ada');
});
`,
    },
  ],
  invalid: [
    {
      name: 'an HTTP client class imported by name and given a public base URL (Vitest)',
      filename: FILE,
      code: `
import { expect, it } from 'vitest';
import { ForgeClient, formatLogin } from '../src/forge-api';

it('gets a user', async () => {
  const forge = new ForgeClient({ baseURL: 'https://api.forge.example.com' });
  expect(formatLogin(await forge.getUser('ada'))).toBe('@ada');
});
`,
      errors: [
        {
          messageId: 'sdkClient',
          line: 6,
          column: 17,
          data: { client: "client from '../src/forge-api'", origin: 'https://api.forge.example.com', whose: ' (its base URL)', why: 'nothing in this file fakes that host' },
        },
      ],
    },
    {
      name: 'an HTTP client of the project given a public base URL, with nothing faked (Jest, CommonJS style)',
      filename: FILE,
      code: `
const ForgeClient = require('../src/forge-client');

describe('the forge API', () => {
  let forge;
  beforeAll(() => {
    forge = new ForgeClient({ token: process.env.FORGE_TOKEN, baseURL: 'https://api.forge.example.com' });
  });

  test('gets a user', async () => {
    expect(await forge.getUser('ada')).toMatchObject({ login: 'ada' });
  });
});
`,
      errors: [
        {
          messageId: 'sdkClient',
          line: 7,
          column: 13,
          data: { client: "client from '../src/forge-client'", origin: 'https://api.forge.example.com', whose: ' (its base URL)', why: 'nothing in this file fakes that host' },
        },
      ],
    },
  ],
});
