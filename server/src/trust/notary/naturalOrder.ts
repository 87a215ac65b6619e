/**
 * `sortorder.NaturalLess` (github.com/fvbommel/sortorder), which Docker uses to order tags and signers
 * (notary-v1.md §5.3): digit runs compare numerically (fewer leading zeros first on a tie), other bytes
 * compare byte-wise, digits sort before non-digits.
 */
export function naturalCompare(a: string, b: string): number {
  // ASCII text is its own UTF-8: compare the strings in place (10,000 tags: no Buffer per comparison).
  if (isAscii(a) && isAscii(b)) return naturalCompareAscii(a, b);
  return naturalCompareBytes(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** `naturalCompare` on UTF-8 bytes: each byte becomes one code unit of a latin1 string. */
export function naturalCompareBytes(x: Buffer, y: Buffer): number {
  return naturalCompareAscii(x.toString('latin1'), y.toString('latin1'));
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range is the point
const ASCII = /^[\u0000-\u007f]*$/;

export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

/**
 * NaturalLess over code units that are bytes: an ASCII string (its own UTF-8) or a latin1 view of UTF-8
 * bytes. Multi-byte characters never contain digit bytes, so digit runs are the same either way.
 */
export function naturalCompareAscii(x: string, y: string): number {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(j);
    const dx = isDigit(cx);
    const dy = isDigit(cy);
    if (dx !== dy) return dx ? -1 : 1;
    if (!dx) {
      if (cx !== cy) return cx - cy;
      i++;
      j++;
      continue;
    }
    while (i < x.length && x.charCodeAt(i) === 0x30) i++;
    while (j < y.length && y.charCodeAt(j) === 0x30) j++;
    const startX = i;
    const startY = j;
    while (i < x.length && isDigit(x.charCodeAt(i))) i++;
    while (j < y.length && isDigit(y.charCodeAt(j))) j++;
    if (i - startX !== j - startY) return i - startX - (j - startY);
    // Equal-length digit runs without leading zeros: string order is numeric order.
    const runX = x.slice(startX, i);
    const runY = y.slice(startY, j);
    if (runX !== runY) return runX < runY ? -1 : 1;
    if (startX !== startY) return startX - startY;
  }
  // Identical so far: NaturalLess ends with len(str1) < len(str2).
  return Math.sign(x.length - y.length);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
