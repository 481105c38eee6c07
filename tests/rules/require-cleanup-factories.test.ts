/**
 * `require-cleanup` on `create` called on an imported factory, on a small project written to disk.
 * The name says the call may store something; what the factory's module reaches says whether it can:
 * a factory that only builds objects writes nowhere, one that inserts through a pool writes to the
 * database, and one handed a pool may write through it.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import rule from '../../src/rules/require-cleanup';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'require-cleanup-factories-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PROJECT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'billing', version: '1.0.0' }),
  // Builds rule objects from what a fetcher returns: no module it loads stores anything.
  'src/policies/policy-factory.ts': `import { parsePolicies, type Policy } from './parse';

export type Fetcher = () => Promise<string[]>;

export class PolicyFactory {
  static async create(fetch: Fetcher): Promise<Policy[]> {
    return parsePolicies(await fetch());
  }
}
`,
  'src/policies/parse.ts': `export interface Policy {
  readonly name: string;
  readonly keyless: boolean;
}

export function parsePolicies(names: string[]): Policy[] {
  return names.map((name) => ({ name, keyless: name === 'ping' }));
}
`,
  'src/policies/index.ts': "export { PolicyFactory, type Fetcher } from './policy-factory';\nexport type { Policy } from './parse';\n",
  // Inserts each customer it makes through the project's pool.
  'src/db/pool.ts': "import { Pool } from 'pg';\n\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n",
  'src/customers/customer-factory.ts': `import { pool } from '../db/pool';

export class CustomerFactory {
  static async create(name: string) {
    const { rows } = await pool.query('insert into customers (name) values ($1) returning *', [name]);
    return rows[0];
  }
}
`,
  // Builds an invoice in memory, or stores it through whatever client it is handed.
  'src/invoices/invoice-factory.js': `export class InvoiceFactory {
  static async create(total, client) {
    const invoice = { total, issuedAt: new Date(0) };
    if (client) await client.query('insert into invoices (total) values ($1)', [total]);
    return invoice;
  }
}
`,
};

for (const [file, text] of Object.entries(PROJECT)) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

const ts = new RuleTester();
const js = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

/**
 * The finding for a write through `subject` at `line` that names no boundary kind, with its one edit:
 * an `afterEach` to fill in, added where `output` shows.
 */
function uncleanedWrite(call: string, subject: string, line: number, output: string) {
  return {
    messageId: 'missingCleanup' as const,
    line,
    data: { call, target: 'a boundary', container: '' },
    suggestions: [{ messageId: 'addCleanupHook' as const, data: { hook: 'afterEach', subject }, output }],
  };
}

ts.run('require-cleanup: create on an imported factory (TypeScript)', rule, {
  valid: [
    {
      name: 'Mocha: a factory whose module reaches no boundary only builds objects',
      filename: path.join(root, 'tests/integration/policies.test.ts'),
      code: `import { expect } from 'chai';
import { PolicyFactory, type Fetcher } from '../../src/policies';

const fetcherOf = (names: string[]): Fetcher => async () => names;

describe('PolicyFactory', () => {
  it('marks ping as keyless', async () => {
    const policies = await PolicyFactory.create(fetcherOf(['ping', 'get']));
    expect(policies.map((policy) => policy.keyless)).to.deep.equal([true, false]);
  });
});
`,
    },
    {
      name: 'Jest: a factory from a module the plugin cannot find may do anything, so nothing is said',
      filename: path.join(root, 'tests/integration/plans.test.ts'),
      code: `import { PlanFactory } from '../../src/plans/plan-factory';

describe('plans', () => {
  it('names the yearly plan', async () => {
    const plan = await PlanFactory.create({ period: 'year' });
    expect(plan.name).toBe('Yearly');
  });
});
`,
    },
    {
      name: 'Vitest: a factory that stores customers, with a truncate after each test',
      filename: path.join(root, 'tests/integration/customers-cleaned.test.ts'),
      code: `import { afterEach, expect, it } from 'vitest';
import { CustomerFactory } from '../../src/customers/customer-factory';
import { pool } from '../../src/db/pool';

afterEach(async () => {
  await pool.query('truncate table customers');
});

it('stores a customer', async () => {
  const customer = await CustomerFactory.create('Ada');
  expect(customer.name).toBe('Ada');
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: a factory whose module inserts through the project pool writes there',
      filename: path.join(root, 'tests/integration/customers.test.ts'),
      code: `import { expect, it } from 'vitest';
import { CustomerFactory } from '../../src/customers/customer-factory';

it('stores a customer', async () => {
  const customer = await CustomerFactory.create('Ada');
  expect(customer.name).toBe('Ada');
});
`,
      // The class does not load the client itself, so the message names no kind.
      errors: [uncleanedWrite('CustomerFactory.create()', 'CustomerFactory', 5, `import { expect, it, afterEach } from 'vitest';
import { CustomerFactory } from '../../src/customers/customer-factory';

afterEach(async () => {
  // Remove what each test wrote through \`CustomerFactory\`: delete what it created.
});

it('stores a customer', async () => {
  const customer = await CustomerFactory.create('Ada');
  expect(customer.name).toBe('Ada');
});
`)],
    },
  ],
});

js.run('require-cleanup: create on an imported factory (JavaScript)', rule, {
  valid: [
    {
      name: 'node:test: a factory that builds an invoice in memory',
      filename: path.join(root, 'tests/integration/invoices-built.test.js'),
      code: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvoiceFactory } from '../../src/invoices/invoice-factory.js';

test('an invoice starts at the epoch', async () => {
  const invoice = await InvoiceFactory.create(120);
  assert.equal(invoice.issuedAt.getTime(), 0);
});
`,
    },
  ],
  invalid: [
    {
      name: 'node:test: the same factory handed a pool may store through it',
      filename: path.join(root, 'tests/integration/invoices.test.js'),
      code: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { InvoiceFactory } from '../../src/invoices/invoice-factory.js';

const pool = new pg.Pool();

test('stores an invoice', async () => {
  const invoice = await InvoiceFactory.create(120, pool);
  assert.equal(invoice.total, 120);
});
`,
      errors: [uncleanedWrite('InvoiceFactory.create()', 'InvoiceFactory', 9, `import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { InvoiceFactory } from '../../src/invoices/invoice-factory.js';

afterEach(async () => {
  // Remove what each test wrote through \`InvoiceFactory\`: delete what it created.
});

const pool = new pg.Pool();

test('stores an invoice', async () => {
  const invoice = await InvoiceFactory.create(120, pool);
  assert.equal(invoice.total, 120);
});
`)],
    },
  ],
});
