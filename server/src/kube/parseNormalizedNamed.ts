import {
  DIGEST_HEX_LENGTHS,
  DOMAIN_AND_PORT_REGEXP,
  IDENTIFIER_REGEXP,
  NAME_TOTAL_LENGTH_MAX,
  REFERENCE_REGEXP,
} from './referenceGrammar';
import { splitDockerDomain, type DockerDomainSplit } from './splitDockerDomain';
import type { Writable } from '../writable';

/** Longer strings are refused before matching: a hostile string should not reach the regular expression. */
export const MAX_REFERENCE_LENGTH = 4096;

export type NormalizedNamedFailure =
  'too-long-input' | 'identifier' | 'uppercase' | 'no-match' | 'name-too-long' | 'digest';

export type NormalizedNamed =
  | {
      readonly ok: true;
      readonly split: DockerDomainSplit;
      /** The normalised name (`docker.io/library/nginx`). */
      readonly name: string;
      readonly tag?: string;
      readonly digest?: string;
    }
  | { readonly ok: false; readonly failure: NormalizedNamedFailure };

/**
 * A faithful port of distribution/reference `ParseNormalizedNamed` (normalize.go) with `Parse`
 * (reference.go) and go-digest's `Parse`: accepts exactly what Docker and Portieris accept, and says
 * which check failed. The caller turns failures into readable messages.
 */
export function parseNormalizedNamed(text: string): NormalizedNamed {
  if (text.length > MAX_REFERENCE_LENGTH) return { ok: false, failure: 'too-long-input' };
  if (IDENTIFIER_REGEXP.test(text)) return { ok: false, failure: 'identifier' };
  const split = splitDockerDomain(text);
  const colon = split.remainder.indexOf(':');
  const remote = colon >= 0 ? split.remainder.slice(0, colon) : split.remainder;
  if (remote.toLowerCase() !== remote) return { ok: false, failure: 'uppercase' };
  const match = REFERENCE_REGEXP.exec(`${split.domain}/${split.remainder}`);
  const name = match?.[1];
  if (!match || name === undefined) return { ok: false, failure: 'no-match' };
  // reference.go re-splits the name; a first component that is no valid host makes it all path.
  const path = DOMAIN_AND_PORT_REGEXP.test(split.domain) ? name.slice(split.domain.length + 1) : name;
  if (path.length > NAME_TOTAL_LENGTH_MAX) return { ok: false, failure: 'name-too-long' };
  const tag = match[2];
  const digest = match[3];
  if (digest !== undefined && !isSupportedDigest(digest)) return { ok: false, failure: 'digest' };
  // Optional fields set after the literal, not spread into it (faster in V8; parseImageReference.ts).
  const result: Writable<Extract<NormalizedNamed, { ok: true }>> = { ok: true, split, name };
  if (tag !== undefined) result.tag = tag;
  if (digest !== undefined) result.digest = digest;
  return result;
}

/** go-digest `Digest.Validate`: a known algorithm, the exact hex length, lower-case hex. */
export function isSupportedDigest(digest: string): boolean {
  const colon = digest.indexOf(':');
  const expected = DIGEST_HEX_LENGTHS.get(digest.slice(0, colon));
  const hex = digest.slice(colon + 1);
  return colon > 0 && expected !== undefined && hex.length === expected && /^[a-f0-9]+$/.test(hex);
}

/**
 * Whether Portieris' `NewReference` (helpers/image/image.go) accepts the string: it cuts everything
 * from `@sha256:` off first, so any digest there passes (portieris.md §2.4 item 1), and parses the rest.
 */
export function portierisAccepts(text: string): boolean {
  const cut = text.indexOf('@sha256:');
  return parseNormalizedNamed(cut >= 0 ? text.slice(0, cut) : text).ok;
}
