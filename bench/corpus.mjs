// A deterministic generator of a realistic test suite: unit, integration and acceptance files for
// Jest, Vitest, Mocha and node:test, in TypeScript and JavaScript (ESM and CommonJS), 30 to 400
// lines each. Most files are written the right way; a realistic share carries the anti-patterns the
// plugin looks for. The same seed always gives the same files, byte for byte.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MIN_LINES = 30;
export const MAX_LINES = 400;

/** The settings the generated suite needs: where its adapters live, by boundary kind. */
export const CORPUS_SETTINGS = {
  'integration-tests': {
    boundaries: {
      database: ['src/repositories/**', 'src/db/**'],
      http: ['src/adapters/payments/**'],
      queue: ['src/adapters/events/**'],
    },
  },
};

/** mulberry32: small, fast and good enough to make a corpus reproducible from one number. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1][0];
    },
  };
  return random;
}

// ---------------------------------------------------------------------------------------------
// The domain the suite tests: entities with fields, and the functions and adapters around them.

const ENTITIES = [
  { name: 'user', area: 'accounts', fields: ['email', 'fullName', 'role:admin|member|viewer'], pure: ['normalizeEmail', 'validateUserInput', 'formatDisplayName', 'canInviteMembers'] },
  { name: 'order', area: 'orders', fields: ['customerId', 'total', 'currency', 'status:pending|paid|shipped|cancelled'], pure: ['calculateOrderTotal', 'applyDiscount', 'formatOrderNumber', 'canCancelOrder'] },
  { name: 'invoice', area: 'billing', fields: ['customerId', 'amount', 'currency', 'dueDate', 'status:draft|open|paid|void'], pure: ['computeTaxes', 'formatInvoiceNumber', 'isOverdue', 'splitInstallments'] },
  { name: 'product', area: 'catalog', fields: ['sku', 'title', 'price', 'stock'], pure: ['slugifyTitle', 'parseSku', 'comparePrices', 'isInStock'] },
  { name: 'cart', area: 'checkout', fields: ['customerId', 'itemCount', 'subtotal', 'currency'], pure: ['mergeCarts', 'cartSubtotal', 'validateCoupon', 'estimateShipping'] },
  { name: 'payment', area: 'payments', fields: ['orderId', 'amount', 'currency', 'method:card|sepa|paypal', 'status:authorized|captured|failed'], pure: ['maskCardNumber', 'toMinorUnits', 'isRetryable', 'parseWebhookPayload'] },
  { name: 'subscription', area: 'billing', fields: ['customerId', 'plan:basic|pro|enterprise', 'seats', 'status:trialing|active|past_due'], pure: ['prorateChange', 'nextRenewalDate', 'seatPrice', 'canDowngrade'] },
  { name: 'shipment', area: 'shipping', fields: ['orderId', 'carrier:dhl|ups|fedex', 'trackingCode', 'weightGrams'], pure: ['parseTrackingCode', 'estimateDelivery', 'packageSize', 'formatAddress'] },
  { name: 'customer', area: 'crm', fields: ['email', 'fullName', 'country', 'segment:smb|mid|enterprise'], pure: ['scoreLead', 'mergeDuplicates', 'normalizePhone', 'assignSegment'] },
  { name: 'review', area: 'catalog', fields: ['productId', 'rating', 'body', 'status:pending|published|hidden'], pure: ['averageRating', 'detectSpam', 'truncateBody', 'sortByHelpfulness'] },
  { name: 'coupon', area: 'marketing', fields: ['code', 'percentOff', 'maxRedemptions', 'status:active|expired'], pure: ['generateCode', 'isCouponValid', 'discountFor', 'parseCampaign'] },
  { name: 'ticket', area: 'support', fields: ['customerId', 'subject', 'priority:low|normal|urgent', 'status:open|pending|closed'], pure: ['routeTicket', 'slaDeadline', 'extractMentions', 'formatSubject'] },
  { name: 'booking', area: 'reservations', fields: ['customerId', 'roomId', 'nights', 'status:held|confirmed|cancelled'], pure: ['overlaps', 'nightsBetween', 'cancellationFee', 'formatStay'] },
  { name: 'notification', area: 'messaging', fields: ['recipientId', 'channel:email|sms|push', 'template', 'status:queued|sent|failed'], pure: ['renderTemplate', 'pickChannel', 'isQuietHours', 'batchByRecipient'] },
  { name: 'article', area: 'content', fields: ['title', 'body', 'authorId', 'status:draft|review|published'], pure: ['readingTime', 'slugifyTitle', 'excerpt', 'sanitizeHtml'] },
  { name: 'comment', area: 'content', fields: ['articleId', 'authorId', 'body'], pure: ['threadComments', 'redactEmails', 'countReplies', 'formatTimestamp'] },
  { name: 'project', area: 'workspace', fields: ['title', 'ownerId', 'visibility:private|team|public'], pure: ['canView', 'projectKey', 'archiveAfter', 'sortProjects'] },
  { name: 'task', area: 'workspace', fields: ['projectId', 'title', 'assigneeId', 'status:todo|doing|done'], pure: ['nextStatus', 'dueLabel', 'groupByAssignee', 'estimatePoints'] },
  { name: 'team', area: 'accounts', fields: ['title', 'ownerId', 'seats'], pure: ['memberLimit', 'inviteLink', 'roleFor', 'canRemoveMember'] },
  { name: 'refund', area: 'payments', fields: ['paymentId', 'amount', 'currency', 'reason:duplicate|fraud|requested'], pure: ['refundableAmount', 'isPartialRefund', 'refundReasonLabel', 'validateRefund'] },
];

const FIRST_NAMES = ['ada', 'grace', 'linus', 'margaret', 'alan', 'barbara', 'ken', 'radia', 'edsger', 'frances', 'john', 'sophie'];
const LAST_NAMES = ['lovelace', 'hopper', 'torvalds', 'hamilton', 'turing', 'liskov', 'thompson', 'perlman', 'dijkstra', 'allen', 'backus', 'wilson'];
const COUNTRIES = ['DE', 'FR', 'NL', 'US', 'GB', 'SE', 'ES', 'IT'];
const WORDS = ['quarterly', 'report', 'blue', 'widget', 'launch', 'plan', 'winter', 'sale', 'field', 'notes', 'garden', 'tools', 'retro', 'kit'];

const pascal = (name) => name[0].toUpperCase() + name.slice(1);
const plural = (name) => (name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`);
const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fieldValue(random, field) {
  const [key, choices] = field.split(':');
  if (choices) return quote(random.pick(choices.split('|')));
  switch (key) {
    case 'email':
      return quote(`${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}${random.int(1, 99)}@example.com`);
    case 'fullName':
      return quote(`${pascal(random.pick(FIRST_NAMES))} ${pascal(random.pick(LAST_NAMES))}`);
    case 'total':
    case 'amount':
    case 'price':
    case 'subtotal':
      return `${random.int(1, 999)}.${random.pick(['00', '50', '99', '25'])}`;
    case 'currency':
      return quote(random.pick(['EUR', 'USD', 'GBP', 'SEK']));
    case 'country':
      return quote(random.pick(COUNTRIES));
    case 'dueDate':
      return quote(`2025-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`);
    case 'sku':
      return quote(`SKU-${random.int(1000, 9999)}`);
    case 'code':
      return quote(`${random.pick(WORDS).toUpperCase()}${random.int(5, 50)}`);
    case 'trackingCode':
      return quote(`1Z${random.int(100000, 999999)}${random.int(1000, 9999)}`);
    case 'title':
    case 'subject':
    case 'template':
      return quote(`${pascal(random.pick(WORDS))} ${random.pick(WORDS)}`);
    case 'body':
      return quote(`${pascal(random.pick(WORDS))} ${random.pick(WORDS)} ${random.pick(WORDS)}.`);
    case 'stock':
    case 'seats':
    case 'nights':
    case 'itemCount':
    case 'rating':
    case 'percentOff':
    case 'maxRedemptions':
    case 'weightGrams':
      return String(random.int(1, key === 'weightGrams' ? 5000 : key === 'rating' ? 5 : 40));
    default:
      // Identifiers of other entities: customerId, orderId, authorId, …
      return quote(`${key.replace(/Id$/, '').slice(0, 3)}_${random.int(1000, 99999)}`);
  }
}

function fieldsOf(random, entity, count = entity.fields.length) {
  return entity.fields.slice(0, count).map((field) => [field.split(':')[0], fieldValue(random, field)]);
}

/** An object literal as lines; short ones stay on one line. */
function objectLines(prefix, entries, suffix) {
  if (entries.length === 0) return [`${prefix}{}${suffix}`];
  const inline = `${prefix}{ ${entries.map(([key, value]) => `${key}: ${value}`).join(', ')} }${suffix}`;
  if (entries.length <= 2 && inline.length <= 100) return [inline];
  return [`${prefix}{`, ...entries.map(([key, value]) => `  ${key}: ${value},`), `}${suffix}`];
}

