import path from 'node:path';

/** The advice messages give on where a file or a scenario belongs, as tests expect it. */

/** The advice `no-endpoint-calls` gives for a file whose name puts it in no layer by default: move it to the acceptance layer. */
export function acceptanceMove(file: string): string {
  return `move this file to the acceptance layer (\`npx eslint-plugin-integration-tests move ${file}\`, or list its folder under \`acceptance\` in \`createConfigs\`)`;
}

/** The advice for a file the default globs put in the acceptance layer (`*.e2e-spec.ts`, `test/e2e/**`), which the user's integration globs took. */
export const ACCEPTANCE_BY_PATH = 'leave this file out of the `integration` globs in `createConfigs`: its path makes it an acceptance test by default';

/** Where `no-shared-test-data` sends a scenario of ordered tests, in a file whose name puts it in no layer by default. */
export const SCENARIO_TO_ACCEPTANCE = 'move the scenario to the acceptance layer';

/** Where it sends that scenario in a file the default globs put in the acceptance layer. */
export const SCENARIO_BY_PATH = 'leave this file out of the `integration` globs in `createConfigs`, as its path makes it an acceptance test by default';

/** A path as the move command in a message shows it: RuleTester lints from the file system's root. */
export function shownFromRoot(file: string): string {
  return path.relative(path.parse(file).root, file);
}

/** The report `no-endpoint-calls` gives a test that drives the app through `client`, at `line` of the test file `file` (absolute). */
export function testClientReport(line: number, file: string, client: string, call: string, also: { request?: string; more?: string } = {}) {
  return {
    messageId: 'testClient' as const,
    line,
    data: { move: acceptanceMove(shownFromRoot(file)), client, call, request: also.request ?? '', more: also.more ?? '' },
  };
}
