import type { JsonValue } from '../diagnostics/finding';
import type { PathStep } from '../yaml/navigate';

/** Human wording for schema findings; no logic about which finding to raise. */

const TYPE_NAMES: Record<string, string> = {
  object: 'a map',
  array: 'a list',
  string: 'a string',
  boolean: 'a boolean (true or false)',
  number: 'a number',
  integer: 'an integer',
  null: 'empty (null)',
};

export function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

export function actualTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'number' && Number.isInteger(value)) return 'a number';
  return typeName(typeof value);
}

/** `"enabled"`, or `item 2 of "requirements"`, or `the document`. */
export function describeLocation(path: readonly PathStep[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the document';
  if (typeof last === 'number') {
    const owner = path[path.length - 2];
    return owner === undefined ? `item ${last + 1}` : `item ${last + 1} of "${String(owner)}"`;
  }
  return `"${last}"`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Enum values as users type them: bare words, with `""` for the empty string. */
export function formatValue(value: JsonValue | undefined): string {
  if (value === '') return '""';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? 'undefined';
}

export function formatAllowed(values: readonly JsonValue[]): string {
  return values.map(formatValue).join(', ');
}

export function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}
