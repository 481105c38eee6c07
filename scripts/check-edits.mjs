// Applies every edit (fix or suggestion) one rule offers on a set of real repositories, one edit at a
// time, and checks what each leaves behind:
//   - the file still parses;
//   - the finding the edit was offered for is gone (unless its suggestion is named in --allow-kept);
//   - the rule reports nothing it did not report before;
//   - no reference is left to a binding the edit removed or moved out of reach: the scope manager's
//     unresolved references of the edited file are no more than those of the original.
//
// Usage, after `npm run build`:
//   node scripts/check-edits.mjs --rule <rule> --corpus <dir> --repos <repos.tsv> [--repo <name>] [--allow-kept <messageId,…>] [--out <file.jsonl>]
//
//   --corpus      a folder holding one checkout per repository, named `<owner>+<name>`
//   --repos       a tab-separated table with a header row; its columns are the repository (`owner/name`),
//                 a commit (unused here) and the comma-separated globs of its integration-test files
//   --repo        only the repositories whose name contains this text
//   --allow-kept  suggestion message ids that leave their finding on purpose (a scaffold to fill in)
//   --out         write one JSON line per edit checked
// Each repository is linted from its own root with the plugin's strict config, the integration layer
// set to its globs, and every other plugin rule off. Exits 1 when an edit fails a check or a file crashes.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const require = createRequire(join(root, 'package.json'));
const { ESLint, Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const loaded = require(root);
const plugin = loaded.default ?? loaded;

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const rule = argument('--rule');
const corpus = argument('--corpus');
const reposFile = argument('--repos');
const onlyRepo = argument('--repo');
const out = argument('--out');
const allowKept = new Set((argument('--allow-kept') ?? '').split(',').filter(Boolean));
if (!rule || !corpus || !reposFile) {
  console.error('usage: node scripts/check-edits.mjs --rule <rule> --corpus <dir> --repos <repos.tsv> [--repo <name>] [--allow-kept <ids>] [--out <file>]');
  process.exit(2);
}
if (!plugin.rules?.[rule]) {
  console.error(`check-edits: --rule expects one of ${Object.keys(plugin.rules).join(', ')}; got "${rule}"`);
  process.exit(2);
}

const namespace = plugin.meta?.namespace ?? 'integration-tests';
const ruleId = `${namespace}/${rule}`;
const othersOff = Object.fromEntries(Object.keys(plugin.rules).filter((name) => name !== rule).map((name) => [`${namespace}/${name}`, 'off']));
const asArray = (value) => (Array.isArray(value) ? value : [value]);

function configFor(globs) {
  const layers = plugin.createConfigs({ integration: globs });
  return [
    { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser } },
    { files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
    ...asArray(layers.strict),
    { rules: othersOff },
  ];
}

/** A finding's message with line numbers left out, so that a finding is recognised after lines move. */
const normalise = (message) => message.replace(/\bline \d+/g, 'line #');

function applyEdit(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** The functions test frameworks provide as globals. */
const FRAMEWORK_GLOBALS = new Set(['describe', 'context', 'suite', 'it', 'test', 'specify', 'before', 'after', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown']);

/** The offset in `text` where a lint message starts. */
function offsetOf(text, message) {
  let offset = 0;
  for (let line = 1; line < message.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + message.column - 1;
}

/** Where an offset of the original text lands after an edit; `null` when the edit replaced it. */
function offsetAfterEdit(offset, fix) {
  if (offset < fix.range[0]) return offset;
  if (offset < fix.range[1]) return null;
  return offset + fix.text.length - (fix.range[1] - fix.range[0]);
}

/** Names the file refers to that no scope declares, with how often each is referred to. */
function unresolvedNames(sourceCode) {
  const counts = new Map();
  for (const reference of sourceCode.scopeManager.globalScope.through) {
    const name = reference.identifier.name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

function lint(linter, config, text, filename) {
  const messages = linter.verify(text, config, { filename });
  const fatal = messages.find((message) => message.fatal);
  return { messages: messages.filter((message) => message.ruleId === ruleId), fatal, sourceCode: fatal ? null : linter.getSourceCode() };
}

const rows = readFileSync(reposFile, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
const records = [];
let crashes = 0;
for (const [repo, , globList] of rows) {
  if (onlyRepo && !repo.includes(onlyRepo)) continue;
  const cwd = join(corpus, repo.replace('/', '+'));
  const globs = globList.split(/,(?![^{]*})/);
  const config = configFor(globs);
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false, errorOnUnmatchedPattern: false });
  const linter = new Linter({ cwd, configType: 'flat' });
  let results;
  try {
    results = await eslint.lintFiles(globs);
  } catch (error) {
    crashes++;
    console.log(`crash: ${repo}: ${String(error.message).split('\n')[0]}`);
    continue;
  }
  for (const result of results) {
    const findings = result.messages.filter((message) => message.ruleId === ruleId);
    if (!findings.some((message) => message.fix || message.suggestions?.length)) continue;
    const text = readFileSync(result.filePath, 'utf8');
    const filename = relative(cwd, result.filePath);
    const before = lint(linter, config, text, filename);
    const beforeNames = unresolvedNames(before.sourceCode);
    const beforeCounts = new Map();
    for (const message of before.messages) beforeCounts.set(normalise(message.message), (beforeCounts.get(normalise(message.message)) ?? 0) + 1);
    for (const finding of findings) {
      const edits = [...(finding.fix ? [{ messageId: 'fix', fix: finding.fix }] : []), ...(finding.suggestions ?? [])];
      for (const edit of edits) {
        const record = { file: join(repo.replace('/', '+'), relative(cwd, result.filePath)), line: finding.line, edit: edit.messageId ?? edit.desc, problems: [] };
        const edited = applyEdit(text, edit.fix);
        let after;
        try {
          after = lint(linter, config, edited, filename);
        } catch (error) {
          record.problems.push(`crash: ${String(error.message).split('\n')[0]}`);
          records.push(record);
          continue;
        }
        if (after.fatal) {
          record.problems.push(`does not parse: ${after.fatal.message} (line ${after.fatal.line})`);
        } else {
          const afterCounts = new Map();
          for (const message of after.messages) afterCounts.set(normalise(message.message), (afterCounts.get(normalise(message.message)) ?? 0) + 1);
          const own = normalise(finding.message);
          if (!allowKept.has(edit.messageId) && (afterCounts.get(own) ?? 0) >= (beforeCounts.get(own) ?? 0)) {
            // A rule that reports a thing once per file (a mocked member) reports its next
            // occurrence once the first is gone: that is progress, not a finding left in place.
            const at = offsetAfterEdit(offsetOf(text, finding), edit.fix);
            const stillThere = at !== null && after.messages.some((message) => normalise(message.message) === own && offsetOf(edited, message) === at);
            if (stillThere) record.problems.push('finding not removed');
            else record.notes = ['its next occurrence is reported now'];
          }
          for (const [message, count] of afterCounts) {
            if (count > (beforeCounts.get(message) ?? 0) && message !== own) record.problems.push(`new finding: ${message}`);
          }
          // A file that calls its framework's functions as globals may be given another one of them.
          const usesFrameworkGlobals = [...beforeNames.keys()].some((name) => FRAMEWORK_GLOBALS.has(name));
          for (const [name, count] of unresolvedNames(after.sourceCode)) {
            if (usesFrameworkGlobals && FRAMEWORK_GLOBALS.has(name)) continue;
            if (count > (beforeNames.get(name) ?? 0)) record.problems.push(`refers to \`${name}\`, which nothing declares any more`);
          }
        }
        records.push(record);
      }
    }
  }
}

if (out) writeFileSync(out, records.map((record) => JSON.stringify(record)).join('\n') + (records.length ? '\n' : ''));
const failed = records.filter((record) => record.problems.length > 0);
for (const record of failed) console.log(`${record.file}:${record.line} [${record.edit}] ${record.problems.join('; ')}`);
console.log(`check-edits: ${rule}: ${records.length} edits applied, ${records.length - failed.length} pass, ${failed.length} fail, ${crashes} crashes`);
process.exit(failed.length > 0 || crashes > 0 ? 1 : 0);
