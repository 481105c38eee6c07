/**
 * `one-boundary-per-file` on clients a test file only closes: a client imported from one of the
 * project's modules whose every use in the file ends its connection or checks that it is there
 * (`if (redis) redis.disconnect()`, `await redis.quit()`) is not a boundary the file exercises.
 * One use that goes through it (`redis.get(…)`) makes it one.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import rule from '../../src/rules/one-boundary-per-file';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('one-boundary-closed-clients');

const media = project('media', {
  'package.json': JSON.stringify({ name: 'media', version: '1.0.0' }),
  'src/db.ts': "import { Pool } from 'pg';\n\nexport const db = new Pool({ connectionString: process.env.DATABASE_URL });\n",
  'src/redis.ts': "import { Redis } from 'ioredis';\n\nexport const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');\n",
  'src/uploads.ts': "import { db } from './db';\n\nexport async function recordUpload(name: string) {\n  await db.query('insert into uploads (name) values ($1)', [name]);\n}\n",
});

const UPLOADS = `import { afterAll, afterEach, expect, it } from 'vitest';
import { db } from '../../src/db';
import { redis } from '../../src/redis';
import { recordUpload } from '../../src/uploads';

afterEach(() => db.query('delete from uploads'));
afterAll(async () => {
  if (redis) redis.disconnect();
  await db.end();
});

it('records an upload', async () => {
  await recordUpload('cat.png');
  const { rows } = await db.query('select name from uploads');
  expect(rows).toEqual([{ name: 'cat.png' }]);
});
`;

const ts = new RuleTester({ languageOptions: { parser: tsParser } });

ts.run('one-boundary-per-file: clients the file only closes (Vitest, TypeScript)', rule, {
  valid: [
    {
      name: 'a cache client imported only to disconnect it after the tests is not exercised',
      filename: path.join(media, 'tests/integration/uploads.test.ts'),
      code: UPLOADS,
    },
    {
      name: 'Jest: closed with `quit()` behind `&&`',
      filename: path.join(media, 'tests/integration/uploads.test.ts'),
      code: UPLOADS.replace("import { afterAll, afterEach, expect, it } from 'vitest';\n", '').replace('  if (redis) redis.disconnect();', '  redis && (await redis.quit());'),
    },
  ],
  invalid: [
    {
      name: 'one read through the cache client makes it a second boundary',
      filename: path.join(media, 'tests/integration/uploads.test.ts'),
      code: UPLOADS.replace("  await recordUpload('cat.png');", "  await recordUpload('cat.png');\n  expect(await redis.get('upload:cat.png')).toBeNull();"),
      errors: [
        {
          messageId: 'tooManyBoundaries',
          line: 3,
          data: { count: 2, boundaries: 'database (line 2), cache (line 3)', max: 1, file: path.relative('/', path.join(media, 'tests/integration/uploads.test.ts')) },
        },
      ],
    },
  ],
});
