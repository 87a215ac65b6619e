import { compareImageRef } from './wildcard';

/**
 * The repository entry name a quick fix adds for `image`: the reference as written without tag or digest,
 * so it matches through the implicit `:*` rule (portieris.md §2.3). A digest-only reference is not matched
 * that way in v0.14.2 (`icr.io/ns/img` does not match `icr.io/ns/img@sha256:…`), so it gets `name@*`.
 * Falls back to the exact image string whenever the result would not match the image.
 */
export function repositoryNameFor(image: string): string {
  const at = image.indexOf('@');
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const candidate = at >= 0 && !hasTag ? `${name}@*` : name;
  return candidate !== '' && !candidate.startsWith('*') && compareImageRef(candidate, image)
    ? candidate
    : image;
}
