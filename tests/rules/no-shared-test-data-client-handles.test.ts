/**
 * `no-shared-test-data` on a client a run-once hook opens through a helper named like a factory:
 * a variable declared with a client's type (`let orm: MikroORM`), or a helper named for a client
 * library (`createSequelize()`), holds a connection the tests share, not test data. The same helper
 * filling a variable typed as one of the project's entities still seeds data, even when the entity's
 * module is built on a database client.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import rule from '../../src/rules/no-shared-test-data';
import { temporaryProjects } from '../helpers/projects';

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

const AUTHORS = `import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrm } from '../support/orm';
import { Author } from '../../src/entities/author';

describe('authors', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await createTestOrm();
  });

  afterAll(() => orm.close(true));

  it('counts authors', async () => {
    expect(await orm.em.fork().count(Author)).toBe(0);
  });

  it('finds no author by email', async () => {
    expect(await orm.em.fork().findOne(Author, { email: 'ada@example.com' })).toBeNull();
  });
});
`;

ts.run('no-shared-test-data: a client held in a variable of its type (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'an ORM made by a helper named like a factory, in a variable of the ORM’s type',
      filename: 'test/integration/authors.test.ts',
      code: AUTHORS,
    },
  ],
  invalid: [
    {
      name: 'the same helper filling a variable typed as an entity',
      filename: 'test/integration/authors.test.ts',
      code: AUTHORS.replace('  let orm: MikroORM;', '  let orm: Author;'),
      errors: [
        {
          messageId: 'sharedData',
          line: 10,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `orm`', sources: '`orm = createTestOrm()` (line 10)' },
          // The hook's handle is closed in `afterAll`: running it per test is no one-step edit.
          suggestions: [],
        },
      ],
    },
  ],
});

cjs.run('no-shared-test-data: a helper named for a client library (Mocha, CommonJS)', rule, {
  valid: [
    {
      name: 'createSequelize() in a run-once hook makes the connection',
      filename: 'test/integration/scopes.test.js',
      code: `const { expect } = require('chai');
const { createSequelize } = require('../support/sequelize');

describe('scopes', () => {
  let sequelize;

  before(() => (sequelize = createSequelize()));

  beforeEach(() => sequelize.sync({ force: true }));

  it('finds the default scope', async () => {
    expect(sequelize.models).to.be.an('object');
  });

  it('finds a named scope', async () => {
    expect(sequelize.models).to.be.an('object');
  });
});
`,
    },
  ],
  invalid: [],
});

const project = temporaryProjects('shared-data-client-handles');

const notifications = project('notifications', {
  'package.json': JSON.stringify({ name: 'notifications', version: '1.0.0' }),
  'src/dal/template.ts': "import { Schema, model } from 'mongoose';\n\nexport class TemplateEntity {\n  _id!: string;\n  name!: string;\n}\n\nexport const TemplateModel = model('Template', new Schema({ name: String }));\n",
  'test/support/session.ts': "import { TemplateModel, type TemplateEntity } from '../../src/dal/template';\n\nexport class Session {\n  async createTemplate(): Promise<TemplateEntity> {\n    return (await TemplateModel.create({ name: 'welcome' })).toObject() as TemplateEntity;\n  }\n}\n",
});

const TEMPLATES = `import { expect } from 'chai';
import { TemplateEntity } from '../../src/dal/template';
import { Session } from '../support/session';

describe('template triggers', () => {
  const session = new Session();
  let template: TemplateEntity;

  before(async () => {
    template = await session.createTemplate();
  });

  it('triggers by name', () => {
    expect(template.name).to.equal('welcome');
  });

  it('keeps its id', () => {
    expect(template._id).to.be.a('string');
  });
});
`;

const typed = new RuleTester({ languageOptions: { parser: tsParser } });
const templates = path.join(notifications, 'test/integration/templates.test.ts');

typed.run('no-shared-test-data: a record typed as an entity of a data-access module (Mocha, TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      name: 'an entity class of a module built on the database client is a record, not a client',
      filename: templates,
      code: TEMPLATES,
      errors: [
        {
          messageId: 'sharedData',
          line: 10,
          data: { hook: 'before', shared: 'the 2 tests that use `template`', sources: '`template = session.createTemplate()` (line 10)' },
          // `session` is made at the suite's top level: moving the hook alone is not offered.
          suggestions: [],
        },
      ],
    },
  ],
});
