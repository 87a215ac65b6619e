/**
 * Rejects after `ms` with what was awaited: every wait in the suite is on a signal, bounded by this.
 * `what` may be a function, read when the time is up, so that the error can say what was seen last.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const described = typeof what === 'string' ? what : what();
      reject(new Error(`timed out after ${ms} ms waiting for ${described}`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits are generous: the host may be a loaded 2-core CI machine. */
export const WAIT_MS = 30_000;
