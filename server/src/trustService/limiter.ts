import { abortReason } from './abort';

/**
 * Runs at most `limit` tasks at once; the rest wait in FIFO order. A waiting task whose signal aborts
 * leaves the queue without ever starting, so a cancelled validation never reaches the network.
 */
export class Limiter {
  private active = 0;
  private readonly queue: Array<{ start: () => void; signal: AbortSignal; cancel: () => void }> = [];

  constructor(private readonly limit: number) {}

  run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        signal.removeEventListener('abort', cancel);
        this.active++;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.active--;
            this.next();
          });
      };
      const entry: { start: () => void; signal: AbortSignal; cancel: () => void } = {
        start,
        signal,
        cancel: () => undefined,
      };
      const cancel = (): void => {
        const index = this.queue.indexOf(entry);
        if (index !== -1) this.queue.splice(index, 1);
        reject(abortReason(signal));
      };
      entry.cancel = cancel;
      if (this.active < this.limit) {
        start();
      } else {
        signal.addEventListener('abort', cancel, { once: true });
        this.queue.push(entry);
      }
    });
  }

  /** Tasks running now plus tasks waiting. */
  get pending(): number {
    return this.active + this.queue.length;
  }

  private next(): void {
    while (this.active < this.limit) {
      const entry = this.queue.shift();
      if (!entry) return;
      if (!entry.signal.aborted) {
        entry.start();
        return;
      }
    }
  }
}
