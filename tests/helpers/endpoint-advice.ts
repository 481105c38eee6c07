/** The advice `no-endpoint-calls` gives for a file whose name puts it in no layer by default: move it to the acceptance layer. */
export function acceptanceMove(file: string): string {
  return `move this file to the acceptance layer (\`npx eslint-plugin-integration-tests move ${file}\`, or list its folder under \`acceptance\` in \`createConfigs\`)`;
}

/** The advice for a file the default globs put in the acceptance layer (`*.e2e-spec.ts`, `test/e2e/**`), which the user's integration globs took. */
export const ACCEPTANCE_BY_NAME = 'leave this file out of the `integration` globs in `createConfigs`: its name makes it an acceptance test by default';
