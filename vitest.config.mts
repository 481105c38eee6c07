import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Fixture projects hold test files of their own: they are linted by the end-to-end tests, never run.
    exclude: [...configDefaults.exclude, 'tests/**/fixtures/**'],
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 60_000,
    setupFiles: ['tests/setup-rule-tester.ts'],
  },
});
