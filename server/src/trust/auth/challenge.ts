/** One challenge of a `WWW-Authenticate` header: scheme (lower case) and its parameters (names lower case). */
export interface AuthChallenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

/**
 * Parses `WWW-Authenticate` as RFC 7235 §4.1 defines it: a comma-separated list of challenges, each a
 * scheme followed by `name=value` or `name="quoted, value"` parameters (or a token68). Several challenges
 * may share one header, e.g. `Bearer realm="https://a/token",service="x", Basic realm="lab"`.
 * Malformed tails are dropped rather than guessed at.
 */
export function parseWwwAuthenticate(header: string): AuthChallenge[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let index = 0;

  const skip = (pattern: RegExp): void => {
    while (index < header.length && pattern.test(header.charAt(index))) index++;
  };
  const readToken = (): string => {
    const start = index;
    while (index < header.length && TOKEN_CHAR.test(header.charAt(index))) index++;
    return header.slice(start, index);
  };
  const readQuoted = (): string | undefined => {
    index++; // opening quote
    let value = '';
    while (index < header.length) {
      const char = header.charAt(index++);
      if (char === '"') return value;
      if (char === '\\' && index < header.length) value += header.charAt(index++);
      else value += char;
    }
    return undefined; // unterminated
  };

  while (index < header.length) {
    skip(/[\s,]/);
    const scheme = readToken();
    if (scheme === '') break;
    const current = { scheme: scheme.toLowerCase(), params: {} as Record<string, string> };
    challenges.push(current);
    for (;;) {
      skip(/[ \t]/);
      const mark = index;
      skip(/[\s,]/);
      const name = readToken();
      skip(/[ \t]/);
      if (name === '' || header.charAt(index) !== '=') {
        // Not a parameter: the next challenge's scheme (or a token68); rewind to before it.
        index = mark;
        break;
      }
      index++; // '='
      skip(/[ \t]/);
      const value = header.charAt(index) === '"' ? readQuoted() : readToken();
      if (value === undefined) return challenges;
      current.params[name.toLowerCase()] = value;
    }
    // Move past the rest of a token68 or stray text up to the next comma.
    skip(/[^,]/);
  }
  return challenges;
}
