/**
 * Objects kept alive for the life of the process so that V8 keeps the optimised code that was compiled for
 * them. An object built by a class constructor or by adding properties reaches its hidden class ("map")
 * through a chain of transitions, and V8 holds those transitions weakly: once no object of that shape is
 * left, a full GC drops the map and de-optimises all code that embeds it (`--trace-deopt` shows
 * "reason: weak objects"). The start-up warm-up (service/warmUp.ts) builds every shape the parser and the
 * checks use, then drops them, so the full GC that follows it de-optimised the scanner's methods and the
 * parser code that inlined them: the first file opened was parsed by unoptimised code. Any later full GC
 * while no file is open (V8's memory reducer runs them when the process idles) does the same.
 * Keeping one small object of each shape alive here keeps the code. Measured in-process (bench/notes.md),
 * with a full GC between start-up and the first open of the 8,400-line file: its parse 58.5 → 22.5 ms,
 * the open 190 → 144 ms (8 processes each); resident memory about 1 MB more.
 */
const kept: object[] = [];

export function keepShapesAlive<T extends object>(holder: T): T {
  kept.push(holder);
  return holder;
}
