/**
 * Lints one program with every rule, in-process, and checks what the plugin promises about edits:
 * no rule throws; every fix and every suggestion, applied alone, gives code that parses and keeps
 * the comments around it; fixing converges within ESLint's ten passes.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter, type ESLint, type Rule, type SourceCode } from 'eslint';
import { DEFAULT_LAYER_GLOBS } from '../../src/core/layers';
import { isTypeScript, type Program } from './program';
import { mix32, Random } from './random';

export const NAMESPACE = 'integration-tests';
/** ESLint stops `--fix` after this many passes; a fix that needs more does not converge. */
export const MAX_FIX_PASSES = 10;
/** The working directory the linted files pretend to live in. */
export const FUZZ_CWD = '/project';
export const MAX_SUGGESTIONS_PER_RULE = 25;

export type FuzzLayer = 'integration' | 'unit';
export const FUZZ_LAYERS: readonly FuzzLayer[] = ['integration', 'unit'];

/** Settings shaped like a real project's: its adapters by kind, an endpoint client, an alias. */
export const PROJECT_SETTINGS = {
  [NAMESPACE]: {
    boundaries: {
      database: ['src/repositories/**', 'src/db/**'],
      http: ['src/adapters/payments/**'],
      queue: ['src/adapters/events/**'],
    },
    endpointClients: ['tests/support/api-client'],
    aliases: { scenario: 'test' },
  },
};

export type RuleMap = Readonly<Record<string, Rule.RuleModule>>;

export type FailureKind =
  | 'input-does-not-parse'
  | 'rule-throws'
  | 'fix-does-not-parse'
  | 'fixes-do-not-converge'
  | 'suggestion-does-not-parse'
  | 'edit-deletes-comment'
  | 'edit-deletes-code';

export interface Failure {
  readonly kind: FailureKind;
  /** The rule at fault, without the plugin prefix; `null` when the input itself is at fault. */
  readonly rule: string | null;
  readonly layer: FuzzLayer;
  readonly message: string;
}

export interface CheckOptions {
  readonly rules: RuleMap;
  /** Seeds the choice of options and settings, so a case lints the same way every time. */
  readonly seed: number;
  /** Each suggestion is parsed alone; past this many for one rule in one file, a spread sample is. */
  readonly maxSuggestionsPerRule?: number;
  /** Only these layers (all by default), for reproducing one failure quickly. */
  readonly layers?: readonly FuzzLayer[];
}

export interface CheckResult {
  readonly failures: Failure[];
  /** The input did not parse and came from a generator that may write invalid code (eslump). */
  readonly skipped: boolean;
  /** Problems reported by each rule on the input, summed over layers. */
  readonly reports: Record<string, number>;
  /** Fixes applied and suggestions checked, by rule. */
  readonly fixesApplied: Record<string, number>;
  readonly suggestionsChecked: Record<string, number>;
}

/** One way of linting a program: its filename, parser setup and the rules' options. */
interface Target {
  readonly layer: FuzzLayer;
  readonly filename: string;
  readonly languageOptions: Linter.LanguageOptions;
  readonly settings: Record<string, unknown>;
  readonly options: Readonly<Record<string, unknown[]>>;
}

const linter = new Linter({ cwd: FUZZ_CWD });

export function filenameFor(program: Program, layer: FuzzLayer): string {
  return `${FUZZ_CWD}/tests/${layer}/generated-case.test${program.extension}`;
}

export function languageOptionsFor(program: Program): Linter.LanguageOptions {
  const typescript = isTypeScript(program.extension);
  return {
    ecmaVersion: 'latest',
    sourceType: program.sourceType,
    ...(typescript ? { parser: tsParser as unknown as Linter.Parser } : {}),
    parserOptions: { ecmaFeatures: { jsx: /x$/.test(program.extension) } },
  };
}

// ------------------------------------------------------------------ options from each rule's schema

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
}

/**
 * The options a rule gets in a case, read from its schema: `autofix` on wherever the rule has it;
 * other booleans and enums drawn from the case's seed; nothing a schema does not name.
 */
