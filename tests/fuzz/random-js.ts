/**
 * Random valid JavaScript from eslump, made deterministic and kept to a size a linter sees in
 * practice. eslump draws from `Math.random`, so generation runs with `Math.random` swapped for the
 * case's seeded stream. Half the programs get a test-shaped preamble, so the rules' recognisers get
 * past their "is this a test file" checks and meet the odd syntax inside suites and hooks.
 */
import { generateRandomJS } from 'eslump';
import { parseError, parseTargetFor } from './check';
import type { Program } from './program';
import { Random } from './random';

/** Programs above this size are regenerated shallower: huge inputs only slow the run down. */
export const MAX_RANDOM_JS_BYTES = 6_000;

/** eslump does not rule out early errors (a name declared twice); such programs are drawn again. */
const ATTEMPTS = 10;

export function generateRandomProgram(seed: number): Program {
  const random = new Random(seed);
  let program: Program | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    program = drawProgram(random, seed);
    if (parseError(program.code, parseTargetFor(program, 'integration')) === null) return program;
  }
  return program!;
}

function drawProgram(random: Random, seed: number): Program {
  const sourceType = random.chance(0.7) ? 'module' : 'script';
  let maxDepth = random.int(2, 6);
  let code = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    code = random.drive(() => generateRandomJS({ sourceType, maxDepth, comments: random.chance(0.5), whitespace: random.chance(0.2) }));
    if (code.length <= MAX_RANDOM_JS_BYTES) break;
    maxDepth = Math.max(1, maxDepth - 1);
  }
  if (code.length > MAX_RANDOM_JS_BYTES) code = '';
  if (random.chance(0.5)) code = wrapInSuite(code, random, sourceType === 'module');
  return {
    code,
    extension: sourceType === 'module' ? '.mjs' : '.cjs',
    sourceType: sourceType === 'module' ? 'module' : 'commonjs',
    origin: { generator: 'eslump', seed },
  };
}

/**
 * Puts random code next to the statements rules look for. The random part stays at the top level,
 * where whatever eslump wrote (imports, `await`, `return` in scripts) is still valid.
 */
function wrapInSuite(code: string, random: Random, module: boolean): string {
  const imports = module
    ? `import { Pool } from 'pg';\nimport { describe, it, beforeAll, afterAll, vi } from 'vitest';\n`
    : `const { Pool } = require('pg');\n`;
  const mock = module ? `vi.mock('pg');\n` : `jest.mock('pg');\n`;
  const suite = [
    `describe('random', () => {`,
    `  let pool;`,
    `  beforeAll(async () => { pool = new Pool(); await pool.query('INSERT INTO t VALUES (1)'); });`,
    `  it('runs', async () => { await fetch('https://example.org/'); });`,
    `  afterAll(() => pool.end());`,
    `});`,
    '',
  ].join('\n');
  return random.chance(0.5) ? `${imports}${mock}${code}\n${suite}` : `${imports}${suite}${mock}${code}\n`;
}
