/**
 * A grammar of test-shaped programs: nested suites, hooks of every kind, mocks through jest, vi,
 * sinon, node:test and friends, data-creating, cleanup and infrastructure calls on boundary
 * clients and the project's own adapters, for Jest, Vitest, Mocha, node:test and Jasmine, in
 * TypeScript and JavaScript, ESM and CommonJS. Deterministic for a seed.
 *
 * The shapes lean towards what the rules look for (mocked boundaries in the wrong layer, data seeded
 * once, pools built per test) and sprinkle the odd syntax real suites contain (computed members,
 * optional chaining, `satisfies`, enums, JSX, unicode names, comments everywhere).
 */
import type { Program } from './program';
import { Random } from './random';

type Framework = 'jest' | 'vitest' | 'mocha' | 'node:test' | 'jasmine';
type HookKind = 'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll';

interface Style {
  readonly framework: Framework;
  readonly ts: boolean;
  readonly esm: boolean;
  readonly jsx: boolean;
  readonly extension: string;
  /** Framework functions come from an import rather than globals. */
  readonly imported: boolean;
  /** Mocha's TDD interface (`suite`, `setup`, `suiteTeardown`). */
  readonly tdd: boolean;
}

/** A client, adapter or helper the program may use, and what it can do with it. */
interface Resource {
  readonly module: string;
  readonly defaultImport?: string;
  readonly named?: readonly string[];
  /** The variable the program keeps it in. */
  readonly variable: string;
  readonly type?: string;
  /** Builds the infrastructure (a pool, a client, a container). */
  readonly create?: string;
  /** Calls that create data or write to the boundary. */
  readonly writes?: readonly string[];
  readonly reads?: readonly string[];
  readonly cleanups?: readonly string[];
  /** Calls that close a connection or stop a container. */
  readonly closes?: readonly string[];
  /** Methods a test might spy on or stub. */
  readonly methods?: readonly string[];
}

const DB_URL = 'process.env.DATABASE_URL';

const RESOURCES: readonly Resource[] = [
  {
    module: 'pg', named: ['Pool'], variable: 'pool', type: 'Pool',
    create: `new Pool({ connectionString: ${DB_URL} })`,
    writes: [`pool.query('INSERT INTO users (email) VALUES ($1) RETURNING *', ['ada@example.com'])`, "pool.query(`INSERT INTO orders (total) VALUES (42)`)"],
    reads: [`pool.query('SELECT * FROM users')`],
    cleanups: [`pool.query('TRUNCATE users RESTART IDENTITY CASCADE')`, `pool.query('ROLLBACK')`, `pool.query('DELETE FROM orders')`],
    closes: ['pool.end()'],
    methods: ['query', 'connect'],
  },
  {
    module: '@prisma/client', named: ['PrismaClient'], variable: 'prisma', type: 'PrismaClient',
    create: 'new PrismaClient()',
    writes: [`prisma.user.create({ data: { email: 'grace@example.com' } })`, 'prisma.order.createMany({ data: [{ total: 1 }, { total: 2 }] })', `prisma.user.upsert({ where: { id: 1 }, create: {}, update: {} })`],
    reads: ['prisma.user.findMany()', 'prisma.order.count()'],
    cleanups: ['prisma.user.deleteMany()', 'prisma.$executeRaw`TRUNCATE users CASCADE`'],
    closes: ['prisma.$disconnect()'],
    methods: ['$connect', '$transaction'],
  },
  {
    module: 'knex', defaultImport: 'knex', variable: 'db', type: 'Knex',
    create: `knex({ client: 'pg', connection: ${DB_URL} })`,
    writes: [`db('users').insert({ email: 'linus@example.com' })`, `db.insert({ total: 3 }).into('orders')`],
    reads: [`db('users').select('*')`, `db('orders').where({ id: 1 }).first()`],
    cleanups: [`db('users').del()`, `db.raw('TRUNCATE orders')`, `db('orders').truncate()`],
    closes: ['db.destroy()'],
    methods: ['transaction'],
  },
  {
    module: 'kysely', named: ['Kysely', 'PostgresDialect'], variable: 'kysely', type: 'Kysely<Database>',
    create: `new Kysely<Database>({ dialect: new PostgresDialect({ pool: undefined }) })`,
    writes: [`kysely.insertInto('users').values({ email: 'ken@example.com' }).execute()`],
    reads: [`kysely.selectFrom('users').selectAll().execute()`],
    cleanups: [`kysely.deleteFrom('users').execute()`],
    closes: ['kysely.destroy()'],
  },
  {
    module: 'mongoose', defaultImport: 'mongoose', variable: 'connection', type: 'typeof mongoose',
    create: `mongoose.connect(process.env.MONGO_URL ?? 'mongodb://localhost/test')`,
    writes: [`connection.model('User').create({ name: 'ada' })`, `connection.connection.collection('orders').insertOne({ total: 1 })`],
    reads: [`connection.model('User').find()`],
    cleanups: ['connection.connection.dropDatabase()', `connection.connection.collection('orders').deleteMany({})`],
    closes: ['connection.disconnect()'],
  },
  {
    module: 'ioredis', defaultImport: 'Redis', variable: 'redis', type: 'Redis',
    create: 'new Redis(process.env.REDIS_URL)',
    writes: [`redis.set('session:1', 'ada')`, `redis.lpush('jobs', 'a', 'b')`],
    reads: [`redis.get('session:1')`],
    cleanups: ['redis.flushall()', `redis.del('session:1')`],
    closes: ['redis.quit()'],
    methods: ['get', 'set'],
  },
  {
    module: 'amqplib', defaultImport: 'amqp', variable: 'channel', type: 'amqp.Channel',
    create: `amqp.connect('amqp://localhost').then((connection) => connection.createChannel())`,
    writes: [`channel.sendToQueue('orders', Buffer.from('{}'))`, `channel.publish('events', 'order.created', Buffer.from('{}'))`],
    cleanups: [`channel.purgeQueue('orders')`],
    closes: ['channel.close()'],
    methods: ['sendToQueue'],
  },
  {
    module: 'kafkajs', named: ['Kafka'], variable: 'kafka', type: 'Kafka',
    create: `new Kafka({ brokers: ['localhost:9092'] })`,
    writes: [`kafka.producer().send({ topic: 'orders', messages: [{ value: 'x' }] })`],
    closes: ['kafka.admin().disconnect()'],
  },
  {
    module: '@aws-sdk/client-s3', named: ['S3Client', 'PutObjectCommand'], variable: 's3', type: 'S3Client',
    create: `new S3Client({ region: 'eu-west-1', endpoint: process.env.S3_URL })`,
    writes: [`s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'a.txt', Body: 'a' }))`],
    closes: ['s3.destroy()'],
    methods: ['send'],
  },
  {
    module: 'nodemailer', defaultImport: 'nodemailer', variable: 'mailer', type: 'nodemailer.Transporter',
    create: `nodemailer.createTransport({ host: 'localhost', port: 1025 })`,
    writes: [`mailer.sendMail({ to: 'ada@example.com', subject: 'Hi' })`],
    closes: ['mailer.close()'],
    methods: ['sendMail'],
  },
  {
    module: 'axios', defaultImport: 'axios', variable: 'api', type: 'AxiosInstance',
    create: `axios.create({ baseURL: 'https://api.example.com' })`,
    writes: [`axios.post('https://api.stripe.com/v1/charges', { amount: 100 })`, `api.post('/orders', { total: 1 })`],
    reads: [`axios.get('https://api.github.com/users/octocat')`, `axios.get('http://localhost:3000/health')`, `api.get('/users')`],
    methods: ['get', 'post'],
  },
  {
    module: '@testcontainers/postgresql', named: ['PostgreSqlContainer'], variable: 'container', type: 'StartedPostgreSqlContainer',
    create: `new PostgreSqlContainer('postgres:16-alpine').start()`,
    reads: ['container.getConnectionUri()'],
    closes: ['container.stop()'],
  },
  {
    module: 'testcontainers', named: ['GenericContainer'], variable: 'redisContainer', type: 'StartedTestContainer',
    create: `new GenericContainer('redis:7').withExposedPorts(6379).start()`,
    reads: ['redisContainer.getMappedPort(6379)'],
    closes: ['redisContainer.stop()'],
  },
  {
    module: '../../src/repositories/user-repository', named: ['UserRepository'], variable: 'userRepository', type: 'UserRepository',
    create: `new UserRepository(new Pool())`,
    writes: [`userRepository.save({ email: 'ada@example.com', name: 'Ada' })`, `userRepository.create({ name: 'Grace' })`],
    reads: [`userRepository.findByEmail('ada@example.com')`],
    cleanups: ['userRepository.deleteAll()'],
    methods: ['save', 'findByEmail'],
  },
  {
    module: '../../src/adapters/payments/payment-client', named: ['PaymentClient'], variable: 'payments', type: 'PaymentClient',
    create: `new PaymentClient('https://api.stripe.com')`,
    writes: ['payments.charge(100)'],
    reads: [`payments.status('ch_1')`],
    methods: ['charge'],
  },
  {
    module: '../../src/adapters/events/order-publisher', named: ['OrderPublisher'], variable: 'publisher', type: 'OrderPublisher',
    create: 'new OrderPublisher()',
    writes: ['publisher.publish({ id: 1 })'],
    closes: ['publisher.close()'],
    methods: ['publish'],
  },
  {
    module: '../../src/db/pool', named: ['createPool'], variable: 'appPool', type: 'ReturnType<typeof createPool>',
    create: 'createPool()',
    writes: [`appPool.query('INSERT INTO users DEFAULT VALUES')`],
    cleanups: [`appPool.query('TRUNCATE users')`],
    closes: ['appPool.end()'],
    methods: ['query'],
  },
  {
    module: '../../src/pricing', named: ['priceOf'], variable: 'price', type: 'number',
    create: 'priceOf(3)',
    reads: ['priceOf(2)'],
  },
];

