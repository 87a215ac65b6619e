import { goQuote } from '../kube/goQuote';

/**
 * The controller's reason lines for the trust check, byte for byte (portieris.md §3.7): the
 * `trust: policy denied the request:` prefix, `Deny %q` with Go quoting, then notary's or the signer
 * check's own error text.
 */

/** `trust: policy denied the request: Deny %q, failed to get content trust information: <err>`. */
export function denyContentTrust(image: string, reason: string): string {
  return `trust: policy denied the request: Deny ${goQuote(image)}, failed to get content trust information: ${reason}`;
}

/** `trust: Deny %q, could not get signerSecret from your cluster, <err>` (portieris.md §3.3 item 5). */
export function denySignerSecret(image: string, reason: string): string {
  return `trust: Deny ${goQuote(image)}, could not get signerSecret from your cluster, ${reason}`;
}

/** notary `ErrNoTrustData`: `<server host> does not have trust data for <GUN>` (portieris.md §3.3 item 2). */
export function noTrustDataFor(server: string, gun: string): string {
  return `${serverHost(server)} does not have trust data for ${gun}`;
}

/** notary's answer when no role lists the tag. */
export const noValidTrustDataFor = (tag: string): string => `No valid trust data for ${tag}`;

export const PUBLIC_KEYS_DIFFERENT = 'Public keys are different';
export const INCOMPATIBLE_DIGEST = 'Incompatible digest';
export const noSignatureForRole = (name: string): string => `no signature found for role ${name}`;
export const emptySignerSecret = (secret: string): string =>
  `name or publicKey field in secret ${secret} is empty`;
export const NO_VALID_PUBLIC_KEY = 'no valid public key found';

/** notary's `HTTPStore.Location()` is the URL host (with port); a value that is no URL is shown as is. */
export function serverHost(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

/** `sha256:` + the first 12 hex digits, for messages that must stay readable. */
export function shortDigest(hex: string): string {
  return `sha256:${hex.slice(0, 12)}`;
}
