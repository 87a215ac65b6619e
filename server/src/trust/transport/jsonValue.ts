/** Narrows parsed JSON to a plain object, for the `unknown` → typed guards of every JSON answer. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
