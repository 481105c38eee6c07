/** Where a command reads and writes: injected so tests can run commands in-process. */
export interface CommandIO {
  /** The directory the command was started in; paths in arguments are relative to it. */
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** A subcommand of the package's bin. Resolves to the process exit code. */
export interface Command {
  /** One line, shown by `--help`. */
  readonly summary: string;
  /** Usage text shown by `<command> --help`. */
  readonly usage: string;
  readonly run: (args: readonly string[], io: CommandIO) => Promise<number>;
}

/** A problem with the user's input: printed as one line, with no stack, and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
