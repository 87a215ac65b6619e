import { TrustError } from '../errors';
import type { Clock, FileStore, MetadataFetcher } from '../io';
import { verifyHashes, verifyNotExpired, verifySize } from '../tuf/checks';
import { decodeRoot } from '../tuf/decode';
import { parseEnvelope } from '../tuf/envelope';
import type { SnapshotMetadata, TimestampMetadata } from '../tuf/tuf.types';
import { verifySnapshot, verifyTimestamp } from '../tuf/verifyRole';
import type { NotaryClientConfig } from './config';
import type { PinStore, RoleVersions } from './pinStore';
import { loadTrustedRoot, rotateRoot } from './rootTrust';
import type { TrustedRoot } from './rootTrust';
import { RoleSource } from './roleSource';
import type { RoleBytes } from './roleSource';
import { loadTargetsTree } from './targetsTree';
import type { SkippedRole, VerifiedTargetsRole } from './targetsTree';

/** Everything verified for one GUN in one update. */
export interface VerifiedRepositoryData {
  readonly gun: string;
  readonly root: TrustedRoot;
  readonly timestamp: TimestampMetadata;
  readonly snapshot: SnapshotMetadata;
  readonly roles: ReadonlyMap<string, VerifiedTargetsRole>;
  readonly skipped: readonly SkippedRole[];
}

export interface UpdateDependencies {
  readonly fetcher: MetadataFetcher;
  readonly pins: PinStore;
  readonly clock: Clock;
  readonly config: NotaryClientConfig;
  readonly dockerTrust?: FileStore;
}

interface Attempt {
  readonly timestamp: { readonly metadata: TimestampMetadata; readonly bytes: Uint8Array };
  readonly snapshot: { readonly metadata: SnapshotMetadata } & RoleBytes;
  readonly tree: Awaited<ReturnType<typeof loadTargetsTree>>;
}

/**
 * notary's update (notary-v1.md §4.2): timestamp → snapshot → targets → delegations against the trusted
 * root. If that fails verification, or the snapshot lists a root other than the trusted one, the newest
 * root is fetched, must chain from the trusted root (§4.4), and the update runs once more. Nothing is
 * written to the cache unless the whole update verified.
 */
export async function updateRepository(
  gun: string,
  deps: UpdateDependencies,
  signal?: AbortSignal,
): Promise<VerifiedRepositoryData> {
  const { pins, config } = deps;
  const source = new RoleSource({ gun, fetcher: deps.fetcher, pins, config, ...(signal ? { signal } : {}) });
  const now = deps.clock.now().getTime();
  const versions = await pins.readVersions(gun);
  let trusted = await loadTrustedRoot({
    gun,
    now,
    pins,
    source,
    config,
    ...(deps.dockerTrust ? { dockerTrust: deps.dockerTrust } : {}),
  });
  const initialRoot = trusted;
  for (let round = 0; ; round++) {
    let attempt: Attempt;
    try {
      attempt = await attemptUpdate({ trusted, versions, now, source, config, signal });
    } catch (error) {
      // §4.2: on a verification failure, look for a newer root and retry once.
      if (round > 0 || !(error instanceof TrustError) || error.kind !== 'verification') throw error;
      const candidate = await source.fetchByName('root', 'root.json', config.rootMaxBytes);
      // Same or older root on the server: there is nothing to rotate to, so the original failure stands.
      if (candidate === undefined || !differentNotOlder(candidate, trusted)) throw error;
      trusted = await rotateRoot({ gun, now, trusted, candidate, source, config });
      continue;
    }
    const rootMeta = attempt.snapshot.metadata.meta.get('root');
    if (rootMeta !== undefined && listsRoot(trusted.bytes, rootMeta)) {
      verifyNotExpired('root', trusted.root.expires, now);
      const data = {
        gun,
        root: trusted,
        timestamp: attempt.timestamp.metadata,
        snapshot: attempt.snapshot.metadata,
        ...attempt.tree,
      };
      await persist(pins, data, attempt, trusted !== initialRoot || trusted.source !== 'cache');
      return data;
    }
    if (round > 0 || rootMeta === undefined) {
      throw new TrustError('HASH_MISMATCH', 'snapshot.json lists a root other than the verified one', {
        details: { role: 'root' },
      });
    }
    // The snapshot names a newer root: fetch it by checksum (§4.4) and retry with it.
    const candidate = await source.byMeta('root', rootMeta);
    trusted = await rotateRoot({ gun, now, trusted, candidate: candidate.bytes, source, config });
  }
}

