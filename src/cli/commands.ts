import type { Command } from './command';
import { layers } from './layers';

/** The bin's subcommands, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = { layers };
