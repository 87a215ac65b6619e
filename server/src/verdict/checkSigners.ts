import {
  emptySignerSecret,
  INCOMPATIBLE_DIGEST,
  NO_VALID_PUBLIC_KEY,
  noSignatureForRole,
  PUBLIC_KEYS_DIFFERENT,
} from './messages';
import type { RoleSignature, SignerInput, SignerOutcome } from './types';

/** The outcome of the `signerSecrets` check: every signer's status and the first error Portieris raises. */
export interface SignerCheck {
  readonly outcomes: readonly SignerOutcome[];
  /** Set when Portieris denies: the Secret problem or the notary-side reason, as the controller words it. */
  readonly failure?: { readonly stage: 'secret' | 'signature'; readonly reason: string };
}

function roleOf(name: string): string {
  return `targets/${name}`;
}

/**
 * Portieris' signer check (portieris.md §3.3 item 5, pkg/verifier/trust/trust.go `getDigest`):
 * Secrets are read first (empty `name`/`publicKey` or an unparsable key denies); then, in walk order,
 * every signature of a required role must carry a key of the Secret (when its key is known) and the
 * released digest; finally every required role must have been seen. The first error wins.
 * `released` is the released hex digest, or '' when none (then any signer signature is incompatible).
 */
export function checkSigners(
  signers: readonly SignerInput[],
  signatures: readonly RoleSignature[],
  roleKeys: Readonly<Record<string, readonly string[]>>,
  released: string,
): SignerCheck {
  const named = signers.map((signer) => ({
    signer,
    name: signer.source === 'workspace-incomplete' ? undefined : signerNameOf(signer),
  }));
  const incomplete = signers.find((s) => s.source === 'workspace-incomplete');
  const badKey = signers.find((s) => s.source === 'workspace' && s.keyId === undefined);
  const status = new Map<string, SignerOutcome['status']>();
  let failure: SignerCheck['failure'];
  if (incomplete) failure = { stage: 'secret', reason: emptySignerSecret(incomplete.secret) };
  else if (badKey) failure = { stage: 'secret', reason: NO_VALID_PUBLIC_KEY };

  for (const signature of signatures) {
    for (const { signer, name } of named) {
      if (name === undefined || signature.role !== roleOf(name)) continue;
      const keyId = signer.source === 'workspace' ? signer.keyId : undefined;
      let problem: SignerOutcome['status'] | undefined;
      if (keyId !== undefined && !(roleKeys[signature.role] ?? []).includes(keyId)) problem = 'key-mismatch';
      else if (signature.digest !== released) problem = 'other-digest';
      if (problem === undefined) {
        if (!status.has(signer.secret)) status.set(signer.secret, 'signed');
        continue;
      }
      status.set(signer.secret, problem);
      failure ??= {
        stage: 'signature',
        reason: problem === 'key-mismatch' ? PUBLIC_KEYS_DIFFERENT : INCOMPATIBLE_DIGEST,
      };
    }
  }
  for (const { signer, name } of named) {
    if (name === undefined) {
      status.set(signer.secret, 'secret-incomplete');
    } else if (!status.has(signer.secret)) {
      status.set(signer.secret, 'missing');
      failure ??= { stage: 'signature', reason: noSignatureForRole(name) };
    }
  }
  const outcomes = named.map(({ signer, name }): SignerOutcome => ({
    secret: signer.secret,
    ...(name === undefined ? {} : { signerName: name, role: roleOf(name) }),
    keyChecked: signer.source === 'workspace' && signer.keyId !== undefined,
    status: status.get(signer.secret) ?? 'missing',
  }));
  return failure ? { outcomes, failure } : { outcomes };
}

function signerNameOf(signer: Exclude<SignerInput, { source: 'workspace-incomplete' }>): string {
  return signer.source === 'workspace' ? signer.signerName : signer.secret;
}
