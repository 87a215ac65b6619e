/**
 * Repository-name matching, as `helpers/wildcard/wildcard.go` at Portieris v0.14.2 (portieris.md §2.3).
 * `*` is the only metacharacter and matches any run of characters, `/`, `:`, `@` and `.` included.
 * Implemented as the classic two-pointer glob with a single backtrack point: O(pattern × text) in the worst
 * case and no regular expressions, so a pattern of many `*` against a long string cannot blow up.
 */
export function compare(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starT = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (starP >= 0) {
      // Let the last `*` swallow one more character and retry from there.
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** `compare`, or failing that with `:*` appended: a pattern without a tag matches any tag (§2.3). */
export function compareAnyTag(pattern: string, text: string): boolean {
  return compare(pattern, text) || compare(`${pattern}:*`, text);
}

/**
 * The v0.14.2 host-anchored match (§2.3, commit d305814): a pattern without `/` is `compareAnyTag` on the whole
 * string; otherwise pattern and image are split at their first `/`, the hosts compared with `compare` and the
 * rests with `compareAnyTag`. An image without `/` never matches a pattern with `/`.
 */
export function compareImageRef(pattern: string, image: string): boolean {
  const slash = pattern.indexOf('/');
  if (slash < 0) return compareAnyTag(pattern, image);
  const imageSlash = image.indexOf('/');
  if (imageSlash < 0) return false;
  return (
    compare(pattern.slice(0, slash), image.slice(0, imageSlash)) &&
    compareAnyTag(pattern.slice(slash + 1), image.slice(imageSlash + 1))
  );
}
