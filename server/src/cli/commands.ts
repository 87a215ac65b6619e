import { checkCommand } from './checkCommand';
import type { CliCommand } from './command';
import { inspectCommand } from './inspectCommand';

/** Every subcommand. */
export const COMMANDS: readonly CliCommand[] = [checkCommand, inspectCommand];
