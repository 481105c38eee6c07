import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Linter, Rule } from 'eslint';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { finishFile, startFile } from '../estree/file-cache';
import { parseTestCall } from '../estree/test-calls';
import { UsageError } from './command';
import { boundaryFactsOf, outlineOf, type FileOutline } from './outline';
import type { Project } from './project';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A test file read through the user's ESLint: its text, what the configured rules report, and its outline. */
export interface ReadFile {
  readonly file: string;
  readonly text: string;
  readonly messages: readonly Linter.LintMessage[];
  readonly outline: FileOutline;
}

/** Reads a file the user named; one clear line when it is missing, not a file, or does not parse. */
export function readGiven(project: Project, file: string): string {
  const name = project.relative(file);
  if (!existsSync(file)) throw new UsageError(`${name} does not exist.`);
  if (!statSync(file).isFile()) throw new UsageError(`${name} is not a file.`);
  return readFileSync(file, 'utf8');
}

/** A rule that builds the outline of the file it is run on, and hands it over at the end of the walk. */
function collector(ignoreKinds: ReadonlySet<string>, found: (outline: FileOutline) => void): Rule.RuleModule {
  return {
    meta: { type: 'problem', schema: [] },
    create(eslintContext) {
      const context = eslintContext as unknown as Context;
      const { sourceCode } = context;
      startFile(sourceCode);
      const testCalls: TSESTree.CallExpression[] = [];
      const boundaries = boundaryFactsOf(context, ignoreKinds);
      const call = boundaries.listeners.CallExpression;
      const listeners: TSESLint.RuleListener = {
        ...boundaries.listeners,
        CallExpression(node) {
          if (parseTestCall(context, node)) testCalls.push(node);
          call?.(node);
        },
        'Program:exit'() {
          try {
            found(outlineOf(context, testCalls, boundaries.facts()));
          } finally {
            finishFile(sourceCode);
          }
        },
      };
      return listeners as unknown as Rule.RuleListener;
    },
  };
}

/** Lints `text` as `file` with the user's config, and outlines it; refuses a file that does not parse. */
export async function readTestFile(project: Project, file: string, text: string, ignoreKinds: ReadonlySet<string>): Promise<ReadFile> {
  let outline: FileOutline | null = null;
  const messages = await project.lint(file, text, collector(ignoreKinds, (found) => (outline = found)));
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new UsageError(`${project.relative(file)} does not parse (line ${fatal.line}: ${fatal.message.replace(/^Parsing error: /, '')}); nothing was changed.`);
  if (!outline) throw new UsageError(`${project.relative(file)} is not linted by your ESLint config (no config block covers it).`);
  return { file, text, messages, outline };
}

/** The messages of one of the plugin's rules. */
export function messagesOf(messages: readonly Linter.LintMessage[], rule: string): Linter.LintMessage[] {
  return messages.filter((message) => message.ruleId === `integration-tests/${rule}`);
}
