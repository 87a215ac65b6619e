import { checkCommand } from './checkCommand';
import type { CliCommand } from './command';

/** Every subcommand. The trust issue adds `inspect` here. */
export const COMMANDS: readonly CliCommand[] = [checkCommand];
