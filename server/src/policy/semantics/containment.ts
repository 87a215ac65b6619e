import { compare, compareAnyTag } from '../wildcard';
import { splitPattern } from './hostPattern';

// A character no pattern contains: it stands for "any text" where the covered pattern has a `*`.
const FRESH = '\uE000';

/**
 * True when every image `covered` matches (compareImageRef, portieris.md §2.3) is provably also matched by
 * `covering`. Sound, not complete: it may answer false for a real inclusion, never true for a false one.
 * Why it is sound: if `covering` (whose literals never equal FRESH) matches `covered` with each `*` written
 * as FRESH, every FRESH lies inside a `*` of `covering`, so any text in its place still matches. The implicit
 * `:*` of `covered` is checked the same way, as `covered:FRESH`.
 */
export function covers(covering: string, covered: string): boolean {
  if (covering.includes(FRESH) || covered.includes(FRESH)) return false;
  const a = splitPattern(covering);
  const b = splitPattern(covered);
  if (a.host === undefined) {
    const word = covered.replaceAll('*', FRESH);
    return compareAnyTag(covering, word) && compareAnyTag(covering, `${word}:${FRESH}`);
  }
  // `covered` without `/` matches references without `/`, which a pattern with `/` never matches.
  if (b.host === undefined) return false;
  const rest = b.rest.replaceAll('*', FRESH);
  return (
    compare(a.host, b.host.replaceAll('*', FRESH)) &&
    compareAnyTag(a.rest, rest) &&
    compareAnyTag(a.rest, `${rest}:${FRESH}`)
  );
}
