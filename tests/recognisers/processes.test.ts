import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { displayText } from '../../src/core/partial-text';
import { parseProcessStart } from '../../src/estree/processes';
import { probe, type ProbeOptions } from '../helpers/probe';

/** Every recognised process start as `launcher: word | word | …`. */
function starts(code: string, options?: ProbeOptions): string[] {
  const recognise = (context: Parameters<Parameters<typeof probe>[2]>[0], node: TSESTree.Node) => {
    const started = parseProcessStart(context, node as TSESTree.CallExpression | TSESTree.TaggedTemplateExpression);
    return started ? `${started.launcher}: ${started.words.map(displayText).join(' | ')}` : null;
  };
  return [
    ...probe(code, 'CallExpression', recognise, options),
    ...probe(code, 'TaggedTemplateExpression', recognise, options),
  ].map(({ result }) => result);
}

describe('parseProcessStart', () => {
  it.each([
    ['child_process file and arguments', `import { spawn, execFileSync } from 'node:child_process';\nspawn('node', ['bin/cli.js', '--help']);\nexecFileSync('npx', ['acme', 'sync']);`, ['spawn (child_process): node | bin/cli.js | --help', 'execFileSync (child_process): npx | acme | sync']],
    ['child_process command lines', "import cp from 'child_process';\ncp.execSync('node bin/cli.js --version');\ncp.exec(`npx acme ${command}`);", ['execSync (child_process): node | bin/cli.js | --version', 'exec (child_process): npx | acme | ${…}']],
    ['fork', `const { fork } = require('child_process');\nfork('dist/worker.js', ['--once']);`, ['fork (child_process): node | dist/worker.js | --once']],
    ['require on the spot', `require('child_process').execSync('node bin/cli.js');`, ['execSync (child_process): node | bin/cli.js']],
    ['promisify', `import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst run = promisify(exec);\nawait run('node bin/cli.js');`, ['exec (child_process): node | bin/cli.js']],
    ['execa calls', `import { execa, execaNode, execaCommand } from 'execa';\nawait execa('./bin/cli.js', ['serve']);\nawait execaNode('src/cli.ts');\nawait execaCommand('npx acme sync');`, ['execa (execa): ./bin/cli.js | serve', 'execaNode (execa): node | src/cli.ts', 'execaCommand (execa): npx | acme | sync']],
    ['execa templates', "import { $, execa } from 'execa';\nawait $`node bin/cli.js ${flag}`;\nawait $({ cwd: process.cwd() })`npx acme`;\nawait execa`acme sync`;", ['$ (execa): node | bin/cli.js | ${…}', '$ (execa): npx | acme', 'execa (execa): acme | sync']],
    ['execa v5 default export', `const execa = require('execa');\nawait execa('node', ['bin/cli.js']);\nexeca.sync('acme');`, ['execa: node | bin/cli.js', 'sync (execa): acme']],
    ['zx', "import { $ } from 'zx';\nawait $`docker compose up -d`;", ['$ (zx): docker | compose | up | -d']],
    ['an argument array held elsewhere', `import { spawn } from 'child_process';\nspawn('node', args);`, ['spawn (child_process): node | ${…}']],
    ['options instead of arguments', `import { spawn } from 'child_process';\nspawn('./bin/run', { stdio: 'inherit' });`, ['spawn (child_process): ./bin/run']],
    [
      'relative paths of a process started in a directory the file does not show, as unknown',
      "import { $, execa } from 'execa';\nimport { spawn } from 'node:child_process';\nawait $({ cwd: root })`npx acme ./seed.js`;\nawait execa('node', ['build/index.js'], { cwd: stagingDir });\nspawn('acme', ['new', 'shop'], { cwd: dirs.tmp });",
      ['execa (execa): node | ${…}', 'spawn (child_process): acme | new | shop', '$ (execa): npx | acme | ${…}'],
    ],
  ])('recognises %s', (_label, code, expected) => {
    expect(starts(code)).toEqual(expected);
  });

  it.each([
    ['a local function named exec', `const exec = (command) => command;\nexec('node bin/cli.js');`],
    ['a regular expression exec', `/a/.exec('node bin/cli.js');`],
    ['an unrelated template tag', "sql`SELECT 1`;\nhtml`<p>node bin/cli.js</p>`;"],
    ['execa options alone', `import { $ } from 'execa';\nconst run = $({ cwd: root });`],
  ])('does not recognise %s', (_label, code) => {
    expect(starts(code)).toEqual([]);
  });
});
