/**
 * Go's `%q` for a string (strconv.Quote), so messages match Portieris' `Deny %q, …` byte for byte
 * (portieris.md §3.7): `"` and `\` escaped, the usual `\n`-style escapes, `\xNN` for other ASCII
 * controls, `\uNNNN`/`\UNNNNNNNN` for non-printable Unicode; printable Unicode is kept.
 */
const SHORT_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\u0007', '\\a'],
  ['\b', '\\b'],
  ['\f', '\\f'],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
  ['\v', '\\v'],
  ['"', '\\"'],
  ['\\', '\\\\'],
]);

/** Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Printable ASCII other than `"` and `\`: what image references almost always are, quoted as they are. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

export function goQuote(text: string): string {
  // Every character of such a text takes the PRINTABLE branch below; the loop would only copy it.
  if (PLAIN_ASCII.test(text)) return `"${text}"`;
  let out = '"';
  for (const char of text) {
    const short = SHORT_ESCAPES.get(char);
    const code = char.codePointAt(0) ?? 0;
    if (short !== undefined) out += short;
    // A lone surrogate reaches Go (through JSON) as U+FFFD, which %q prints as it is.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else if (PRINTABLE.test(char)) out += char;
    else if (code < 0x80) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code < 0x10000) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += '\\U' + code.toString(16).padStart(8, '0');
  }
  return out + '"';
}