export function optionsFor(rule: Rule.RuleModule, random: Random | null, autofix: boolean): unknown[] {
  const schema = rule.meta?.schema;
  const first = (Array.isArray(schema) ? schema[0] : undefined) as JsonSchema | undefined;
  if (!first || first.type !== 'object' || !first.properties) return [];
  const options: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(first.properties)) {
    if (key === 'autofix' && property.type === 'boolean') options[key] = autofix;
    else if (random && property.type === 'boolean' && random.chance(0.3)) options[key] = !(property.default ?? false);
    else if (random && property.enum && property.enum.length > 0 && random.chance(0.3)) options[key] = random.pick(property.enum);
  }
  return [options];
}

function configFor(target: Target, rules: RuleMap, autofix: boolean): Linter.Config[] {
  const ruleEntries: Linter.RulesRecord = {};
  for (const name of Object.keys(rules)) {
    const options = target.options[name] ?? [];
    const withAutofix = options.map((option) =>
      option && typeof option === 'object' && 'autofix' in option ? { ...option, autofix } : option,
    );
    ruleEntries[`${NAMESPACE}/${name}`] = ['error', ...withAutofix];
  }
  return [
    {
      files: [...DEFAULT_LAYER_GLOBS[target.layer]],
      languageOptions: target.languageOptions,
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { [NAMESPACE]: { rules } as ESLint.Plugin },
      settings: target.settings,
      rules: ruleEntries,
    },
  ];
}

// ------------------------------------------------------------------ linting and parsing

type Outcome =
  | { readonly type: 'ok'; readonly messages: Linter.LintMessage[]; readonly sourceCode: SourceCode }
  | { readonly type: 'parse-error'; readonly message: string }
  | { readonly type: 'crash'; readonly rule: string; readonly message: string };

function ruleOfError(error: unknown, rules: RuleMap): string | null {
  const ruleId = (error as { ruleId?: unknown }).ruleId;
  const fromMessage = /Rule: "([^"]+)"/.exec(String((error as Error).message ?? ''))?.[1];
  const id = typeof ruleId === 'string' ? ruleId : fromMessage;
  if (id?.startsWith(`${NAMESPACE}/`)) return id.slice(NAMESPACE.length + 1);
  // Errors thrown while a rule is created say so in their message.
  const loading = /Error while loading rule '([^']+)'/.exec(String((error as Error).message ?? ''))?.[1];
  if (loading?.startsWith(`${NAMESPACE}/`)) return loading.slice(NAMESPACE.length + 1);
  return Object.keys(rules).length === 1 ? Object.keys(rules)[0]! : null;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function lint(code: string, target: Target, rules: RuleMap, autofix: boolean): Outcome {
  let messages: Linter.LintMessage[];
  try {
    messages = linter.verify(code, configFor(target, rules, autofix), { filename: target.filename });
  } catch (error) {
    const rule = ruleOfError(error, rules);
    if (rule === null) throw error;
    return { type: 'crash', rule, message: `${(error as Error).name}: ${firstLine((error as Error).message)}` };
  }
  const fatal = messages.find((message) => message.fatal);
  if (fatal) {
    const rule = fatal.ruleId?.startsWith(`${NAMESPACE}/`) ? fatal.ruleId.slice(NAMESPACE.length + 1) : null;
    if (rule) return { type: 'crash', rule, message: fatal.message };
    return { type: 'parse-error', message: `${fatal.message} (${fatal.line}:${fatal.column})` };
  }
  // A warning of ESLint's own ("No matching configuration found") means the file was not linted.
  const unlinted = messages.find((message) => message.ruleId === null);
  if (unlinted) throw new Error(`The fuzzer's config did not lint ${target.filename}: ${unlinted.message}`);
  const ours = messages.filter((message) => message.ruleId?.startsWith(`${NAMESPACE}/`));
  return { type: 'ok', messages: ours, sourceCode: linter.getSourceCode() as SourceCode };
}

const NO_RULES: RuleMap = {};

export type ParseTarget = Pick<Target, 'layer' | 'filename' | 'languageOptions'>;

export function parseTargetFor(program: Program, layer: FuzzLayer): ParseTarget {
  return { layer, filename: filenameFor(program, layer), languageOptions: languageOptionsFor(program) };
}