/** Names along which a program may shadow or misuse framework identifiers. */
const TEST_NAMES = ['creates a user', 'rejects duplicates', 'lists orders', 'charges the card', 'publishes an event', 'keeps the session', 'déjà vu', '𝌆 unicode', 'handles `ticks`', "it's quoted"];
const COMMENT_WORDS = ['seed', 'the', 'pool', 'shared', 'per test', 'TODO', 'eslint-disable-line', 'données', 'テスト', 'keep', 'cleanup', 'rollback', 'fixture', '*', '/', '`'];
const HOOKS: readonly HookKind[] = ['beforeAll', 'beforeEach', 'afterEach', 'afterAll'];

/** Writes indented lines. */
class Writer {
  private readonly lines: string[] = [];
  private depth = 0;
  line(text: string): void {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
  }
  indent(fn: () => void): void {
    this.depth++;
    fn();
    this.depth--;
  }
  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

interface Scope {
  /** Inside an `async` function: `await` is allowed. */
  readonly async: boolean;
  /** The mocha `done` callback is in scope. */
  readonly done: boolean;
  /** A node:test context parameter `t` is in scope. */
  readonly nodeTestContext: boolean;
}

export function generateTestProgram(seed: number): Program {
  return new TestProgramGenerator(seed).program();
}

class TestProgramGenerator {
  private readonly random: Random;
  private readonly style: Style;
  private readonly out = new Writer();
  private readonly used: Resource[] = [];
  /** How each used resource is held: in a module-level `let`, a `const`, or mocked away. */
  private readonly mockedModules = new Set<string>();
  private readonly sharedLets: string[] = [];
  private readonly moduleLiterals: Array<{ name: string; array: boolean }> = [];
  private sinonName = 'sinon';
  private declared = 0;
  private describeDepth = 0;
  private statementBudget: number;

  constructor(private readonly seed: number) {
    this.random = new Random(seed);
    this.style = this.pickStyle();
    this.statementBudget = this.random.int(10, 120);
  }

  program(): Program {
    this.pickResources();
    this.header();
    this.imports();
    this.moduleLevel();
    this.suites();
    this.trailer();
    return {
      code: this.out.toString(),
      extension: this.style.extension,
      sourceType: this.style.esm ? 'module' : 'commonjs',
      origin: { generator: 'grammar', seed: this.seed },
    };
  }

