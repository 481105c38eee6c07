import type { TSESLint } from '@typescript-eslint/utils';
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
