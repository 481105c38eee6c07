import { fullText, splitWords, type PartialText } from './partial-text';

/**
 * What a child process a test starts is: the project's own command line, a piece of
 * infrastructure, or something this module does not judge (`null`). Decided from the command's
 * words, so any language front end can feed it.
 */
export type CommandVerdict =
  | {
      readonly kind: 'project-cli';
      /**
       * - `script`: a JavaScript runtime running one of the project's files (`node dist/cli.js`);
       * - `bin-path`: a file under a `bin/` folder of the project (`./bin/run`);
       * - `own-bin`: a name the project's package.json declares under `bin`, run as it is or
       *   through `npx` and its relatives.
       */
      readonly via: 'script' | 'bin-path' | 'own-bin';
    }
  | { readonly kind: 'infrastructure'; readonly tool: string };

/** What the judge needs to know about the project. */
export interface CommandContext {
  /** The names in the `bin` field of the project's package.json. */
  readonly packageBins: ReadonlySet<string>;
}

/** Runtimes that run a JavaScript or TypeScript file given as their first argument. */
const SCRIPT_RUNTIMES: ReadonlySet<string> = new Set([
  'node', 'nodejs', 'tsx', 'ts-node', 'ts-node-esm', 'babel-node', 'vite-node', 'bun', 'deno',
]);
/** Runtime options that take the next word as their value. */
const RUNTIME_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set([
  '-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions',
  '--env-file', '--inspect-port', '--title', '--cwd', '--config', '--tsconfig', '-P', '--project',
]);
/** Runtime options after which no project file runs: evaluated code, the REPL, the test runner. */
const RUNTIME_OPTIONS_WITHOUT_SCRIPT: ReadonlySet<string> = new Set([
  '-e', '--eval', '-p', '--print', '-i', '--interactive', '-', '--test', '-v', '--version', '-h', '--help', '--check', '-c',
]);
/** `bun run x`, `deno run x`. */
const RUNTIME_SUBCOMMANDS: ReadonlySet<string> = new Set(['run']);

/** Commands that run a package's bin: `npx`, `bunx`, and `npm exec` / `pnpm dlx` style pairs. */
const PACKAGE_RUNNERS: ReadonlySet<string> = new Set(['npx', 'bunx', 'pnpx']);
const PACKAGE_RUNNER_SUBCOMMANDS: Readonly<Record<string, ReadonlySet<string>>> = {
  npm: new Set(['exec', 'x']),
  pnpm: new Set(['exec', 'dlx']),
  yarn: new Set(['exec', 'dlx']),
};
const PACKAGE_RUNNER_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set(['-p', '--package', '--cache', '--userconfig']);
/** `npx -c 'command line'`. */
const PACKAGE_RUNNER_CALL_OPTIONS: ReadonlySet<string> = new Set(['-c', '--call']);

/** Prefixes that set the environment and then run the rest of the words. */
const ENVIRONMENT_PREFIXES: ReadonlySet<string> = new Set(['env', 'cross-env', 'dotenv', 'dotenv-cli']);
const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'zsh', 'dash', 'ash']);

/**
 * Tools that start, prepare or wait for infrastructure: containers, database and broker servers
 * and their shells, cloud emulators, schema migrations, readiness waits. Starting them from a test
 * is setting up a boundary, not driving the app.
 */
export const INFRASTRUCTURE_TOOLS: ReadonlySet<string> = new Set([
  // Containers and clusters
  'docker', 'docker-compose', 'podman', 'podman-compose', 'nerdctl', 'colima', 'kubectl', 'kind', 'minikube', 'helm',
  // Databases
  'pg_ctl', 'pg_ctlcluster', 'postgres', 'initdb', 'createdb', 'dropdb', 'psql', 'pg_isready', 'pg_dump', 'pg_restore',
  'mysqld', 'mysql', 'mysqladmin', 'mariadb', 'mongod', 'mongo', 'mongosh', 'mongorestore', 'mongoimport', 'sqlite3',
  'cockroach', 'elasticsearch', 'opensearch',
  // Caches and brokers
  'redis-server', 'redis-cli', 'valkey-server', 'valkey-cli', 'memcached', 'rabbitmq-server', 'rabbitmqctl',
  'kafka-server-start', 'kafka-server-start.sh', 'kafka-topics', 'kafka-topics.sh', 'zookeeper-server-start',
  'zookeeper-server-start.sh', 'nats-server', 'mosquitto',
  // Storage, mail and cloud emulators, HTTP fakes
  'minio', 'localstack', 'awslocal', 'aws', 'azurite', 'gcloud', 'firebase', 'supabase', 'mailhog', 'mailpit',
  'maildev', 'smtp4dev', 'wiremock', 'mockserver',
  // Schemas and migrations
  'prisma', 'knex', 'sequelize', 'sequelize-cli', 'typeorm', 'typeorm-ts-node-commonjs', 'typeorm-ts-node-esm',
  'drizzle-kit', 'db-migrate', 'node-pg-migrate', 'graphile-migrate', 'mikro-orm', 'kysely', 'kysely-ctl', 'umzug',
  'migrate-mongo', 'postgrator', 'flyway', 'liquibase', 'dbmate', 'atlas',
  // Waiting for a service to be ready
  'wait-on', 'wait-port', 'wait-for-it', 'wait-for-it.sh', 'dockerize',
]);

