/**
 * The trust lab for tests: real notary-server, docker-registry (HTTP and TLS+Basic auth), notary CLI and
 * skopeo on 127.0.0.1 (scripts/lab, trust-lab.md). `useLab()` reuses a running lab (`.lab/state.json`,
 * or $IMAGE_TRUST_LAB_DIR) and starts one only when there is none or its processes are dead; a lock
 * keeps parallel test files from starting it twice. Starting takes ~15 s: give such tests a timeout.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { benchTargets } from '../../scripts/lab/bench';
import { makeLeaf } from '../../scripts/lab/certs';
import { labAddBench, labStatus, labUp, contextFromState } from '../../scripts/lab/lab';
import { LabError } from '../../scripts/lab/errors';
import { withLabLock } from '../../scripts/lab/lock';
import { NotaryCli } from '../../scripts/lab/notaryCli';
import { startNotaryServer } from '../../scripts/lab/notaryServer';
import type { NotaryServerHandle } from '../../scripts/lab/notaryServer';
import { defaultLabDir } from '../../scripts/lab/paths';
import { probeStatus } from '../../scripts/lab/readiness';
import { replaySigned } from '../../scripts/lab/replay';
import type { LabRegistryState, LabRepository, LabState, LabTag } from '../../scripts/lab/state';

export type {
  LabRegistryState,
  LabRepository,
  LabState,
  LabTag,
  LabTagVerdict,
} from '../../scripts/lab/state';
export { benchTarget, benchTargets, benchRepoName } from '../../scripts/lab/bench';
export { MANIFEST_ACCEPT } from '../../scripts/lab/registryHttp';

export interface UseLabOptions {
  /** Bench repositories the test needs (`bench/tags-<count>`), added to the running lab if missing. */
  readonly bench?: readonly number[];
}

let current: Promise<LabState> | undefined;

/** The running lab's state, starting (or adding bench repositories to) the lab when needed. */
export function useLab(options: UseLabOptions = {}): Promise<LabState> {
  const dir = defaultLabDir();
  const base = current ?? ensureLab(dir);
  const next = base.then((state) => ensureBench(dir, state, options.bench ?? []));
  current = next.catch(() => ensureLab(dir)); // a failed call does not poison later ones
  return next;
}

async function liveState(dir: string): Promise<LabState | undefined> {
  try {
    const { state, running } = await labStatus(dir);
    if (!running.notary || !running.http || !running.tls) return undefined;
    const ca = await readFile(state.notary.caPath, 'utf8');
    return (await probeStatus(`${state.notary.url}/_notary_server/health`, ca)) === 200 ? state : undefined;
  } catch (error) {
    if (error instanceof LabError && error.code === 'LAB_STATE_INVALID') return undefined;
    throw error;
  }
}

async function ensureLab(dir: string): Promise<LabState> {
  return (await liveState(dir)) ?? withLabLock(dir, async () => (await liveState(dir)) ?? labUp({ dir }));
}

async function ensureBench(dir: string, state: LabState, counts: readonly number[]): Promise<LabState> {
  const missing = counts.filter((count) => !state.benchTags.includes(count));
  if (missing.length === 0) return state;
  return withLabLock(dir, async () => {
    let latest = (await liveState(dir)) ?? state;
    for (const count of missing) latest = await labAddBench(latest, count);
    return latest;
  });
}

/** The repository `name` (e.g. `ns/signed`) on the lab's `http` or `tls` registry. */
export function labRepository(lab: LabState, name: string, registry: 'http' | 'tls' = 'http'): LabRepository {
  const repo = lab.repositories[`${lab.registries[registry].host}/${name}`];
  if (repo === undefined) {
    throw new LabError('LAB_STATE_INVALID', `the lab has no ${registry} repository ${name}`, {
      details: { name },
    });
  }
  return repo;
}

export function labRegistry(lab: LabState, repo: LabRepository): LabRegistryState {
  return lab.registries[repo.registry];
}

/** `host:port` → lab CA path for every TLS endpoint (notary-server, TLS registry): a transport's `caFiles`. */
export function labCaFiles(lab: LabState): Record<string, string> {
  return { [new URL(lab.notary.url).host]: lab.notary.caPath, [lab.registries.tls.host]: lab.caPath };
}

