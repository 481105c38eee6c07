/**
 * `no-boundary-mock` through the project's own modules, on a small project written to disk: the
 * rule reads what each adapter loads to tell a stubbed adapter from stubbed application code.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { afterAll } from 'vitest';
import noBoundaryMock from '../../src/rules/no-boundary-mock';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'no-boundary-mock-adapters-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PROJECT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'bakery' }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@bakery/*': ['src/*'] } } }),
  // A CommonJS repository class over a driver it loads itself; one method it inherits from a base class.
  'src/data/base-repository.js': `class BaseRepository {
  async count() {
    return 0;
  }
}
module.exports = BaseRepository;
`,
  'src/data/oven-repository.js': `const { Pool } = require('pg');
const BaseRepository = require('./base-repository');

const pool = new Pool();

module.exports = class OvenRepository extends BaseRepository {
  async bake(loaf) {
    const result = await pool.query('INSERT INTO loaves (name) VALUES ($1) RETURNING id', [loaf.name]);
    return result.rows[0];
  }
};
`,
  // A mail adapter of plain functions, and a renderer beside them that reaches nothing.
  'src/services/receipts.js': `const nodemailer = require('nodemailer');

const transport = nodemailer.createTransport({ host: 'localhost', port: 1025 });

exports.sendReceipt = async (to, body) => {
  await transport.sendMail({ to, subject: 'Your bread', text: body });
  return { to, sentAt: new Date() };
};
exports.renderReceipt = async (order) => 'Receipt for order ' + order.id;
`,
  // An HTTP adapter reached through a tsconfig alias.
  'src/services/weather.ts': `import axios from 'axios';

export async function forecast(city: string): Promise<string> {
  const response = await axios.get('https://weather.example.com/v1/' + city);
  return response.data.summary;
}
`,
  // A storage backend that keeps its own SDK client, and a module that picks one backend and hands it out.
  'src/files/bucket.ts': `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';

export default class BucketStore {
  private client = new S3Client({});

  private async connection() {
    return { client: this.client };
  }

  async put(key: string, body: string) {
    await this.client.send(new PutObjectCommand({ Bucket: 'bread', Key: key, Body: body }));
  }
}
`,
  'src/files/disk.ts': `export default class DiskStore {
  async put(key: string, body: string) {
    return key + body;
  }
}
`,
  'src/files/index.ts': `import BucketStore from './bucket';
import DiskStore from './disk';

const store = process.env.FILES === 'disk' ? new DiskStore() : new BucketStore();

export default store;
`,
  // A barrel that hands out the store and a pure helper: mocking it whole is not mocking one client.
  'src/files/tools.ts': `export { default as store } from './index';
export const keyOf = (id: string) => 'loaf/' + id;
`,
  // A test server that looks services up by class, a pure pricing service, and a ledger adapter.
  'src/pricing.ts': `export class PricingService {
  async quote(weight: number) {
    return weight * 3;
  }
}
`,
  'src/ledger.ts': `import { Pool } from 'pg';

export class LedgerStore {
  private pool = new Pool();

  async append(cents: number) {
    await this.pool.query('INSERT INTO ledger (cents) VALUES ($1)', [cents]);
  }
}
`,
  'src/test-server.ts': `import { Pool } from 'pg';

export class TestServer {
  pool = new Pool();
  private services = new Map<unknown, unknown>();

  getService<T>(token: new () => T): T {
    return this.services.get(token) as T;
  }
}
`,
  // A job class over the database whose scheduling is inherited from a queue base class.
  // A document model with methods of the project's own: one only hashes, one saves the document.
  'src/models/baker.js': `const mongoose = require('mongoose');
const crypto = require('node:crypto');

const bakerSchema = new mongoose.Schema({ name: String, pin: String, shifts: Number });

bakerSchema.methods.checkPin = function checkPin(pin) {
  return crypto.createHash('sha256').update(pin).digest('hex') === this.pin;
};
bakerSchema.methods.addShift = async function addShift() {
  this.shifts += 1;
  return this.save();
};
bakerSchema.statics.normaliseName = function normaliseName(name) {
  return name.trim().toLowerCase();
};

module.exports = mongoose.model('Baker', bakerSchema);
`,
  // A mail adapter built on a hosted service's SDK: its service runs nowhere but at the vendor.
  'src/services/newsletter.ts': `import { Resend } from 'resend';

const resend = new Resend(process.env.RESEND_KEY);

export async function subscribe(email: string) {
  await resend.contacts.create({ email, audienceId: 'weekly' });
}
`,
  // Starts a workflow on a workflow server and records it in the database: two boundaries, so no one adapter.
  'src/jobs/bake-workflow.ts': `import { WorkflowClient } from '@temporalio/client';
import { Pool } from 'pg';

const pool = new Pool();

export async function startBakeWorkflow(batchId: string) {
  const { rows } = await pool.query('SELECT id FROM batches WHERE id = $1', [batchId]);
  await new WorkflowClient().start('bake', { taskQueue: 'ovens', workflowId: rows[0].id, args: [batchId] });
}
`,
  'src/jobs/queued-task.ts': `import { Queue } from 'bullmq';

export class QueuedTask {
  async schedule(payload: unknown) {
    await new Queue('tasks').add('run', payload);
  }
}
`,
  'src/jobs/import-job.ts': `import { Pool } from 'pg';
import { QueuedTask } from './queued-task';

const pool = new Pool();

export class ImportJob extends QueuedTask {
  async run(rows: string[]) {
    for (const row of rows) await pool.query('INSERT INTO imports (row) VALUES ($1)', [row]);
  }
}
`,
};

for (const [file, text] of Object.entries(PROJECT)) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });
const rule = noBoundaryMock;

const TEST_TS = path.join(root, 'tests/integration/bakery.test.ts');
const TEST_JS = path.join(root, 'tests/integration/bakery.test.js');

const member = (what: string, kind: string, how: string, effect: string) => ({ what, kind, how, effect });

cjs.run('no-boundary-mock: adapters of a CommonJS project (Mocha, sinon)', rule, {
  valid: [
    {
      name: 'a renderer exported beside the mail functions reaches no boundary',
      filename: TEST_JS,
      code: `const sinon = require('sinon');
const receipts = require('../../src/services/receipts');

describe('receipts', () => {
  it('renders', () => {
    sinon.stub(receipts, 'renderReceipt').resolves('short');
  });
});
`,
    },
    {
      name: 'methods the project defines on its model that stay in the process (a hash check, a static helper)',
      filename: TEST_JS,
      code: `const sinon = require('sinon');
const Baker = require('../../src/models/baker');

describe('sign-in', () => {
  afterEach(() => sinon.restore());
  it('refuses a wrong pin', async () => {
    const baker = new Baker({ name: 'Ada', pin: 'x' });
    sinon.stub(baker, 'checkPin').callsFake((pin, done) => done(null, false));
    sinon.stub(Baker, 'normaliseName').resolves('ada');
    await signIn(baker, '0000');
  });
});
`,
    },
    {
      name: 'a method the repository inherits from a base class that loads nothing',
      filename: TEST_JS,
      code: `const sinon = require('sinon');
const OvenRepository = require('../../src/data/oven-repository');

describe('ovens', () => {
  it('counts', () => {
    sinon.stub(OvenRepository.prototype, 'count').resolves(3);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: "a model's own method that saves the document, and a query of the library on the model",
      filename: TEST_JS,
      code: `const sinon = require('sinon');
const Baker = require('../../src/models/baker');

describe('shifts', () => {
  afterEach(() => sinon.restore());
  it('adds a shift', async () => {
    const baker = new Baker({ name: 'Ada', shifts: 1 });
    sinon.stub(baker, 'addShift').resolves({ name: 'Ada', shifts: 2 });
    sinon.stub(Baker, 'findOne').resolves({ name: 'Ada', shifts: 1 });
    await startShift('Ada');
  });
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          line: 8,
          data: member('`baker.addShift` from `../../src/models/baker`', 'database', '`sinon.stub`', 'so this call no longer reaches the database'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`baker.addShift` from `../../src/models/baker`', 'database', '`sinon.stub`', 'so this call no longer reaches the database'),
              output: `const sinon = require('sinon');
const Baker = require('../../src/models/baker');

describe('shifts', () => {
  afterEach(() => sinon.restore());
  it('adds a shift', async () => {
    const baker = new Baker({ name: 'Ada', shifts: 1 });
    sinon.stub(Baker, 'findOne').resolves({ name: 'Ada', shifts: 1 });
    await startShift('Ada');
  });
});
`,
            },
          ],
        },
        {
          messageId: 'mockedDatabase',
          line: 9,
          data: member('`Baker.findOne` from `../../src/models/baker`', 'database', '`sinon.stub`', 'so this call no longer reaches the database'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`Baker.findOne` from `../../src/models/baker`', 'database', '`sinon.stub`', 'so this call no longer reaches the database'),
              output: `const sinon = require('sinon');
const Baker = require('../../src/models/baker');

describe('shifts', () => {
  afterEach(() => sinon.restore());
  it('adds a shift', async () => {
    const baker = new Baker({ name: 'Ada', shifts: 1 });
    sinon.stub(baker, 'addShift').resolves({ name: 'Ada', shifts: 2 });
    await startShift('Ada');
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a method of a repository class that `require` hands over whole',
      filename: TEST_JS,
      code: `const sinon = require('sinon');
const OvenRepository = require('../../src/data/oven-repository');

describe('ovens', () => {
  it('reports a failed bake', async () => {
    sinon.stub(OvenRepository.prototype, 'bake').rejects(new Error('disk full'));
    await bakeOrFail();
  });
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          line: 6,
          data: member('`OvenRepository.prototype.bake` from `../../src/data/oven-repository`', 'database', '`sinon.stub`', 'so this call no longer reaches the database'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`OvenRepository.prototype.bake` from `../../src/data/oven-repository`', 'database', '`sinon.stub`', 'so this call no longer reaches the database'),
              output: `
describe('ovens', () => {
  it('reports a failed bake', async () => {
    await bakeOrFail();
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a function of a mail adapter stubbed on the module object, through a sandbox',
      filename: TEST_JS,
      code: `const sinon = require('sinon');
const receipts = require('../../src/services/receipts');

const sandbox = sinon.createSandbox();
afterEach(() => sandbox.restore());

describe('checkout', () => {
  it('sends a receipt', async () => {
    sandbox.stub(receipts, 'sendReceipt').callsFake(() => Promise.resolve('sent'));
    await checkout();
  });
});
`,
      errors: [
        {
          messageId: 'mockedBoundary',
          line: 9,
          data: member('`receipts.sendReceipt` from `../../src/services/receipts`', 'email', '`sinon.stub`', 'so this call no longer reaches the email service'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`receipts.sendReceipt` from `../../src/services/receipts`', 'email', '`sinon.stub`', 'so this call no longer reaches the email service'),
              output: `const sinon = require('sinon');

const sandbox = sinon.createSandbox();
afterEach(() => sandbox.restore());

describe('checkout', () => {
  it('sends a receipt', async () => {
    await checkout();
  });
});
`,
            },
          ],
        },
      ],
    },
  ],
});

ts.run('no-boundary-mock: adapters of a TypeScript project (Vitest, Jest)', rule, {
  valid: [
    {
      name: 'a barrel that hands out the store beside a pure helper is not one client',
      filename: TEST_TS,
      code: `import { vi, test, expect } from 'vitest';
import { keyOf } from '@bakery/files/tools';

vi.mock('@bakery/files/tools');

test('keys', () => {
  expect(keyOf('1')).toBeUndefined();
});
`,
    },
    {
      name: 'a service the test server looks up by class is what that class is, not the server',
      filename: TEST_TS,
      code: `import { vi, test } from 'vitest';
import { TestServer } from '../../src/test-server';
import { PricingService } from '../../src/pricing';

test('quotes a loaf', () => {
  const server = new TestServer();
  const pricing = server.getService(PricingService);
  vi.spyOn(pricing, 'quote').mockResolvedValue(9);
});
`,
    },
    {
      name: 'a local object named Reflect is not the built-in, and what its get hands back is not traced',
      filename: TEST_TS,
      code: `import BucketStore from '../../src/files/bucket';

const Reflect = { get: (_target: unknown, _key: string) => ({ call: () => ({ client: { send: async () => 'ok' } }) }) };

it('answers from a local stand-in', async () => {
  const store = new BucketStore();
  const { client } = await Reflect.get(store, 'connection').call(store);
  jest.spyOn(client, 'send').mockResolvedValue('ok');
});
`,
    },
    {
      name: 'a module that starts workflows and reads the database is not one boundary\u2019s adapter',
      filename: TEST_TS,
      code: `import { vi, test } from 'vitest';
import { closeBatch } from '../../src/batches';

vi.mock('../../src/jobs/bake-workflow', () => ({ startBakeWorkflow: vi.fn() }));

test('closes a batch', async () => {
  await closeBatch('b1');
});
`,
    },
    {
      name: 'scheduling a job is inherited from the queue base class, not done through the job module\u2019s database',
      filename: TEST_TS,
      code: `import { vi, test } from 'vitest';
import { ImportJob } from '../../src/jobs/import-job';

test('runs the import inline', async () => {
  vi.spyOn(ImportJob.prototype, 'schedule').mockResolvedValue(undefined);
  await new ImportJob().run(['rye']);
});
`,
    },
  ],
  invalid: [
    {
      name: 'an adapter built on a hosted mail SDK: faked at the HTTP level, not run locally (Vitest)',
      filename: TEST_TS,
      code: `import { vi, test } from 'vitest';
import { signUp } from '../../src/accounts';

vi.mock('../../src/services/newsletter', () => ({ subscribe: vi.fn() }));

test('signs a baker up', async () => {
  await signUp('ada@example.test');
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          line: 4,
          data: member('module `../../src/services/newsletter`', 'email', '`vi.mock`', 'so its calls no longer send requests'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('module `../../src/services/newsletter`', 'email', '`vi.mock`', 'so its calls no longer send requests'),
              output: `import { test } from 'vitest';
import { signUp } from '../../src/accounts';

test('signs a baker up', async () => {
  await signUp('ada@example.test');
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the workflow server\u2019s client mocked whole (Vitest)',
      filename: TEST_TS,
      code: `import { vi, test } from 'vitest';
import { startBakeWorkflow } from '../../src/jobs/bake-workflow';

vi.mock('@temporalio/client');

test('starts a bake', async () => {
  await startBakeWorkflow('b1');
});
`,
      errors: [
        {
          messageId: 'mockedBoundary',
          line: 4,
          data: member('module `@temporalio/client`', 'queue', '`vi.mock`', 'so its calls no longer reach the queue service'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('module `@temporalio/client`', 'queue', '`vi.mock`', 'so its calls no longer reach the queue service'),
              output: `import { test } from 'vitest';
import { startBakeWorkflow } from '../../src/jobs/bake-workflow';

test('starts a bake', async () => {
  await startBakeWorkflow('b1');
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an HTTP adapter function replaced through a tsconfig alias (Vitest)',
      filename: TEST_TS,
      code: `import { vi, test, expect } from 'vitest';
import * as weather from '@bakery/services/weather';

test('bakes less when it rains', async () => {
  vi.spyOn(weather, 'forecast').mockResolvedValue('rain');
  expect(await plan()).toBe(10);
});
`,
      errors: [
        {
          messageId: 'mockedHttp',
          line: 5,
          data: member('`weather.forecast` from `@bakery/services/weather`', 'http', '`vi.spyOn`', 'so this call no longer sends a request'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`weather.forecast` from `@bakery/services/weather`', 'http', '`vi.spyOn`', 'so this call no longer sends a request'),
              output: `import { test, expect } from 'vitest';

test('bakes less when it rains', async () => {
  expect(await plan()).toBe(10);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a module that hands out the one storage backend, mocked whole through an alias (Vitest)',
      filename: TEST_TS,
      code: `import { vi, test } from 'vitest';

vi.mock('@bakery/files');

test('uploads a photo', async () => {
  await uploadPhoto();
});
`,
      errors: [
        {
          messageId: 'mockedBoundary',
          line: 3,
          data: member('module `@bakery/files`', 'storage', '`vi.mock`', 'so its calls no longer reach the storage service'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('module `@bakery/files`', 'storage', '`vi.mock`', 'so its calls no longer reach the storage service'),
              output: `import { test } from 'vitest';

test('uploads a photo', async () => {
  await uploadPhoto();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the SDK client a storage adapter hands out, read with Reflect.get (Jest)',
      filename: TEST_TS,
      code: `import BucketStore from '../../src/files/bucket';

it('gives up when the bucket refuses', async () => {
  const store = new BucketStore();
  const { client } = await Reflect.get(store, 'connection').call(store);
  jest.spyOn(client, 'send').mockRejectedValue(new Error('denied'));
  await expect(store.put('a', 'b')).rejects.toThrow('denied');
});
`,
      errors: [
        {
          messageId: 'mockedBoundary',
          line: 6,
          data: member('`client.send` from `../../src/files/bucket`', 'storage', '`jest.spyOn`', 'so this call no longer reaches the storage service'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`client.send` from `../../src/files/bucket`', 'storage', '`jest.spyOn`', 'so this call no longer reaches the storage service'),
              output: `import BucketStore from '../../src/files/bucket';

it('gives up when the bucket refuses', async () => {
  const store = new BucketStore();
  const { client } = await Reflect.get(store, 'connection').call(store);
  await expect(store.put('a', 'b')).rejects.toThrow('denied');
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an adapter the test server looks up by its class (Vitest)',
      filename: TEST_TS,
      code: `import { vi, test } from 'vitest';
import { TestServer } from '../../src/test-server';
import { LedgerStore } from '../../src/ledger';

test('books a sale', async () => {
  const server = new TestServer();
  const ledger = server.getService(LedgerStore);
  vi.spyOn(ledger, 'append').mockResolvedValue(undefined);
  await sell();
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          line: 8,
          data: member('`ledger.append` from `../../src/ledger`', 'database', '`vi.spyOn`', 'so this call no longer reaches the database'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`ledger.append` from `../../src/ledger`', 'database', '`vi.spyOn`', 'so this call no longer reaches the database'),
              output: `import { test } from 'vitest';
import { TestServer } from '../../src/test-server';
import { LedgerStore } from '../../src/ledger';

test('books a sale', async () => {
  const server = new TestServer();
  const ledger = server.getService(LedgerStore);
  await sell();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a method the job class defines itself over the database it loads (Vitest)',
      filename: TEST_TS,
      code: `import { vi, test } from 'vitest';
import { ImportJob } from '../../src/jobs/import-job';

test('reports a failed import', async () => {
  vi.spyOn(ImportJob.prototype, 'run').mockRejectedValue(new Error('locked'));
  await importFile();
});
`,
      errors: [
        {
          messageId: 'mockedDatabase',
          line: 5,
          data: member('`ImportJob.prototype.run` from `../../src/jobs/import-job`', 'database', '`vi.spyOn`', 'so this call no longer reaches the database'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`ImportJob.prototype.run` from `../../src/jobs/import-job`', 'database', '`vi.spyOn`', 'so this call no longer reaches the database'),
              output: `import { test } from 'vitest';

test('reports a failed import', async () => {
  await importFile();
});
`,
            },
          ],
        },
      ],
    },
  ],
});

/** A mock that keeps the real module and replaces one export, the way Vitest and Jest suites write it. */
const PARTIAL_VITEST = (replaced: string) => `import { vi, test, expect } from 'vitest';
import { sendReceipt } from '../../src/services/receipts';

vi.mock('../../src/services/receipts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/services/receipts')>()),
  ${replaced}: vi.fn(),
}));

test('mails the receipt', async () => {
  expect(await sendReceipt('ada@example.test', 'two loaves')).toMatchObject({ to: 'ada@example.test' });
});
`;

