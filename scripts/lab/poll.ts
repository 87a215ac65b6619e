/**
 * Re-checks a condition until it holds or the deadline passes. This is the lab's only way of waiting
 * (a readiness poll with a deadline, never a fixed sleep — helper-rules.md "Tests").
 */
export async function pollUntil(
  check: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 20;
  for (;;) {
    if (options.signal?.aborted === true) return false;
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise<void>((resolve) => setTimeout(resolve, Math.min(interval, deadline - Date.now())));
  }
}
