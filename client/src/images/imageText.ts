/**
 * Image references in YAML text, found and rewritten without vscode (unit-tested outside VS Code). The
 * server has the full Kubernetes model; the client only needs the `image:` values to pin them.
 */

import { pinForm, type PinStyle } from '../../../shared/pinForms';
import type { ImageReference } from '../../../server/src/kube/imageReference';
import { parseImageReference } from '../../../server/src/kube/parseImageReference';

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

/**
 * The reference normalised as Docker and Portieris do it: the server's parser, golden-tested against
 * distribution/reference (portieris.md §2.4). Pure and dependency-free, so the client bundle takes it as
 * is. Undefined for a string Docker would refuse: the server's diagnostics already name the problem.
 */
export function parseImage(image: string): ImageReference | undefined {
  const parsed = parseImageReference(image);
  return parsed.ok ? parsed.ref : undefined;
}

export type { PinStyle };

/** The pinned form of an image (one rule for client and server: shared/pinForms.ts); undefined if invalid. */
export function pinnedImage(image: string, digest: string, style: PinStyle): string | undefined {
  const ref = parseImage(image);
  return ref && pinnedReference(ref, digest, style);
}

function pinnedReference(ref: ImageReference, digest: string, style: PinStyle): string {
  const hex = digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : digest;
  return pinForm(ref, hex, style);
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
  const edits: PinEdit[] = [];
  for (const found of candidates) {
    const ref = parseImage(found.image);
    if (ref?.name !== target.repository || ref.trustTag !== target.tag) continue;
    const pinned = pinnedReference(ref, target.digest, style);
    if (pinned !== found.image) edits.push({ start: found.start, end: found.end, text: pinned });
  }
  return edits;
}
