import { InputError } from '../errors';
import type { ImageReference } from './imageReference';

/**
 * How a digest is pinned:
 * - `portieris`: exactly what Portieris' mutation writes, `<normalised name>@sha256:<hex>` with the tag
 *   dropped (portieris.md §3.6, §7 item 4), e.g. `nginx:1.25` → `docker.io/library/nginx@sha256:…`.
 * - `renovate`: the name as the user wrote it, the tag kept, and the digest added or replaced
 *   (`nginx:1.25` → `nginx:1.25@sha256:…`), as Renovate's digest pinning does. The tag stays readable,
 *   but Portieris will look up that tag again on every later UPDATE (§3.4), not the digest.
 */
export type PinStyle = 'portieris' | 'renovate';

/** `digestHex` is the 64 lower-case hex digits, with or without a `sha256:` prefix. */
export function pinnedReference(ref: ImageReference, digestHex: string, style: PinStyle): string {
  const hex = digestHex.startsWith('sha256:') ? digestHex.slice('sha256:'.length) : digestHex;
  if (!/^[a-f0-9]{64}$/.test(hex)) {
    throw new InputError(
      'INPUT_INVALID',
      `a sha256 digest needs 64 lowercase hex digits, got ${JSON.stringify(digestHex)}`,
    );
  }
  if (style === 'portieris') return `${ref.name}@sha256:${hex}`;
  const tag = ref.tag === undefined ? '' : `:${ref.tag}`;
  return `${ref.writtenName}${tag}@sha256:${hex}`;
}
