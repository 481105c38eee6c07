import { AST_NODE_TYPES } from './node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { fullText, knownText, splitWords, UNKNOWN_TEXT, type PartialText } from '../core/partial-text';
import { unwrap } from './call-chain';
import { moduleMemberOf, type ModuleMember } from './module-members';
import { partialTextOf } from './static-text';
import { textGate, type TextNeeds } from './text-gates';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A child process a test starts, with its command line as far as the file shows it. */
export interface ProcessStart {
  /** How it is started, as users write it: `execSync (child_process)`, `$ (zx)`. */
  readonly launcher: string;
  readonly words: readonly PartialText[];
  readonly node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
}

/**
 * How a function takes its command:
 * - `file-args`: a program and an array of arguments (`spawn('node', ['x.js'])`), or as a tagged
 *   template (`$\`node x.js\``);
 * - `command-line`: one string a shell splits (`exec('node x.js')`);
 * - `node-script`: a script that node runs (`fork('x.js')`, `execaNode('x.js')`).
 */
type CommandShape = 'file-args' | 'command-line' | 'node-script';

/** Process-starting functions by module and member path (`''` is the module value itself). */
export const PROCESS_APIS: Readonly<Record<string, Readonly<Record<string, CommandShape>>>> = {
  child_process: {
    spawn: 'file-args', spawnSync: 'file-args', execFile: 'file-args', execFileSync: 'file-args',
    exec: 'command-line', execSync: 'command-line', fork: 'node-script',
  },
  execa: {
    '': 'file-args', execa: 'file-args', execaSync: 'file-args', sync: 'file-args', $: 'file-args', '$.sync': 'file-args', '$.s': 'file-args',
    execaCommand: 'command-line', execaCommandSync: 'command-line', command: 'command-line', commandSync: 'command-line',
    execaNode: 'node-script', node: 'node-script',
  },
  zx: { $: 'file-args', '$.sync': 'file-args' },
  'zx/core': { $: 'file-args', '$.sync': 'file-args' },
  'cross-spawn': { '': 'file-args', spawn: 'file-args', sync: 'file-args' },
  // Test helpers that run a command line and capture its output.
  'cli-testlab': { execCommand: 'command-line' },
};

/** Every process start {@link parseProcessStart} recognises is read off an import or `require` of a module of {@link PROCESS_APIS}. */
export const PROCESS_START_NEEDS: TextNeeds = { modules: Object.keys(PROCESS_APIS) };

/** Whether a file's source text may hold a process start {@link parseProcessStart} recognises: `false` only when it certainly does not. */
export const mayStartProcess = textGate(PROCESS_START_NEEDS);

function shapeOf(member: ModuleMember | null): CommandShape | null {
  return member ? (PROCESS_APIS[member.source]?.[member.path.join('.')] ?? null) : null;
}

function launcherName(member: ModuleMember): string {
  return member.path.length === 0 ? member.source : `${member.path.join('.')} (${member.source})`;
}

/**
 * Recognises a call or tagged template that starts a child process through `child_process`,
 * execa, zx or cross-spawn, and reads its command line. Bound forms count too:
 * `$({ cwd })\`…\``, `execa({ … })\`…\``, `promisify(exec)`.
 */
export function parseProcessStart(context: Context, node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): ProcessStart | null {
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    let tag = unwrap(node.tag);
    // `$({ cwd })` and `execa({ … })` return the same tag with options bound.
    const elsewhere = tag.type === AST_NODE_TYPES.CallExpression && runsElsewhere(context, tag.arguments);
    if (tag.type === AST_NODE_TYPES.CallExpression) tag = unwrap(tag.callee);
    const member = moduleMemberOf(context, tag);
    if (!member || shapeOf(member) !== 'file-args') return null;
    const words = splitWords(partialTextOf(context, node.quasi));
    return { launcher: launcherName(member), words: elsewhere ? words.map(unlessRelativePath) : words, node };
  }
  const member = moduleMemberOf(context, node.callee);
  const shape = shapeOf(member);
  const [command, args] = node.arguments;
  if (!member || !shape || !command || command.type === AST_NODE_TYPES.SpreadElement) return null;
  // `$({ cwd })` alone makes a tag; it starts nothing.
  if (unwrap(command).type === AST_NODE_TYPES.ObjectExpression) return null;
  const elsewhere = runsElsewhere(context, node.arguments.slice(1));
  const commandText = partialTextOf(context, command);
  const argumentWords = args ? wordsOfArguments(context, args) : [];
  const words =
    shape === 'command-line'
      ? splitWords(commandText)
      : shape === 'node-script'
        ? [knownText('node'), commandText, ...argumentWords]
        : [commandText, ...argumentWords];
  return { launcher: launcherName(member), words: elsewhere ? words.map(unlessRelativePath) : words, node };
}

/** A relative path (`build/index.js`, `./cli.js`) in a process started elsewhere names a file of that directory: unknown here. */
function unlessRelativePath(word: PartialText): PartialText {
  const text = fullText(word);
  return text !== null && !text.startsWith('/') && (text.includes('/') || /\.[cm]?[jt]sx?$/.test(text)) ? UNKNOWN_TEXT : word;
}

/**
 * Whether options among a call's arguments start the process in a directory the file does not show
 * (`{ cwd: stagingDir }` made at run time): its relative paths then name files of that directory,
 * not the project's. A command found on the path (`acme`, `npx acme`) is the same wherever it runs.
 * `process.cwd()` is where the tests run.
 */
function runsElsewhere(context: Context, args: readonly TSESTree.CallExpressionArgument[]): boolean {
  for (const argument of args) {
    const options = unwrap(argument);
    if (options.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of options.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== 'cwd') continue;
      const value = unwrap(property.value);
      if (isProcessCwd(value)) return false;
      return fullText(partialTextOf(context, value)) === null;
    }
  }
  return false;
}

/** `process.cwd()`. */
function isProcessCwd(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0) return false;
  const callee = unwrap(node.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'cwd' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'process'
  );
}

/** The argument array: each element is one word; anything else (options, a variable) adds nothing known. */
function wordsOfArguments(context: Context, node: TSESTree.Node): PartialText[] {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.ArrayExpression) {
    return expression.elements.map((element) =>
      !element || element.type === AST_NODE_TYPES.SpreadElement ? UNKNOWN_TEXT : partialTextOf(context, element),
    );
  }
  return expression.type === AST_NODE_TYPES.ObjectExpression ? [] : [UNKNOWN_TEXT];
}
