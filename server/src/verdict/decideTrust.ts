import { checkSigners } from './checkSigners';
import { denyContentTrust, denySignerSecret, noTrustDataFor, noValidTrustDataFor } from './messages';
import { releasedSignature } from './releasedDigest';
import type { SignerOutcome, TrustAdmission, TrustVerdict, VerdictInput } from './types';
import { withFields } from '../withFields';

/**
 * The trust part of Portieris' admission for one image (portieris.md §3.3–§3.6), decided from verified
 * facts only: which digest is released for the trust tag, whether every required signer signed it,
 * and what the image is mutated to. No I/O, no cryptography.
 */
export function decideTrust(input: VerdictInput): TrustVerdict {
  const { image, requirement, trust } = input;
  if (trust.kind !== 'verified') {
    const admission: TrustAdmission = !requirement.required
      ? { kind: 'not-required' }
      : trust.kind === 'no-trust-data'
        ? {
            kind: 'denied',
            message: denyContentTrust(image.original, noTrustDataFor(trust.server, trust.gun)),
          }
        : { kind: 'unknown' };
    return withRuns(input, { admission, signers: [] });
  }

  const released = releasedSignature(trust.signatures);
  const signed = released
    ? { signedDigest: released.digest, signedLength: released.length, signedRole: released.role }
    : {};
  if (!requirement.required)
    return withRuns(input, { admission: { kind: 'not-required' }, signers: [], ...signed });

  if (trust.signatures.length === 0) {
    const message = denyContentTrust(image.original, noValidTrustDataFor(trust.tag));
    return withRuns(input, { admission: { kind: 'denied', message }, signers: [], ...signed });
  }
  let signers: readonly SignerOutcome[] = [];
  if (requirement.signerSecrets.length > 0) {
    const check = checkSigners(input.signers, trust.signatures, trust.roleKeys, released?.digest ?? '');
    signers = check.outcomes;
    if (check.failure) {
      const message =
        check.failure.stage === 'secret'
          ? denySignerSecret(image.original, check.failure.reason)
          : denyContentTrust(image.original, check.failure.reason);
      return withRuns(input, { admission: { kind: 'denied', message }, signers, ...signed });
    }
  }
  // With no signers and no released digest Portieris still admits, patching `name@sha256:` (§3.3 item 3).
  const digest = released?.digest ?? '';
  const admission: TrustAdmission = requirement.mutateImage
    ? { kind: 'allowed', digest, mutatedImage: `${image.name}@sha256:${digest}` }
    : { kind: 'allowed', digest };
  return withRuns(input, { admission, signers, ...signed });
}

/**
 * The digest the cluster will run: the mutated one; else the written digest; else what the registry
 * serves for the tag now (the kubelet pulls the tag).
 */
function withRuns(input: VerdictInput, verdict: TrustVerdict): TrustVerdict {
  const { admission } = verdict;
  if (admission.kind === 'denied' || admission.kind === 'unknown') return verdict;
  if (admission.kind === 'allowed' && admission.mutatedImage !== undefined) {
    return admission.digest === '' ? verdict : withFields(verdict, { runsDigest: admission.digest });
  }
  const written = input.image.digest?.startsWith('sha256:') ? input.image.digest.slice(7) : undefined;
  if (written !== undefined) return withFields(verdict, { runsDigest: written });
  if (input.registry.kind === 'digest')
    return withFields(verdict, { runsDigest: hex(input.registry.digest) });
  return verdict;
}

function hex(digest: string): string {
  return digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : digest;
}
