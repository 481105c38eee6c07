// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const eslintPlugin = require('eslint-plugin-eslint-plugin').default;

// The root of @typescript-eslint/utils loads all of ESLint and the scope manager (~250 modules)
// when imported for a value; rules run in editors, so the plugin must load fast.
const lightEntryPoints = [
  {
    name: '@typescript-eslint/utils',
    allowTypeImports: true,
    message:
      "Import values from a light entry point: AST_NODE_TYPES from src/estree/node-types, RuleCreator from '@typescript-eslint/utils/eslint-utils', findVariable and other helpers from '@typescript-eslint/utils/ast-utils'. Types may stay on '@typescript-eslint/utils'.",
  },
  {
    // The built code would read the enum through the package's re-export getter on every
    // comparison of a node type; src/estree/node-types holds it in a plain binding.
    name: '@typescript-eslint/types',
    importNames: ['AST_NODE_TYPES'],
    message: "Import AST_NODE_TYPES from src/estree/node-types, which reads it once rather than through a getter on every use.",
  },
];

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
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: lightEntryPoints }],
    },
  },
  {
    // Cores decide over language-neutral facts: a second front end must be able to feed them
    // without ESTree, typescript-eslint or ESLint.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/estree', '**/estree/**', '**/rules', '**/rules/**'],
              message: 'src/core decides over facts; the ESTree side (src/estree) and the rules (src/rules) build on it, not the other way round.',
            },
            {
              group: ['@typescript-eslint/*', 'eslint', 'eslint/*', '@eslint/*', 'espree', 'espree/*'],
              message: 'src/core imports nothing from ESLint, typescript-eslint or a parser: hand it facts from src/estree instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/estree/**/*.ts', 'src/rules/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='WeakMap']",
          message:
            "Cache answers about a file's nodes and variables with fileCache() from src/estree/file-cache: weak maps keyed by AST nodes make the garbage collector's work grow with file size.",
        },
      ],
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
      // Rules report edits through reportWithEdit (src/estree/report.ts), which this check cannot see
      // into; ESLint itself refuses a suggestion from a rule without meta.hasSuggestions, and every
      // suggestion is exercised by the rule tests, so a missing flag still fails the tests.
      'eslint-plugin/require-meta-has-suggestions': 'off',
      // The rules share one walk of a file: module loads, calls and constructions come from the
      // test-file model (testFileOf in src/estree/test-file), not from listeners of their own.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Property[key.name=/^(?:ImportDeclaration|ImportExpression|TSImportEqualsDeclaration|CallExpression|NewExpression)$/]',
          message: 'Read module loads, calls and constructions from testFileOf(context) in Program:exit instead of listening for them.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
