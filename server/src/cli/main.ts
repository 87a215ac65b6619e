import { COMMANDS } from './commands';
import { startCli } from './startCli';

/** Entry point of `dist/cli-main.js`: every subcommand (`dist/cli.js` loads it for all but `inspect`). */
startCli(COMMANDS);
