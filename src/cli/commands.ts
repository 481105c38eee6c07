import type { Command } from './command';

/** The bin's subcommands, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = {};
