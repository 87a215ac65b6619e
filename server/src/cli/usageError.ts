import { ImageTrustError } from '../errors';

export type UsageErrorCode = 'USAGE_UNKNOWN_COMMAND' | 'USAGE_BAD_OPTION' | 'USAGE_PATH_NOT_FOUND';

/** The command line itself is wrong; the CLI prints the message and a hint, and exits 2. */
export class UsageError extends ImageTrustError<UsageErrorCode> {
  constructor(code: UsageErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
