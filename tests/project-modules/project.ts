import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { startFile } from '../../src/estree/file-cache';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A small project written to a temporary folder: files by relative path. */
export interface Project {
  readonly root: string;
  /** Absolute path of a file of the project. */
  path(file: string): string;
  write(file: string, text: string): void;
  /** What a rule linting `file` would be handed. */
  context(file: string, settings?: Record<string, unknown>): Context;
  remove(): void;
}

export function writeProject(files: Readonly<Record<string, string>>): Project {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'integration-tests-project-')));
  const project: Project = {
    root,
    path: (file) => path.join(root, file),
    write(file, text) {
      const target = path.join(root, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    },
    context(file, settings = {}) {
      // Each context stands for a new lint of a file, as ESLint would start one.
      startFile({});
      return { filename: path.join(root, file), cwd: root, settings } as unknown as Context;
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [file, text] of Object.entries(files)) project.write(file, text);
  return project;
}
