import { Scalar, isScalar, type ScalarTag } from 'yaml';
import { bail } from './bail';
import { options, schema } from './coreSchema';
import { newScalar, setRange } from './nodeFactory';

/** Core-schema tags tried on plain scalars, in schema order (compose-scalar.js `findScalarTagByTest`). */
const plainTags: readonly ScalarTag[] = schema.tags.filter(
  (tag): tag is ScalarTag => !tag.collection && tag.default === true && tag.test !== undefined,
);

/**
 * Every core-schema test (null, bool, int, float; YAML 1.2.2 §10.3.2) needs one of these first characters
 * (or an empty string), so any other plain scalar is a string without running a regular expression. Of
 * them, only null (`null`, `Null`, `NULL`) and bool (`true`, …, `FALSE`) start with a letter, and none is
 * longer than five characters: `namespace` or `template` are strings without a test either.
 */
function maybeNonString(source: string): boolean {
  if (source.length === 0) return true;
  const first = source.charCodeAt(0);
  if (
    (first >= 0x30 && first <= 0x39) || // 0-9
    first === 0x2b || // +
    first === 0x2d || // -
    first === 0x2e || // .
    first === 0x7e // ~
  ) {
    return true;
  }
  return (
    (first === 0x6e || // n
      first === 0x4e || // N
      first === 0x74 || // t
      first === 0x54 || // T
      first === 0x66 || // f
      first === 0x46) && // F
    source.length <= 5
  );
}

function onTagError(message: string): never {
  bail(`tag resolution: ${message}`);
}

/** The first core tag whose test matches the plain scalar `source` (compose-scalar.js); none for a string. */
function matchingTag(source: string): ScalarTag | undefined {
  if (!maybeNonString(source)) return undefined;
  for (const tag of plainTags) if (tag.test?.test(source) === true) return tag;
  return undefined;
}

/** A plain scalar as compose-scalar.js builds it: resolved by the first matching core tag. */
export function plainScalar(source: string, start: number, valueEnd: number, end: number): Scalar {
  let scalar: Scalar | undefined;
  const tag = matchingTag(source);
  if (tag) {
    const res = tag.resolve(source, onTagError, options);
    if (isScalar(res)) {
      scalar = res;
      setRange(scalar, start, valueEnd, end);
    } else {
      scalar = newScalar(res, start, valueEnd, end);
    }
    if (tag.format) scalar.format = tag.format;
  }
  scalar ??= newScalar(source, start, valueEnd, end);
  scalar.source = source;
  scalar.type = Scalar.PLAIN;
  return scalar;
}

/**
 * Whether the plain scalar `source` resolves to the string itself, i.e. no core-schema tag but `str` matches
 * it: what `plainScalar` would build is then known without building it (a mapping key, see nodeFactory.ts).
 */
export function plainIsString(source: string): boolean {
  return matchingTag(source) === undefined;
}

/** Quoted and block scalars always resolve to strings (the failsafe `str` tag). */
export function stringScalar(
  value: string,
  type: Scalar.Type,
  start: number,
  valueEnd: number,
  end: number,
): Scalar {
  const scalar = newScalar(value, start, valueEnd, end);
  scalar.source = value;
  scalar.type = type;
  return scalar;
}

/** The empty node of `key:` or of an empty document (compose-node.js `composeEmptyNode`). */
export function emptyScalar(at: number, end: number): Scalar {
  return plainScalar('', at, at, end);
}
