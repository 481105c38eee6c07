import type { Command } from './command';
import { layers } from './layers';
import { move } from './move';
import { split } from './split';

/** The bin's subcommands, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = { layers, split, move };
