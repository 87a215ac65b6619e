/**
 * Image references in YAML text, found and rewritten without vscode (unit-tested outside VS Code). The
 * server has the full Kubernetes model; the client only needs the `image:` values to pin them.
 */

import { pinForm, type PinStyle } from '../../../shared/pinForms';

export interface FoundImage {
  /** The image as written (quotes excluded). */
  readonly image: string;
  /** Offsets of the value in the text, quotes excluded. */
  readonly start: number;
  readonly end: number;
}

// `image: value` as a block mapping entry (also the first key of a sequence item) or inside a flow
// mapping (`- { name: a, image: "x" }`).
const IMAGE_ENTRY = /(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)["']?image["']?[ \t]*:[ \t]*(["']?)([^\s"'#,}]+)\1/gm;

export function findImages(text: string): FoundImage[] {
  const found: FoundImage[] = [];
  for (const match of text.matchAll(IMAGE_ENTRY)) {
    const [whole, quote = '', image = ''] = match;
    const end = (match.index ?? 0) + whole.length - quote.length;
    found.push({ image, start: end - image.length, end });
  }
  return found;
}

/** The image whose value (or `image:` line) holds `offset`. */
export function imageAt(text: string, offset: number): FoundImage | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return findImages(text).find((image) => image.start >= lineStart && image.end <= end);
}

export interface ImageParts {
  /** Normalised repository (the Notary GUN), e.g. `docker.io/library/nginx`. */
  readonly repository: string;
  /** The name as written, without tag and digest. */
  readonly writtenName: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** Docker's normalisation (distribution/reference ParseNormalizedNamed), enough to match repositories. */
export function imageParts(image: string): ImageParts {
  const at = image.indexOf('@');
  const digest = at < 0 ? undefined : image.slice(at + 1);
  const named = at < 0 ? image : image.slice(0, at);
  const colon = named.lastIndexOf(':');
  const hasTag = colon > named.lastIndexOf('/');
  const writtenName = hasTag ? named.slice(0, colon) : named;
  const tag = hasTag ? named.slice(colon + 1) : undefined;
  const slash = writtenName.indexOf('/');
  const first = slash < 0 ? '' : writtenName.slice(0, slash);
  const hasDomain = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  let domain = hasDomain ? first : 'docker.io';
  let path = hasDomain ? writtenName.slice(slash + 1) : writtenName;
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return {
    repository: `${domain}/${path}`,
    writtenName,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/** The tag Portieris looks up: as written, else `latest` (portieris.md §2.4). */
export function trustTagOf(parts: ImageParts): string {
  return parts.tag ?? 'latest';
}

export type { PinStyle };

/** The pinned form of an image: one rule for client and server (shared/pinForms.ts). */
export function pinnedImage(image: string, digest: string, style: PinStyle): string {
  const parts = imageParts(image);
  const hex = digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : digest;
  return pinForm(
    {
      name: parts.repository,
      writtenName: parts.writtenName,
      ...(parts.tag === undefined ? {} : { tag: parts.tag }),
    },
    hex,
    style,
  );
}

export interface PinEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Edits that pin every image of `repository` whose trust tag is `tag` to `digest`; with `cursor`, only
 * the image under the cursor if there is one (and it is that repository).
 */
export function pinEdits(
  text: string,
  target: { readonly repository: string; readonly tag: string; readonly digest: string },
  style: PinStyle,
  cursor?: number,
): PinEdit[] {
  const atCursor = cursor === undefined ? undefined : imageAt(text, cursor);
  const candidates = atCursor ? [atCursor] : findImages(text);
  return candidates
    .filter((found) => {
      const parts = imageParts(found.image);
      return parts.repository === target.repository && trustTagOf(parts) === target.tag;
    })
    .map((found) => ({
      start: found.start,
      end: found.end,
      text: pinnedImage(found.image, target.digest, style),
    }))
    .filter((edit) => text.slice(edit.start, edit.end) !== edit.text);
}
