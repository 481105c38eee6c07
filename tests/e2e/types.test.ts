import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt, createFixtureProject, ESLINT_MAJORS, type FixtureProject } from './helpers/fixture-project';

// A consumer's TypeScript config, type-checked against the built declarations and the types of each
// ESLint major: the right shapes compile, and every wrong settings shape is an error where it is written.

assertBuilt();
const projects: FixtureProject[] = [];
afterAll(() => projects.forEach((project) => project.remove()));

const EXPECT_ERROR = /^\s*\/\/ @ts-expect-error .*$/gm;

function typeCheck(project: FixtureProject, extraRoots: readonly string[] = []) {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(project.dir, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  })!;
  const program = ts.createProgram({ rootNames: [...parsed.fileNames, ...extraRoots], options: parsed.options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ({
    file: diagnostic.file && path.relative(project.dir, diagnostic.file.fileName),
    line: diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : undefined,
    code: diagnostic.code,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0],
  }));
}

describe.each(ESLINT_MAJORS)('the package types with ESLint $major', (eslint) => {
  it('compile a typed config with defineConfig, and reject each wrong settings shape', () => {
    const project = createFixtureProject({ fixture: 'types', eslint });
    projects.push(project);
    // The same configs without their @ts-expect-error lines, to see each error the lines expect.
    for (const [file, copy] of [['eslint.config.ts', 'unguarded.config.ts'], ['commonjs.config.cts', 'unguarded.config.cts']] as const) {
      writeFileSync(path.join(project.dir, copy), readFileSync(path.join(project.dir, file), 'utf8').replace(EXPECT_ERROR, '  // (no guard)'));
    }

    const diagnostics = typeCheck(project, ['unguarded.config.ts', 'unguarded.config.cts'].map((file) => path.join(project.dir, file)));

    expect(diagnostics.map(({ file, line, code, message }) => `${file}:${line} TS${code} ${message}`)).toEqual([
      `unguarded.config.cts:7 TS2322 Type 'string' is not assignable to type 'readonly string[]'.`,
      `unguarded.config.ts:26 TS2322 Type 'string' is not assignable to type 'readonly string[]'.`,
      `unguarded.config.ts:28 TS2353 Object literal may only specify known properties, and 'boundary' does not exist in type 'IntegrationTestsSettings'.`,
      `unguarded.config.ts:30 TS2322 Type '"it"' is not assignable to type '"describe" | "test" | "beforeAll" | "beforeEach" | "afterEach" | "afterAll"'.`,
      `unguarded.config.ts:32 TS2322 Type 'RegExp' is not assignable to type 'string'.`,
      `unguarded.config.ts:34 TS2353 Object literal may only specify known properties, and 'functional' does not exist in type 'CreateConfigsOptions'.`,
      `unguarded.config.ts:36 TS2322 Type 'string' is not assignable to type 'string[]'.`,
      `unguarded.config.ts:38 TS2322 Type '{}' is not assignable to type 'undefined'.`,
    ]);
  });
});
