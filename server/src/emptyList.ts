/**
 * One frozen empty list shared by every record that would otherwise hold an empty array of its own. Records
 * kept while a file is open (per-document memos, policy entries, verdicts, syntax errors) are mostly empty
 * lists: the 42,000-line benchmark file kept ~20,000 empty arrays, each an object that the scavenges of its
 * open copied twice (bench/notes.md). Frozen, so that a caller that mutates a list it was handed fails
 * loudly instead of changing every record's list.
 */
export const EMPTY_LIST: readonly never[] = Object.freeze([]);

/** `list`, or the shared empty list when it is empty. */
export function orEmptyList<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? EMPTY_LIST : list;
}
