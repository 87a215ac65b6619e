/** Levenshtein distance, for did-you-mean hints on keys, enum values and API groups. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `word`, when it is close enough to be a likely typo: the same word in another
 * case, a prefix of the other (`matchExactRef` → `matchExactReference`, `simpleStore` → `simple`), or within a third of the length in edits.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    let score: number;
    if (other === lower) score = 0;
    // An abbreviation (`matchExactRef`) most likely means the longer name; then a word with extra text.
    else if (lower.length >= 3 && other.startsWith(lower)) score = 1;
    else if (other.length >= 3 && lower.startsWith(other)) score = 2;
    else {
      const distance = editDistance(lower, other);
      if (distance > Math.max(1, Math.floor(Math.max(lower.length, other.length) / 3))) continue;
      score = 2 + distance;
    }
    if (!best || score < best.score) best = { candidate, score };
  }
  return best?.candidate;
}
