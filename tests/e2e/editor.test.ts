import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  createFixtureProject,
  ESLINT_MAJORS,
  type FixtureProject,
  fixturesDir,
  killRunning,
  repoRoot,
  runEslint,
} from './helpers/fixture-project';
import { LspClient } from './helpers/lsp-client';
import { builtRules, expectedProblems, fixedFixture } from './helpers/shop';

// The ESLint language server that VS Code's ESLint extension runs, started over stdio as the editor
// starts it, on a copy of the shop fixture: squiggles, quick fixes and fix-on-save, through the
// Language Server Protocol only.

assertBuilt();
const rules = builtRules();
const SERVER = path.join(repoRoot, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');

const BROKEN = 'tests/integration/refund.test.ts';
const SHARED_ROWS = 'tests/integration/order-history.shared-rows.test.ts';
const MOCKED = 'tests/integration/order-repository.mocked.test.ts';
const SUGGESTION_RULE = 'no-boundary-mock';
/** The rule that fixes on save in each file, as `fixtures/configs/editor.js` sets it; the others only suggest. */
const AUTOFIX_BY_FILE: Readonly<Record<string, string>> = {
  [MOCKED]: 'no-boundary-mock',
  [SHARED_ROWS]: 'no-shared-test-data',
};

/** The settings VS Code's ESLint extension sends for a workspace folder with `eslint.useESLintClass` on. */
function extensionSettings(folder: { name: string; uri: string }, overrides: Record<string, unknown> = {}) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: true,
    experimental: {},
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: folder,
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    ...overrides,
  };
}

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface Diagnostic {
  range: Range;
  message: string;
  code?: string;
  codeDescription?: { href: string };
  source: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: { command: string; arguments: unknown[] };
  edit?: { documentChanges: Array<{ edits: TextEdit[] }> };
}

function offsetOf(text: string, position: Position): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

/** Applies LSP text edits (non-overlapping, all relative to the original text) as an editor does. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  return sorted.reduce((result, edit) => result.slice(0, offsetOf(text, edit.range.start)) + edit.newText + result.slice(offsetOf(text, edit.range.end)), text);
}

/** A workspace folder open in an editor connected to the language server. */
async function openEditor(project: FixtureProject, settingsOverrides: Record<string, unknown> = {}) {
  const folder = { name: path.basename(project.dir), uri: pathToFileURL(project.dir).href };
  const appliedEdits: Array<{ edit: { documentChanges: Array<{ edits: TextEdit[] }> } }> = [];
  const client = LspClient.start(process.execPath, [SERVER, '--stdio'], {
    cwd: project.dir,
    onServerRequest: (method, params) => {
      if (method === 'workspace/configuration') {
        return (params as { items: unknown[] }).items.map(() => extensionSettings(folder, settingsOverrides));
      }
      if (method === 'workspace/applyEdit') {
        appliedEdits.push(params as (typeof appliedEdits)[number]);
        return { applied: true };
      }
      return null;
    },
  });
  await client.request('initialize', {
    processId: process.pid,
    rootUri: folder.uri,
    workspaceFolders: [folder],
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceFolders: true },
      textDocument: {
        diagnostic: { dynamicRegistration: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } } },
      },
    },
  });
  client.notify('initialized', {});

  const opened = new Map<string, { uri: string; text: string }>();
  const open = (file: string) => {
    const known = opened.get(file);
    if (known) return known;
    const document = { uri: pathToFileURL(path.join(project.dir, file)).href, text: readFileSync(path.join(project.dir, file), 'utf8') };
    const languageId = file.endsWith('.ts') ? 'typescript' : 'javascript';
    client.notify('textDocument/didOpen', { textDocument: { uri: document.uri, languageId, version: 1, text: document.text } });
    opened.set(file, document);
    return document;
  };
  const diagnostics = async (uri: string) =>
    (await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
  const codeActions = (uri: string, range: Range, context: Record<string, unknown>) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context });
  return { client, appliedEdits, open, diagnostics, codeActions };
}

