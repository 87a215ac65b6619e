import { InternalError } from '../errors';

/** The error a cancelled lookup rejects with: the signal's own reason when it is an Error. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new AbortedError();
}

/** A lookup nobody waits for any more (the document changed); never shown to the user. */
export class AbortedError extends InternalError {
  constructor() {
    super('the lookup was cancelled');
    this.name = 'AbortError';
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
