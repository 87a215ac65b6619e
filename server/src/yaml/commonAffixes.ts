/**
 * How many characters two versions of a text share at the start and at the end (never overlapping, so
 * `prefix + suffix` is at most the shorter length). An editor change is one edit: everything outside it is
 * shared, and what is shared need not be scanned, sliced or parsed again.
 */
export function commonAffixes(before: string, after: string): { prefix: number; suffix: number } {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = shorter - prefix;
  while (
    suffix < room &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { prefix, suffix };
}
