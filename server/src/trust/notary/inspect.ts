import type { TrustSignerJson, TrustInspectJson } from './inspect.types';
import { isAscii, naturalCompare, naturalCompareAscii } from './naturalOrder';
import type { TargetFile } from '../tuf/tuf.types';
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

/**
 * Calls `visit` for every (role, tag) in the whole tree, walk order, limited to what each role's paths
 * allow, in the roles `roleFilter` accepts.
 */
function eachTagSignature(
  data: VerifiedRepositoryData,
  tag: string | undefined,
  roleFilter: (role: string) => boolean,
  visit: (role: string, name: string, file: TargetFile) => void,
): void {
  for (const role of walkRoles(data.roles, {
    start: 'targets',
    ...(tag === undefined ? {} : { target: tag }),
  })) {
    if (!roleFilter(role.name)) continue;
    for (const [name, file] of role.metadata.targets) {
      if ((tag !== undefined && name !== tag) || !role.paths.some((prefix) => name.startsWith(prefix)))
        continue;
      visit(role.name, name, file);
    }
  }
}

const anyRole = (): boolean => true;
const notReleasedRole = (role: string): boolean => !isReleasedRole(role);

/** Every (role, tag) in the whole tree, walk order, limited to what each role's paths allow. */
export function allTagSignatures(data: VerifiedRepositoryData, tag?: string): TagSignature[] {
  const found: TagSignature[] = [];
  eachTagSignature(data, tag, anyRole, (role, name, file) => {
    found.push({ tag: name, role, digest: file.sha256.toString('hex'), length: file.length });
  });
  return found;
}

interface MutableRow {
  readonly tag: string;
  readonly digest: string;
  readonly sha256: Buffer;
  readonly signers: string[];
}

/**
 * `matchReleasedSignatures` (common.go:142): rows for tags in targets or targets/releases, natural
 * order; the signers of a row are the other roles listing the same tag with the same digest. Reads the
 * tree directly rather than through allTagSignatures (10,000 tags: 20,000 objects and hex digests
 * fewer); the order of both passes is the walk order, as there.
 */
export function signedTagRows(data: VerifiedRepositoryData, tag?: string): SignedTagRow[] {
  return matchedRows(data, tag).map(({ tag: name, digest, signers }) => ({ tag: name, digest, signers }));
}

/** signedTagRows with each row's raw digest still attached (toInspectJson needs no copy). */
function matchedRows(data: VerifiedRepositoryData, tag: string | undefined): MutableRow[] {
  // tag → its rows (one per released digest; nearly always one), so no tag+digest key string per entry.
  const byTag = new Map<string, MutableRow[]>();
  eachTagSignature(data, tag, isReleasedRole, (_role, name, file) => {
    const rows = byTag.get(name);
    if (rows !== undefined && rows.some((row) => row.sha256.equals(file.sha256))) return;
    const row = { tag: name, digest: file.sha256.toString('hex'), sha256: file.sha256, signers: [] };
    if (rows === undefined) byTag.set(name, [row]);
    else rows.push(row);
  });
  eachTagSignature(data, tag, notReleasedRole, (role, name, file) => {
    byTag
      .get(name)
      ?.find((row) => row.sha256.equals(file.sha256))
      ?.signers.push(signerName(role));
  });
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
  const rows = matchedRows(data, tag);
  const { roles } = data.root.root;
  return {
    Name: name,
    SignedTags: rows.map((row) => ({
      SignedTag: row.tag,
      Digest: row.digest,
      Signers: row.signers.length === 0 ? [REPO_ADMIN] : row.signers,
    })),
    Signers: [...delegationSigners(data)].map(([signer, keys]) => toSigner(signer, keys)).sort(descending),
    AdministrativeKeys: [
      toSigner('Root', roles.root.keyIds),
      toSigner('Repository', roles.targets.keyIds),
    ].sort(descending),
  };
}
