import type { ErrorObject } from 'ajv';

/** Keywords whose error only summarises the errors of their branches. */
const SUMMARY_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'not']);
/** Keywords that only repeat a type error at the same place (`type: 7` also fails the enum). */
const AFTER_TYPE_KEYWORDS = new Set(['enum', 'const', 'format', 'pattern']);

function isAtOrBelow(path: string, parent: string): boolean {
  return path === parent || path.startsWith(parent + '/');
}

/**
 * Removes Ajv's cascades so each problem is reported once: summary errors when a more precise error
 * exists at or below them, enum/const errors where a type error already fired, and exact repeats.
 */
export function dedupeErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const typePaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (AFTER_TYPE_KEYWORDS.has(error.keyword) && typePaths.has(error.instancePath)) continue;
    if (
      SUMMARY_KEYWORDS.has(error.keyword) &&
      errors.some(
        (other) =>
          !SUMMARY_KEYWORDS.has(other.keyword) && isAtOrBelow(other.instancePath, error.instancePath),
      )
    ) {
      continue;
    }
    const key = `${error.keyword}\u0000${error.instancePath}\u0000${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(error);
  }
  return kept;
}
