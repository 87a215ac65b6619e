import { version } from '../../../package.json';
import { describeError } from '../errors';
import { COMMANDS } from './commands';
import { runCli } from './runCli';

/** Entry point of `dist/cli.js` (`image-trust`). Unexpected failures exit 3 with the reason. */
runCli(
  process.argv.slice(2),
  {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
  { version, commands: COMMANDS },
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`image-trust: internal error: ${describeError(error)}\n`);
    process.exitCode = 3;
  },
);