/** Why the code does not parse under the target's parser, or `null` when it parses. */
export function parseError(code: string, target: ParseTarget): string | null {
  const outcome = lint(code, { ...target, settings: {}, options: {} }, NO_RULES, false);
  return outcome.type === 'parse-error' ? outcome.message : null;
}

/** The parsed program, for tools that walk it (the minimiser), or `null` when it does not parse. */
export function parseProgram(code: string, target: ParseTarget): SourceCode | null {
  const outcome = lint(code, { ...target, settings: {}, options: {} }, NO_RULES, false);
  return outcome.type === 'ok' ? outcome.sourceCode : null;
}

// ------------------------------------------------------------------ edits

interface Edit {
  readonly range: readonly [number, number];
  readonly text: string;
}

export function applyEdit(code: string, edit: Edit): string {
  return code.slice(0, edit.range[0]) + edit.text + code.slice(edit.range[1]);
}

/** Applies fixes the way ESLint does: by range order, skipping any that overlaps one already applied. */
export function applyFixes(code: string, fixes: readonly Edit[]): { output: string; applied: Edit[] } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: Edit[] = [];
  let output = '';
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (lastEnd >= start || start > end) continue;
    output += code.slice(Math.max(0, lastEnd), Math.max(0, start)) + fix.text;
    lastEnd = end;
    applied.push(fix);
  }
  return { output: output + code.slice(Math.max(0, lastEnd)), applied };
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

type AstNode = { type: string; range: [number, number] } & Record<string, unknown>;

/** Containers whose removal says nothing about their contents: their statements are judged one by one. */
const CONTAINERS: ReadonlySet<string> = new Set(['Program', 'BlockStatement', 'StaticBlock', 'ClassBody', 'TSModuleBlock']);

/**
 * The outermost node inside the edited range that holds `range`, skipping block-like containers:
 * the statement (or list element) the edit would have to remove for the text in `range` to go.
 */
function outermostNodeHolding(sourceCode: SourceCode, range: readonly [number, number], edited: readonly [number, number]): AstNode | null {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[]>;
  let current = sourceCode.ast as unknown as AstNode;
  for (;;) {
    if (!CONTAINERS.has(current.type) && current.range[0] >= edited[0] && current.range[1] <= edited[1]) return current;
    let next: AstNode | null = null;
    for (const child of childrenOf(current, keys)) {
      if (child.range[0] <= range[0] && range[1] <= child.range[1]) next = child;
    }
    if (!next) return null;
    current = next;
  }
}

function childrenOf(node: AstNode, keys: Record<string, readonly string[]>): AstNode[] {
  const children: AstNode[] = [];
  for (const key of keys[node.type] ?? []) {
    const value = node[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof (child as AstNode).type === 'string') children.push(child as AstNode);
    }
  }
  return children;
}

/** Statements shorter than this say too little to tell whether they were moved (`done();`). */
const MIN_MOVED_STATEMENT = 12;

/**
 * Whether an edit removes `node` as a whole: its text is gone from the new text, and none of the
 * statements inside it lives on there either. A hook whose body moved elsewhere was rewritten, not
 * removed, so everything else in it (a timeout argument, a comment) must move along.
 */
function isRemoved(sourceCode: SourceCode, node: AstNode, replacement: string): boolean {
  const textOf = (candidate: AstNode) => normalise(sourceCode.text.slice(candidate.range[0], candidate.range[1]));
  if (replacement.includes(textOf(node))) return false;
  const keys = sourceCode.visitorKeys as Record<string, readonly string[]>;
  const pending = childrenOf(node, keys);
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (/Statement$|Declaration$/.test(current.type) && current.type !== 'BlockStatement') {
      const text = textOf(current);
      if (text.length >= MIN_MOVED_STATEMENT && replacement.includes(text)) return false;
    }
    pending.push(...childrenOf(current, keys));
  }
  return true;
}

/** Token types that carry data rather than structure: what an edit must not drop by accident. */
const LITERAL_TOKENS: ReadonlySet<string> = new Set(['Numeric', 'String', 'Template', 'RegularExpression']);

export interface DeletedText {
  readonly comments: string[];
  /** Literals (numbers, strings, templates, regular expressions) as written. */
  readonly literals: string[];
}

