import type { TrustSignerJson, TrustInspectJson } from './inspect.types';
import { isAscii, naturalCompare, naturalCompareAscii } from './naturalOrder';
import type { VerifiedRepositoryData } from './updateRepository';
import { walkRoles } from './walk';

export const RELEASES_ROLE = 'targets/releases';
const REPO_ADMIN = 'Repo Admin';

/** A signed tag row before Docker substitutes "Repo Admin" (the pretty printer needs the raw list). */
export interface SignedTagRow {
  readonly tag: string;
  readonly digest: string;
  /** Signer names (`targets/alice` → `alice`) of non-release roles holding the same digest, walk order. */
  readonly signers: readonly string[];
}

/** One role that lists a tag, as `GetAllTargetMetadataByName` reports it (notary-v1.md §5.3). */
export interface TagSignature {
  readonly tag: string;
  readonly role: string;
  readonly digest: string;
  readonly length: number;
}

export function isReleasedRole(role: string): boolean {
  return role === 'targets' || role === RELEASES_ROLE;
}

export function signerName(role: string): string {
  return role.startsWith('targets/') ? role.slice('targets/'.length) : role;
}

/** Every (role, tag) in the whole tree, walk order, limited to what each role's paths allow. */
export function allTagSignatures(data: VerifiedRepositoryData, tag?: string): TagSignature[] {
  const found: TagSignature[] = [];
  for (const role of walkRoles(data.roles, {
    start: 'targets',
    ...(tag === undefined ? {} : { target: tag }),
  })) {
    for (const [name, file] of role.metadata.targets) {
      if ((tag !== undefined && name !== tag) || !role.paths.some((prefix) => name.startsWith(prefix)))
        continue;
      found.push({ tag: name, role: role.name, digest: file.sha256.toString('hex'), length: file.length });
    }
  }
  return found;
}

interface MutableRow {
  readonly tag: string;
  readonly digest: string;
  readonly signers: string[];
}

/** `matchReleasedSignatures` (common.go:142): rows for tags in targets or targets/releases, natural order. */
export function signedTagRows(signatures: readonly TagSignature[]): SignedTagRow[] {
  // tag → its rows (one per released digest; nearly always one), so no tag+digest key string per entry.
  const byTag = new Map<string, MutableRow[]>();
  for (const s of signatures) {
    if (!isReleasedRole(s.role)) continue;
    const rows = byTag.get(s.tag);
    if (rows === undefined) byTag.set(s.tag, [{ tag: s.tag, digest: s.digest, signers: [] }]);
    else if (!rows.some((row) => row.digest === s.digest))
      rows.push({ tag: s.tag, digest: s.digest, signers: [] });
  }
  for (const s of signatures) {
    if (isReleasedRole(s.role)) continue;
    byTag
      .get(s.tag)
      ?.find((row) => row.digest === s.digest)
      ?.signers.push(signerName(s.role));
  }
  const rows: MutableRow[] = [];
  for (const list of byTag.values()) rows.push(...list);
  // Docker tags are ASCII: then one check up front spares the per-comparison encoding test.
  const compare = rows.every((row) => isAscii(row.tag)) ? naturalCompareAscii : naturalCompare;
  return rows.sort((a, b) => compare(a.tag, b.tag) || (a.digest < b.digest ? -1 : 1));
}

/** Delegation roles listed by every verified role, with canonical key IDs, except targets/releases. */
export function delegationSigners(data: VerifiedRepositoryData): Map<string, readonly string[]> {
  const signers = new Map<string, readonly string[]>();
  for (const role of walkRoles(data.roles, { start: 'targets' })) {
    for (const delegation of role.metadata.delegations) {
      if (delegation.name === RELEASES_ROLE) continue;
      const keys = delegation.keyIds.map((id) => role.metadata.delegationKeys.get(id)?.canonicalId ?? id);
      signers.set(signerName(delegation.name), keys);
    }
  }
  return signers;
}

function toSigner(name: string, keyIds: readonly string[]): TrustSignerJson {
  return keyIds.length === 0 ? { Name: name } : { Name: name, Keys: keyIds.map((ID) => ({ ID })) };
}

const descending = (a: TrustSignerJson, b: TrustSignerJson): number =>
  a.Name > b.Name ? -1 : a.Name < b.Name ? 1 : 0;

/** The `docker trust inspect` model of one repository (inspect.go getRepoTrustInfo). */
export function toInspectJson(data: VerifiedRepositoryData, name: string, tag?: string): TrustInspectJson {
  const rows = signedTagRows(allTagSignatures(data, tag));
  const { roles } = data.root.root;
  return {
    Name: name,
    SignedTags: rows.map((row) => ({
      SignedTag: row.tag,
      Digest: row.digest,
      Signers: row.signers.length === 0 ? [REPO_ADMIN] : [...row.signers],
    })),
    Signers: [...delegationSigners(data)].map(([signer, keys]) => toSigner(signer, keys)).sort(descending),
    AdministrativeKeys: [
      toSigner('Root', roles.root.keyIds),
      toSigner('Repository', roles.targets.keyIds),
    ].sort(descending),
  };
}