const indent = (lines, depth = 1) => lines.map((line) => (line === '' ? '' : '  '.repeat(depth) + line));

// ---------------------------------------------------------------------------------------------
// One file under construction: imports are collected while the body is written, then rendered.

class TestFile {
  constructor({ filePath, layer, framework, ts, esm, random }) {
    Object.assign(this, { filePath, layer, framework, ts, esm, random });
    this.imports = new Map();
    /** Project targets (`src/...`) by the specifier this file loads them with. */
    this.projectTargets = new Map();
    this.patterns = new Set();
    this.preamble = [];
    this.hooks = [];
    this.blocks = [];
  }

  type(annotation) {
    return this.ts ? annotation : '';
  }

  /** A relative specifier from this file to a project file (`src/...`). */
  project(target) {
    let specifier = path.posix.relative(path.posix.dirname(this.filePath), target);
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    if (!this.ts && this.esm && this.framework === 'node:test') specifier = `${specifier}.js`;
    this.projectTargets.set(specifier, target);
    return specifier;
  }

  entry(source) {
    let entry = this.imports.get(source);
    if (!entry) {
      entry = { names: new Set(), types: new Set(), defaultName: null, namespace: null, order: this.imports.size };
      this.imports.set(source, entry);
    }
    return entry;
  }

  importNamed(source, ...names) {
    for (const name of names) this.entry(source).names.add(name);
  }

  importType(source, ...names) {
    if (this.ts) for (const name of names) this.entry(source).types.add(name);
  }

  importDefault(source, local) {
    this.entry(source).defaultName = local;
  }

  importNamespace(source, local) {
    this.entry(source).namespace = local;
  }

  renderImports() {
    const rank = (source) => (['vitest', '@jest/globals', 'node:test', 'mocha', 'chai', 'node:assert/strict'].includes(source) ? 0 : source.startsWith('.') ? 2 : 1);
    const sources = [...this.imports.keys()].sort((a, b) => rank(a) - rank(b) || this.imports.get(a).order - this.imports.get(b).order);
    const lines = [];
    for (const source of sources) {
      const { names, types, defaultName, namespace } = this.imports.get(source);
      const named = [...names].sort();
      if (this.esm) {
        if (namespace) lines.push(`import * as ${namespace} from ${quote(source)};`);
        const parts = [];
        if (defaultName) parts.push(defaultName);
        if (named.length > 0) parts.push(`{ ${named.join(', ')} }`);
        if (parts.length > 0) lines.push(`import ${parts.join(', ')} from ${quote(source)};`);
        if (types.size > 0) lines.push(`import type { ${[...types].sort().join(', ')} } from ${quote(source)};`);
        if (parts.length === 0 && !namespace && types.size === 0) lines.push(`import ${quote(source)};`);
      } else {
        if (namespace || defaultName) lines.push(`const ${namespace ?? defaultName} = require(${quote(source)});`);
        if (named.length > 0) lines.push(`const { ${named.join(', ')} } = require(${quote(source)});`);
      }
    }
    return lines;
  }

  render(extraBlocks = []) {
    const api = this.api;
    const blocks = [...this.blocks, ...extraBlocks];
    const suiteBody = [...this.hooks];
    for (const block of blocks) {
      if (suiteBody.length > 0) suiteBody.push('');
      suiteBody.push(...block);
    }
    const suite = api.describe(this.suiteTitle, suiteBody);
    const trim = (lines) => {
      let [start, end] = [0, lines.length];
      while (start < end && lines[start] === '') start++;
      while (end > start && lines[end - 1] === '') end--;
      return lines.slice(start, end);
    };
    const sections = [this.renderImports(), this.preamble, suite].map(trim).filter((section) => section.length > 0);
    return `${sections.map((section) => section.join('\n')).join('\n\n')}\n`;
  }
}

// ---------------------------------------------------------------------------------------------
// What each framework writes for suites, tests, hooks, assertions and doubles.

