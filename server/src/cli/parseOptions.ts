import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util `parseArgs` in strict mode, with its errors turned into `UsageError`s (exit 2). */
export function parseOptions<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError('USAGE_BAD_OPTION', message, { cause: error });
  }
}
