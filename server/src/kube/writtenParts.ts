import type { Writable } from '../writable';

/** The pieces of a reference as written, found by separators only (no validation). */
export interface WrittenParts {
  /** Name without tag and digest, e.g. `index.docker.io/org/app`. */
  readonly repo: string;
  readonly tag?: string;
  /** Index of the tag's first character. */
  readonly tagAt: number;
  readonly digest?: string;
  /** Index of the digest's first character (after `@`). */
  readonly digestAt: number;
}

/**
 * Splits at the first `@` (digest) and at the first `:` after the last `/` (tag), the same places the
 * reference grammar puts them; a `:` before the last `/` belongs to a registry port.
 */
export function splitWrittenParts(text: string): WrittenParts {
  const at = text.indexOf('@');
  const namePart = at >= 0 ? text.slice(0, at) : text;
  const colon = namePart.indexOf(':', namePart.lastIndexOf('/') + 1);
  const repo = colon >= 0 ? namePart.slice(0, colon) : namePart;
  // Optional fields set after the literal, not spread into it (faster in V8; parseImageReference.ts).
  const parts: Writable<WrittenParts> = { repo, tagAt: colon + 1, digestAt: at + 1 };
  if (colon >= 0) parts.tag = namePart.slice(colon + 1);
  if (at >= 0) parts.digest = text.slice(at + 1);
  return parts;
}
