/**
 * The project's error classes. Each carries a stable `code` (a literal union per class) and an optional
 * `cause`, as sigstore-js and tuf-js do, so callers branch on codes and never on message text.
 * Strings are never thrown.
 */
export abstract class ImageTrustError<Code extends string = string> extends Error {
  readonly code: Code;

  protected constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = new.target.name;
  }
}

/** Bad input handed to the engine: a file that is too large, binary, or not what it claims to be. */
export type InputErrorCode = 'INPUT_TOO_LARGE' | 'INPUT_BINARY' | 'INPUT_UNREADABLE' | 'INPUT_INVALID';

export class InputError extends ImageTrustError<InputErrorCode> {
  constructor(code: InputErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** A defect in our own code: an invariant that cannot fail unless the program is wrong. */
export class InternalError extends ImageTrustError<'INTERNAL'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INTERNAL', message, options);
  }
}

/** Narrows an unknown caught value to a readable message without losing the original. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
