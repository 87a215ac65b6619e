import type { LookupStatusParams } from '../../../shared/trustView';

/** Counts lookups in flight and remembers the last failure, reporting every change (the status bar). */
export class LookupStatus {
  private inFlight = 0;
  private lastError: LookupStatusParams['lastError'];

  constructor(
    private readonly report: (status: LookupStatusParams) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Runs `work` as one lookup; a rejection is recorded and rethrown. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    this.emit();
    try {
      return await work();
    } finally {
      this.inFlight--;
      this.emit();
    }
  }

  failed(message: string): void {
    this.lastError = { message, at: this.now().toISOString() };
    this.emit();
  }

  private emit(): void {
    this.report({ inFlight: this.inFlight, ...(this.lastError ? { lastError: this.lastError } : {}) });
  }
}
