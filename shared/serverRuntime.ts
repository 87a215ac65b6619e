import { availableParallelism } from 'node:os';

/**
 * The Node.js options the language server runs with, declared once for every launcher: the VS Code client
 * (client/src/ctx.ts), the command the README gives other editors, and the benchmarks, which measure the
 * server as the extension starts it. `node dist/server.js --stdio` without them works the same, only with
 * more memory and a slower first check of a large file.
 *
 * `--max-semi-space-size=4` caps each of V8's two young-generation semi-spaces at 4 MiB; Node 20 lets them
 * grow to 16 MiB on 64-bit. What the server allocates while it checks a file is mostly data that lives as
 * long as the file is open (syntax trees, per-document findings), so it survives the young generation
 * anyway; a large young generation mostly adds resident pages. Measured on the LSP benchmark, interleaved
 * (bench/notes.md): resident memory with the 42,000-line file open went from about 163 to 140 MB, and the
 * first edit of the 8,400-line file from 54–67 to 40–48 ms; the first open of that file got about 15 %
 * slower (more scavenges during the open). 5 and 6 MiB kept the open but left memory at 151 MB.
 *
 * `--expose-gc` lets the server collect the garbage of its start-up warm-up (service/warmUp.ts) before the
 * first file arrives, see `collectStartUpGarbage`.
 *
 * The last three are about V8's optimising compiler, whose work the first check of a large file starts:
 * ~110 TurboFan jobs during the 42,000-line open (`--trace-opt`), ~500 ms of CPU (measured by compiling on
 * the main thread instead, `--no-concurrent-recompilation`: the open's main-thread time went from ~420 to
 * ~950 ms). Each was measured over LSP, interleaved with the options without it (bench/notes.md, 2026-12-03).
 * - `--v8-pool-size` (see `v8PoolSize`): V8's worker threads, which run those jobs and the parallel GC.
 * - `--max-inlined-bytecode-size-cumulative=300` (V8's default is 920): smaller optimised functions, so each
 *   job takes less of the worker and optimised code arrives sooner. 42,000-line open, 10 sessions each:
 *   median 584 → 510 ms (another loop of 6: 452 → 394); the 8,400-line open and edit unchanged.
 * - `--always-sparkplug`: baseline machine code for a function at its first call instead of after a while in
 *   the interpreter; the code that waits for its optimised version runs faster meanwhile. 42,000-line open
 *   470 → 416 ms median and its first edit 96 → 65 ms (10 sessions each); the 8,400-line file unchanged.
 * `--maglev` (a faster optimising tier) measured better still, but is experimental in Node 20's V8.
 */
export function serverNodeOptions(cores: number = availableParallelism()): readonly string[] {
  return [
    '--max-semi-space-size=4',
    '--expose-gc',
    `--v8-pool-size=${v8PoolSize(cores)}`,
    '--max-inlined-bytecode-size-cumulative=300',
    '--always-sparkplug',
  ];
}

/**
 * One worker fewer than the machine's cores (at least 1, at most Node's default of 4), so the server's thread
 * keeps a core while V8 optimises what the first large file made hot. On a 2-core machine (bench/notes.md,
 * 2026-12-03, over LSP, interleaved): the 42,000-line open 640–700 → 374–462 ms with 1 worker (493–579 with
 * 2), the 8,400-line open and first edit faster too, start-up no slower; in-process the server's thread
 * was off its core for ~230 ms of the open with 4 workers and for none with 1.
 */
export function v8PoolSize(cores: number): number {
  if (!Number.isFinite(cores)) return 1;
  return Math.min(4, Math.max(1, Math.floor(cores) - 1));
}

/**
 * A full garbage collection, when the process was started with `--expose-gc`; nothing otherwise. The
 * warm-up leaves its syntax trees and findings behind, and V8 would otherwise collect them during the first
 * open (which still runs one major GC of its own, for the file's data). Measured on the LSP benchmark,
 * interleaved (bench/notes.md, 2026-12-02): the first open of the 8,400-line file 216 → 193 ms median
 * (11 sessions each) and 219 → 184 ms (15 each), server CPU −20 to −40 ms, start-up 6–37 ms longer.
 * A full GC also drops the hidden classes of objects that died and de-optimises the code compiled for them;
 * the server therefore parses once more after it (server.ts, service/warmUp.ts `warmUpParser`, liveShapes.ts).
 */
export function collectStartUpGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
