/**
 * `require-cleanup` on a client made from options a helper module exports: when their text names a
 * database kept in memory (`database: ':memory:'`), what the tests write goes with the client and
 * needs no cleanup. Options that name a database server leave the writes in place, and they are reported.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import rule from '../../src/rules/require-cleanup';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('require-cleanup-in-memory-options');

const ENTITIES = `export class User {
  constructor(public id: number, public name: string) {}
}
`;

const shop = project('shop', {
  'package.json': JSON.stringify({ name: 'shop', version: '1.0.0' }),
  'test/support/entities.ts': ENTITIES,
  'test/support/options.ts': "import { User } from './entities';\n\nexport const memoryOptions = { type: 'sqlite', database: ':memory:', synchronize: true, entities: [User] };\nexport const serverOptions = { type: 'postgres', database: 'shop', synchronize: true, entities: [User] };\n",
});

const USERS = `import { DataSource } from 'typeorm';
import { expect, it } from 'vitest';
import { User } from '../support/entities';
import { memoryOptions } from '../support/options';

it('saves a user', async () => {
  const options = memoryOptions;
  const ds = new DataSource(options);
  await ds.initialize();
  await ds.manager.save(new User(1, 'ada'));
  expect(await ds.manager.count(User)).toBe(1);
});
`;

const ts = new RuleTester({ languageOptions: { parser: tsParser } });
const filename = path.join(shop, 'test/integration/users.test.ts');

ts.run('require-cleanup: a database in memory, set up by a helper’s options (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'options whose database lives in memory',
      filename,
      code: USERS,
    },
  ],
  invalid: [
    {
      name: 'options that name a database server',
      filename,
      code: USERS.replaceAll('memoryOptions', 'serverOptions'),
      errors: [
        {
          messageId: 'missingCleanup',
          line: 10,
          data: { call: 'ds.manager.save()', target: 'the database', container: '' },
          suggestions: [
            {
              messageId: 'addCleanupHook',
              data: { hook: 'afterEach', subject: 'ds' },
              output: USERS.replaceAll('memoryOptions', 'serverOptions')
                .replace("import { expect, it } from 'vitest';", "import { expect, it, afterEach } from 'vitest';")
                .replace(
                  "import { serverOptions } from '../support/options';\n",
                  "import { serverOptions } from '../support/options';\n\nafterEach(async () => {\n  // Remove what each test wrote through `ds`: truncate the tables it wrote to, or roll back a per-test transaction.\n});\n",
                ),
            },
          ],
        },
      ],
    },
  ],
});
