import { EXIT_OK, EXIT_USAGE, type CliIo } from './cliIo';
import type { CliCommand } from './command';
import { UsageError } from './usageError';

export interface CliInfo {
  readonly version: string;
  readonly commands: readonly CliCommand[];
}

function topLevelHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: image-trust <command> [options]',
    '',
    'Predicts Portieris (IBM Container Image Security Enforcement) admission for Kubernetes YAML.',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     this help (image-trust <command> --help for a command)',
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

/** Runs one command line and returns the exit code; never exits the process itself (tests call it). */
export async function runCli(argv: readonly string[], io: CliIo, info: CliInfo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    (first === undefined ? io.stderr : io.stdout)(topLevelHelp(info.commands));
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${info.version}\n`);
    return EXIT_OK;
  }
  try {
    const command = info.commands.find((c) => c.name === first);
    if (!command) throw new UsageError('USAGE_UNKNOWN_COMMAND', `unknown command "${first}"`);
    return await command.run(rest, io);
  } catch (error: unknown) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`image-trust: ${error.message}\nRun "image-trust --help" for usage.\n`);
    return EXIT_USAGE;
  }
}
