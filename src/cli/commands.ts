import type { Command } from './command';
import { move } from './move';
import { split } from './split';

/** The bin's subcommands, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = { split, move };
