import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { isAcceptanceByDefault } from '../core/layers';
import type { TextEdit } from './text-edits';

/** The edit a finding offers: the suggestion's message, and the fix that makes the change. */
export interface OfferedEdit<MessageIds extends string> {
  readonly messageId: MessageIds;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly fix: TSESLint.ReportFixFunction;
}

/** A report's target and message, one variant at a time (by node or by location), without the edit. */
type Descriptor<MessageIds extends string> =
  TSESLint.ReportDescriptor<MessageIds> extends infer Variant ? (Variant extends unknown ? Omit<Variant, 'fix' | 'suggest'> : never) : never;

/**
 * The one way a rule reports a finding with an edit: offered as a suggestion (an editor quick fix,
 * never applied on its own), or, when the rule's `autofix` option is on, applied as the fix for
 * `eslint --fix` and fix-on-save. A finding without an edit is reported alone.
 */
export function reportWithEdit<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  descriptor: Descriptor<MessageIds>,
  edit: OfferedEdit<MessageIds> | null | undefined,
  autofix: boolean,
): void {
  if (!edit) {
    context.report(descriptor as TSESLint.ReportDescriptor<MessageIds>);
    return;
  }
  if (autofix) {
    context.report({ ...descriptor, fix: edit.fix } as TSESLint.ReportDescriptor<MessageIds>);
    return;
  }
  context.report({
    ...descriptor,
    suggest: [{ messageId: edit.messageId, ...(edit.data ? { data: edit.data } : {}), fix: edit.fix }],
  } as TSESLint.ReportDescriptor<MessageIds>);
}

/** A fix that applies text edits, the format every edit builder hands back. */
export function fixOfEdits(edits: readonly TextEdit[]): TSESLint.ReportFixFunction {
  return (fixer) => edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text));
}

/** The linted file's path from the working directory, with `/` between folders, as a message shows it. */
export function shownPath(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string {
  return path.relative(context.cwd, context.filename).split(path.sep).join('/');
}

/**
 * Where a scenario of ordered tests belongs, for a message: the acceptance layer, or, for a file
 * whose path the default globs already put there (`checkout.e2e-spec.ts`), out of the integration
 * globs that took it.
 */
export function scenarioAdvice(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string {
  return isAcceptanceByDefault(shownPath(context))
    ? 'leave this file out of the `integration` globs in `createConfigs`, as its path makes it an acceptance test by default'
    : 'move the scenario to the acceptance layer';
}