/**
 * What an edit deletes beyond the statement it is about. Text outside the edited range is untouched
 * by construction; inside it, each comment and literal must still appear in the new text (moved or
 * re-indented is fine), unless it sits in a statement the edit removes as a whole.
 */
export function deletedText(sourceCode: SourceCode, edit: Edit): DeletedText {
  const [start, end] = edit.range;
  const lost: DeletedText = { comments: [], literals: [] };
  if (start === end) return lost;
  const replacement = normalise(edit.text);
  const survives = (range: [number, number], text: string) => {
    if (text === '' || replacement.includes(text)) return true;
    if (range[0] < start || range[1] > end) return false;
    const holder = outermostNodeHolding(sourceCode, range, edit.range);
    return holder !== null && isRemoved(sourceCode, holder, replacement);
  };
  for (const comment of sourceCode.getAllComments()) {
    const range = comment.range as [number, number];
    if (range[1] <= start || range[0] >= end) continue;
    if (!survives(range, normalise(comment.value))) lost.comments.push(sourceCode.text.slice(range[0], range[1]));
  }
  for (const token of sourceCode.ast.tokens) {
    const range = token.range as [number, number];
    if (range[1] <= start || range[0] >= end || !LITERAL_TOKENS.has(token.type)) continue;
    if (!survives(range, normalise(token.value))) lost.literals.push(token.value);
  }
  return lost;
}

// ------------------------------------------------------------------ the check

/** A stream for one purpose of one case, independent of which other rules take part. */
function streamFor(seed: number, purpose: string): Random {
  let hash = seed;
  for (const char of purpose) hash = mix32(hash ^ char.charCodeAt(0));
  return new Random(hash);
}

/** The settings a case lints with: usually a project's, sometimes none. */
export function settingsFor(seed: number): Record<string, unknown> {
  return streamFor(seed, 'settings').chance(0.7) ? PROJECT_SETTINGS : {};
}

/** The options each rule gets in a case (see {@link optionsFor}). */
export function ruleOptionsFor(rules: RuleMap, seed: number): Record<string, unknown[]> {
  const ruleOptions: Record<string, unknown[]> = {};
  for (const [name, rule] of Object.entries(rules)) ruleOptions[name] = optionsFor(rule, streamFor(seed, name), true);
  return ruleOptions;
}

function targetsFor(program: Program, options: CheckOptions): Target[] {
  const settings = settingsFor(options.seed);
  const ruleOptions = ruleOptionsFor(options.rules, options.seed);
  return (options.layers ?? FUZZ_LAYERS).map((layer) => ({
    layer,
    filename: filenameFor(program, layer),
    languageOptions: languageOptionsFor(program),
    settings,
    options: ruleOptions,
  }));
}

function without(rules: RuleMap, name: string): RuleMap {
  const rest: Record<string, Rule.RuleModule> = { ...rules };
  delete rest[name];
  return rest;
}

function suggestionsByRule(messages: readonly Linter.LintMessage[]): Map<string, Linter.LintSuggestion[]> {
  const byRule = new Map<string, Linter.LintSuggestion[]>();
  for (const message of messages) {
    for (const suggestion of message.suggestions ?? []) {
      const list = byRule.get(ruleName(message)) ?? [];
      list.push(suggestion);
      byRule.set(ruleName(message), list);
    }
  }
  return byRule;
}

/** Up to `limit` items spread evenly over the list, so a huge file does not take minutes. */
function sample<T>(items: readonly T[], limit: number): readonly T[] {
  if (items.length <= limit) return items;
  return Array.from({ length: limit }, (_, index) => items[Math.floor((index * items.length) / limit)]!);
}

function ruleName(message: Linter.LintMessage): string {
  return (message.ruleId ?? '').slice(NAMESPACE.length + 1);
}

