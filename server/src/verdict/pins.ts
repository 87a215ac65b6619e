import type { ImageView } from './types';

/** The two ways to pin an image to a digest (kube `PinStyle`, portieris.md §3.6, peers.md Renovate). */
export interface PinTargets {
  /** `<normalised name>@sha256:<hex>`: what Portieris' mutation writes. */
  readonly portieris: string;
  /** `<name as written>[:tag]@sha256:<hex>`: Renovate's digest pinning. */
  readonly renovate: string;
}

/** Both pinned forms of `image` for a hex digest (same rules as kube's `pinnedReference`). */
export function pinTargets(image: ImageView, hex: string): PinTargets {
  const tag = image.tag === undefined ? '' : `:${image.tag}`;
  return { portieris: `${image.name}@sha256:${hex}`, renovate: `${image.writtenName}${tag}@sha256:${hex}` };
}
