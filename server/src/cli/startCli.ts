import { version } from '../../../package.json';
import { describeError } from '../errors';
import type { CliCommand } from './command';
import { runCli } from './runCli';

/** Runs the process's command line with `commands`; unexpected failures exit 3 with the reason. */
export function startCli(commands: readonly CliCommand[]): void {
  runCli(
    process.argv.slice(2),
    {
      cwd: process.cwd(),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    },
    { version, commands },
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`image-trust: internal error: ${describeError(error)}\n`);
      process.exitCode = 3;
    },
  );
}