  // ---------------------------------------------------------------- style and resources

  private pickStyle(): Style {
    const random = this.random;
    const framework = random.weighted<Framework>([[4, 'jest'], [4, 'vitest'], [3, 'mocha'], [3, 'node:test'], [1, 'jasmine']]);
    const ts = random.chance(0.6);
    const esm = framework === 'vitest' ? random.chance(0.95) : random.chance(0.65);
    const jsx = esm && random.chance(0.1);
    let extension: string;
    if (jsx) extension = ts ? '.tsx' : '.jsx';
    else if (ts) extension = esm ? random.pick(['.ts', '.ts', '.mts']) : random.pick(['.ts', '.cts']);
    else extension = esm ? random.pick(['.js', '.mjs']) : random.pick(['.js', '.cjs']);
    const imported = framework === 'vitest' || framework === 'node:test' ? random.chance(0.9) : framework === 'jasmine' ? false : random.chance(0.35);
    return { framework, ts, esm, jsx, extension, imported, tdd: framework === 'mocha' && random.chance(0.25) };
  }

  private pickResources(): void {
    const count = this.random.weighted([[1, 0], [4, 1], [4, 2], [2, 3], [1, 5]]);
    for (let index = 0; index < count; index++) {
      const resource = this.random.pick(RESOURCES);
      if (!this.used.includes(resource)) this.used.push(resource);
    }
    for (const resource of this.used) {
      if (this.random.chance(0.3)) this.mockedModules.add(resource.module);
    }
  }

  // ---------------------------------------------------------------- names

  private hookName(kind: HookKind): string {
    const { framework, tdd } = this.style;
    if (framework === 'mocha' && tdd) return { beforeAll: 'suiteSetup', beforeEach: 'setup', afterEach: 'teardown', afterAll: 'suiteTeardown' }[kind];
    if (framework === 'mocha' || framework === 'node:test') return { beforeAll: 'before', beforeEach: 'beforeEach', afterEach: 'afterEach', afterAll: 'after' }[kind];
    return kind;
  }

  private describeName(): string {
    const { framework, tdd } = this.style;
    if (tdd) return 'suite';
    if (framework === 'mocha') return this.random.pick(['describe', 'describe', 'context']);
    if (framework === 'vitest' || framework === 'node:test') return this.random.pick(['describe', 'describe', 'suite']);
    return 'describe';
  }

  private testName(): string {
    const { framework, tdd } = this.style;
    if (tdd) return 'test';
    if (framework === 'mocha') return this.random.pick(['it', 'it', 'specify']);
    if (framework === 'jasmine') return 'it';
    return this.random.pick(['it', 'test']);
  }

  /** A name no other declaration of the program uses. */
  private fresh(base: string): string {
    this.declared++;
    return `${base}${this.declared}`;
  }

  // ---------------------------------------------------------------- comments

  private words(): string {
    const count = this.random.int(1, 5);
    return Array.from({ length: count }, () => this.random.pick(COMMENT_WORDS)).join(' ');
  }

