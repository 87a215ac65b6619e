/**
 * The one rule for writing an image pinned to a digest, shared by the server's quick fixes and the
 * client's "Pin in active editor" so both always write the same text.
 *
 * - `portieris`: Portieris' own mutation form, `<normalised name>@sha256:<hex>` (portieris.md §3.6). The
 *   tag can only be dropped when it is `latest` (written or implied): for a digest-only reference
 *   Portieris looks up tag `latest` in Notary and runs *its* signed digest (§3.4, issue #390), so
 *   `nginx:1.25` pinned as `…/nginx@sha256:<1.25's digest>` would run latest's image instead. Other tags are
 *   kept, `<normalised name>:<tag>@sha256:<hex>`, which Portieris resolves through that tag to the same
 *   signed digest.
 * - `renovate`: the name as written, the tag kept, the digest added or replaced (Renovate's pinning).
 */
export type PinStyle = 'portieris' | 'renovate';

export interface PinnableImage {
  /** Normalised repository, e.g. `docker.io/library/nginx`. */
  readonly name: string;
  /** The repository as the user wrote it, without tag or digest. */
  readonly writtenName: string;
  readonly tag?: string;
}

/** `hex` is the 64 lower-case hex digits of a sha256 digest, without the `sha256:` prefix. */
export function pinForm(image: PinnableImage, hex: string, style: PinStyle): string {
  const tagSuffix = image.tag === undefined ? '' : `:${image.tag}`;
  if (style === 'renovate') return `${image.writtenName}${tagSuffix}@sha256:${hex}`;
  const keepTag = image.tag !== undefined && image.tag !== 'latest';
  return `${image.name}${keepTag ? tagSuffix : ''}@sha256:${hex}`;
}
