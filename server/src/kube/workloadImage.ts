import type { PathStep } from '../yaml/navigate';
import type { ContainerType } from './workloadKinds';

/** How the image scalar is written, for edits that keep the user's style (the `yaml` library's Scalar types). */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface WorkloadOwner {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
}

/** Why Portieris never looks at an image (portieris.md §4.3, §4.5). */
export type NotEnforcedReason = 'ephemeral-container' | 'owned-by-parent';

/** One container image of a workload, as written. */
export interface WorkloadImage {
  readonly documentIndex: number;
  readonly owner: WorkloadOwner;
  /** Steps from the document root to the owning object (`[]`, or `['items', 0]` in a `List`). */
  readonly objectPath: readonly PathStep[];
  readonly containerType: ContainerType;
  readonly index: number;
  readonly containerName?: string;
  /** The image string exactly as written (after YAML unquoting). */
  readonly image: string;
  /** Offsets of the image value node, quotes included; for an aliased value, of the alias node. */
  readonly start: number;
  readonly end: number;
  /**
   * True when the value was reached through an alias (of the image, the container, the list or the
   * object): its text is shared, so edits must not be offered at `start`/`end`.
   */
  readonly viaAlias: boolean;
  /**
   * True when the value, its container or its list carries an anchor (`&name`): an edit there also
   * changes every alias of it.
   */
  readonly anchored: boolean;
  /**
   * JSON pointer of the pod spec in the object (`/spec`, `/spec/template/spec`, …), shared by every image of
   * its kind; `imagePointer` gives the image's own.
   */
  readonly specPointer: string;
  readonly style: ScalarStyle;
  /** False when Portieris never checks this image; `notEnforcedReason` says why. */
  readonly enforced: boolean;
  readonly notEnforcedReason?: NotEnforcedReason;
}

/**
 * The JSON pointer Portieris patches, relative to the object (portieris.md §3.6), e.g.
 * `/spec/template/spec/containers/0/image`. Built when asked rather than kept on every image: a pointer
 * built from parts is a chain of ~6 string objects, ~18,000 of them for the 3,000 images of the
 * 42,000-line benchmark file, all kept while it is open (bench/notes.md).
 */
export function imagePointer(image: Pick<WorkloadImage, 'specPointer' | 'containerType' | 'index'>): string {
  return `${image.specPointer}/${image.containerType}/${image.index}/image`;
}
