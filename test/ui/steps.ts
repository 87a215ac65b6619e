import { performance } from 'node:perf_hooks';

/** Times each step of the UI run from the end of the previous one (as in vscode-test-harness.md). */
export class Steps {
  private last = performance.now();
  private readonly first = this.last;
  readonly timings: { step: string; ms: number }[] = [];

  async run<T>(step: string, action: () => Promise<T> | T): Promise<T> {
    const result = await action();
    const now = performance.now();
    this.timings.push({ step, ms: Math.round(now - this.last) });
    console.log(`  ✔ ${step} (${Math.round(now - this.last)} ms)`);
    this.last = now;
    return result;
  }

  totalMs(): number {
    return Math.round(performance.now() - this.first);
  }
}
