import assert from 'node:assert/strict';
import { parseImageReference } from '../../../server/src/kube/parseImageReference';
import type {
  ImageView,
  RegistryFacts,
  RoleSignature,
  SignerInput,
  TrustFacts,
  TrustRequirement,
  VerdictInput,
  VerifiedTrust,
} from '../../../server/src/verdict';

export const A = 'a'.repeat(64);
export const B = 'b'.repeat(64);
export const C = 'c'.repeat(64);
export const SERVER = 'https://notary.example:4443';
export const ALICE_KEY = '1'.repeat(64);
export const BOB_KEY = '2'.repeat(64);

export function image(text: string): ImageView {
  const parsed = parseImageReference(text);
  assert.ok(parsed.ok, text);
  return parsed.ref;
}

export function verified(
  signatures: readonly RoleSignature[],
  extra: Partial<VerifiedTrust> = {},
): VerifiedTrust {
  return {
    kind: 'verified',
    gun: 'registry.example/ns/app',
    server: SERVER,
    checkedAt: '2026-12-01T00:00:00.000Z',
    tag: 'latest',
    signatures,
    roleKeys: { 'targets/alice': [ALICE_KEY], 'targets/bob': [BOB_KEY] },
    releasedDigests: signatures
      .filter((s) => s.role === 'targets' || s.role === 'targets/releases')
      .map((s) => s.digest),
    ...extra,
  };
}

export const sig = (role: string, digest: string, length = 423): RoleSignature => ({ role, digest, length });

export function required(signerSecrets: readonly string[] = [], mutateImage = true): TrustRequirement {
  return { required: true, signerSecrets, mutateImage };
}

export const NOT_REQUIRED: TrustRequirement = { required: false, signerSecrets: [], mutateImage: true };

export function input(options: {
  image?: string;
  requirement?: TrustRequirement;
  signers?: readonly SignerInput[];
  trust: TrustFacts;
  registry?: RegistryFacts;
}): VerdictInput {
  return {
    image: image(options.image ?? 'registry.example/ns/app:latest'),
    requirement: options.requirement ?? required(),
    signers: options.signers ?? [],
    trust: options.trust,
    registry: options.registry ?? { kind: 'not-checked' },
  };
}

/** `alice(null)`: the Secret's publicKey does not parse. */
export const alice = (keyId: string | null = ALICE_KEY): SignerInput =>
  keyId === null
    ? { secret: 'alice-secret', source: 'workspace', signerName: 'alice' }
    : { secret: 'alice-secret', source: 'workspace', signerName: 'alice', keyId };
export const bob: SignerInput = {
  secret: 'bob-secret',
  source: 'workspace',
  signerName: 'bob',
  keyId: BOB_KEY,
};

export const UNAVAILABLE = {
  kind: 'unavailable',
  gun: 'registry.example/ns/app',
  server: SERVER,
  checkedAt: 'now',
  code: 'UNREACHABLE',
  reason: 'connection refused',
} as const;