const PARTIAL_JEST = (replaced: string) => `import { forecast } from '../../src/services/weather';

jest.mock('../../src/services/weather', () => {
  const actual = jest.requireActual('../../src/services/weather');
  return { ...actual, ${replaced}: jest.fn() };
});

it('reads the forecast', async () => {
  expect(await forecast('Lyon')).toBeDefined();
});
`;

const WITHOUT_MOCK = (header: string, body: string) => `${header}

${body}`;

ts.run('no-boundary-mock: a module mock that keeps the rest of the real module (Vitest, Jest)', rule, {
  valid: [
    {
      name: 'the one export replaced is a renderer that reaches nothing (Vitest)',
      filename: TEST_TS,
      code: PARTIAL_VITEST('renderReceipt'),
    },
    {
      name: 'the one export replaced is not one the module has (Jest)',
      filename: TEST_TS,
      code: PARTIAL_JEST('units'),
    },
  ],
  invalid: [
    {
      name: 'the one export replaced is the function that sends the mail (Vitest)',
      filename: TEST_TS,
      code: PARTIAL_VITEST('sendReceipt'),
      errors: [
        {
          messageId: 'mockedBoundary',
          line: 4,
          data: member('`sendReceipt` from `../../src/services/receipts`', 'email', '`vi.mock`', 'so its calls no longer reach the email service'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`sendReceipt` from `../../src/services/receipts`', 'email', '`vi.mock`', 'so its calls no longer reach the email service'),
              output: WITHOUT_MOCK(
                `import { test, expect } from 'vitest';
import { sendReceipt } from '../../src/services/receipts';`,
                `test('mails the receipt', async () => {
  expect(await sendReceipt('ada@example.test', 'two loaves')).toMatchObject({ to: 'ada@example.test' });
});
`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the one export replaced is the HTTP call, beside the real module kept under a name (Jest)',
      filename: TEST_TS,
      code: PARTIAL_JEST('forecast'),
      errors: [
        {
          messageId: 'mockedHttp',
          line: 3,
          data: member('`forecast` from `../../src/services/weather`', 'http', '`jest.mock`', 'so its calls no longer send requests'),
          suggestions: [
            {
              messageId: 'removeMock',
              data: member('`forecast` from `../../src/services/weather`', 'http', '`jest.mock`', 'so its calls no longer send requests'),
              output: WITHOUT_MOCK(
                `import { forecast } from '../../src/services/weather';`,
                `it('reads the forecast', async () => {
  expect(await forecast('Lyon')).toBeDefined();
});
`,
              ),
            },
          ],
        },
      ],
    },
  ],
});
