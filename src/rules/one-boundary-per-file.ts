import type { TSESLint } from '@typescript-eslint/utils';
import path from 'node:path';
import { isAcceptanceByDefault } from '../core/layers';
import { describeBoundaries, findTooManyBoundaries } from '../core/one-boundary-per-file';
import { withoutFakesOfHttpServices } from '../estree/boundary-uses';
import { fileBoundariesOf } from '../estree/file-boundaries';
import { shownPath } from '../estree/report';
import { testFileOf } from '../estree/test-file';
import { checkOptionKinds, getSettings } from '../settings';
import { createRule } from '../util/create-rule';

type Options = [{ max?: number; allowTogether?: string[][]; ignoreKinds?: string[] }];

/** The shape of a boundary kind name, as in settings. */
const KIND_PATTERN = '^[a-z][a-z0-9-]*$';

/** A path as a shell argument: forward slashes, quoted when it holds a space or a quote. */
function commandLinePath(relative: string): string {
  const posix = relative.split(path.sep).join('/');
  return /[\s'"$`\\]/.test(posix) ? `'${posix.replace(/'/g, `'\\''`)}'` : posix;
}

type MessageIds = 'tooManyBoundaries' | 'tooManyBoundariesByName';

export default createRule<Options, MessageIds>({
  name: 'one-boundary-per-file',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce one boundary kind per integration test file',
      config: 'recommended',
      layers: ['integration'],
    },
    schema: [
      {
        type: 'object',
        properties: {
          max: { type: 'integer', minimum: 1, description: 'How many boundaries one file may exercise.' },
          allowTogether: {
            type: 'array',
            description: "Groups of boundary kinds that count as one, e.g. [['database', 'cache']].",
            items: { type: 'array', items: { type: 'string', pattern: KIND_PATTERN }, minItems: 2, uniqueItems: true },
          },
          ignoreKinds: {
            type: 'array',
            description: 'Boundary kinds that are never counted.',
            items: { type: 'string', pattern: KIND_PATTERN },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 1, allowTogether: [], ignoreKinds: [] }],
    messages: {
      tooManyBoundaries:
        'This integration test file exercises {{count}} boundaries: {{boundaries}} (at most {{max}} per file). Split it so each file tests one boundary through its adapter, and a failure points at one integration: `npx eslint-plugin-integration-tests split {{file}}`.',
      tooManyBoundariesByName:
        'This integration test file exercises {{count}} boundaries: {{boundaries}} (at most {{max}} per file). Its name makes it an acceptance test by default, where a test may use them all: leave it out of the `integration` globs in `createConfigs`, or split it so each file tests one boundary through its adapter: `npx eslint-plugin-integration-tests split {{file}}`.',
    },
  },
  defaultOptions: [{ max: 1, allowTogether: [], ignoreKinds: [] }],
  create(context, [options]) {
    checkOptionKinds('one-boundary-per-file', [
      ...(options.ignoreKinds ?? []).map((kind, index) => [`ignoreKinds[${index}]`, kind] as const),
      ...(options.allowTogether ?? []).flatMap((group, outer) => group.map((kind, inner) => [`allowTogether[${outer}][${inner}]`, kind] as const)),
    ], getSettings(context.settings));
    return { 'Program:exit': () => checkFile(context, options) };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

function checkFile(context: Context, options: Options[0]): void {
  // Shared setup and helper files have no tests, hooks or suites; only test files are held to one boundary.
  if (testFileOf(context).tests.length === 0) return;
  const { uses, mocked } = fileBoundariesOf(context);
  const found = findTooManyBoundaries(withoutFakesOfHttpServices(context, uses, testFileOf(context).httpFakes), mocked, {
    max: options.max ?? 1,
    allowTogether: options.allowTogether ?? [],
    ignoreKinds: options.ignoreKinds ?? [],
  });
  if (!found) return;
  const shown = shownPath(context);
  context.report({
    node: found.at,
    messageId: isAcceptanceByDefault(shown) ? 'tooManyBoundariesByName' : 'tooManyBoundaries',
    data: { count: found.boundaries.length, boundaries: describeBoundaries(found.boundaries), max: options.max ?? 1, file: commandLinePath(shown) },
  });
}
