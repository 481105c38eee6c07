/**
 * `no-endpoint-calls` on a process started in a directory the file does not show
 * (`{ cwd: stagingDir }` made at run time): its relative paths name files of that directory, not the
 * project's, so what it runs cannot be told and nothing is said. A working directory the file shows
 * (`path.join(__dirname, '..')`), or `process.cwd()`, where the tests run, keeps the command judged, and
 * so does a command found on the path (the project's own bin), which is the same wherever it runs.
 */
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-endpoint-calls';
import { temporaryProjects } from '../helpers/projects';
import { ACCEPTANCE_BY_PATH, acceptanceMove } from '../helpers/advice';

// A project whose package declares a command of its own.
const project = temporaryProjects('no-endpoint-calls-working-directory');
const root = project('create-shop', {
  'package.json': JSON.stringify({ name: 'create-shop', version: '1.0.0', bin: { 'create-shop': 'bin/create-shop.js' } }),
  'bin/create-shop.js': "console.log('shop');\n",
});

const ts = new RuleTester();
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });

ts.run('no-endpoint-calls: a process started in a staging directory (Vitest)', rule, {
  valid: [
    {
      name: 'execa runs a script of a fixture copied to a temporary directory',
      filename: 'test/integration/install.test.ts',
      code: `import { mkdtemp, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, it } from 'vitest';

let stagingDir: string;

beforeAll(async () => {
  stagingDir = await mkdtemp(path.join(os.tmpdir(), 'install-'));
  await cp('test/fixtures/consumer', stagingDir, { recursive: true });
});

it('loads from a fresh install', async () => {
  await execa('npm', ['install'], { cwd: stagingDir });
  await execa('node', ['--throw-deprecation', 'build/src/index.js'], { cwd: stagingDir });
});
`,
    },
  ],
  invalid: [],
});

const cli = (command: string) => ({ command, launcher: 'spawnSync (child_process)', more: '', move: acceptanceMove('test/integration/cli.test.js') });

cjs.run('no-endpoint-calls: a process started in a directory the file shows (Jest)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the repository root, and the directory the tests run in',
      filename: 'test/integration/cli.test.js',
      code: `const { spawnSync } = require('node:child_process');
const path = require('node:path');

describe('cli', () => {
  it('prints its help', () => {
    const result = spawnSync('node', ['bin/cli.js', '--help'], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
    expect(result.stdout).toContain('Usage');
  });

  it('prints its version', () => {
    const result = spawnSync('node', ['bin/cli.js', '--version'], { cwd: process.cwd(), encoding: 'utf8' });
    expect(result.status).toBe(0);
  });
});
`,
      errors: [
        { messageId: 'projectCli', line: 6, data: cli('node bin/cli.js --help') },
        { messageId: 'projectCli', line: 11, data: cli('node bin/cli.js --version') },
      ],
    },
  ],
});

ts.run('no-endpoint-calls: the project\u2019s own command run in a staging directory (Vitest)', rule, {
  valid: [],
  invalid: [
    {
      name: 'the bin the package declares is the project\u2019s command line wherever it runs',
      filename: path.join(root, 'test/e2e/scaffold.test.ts'),
      code: `import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { expect, it } from 'vitest';

it('scaffolds a shop', async () => {
  const target = mkdtempSync(path.join(os.tmpdir(), 'shop-'));
  const { exitCode } = await execa('create-shop', ['new', '--yes'], { cwd: target });
  expect(exitCode).toBe(0);
});
`,
      errors: [
        {
          messageId: 'projectCli',
          line: 9,
          data: { command: 'create-shop new --yes', launcher: 'execa (execa)', more: '', move: ACCEPTANCE_BY_PATH },
        },
      ],
    },
  ],
});
