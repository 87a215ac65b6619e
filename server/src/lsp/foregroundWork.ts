/**
 * Work the user waits for (a validation after a keystroke) is counted here; background work that can wait
 * (checking the trust answers that just arrived) asks `idle()` first. Node runs one thing at a time, so
 * without this a burst of answers verified while the user types delays the keystroke's diagnostics
 * (issue 4: typing latency unchanged while lookups run; measured in bench/editorTrust).
 */
export class ForegroundWork {
  private running = 0;
  private waiters: (() => void)[] = [];

  /** Marks work as started; call the returned function once when it is over (idempotent). */
  begin(): () => void {
    this.running++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.running--;
      if (this.running === 0) this.release();
    };
  }

  /** Resolves at once when nothing is running, else when the running work is over (or `signal` aborts). */
  idle(signal?: AbortSignal): Promise<void> {
    if (this.running === 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        signal?.removeEventListener('abort', done);
        resolve();
      };
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.push(done);
    });
  }

  private release(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const done of waiting) done();
  }
}
