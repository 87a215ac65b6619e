import { abortReason } from './abort';
import type { Limiter } from './limiter';

interface Stored<T> {
  readonly value: T;
  readonly fetchedAt: number;
  /** How long this answer stays fresh, ms (failures are kept shorter than answers). */
  readonly freshMs: number;
}

interface InFlight<T> {
  readonly promise: Promise<T>;
  readonly controller: AbortController;
  waiters: number;
}

export interface CacheOptions<T> {
  /** Bounds the fetches this cache starts, unless `get` names another (e.g. one per host). */
  readonly limiter: Limiter;
  readonly now: () => number;
  /** Freshness window of an answer, ms. */
  readonly freshMs: () => number;
  /** A shorter window for answers that say "could not check", so recovery is noticed. */
  readonly freshMsFor?: (value: T, freshMs: number) => number;
}

/**
 * One answer per key (a repository, a tag): reused while fresh, shared by concurrent callers while it is
 * being fetched (deduplication), fetched through the shared limiter (bounded concurrency). A fetch is
 * aborted only when every caller waiting for it has given up. Stale answers stay readable with `peek`
 * until a new one replaces them, so diagnostics do not flicker while a refresh runs.
 */
export class LookupCache<T> {
  private readonly stored = new Map<string, Stored<T>>();
  private readonly inFlight = new Map<string, InFlight<T>>();
  private generation = 0;

  constructor(private readonly options: CacheOptions<T>) {}

  peek(key: string): { value: T; fresh: boolean; fetchedAt: number } | undefined {
    const entry = this.stored.get(key);
    if (!entry) return undefined;
    return { value: entry.value, fresh: this.isFresh(entry), fetchedAt: entry.fetchedAt };
  }

  /** True when `get(key)` would go to the network. */
  needsFetch(key: string): boolean {
    const entry = this.stored.get(key);
    return entry === undefined || !this.isFresh(entry);
  }

  /** The fresh answer, or the shared in-flight fetch, or a new fetch. Rejects when `signal` aborts. */
  get(
    key: string,
    fetch: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
    limiter: Limiter = this.options.limiter,
  ): Promise<T> {
    const entry = this.stored.get(key);
    if (entry && this.isFresh(entry)) return Promise.resolve(entry.value);
    // Nobody would wait for it: never start a fetch for a caller that has already given up.
    if (signal.aborted) return Promise.reject(abortReason(signal));
    let flight = this.inFlight.get(key);
    // An aborted fetch (every earlier waiter gave up) may not have settled yet: joining it would hand this
    // caller an AbortError for a lookup it still wants, and the answer would never come. Start anew.
    if (!flight || flight.controller.signal.aborted) {
      const controller = new AbortController();
      const generation = this.generation;
      const promise = limiter
        .run(() => fetch(controller.signal), controller.signal)
        .then((value) => {
          // A refresh in between dropped everything: this answer may predate it, so it is not kept.
          if (generation === this.generation) {
            const freshMs = this.options.freshMs();
            this.stored.set(key, {
              value,
              fetchedAt: this.options.now(),
              freshMs: this.options.freshMsFor?.(value, freshMs) ?? freshMs,
            });
          }
          return value;
        });
      const settle = (): void => {
        if (this.inFlight.get(key) === created) this.inFlight.delete(key);
      };
      promise.then(settle, settle);
      const created: InFlight<T> = { promise, controller, waiters: 0 };
      flight = created;
      this.inFlight.set(key, flight);
    }
    return this.wait(flight, signal);
  }

  /** Drops every answer and aborts every fetch (the `imageTrust/refresh` request, a settings change). */
  clear(): void {
    this.generation++;
    this.stored.clear();
    for (const flight of this.inFlight.values()) flight.controller.abort();
    this.inFlight.clear();
  }

  private isFresh(entry: Stored<T>): boolean {
    return this.options.now() - entry.fetchedAt < entry.freshMs;
  }

  private wait(flight: InFlight<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    flight.waiters++;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const onAbort = (): void => {
        if (done) return;
        done = true;
        if (--flight.waiters === 0) flight.controller.abort();
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          if (done) return;
          done = true;
          flight.waiters--;
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          if (done) return;
          done = true;
          flight.waiters--;
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}
