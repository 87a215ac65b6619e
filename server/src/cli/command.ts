import type { CliIo } from './cliIo';

/** One subcommand of `image-trust`; the table in `commands.ts` lists them (rust-analyzer's command table). */
export interface CliCommand {
  readonly name: string;
  /** One line for the top-level help. */
  readonly summary: string;
  /** The command's own `--help` text. */
  readonly help: string;
  /** Returns the exit code; throws `UsageError` for a bad command line. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
