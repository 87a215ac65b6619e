import { createHash } from 'node:crypto';
import type { JsonObject } from '../../../../server/src/trust/tuf/json.types';
import { ecdsaKey, ed25519Key, envelope, x509RootKey } from './signingKeys';
import type { SigningKey } from './signingKeys';

/**
 * Builds a complete signed Notary repository with test keys, laid out like the reference fixtures
 * (targets v3; releases v1; alice v1, v2), so attack tests can re-sign tampered metadata. `tweak` edits a
 * role's `signed` value before it is signed; snapshot and timestamp hash whatever bytes result.
 */
export type RoleFile = 'root' | 'targets' | 'targets/releases' | 'targets/alice' | 'snapshot' | 'timestamp';

export interface RepoKeys {
  readonly root: SigningKey;
  readonly targets: SigningKey;
  readonly snapshot: SigningKey;
  readonly timestamp: SigningKey;
  readonly releases: SigningKey;
  readonly alice: SigningKey;
}

export function generateRepoKeys(gun: string): RepoKeys {
  return {
    root: x509RootKey(gun),
    targets: ecdsaKey(),
    snapshot: ecdsaKey(),
    timestamp: ed25519Key(),
    releases: ecdsaKey(),
    alice: ecdsaKey(),
  };
}

export interface BuildOptions {
  readonly keys: RepoKeys;
  readonly versions?: Partial<Record<RoleFile, number>>;
  readonly expires?: Partial<Record<RoleFile, string>>;
  readonly tweak?: Partial<Record<RoleFile, (signed: JsonObject) => void>>;
  readonly signers?: Partial<Record<RoleFile, readonly SigningKey[]>>;
  /** More delegated roles (their parents must delegate to them through `tweak`), listed in the snapshot. */
  readonly extraRoles?: readonly {
    readonly role: string;
    readonly tags: readonly (keyof typeof MANIFESTS)[];
    readonly key: SigningKey;
  }[];
  /** Edits a role's signed file bytes before its parent hashes them (so only the role itself is wrong). */
  readonly damage?: Partial<Record<RoleFile, (bytes: Buffer) => Buffer>>;
}

export const MANIFESTS = { v1: 'manifest-one', v2: 'manifest-two', v3: 'manifest-three' } as const;

const b64 = (algorithm: string, data: string | Uint8Array): string =>
  createHash(algorithm).update(data).digest('base64');
const target = (manifest: string): JsonObject => ({
  hashes: { sha256: b64('sha256', manifest) },
  length: manifest.length,
});
const fileMeta = (bytes: Uint8Array): JsonObject => ({
  hashes: { sha256: b64('sha256', bytes), sha512: b64('sha512', bytes) },
  length: bytes.length,
});
const roleKeys = (key: SigningKey): JsonObject => ({ keyids: [key.id], threshold: 1 });

export function buildRepo(options: BuildOptions): Map<string, Buffer> {
  const { keys } = options;
  const files = new Map<string, Buffer>();
  const common = (role: RoleFile, type: string): JsonObject => ({
    _type: type,
    expires: options.expires?.[role] ?? '2030-01-01T00:00:00Z',
    version: options.versions?.[role] ?? 1,
  });
  const sign = (role: RoleFile, signed: JsonObject, key: SigningKey): void => {
    options.tweak?.[role]?.(signed);
    const bytes = envelope(signed, options.signers?.[role] ?? [key]);
    files.set(`${role}.json`, options.damage?.[role]?.(bytes) ?? bytes);
  };
  sign(
    'root',
    {
      ...common('root', 'Root'),
      consistent_snapshot: false,
      keys: Object.fromEntries(
        [keys.root, keys.targets, keys.snapshot, keys.timestamp].map((k) => [k.id, k.keyObject]),
      ),
      roles: {
        root: roleKeys(keys.root),
        targets: roleKeys(keys.targets),
        snapshot: roleKeys(keys.snapshot),
        timestamp: roleKeys(keys.timestamp),
      },
    },
    keys.root,
  );
  sign(
    'targets',
    {
      ...common('targets', 'Targets'),
      delegations: {
        keys: { [keys.releases.id]: keys.releases.keyObject, [keys.alice.id]: keys.alice.keyObject },
        roles: [
          { keyids: [keys.releases.id], name: 'targets/releases', paths: [''], threshold: 1 },
          { keyids: [keys.alice.id], name: 'targets/alice', paths: [''], threshold: 1 },
        ],
      },
      targets: { v3: target(MANIFESTS.v3) },
    },
    keys.targets,
  );
  const leaf = (role: RoleFile, tags: readonly (keyof typeof MANIFESTS)[], key: SigningKey): void =>
    sign(
      role,
      {
        ...common(role, 'Targets'),
        delegations: { keys: {}, roles: [] },
        targets: Object.fromEntries(tags.map((tag) => [tag, target(MANIFESTS[tag])])),
      },
      key,
    );
  leaf('targets/releases', ['v1'], keys.releases);
  leaf('targets/alice', ['v1', 'v2'], keys.alice);
  for (const extra of options.extraRoles ?? []) leaf(extra.role as RoleFile, extra.tags, extra.key);
  const roles = [
    'root',
    'targets',
    'targets/releases',
    'targets/alice',
    ...(options.extraRoles ?? []).map((e) => e.role),
  ];
  const meta = Object.fromEntries(roles.map((role) => [role, fileMeta(files.get(`${role}.json`) as Buffer)]));
  sign('snapshot', { ...common('snapshot', 'Snapshot'), meta }, keys.snapshot);
  sign(
    'timestamp',
    {
      ...common('timestamp', 'Timestamp'),
      meta: { snapshot: fileMeta(files.get('snapshot.json') as Buffer) },
    },
    keys.timestamp,
  );
  return files;
}

/** Flips one bit of the first signature: right key, wrong signature (InvalidateMetadataSignatures). */
export function corruptFirstSignature(bytes: Buffer): Buffer {
  const document = JSON.parse(bytes.toString('utf8')) as { signatures: { sig: string }[] };
  const first = document.signatures[0];
  if (first === undefined) return bytes;
  const sig = Buffer.from(first.sig, 'base64');
  sig[sig.length - 1] = sig[sig.length - 1] ^ 1;
  first.sig = sig.toString('base64');
  return Buffer.from(JSON.stringify(document), 'utf8');
}
