/** Things to stop at the end of a run, in reverse order; anything tracked after close() stops at once. */
export class Resources {
  private readonly stops: (() => Promise<void>)[] = [];
  private closed = false;

  async track<T>(resource: T, stop: (resource: T) => Promise<void>): Promise<T> {
    if (this.closed) {
      await stop(resource);
      throw new Error('run already finished');
    }
    this.stops.push(() => stop(resource));
    return resource;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const stop of this.stops.splice(0).reverse()) {
      await stop().catch((error: unknown) => console.error('cleanup failed:', error));
    }
  }
}

/** Rejects after `ms`; the timer does not keep the process alive. */
export function deadline(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms).unref(),
  );
}
