// The configuration a project would write: the plugin's strict config, the TypeScript parser
// for test files, and the project's own adapters declared by boundary kind.
import tsParser from '@typescript-eslint/parser';
import integrationTests from '../dist/index.js';

export default [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
  },
  ...integrationTests.configs.strict,
  {
    settings: {
      'integration-tests': {
        boundaries: {
          database: ['src/repositories/**', 'src/db/**'],
          http: ['src/adapters/payments/**'],
          queue: ['src/adapters/events/**'],
        },
      },
    },
  },
];