  private leadingComment(): void {
    if (!this.random.chance(0.15)) return;
    const text = this.words().replace(/\*\//g, '* /');
    if (this.random.chance(0.7)) this.out.line(`// ${text}`);
    else if (this.random.chance(0.5)) this.out.line(`/* ${text} */`);
    else {
      this.out.line('/**');
      this.out.line(` * ${text}`);
      this.out.line(' */');
    }
  }

  private trailing(): string {
    return this.random.chance(0.08) ? ` // ${this.words()}` : this.random.chance(0.03) ? ` /* ${this.words().replace(/\*\//g, '')} */` : '';
  }

  /** An argument list with, now and then, a block comment inside it. */
  private inlineComment(): string {
    return this.random.chance(0.06) ? `/* ${this.words().replace(/\*\//g, '')} */ ` : '';
  }

  // ---------------------------------------------------------------- top of file

  private header(): void {
    if (this.random.chance(0.2)) this.out.line(`// ${this.words()}`);
    if (this.random.chance(0.05)) this.out.line('/* eslint-disable no-console */');
    if (!this.style.esm && !this.style.ts && this.random.chance(0.4)) this.out.line(`'use strict';`);
  }

  private importLine(module: string, defaultName: string | undefined, named: readonly string[], typeOnly = false): void {
    const { esm, ts } = this.style;
    if (esm || (ts && this.random.chance(0.5))) {
      const parts: string[] = [];
      if (defaultName) parts.push(defaultName);
      if (named.length > 0) parts.push(`{ ${named.join(', ')} }`);
      if (parts.length === 0) {
        this.out.line(`import '${module}';`);
        return;
      }
      this.out.line(`import ${typeOnly ? 'type ' : ''}${parts.join(', ')} from '${module}';${this.trailing()}`);
      return;
    }
    if (typeOnly) return;
    if (ts && defaultName && named.length === 0 && this.random.chance(0.3)) {
      this.out.line(`import ${defaultName} = require('${module}');`);
      return;
    }
    if (defaultName) this.out.line(`const ${defaultName} = require('${module}');`);
    if (named.length > 0) {
      const source = defaultName ? defaultName : `require('${module}')`;
      this.out.line(`const { ${named.join(', ')} } = ${source};${this.trailing()}`);
    }
  }

  private imports(): void {
    const { framework, imported, tdd } = this.style;
    if (imported) {
      const suiteNames = tdd ? ['suite'] : framework === 'mocha' ? ['describe', 'context'] : framework === 'jest' ? ['describe'] : ['describe', 'suite'];
      const testNames = tdd ? ['test'] : framework === 'mocha' ? ['it', 'specify'] : ['it', 'test'];
      const names = new Set<string>([...suiteNames, ...testNames, ...HOOKS.map((kind) => this.hookName(kind))]);
      if (framework === 'vitest') names.add('vi').add('expect');
      if (framework === 'jest') names.add('jest').add('expect');
      if (framework === 'node:test') names.add('mock');
      const module = { jest: '@jest/globals', vitest: 'vitest', mocha: 'mocha', 'node:test': 'node:test', jasmine: 'jasmine' }[framework];
      if (framework === 'node:test' && this.random.chance(0.2)) {
        this.importLine('node:test', 'nodeTest', [...names].filter((name) => name !== 'test'));
      } else {
        this.importLine(module, undefined, [...names]);
      }
    }
    if (framework === 'node:test') this.importLine('node:assert/strict', 'assert', []);
    if (framework === 'mocha' || (framework === 'jasmine' && this.random.chance(0.3))) {
      this.sinonName = this.random.pick(['sinon', 'sinon', 'sandbox']);
      this.importLine('sinon', 'sinon', []);
      this.importLine('chai', undefined, ['expect']);
    }
    for (const resource of this.used) {
      this.leadingComment();
      this.importLine(resource.module, resource.defaultImport, resource.named ?? []);
    }
    if (this.used.some((resource) => resource.module.includes('user-repository')) && !this.used.some((resource) => resource.module === 'pg')) {
      this.importLine('pg', undefined, ['Pool']);
    }
    if (this.random.chance(0.25)) {
      this.importLine('nock', 'nock', []);
      this.usesNock = true;
    }
    if (this.random.chance(0.12)) {
      this.importLine('msw/node', undefined, ['setupServer']);
      this.importLine('msw', undefined, ['http', 'HttpResponse']);
      this.usesMsw = true;
    }
    if (this.random.chance(0.15)) {
      this.importLine('supertest', 'request', []);
      this.importLine('../../src/app', undefined, ['createApp']);
      this.usesSupertest = true;
    }
    if (this.style.esm && this.random.chance(0.06)) {
      this.importLine('execa', undefined, ['execa']);
      this.usesExeca = true;
    }
    if (this.style.ts && this.random.chance(0.2)) {
      const library = this.style.framework === 'vitest' ? 'vitest-mock-extended' : this.random.pick(['jest-mock-extended', '@golevelup/ts-jest']);
      this.importLine(library, undefined, [library.startsWith('@golevelup') ? 'createMock' : this.random.pick(['mockDeep', 'mock'])]);
      this.typeMockLibrary = library;
    }
    if (this.random.chance(0.15)) this.importLine('../factories', undefined, ['buildUser', 'createOrder']);
    if (this.style.jsx) {
      this.importLine('@testing-library/react', undefined, ['render', 'screen']);
      this.importLine('../../src/components/user-card', undefined, ['UserCard']);
    }
    if (this.random.chance(0.04) && this.style.esm) this.out.line(`export { buildUser as makeUser } from '../factories';`);
  }

  private usesNock = false;
  private usesMsw = false;
  private usesSupertest = false;
  private usesExeca = false;
  private typeMockLibrary: string | null = null;

  /** The suite function imported at the top (one name; `describeName` varies among aliases). */
  private describeNameFixed(): string {
    return this.style.tdd ? 'suite' : 'describe';
  }

  // ---------------------------------------------------------------- module level

  private moduleLevel(): void {
    const { ts } = this.style;
    if (this.style.framework === 'mocha' && this.sinonName === 'sandbox') this.out.line('const sandbox = sinon.createSandbox();');
    if (ts && this.random.chance(0.15)) this.tsOddities();

    for (const resource of this.used) {
      if (this.mockedModules.has(resource.module)) this.moduleMock(resource);
    }
    if (this.random.chance(0.3)) {
      const name = this.random.pick(['fixtures', 'users', 'order', 'ユーザー', 'café']);
      this.leadingComment();
      const array = this.random.chance(0.5);
      const literal = array
        ? `[{ email: 'ada@example.com' }, /* second */ { email: 'grace@example.com' }]`
        : `{ id: 1, items: [] as string[], status: 'new' }`;
      this.out.line(`${this.random.chance(0.8) ? 'const' : 'let'} ${name} = ${ts || array ? literal : literal.replace(' as string[]', '')};${this.trailing()}`);
      this.moduleLiterals.push({ name, array });
    }
    if (this.usesMsw) {
      this.out.line(`const server = setupServer(http.get('https://api.example.com/users', () => HttpResponse.json([])));`);
    }
    if (this.random.chance(0.05)) {
      // A module-level client built once, outside any hook.
      const resource = this.used.find((candidate) => candidate.create && !this.mockedModules.has(candidate.module));
      if (resource) {
        this.out.line(`const shared${capitalise(resource.variable)} = ${this.forLanguage(resource.create!)};`);
      }
    }
    for (const resource of this.used) {
      if (!resource.create) continue;
      this.leadingComment();
      this.out.line(ts && resource.type ? `let ${resource.variable}: ${resource.type};` : `let ${resource.variable};`);
      this.sharedLets.push(resource.variable);
    }
    if (this.random.chance(0.4)) {
      const name = this.fresh(this.random.pick(['user', 'order', 'seeded', 'ñandú']));
      this.out.line(ts ? `let ${name}: { id: number } | undefined;` : `let ${name};`);
      this.sharedLets.push(name);
    }
    if (this.typeMockLibrary && this.random.chance(0.7)) {
      const api = this.typeMockLibrary.startsWith('@golevelup') ? 'createMock' : this.random.pick(['mockDeep', 'mock']);
      const type = this.random.pick(['PrismaClient', 'UserRepository', 'Pool', 'PaymentClient']);
      this.out.line(`const mocked${type} = ${api}<${type}>();${this.trailing()}`);
    }
    if (this.random.chance(0.1)) this.out.line(`jest.setTimeout?.(30_000);`);
    if (this.random.chance(0.1) && this.style.framework === 'vitest') this.vitestFixture();
  }

  private tsOddities(): void {
    const pick = this.random.int(0, 4);
    if (pick === 0) this.out.line(`enum Role { Admin = 'admin', Member = 'member' }`);
    if (pick === 1) this.out.line(`namespace Fixtures { export const user = { email: 'ada@example.com' } as const; }`);
    if (pick === 2) this.out.line(`const config = { url: ${DB_URL} ?? '' } satisfies { url: string };`);
    if (pick === 3) {
      this.out.line('@Reflect.metadata("role", "fake")');
      this.out.line('class FakeRepository { save = async () => ({ id: 1 }); }');
    }
    if (pick === 4) this.out.line(`interface Database { users: { id: number; email: string } }`);
  }

  private vitestFixture(): void {
    const resource = this.used.find((candidate) => candidate.create);
    if (!resource) return;
    this.out.line(`const withDb = test.extend${this.style.ts ? '<{ tx: unknown }>' : ''}({`);
    this.out.indent(() => {
      this.out.line('tx: async ({}, use) => {');
      this.out.indent(() => {
        this.out.line(`const tx = ${this.forLanguage(resource.create!)};`);
        this.out.line('await use(tx);');
        this.out.line(this.random.chance(0.5) ? `await ${resource.variable}.query?.('ROLLBACK');` : '// no rollback here');
      });
      this.out.line('},');
    });
    this.out.line('});');
    this.out.line(`withDb('runs inside a transaction', async ({ tx }) => {`);
    this.out.indent(() => this.out.line('expect(tx).toBeDefined();'));
    this.out.line('});');
  }

  private moduleMock(resource: Resource): void {
    const { framework } = this.style;
    this.leadingComment();
    const specifier = `'${resource.module}'`;
    const names = resource.named ?? [resource.defaultImport ?? 'default'];
    const factory = () => `() => ({ ${names.map((name) => `${name}: ${this.fakeFunction()}`).join(', ')} })`;
    switch (framework) {
      case 'jest': {
        const call = this.random.weighted([
          [5, 'jest.mock'], [1, "jest['mock']"], [1, 'jest.doMock'], [1, 'jest.unstable_mockModule'], [1, '(jest.mock)'],
        ]);
        this.out.line(`${call}(${this.inlineComment()}${specifier}${this.random.chance(0.5) ? `, ${factory()}` : ''});${this.trailing()}`);
        return;
      }
      case 'vitest': {
        const call = this.random.weighted([[5, 'vi.mock'], [1, 'vi.doMock'], [1, 'vi?.mock']]);
        const withFactory = this.random.chance(0.5);
        if (withFactory && this.random.chance(0.3)) {
          this.out.line(`${call}(${specifier}, async (importOriginal) => ({`);
          this.out.indent(() => {
            this.out.line(`...(await importOriginal${this.style.ts ? '<object>' : ''}()),`);
            this.out.line(`${names[0]}: vi.fn(), // replaced`);
          });
          this.out.line('}));');
        } else {
          this.out.line(`${call}(${specifier}${withFactory ? `, ${factory()}` : ''});${this.trailing()}`);
        }
        return;
      }
      case 'node:test':
        this.out.line(`mock.module(${specifier}, { namedExports: { ${names.map((name) => `${name}: class { query() { return []; } }`).join(', ')} } });`);
        return;
      default:
        if (!this.style.esm) {
          this.out.line(`const ${this.fresh('subject')} = require('proxyquire')('../../src/app', { ${specifier}: { ${names[0]}: ${this.fakeFunction()} } });`);
        }
    }
  }

  private fakeFunction(): string {
    switch (this.style.framework) {
      case 'jest': return 'jest.fn()';
      case 'vitest': return 'vi.fn()';
      case 'node:test': return 'mock.fn()';
      default: return `${this.sinonName}.stub()`;
    }
  }

  // ---------------------------------------------------------------- suites

  private suites(): void {
    const shape = this.random.weighted([[6, 'describe'], [2, 'flat'], [1, 'none'], [1, 'deep'], [1, 'each']]);
    if (shape === 'none') {
      this.out.line('// a test file without tests');
      this.hook(this.random.pick(HOOKS), true);
      return;
    }
    if (shape === 'flat') {
      if (this.random.chance(0.5)) this.hook('beforeAll', true);
      const count = this.random.int(1, 4);
      for (let index = 0; index < count; index++) this.test();
      if (this.random.chance(0.5)) this.hook('afterAll', true);
      return;
    }
    if (shape === 'deep') {
      const depth = this.random.int(4, 12);
      this.nestedDeep(depth);
      return;
    }
    const topCount = this.random.weighted([[6, 1], [2, 2], [1, 3]]);
    for (let index = 0; index < topCount; index++) this.describe(shape === 'each');
  }

  private nestedDeep(depth: number): void {
    if (depth === 0) {
      this.test();
      return;
    }
    this.out.line(`${this.describeNameFixed()}('level ${depth}', () => {`);
    this.out.indent(() => {
      if (this.random.chance(0.3)) this.hook(this.random.pick(HOOKS), false);
      this.nestedDeep(depth - 1);
    });
    this.out.line('});');
  }

  private describe(each = false): void {
    this.describeDepth++;
    this.leadingComment();
    const name = this.describeName();
    const head = this.suiteHead(name, each);
    const fn = this.style.framework === 'mocha' && this.random.chance(0.4) ? 'function () {' : each ? '(row) => {' : '() => {';
    this.out.line(`${head}, ${fn}${this.trailing()}`);
    this.out.indent(() => {
      if (this.style.framework === 'mocha' && fn.startsWith('function') && this.random.chance(0.5)) this.out.line('this.timeout(60_000);');
      if (this.random.chance(0.3)) {
        const local = this.fresh(this.random.pick(['row', 'created', 'payload', 'σ']));
        this.out.line(this.style.ts ? `let ${local}: unknown;` : `let ${local};`);
        this.sharedLets.push(local);
      }
      const hookCount = this.random.weighted([[2, 0], [3, 1], [3, 2], [2, 3], [1, 5]]);
      for (let index = 0; index < hookCount; index++) this.hook(this.random.pick(HOOKS), false);
      const testCount = this.random.weighted([[1, 0], [4, 1], [4, 2], [2, 3], [1, 5]]);
      for (let index = 0; index < testCount; index++) this.test();
      if (this.describeDepth < 4 && this.statementBudget > 0) {
        const nested = this.random.weighted([[5, 0], [3, 1], [1, 2]]);
        for (let index = 0; index < nested; index++) this.describe(this.random.chance(0.1));
      }
    });
    this.out.line(this.random.chance(0.05) ? '}); // end' : '});');
    this.describeDepth--;
  }

  private suiteHead(name: string, each: boolean): string {
    const { framework } = this.style;
    const title = `'${this.random.pick(['UserRepository', 'orders', 'the payment adapter', 'κόσμε'])}'`;
    if (each && (framework === 'jest' || framework === 'vitest')) {
      return this.random.chance(0.6) ? `${name}.each([[1, 'a'], [2, 'b']])('case %i'` : `${name}.each\`\n  id | email\n  \${1} | \${'a'}\n\`('case $id'`;
    }
    const modifier = framework === 'jest' || framework === 'vitest' || framework === 'mocha'
      ? this.random.weighted([[12, ''], [1, '.only'], [1, '.skip'], [framework === 'jest' ? 0.3 : 0, "['skip']"]])
      : '';
    return `${name}${modifier}(${title}`;
  }

  private hook(kind: HookKind, topLevel: boolean): void {
    if (this.statementBudget <= 0 && !topLevel) return;
    this.leadingComment();
    const name = this.hookName(kind);
    const form = this.random.weighted([[6, 'async-arrow'], [2, 'async-function'], [1, 'done'], [2, 'expression'], [1, 'sync']]);
    const timeout = this.random.chance(0.1) ? ', 30_000' : '';
    if (form === 'expression') {
      const expression = this.hookExpression(kind);
      this.out.line(`${name}(() => ${expression}${timeout});${this.trailing()}`);
      return;
    }
    const async = form === 'async-arrow' || form === 'async-function';
    const open = form === 'async-arrow' ? 'async () => {' : form === 'async-function' ? 'async function () {' : form === 'done' ? (this.style.ts ? '(done: () => void) => {' : '(done) => {') : '() => {';
    this.out.line(`${name}(${open}`);
    this.out.indent(() => this.hookBody(kind, { async, done: form === 'done', nodeTestContext: false }));
    this.out.line(`}${timeout});${this.trailing()}`);
  }

  private hookExpression(kind: HookKind): string {
    const resource = this.resourceWith(kind === 'afterAll' || kind === 'afterEach' ? 'closes' : 'writes');
    if (!resource) return this.usesNock ? 'nock.cleanAll()' : 'undefined';
    const calls = kind.startsWith('after') ? resource.closes ?? resource.cleanups ?? [] : resource.writes ?? [];
    return this.random.pick(calls.length > 0 ? calls : ['undefined']);
  }

  private hookBody(kind: HookKind, scope: Scope): void {
    const count = this.random.weighted([[3, 1], [3, 2], [1, 3], [1, 4]]);
    for (let index = 0; index < count; index++) {
      const role = kind === 'beforeAll'
        ? this.random.weighted([[4, 'create'], [3, 'write'], [1, 'mock'], [1, 'nock'], [1, 'misc'], [1, 'assign-data']])
        : kind === 'beforeEach'
          ? this.random.weighted([[2, 'create'], [3, 'write'], [2, 'mock'], [1, 'cleanup'], [1, 'assign-data'], [1, 'nock']])
          : kind === 'afterEach'
            ? this.random.weighted([[4, 'cleanup'], [1, 'close'], [1, 'restore'], [1, 'misc']])
            : this.random.weighted([[3, 'close'], [2, 'cleanup'], [1, 'restore'], [1, 'misc']]);
      this.statement(role, scope);
    }
    if (scope.done) this.out.line('done();');
  }

  private test(): void {
    if (this.statementBudget <= 0) return;
    this.leadingComment();
    const name = this.testName();
    const { framework } = this.style;
    const title = `'${this.random.pick(TEST_NAMES).replace(/'/g, "\\'")}'`;
    if ((framework === 'jest' || framework === 'vitest') && this.random.chance(0.08)) {
      this.out.line(`${name}.todo(${title});`);
      return;
    }
    let head = `${name}(${title}`;
    if ((framework === 'jest' || framework === 'vitest') && this.random.chance(0.12)) {
      head = `${name}.each([1, 2, 3])(${title} + ' %i'`;
    } else if (framework === 'vitest' && this.random.chance(0.05)) {
      head = `${name}.skipIf(!process.env.CI)(${title}`;
    } else if ((framework === 'jest' || framework === 'vitest') && this.random.chance(0.05)) {
      head = `${name}.concurrent(${title}`;
    } else if (framework === 'jasmine' && this.random.chance(0.2)) {
      head = `${this.random.pick(['fit', 'xit'])}(${title}`;
    }
    const nodeTestContext = framework === 'node:test' && this.random.chance(0.3);
    const async = this.random.chance(0.85);
    const parameter = nodeTestContext ? 't' : head.includes('.each') ? 'n' : '';
    const params = parameter && this.style.ts && parameter === 't' ? '(t: any)' : `(${parameter})`;
    const open = this.style.framework === 'mocha' && this.random.chance(0.3) ? `${async ? 'async ' : ''}function () {` : `${async ? 'async ' : ''}${params} => {`;
    this.out.line(`${head}, ${open}`);
    this.out.indent(() => {
      const count = this.random.weighted([[2, 1], [3, 2], [3, 3], [1, 5]]);
      const scope: Scope = { async, done: false, nodeTestContext };
      for (let index = 0; index < count; index++) {
        this.statement(this.random.weighted([[3, 'read'], [2, 'write'], [1, 'create'], [2, 'use-shared'], [1, 'mutate'], [1, 'mock'], [1, 'network'], [1, 'endpoint'], [1, 'misc'], [1, 'cleanup']]), scope);
      }
      this.assertion();
    });
    this.out.line(`});${this.trailing()}`);
  }

  // ---------------------------------------------------------------- statements

  private resourceWith(key: 'create' | 'writes' | 'reads' | 'cleanups' | 'closes' | 'methods'): Resource | undefined {
    const candidates = this.used.filter((resource) => {
      const value = resource[key];
      return Array.isArray(value) ? value.length > 0 : value !== undefined;
    });
    return candidates.length > 0 ? this.random.pick(candidates) : undefined;
  }

  /** Drops type arguments from an expression written for TypeScript when the file is JavaScript. */
  private forLanguage(expression: string): string {
    return this.style.ts ? expression : expression.replace(/<[A-Z]\w*>/g, '');
  }

  private emit(written: string, scope: Scope, options: { assignTo?: string; declare?: string } = {}): void {
    const expression = this.forLanguage(written);
    this.statementBudget--;
    this.leadingComment();
    const awaited = scope.async && this.random.chance(0.85) ? `await ${expression}` : expression;
    const trailing = this.trailing();
    if (options.assignTo) {
      this.out.line(`${options.assignTo} = ${awaited};${trailing}`);
    } else if (options.declare) {
      this.out.line(`const ${options.declare} = ${awaited};${trailing}`);
    } else if (!scope.async && !scope.done && this.random.chance(0.2)) {
      this.out.line(`void ${expression};${trailing}`);
    } else {
      this.out.line(`${awaited};${trailing}`);
    }
  }

  private statement(role: string, scope: Scope): void {
    switch (role) {
      case 'create': {
        const resource = this.resourceWith('create');
        if (!resource) return this.statement('misc', scope);
        if (this.random.chance(0.75)) this.emit(resource.create!, scope, { assignTo: resource.variable });
        else this.emit(resource.create!, scope, { declare: this.fresh(`local${capitalise(resource.variable)}`) });
        return;
      }
      case 'write':
      case 'read':
      case 'cleanup':
      case 'close': {
        const key = ({ write: 'writes', read: 'reads', cleanup: 'cleanups', close: 'closes' } as const)[role];
        const resource = this.resourceWith(key);
        if (!resource) return role === 'close' || role === 'cleanup' ? this.statement('restore', scope) : this.statement('misc', scope);
        let call = this.random.pick(resource[key]!);
        const tagged = /^[\w$.]+`/.test(call);
        if (!tagged && this.random.chance(0.08)) call = call.replace(/^(\w+)\./, '$1?.');
        if (this.style.ts && this.random.chance(0.05)) call = call.replace(/^(\w+)\./, '$1!.');
        if (this.random.chance(0.05)) call = call.replace(/\(/, `(${this.inlineComment() || '/* args */ '}`);
        if (role === 'write' && this.random.chance(0.3)) {
          const shared = this.sharedLets.filter((name) => !this.used.some((candidate) => candidate.variable === name));
          if (shared.length > 0) {
            this.emit(call, scope, { assignTo: this.random.pick(shared) });
            return;
          }
        }
        this.emit(call, scope);
        return;
      }
      case 'assign-data': {
        const shared = this.sharedLets.filter((name) => !this.used.some((candidate) => candidate.variable === name));
        if (shared.length === 0) return this.statement('write', scope);
        const source = this.random.pick([`{ id: 1, email: 'ada@example.com' }`, `[{ id: 1 }, { id: 2 }]`, `buildUser({ admin: true })`, `createOrder()`]);
        this.statementBudget--;
        this.out.line(`${this.random.pick(shared)} = ${source};${this.trailing()}`);
        return;
      }
      case 'use-shared': {
        if (this.sharedLets.length === 0) return this.statement('read', scope);
        const name = this.random.pick(this.sharedLets);
        this.statementBudget--;
        this.out.line(this.random.pick([`expect(${name}).toBeDefined();`, `console.log(${name});`, `const ${this.fresh('copy')} = { ...${name} };`, `void ${name};`]));
        return;
      }
      case 'mutate': {
        if (this.moduleLiterals.length === 0) return this.statement('misc', scope);
        const { name, array } = this.random.pick(this.moduleLiterals);
        this.statementBudget--;
        const writes = array
          ? [`${name}.push({ email: 'linus@example.com' });`, `${name}[0]!.email = 'changed@example.com';`, `${name}.splice(0, 1);`, `${name}.sort();`]
          : [`${name}.status = 'paid';`, `${name}.items.push('book');`, `delete (${name} as { status?: string }).status;`, `${name}['id'] += 1;`];
        const reads = [`Object.assign({}, ${name}, { touched: true });`, `${name}.toString();`, `const [${this.fresh('first')}] = Object.values(${name});`, `expect(${name}).toBeDefined();`, `const ${this.fresh('copy')} = structuredClone(${name});`];
        const line = this.random.pick(this.random.chance(0.6) ? writes : reads);
        this.out.line(this.style.ts ? line : line.replace('!.', '.').replace(/ as \{[^}]*\}/, ''));
        return;
      }
      case 'mock':
        return this.methodMock(scope);
      case 'restore':
        this.statementBudget--;
        this.out.line(this.restoreCall());
        return;
      case 'nock':
        if (this.usesNock) {
          this.statementBudget--;
          this.out.line(this.random.pick([
            `nock('https://api.stripe.com').post('/v1/charges').reply(200, { id: 'ch_1' });`,
            'nock.disableNetConnect();',
            `nock.enableNetConnect('127.0.0.1');`,
          ]));
          return;
        }
        if (this.usesMsw) {
          this.statementBudget--;
          this.out.line(`server.listen({ onUnhandledRequest: 'error' });`);
          return;
        }
        return this.statement('create', scope);
      case 'network': {
        const url = this.random.pick(['https://api.stripe.com/v1/charges', 'https://example.org/users?id=1', 'http://localhost:3000/health', 'http://127.0.0.1:8080/orders']);
        this.emit(this.random.pick([`fetch('${url}')`, `fetch(new URL('${url}'), { method: 'POST' })`, 'fetch(`' + url + '`)', `globalThis.fetch('${url}')`]), scope, this.random.chance(0.3) ? { declare: this.fresh('response') } : {});
        return;
      }
      case 'endpoint':
        if (this.usesSupertest) {
          this.emit(`request(createApp()).${this.random.pick(['get', 'post'])}('/users').expect(${this.random.pick(['200', '201'])})`, scope);
          return;
        }
        if (this.usesExeca) {
          this.emit(`execa('node', ['bin/cli.js', 'import'])`, scope);
          return;
        }
        return this.random.chance(0.5)
          ? this.emit(this.random.pick([`buildApp().inject({ method: 'GET', url: '/users' })`, `fetch('http://localhost:3000/users', { method: 'POST' })`, `chai.request(createApp()).get('/users')`]), scope)
          : this.statement('network', scope);
      default:
        return this.misc(scope);
    }
  }

  private misc(scope: Scope): void {
    this.statementBudget--;
    const { ts, jsx } = this.style;
    const n = this.fresh('');
    const options = [
      `const total${n} = [1, 2, 3].reduce((sum, n) => sum + n, 0);`,
      `const label${n} = \`order-\${Date.now()}\`;`,
      `const { id: id${n} = 1, ...rest${n} } = { id: 2, name: 'x' };`,
      `if (process.env.DEBUG) console.debug('debug');`,
      `for (const n of [1, 2]) { void n; }`,
      `label${n}: for (;;) { break label${n}; }`,
      `const café${n} = 'crème';`,
      `const maybe${n} = globalThis.process?.env?.['HOME'] ?? null;`,
      `(() => {})();`,
      `const fn${n} = function named() { return this; };`,
      `class Fake${n} { #count = 0; static create() { return new Fake${n}(); } get count() { return this.#count; } }`,
      `{ const describe = (title${ts ? ': string' : ''}) => title; describe('shadowed'); }`,
      `{ const jest = { mock: (name${ts ? ': string' : ''}) => name }; jest.mock('pg'); }`,
      `try { JSON.parse('{'); } catch { /* expected */ }`,
      `const re${n} = /\\/\\*not a comment\\*\\//g;`,
      `const str${n} = '// not a comment either';`,
    ];
    if (ts) options.push(`const typed${n} = { ok: true } satisfies Record<string, boolean>;`, `const value${n} = ['a'] as const;`, `type Row${n} = { id: number };`);
    if (jsx) options.push(`render(<UserCard name="Ada" onSave={() => {}} />);`, `const view${n} = <>{/* jsx comment */}<span>{'x'}</span></>;`);
    if (scope.async) options.push(`const { Pool: LazyPool${n} } = await import('pg');`, `await Promise.all([1, 2].map(async (n) => n));`);
    this.out.line(this.random.pick(options));
  }

  private methodMock(scope: Scope): void {
    const resource = this.resourceWith('methods');
    const target = resource ? resource.variable : this.random.pick(['console', 'Date', 'Math']);
    const method = resource ? this.random.pick(resource.methods!) : this.random.pick(['log', 'now', 'random']);
    this.statementBudget--;
    this.leadingComment();
    const { framework, ts } = this.style;
    const quoted = `'${method}'`;
    switch (framework) {
      case 'jest':
      case 'vitest': {
        const object = framework === 'jest' ? 'jest' : 'vi';
        const form = this.random.weighted([[4, 'spy-impl'], [2, 'spy'], [1, 'global'], [1, 'computed'], [1, 'assign']]);
        if (form === 'spy-impl') this.out.line(`${object}.spyOn(${target}, ${quoted}).${this.random.pick(['mockResolvedValue({ id: 1 } as never)', 'mockImplementation(() => undefined as never)', 'mockReturnValueOnce(1 as never)'])};`.replace(/ as never/g, ts ? ' as never' : ''));
        else if (form === 'spy') this.out.line(`const ${this.fresh('spy')} = ${object}.spyOn(${target}, ${quoted});`);
        else if (form === 'global') this.out.line(framework === 'vitest' ? `vi.stubGlobal('fetch', vi.fn());` : `jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}'));`);
        else if (form === 'computed') this.out.line(`${object}['spyOn'](${target}, ${quoted})?.mockReturnValue?.(undefined${ts ? ' as never' : ''});`);
        else this.out.line(`(globalThis${ts ? ' as any' : ''}).fetch = ${object}.fn();`);
        return;
      }
      case 'node:test':
        if (scope.nodeTestContext) this.out.line(`t.mock.method(${target}, ${quoted}, async () => ({ rows: [] }));`);
        else this.out.line(`mock.method(${target}, ${quoted}${this.random.chance(0.7) ? ', async () => ({ id: 1 })' : ''});`);
        return;
      case 'jasmine':
        if (this.sinonName !== 'sinon' || this.random.chance(0.6)) {
          this.out.line(`spyOn(${target}, ${quoted}).and.returnValue(Promise.resolve({ id: 1 }));`);
        } else {
          this.out.line(this.sinonMock(target, quoted, resource));
        }
        return;
      default:
        this.out.line(this.sinonMock(target, quoted, resource));
    }
  }

  private sinonMock(target: string, quoted: string, resource: Resource | undefined): string {
    return this.random.pick([
      `${this.sinonName}.stub(${target}, ${quoted}).resolves({ id: 1 });`,
      `${this.sinonName}.spy(${target}, ${quoted});`,
      `${this.sinonName}.replace(${target}, ${quoted}, ${this.sinonName}.fake.resolves(null));`,
      `const ${this.fresh('stubbed')} = ${this.sinonName}.createStubInstance(${resource?.named?.[0] ?? 'Object'});`,
    ]);
  }

  private restoreCall(): string {
    switch (this.style.framework) {
      case 'jest': return 'jest.restoreAllMocks();';
      case 'vitest': return this.random.pick(['vi.restoreAllMocks();', 'vi.unstubAllGlobals();']);
      case 'node:test': return 'mock.restoreAll();';
      case 'jasmine': return '// jasmine restores spies itself';
      default: return `${this.sinonName}.restore();`;
    }
  }

  private assertion(): void {
    const { framework } = this.style;
    if (framework === 'node:test') this.out.line(this.random.pick(['assert.ok(true);', 'assert.equal(1, 1);', 'assert.deepStrictEqual([], []);']));
    else if (framework === 'mocha') this.out.line(this.random.pick(['expect(1).to.equal(1);', 'expect([]).to.be.empty;']));
    else this.out.line(this.random.pick(['expect(1).toBe(1);', 'expect({}).toEqual({});', 'expect(true).toBeTruthy();']));
  }

  private trailer(): void {
    if (this.random.chance(0.05)) this.out.line(this.style.esm ? 'export {};' : 'module.exports = {};');
    if (this.random.chance(0.1)) this.out.line(`// ${this.words()}`);
  }
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
