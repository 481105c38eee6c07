import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import path from 'node:path';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface ProbeOptions {
  /** Path of the linted file; its extension picks the parser (`.ts` → typescript-eslint). */
  readonly filename?: string;
  readonly settings?: Record<string, unknown>;
  /** Parse as a CommonJS script instead of a module. */
  readonly script?: boolean;
}

export const PROBE_CWD = '/project';

/**
 * Runs a recogniser over every node of one type in a real ESLint pass and returns what it
 * answered, keyed by the source text of the node. Lets recogniser tests read like tables.
 */
export function probe<T>(
  code: string,
  nodeType: string,
  recognise: (context: Context, node: TSESTree.Node) => T | null,
  options: ProbeOptions = {},
): Array<{ text: string; result: T }> {
  const filename = options.filename ?? 'tests/integration/example.test.ts';
  const results: Array<{ text: string; result: T }> = [];
  const linter = new Linter({ cwd: PROBE_CWD });
  const isTypeScript = /\.[cm]?tsx?$/.test(filename);
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'],
        languageOptions: {
          sourceType: options.script ? 'commonjs' : 'module',
          ecmaVersion: 'latest',
          ...(isTypeScript ? { parser: tsParser as Linter.Parser } : {}),
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        settings: options.settings ?? {},
        plugins: {
          probe: {
            rules: {
              probe: {
                meta: { type: 'problem', schema: [] },
                create(context) {
                  return {
                    [nodeType](node: TSESTree.Node) {
                      const result = recognise(context as unknown as Context, node);
                      if (result !== null) results.push({ text: (context as unknown as Context).sourceCode.getText(node), result });
                    },
                  };
                },
              },
            },
          },
        },
        rules: { 'probe/probe': 'error' },
      },
    ],
    path.join(PROBE_CWD, filename),
  );
  const problem = messages[0];
  if (problem) throw new Error(`probe failed: ${problem.message}`);
  return results;
}
