import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { requireFromProject } from './project';

type TypeScript = typeof TS;

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'coverage']);

/** The project's JS and TS files, outside `node_modules`, build output and hidden folders. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * What renaming one file does to the project's imports, worked out by TypeScript's own language
 * service (`getEditsForFileRename`): the new text of every file whose imports change, the renamed
 * file's own imports included (under its old name). `virtual` adds files that exist only in memory.
 */
export function editsForRename(root: string, from: string, to: string, virtual: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const ts = requireFromProject<TypeScript>(root, 'typescript', 'move rewrites imports with the TypeScript language service');
  const configFile = ts.findConfigFile(root, (file) => ts.sys.fileExists(file), 'tsconfig.json');
  let options: TS.CompilerOptions = {};
  let configured: string[] = [];
  if (configFile && path.relative(root, configFile).split(path.sep)[0] !== '..') {
    const { config } = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
    const parsed = ts.parseJsonConfigFileContent(config ?? {}, ts.sys, path.dirname(configFile));
    options = parsed.options;
    configured = parsed.fileNames;
  }
  options = { ...options, allowJs: true, checkJs: false, noEmit: true };
  const files = [...new Set([...configured.map((file) => path.resolve(file)), ...sourceFiles(root), ...virtual.keys()])];
  const textOf = (file: string): string | undefined => virtual.get(file) ?? (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  const host: TS.LanguageServiceHost = {
    getScriptFileNames: () => files,
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => {
      const text = textOf(path.resolve(file));
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (compilerOptions) => ts.getDefaultLibFilePath(compilerOptions),
    fileExists: (file) => virtual.has(path.resolve(file)) || ts.sys.fileExists(file),
    readFile: (file) => textOf(path.resolve(file)),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (dir) => ts.sys.directoryExists(dir),
    getDirectories: (dir) => ts.sys.getDirectories(dir),
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  try {
    const changes = service.getEditsForFileRename(from, to, ts.getDefaultFormatCodeSettings('\n'), {});
    const result = new Map<string, string>();
    for (const change of changes) {
      const file = path.resolve(change.fileName);
      const original = result.get(file) ?? textOf(file);
      if (original === undefined || (!virtual.has(file) && !statSync(file, { throwIfNoEntry: false })?.isFile())) continue;
      let text = original;
      for (const edit of [...change.textChanges].sort((a, b) => b.span.start - a.span.start)) {
        text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.start + edit.span.length);
      }
      if (text !== original) result.set(file, text);
    }
    return result;
  } finally {
    service.dispose();
  }
}
