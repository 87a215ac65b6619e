/**
 * One frozen empty list shared by every record that would otherwise hold an empty array of its own. Records
 * kept while a file is open (per-document memos, policy entries, verdicts, syntax errors) are mostly empty
 * lists: the 42,000-line benchmark file kept ~20,000 empty arrays, each an object that the scavenges of its
 * open copied twice (bench/notes.md). Frozen, so that a caller that mutates a list it was handed fails
 * loudly instead of changing every record's list.
 */
export const EMPTY_LIST: readonly never[] = Object.freeze([]);

/**
 * `list` as a record that outlives its computation should hold it: the shared empty list when it is empty,
 * else a copy of exactly its length. An array built by `push` (or `filter`, `flatMap`) has room for 17 or
 * more elements once it holds one, and the scavenger copies that room too: after the 42,000-line open,
 * 65 % of the kept arrays' element storage was unused capacity (heap snapshot, bench/notes.md).
 */
export function keptList<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? EMPTY_LIST : list.slice();
}