function createApi(file) {
  const { framework, random } = file;
  const jestImports = framework === 'jest' && file.esm && random.chance(0.35);
  const source = framework === 'vitest' ? 'vitest' : framework === 'node:test' ? 'node:test' : jestImports ? '@jest/globals' : null;
  const use = (name) => {
    if (source) file.importNamed(source, name);
    return name;
  };
  const mochaFunctions = framework === 'mocha' && random.chance(0.6);
  const testName = framework === 'mocha' ? 'it' : random.pick(['it', 'test']);
  const hookName = (hook) => ((framework === 'mocha' || framework === 'node:test') && hook.endsWith('All') ? hook.replace('All', '') : hook);
  const callback = (asyncBody) => (mochaFunctions ? `${asyncBody ? 'async ' : ''}function () {` : `${asyncBody ? 'async ' : ''}() => {`);
  const close = '});';

  const expectSource = () => {
    if (framework === 'mocha') file.importNamed('chai', 'expect');
    else if (framework === 'node:test') file.importDefault('node:assert/strict', 'assert');
    else use('expect');
  };
  const isAsync = (lines) => lines.some((line) => line.includes('await '));
  const doubles = () => {
    if (framework === 'jest') return jestImports ? use('jest') : 'jest';
    if (framework === 'vitest') return use('vi');
    if (framework === 'mocha') {
      file.importDefault('sinon', 'sinon');
      return 'sinon';
    }
    return use('mock');
  };

  // Real suites rarely repeat a title in one file; a repeated one gets a variant number.
  const titles = new Map();
  const unique = (title) => {
    const seen = titles.get(title) ?? 0;
    titles.set(title, seen + 1);
    return seen === 0 ? title : `${title} (variant ${seen + 1})`;
  };

  return {
    framework,
    testName,
    describe: (title, body) => [`${use('describe')}(${quote(title)}, ${mochaFunctions ? 'function () {' : '() => {'}`, ...indent(body), close],
    test: (title, body, { modifier } = {}) => [
      `${use(testName)}${modifier ? `.${modifier}` : ''}(${quote(unique(title))}, ${callback(isAsync(body))}`,
      ...indent(body),
      close,
    ],
    each: (rows, title, params, body) => {
      if (framework === 'jest' || framework === 'vitest') {
        return [
          `${use(testName)}.each([`,
          ...indent(rows.map((row) => `[${row.join(', ')}],`)),
          `])(${quote(title)}, (${params.join(', ')}) => {`,
          ...indent(body),
          '});',
        ];
      }
      const name = use(testName);
      return [
        `for (const [${params.join(', ')}] of [`,
        ...indent(rows.map((row) => `[${row.join(', ')}],`)),
        `]${file.ts ? ' as const' : ''}) {`,
        `  ${name}(\`${params.reduce((text, param) => text.replace('%s', `\${${param}}`), title)}\`, () => {`,
        ...indent(body, 2),
        '  });',
        '}',
      ];
    },
    hook: (hook, body) => [`${use(hookName(hook))}(${callback(isAsync(body))}`, ...indent(body), close],
    timeout: (ms) => (framework === 'mocha' && mochaFunctions ? [`this.timeout(${ms});`] : []),
    eq: (actual, expected) => {
      expectSource();
      if (framework === 'mocha') return `expect(${actual}).to.equal(${expected});`;
      if (framework === 'node:test') return `assert.equal(${actual}, ${expected});`;
      return `expect(${actual}).toBe(${expected});`;
    },
    deepEq: (actual, entries) => {
      expectSource();
      if (framework === 'mocha') return objectLines(`expect(${actual}).to.deep.include(`, entries, ');');
      if (framework === 'node:test') return entries.map(([key, value]) => `assert.equal(${actual}?.${key}, ${value});`);
      return objectLines(`expect(${actual}).toMatchObject(`, entries, ');');
    },
    len: (actual, count) => {
      expectSource();
      if (framework === 'mocha') return `expect(${actual}).to.have.lengthOf(${count});`;
      if (framework === 'node:test') return `assert.equal(${actual}.length, ${count});`;
      return `expect(${actual}).toHaveLength(${count});`;
    },
    ok: (actual) => {
      expectSource();
      if (framework === 'mocha') return `expect(${actual}).to.exist;`;
      if (framework === 'node:test') return `assert.ok(${actual});`;
      return `expect(${actual}).toBeDefined();`;
    },
    throws: (call) => {
      expectSource();
      if (framework === 'mocha') return `expect(${call}).to.throw();`;
      if (framework === 'node:test') return `assert.throws(${call});`;
      return `expect(${call}).toThrow();`;
    },
    none: (actual) => {
      expectSource();
      if (framework === 'mocha') return `expect(${actual}).to.equal(null);`;
      if (framework === 'node:test') return `assert.equal(${actual}, null);`;
      return `expect(${actual}).toBeNull();`;
    },
    rejects: (call, message) => {
      expectSource();
      if (framework === 'node:test') return `await assert.rejects(${call}, /${message}/);`;
      if (framework === 'mocha') return [`const error = await ${call}.catch((caught${file.type(': unknown')}) => caught);`, `expect(String(error)).to.match(/${message}/);`];
      return `await expect(${call}).rejects.toThrow(/${message}/);`;
    },
    calledWith: (spy, argument) => {
      expectSource();
      if (framework === 'mocha') return `sinon.assert.calledWith(${spy}, ${argument});`;
      if (framework === 'node:test') return `assert.deepEqual(${spy}.mock.calls[0]?.arguments, [${argument}]);`;
      return `expect(${spy}).toHaveBeenCalledWith(${argument});`;
    },
    fn: () => {
      const lib = doubles();
      if (framework === 'mocha') return `${lib}.stub()`;
      return `${lib}.fn()`;
    },
    resolvedFn: (value) => {
      const lib = doubles();
      if (framework === 'mocha') return `${lib}.stub().resolves(${value})`;
      if (framework === 'node:test') return `${lib}.fn(async () => ${value})`;
      return `${lib}.fn().mockResolvedValue(${value})`;
    },
    stubMethod: (object, method, value) => {
      const lib = doubles();
      if (framework === 'mocha') return `${lib}.stub(${object}, ${quote(method)}).resolves(${value});`;
      if (framework === 'node:test') return `${lib}.method(${object}, ${quote(method)}, async () => ${value});`;
      return `${lib}.spyOn(${object}, ${quote(method)}).mockResolvedValue(${value});`;
    },
    /** `jest.mock('x')` / `vi.mock('x')`; other frameworks have no module mock in common use. */
    mockModule: (specifier) => {
      if (framework !== 'jest' && framework !== 'vitest') return null;
      return `${doubles()}.mock(${quote(specifier)});`;
    },
    restoreAll: () => {
      const lib = doubles();
      if (framework === 'mocha') return `${lib}.restore();`;
      if (framework === 'node:test') return `${lib}.restoreAll();`;
      return `${lib}.restoreAllMocks();`;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Boundaries an integration file can exercise: how it connects, writes, reads and cleans up.

function repositoryBoundary(file, entity, { container = false, transactional = false } = {}) {
  const Repo = `${pascal(entity.name)}Repository`;
  const table = plural(entity.name);
  file.importNamed('pg', 'Pool');
  if (file.ts) file.importType('pg', 'PoolClient');
  file.importNamed(file.project(`src/repositories/${entity.name}-repository`), Repo);
  const declare = [`let pool${file.type(': Pool')};`, `let repo${file.type(`: ${Repo}`)};`];
  const setup = [];
  const teardown = ['await pool.end();'];
  if (container) {
    file.importNamed('@testcontainers/postgresql', 'PostgreSqlContainer');
    file.importType('@testcontainers/postgresql', 'StartedPostgreSqlContainer');
    declare.unshift(`let container${file.type(': StartedPostgreSqlContainer')};`);
    setup.push(`container = await new PostgreSqlContainer('postgres:16-alpine').start();`);
    setup.push(`pool = new Pool({ connectionString: container.getConnectionUri() });`);
    setup.push(`await pool.query(migrations);`);
    file.importNamed(file.project('src/db/migrations'), 'migrations');
    teardown.push('await container.stop();');
  } else {
    setup.push(`pool = new Pool({ connectionString: process.env.DATABASE_URL });`);
  }
  if (transactional) {
    declare.push(`let client${file.type(': PoolClient')};`);
    return {
      kind: 'database', module: 'pg', handle: 'repo', declare, setup, teardown,
      perTest: ['client = await pool.connect();', `await client.query('BEGIN');`, `repo = new ${Repo}(client);`],
      cleanup: [`await client.query('ROLLBACK');`, 'client.release();'],
      insert: (name, entries) => objectLines(`const ${name} = await repo.create(`, entries, ');'),
      read: (id) => `await repo.findById(${id})`,
      list: (field, value) => `await repo.findMany({ ${field}: ${value} })`,
      update: (id, field, value) => `await repo.update(${id}, { ${field}: ${value} })`,
    };
  }
  setup.push(`repo = new ${Repo}(pool);`);
  return {
    kind: 'database', module: 'pg', handle: 'repo', declare, setup, teardown,
    perTest: [],
    cleanup: [`await pool.query(${quote(`TRUNCATE ${table} RESTART IDENTITY CASCADE`)});`],
    insert: (name, entries) => objectLines(`const ${name} = await repo.create(`, entries, ');'),
    read: (id) => `await repo.findById(${id})`,
    list: (field, value) => `await repo.findMany({ ${field}: ${value} })`,
    update: (id, field, value) => `await repo.update(${id}, { ${field}: ${value} })`,
  };
}

function knexBoundary(file, entity) {
  const table = plural(entity.name);
  file.importDefault('knex', 'knex');
  file.importType('knex', 'Knex');
  return {
    kind: 'database', module: 'knex', handle: 'db',
    declare: [`let db${file.type(': Knex')};`],
    setup: [`db = knex({ client: 'pg', connection: process.env.DATABASE_URL });`, 'await db.migrate.latest();'],
    teardown: ['await db.destroy();'],
    perTest: [],
    cleanup: [`await db(${quote(table)}).del();`],
    insert: (name, entries) => objectLines(`const [${name}] = await db(${quote(table)}).insert(`, entries, `).returning('*');`),
    read: (id) => `await db(${quote(table)}).where({ id: ${id} }).first()`,
    list: (field, value) => `await db(${quote(table)}).where({ ${field}: ${value} })`,
    update: (id, field, value) => `await db(${quote(table)}).where({ id: ${id} }).update({ ${field}: ${value} })`,
  };
}

function prismaBoundary(file, entity) {
  const model = entity.name;
  file.importNamed('@prisma/client', 'PrismaClient');
  file.preamble.push('const prisma = new PrismaClient();');
  return {
    kind: 'database', module: '@prisma/client', handle: 'prisma',
    declare: [],
    setup: ['await prisma.$connect();'],
    teardown: ['await prisma.$disconnect();'],
    perTest: [],
    cleanup: [`await prisma.${model}.deleteMany();`],
    insert: (name, entries) => [`const ${name} = await prisma.${model}.create({`, ...indent(objectLines('data: ', entries, ',')), '});'],
    read: (id) => `await prisma.${model}.findUnique({ where: { id: ${id} } })`,
    list: (field, value) => `await prisma.${model}.findMany({ where: { ${field}: ${value} } })`,
    update: (id, field, value) => `await prisma.${model}.update({ where: { id: ${id} }, data: { ${field}: ${value} } })`,
  };
}

function mongooseBoundary(file, entity) {
  const Model = `${pascal(entity.name)}Model`;
  file.importDefault('mongoose', 'mongoose');
  file.importNamed(file.project(`src/models/${entity.name}`), Model);
  return {
    kind: 'database', module: 'mongoose', handle: Model,
    declare: [],
    setup: [`await mongoose.connect(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/test');`],
    teardown: ['await mongoose.disconnect();'],
    perTest: [],
    cleanup: [`await ${Model}.deleteMany({});`],
    insert: (name, entries) => objectLines(`const ${name} = await ${Model}.create(`, entries, ');'),
    read: (id) => `await ${Model}.findById(${id}).lean()`,
    list: (field, value) => `await ${Model}.find({ ${field}: ${value} }).lean()`,
    update: (id, field, value) => `await ${Model}.findByIdAndUpdate(${id}, { ${field}: ${value} }, { new: true })`,
  };
}

function redisBoundary(file, entity) {
  const Cache = `${pascal(entity.name)}Cache`;
  file.importDefault('ioredis', 'Redis');
  file.importNamed(file.project(`src/cache/${entity.name}-cache`), Cache);
  return {
    kind: 'cache', module: 'ioredis', handle: 'cache',
    declare: [`let redis${file.type(': Redis')};`, `let cache${file.type(`: ${Cache}`)};`],
    setup: [`redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');`, `cache = new ${Cache}(redis, { ttlSeconds: 60 });`],
    teardown: ['await redis.quit();'],
    perTest: [],
    cleanup: ['await redis.flushdb();'],
    insert: (name, entries) => [...objectLines(`const ${name} = `, [['id', quote(`${entity.name.slice(0, 3)}_${file.random.int(100, 999)}`)], ...entries], ';'), `await cache.put(${name});`],
    read: (id) => `await cache.get(${id})`,
    list: (field, value) => `await cache.findBy(${quote(field)}, ${value})`,
    update: (id, field, value) => `await cache.patch(${id}, { ${field}: ${value} })`,
  };
}

function queueBoundary(file, entity) {
  const Publisher = `${pascal(entity.name)}EventPublisher`;
  const queue = `${entity.name}-events`;
  file.importNamespace('amqplib', 'amqp');
  if (file.ts) file.importType('amqplib', 'Channel', 'ChannelModel');
  file.importNamed(file.project(`src/adapters/events/${entity.name}-events`), Publisher);
  return {
    kind: 'queue', module: 'amqplib', handle: 'publisher',
    declare: [`let connection${file.type(': ChannelModel')};`, `let channel${file.type(': Channel')};`, `let publisher${file.type(`: ${Publisher}`)};`],
    setup: [
      `connection = await amqp.connect(process.env.AMQP_URL ?? 'amqp://127.0.0.1');`,
      'channel = await connection.createChannel();',
      `await channel.assertQueue(${quote(queue)}, { durable: false });`,
      `publisher = new ${Publisher}(channel, ${quote(queue)});`,
    ],
    teardown: ['await channel.close();', 'await connection.close();'],
    perTest: [],
    cleanup: [`await channel.purgeQueue(${quote(queue)});`],
    insert: (name, entries) => [...objectLines(`const ${name} = `, [['id', quote(`evt_${file.random.int(100, 999)}`)], ...entries], ';'), `await publisher.publishCreated(${name});`],
    read: () => `await channel.get(${quote(queue)}, { noAck: true })`,
    list: () => `await publisher.pending()`,
    update: (id, field, value) => `await publisher.publishUpdated(${id}, { ${field}: ${value} })`,
  };
}

function paymentsHttpBoundary(file, entity) {
  const host = 'https://api.payments.example';
  file.importDefault('nock', 'nock');
  file.importNamed(file.project('src/adapters/payments/payments-client'), 'PaymentsClient');
  return {
    kind: 'http', module: 'nock', handle: 'client', fake: true,
    declare: [`let client${file.type(': PaymentsClient')};`],
    setup: ['nock.disableNetConnect();', `client = new PaymentsClient({ baseUrl: ${quote(host)}, apiKey: 'test-key' });`],
    teardown: ['nock.enableNetConnect();'],
    perTest: [],
    cleanup: ['nock.cleanAll();'],
    insert: (name, entries) => [
      `nock(${quote(host)})`,
      `  .post('/v1/${plural(entity.name)}')`,
      `  .reply(201, { id: ${quote(`${entity.name.slice(0, 3)}_${file.random.int(100, 999)}`)}, status: 'created' });`,
      ...objectLines(`const ${name} = await client.create${pascal(entity.name)}(`, entries, ');'),
    ],
    read: (id) => `await client.fetch${pascal(entity.name)}(${id})`,
    list: (field, value) => `await client.list${pascal(plural(entity.name))}({ ${field}: ${value} })`,
    update: (id, field, value) => `await client.update${pascal(entity.name)}(${id}, { ${field}: ${value} })`,
  };
}

function mswBoundary(file, entity) {
  const host = 'https://api.shipping.example';
  file.importNamed('msw', 'http', 'HttpResponse');
  file.importNamed('msw/node', 'setupServer');
  file.importNamed(file.project(`src/clients/${entity.name}-client`), `${pascal(entity.name)}Client`);
  file.preamble.push(`const server = setupServer();`);
  return {
    kind: 'http', module: 'msw', handle: 'apiClient', fake: true,
    declare: [`let apiClient${file.type(`: ${pascal(entity.name)}Client`)};`],
    setup: [`server.listen({ onUnhandledRequest: 'error' });`, `apiClient = new ${pascal(entity.name)}Client(${quote(host)});`],
    teardown: ['server.close();'],
    perTest: [],
    cleanup: ['server.resetHandlers();'],
    insert: (name, entries) => [
      'server.use(',
      `  http.post(${quote(`${host}/${plural(entity.name)}`)}, () => HttpResponse.json({ id: 'srv_1' }, { status: 201 })),`,
      ');',
      ...objectLines(`const ${name} = await apiClient.create(`, entries, ');'),
    ],
    read: (id) => `await apiClient.get(${id})`,
    list: (field, value) => `await apiClient.search({ ${field}: ${value} })`,
    update: (id, field, value) => `await apiClient.patch(${id}, { ${field}: ${value} })`,
  };
}

function storageBoundary(file, entity) {
  const Store = `${pascal(entity.name)}DocumentStore`;
  file.importNamed('@aws-sdk/client-s3', 'S3Client', 'CreateBucketCommand');
  file.importNamed(file.project(`src/storage/${entity.name}-documents`), Store, 'emptyBucket');
  const bucket = `${plural(entity.name)}-test`;
  return {
    kind: 'storage', module: '@aws-sdk/client-s3', handle: 'store',
    declare: [`let s3${file.type(': S3Client')};`, `let store${file.type(`: ${Store}`)};`],
    setup: [
      `s3 = new S3Client({ endpoint: 'http://127.0.0.1:4566', region: 'eu-west-1', forcePathStyle: true });`,
      `await s3.send(new CreateBucketCommand({ Bucket: ${quote(bucket)} }));`,
      `store = new ${Store}(s3, ${quote(bucket)});`,
    ],
    teardown: ['s3.destroy();'],
    perTest: [],
    cleanup: [`await emptyBucket(s3, ${quote(bucket)});`],
    insert: (name, entries) => [...objectLines(`const ${name} = await store.save(`, entries, ');')],
    read: (id) => `await store.load(${id})`,
    list: (field, value) => `await store.list({ ${field}: ${value} })`,
    update: (id, field, value) => `await store.save({ id: ${id}, ${field}: ${value} })`,
  };
}

const BOUNDARIES = [
  [(file, entity) => repositoryBoundary(file, entity), 26],
  [(file, entity) => repositoryBoundary(file, entity, { transactional: true }), 8],
  [(file, entity) => repositoryBoundary(file, entity, { container: true }), 8],
  [knexBoundary, 10],
  [prismaBoundary, 10],
  [mongooseBoundary, 6],
  [redisBoundary, 8],
  [queueBoundary, 7],
  [paymentsHttpBoundary, 8],
  [mswBoundary, 5],
  [storageBoundary, 4],
];

// ---------------------------------------------------------------------------------------------
// Test cases, built from a boundary (integration) or from plain functions and doubles (unit).

function integrationTest(file, boundary, entity) {
  const { api, random } = file;
  const name = entity.name;
  const entries = fieldsOf(random, entity);
  const statusField = entity.fields.find((field) => field.includes(':'));
  const [filterKey, filterChoices] = statusField ? statusField.split(':') : [entity.fields[0], null];
  const filterValue = filterChoices ? quote(random.pick(filterChoices.split('|'))) : entries[0][1];
  const kind = random.weighted([['create', 4], ['list', 3], ['update', 2], ['missing', 1], ['invalid', 1], ['batch', 1]]);
  switch (kind) {
    case 'create':
      return api.test(`stores a new ${name} and reads it back`, [
        ...boundary.insert(name, entries),
        '',
        `const found = ${boundary.read(`${name}.id`)};`,
        ...[api.deepEq('found', entries.slice(0, random.int(1, entries.length)))].flat(),
      ]);
    case 'list': {
      const others = fieldsOf(random, entity);
      return api.test(`lists ${plural(name)} by ${filterKey}`, [
        ...boundary.insert('first', [...entries.filter(([key]) => key !== filterKey), [filterKey, filterValue]]),
        ...boundary.insert('second', others),
        '',
        `const listed = ${boundary.list(filterKey, filterValue)};`,
        api.ok('listed'),
        api.eq(`listed.some((item${file.type(': { id: unknown }')}) => item.id === first.id)`, 'true'),
      ]);
    }
    case 'update': {
      const [key, value] = random.pick(entries);
      return api.test(`updates the ${key} of a ${name}`, [
        ...boundary.insert(name, entries),
        `${boundary.update(`${name}.id`, key, value)};`,
        '',
        `const updated = ${boundary.read(`${name}.id`)};`,
        api.eq(`updated${file.ts ? '?' : ''}.${key}`, value),
      ]);
    }
    case 'missing':
      return api.test(`returns nothing for an unknown ${name}`, [
        `const found = ${boundary.read(quote(`${name.slice(0, 3)}_missing`))};`,
        boundary.kind === 'database' ? api.none('found ?? null') : api.eq('found ?? null', 'null'),
      ]);
    case 'invalid': {
      const [key] = random.pick(entries);
      return api.test(`refuses to change the ${key} of a missing ${name}`, [
        ...[api.rejects(boundary.update(quote(`${name.slice(0, 3)}_missing`), key, 'undefined').replace(/^await /, ''), 'not found')].flat(),
      ]);
    }
    default: {
      const count = random.int(2, 5);
      return api.test(`handles ${count} ${plural(name)} written concurrently`, [
        `const inputs = Array.from({ length: ${count} }, (_, index) => ({`,
        ...indent(entries.map(([key, value], index) => (index === 0 ? `${key}: \`${value.replace(/'/g, '')}-\${index}\`,` : `${key}: ${value},`))),
        '}));',
        `await Promise.all(inputs.map(async (input) => {`,
        ...indent(boundary.insert('created', [['...input', '']]).map((line) => line.replace('...input: ', '...input'))),
        '  return created;',
        '}));',
        '',
        `const listed = ${boundary.list(entries[0][0], `inputs[0]${file.ts ? '!' : ''}.${entries[0][0]}`)};`,
        api.ok('listed'),
      ]);
    }
  }
}

function pureUnitBlock(file, entity) {
  const { api, random } = file;
  const fn = random.pick(entity.pure);
  file.importNamed(file.project(`src/${entity.area}/${entity.name}-rules`), fn);
  const tests = [];
  const count = random.int(1, 4);
  for (let index = 0; index < count; index++) {
    const style = random.weighted([['plain', 5], ['each', 2], ['object', 2], ['throws', 1]]);
    if (style === 'each') {
      const rows = Array.from({ length: random.int(2, 6) }, () => [fieldValue(random, random.pick(entity.fields)), random.pick(['true', 'false'])]);
      tests.push(api.each(rows, `${fn} of %s is %s`, ['input', 'expected'], [api.eq(`${fn}(input)`, 'expected')]));
    } else if (style === 'object') {
      const entries = fieldsOf(random, entity);
      tests.push(api.test(`${fn} keeps the ${entity.name} fields it does not touch`, [
        ...objectLines('const input = ', entries, ';'),
        `const result = ${fn}(input);`,
        ...[api.deepEq('result', entries.slice(0, 2))].flat(),
      ]));
    } else if (style === 'throws') {
      tests.push(api.test(`${fn} refuses an empty ${entity.name}`, [
        `const attempt = () => ${fn}(${file.ts ? '{} as never' : '{}'});`,
        api.throws('attempt'),
      ]));
    } else {
      const value = fieldValue(random, random.pick(entity.fields));
      tests.push(api.test(`${fn} handles ${value.replace(/'/g, '')}`, [`const result = ${fn}(${value});`, api.ok('result')]));
    }
  }
  return api.describe(fn, tests.flatMap((test, index) => (index === 0 ? test : ['', ...test])));
}

function serviceUnitBlock(file, entity, service) {
  const { api, random } = file;
  const name = entity.name;
  const entries = fieldsOf(random, entity);
  const kind = random.weighted([['returns', 3], ['saves', 3], ['missing', 2]]);
  if (kind === 'returns') {
    return api.test(`returns the ${name} from the repository`, [
      ...objectLines(`const stored = `, [['id', quote(`${name.slice(0, 3)}_1`)], ...entries.slice(0, 2)], ';'),
      service.stubFind('stored'),
      '',
      `const result = await service.get${pascal(name)}('${name.slice(0, 3)}_1');`,
      api.eq('result.id', quote(`${name.slice(0, 3)}_1`)),
      api.calledWith('repository.findById', quote(`${name.slice(0, 3)}_1`)),
    ]);
  }
  if (kind === 'saves') {
    return api.test(`saves a valid ${name}`, [
      ...objectLines('const input = ', entries, ';'),
      '',
      `await service.create${pascal(name)}(input);`,
      '',
      api.calledWith('repository.save', 'input'),
    ]);
  }
  return api.test(`fails when the ${name} does not exist`, [
    service.stubFind('null'),
    ...[api.rejects(`service.get${pascal(name)}('${name.slice(0, 3)}_404')`, 'not found')].flat(),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Files by layer.

function fillBlocks(file, target, makeBlock) {
  const lineCount = (extra) => file.render(extra).split('\n').length - 1;
  for (let guard = 0; guard < 60; guard++) {
    const block = makeBlock();
    const next = lineCount([block]);
    if (next > MAX_LINES) break;
    if (next > target && lineCount() >= MIN_LINES) break;
    file.blocks.push(block);
  }
}

function writeIntegrationFile(file, entity, target) {
  const { api, random } = file;
  const boundary = random.weighted(BOUNDARIES)(file, entity);
  const antiPatterns = {
    mockedBoundary: random.chance(0.08),
    sharedData: random.chance(0.1),
    supertest: random.chance(0.06),
    severalBoundaries: random.chance(0.06),
    realUrl: !boundary.fake && random.chance(0.05),
    missingCleanup: random.chance(0.1),
    poolInBeforeEach: random.chance(0.05),
  };
  file.suiteTitle = `${pascal(entity.name)} ${boundary.kind === 'database' ? 'repository' : boundary.kind === 'http' ? 'client' : boundary.module}`;
  file.preamble.push(...boundary.declare);

  const perTest = antiPatterns.poolInBeforeEach;
  const setupLines = [...api.timeout(30_000), ...boundary.setup];
  if (perTest) {
    file.hooks.push(...api.hook('beforeEach', [...setupLines, ...boundary.perTest]), '');
    file.hooks.push(...api.hook('afterEach', [...(antiPatterns.missingCleanup ? [] : boundary.cleanup), ...boundary.teardown]));
  } else {
    file.hooks.push(...api.hook('beforeAll', setupLines), '');
    if (boundary.perTest.length > 0) file.hooks.push(...api.hook('beforeEach', boundary.perTest), '');
    if (!antiPatterns.missingCleanup) file.hooks.push(...api.hook('afterEach', boundary.cleanup), '');
    file.hooks.push(...api.hook('afterAll', boundary.teardown));
  }
  if (antiPatterns.missingCleanup) file.patterns.add('missing-cleanup');
  if (perTest) file.patterns.add('pool-in-beforeEach');

  if (antiPatterns.mockedBoundary) {
    const moduleMock = api.mockModule(boundary.module === 'nock' || boundary.module === 'msw' ? 'axios' : boundary.module);
    if (moduleMock && random.chance(0.5)) {
      file.preamble.unshift(moduleMock, '');
    } else {
      file.blocks.push(api.test(`reports a failure from the ${entity.name} store`, [
        api.stubMethod(boundary.handle, random.pick(['create', 'save', 'findById', 'get']), 'null'),
        `const found = ${boundary.read(quote('x'))};`,
        api.eq('found ?? null', 'null'),
      ]));
    }
    file.patterns.add('mocked-boundary');
  }
  if (antiPatterns.sharedData) {
    const name = `existing${pascal(entity.name)}`;
    const type = `${pascal(entity.name)}`;
    if (file.ts) file.importType(file.project(`src/${entity.area}/types`), type);
    const inserted = boundary.insert(name, fieldsOf(random, entity));
    const assignment = inserted.map((line) => line.replace(`const ${name} = `, `${name} = `).replace(`const [${name}] = `, `[${name}] = `));
    file.blocks.push(api.describe(`with an existing ${entity.name}`, [
      `let ${name}${file.type(`: ${type}`)};`,
      '',
      ...api.hook('beforeAll', assignment),
      '',
      ...api.test(`finds it by id`, [`const found = ${boundary.read(`${name}.id`)};`, api.ok('found')]),
      '',
      ...api.test(`keeps its id stable`, [api.ok(`${name}.id`), `const again = ${boundary.read(`${name}.id`)};`, api.ok('again')]),
    ]));
    file.patterns.add('shared-data');
  }
  if (antiPatterns.supertest) {
    file.importDefault('supertest', 'request');
    file.importNamed(file.project('src/app'), 'app');
    file.blocks.push(api.test(`serves ${plural(entity.name)} over the API`, [
      `const response = await request(app).get('/api/${plural(entity.name)}').expect(200);`,
      api.ok('response.body'),
    ]));
    file.patterns.add('supertest');
  }
  if (antiPatterns.severalBoundaries) {
    const second = boundary.kind === 'cache' ? knexBoundary(file, entity) : redisBoundary(file, entity);
    const declared = second.declare.filter((line) => !file.preamble.includes(line));
    file.preamble.push(...declared);
    file.hooks.push('', ...api.hook('beforeAll', second.setup), '', ...api.hook('afterAll', second.teardown));
    file.blocks.push(api.test(`keeps the ${second.kind} in step`, [...second.insert('mirrored', fieldsOf(random, entity, 2)), api.ok('mirrored')]));
    file.patterns.add('several-boundaries');
  }
  if (antiPatterns.realUrl) {
    const url = random.pick([
      'https://api.stripe.com/v1/charges?limit=3',
      'https://api.github.com/repos/acme/shop/issues',
      'https://hooks.slack.com/services/T000/B000/XXXX',
      'https://api.exchangerate.host/latest?base=EUR',
    ]);
    file.blocks.push(api.test('talks to the provider', [`const response = await fetch(${quote(url)});`, api.eq('response.ok', 'true')]));
    file.patterns.add('real-url');
  }

  fillBlocks(file, target, () => {
    if (random.chance(0.25)) {
      const tests = Array.from({ length: random.int(2, 3) }, () => integrationTest(file, boundary, entity));
      return api.describe(random.pick(['create', 'findById', 'list', 'update', 'edge cases']), tests.flatMap((test, index) => (index === 0 ? test : ['', ...test])));
    }
    return integrationTest(file, boundary, entity);
  });
}

function writeUnitFile(file, entity, target) {
  const { api, random } = file;
  const style = random.weighted([['pure', 5], ['service', 4]]);
  if (random.chance(0.04)) {
    // Real infrastructure opened in a unit test.
    if (random.chance(0.5)) {
      file.importNamed('pg', 'Pool');
      file.preamble.push(`const pool = new Pool({ connectionString: process.env.DATABASE_URL });`);
      file.hooks.push(...api.hook('afterAll', ['await pool.end();']), '');
    } else {
      file.importNamed('testcontainers', 'GenericContainer');
      file.hooks.push(...api.hook('beforeAll', [`await new GenericContainer('redis:7').withExposedPorts(6379).start();`]), '');
    }
    file.patterns.add('infrastructure-in-unit');
  }
  if (random.chance(0.03)) {
    file.blocks.push(api.test('loads live rates', [`const response = await fetch('https://api.exchangerate.host/latest?base=EUR');`, api.eq('response.status', '200')]));
    file.patterns.add('real-url');
  }
  if (style === 'pure') {
    file.suiteTitle = `${entity.area} ${entity.name} rules`;
    fillBlocks(file, target, () => pureUnitBlock(file, entity));
    return;
  }
  const Service = `${pascal(entity.name)}Service`;
  file.suiteTitle = Service;
  file.importNamed(file.project(`src/${entity.area}/${entity.name}-service`), Service);
  const viaModuleMock = random.chance(0.35) && api.mockModule(file.project(`src/repositories/${entity.name}-repository`));
  if (viaModuleMock) {
    file.preamble.push(viaModuleMock);
    file.importNamed(file.project(`src/repositories/${entity.name}-repository`), `${pascal(entity.name)}Repository`);
  }
  file.preamble.push(
    '',
    ...objectLines(`const repository = `, [['findById', api.fn()], ['save', api.resolvedFn('undefined')], ['findMany', api.resolvedFn('[]')]], ';'),
    `const clock = { now: () => new Date('2025-01-15T10:00:00Z') };`,
  );
  file.hooks.push(...api.hook('beforeEach', [`service = new ${Service}(repository${file.ts ? ' as never' : ''}, clock);`]), '');
  file.hooks.push(...api.hook('afterEach', [api.restoreAll()]));
  file.preamble.push(`let service${file.type(`: ${Service}`)};`);
  const service = {
    stubFind: (value) => {
      if (file.framework === 'mocha') return `repository.findById.resolves(${value});`;
      if (file.framework === 'node:test') return `repository.findById.mock.mockImplementation(async () => ${value});`;
      return `repository.findById.mockResolvedValue(${value});`;
    },
  };
  fillBlocks(file, target, () => {
    if (random.chance(0.3)) {
      const tests = Array.from({ length: random.int(2, 3) }, () => serviceUnitBlock(file, entity, service));
      return api.describe(`${random.pick(['get', 'create'])}${pascal(entity.name)}`, tests.flatMap((test, index) => (index === 0 ? test : ['', ...test])));
    }
    return serviceUnitBlock(file, entity, service);
  });
}

function writeAcceptanceFile(file, entity, target) {
  const { api, random } = file;
  const resource = plural(entity.name);
  const style = random.weighted([['supertest', 5], ['fetch', 3], ['cli', 2]]);
  const entriesOf = () => fieldsOf(random, entity);
  file.suiteTitle = `${resource} ${style === 'cli' ? 'command' : 'API'}`;
  let makeTest;
  if (style === 'supertest') {
    file.importDefault('supertest', 'request');
    file.importNamed(file.project('src/app'), 'createApp');
    file.preamble.push(`let app${file.type(': Awaited<ReturnType<typeof createApp>>')};`);
    file.hooks.push(...api.hook('beforeAll', ['app = await createApp({ database: process.env.DATABASE_URL });']), '');
    file.hooks.push(...api.hook('afterAll', ['await app.close?.();']));
    makeTest = () => {
      const entries = entriesOf();
      return random.chance(0.5)
        ? api.test(`creates a ${entity.name} through POST /api/${resource}`, [
            `const response = await request(app)`,
            `  .post('/api/${resource}')`,
            ...indent(objectLines('.send(', entries, ')')),
            '  .expect(201);',
            '',
            ...[api.deepEq('response.body', entries.slice(0, 2))].flat(),
          ])
        : api.test(`answers 404 for an unknown ${entity.name}`, [`await request(app).get('/api/${resource}/unknown').expect(404);`]);
    };
  } else if (style === 'fetch') {
    file.preamble.push(`const baseUrl = process.env.BASE_URL ?? 'http://localhost:3000';`);
    makeTest = () => {
      const entries = entriesOf();
      return api.test(`round-trips a ${entity.name}`, [
        `const created = await fetch(\`\${baseUrl}/api/${resource}\`, {`,
        `  method: 'POST',`,
        `  headers: { 'content-type': 'application/json' },`,
        ...indent(objectLines('body: JSON.stringify(', entries, '),')),
        '});',
        api.eq('created.status', '201'),
        `const { id } = await created.json();`,
        `const fetched = await fetch(\`\${baseUrl}/api/${resource}/\${id}\`);`,
        api.eq('fetched.status', '200'),
      ]);
    };
  } else {
    file.importNamed('execa', 'execa');
    makeTest = () =>
      api.test(`exports ${resource} as ${random.pick(['csv', 'json'])}`, [
        `const { stdout, exitCode } = await execa('node', ['bin/cli.js', ${quote(resource)}, 'export', '--format', 'csv']);`,
        api.eq('exitCode', '0'),
        api.ok(`stdout.split('\\n')[0]`),
      ]);
  }
  fillBlocks(file, target, makeTest);
}

// ---------------------------------------------------------------------------------------------
// Where files go and what they are written in.

const EXTENSIONS = { ts: ['ts', 'ts', 'ts', 'ts', 'ts', 'ts', 'ts', 'ts', 'ts', 'mts'], esm: ['js', 'mjs'], cjs: ['js', 'js', 'cjs'] };

function layoutFor(random, layer, framework) {
  const suffix = framework === 'mocha' ? 'spec' : random.chance(0.8) ? 'test' : 'spec';
  switch (layer) {
    case 'unit':
      return random.weighted([
        [(area, base, ext) => `tests/unit/${area}/${base}.${suffix}.${ext}`, 5],
        [(area, base, ext) => `test/unit/${area}/${base}.${suffix}.${ext}`, 2],
        [(area, base, ext) => `src/${area}/__tests__/unit/${base}.${suffix}.${ext}`, 1],
        [(area, base, ext) => `src/${area}/${base}.unit.${suffix}.${ext}`, 2],
      ]);
    case 'integration':
      return random.weighted([
        [(area, base, ext) => `tests/integration/${area}/${base}.${suffix}.${ext}`, 5],
        [(area, base, ext) => `test/integration/${base}.${suffix}.${ext}`, 2],
        [(area, base, ext) => `src/${area}/${base}.int.${suffix}.${ext}`, 1],
        [(area, base, ext) => `integration-tests/${area}/${base}.${suffix}.${ext}`, 1],
        [(area, base, ext) => `src/${area}/${base}.integration.${suffix}.${ext}`, 1],
      ]);
    default:
      return random.weighted([
        [(area, base, ext) => `tests/e2e/${base}.e2e-spec.${ext}`, 2],
        [(area, base, ext) => `tests/acceptance/${area}/${base}.${suffix}.${ext}`, 3],
        [(area, base, ext) => `test/e2e/${base}.${suffix}.${ext}`, 1],
        [(area, base, ext) => `src/${area}/${base}.e2e.${suffix}.${ext}`, 1],
      ]);
  }
}

const ASPECTS = ['', 'queries', 'lifecycle', 'edge-cases', 'permissions', 'pagination', 'validation', 'history', 'search', 'import', 'export', 'sync'];

/** Line counts skewed towards short files, as in real suites: mean about 150. */
function targetLines(random) {
  return MIN_LINES + Math.floor((MAX_LINES - MIN_LINES) * Math.pow(random.next(), 1.6));
}

/**
 * The corpus for a seed: `files` test files with their relative path, layer, framework, language,
 * the anti-patterns written into them, and their text.
 */
export function generateCorpus({ seed = 1, files = 2000 } = {}) {
  const random = createRandom(seed);
  const taken = new Set();
  const corpus = [];
  while (corpus.length < files) {
    const layer = random.weighted([['unit', 45], ['integration', 40], ['acceptance', 15]]);
    const framework = random.weighted([['jest', 40], ['vitest', 30], ['mocha', 15], ['node:test', 15]]);
    const ts = random.chance(framework === 'mocha' ? 0.4 : framework === 'node:test' ? 0.35 : 0.65);
    const esm = ts || framework === 'vitest' || framework === 'node:test' || random.chance(0.3);
    const ext = random.pick(ts ? EXTENSIONS.ts : esm ? EXTENSIONS.esm : EXTENSIONS.cjs);
    // A `.cjs` file cannot hold `import`, and `.mjs` cannot hold `require`.
    const moduleSyntax = ext === 'cjs' ? false : ext === 'mjs' ? true : esm;
    const entity = random.pick(ENTITIES);
    const aspect = random.pick(ASPECTS);
    const base = layer === 'integration' ? `${entity.name}-${random.pick(['repository', 'store', 'adapter', 'persistence'])}` : layer === 'unit' ? `${entity.name}-${random.pick(['rules', 'service', 'model', 'helpers'])}` : plural(entity.name);
    let filePath = layoutFor(random, layer, framework)(entity.area, aspect ? `${base}-${aspect}` : base, ext);
    for (let copy = 2; taken.has(filePath); copy++) filePath = filePath.replace(/(-\d+)?(\.[^/]*)$/, `-${copy}$2`);
    taken.add(filePath);

    const file = new TestFile({ filePath, layer, framework, ts, esm: moduleSyntax, random });
    file.api = createApi(file);
    const target = targetLines(random);
    if (layer === 'integration') writeIntegrationFile(file, entity, target);
    else if (layer === 'unit') writeUnitFile(file, entity, target);
    else writeAcceptanceFile(file, entity, target);
    const text = file.render();
    corpus.push({
      path: filePath,
      layer,
      framework,
      language: ts ? 'ts' : 'js',
      patterns: [...file.patterns].sort(),
      lines: text.split('\n').length - 1,
      text,
      projectImports: [...file.projectTargets].map(([specifier, target]) => ({ target, names: [...(file.imports.get(specifier)?.names ?? [])].sort() })),
    });
  }
  return corpus;
}

/**
 * The project's own modules the test files load (`src/...`), written the way a real project
 * writes them, so that linting the corpus resolves and summarises them as it would in a real
 * repository: repositories and adapters that load their client packages, services built on a
 * repository, an app, pure rules and types. One module per target, exporting every name any test
 * file imports from it.
 */
export function projectModulesOf(corpus) {
  const names = new Map();
  for (const file of corpus) {
    for (const { target, names: imported } of file.projectImports ?? []) {
      const known = names.get(target) ?? new Set();
      for (const name of imported) known.add(name);
      names.set(target, known);
    }
  }
  // A service loads its repository, whether or not a test file does.
  for (const target of [...names.keys()].filter((target) => target.endsWith('-service'))) {
    const entity = path.posix.basename(target).replace(/-service$/, '');
    const repository = `src/repositories/${entity}-repository`;
    const known = names.get(repository) ?? new Set();
    known.add(`${entity.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join('')}Repository`);
    names.set(repository, known);
  }
  return [...names].sort(([a], [b]) => a.localeCompare(b)).map(([target, exported]) => ({ path: `${target}.ts`, text: projectModuleText(target, [...exported].sort()) }));
}

function projectModuleText(target, exported) {
  const base = path.posix.basename(target);
  const lines = [];
  const classes = (body) => exported.filter((name) => /^[A-Z]/.test(name)).flatMap((name) => [`export class ${name} {`, ...body(name), '}', '']);
  const functions = (body) => exported.filter((name) => /^[a-z]/.test(name)).flatMap((name) => [...body(name), '']);
  if (target.startsWith('src/repositories/')) {
    const table = base.replace(/-repository$/, 's');
    lines.push("import { Pool } from 'pg';", '');
    lines.push(...classes(() => [
      '  constructor(private readonly db: Pick<Pool, \'query\'> = new Pool()) {}',
      '',
      '  async create(row: Record<string, unknown>) {',
      `    const { rows } = await this.db.query('INSERT INTO ${table} (data) VALUES ($1) RETURNING *', [row]);`,
      '    return rows[0];',
      '  }',
      '',
      '  async findById(id: string) {',
      `    const { rows } = await this.db.query('SELECT * FROM ${table} WHERE id = $1', [id]);`,
      '    return rows[0] ?? null;',
      '  }',
      '',
      '  async deleteAll() {',
      `    await this.db.query('DELETE FROM ${table}');`,
      '  }',
    ]));
  } else if (target === 'src/db/migrations') {
    lines.push(...exported.map((name) => `export const ${name} = 'CREATE TABLE IF NOT EXISTS records (id serial PRIMARY KEY, data jsonb NOT NULL)';`), '');
  } else if (target.startsWith('src/models/')) {
    lines.push("import mongoose from 'mongoose';", '', `const schema = new mongoose.Schema({ name: String, createdAt: Date });`, '');
    lines.push(...exported.map((name) => `export const ${name} = mongoose.model(${JSON.stringify(name.replace(/Model$/, ''))}, schema);`), '');
  } else if (target.startsWith('src/cache/')) {
    lines.push("import Redis from 'ioredis';", '');
    lines.push(...classes(() => [
      '  constructor(private readonly redis: Redis = new Redis(), private readonly options = { ttlSeconds: 60 }) {}',
      '',
      '  async remember(key: string, value: unknown) {',
      "    await this.redis.set(key, JSON.stringify(value), 'EX', this.options.ttlSeconds);",
      '  }',
      '',
      '  async recall(key: string) {',
      '    const text = await this.redis.get(key);',
      '    return text === null ? null : JSON.parse(text);',
      '  }',
    ]));
  } else if (target.startsWith('src/adapters/events/')) {
    lines.push("import amqp from 'amqplib';", '');
    lines.push('export async function openChannel(url: string) {', '  const connection = await amqp.connect(url);', '  return connection.createChannel();', '}', '');
    lines.push(...classes(() => [
      '  constructor(private readonly channel: amqp.Channel, private readonly queue: string) {}',
      '',
      '  async publish(event: Record<string, unknown>) {',
      '    this.channel.sendToQueue(this.queue, Buffer.from(JSON.stringify(event)));',
      '  }',
    ]));
  } else if (target.startsWith('src/adapters/payments/') || target.startsWith('src/clients/')) {
    lines.push(...classes(() => [
      '  constructor(private readonly options: string | { baseUrl: string; apiKey?: string }) {}',
      '',
      '  private get baseUrl() {',
      "    return typeof this.options === 'string' ? this.options : this.options.baseUrl;",
      '  }',
      '',
      '  async send(method: string, path: string, body?: unknown) {',
      "    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });",
      '    return response.json();',
      '  }',
    ]));
  } else if (target.startsWith('src/storage/')) {
    lines.push("import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';", '');
    lines.push(...classes(() => [
      '  constructor(private readonly s3: S3Client, private readonly bucket: string) {}',
      '',
      '  async put(key: string, body: string) {',
      '    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body }));',
      '  }',
      '',
      '  async get(key: string) {',
      '    return this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));',
      '  }',
    ]));
    lines.push(...functions((name) => [
      `export async function ${name}(s3: S3Client, bucket: string) {`,
      '  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));',
      '  for (const object of listed.Contents ?? []) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.Key }));',
      '}',
    ]));
  } else if (target === 'src/app') {
    lines.push("import express from 'express';", '');
    lines.push('export function createApp() {', '  const app = express();', '  app.use(express.json());', "  app.get('/health', (_request, response) => response.json({ ok: true }));", '  return app;', '}', '');
    if (exported.includes('app')) lines.push('export const app = createApp();', '');
  } else if (base.endsWith('-service')) {
    const entity = base.replace(/-service$/, '');
    const Repository = `${entity.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join('')}Repository`;
    lines.push(`import { ${Repository} } from '../repositories/${entity}-repository';`, '');
    lines.push(...classes(() => [
      `  constructor(private readonly repository: Pick<${Repository}, 'findById' | 'create'> = new ${Repository}(), private readonly clock = { now: () => new Date() }) {}`,
      '',
      '  async open(id: string) {',
      '    const found = await this.repository.findById(id);',
      "    if (!found) throw new Error('not found');",
      '    return { ...found, openedAt: this.clock.now() };',
      '  }',
    ]));
  } else if (base === 'types') {
    lines.push(...exported.map((name) => `export interface ${name} {
  id: string;
  createdAt: Date;
}`), '');
  } else {
    lines.push(...functions((name) => [`export function ${name}(...values: unknown[]) {`, '  return values.filter((value) => value !== undefined).length;', '}']));
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** Where a corpus for this seed and size is written: a folder under the system temp directory. */
export function defaultCorpusDir(seed, files) {
  return path.join(os.tmpdir(), 'eslint-plugin-integration-tests-bench', `seed-${seed}-files-${files}`);
}

/** The file in a written corpus that lists its test files. */
export const TEST_FILE_LIST = '.test-files.json';

/** The test files of a corpus written to `dir`, to lint; `['.']` for a folder written some other way. */
export function testFilesIn(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, TEST_FILE_LIST), 'utf8'));
  } catch {
    return ['.'];
  }
}

/** Writes the corpus to `dir`, replacing whatever was there. */
export function writeCorpus(dir, corpus) {
  rmSync(dir, { recursive: true, force: true });
  for (const file of [...corpus, ...projectModulesOf(corpus)]) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  // The test files to lint; the project modules beside them are read through the test files only.
  writeFileSync(path.join(dir, TEST_FILE_LIST), `${JSON.stringify(corpus.map((file) => file.path), null, 1)}\n`);
}

/**
 * The integration file of the scaling check, `copies` times as long: its imports and connection
 * once, then the same describe block repeated under unique names.
 */
export function scaledIntegrationFile({ seed = 7, copies = 1 } = {}) {
  const random = createRandom(seed);
  const entity = ENTITIES[1];
  const file = new TestFile({ filePath: 'tests/integration/orders/order-repository.test.ts', layer: 'integration', framework: 'vitest', ts: true, esm: true, random });
  file.api = createApi(file);
  const { api } = file;
  const boundary = repositoryBoundary(file, entity);
  file.suiteTitle = 'Order repository';
  file.preamble.push(...boundary.declare);
  file.hooks.push(...api.hook('beforeAll', boundary.setup), '', ...api.hook('afterEach', boundary.cleanup), '', ...api.hook('afterAll', boundary.teardown));
  const template = [];
  const tests = 8;
  for (let index = 0; index < tests; index++) template.push(integrationTest(file, boundary, entity));
  file.importType(file.project('src/orders/types'), 'Order');
  for (let copy = 1; copy <= copies; copy++) {
    const body = [
      `let seeded${file.type(': Order')};`,
      '',
      ...api.hook('beforeEach', boundary.insert('created', fieldsOf(createRandom(seed + copy), entity)).map((line) => line.replace('const created = ', 'seeded = '))),
      '',
      ...template.flatMap((test, index) => (index === 0 ? test : ['', ...test])),
    ];
    file.blocks.push(api.describe(`orders, scenario ${copy}`, body));
  }
  return { path: file.filePath, text: file.render() };
}