describe.each(ESLINT_MAJORS)('the ESLint language server with ESLint $major', (eslint) => {
  let project: FixtureProject;
  let editor: Awaited<ReturnType<typeof openEditor>>;

  beforeAll(async () => {
    project = createFixtureProject({ fixture: 'shop', config: 'editor.js', eslint });
    editor = await openEditor(project);
  }, 30_000);

  afterAll(async () => {
    await editor?.client.shutdown(2_000);
    killRunning();
    project?.remove();
  });

  it('shows our rule ids at the ranges the CLI reports, and a parse error for a broken file', async () => {
    const cli = await runEslint(eslint, project.dir, ['--format', 'json', BROKEN, SHARED_ROWS]);
    const cliReports = JSON.parse(cli.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number }> }>;

    for (const file of [BROKEN, SHARED_ROWS]) {
      const { uri } = editor.open(file);
      const items = await editor.diagnostics(uri);
      expect(items.map((item) => [item.code ?? null, item.range.start.line + 1])).toEqual(expectedProblems(file));
      expect(items.every((item) => item.source === 'eslint')).toBe(true);
      // Each squiggle links to the rule's page ("Show documentation for ...").
      for (const item of items.filter((entry) => entry.code !== undefined)) {
        const rule = item.code!.replace('integration-tests/', '');
        expect(item.codeDescription?.href).toMatch(new RegExp(`/docs/rules/${rule}\\.md$`));
        expect(item.codeDescription?.href).toBe(rules[rule]?.meta.docs?.url);
      }

      const cliMessages = cliReports.find((report) => report.filePath === path.join(project.dir, file))!.messages;
      expect(items.map((item) => item.range)).toEqual(
        cliMessages.map((message) => ({
          start: { line: message.line - 1, character: message.column - 1 },
          end: { line: (message.endLine ?? message.line) - 1, character: (message.endColumn ?? message.column) - 1 },
        })),
      );
    }
  });

  it(`offers the ${SUGGESTION_RULE} suggestion as a quick fix whose edit is exact`, async () => {
    const { uri, text } = editor.open(SHARED_ROWS);
    const diagnostic = (await editor.diagnostics(uri)).find((item) => item.code === `integration-tests/${SUGGESTION_RULE}`)!;
    const actions = await editor.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] });
    const suggestions = actions.filter((action) => action.command?.command === 'eslint.applySuggestion');
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.kind).toBe('quickfix');
    expect(suggestions[0]!.title).toMatch(new RegExp(`\\(integration-tests/${SUGGESTION_RULE}\\)$`));

    editor.appliedEdits.length = 0;
    await editor.client.request('workspace/executeCommand', suggestions[0]!.command);
    expect(editor.appliedEdits).toHaveLength(1);
    const edits = editor.appliedEdits[0]!.edit.documentChanges.flatMap((change) => change.edits);
    // The statement goes, with the blank line after it, and so does the `jest` import only it used: nothing else changes.
    expect(applyEdits(text, edits)).toBe(
      text.replace("    jest.spyOn(orders, 'findByReference').mockResolvedValue(order);\n\n", '').replace('expect, it, jest }', 'expect, it }'),
    );
  });

  it.each(Object.entries(AUTOFIX_BY_FILE))('fixes on save (source.fixAll.eslint) in %s with the fixes of %s only', async (file, rule) => {
    const { uri, text } = editor.open(file);
    await editor.diagnostics(uri);
    const actions = await editor.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll.eslint'] });
    expect(actions.map((action) => action.kind)).toEqual(['source.fixAll.eslint']);
    const edits = actions[0]!.edit!.documentChanges.flatMap((change) => change.edits);
    // The same result `eslint --fix` gives when this rule is the only one fixing; suggestions stay.
    const expected = fixedFixture(file, new Set([rule])) ?? `shop/${file}`;
    expect(applyEdits(text, edits)).toBe(readFileSync(path.join(fixturesDir, expected), 'utf8'));
  });

  it('shuts down cleanly and leaves no process behind', async () => {
    const pid = editor.client.pid!;
    expect(await editor.client.shutdown(5_000)).toBe(0);
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });
});

describe('the ESLint language server with a retired setting', () => {
  // Older guides tell VS Code users to turn on `eslint.experimental.useFlatConfig`. With it, the
  // server looks for a class ESLint 10 no longer has and shows nothing at all: the README says so.
  it('shows no diagnostics on ESLint 10 when eslint.experimental.useFlatConfig is on', async () => {
    const project = createFixtureProject({ fixture: 'shop', config: 'esm.js', eslint: ESLINT_MAJORS[0] });
    const editor = await openEditor(project, { experimental: { useFlatConfig: true } });
    try {
      const { uri } = editor.open(BROKEN);
      expect(await editor.diagnostics(uri)).toEqual([]);
      expect(editor.client.notifications.map((note) => (note.params as { message?: string }).message)).toContain(
        `The eslint library loaded from ${path.join(realpathSync(ESLINT_MAJORS[0].packageDir), 'lib/unsupported-api.js')} doesn't export a FlatESLint class.`,
      );
    } finally {
      expect(await editor.client.shutdown(5_000)).toBe(0);
      project.remove();
    }
  });
});

describe('the ESLint language server with rule options given to createConfigs', () => {
  // The same problems as the CLI: `allow` and `allowHosts` reach the rules' own layers, and giving
  // options to no-boundary-mock does not turn it on for the unit test that mocks a repository.
  const EXPECTED: Readonly<Record<string, Array<[string, number]>>> = {
    [MOCKED]: [['integration-tests/no-boundary-mock', 12]],
    'tests/unit/pricing.test.ts': [],
    'tests/unit/exchange-rates.test.mjs': [],
    'tests/unit/order-totals.test.ts': [['integration-tests/no-infrastructure-in-unit-tests', 8]],
  };

  it('shows the problems the CLI reports, with the options in their layers only', async () => {
    const eslint = ESLINT_MAJORS[0];
    const project = createFixtureProject({ fixture: 'shop', config: 'layer-options.js', eslint });
    const editor = await openEditor(project);
    try {
      const cli = await runEslint(eslint, project.dir, ['--format', 'json', ...Object.keys(EXPECTED)]);
      const cliReports = JSON.parse(cli.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number }> }>;
      for (const [file, expected] of Object.entries(EXPECTED)) {
        const { uri } = editor.open(file);
        const items = await editor.diagnostics(uri);
        expect(items.map((item) => [item.code ?? null, item.range.start.line + 1]), file).toEqual(expected);
        const cliMessages = cliReports.find((report) => report.filePath === path.join(project.dir, file))!.messages;
        expect(cliMessages.map((message) => [message.ruleId, message.line]), file).toEqual(expected);
      }
    } finally {
      expect(await editor.client.shutdown(5_000)).toBe(0);
      project.remove();
    }
  });
});
