import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const pm = require('./dist/estree/project-modules.js');
const { createRule } = require('./dist/util/create-rule.js');
const [root, file, ...specs] = process.argv.slice(2);
const probe = createRule({ name: 'probe', meta: { type: 'problem', docs: { description: 'x' }, messages: { m: '{{t}}' }, schema: [] }, defaultOptions: [], create(context) {
  return { 'Program:exit'(node) {
    for (const s of specs) {
      const [spec, name] = s.split('#');
      const v = name ? pm.exportOfSpecifier(context, spec, name) : pm.summaryOfSpecifier(context, spec);
      const out = v && typeof v === 'object' ? JSON.stringify(v, (k, x) => x instanceof Map ? Object.fromEntries([...x].slice(0, 5)) : x instanceof Set ? [...x] : x).slice(0, 600) : String(v);
      context.report({ node, messageId: 'm', data: { t: s + ' => ' + out } });
    }
  } };
} });
const linter = new Linter({ cwd: root });
const msgs = linter.verify(readFileSync(file, 'utf8'), [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { p: { rules: { probe } } }, rules: { 'p/probe': 'error' } }], file);
for (const m of msgs) console.log(m.message);
