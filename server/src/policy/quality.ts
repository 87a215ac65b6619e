/** Length in UTF-8 bytes, as Go's `len(string)`. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Match quality `len(name) - count("*")`: literal characters, not path depth (portieris.md §2.2). */
export function matchQuality(name: string): number {
  let stars = 0;
  for (const char of name) if (char === '*') stars++;
  return utf8Length(name) - stars;
}
