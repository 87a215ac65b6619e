/**
 * The Node.js options the language server runs with, declared once for every launcher: the VS Code client
 * (client/src/ctx.ts), the command the README gives other editors, and the benchmarks, which measure the
 * server as the extension starts it. `node dist/server.js --stdio` without them works the same, only with
 * more memory.
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
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4', '--expose-gc'];

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
