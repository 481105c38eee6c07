import type { CommandIO } from './command';
import { UsageError } from './command';
import { COMMANDS } from './commands';

const BIN = 'eslint-plugin-integration-tests';

function help(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(0, ...names.map((name) => name.length));
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name]?.summary ?? ''}`);
  return [`Usage: npx ${BIN} <command> [options]`, '', 'Commands:', ...lines, '', `Run npx ${BIN} <command> --help for a command's options.`, ''].join('\n');
}

/** Runs the bin with its arguments (without `node` and the script path); resolves to the exit code. */
export async function main(args: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`${BIN}: unknown command "${name}"; expected one of ${Object.keys(COMMANDS).join(', ') || '(none)'}.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${BIN} ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
