import { ESLint } from 'eslint';
import plugin from '/work/main/dist/index.js';
import tsParser from '@typescript-eslint/parser';
const [root, glob, file, rule] = process.argv.slice(2);
const configs = plugin.createConfigs({ integration: [glob] });
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, ...configs.strict] });
const [r] = await eslint.lintFiles([file]);
for (const m of r.messages) if (!rule || m.ruleId.endsWith(rule)) console.log(m.line + ':' + m.column, m.ruleId, m.message);