/** Folders whose scripts support the tests or the tooling rather than being the app. */
const SUPPORT_FOLDERS: ReadonlySet<string> = new Set([
  'test', 'tests', '__tests__', 'spec', 'e2e', 'fixtures', '__fixtures__', '__mocks__', 'mocks', 'stubs', 'fakes',
  'support', 'helpers', 'scripts', 'tools', 'node_modules', 'migrations', 'seeds', 'seeders', 'docker',
]);
/** A folder named for the tests it holds: `integration-tests`, `node-integration-tests`, `api_specs`. */
const TEST_FOLDER_NAME = /[-_.](?:tests?|specs?|fixtures)$/i;
const SCRIPT_EXTENSION = /\.[cm]?[jt]sx?$/;
const SUPPORT_SCRIPT_NAME = /(?:^|[-_.])(?:migrat|seed|setup|teardown|wait)/i;
/** Absolute folders of system programs: `/usr/bin/env` is not the project's `bin/`. */
const SYSTEM_PATH = /^\/(?:usr|bin|sbin|opt|snap|etc|nix)\//;

/** The last path segment without a Windows extension: `./node_modules/.bin/knex.cmd` → `knex`. */
function commandName(word: string): string {
  const base = word.split(/[\\/]/).pop() ?? word;
  return base.replace(/\.(?:cmd|exe|bat|ps1)$/i, '');
}

function isOption(word: string | null): boolean {
  return word !== null && word.startsWith('-');
}

/** The known text of a word, or `null` when any of it is unknown. */
function wordText(word: PartialText | undefined): string | null {
  return word ? fullText(word) : null;
}

/**
 * Judges a command given as words (`['node', 'bin/cli.js', '--help']`). A word may be partly
 * unknown; the verdict is `null` whenever it would rest on an unknown part.
 */
export function classifyCommand(words: readonly PartialText[], context: CommandContext): CommandVerdict | null {
  return classifyWords(words, context, 0);
}

function classifyWords(words: readonly PartialText[], context: CommandContext, depth: number): CommandVerdict | null {
  // A shell or `npx -c` runs a command line of its own; nesting deeper than this is not worth reading.
  if (depth > 3) return null;
  let index = 0;
  // `FOO=1 node x`, `env FOO=1 node x`, `cross-env NODE_ENV=test node x`, `dotenv -e .env -- node x`.
  for (;;) {
    const word = wordText(words[index]);
    if (word === null) break;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) index++;
    else if (ENVIRONMENT_PREFIXES.has(commandName(word))) {
      index++;
      const separator = words.findIndex((candidate, at) => at >= index && wordText(candidate) === '--');
      if (commandName(word).startsWith('dotenv') && separator !== -1) index = separator + 1;
      while (isOption(wordText(words[index]))) index++;
    } else break;
  }
  const head = words[index];
  if (!head) return null;
  const headText = wordText(head);
  const rest = words.slice(index + 1);
  if (headText === null) return isProjectBinPath(head) ? { kind: 'project-cli', via: 'bin-path' } : null;
  const name = commandName(headText);

  if (SHELLS.has(name)) {
    const flag = rest.findIndex((word) => /^-[a-z]*c[a-z]*$/.test(wordText(word) ?? ''));
    const line = flag === -1 ? undefined : rest[flag + 1];
    return line ? classifyWords(splitWords(line), context, depth + 1) : null;
  }
  if (PACKAGE_RUNNERS.has(name)) return classifyPackageRun(rest, context, depth);
  const runnerSubcommands = PACKAGE_RUNNER_SUBCOMMANDS[name];
  const subcommand = wordText(rest[0]);
  if (runnerSubcommands && subcommand !== null && runnerSubcommands.has(subcommand)) {
    return classifyPackageRun(rest.slice(1), context, depth);
  }
  if (SCRIPT_RUNTIMES.has(name)) return classifyScriptRun(name, rest, context);
  if (context.packageBins.has(name)) return { kind: 'project-cli', via: 'own-bin' };
  if (INFRASTRUCTURE_TOOLS.has(name)) return { kind: 'infrastructure', tool: name };
  return isProjectBinPath(head) ? { kind: 'project-cli', via: 'bin-path' } : null;
}

