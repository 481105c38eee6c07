import { describe, expect, it } from 'vitest';
import { classifyCommand, type CommandVerdict } from '../../src/core/commands';
import { concatText, knownText, splitWords, type PartialText } from '../../src/core/partial-text';

const hole: PartialText = [{ type: 'unknown' }];
const project = { packageBins: new Set(['acme', 'acme-admin']) };

/** A command line written out, with `<?>` for a part the file does not show. */
function words(line: string): PartialText[] {
  const parts = line.split('<?>');
  return splitWords(concatText(...parts.flatMap((part, index) => (index === 0 ? [knownText(part)] : [hole, knownText(part)]))));
}

describe('classifyCommand', () => {
  it.each<[string, string, CommandVerdict]>([
    ['node bin/cli.js --help', 'a script under bin/', { kind: 'project-cli', via: 'bin-path' }],
    ['node dist/main.js', 'a built entry point', { kind: 'project-cli', via: 'script' }],
    ['node packages/latest/src/cli.js', "a folder whose name ends in 'test' without a separator", { kind: 'project-cli', via: 'script' }],
    ['node --enable-source-maps -r dotenv/config src/cli.ts import', 'options before the script', { kind: 'project-cli', via: 'script' }],
    ['node .', "the package's main file", { kind: 'project-cli', via: 'script' }],
    ['tsx src/cli.ts', 'a TypeScript runner', { kind: 'project-cli', via: 'script' }],
    ['node main.mjs', 'a file in the working directory', { kind: 'project-cli', via: 'script' }],
    ['bun run src/cli.ts', 'bun run', { kind: 'project-cli', via: 'script' }],
    ['npx acme users list', "the package's own bin through npx", { kind: 'project-cli', via: 'own-bin' }],
    ['npx ts-node src/cli.ts', 'a runtime through npx', { kind: 'project-cli', via: 'script' }],
    ['pnpm exec acme-admin', 'pnpm exec', { kind: 'project-cli', via: 'own-bin' }],
    ['npm exec -- acme-admin', 'npm exec with a separator', { kind: 'project-cli', via: 'own-bin' }],
    ['acme import users.csv', 'the own bin by name', { kind: 'project-cli', via: 'own-bin' }],
    ['./node_modules/.bin/acme', 'the own bin from node_modules/.bin', { kind: 'project-cli', via: 'own-bin' }],
    ['./bin/run', 'a bin/ path', { kind: 'project-cli', via: 'bin-path' }],
    ['<?>/bin/cli.js serve', 'a bin/ path under an unknown root', { kind: 'project-cli', via: 'bin-path' }],
    ['node <?>/../bin/cli.js', 'a script under an unknown root in bin/', { kind: 'project-cli', via: 'bin-path' }],
    ['NODE_ENV=test node dist/main.js', 'an environment assignment first', { kind: 'project-cli', via: 'script' }],
    ['cross-env NODE_ENV=test node dist/main.js', 'cross-env', { kind: 'project-cli', via: 'script' }],
    ['dotenv -e .env.test -- node dist/main.js', 'dotenv-cli with a separator', { kind: 'project-cli', via: 'script' }],
    ["sh -c 'node bin/cli.js --version'", 'a shell command line', { kind: 'project-cli', via: 'bin-path' }],
    ["npx -c 'acme sync'", 'npx -c', { kind: 'project-cli', via: 'own-bin' }],
    ['docker compose up -d', 'docker', { kind: 'infrastructure', tool: 'docker' }],
    ['pg_ctl -D /tmp/db start', 'pg_ctl', { kind: 'infrastructure', tool: 'pg_ctl' }],
    ['redis-server --port 6380', 'redis-server', { kind: 'infrastructure', tool: 'redis-server' }],
    ['npx prisma migrate reset --force', 'migrations through npx', { kind: 'infrastructure', tool: 'prisma' }],
    ['npx knex@3 migrate:latest', 'a pinned migration tool', { kind: 'infrastructure', tool: 'knex' }],
    ['node node_modules/.bin/knex migrate:latest', 'a migration tool through node', { kind: 'infrastructure', tool: 'knex' }],
    ['npx wait-on tcp:5432', 'waiting for a port', { kind: 'infrastructure', tool: 'wait-on' }],
  ])('%s: %s', (line, _label, expected) => {
    expect(classifyCommand(words(line), project)).toEqual(expected);
  });

  it.each([
    ['node <?>', 'a script the file does not show'],
    ['node -e "console.log(1)"', 'evaluated code'],
    ['node --test', "node's test runner"],
    ['node --version', 'no script'],
    ['node tests/fixtures/fake-smtp.js', 'a test fixture'],
    ['node packages/node-integration-tests/suites/uncaught/scenario.js', 'a scenario in a folder named for its tests'],
    ['node e2e_specs/crash/run.mjs', 'a folder named for specs'],
    ['node scripts/seed.js', 'a tooling script'],
    ['node dist/migrate.js', 'a migration script'],
    ['node node_modules/some-tool/index.js', 'a script in node_modules'],
    ['/usr/bin/env node', 'a system program'],
    ['/usr/local/bin/helper', 'a system bin folder'],
    ['npx <?>', 'an unknown bin'],
    ['npx --yes some-cli@2 --version', "a bin the project does not declare, through npx"],
    ['npx esbuild src/client.ts --bundle --outfile=dist/client.js', 'a bundler through npx'],
    ['pnpm exec vite build', 'a build tool through pnpm exec'],
    ['npm exec -- other-cli', 'another package\'s bin through npm exec'],
    ['git status', 'an unrelated program'],
    ['<?> --help', 'an unknown program'],
    ['sh ./start.sh', 'a shell script without -c'],
    ['', 'nothing'],
    ['bun test', "bun's test runner"],
    ['bun run start', 'a package script through bun'],
    ['tsx watch', 'a runtime subcommand'],
    ['node server', 'a bare word, not a path'],
  ])('%s: not judged (%s)', (line, _label) => {
    expect(classifyCommand(words(line), project)).toBeNull();
  });

  it('does not count an unknown bin name as the project\'s own', () => {
    expect(classifyCommand(words('acme sync'), { packageBins: new Set() })).toBeNull();
  });
});
