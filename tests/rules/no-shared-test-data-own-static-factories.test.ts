/**
 * `no-shared-test-data` on a static method the project's own class defines to hand back a new
 * instance of itself (`TestStack.create()` ending in `return new TestStack(…)`): it builds an object,
 * such as a network of test servers or a key pair, not a record, whether the class comes from a
 * workspace package of the repository or from a relative path. A model's inherited `create` and a
 * static method that writes a row and hands back something else still make data.
 */
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/no-shared-test-data';
import { temporaryProjects } from '../helpers/projects';

const project = temporaryProjects('no-shared-test-data-own-static-factories');
const root = project('social', {
  'package.json': JSON.stringify({ name: 'social', private: true, workspaces: ['packages/*'] }),
  'packages/dev-env/package.json': JSON.stringify({ name: '@social/dev-env', main: 'src/index.ts' }),
  'packages/dev-env/src/index.ts': `export { TestStack } from './stack';
export { KeyPair } from './keys';
`,
  'packages/dev-env/src/stack.ts': `import { startServer, type Server } from './server';

export class TestStack {
  private constructor(readonly api: Server, readonly url: string) {}

  static async create(options: { schema: string }): Promise<TestStack> {
    const api = await startServer(options.schema);
    return new TestStack(api, api.url);
  }

  async close() {
    await this.api.close();
  }
}
`,
  'packages/dev-env/src/server.ts': `export interface Server { url: string; close(): Promise<void> }
export async function startServer(schema: string): Promise<Server> {
  return { url: 'http://localhost:2583/' + schema, close: async () => undefined };
}
`,
  'packages/dev-env/src/keys.ts': `export class KeyPair {
  constructor(private readonly secret: Uint8Array) {}

  static create() {
    return new this(crypto.getRandomValues(new Uint8Array(32)));
  }
}
`,
  'packages/app/package.json': JSON.stringify({ name: '@social/app' }),
  'packages/app/src/db.ts': `import { Sequelize, Model } from 'sequelize';

export const sequelize = new Sequelize(process.env.DATABASE_URL ?? '');
export class Post extends Model {}
`,
  // Writes a row and hands back its id: a factory of data, whatever its name.
  'packages/app/test/support/posts.ts': `import { Post } from '../../src/db';

export class Posts {
  static async create(text: string) {
    const post = await Post.create({ text });
    return post.get('id');
  }
}
`,
  'packages/app/test/support/clock.js': `class FrozenClock {
  constructor(now) {
    this.now = now;
  }

  static create() {
    return new FrozenClock(Date.parse('2030-01-01'));
  }
}
module.exports = { FrozenClock };
`,
});

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run("no-shared-test-data: the project's own static factories (Vitest, Jest)", rule, {
  valid: [
    {
      name: 'a stack of test servers and a key pair, made once by classes of a workspace package (Vitest)',
      filename: path.join(root, 'packages/app/test/integration/feed.test.ts'),
      code: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyPair, TestStack } from '@social/dev-env';
import { readFeed } from '../../src/feed';

describe('feed', () => {
  let stack: TestStack;
  let keys: KeyPair;

  beforeAll(async () => {
    stack = await TestStack.create({ schema: 'feed' });
    keys = KeyPair.create();
  });

  afterAll(() => stack.close());

  it('starts empty', async () => {
    expect(await readFeed(stack.url, keys)).toEqual([]);
  });

  it('is reachable', async () => {
    expect((await fetch(stack.url)).ok).toBe(true);
  });
});
`,
    },
  ],
  invalid: [
    {
      name: "a model's inherited create still writes a row (Jest)",
      filename: path.join(root, 'packages/app/test/integration/posts.test.ts'),
      code: `import { Post } from '../../src/db';
import { listPosts } from '../../src/posts';

describe('posts', () => {
  let post: Post;

  beforeAll(async () => {
    post = await Post.create({ text: 'hello' });
  });

  it('lists the post', async () => {
    expect(await listPosts()).toContainEqual(expect.objectContaining({ id: post.get('id') }));
  });

  it('keeps its text', async () => {
    expect(post.get('text')).toBe('hello');
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 8,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `post`', sources: '`post = Post.create()` (line 8)' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a static method that writes a row and hands back its id (Vitest)',
      filename: path.join(root, 'packages/app/test/integration/post-ids.test.ts'),
      code: `import { beforeAll, describe, expect, it } from 'vitest';
import { Posts } from '../support/posts';
import { readPost } from '../../src/posts';

describe('post ids', () => {
  let id: number;

  beforeAll(async () => {
    id = await Posts.create('hello');
  });

  it('reads the post', async () => {
    expect((await readPost(id)).text).toBe('hello');
  });

  it('reads it twice', async () => {
    expect(await readPost(id)).toEqual(await readPost(id));
  });
});
`,
      errors: [
        {
          messageId: 'sharedData',
          line: 9,
          data: { hook: 'beforeAll', shared: 'the 2 tests that use `id`', sources: '`id = Posts.create()` (line 9)' },
          suggestions: [],
        },
      ],
    },
  ],
});

cjs.run("no-shared-test-data: the project's own static factories (Mocha, CommonJS)", rule, {
  valid: [
    {
      name: 'a frozen clock made once by a class of the test support',
      filename: path.join(root, 'packages/app/test/integration/schedule.test.js'),
      code: `const assert = require('node:assert');
const { FrozenClock } = require('../support/clock');
const { nextRun } = require('../../src/schedule');

describe('schedule', () => {
  let clock;
  before(() => {
    clock = FrozenClock.create();
  });

  it('runs at midnight', () => {
    assert.equal(nextRun(clock).getUTCHours(), 0);
  });

  it('runs tomorrow', () => {
    assert.equal(nextRun(clock).getUTCDate(), 2);
  });
});
`,
    },
  ],
  invalid: [],
});
