import type { DocumentMove } from './documentMemo';

/**
 * A deep copy of `value` with every position moved: objects shaped exactly like a `Span`
 * (`{ start, end }` numbers: file offsets) by `by.offset`, and objects shaped like an LSP `Position`
 * (`{ line, character }` numbers) by `by.lines`. For derived data whose only file coordinates are
 * Spans and Positions (policy objects, see policy/types.ts); the test of readPolicies checks that a moved
 * read equals a fresh one.
 */
export function movePositions<T>(value: T, by: DocumentMove): T {
  return moveValue(value, by) as T;
}

function moveValue(value: unknown, by: DocumentMove): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => moveValue(item, by));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 2 && typeof record.start === 'number' && typeof record.end === 'number') {
    return { start: record.start + by.offset, end: record.end + by.offset };
  }
  if (keys.length === 2 && typeof record.line === 'number' && typeof record.character === 'number') {
    return { line: record.line + by.lines, character: record.character };
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = moveValue(record[key], by);
  return out;
}
