import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { moduleMemberOf } from '../../src/estree/module-members';
import { probe } from '../helpers/probe';

/** The module member behind the callee of every call, as `source#path`. */
function members(code: string): string[] {
  return probe(code, 'CallExpression', (context, node) => {
    const member = moduleMemberOf(context, (node as TSESTree.CallExpression).callee);
    return member ? `${member.source}#${member.path.join('.')}` : null;
  }).map(({ result }) => result);
}

describe('moduleMemberOf', () => {
  it.each([
    ['a named import', `import { spawn as run } from 'node:child_process';\nrun('x');`, ['child_process#spawn']],
    ['a default import', `import axios from 'axios';\naxios('x'); axios.get('x');`, ['axios#', 'axios#get']],
    ['a namespace import', `import * as cp from 'child_process';\ncp.exec('x');`, ['child_process#exec']],
    ['require and destructuring', `const { $ } = require('execa');\n$.sync('x');`, ['execa#$.sync']],
    ['require on the spot', `require('child_process').spawnSync('x');`, ['child_process#spawnSync']],
    ['destructuring a module held in a variable', `const pactum = require('pactum');\nconst { spec, request: { setBaseUrl } } = pactum;\nspec();`, ['pactum#spec']],
    ['promisify through util', `import util from 'util';\nimport { execFile } from 'child_process';\nconst run = util.promisify(execFile);\nrun('x');`, ['util#promisify', 'child_process#execFile']],
  ])('reads %s', (_label, code, expected) => {
    expect(members(code)).toEqual(expected);
  });

  it.each([
    ['a local function', `const run = () => 1;\nrun();`, []],
    ['a global', `fetch('x'); console.log('x');`, []],
    ['a call in the middle of a chain', `import axios from 'axios';\naxios.create().get('x');`, ['axios#create']],
    ['a type-only import', `import type { spawn } from 'child_process';\ndeclare const s: typeof spawn;\ns('x');`, []],
  ])('gives nothing for %s', (_label, code, expected) => {
    expect(members(code)).toEqual(expected);
  });
});
