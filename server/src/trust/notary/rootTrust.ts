import { TrustError } from '../errors';
import type { FileStore } from '../io';
import { decodeRoot } from '../tuf/decode';
import { parseEnvelope } from '../tuf/envelope';
import type { RootMetadata } from '../tuf/tuf.types';
import { verifyRoot } from '../tuf/verifyRoot';
import type { NotaryClientConfig } from './config';
import { readDockerPin } from './pinStore';
import type { PinStore } from './pinStore';
import type { RoleSource } from './roleSource';

/** The root we currently trust for a GUN, with its exact bytes (compared against snapshot.meta.root). */
export interface TrustedRoot {
  readonly root: RootMetadata;
  readonly bytes: Uint8Array;
  readonly source: 'cache' | 'docker' | 'first-use';
}

/**
 * Trust on first use (notary-v1.md §4.1): our own pin first, then Docker's pin, else download root.json
 * and pin it. A pinned root is loaded with expiry ignored (a newer root must then chain from it); a pin
 * that does not load fails hard, as in notary's bootstrapClient.
 */
export async function loadTrustedRoot(input: {
  readonly gun: string;
  readonly now: number;
  readonly pins: PinStore;
  readonly dockerTrust?: FileStore;
  readonly source: RoleSource;
  readonly config: NotaryClientConfig;
}): Promise<TrustedRoot> {
  const { gun, now, pins } = input;
  const cached = await pins.readRole(gun, 'root');
  if (cached !== undefined)
    return {
      root: verifyRoot({ bytes: cached, gun, now, final: false }).root,
      bytes: cached,
      source: 'cache',
    };
  const docker = input.dockerTrust ? await readDockerPin(input.dockerTrust, gun) : undefined;
  if (docker !== undefined)
    return {
      root: verifyRoot({ bytes: docker, gun, now, final: false }).root,
      bytes: docker,
      source: 'docker',
    };
  const downloaded = await input.source.fetchByName('root', 'root.json', input.config.rootMaxBytes);
  if (downloaded === undefined) {
    throw new TrustError('NO_TRUST_DATA', `the server has no trust data for ${gun}`, { details: { gun } });
  }
  return {
    root: verifyRoot({ bytes: downloaded, gun, now, final: true }).root,
    bytes: downloaded,
    source: 'first-use',
  };
}

/**
 * Root rotation (notary-v1.md §4.4, §7.2 item 12): every `<v>.root.json` between the trusted version and
 * the candidate's is fetched and must be signed by its predecessor's root threshold and its own, with
 * exactly that version; the candidate is verified last, with expiry. Anything that does not chain is
 * ROOT_ROTATION.
 */
export async function rotateRoot(input: {
  readonly gun: string;
  readonly now: number;
  readonly trusted: TrustedRoot;
  readonly candidate: Uint8Array;
  readonly source: RoleSource;
  readonly config: NotaryClientConfig;
}): Promise<TrustedRoot> {
  const { gun, now, trusted, candidate, config } = input;
  const target = decodeRoot(parseEnvelope(candidate, 'root').signed).version;
  if (target - trusted.root.version > config.maxRootRotations) {
    throw new TrustError('ROOT_ROTATION', `root jumps from version ${trusted.root.version} to ${target}`, {
      details: { gun },
    });
  }
  let current = trusted.root;
  for (let version = trusted.root.version + 1; version < target; version++) {
    const bytes = await input.source.fetchByName('root', `${version}.root.json`, config.rootMaxBytes);
    if (bytes === undefined) {
      throw new TrustError('ROOT_ROTATION', `intermediate root ${version}.root.json is missing`, {
        details: { gun, version },
      });
    }
    current = asRotation(
      () => verifyRoot({ bytes, gun, now, trusted: current, exactVersion: version, final: false }).root,
    );
  }
  const exactVersion = target > trusted.root.version ? { exactVersion: target } : {};
  const root = verifyRoot({
    bytes: candidate,
    gun,
    now,
    trusted: current,
    final: true,
    ...exactVersion,
  }).root;
  return { root, bytes: candidate, source: trusted.source };
}

function asRotation<T>(step: () => T): T {
  try {
    return step();
  } catch (cause) {
    if (cause instanceof TrustError && cause.code === 'ROOT_ROTATION') throw cause;
    throw new TrustError('ROOT_ROTATION', 'an intermediate root does not verify', { cause });
  }
}
