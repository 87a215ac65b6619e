/**
 * True when both lists hold the very same objects in the same order. Policy objects are re-used while their
 * documents are unchanged (readPolicies), so identity tells "nothing changed" without comparing content.
 */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
