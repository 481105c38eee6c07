// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const eslintPlugin = require('eslint-plugin-eslint-plugin').default;

module.exports = tseslint.config(
  { ignores: ['dist/', 'coverage/', 'examples/', 'tests/**/fixtures/', 'node_modules/', '.bench-corpus/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Enforce|Require|Prefer)' }],
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/prefer-placeholders': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
