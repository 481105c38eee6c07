import { applyDefault, RuleCreator, type RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import type { Layer } from '../core/layers';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { finishFile, startFile } from '../estree/file-cache';
import { mergeListeners, modelListeners } from '../estree/test-file';
import { getSettings } from '../settings';

export const REPOSITORY_URL = 'https://github.com/integration-tests/eslint-plugin-integration-tests';

/** The config a rule is enabled in; `strict` includes everything in `recommended`. */
export type ConfigName = 'recommended' | 'strict';

/** What every rule says about itself; configs and the README table are generated from it. */
export interface IntegrationTestsDocs {
  readonly description: string;
  /** The smallest config that enables the rule. */
  readonly config: ConfigName;
  /** The layers whose files the configs enable the rule for. */
  readonly layers: readonly Layer[];
}

const ruleCreator = RuleCreator<IntegrationTestsDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);

/** The key for a rule configured without options. */
const NO_OPTIONS = {};

/**
 * The one way rules are made: typed options, `meta.defaultOptions`, docs URL per rule. Every rule
 * validates the plugin's settings before it looks at a file, so a bad setting fails the run at
 * once with a message naming the key, whatever the file contains.
 *
 * Options are merged with their defaults once per configured options object, not once per file:
 * ESLint hands every file of a configuration the same options object, and the merge (a deep clone)
 * cost more than some rules' whole work on a file.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, IntegrationTestsDocs>>,
) {
  const created = ruleCreator<Options, MessageIds>(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions) as Options;
  const merged = new WeakMap<object, Options>();

  function optionsOf(given: readonly unknown[]): Options {
    const key = given.length === 0 ? NO_OPTIONS : given[0];
    if (given.length > 1 || typeof key !== 'object' || key === null) return applyDefault<Options, Options>(defaults, given as Options);
    let options = merged.get(key);
    if (!options) {
      options = applyDefault<Options, Options>(defaults, given as Options);
      merged.set(key, options);
    }
    return options;
  }

  return {
    ...created,
    create(eslintContext: Parameters<typeof created.create>[0]): TSESLint.RuleListener {
      const context = plainContext(eslintContext);
      const { sourceCode } = context;
      startFile(sourceCode);
      getSettings(context.settings);
      const own: TSESLint.RuleListener = rule.create(context, optionsOf(context.options));
      // The first rule on a file also gathers the file's model for every rule (see `testFileOf`).
      const gathering = modelListeners(context);
      const listeners = gathering ? mergeListeners(gathering, own) : own;
      // Bound rather than a closure made per file (see `docs/architecture.md`).
      return { ...listeners, 'Program:exit': exitFile.bind(null, listeners['Program:exit'], sourceCode) };
    },
  };
}

/** A rule's own `Program:exit`, then the end of the file for the per-file caches. */
function exitFile(exit: ((program: TSESTree.Program) => void) | undefined, sourceCode: Readonly<TSESLint.SourceCode>, program: TSESTree.Program): void {
  try {
    exit?.(program);
  } finally {
    finishFile(sourceCode);
  }
}

/**
 * The rule's context as a plain object: the same fields and the same `report`. ESLint makes each
 * rule's context with the file's context as its prototype, a new one for every file, so code that
 * reads `sourceCode` or `settings` off contexts of thousands of files finds them through a chain it
 * has not seen before, several times slower than a plain read; the recognisers read them everywhere.
 */
function plainContext<Context extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(context: Context): Context {
  const loose = context as unknown as Record<string, unknown>;
  return Object.freeze({
    id: context.id,
    options: context.options,
    report: context.report,
    cwd: context.cwd,
    filename: context.filename,
    physicalFilename: context.physicalFilename,
    sourceCode: context.sourceCode,
    languageOptions: context.languageOptions,
    settings: context.settings,
    // ESLint 9 still gives these; they are undefined from ESLint 10 on.
    parserOptions: loose['parserOptions'],
    parserPath: loose['parserPath'],
  }) as unknown as Context;
}