/**
 * The words after `npx`: options, then the bin and its arguments. The bin is the project's command
 * line when the project declares it, or when it is a runtime running one of the project's files.
 */
function classifyPackageRun(words: readonly PartialText[], context: CommandContext, depth: number): CommandVerdict | null {
  let index = 0;
  for (;;) {
    const word = wordText(words[index]);
    if (word === null || !word.startsWith('-')) break;
    if (PACKAGE_RUNNER_CALL_OPTIONS.has(word)) {
      const line = words[index + 1];
      return line ? classifyWords(splitWords(line), context, depth + 1) : null;
    }
    if (word === '--') {
      index++;
      break;
    }
    index += PACKAGE_RUNNER_OPTIONS_WITH_VALUE.has(word) ? 2 : 1;
  }
  const bin = wordText(words[index]);
  if (bin === null) return null;
  const name = commandName(bin.replace(/@[^@/]*$/, ''));
  if (context.packageBins.has(name)) return { kind: 'project-cli', via: 'own-bin' };
  if (INFRASTRUCTURE_TOOLS.has(name)) return { kind: 'infrastructure', tool: name };
  if (SCRIPT_RUNTIMES.has(name)) return classifyScriptRun(name, words.slice(index + 1), context);
  // Any other bin is another package's tool (`npx esbuild …`, `npx vite build`): what it drives is
  // not the project's command line as far as its words show.
  return null;
}

/** The words after `node`: options, then the script, which must be one of the project's own files. */
function classifyScriptRun(runtime: string, words: readonly PartialText[], context: CommandContext): CommandVerdict | null {
  let index = 0;
  for (;;) {
    const word = wordText(words[index]);
    if (word === null) break;
    if (RUNTIME_OPTIONS_WITHOUT_SCRIPT.has(word)) return null;
    if (word.startsWith('-')) {
      index += RUNTIME_OPTIONS_WITH_VALUE.has(word) ? 2 : 1;
    } else if (index === 0 && (runtime === 'bun' || runtime === 'deno') && RUNTIME_SUBCOMMANDS.has(word)) {
      index++;
    } else {
      break;
    }
  }
  const script = words[index];
  if (!script) return null;
  const scriptText = wordText(script);
  if (scriptText === null) return isProjectBinPath(script) ? { kind: 'project-cli', via: 'bin-path' } : null;
  const bin = /(?:^|\/)node_modules\/\.bin\/([^/]+)$/.exec(scriptText);
  if (bin) {
    const name = commandName(bin[1] ?? '');
    if (context.packageBins.has(name)) return { kind: 'project-cli', via: 'own-bin' };
    return INFRASTRUCTURE_TOOLS.has(name) ? { kind: 'infrastructure', tool: name } : null;
  }
  if (isProjectBinPath(script)) return { kind: 'project-cli', via: 'bin-path' };
  if (SYSTEM_PATH.test(scriptText) || !isProjectScript(scriptText)) return null;
  return { kind: 'project-cli', via: 'script' };
}

/**
 * A project file that is not test support or tooling: `dist/main.js`, `src/cli.ts`, `.` (the
 * package's main file). A bare word is a subcommand (`bun test`, `tsx watch`), not a file.
 */
function isProjectScript(file: string): boolean {
  if (!/[\\/]/.test(file) && !SCRIPT_EXTENSION.test(file) && file !== '.') return false;
  const segments = normalisedSegments(file);
  const base = segments.pop() ?? '';
  if (SUPPORT_SCRIPT_NAME.test(base)) return false;
  return !segments.some((segment) => SUPPORT_FOLDERS.has(segment) || TEST_FOLDER_NAME.test(segment));
}

/**
 * The segments of a path once `.` and `..` are resolved, the way the system reads it:
 * `test/cli/../../src/cli.js` is `src/cli.js`. A `..` that climbs above the start is kept.
 */
export function normalisedSegments(file: string): string[] {
  const segments: string[] = [];
  for (const segment of file.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    const last = segments[segments.length - 1];
    if (segment === '..' && last !== undefined && last !== '..') segments.pop();
    else segments.push(segment);
  }
  return segments;
}

/**
 * A path through a `bin/` folder of the project: `bin/cli.js`, `./bin/run`,
 * `${root}/bin/cli`. System folders (`/usr/bin/…`) and `node_modules/.bin` are not the project's.
 */
function isProjectBinPath(word: PartialText): boolean {
  const known = word.map((piece) => (piece.type === 'text' ? piece.value : '\0')).join('');
  if (SYSTEM_PATH.test(known) || known.includes('node_modules/')) return false;
  return /(?:^|[/\0])bin\/[^/\0]/.test(known);
}
