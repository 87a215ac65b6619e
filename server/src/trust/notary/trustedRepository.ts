import { TrustError } from '../errors';
import type { TrustErrorCode } from '../errors';
import { allTagSignatures, delegationSigners, RELEASES_ROLE, signedTagRows, toInspectJson } from './inspect';
import type { SignedTagRow, TagSignature } from './inspect';
import type { TrustInspectJson } from './inspect.types';
import { formatPrettyInspect } from './prettyInspect';
import type { VerifiedRepositoryData } from './updateRepository';
import { walkRoles } from './walk';

/** A tag as Docker pulls it: the digest and size from the first role that lists it (notary-v1.md §5.2). */
export interface ResolvedTag {
  readonly tag: string;
  /** Hex sha256 of the manifest, without `sha256:`. */
  readonly digest: string;
  /** Manifest size in bytes. */
  readonly length: number;
  /** `targets/releases` or `targets` for a pullable tag. */
  readonly role: string;
}

/**
 * The verified trust data of one GUN at one moment: immutable plain data plus Docker's answers. Which
 * signers a policy requires is not decided here.
 */
export class TrustedRepository {
  readonly gun: string;
  /** Versions of the base roles that were verified. */
  readonly versions: Readonly<{ root: number; timestamp: number; snapshot: number; targets: number }>;
  /** Delegations skipped because they were expired or under-signed (notary-v1.md §4.2 step 3). */
  readonly skippedRoles: ReadonlyMap<string, TrustErrorCode>;

  constructor(private readonly data: VerifiedRepositoryData) {
    this.gun = data.gun;
    this.versions = Object.freeze({
      root: data.root.root.version,
      timestamp: data.timestamp.version,
      snapshot: data.snapshot.version,
      targets: data.roles.get('targets')?.metadata.version ?? 0,
    });
    this.skippedRoles = new Map(data.skipped.map((role) => [role.name, role.code]));
    Object.freeze(this);
  }

  /**
   * `GetTargetByName(tag, "targets/releases", "targets")`: the releases subtree first, then the rest of
   * the tree from `targets`; the first role listing the tag wins, whatever its name.
   */
  findTag(tag: string): ResolvedTag | undefined {
    for (const [start, skip] of [
      [RELEASES_ROLE, undefined],
      ['targets', RELEASES_ROLE],
    ] as const) {
      for (const role of walkRoles(this.data.roles, { start, target: tag, ...(skip ? { skip } : {}) })) {
        const file = role.metadata.targets.get(tag);
        if (file !== undefined)
          return { tag, digest: file.sha256.toString('hex'), length: file.length, role: role.name };
      }
    }
    return undefined;
  }

  /**
   * What `docker pull` trusts: a hit only counts from `targets/releases` or `targets` (cli/command/image/
   * trust.go). Otherwise TAG_NOT_SIGNED, or PATH_NOT_DELEGATED when a role lists the tag outside the paths
   * its parent delegated to it.
   */
  resolveTag(tag: string): ResolvedTag {
    const hit = this.findTag(tag);
    if (hit !== undefined && (hit.role === RELEASES_ROLE || hit.role === 'targets')) return hit;
    const outsidePaths = [...this.data.roles.values()].some(
      (role) => role.metadata.targets.has(tag) && !role.paths.some((prefix) => tag.startsWith(prefix)),
    );
    const code = outsidePaths ? 'PATH_NOT_DELEGATED' : 'TAG_NOT_SIGNED';
    throw new TrustError(code, `no trust data for ${this.gun}:${tag}`, { details: { gun: this.gun, tag } });
  }

  /** Every role that validly lists `tag` (with its digest), in walk order; for required-signer checks. */
  signaturesOf(tag: string): readonly TagSignature[] {
    return allTagSignatures(this.data, tag);
  }

  /** Signed tags with their signers, as `docker trust inspect` lists them (before "Repo Admin"). */
  signedTags(): readonly SignedTagRow[] {
    return signedTagRows(this.data);
  }

  /** When each verified role's metadata expires (epoch ms): root, timestamp, snapshot, then the targets tree. */
  expiries(): ReadonlyArray<{ readonly role: string; readonly expires: number }> {
    return [
      { role: 'root', expires: this.data.root.root.expires },
      { role: 'timestamp', expires: this.data.timestamp.expires },
      { role: 'snapshot', expires: this.data.snapshot.expires },
      ...[...this.data.roles.values()].map((role) => ({ role: role.name, expires: role.metadata.expires })),
    ];
  }

  /** The `docker trust inspect` JSON model; `name` is the image as typed, `tag` limits the rows. */
  inspect(name: string = this.gun, tag?: string): TrustInspectJson {
    return toInspectJson(this.data, name, tag);
  }

  /** `docker trust inspect --pretty` output for this repository. */
  formatPretty(name: string = this.gun, tag?: string): string {
    const { roles } = this.data.root.root;
    return formatPrettyInspect({
      name,
      rows: signedTagRows(this.data, tag),
      signers: delegationSigners(this.data),
      rootKeyIds: roles.root.keyIds,
      targetsKeyIds: roles.targets.keyIds,
    });
  }
}
