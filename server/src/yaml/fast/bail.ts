/**
 * The fast parser's only way out: thrown when the input leaves the supported subset (or when the `yaml`
 * library would report an error or warning), and caught by `fastParseDocument`, which then answers
 * `undefined` so the caller falls back to the library.
 */
export class FastParseBail extends Error {
  readonly code = 'FAST_PARSE_BAIL';

  constructor(readonly reason: string) {
    super(`fast YAML parser gave up: ${reason}`);
    this.name = 'FastParseBail';
  }
}

export function bail(reason: string): never {
  throw new FastParseBail(reason);
}
