import type { ForegroundWork } from './foregroundWork';

/**
 * Coalesces validation requests per document: a new request for a URI replaces the pending one. The delay
 * is small (VALIDATION_DELAY_MS) because an edit re-checks only the document it touched (milliseconds, see
 * service/documentFindingsCache.ts); it only merges bursts, such as the several changes of one keystroke
 * (auto-closing pairs) or a policy change that re-checks every open document. Typing is slower than that
 * (~100 ms between keys), so each keystroke gets its diagnostics. A newly opened document is validated
 * without it. yaml-language-server waits 200 ms for both (peers.md §2.1).
 */
export const VALIDATION_DELAY_MS = 10;

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per URI, the end of its foreground mark: from schedule until the run is over. */
  private readonly marks = new Map<string, () => void>();

  constructor(
    private readonly run: (uri: string) => Promise<void>,
    private readonly onError: (uri: string, error: unknown) => void,
    private readonly delayMs: number = VALIDATION_DELAY_MS,
    /** Told while a validation is pending or running, so background work can yield to it. */
    private readonly foreground?: ForegroundWork,
  ) {}

  /** Validates `uri` after the delay; `immediately` skips it (a newly opened file: there is no burst to merge). */
  schedule(uri: string, immediately = false): void {
    this.stopTimer(uri);
    if (!this.marks.has(uri) && this.foreground) this.marks.set(uri, this.foreground.begin());
    const timer = setTimeout(
      () => {
        this.timers.delete(uri);
        this.run(uri)
          .catch((error: unknown) => this.onError(uri, error))
          .finally(() => {
            // A newer request for this URI keeps the mark until its own run is over.
            if (!this.timers.has(uri)) this.unmark(uri);
          });
      },
      immediately ? 0 : this.delayMs,
    );
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    this.stopTimer(uri);
    this.unmark(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const uri of [...this.marks.keys()]) this.unmark(uri);
  }

  private stopTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private unmark(uri: string): void {
    this.marks.get(uri)?.();
    this.marks.delete(uri);
  }
}
