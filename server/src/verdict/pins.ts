import { pinForm } from '../../../shared/pinForms';
import type { ImageView } from './types';

/** The two ways to pin an image to a digest (kube `PinStyle`, portieris.md §3.6, peers.md Renovate). */
export interface PinTargets {
  /** Portieris' form: `<normalised name>[:tag unless latest]@sha256:<hex>` (shared/pinForms.ts). */
  readonly portieris: string;
  /** `<name as written>[:tag]@sha256:<hex>`: Renovate's digest pinning. */
  readonly renovate: string;
}

/** Both pinned forms of `image` for a hex digest. */
export function pinTargets(image: ImageView, hex: string): PinTargets {
  return { portieris: pinForm(image, hex, 'portieris'), renovate: pinForm(image, hex, 'renovate') };
}
