import { AST_NODE_TYPES } from '../estree/node-types';
import type { TSESLint } from '@typescript-eslint/utils';
import { cleanupComment, findUncleanedWrite } from '../core/require-cleanup';
import { cleanupFactsGatherer, type CleanupGathering, type FoundWrite } from '../estree/cleanup-facts';
import { hookPlaceFor, insertHook } from '../estree/hooks';
import type { TestCall } from '../estree/test-calls';
import { createRule } from '../util/create-rule';
import { soleKindReachedBy } from '../estree/cleanup-recognisers';

type Options = [{ autofix?: boolean }];
type MessageIds = 'missingCleanup' | 'missingCleanupThroughHelper' | 'resetOnlyOnce' | 'addCleanupHook';
type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

const CONTAINER_REMEDY = ' (or stop the container that holds the data)';

export default createRule<Options, MessageIds>({
  name: 'require-cleanup',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require test files that write to a boundary to clean up what they wrote',
      config: 'strict',
      layers: ['integration'],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          autofix: {
            type: 'boolean',
            description: 'Insert the `afterEach` skeleton as a fix (for `eslint --fix`) rather than offer it as a suggestion.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ autofix: false }],
    messages: {
      missingCleanup:
        '`{{call}}` writes to {{target}}, and this file registers no cleanup that removes it. Roll back, truncate or delete after each test{{container}}, so every test starts from a known state.',
      missingCleanupThroughHelper:
        '`{{call}}` is handed {{target}}, so it may write there (this rule cannot read that helper), and this file registers no cleanup that removes what it writes. Roll back, truncate or delete after each test{{container}}, so every test starts from a known state.',
      resetOnlyOnce:
        '`{{call}}` writes to {{target}}, which this file resets only once, {{when}}, while {{count}} tests write there: each test starts from what the tests before it left. Roll back, truncate or delete after each test{{container}}, or reset before each one.',
      addCleanupHook: 'Add an `{{hook}}` hook to fill in with the cleanup for `{{subject}}`.',
    },
  },
  defaultOptions: [{ autofix: false }],
  create(context, [{ autofix = false }]) {
    const gatherer = cleanupFactsGatherer(context);
    return { ...gatherer.listeners, 'Program:exit': () => checkFile(context, gatherer.finish(), autofix) };
  },
});

function checkFile(context: Context, gathered: CleanupGathering | null, autofix: boolean): void {
  const verdict = gathered && findUncleanedWrite(gathered.facts);
  const found = verdict && gathered.writes[verdict.index];
  if (!found) return;
  const kind = found.write.kind ?? (found.unreadHelper ? null : soleKindReachedBy(context, found.node));
  // A file that already resets before each test needs that reset widened, not a second hook.
  const edit = verdict.resetsBeforeEach ? null : skeletonEdit(context, gathered.tests, found);
  const target = found.unreadHelper && found.client ? `\`${found.client}\`, a ${kind ?? 'boundary'} client` : kind ? `the ${kind}` : 'a boundary';
  const once = !found.unreadHelper && verdict.resetOnce;
  context.report({
    node: found.node,
    messageId: once ? 'resetOnlyOnce' : found.unreadHelper ? 'missingCleanupThroughHelper' : 'missingCleanup',
    data: {
      call: found.call,
      target,
      container: gathered.hasContainer ? CONTAINER_REMEDY : '',
      ...(once ? { when: once.scope === 'suite' ? 'before its suite' : "before all of the file's tests", count: once.writingTests } : {}),
    },
    fix: autofix ? (edit?.fix ?? null) : null,
    suggest: !autofix && edit ? [{ messageId: 'addCleanupHook', data: { hook: edit.hook, subject: found.client ?? found.call }, fix: edit.fix }] : [],
  });
}

/**
 * The edit that inserts an `afterEach` to fill in, in the write's suite. None when that suite already
 * has an empty `afterEach` waiting to be filled in, so that `--fix` adds it only once.
 */
function skeletonEdit(context: Context, tests: readonly TestCall[], found: FoundWrite): { hook: string; fix: TSESLint.ReportFixFunction } | null {
  const place = hookPlaceFor(context, tests, found.node);
  const waiting = place?.hooks.some(
    (hook) => hook?.name === 'afterEach' && hook.callback?.body.type === AST_NODE_TYPES.BlockStatement && hook.callback.body.body.length === 0,
  );
  if (!place || waiting) return null;
  const inserted = insertHook(context, tests, place, 'afterEach', [`// ${cleanupComment(found.write, found.client, found.call)}`]);
  // Named without the test function it hangs on: `afterEach` for `test.afterEach`, `afterEach.always` for AVA.
  return inserted && { hook: inserted.name.includes('.') ? inserted.name.slice(inserted.name.indexOf('.') + 1) : inserted.name, fix: inserted.fix };
}
