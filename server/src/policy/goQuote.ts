/**
 * Go's `%q` / `strconv.Quote` for a string, as in the controller's deny messages (portieris.md §2.1, §3.7):
 * double quotes; `\a \b \f \n \r \t \v \\ \"` escapes; other control characters as `\xNN`; characters that
 * Go's `unicode.IsPrint` rejects as `\uNNNN` or `\UNNNNNNNN`; printable non-ASCII characters kept as is.
 * A lone UTF-16 surrogate cannot come from Go (JSON decoding turns it into U+FFFD), so it prints as U+FFFD.
 */
const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x0c, '\\f'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x0b, '\\v'],
  [0x5c, '\\\\'],
  [0x22, '\\"'],
]);

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space only.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    let code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    const named = NAMED_ESCAPES.get(code);
    if (named !== undefined) out += named;
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code === 0x20 || (code < 0x7f && code > 0x20)) out += String.fromCodePoint(code);
    else if (PRINTABLE.test(String.fromCodePoint(code))) out += String.fromCodePoint(code);
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