function differentNotOlder(candidate: Uint8Array, trusted: TrustedRoot): boolean {
  if (Buffer.from(candidate).equals(Buffer.from(trusted.bytes))) return false;
  // The version is read before the candidate is trusted only to pick the path; rotateRoot verifies it.
  // An unreadable candidate is no reason to rotate: the original failure is the better report.
  try {
    return decodeRoot(parseEnvelope(candidate, 'root').signed).version >= trusted.root.version;
  } catch {
    return false;
  }
}

function listsRoot(bytes: Uint8Array, meta: Parameters<typeof verifyHashes>[2]): boolean {
  try {
    verifySize('root', bytes, { maxBytes: Number.MAX_SAFE_INTEGER, exactLength: meta.length });
    verifyHashes('root', bytes, meta);
    return true;
  } catch {
    return false;
  }
}

async function attemptUpdate(input: {
  readonly trusted: TrustedRoot;
  readonly versions: RoleVersions;
  readonly now: number;
  readonly source: RoleSource;
  readonly config: NotaryClientConfig;
  readonly signal: AbortSignal | undefined;
}): Promise<Attempt> {
  const { trusted, versions, now, source, config } = input;
  const { root } = trusted;
  const min = (role: string): { minVersion?: number } =>
    versions[role] === undefined ? {} : { minVersion: versions[role] };
  // §4.2 step 1: timestamp is always fetched, never by checksum.
  const timestampBytes = await source.fetchByName('timestamp', 'timestamp.json', config.timestampMaxBytes);
  if (timestampBytes === undefined)
    throw new TrustError('MISSING_ROLE', 'the server has no timestamp.json', {
      details: { role: 'timestamp' },
    });
  const common = { maxBytes: config.timestampMaxBytes, keys: root.keys, now };
  const timestamp = verifyTimestamp(timestampBytes, {
    ...common,
    role: 'timestamp',
    roleKeys: root.roles.timestamp,
    ...min('timestamp'),
  });
  // §4.2 step 2: snapshot by the hashes in timestamp (cache first).
  const snapshotBytes = await source.byMeta('snapshot', timestamp.snapshot);
  const snapshot = verifySnapshot(snapshotBytes.bytes, {
    ...common,
    role: 'snapshot',
    meta: timestamp.snapshot,
    maxBytes: config.metadataMaxBytes,
    roleKeys: root.roles.snapshot,
    ...min('snapshot'),
  });
  // §4.2 step 3: targets and delegations, one parallel wave per depth.
  const tree = await loadTargetsTree({
    snapshot,
    targetsKeys: root.roles.targets,
    rootKeys: root.keys,
    minVersions: versions,
    now,
    source,
    config,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  return {
    timestamp: { metadata: timestamp, bytes: timestampBytes },
    snapshot: { metadata: snapshot, ...snapshotBytes },
    tree,
  };
}

async function persist(
  pins: PinStore,
  data: VerifiedRepositoryData,
  attempt: Attempt,
  rootChanged: boolean,
): Promise<void> {
  const { gun } = data;
  if (rootChanged) await pins.writeRole(gun, 'root', data.root.bytes);
  await pins.writeRole(gun, 'timestamp', attempt.timestamp.bytes);
  if (!attempt.snapshot.fromCache) await pins.writeRole(gun, 'snapshot', attempt.snapshot.bytes);
  const versions: Record<string, number> = {
    root: data.root.root.version,
    timestamp: data.timestamp.version,
    snapshot: data.snapshot.version,
  };
  for (const role of data.roles.values()) {
    if (!role.fromCache) await pins.writeRole(gun, role.name, role.bytes);
    versions[role.name] = role.metadata.version;
  }
  // Skipped roles carry no version: nothing about them is trusted, their bytes only spare a download.
  for (const role of data.skipped) {
    if (role.bytes !== undefined && role.fromCache === false)
      await pins.writeRole(gun, role.name, role.bytes);
  }
  await pins.writeVersions(gun, { ...(await pins.readVersions(gun)), ...versions });
}