/** The TLS registry's Basic credentials by registry host (the HTTP registry has none). */
export function labBasicCredentials(
  lab: LabState,
): Record<string, { readonly user: string; readonly pass: string }> {
  const { host, credentials } = lab.registries.tls;
  return credentials === undefined ? {} : { [host]: credentials };
}

/** Every tag of a repository with its expected facts, expanding bench repositories' generated tags. */
export function expectedTags(repo: LabRepository): Record<string, LabTag> {
  if (repo.generated === undefined) return { ...repo.tags };
  const { count, roles, signers } = repo.generated;
  return Object.fromEntries(
    benchTargets(count).map((target): [string, LabTag] => [
      target.tag,
      {
        signed: { digest: target.digest, size: target.size },
        roles,
        invalidRoles: [],
        signers,
        verdict: 'signed',
      },
    ]),
  );
}

/** The notary CLI on the lab's trust dir (keys, passphrase); pass `trustDir` for a fresh, empty cache. */
export function labNotaryCli(lab: LabState, trustDir?: string, serverUrl?: string): NotaryCli {
  return new NotaryCli({
    trustDir: trustDir ?? lab.notary.trustDir,
    serverUrl: serverUrl ?? lab.notary.url,
    caPath: lab.notary.caPath,
    passphrase: lab.notary.passphrase,
  });
}

/** A notary-server of the test's own, which it may stop and start without disturbing other tests. */
export interface OwnNotary {
  readonly url: string;
  readonly port: number;
  /** The lab CA (it signed this server's certificate too). */
  readonly caPath: string;
  readonly guns: readonly string[];
  /** Kills this server: connections to `url` are refused until `start()`. */
  stop(): Promise<void>;
  /**
   * Restarts on the same port. Storage is in memory, so the server comes back empty and the
   * repositories are signed again: same targets, digests and root key, but new certificates and
   * targets/snapshot/timestamp keys (a client that pinned the old root sees a different root).
   */
  start(): Promise<void>;
  isRunning(): Promise<boolean>;
}

let ownCount = 0;

/**
 * Starts another notary-server (TLS, lab CA) on a free port and signs the given lab repositories on it
 * again (valid facts only — see replaySigned). For "notary-server stopped mid-session" tests.
 */
export async function startOwnNotary(lab: LabState, guns: readonly string[]): Promise<OwnNotary> {
  const name = `notary-own-${process.pid}-${++ownCount}`;
  const ca = { certPath: lab.caPath, keyPath: lab.caPath.replace(/\.crt$/, '.key') };
  const leaf = await makeLeaf(ca, join(lab.dir, 'tls', 'own'), name);
  const trustDir = join(lab.dir, 'own', name, 'trust');
  const repos = guns.map((gun) => {
    const repo = lab.repositories[gun];
    if (repo === undefined)
      throw new LabError('LAB_STATE_INVALID', `no lab repository ${gun}`, { details: { gun } });
    return repo;
  });
  const keys = labNotaryCli(lab, trustDir);
  for (const signer of Object.values(lab.signers)) await keys.importKey(signer.keyPath, signer.name);
  let handle: NotaryServerHandle | undefined;
  const boot = async (port?: number): Promise<NotaryServerHandle> => {
    const started = await startNotaryServer({ dir: lab.dir, tls: true, certs: { ca, leaf }, name, port });
    await rm(join(trustDir, 'tuf'), { recursive: true, force: true });
    const notary = labNotaryCli(lab, trustDir, started.url);
    const ctx = contextFromState(lab);
    for (const repo of repos) await replaySigned(ctx, notary, repo);
    return started;
  };
  handle = await boot();
  const { url, port } = handle;
  return {
    url,
    port,
    caPath: lab.caPath,
    guns,
    stop: async () => handle?.stop(),
    start: async () => {
      if (handle !== undefined && (await handle.isRunning())) return;
      handle = await boot(port);
    },
    isRunning: async () => (handle === undefined ? false : handle.isRunning()),
  };
}
