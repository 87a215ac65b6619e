/**
 * `sortorder.NaturalLess` (github.com/fvbommel/sortorder), which Docker uses to order tags and signers
 * (notary-v1.md §5.3): digit runs compare numerically (fewer leading zeros first on a tie), other bytes
 * compare byte-wise, digits sort before non-digits.
 */
export function naturalCompare(a: string, b: string): number {
  return naturalCompareBytes(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** `naturalCompare` on UTF-8 bytes, for sorts that encode each string once rather than per comparison. */
export function naturalCompareBytes(x: Buffer, y: Buffer): number {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const cx = x[i];
    const cy = y[j];
    const dx = isDigit(cx);
    const dy = isDigit(cy);
    if (dx !== dy) return dx ? -1 : 1;
    if (!dx) {
      if (cx !== cy) return cx - cy;
      i++;
      j++;
      continue;
    }
    while (i < x.length && x[i] === 0x30) i++;
    while (j < y.length && y[j] === 0x30) j++;
    const startX = i;
    const startY = j;
    while (i < x.length && isDigit(x[i])) i++;
    while (j < y.length && isDigit(y[j])) j++;
    if (i - startX !== j - startY) return i - startX - (j - startY);
    const order = Buffer.compare(x.subarray(startX, i), y.subarray(startY, j));
    if (order !== 0) return order;
    if (startX !== startY) return startX - startY;
  }
  // Identical so far: NaturalLess ends with len(str1) < len(str2).
  return Math.sign(x.length - y.length);
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}
