/**
 * One string per distinct short mapping key. Kubernetes files repeat a small vocabulary of keys (`name`
 * appears 9,000 times in a 42,000-line file), and each parsed key used to be its own string for as long
 * as the file stayed open: ~50,000 of the ~250,000 objects the open kept, each one copied by every
 * scavenge it survived. A repeated key now costs a lookup and a string that dies young.
 *
 * Only keys shorter than V8's sliced-string minimum (13 characters) are kept: a longer slice may share
 * the file's text, and keeping it here would keep that whole text alive. The table is capped, so label
 * keys that never repeat cannot grow it without bound.
 */
const MAX_LENGTH = 12;
const MAX_KEYS = 4096;
const known = new Map<string, string>();

/** `key`, or an equal string returned before. */
export function internKey(key: string): string {
  if (key.length > MAX_LENGTH) return key;
  const seen = known.get(key);
  if (seen !== undefined) return seen;
  if (known.size < MAX_KEYS) known.set(key, key);
  return key;
}