export function checkProgram(input: Program, options: CheckOptions): CheckResult {
  // ESLint sets a byte order mark aside before parsing, and fix ranges do not count it.
  const program = input.code.startsWith('\uFEFF') ? { ...input, code: input.code.slice(1) } : input;
  const failures: Failure[] = [];
  const reports: Record<string, number> = {};
  const fixesApplied: Record<string, number> = {};
  const suggestionsChecked: Record<string, number> = {};
  const count = (tally: Record<string, number>, rule: string) => {
    tally[rule] = (tally[rule] ?? 0) + 1;
  };

  for (const target of targetsFor(program, options)) {
    const fail = (kind: FailureKind, rule: string | null, message: string) => {
      if (!failures.some((failure) => failure.kind === kind && failure.rule === rule && failure.layer === target.layer)) {
        failures.push({ kind, rule, layer: target.layer, message });
      }
    };
    const checkDeletions = (sourceCode: SourceCode, edit: Edit, rule: string, what: string) => {
      const lost = deletedText(sourceCode, edit);
      if (lost.comments.length > 0) fail('edit-deletes-comment', rule, `${what} deletes ${lost.comments.join(', ')}`);
      if (lost.literals.length > 0) fail('edit-deletes-code', rule, `${what} deletes ${lost.literals.join(', ')}`);
    };

    // Lint the input, setting aside any rule that throws so the others are still checked.
    let rules = options.rules;
    let first: Outcome;
    for (;;) {
      first = lint(program.code, target, rules, true);
      if (first.type !== 'crash') break;
      fail('rule-throws', first.rule, first.message);
      rules = without(rules, first.rule);
    }
    if (first.type === 'parse-error') {
      if (program.origin.generator === 'eslump') return { failures, skipped: true, reports, fixesApplied, suggestionsChecked };
      fail('input-does-not-parse', null, first.message);
      continue;
    }
    for (const message of first.messages) count(reports, ruleName(message));
    if (first.messages.length === 0) continue;

    // Fix pass by pass, checking every fix on the text it was made for.
    let code = program.code;
    let outcome: Outcome = first;
    let passes = 0;
    while (outcome.type === 'ok') {
      const fixable = outcome.messages.filter((message) => message.fix);
      if (fixable.length === 0) break;
      if (passes === MAX_FIX_PASSES) {
        fail('fixes-do-not-converge', ruleName(fixable[0]!), `still fixable after ${MAX_FIX_PASSES} passes: ${fixable.map((message) => message.message).join(' | ')}`);
        break;
      }
      passes++;
      for (const message of fixable) checkDeletions(outcome.sourceCode, message.fix!, ruleName(message), 'fix');
      const { output, applied } = applyFixes(code, fixable.map((message) => message.fix!));
      for (const message of fixable) if (applied.includes(message.fix!)) count(fixesApplied, ruleName(message));
      const before = code;
      code = output;
      // The next pass parses the fixed code; only when it fails is each fix parsed alone, to name the culprit.
      outcome = lint(code, target, rules, true);
      if (outcome.type === 'parse-error') {
        const together = outcome.message;
        const culprits = fixable.filter((message) => parseError(applyEdit(before, message.fix!), target) !== null).map(ruleName);
        for (const rule of new Set(culprits)) fail('fix-does-not-parse', rule, `pass ${passes}: ${together}`);
        if (culprits.length === 0) fail('fix-does-not-parse', [...new Set(fixable.map(ruleName))].join('+'), `pass ${passes}, only together: ${together}`);
      } else if (outcome.type === 'crash') {
        fail('rule-throws', outcome.rule, `on fixed code: ${outcome.message}`);
      }
    }

    // Suggestions: with autofix off every edit is one, so each is applied alone to the input.
    const suggesting = lint(program.code, target, rules, false);
    if (suggesting.type !== 'ok') continue;
    for (const [rule, suggestions] of suggestionsByRule(suggesting.messages)) {
      for (const suggestion of sample(suggestions, options.maxSuggestionsPerRule ?? MAX_SUGGESTIONS_PER_RULE)) {
        count(suggestionsChecked, rule);
        const error = parseError(applyEdit(program.code, suggestion.fix), target);
        if (error) fail('suggestion-does-not-parse', rule, `"${suggestion.desc}": ${error}`);
        checkDeletions(suggesting.sourceCode, suggestion.fix, rule, `suggestion "${suggestion.desc}"`);
      }
    }
  }
  return { failures, skipped: false, reports, fixesApplied, suggestionsChecked };
}
