import { InputError } from '../errors';
import { pinForm, type PinStyle } from '../../../shared/pinForms';
import type { ImageReference } from './imageReference';

/** How a digest is pinned: the rule and its reasons are in shared/pinForms.ts. */
export type { PinStyle };

/** `digestHex` is the 64 lower-case hex digits, with or without a `sha256:` prefix. */
export function pinnedReference(ref: ImageReference, digestHex: string, style: PinStyle): string {
  const hex = digestHex.startsWith('sha256:') ? digestHex.slice('sha256:'.length) : digestHex;
  if (!/^[a-f0-9]{64}$/.test(hex)) {
    throw new InputError(
      'INPUT_INVALID',
      `a sha256 digest needs 64 lowercase hex digits, got ${JSON.stringify(digestHex)}`,
    );
  }
  return pinForm(ref, hex, style);
}
