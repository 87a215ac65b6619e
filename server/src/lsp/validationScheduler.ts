import { performance } from 'node:perf_hooks';
import type { ForegroundWork } from './foregroundWork';

/**
 * Coalesces validation requests per document: a new request for a URI replaces the pending one. The delay
 * is small (VALIDATION_DELAY_MS) because an edit re-checks only the document it touched (milliseconds, see
 * service/documentFindingsCache.ts); it only merges bursts, such as the several changes of one keystroke
 * (auto-closing pairs) or a policy change that re-checks every open document. yaml-language-server waits
 * 200 ms for both (peers.md §2.1).
 */
export const VALIDATION_DELAY_MS = 10;

/**
 * Why a document is to be validated:
 * - `opened`: its first content; validated at once (there is no burst to merge).
 * - `edited`: the user changed it. The first change after a quiet spell of at least the delay is validated
 *   at once (leading edge): typing is ~100 ms between keys, so each keystroke is such a change and gets its
 *   diagnostics without waiting. Changes closer together than the delay are a burst: the last one waits the
 *   delay (trailing edge), and a validation already running for an older version does not publish.
 * - `dependency`: something it depends on changed (policies, settings, trust answers); always debounced, so
 *   one policy edit does not re-check every open document once per keystroke.
 */
export type ValidationReason = 'opened' | 'edited' | 'dependency';

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per URI, the end of its foreground mark: from schedule until the run is over. */
  private readonly marks = new Map<string, () => void>();
  /** Per URI, when it was last edited (`now()` time), to tell a keystroke after a pause from a burst. */
  private readonly lastEdit = new Map<string, number>();

  constructor(
    private readonly run: (uri: string) => Promise<void>,
    private readonly onError: (uri: string, error: unknown) => void,
    private readonly delayMs: number = VALIDATION_DELAY_MS,
    /** Told while a validation is pending or running, so background work can yield to it. */
    private readonly foreground?: ForegroundWork,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Validates `uri` now or after the delay, depending on `reason` (see ValidationReason). */
  schedule(uri: string, reason: ValidationReason = 'dependency'): void {
    const pending = this.timers.has(uri);
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
      this.atOnce(uri, reason, pending) ? 0 : this.delayMs,
    );
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    this.stopTimer(uri);
    this.unmark(uri);
    this.lastEdit.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.lastEdit.clear();
    for (const uri of [...this.marks.keys()]) this.unmark(uri);
  }

  /** Whether this request skips the delay; an edit's time is recorded here, for the next one. */
  private atOnce(uri: string, reason: ValidationReason, pending: boolean): boolean {
    if (reason === 'opened') return true;
    if (reason === 'dependency') return false;
    const at = this.now();
    const previous = this.lastEdit.get(uri);
    this.lastEdit.set(uri, at);
    // A validation still waiting means a burst is under way: merge into it rather than jump the queue.
    return !pending && (previous === undefined || at - previous >= this.delayMs);
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
