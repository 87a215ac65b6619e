import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makeCa, makeLeaf } from './certs';
import { LabError } from './errors';
import { NotaryCli } from './notaryCli';
import { startNotaryServer } from './notaryServer';
import { labPaths } from './paths';
import { populateBench, populateLab } from './populate';
import type { StepReporter } from './populate';
import type { PopulateContext } from './populateContext';
import { isRunning, readProcessRecord, removeProcessRecord, stopProcess } from './processes';
import type { RegistryHandle } from './registry';
import { startRegistry } from './registry';
import type { ServiceHandle } from './service';
import { makeSignerKey } from './signerKeys';
import { skopeoTarget } from './skopeo';
import type { LabRegistryState, LabServiceState, LabState } from './state';
import { LAB_STATE_VERSION, readLabState, writeLabState } from './state';

export interface UpOptions {
  readonly dir: string;
  /** Optional bench repositories by tag count, e.g. [1000] or [1000, 10000]. Off by default (slow). */
  readonly bench?: readonly number[];
  /** Receives each population step's wall time (the CLI prints them with --verbose). */
  readonly report?: StepReporter;
}

/**
 * Starts a fresh lab in `dir` (stopping whatever a previous `up` there started), populates it and
 * writes `state.json`. Everything but the `lock` entry is recreated: keys, certificates and metadata
 * are new on every run; image digests are not (deterministic images).
 */
export async function labUp(options: UpOptions): Promise<LabState> {
  const paths = labPaths(options.dir);
  await labDown(options.dir);
  await mkdir(paths.dir, { recursive: true });
  for (const entry of await readdir(paths.dir)) {
    if (entry !== 'lock') await rm(join(paths.dir, entry), { recursive: true, force: true });
  }
  const ca = await makeCa(join(paths.tls, 'ca'));
  const [notaryLeaf, registryLeaf] = await Promise.all([
    makeLeaf(ca, paths.tls, 'notary-server'),
    makeLeaf(ca, paths.tls, 'registry-tls'),
  ]);
  const credentials = { user: 'labuser', pass: randomBytes(12).toString('hex') };
  const started: ServiceHandle[] = [];
  const track = <T extends ServiceHandle>(handle: T): T => (started.push(handle), handle);
  try {
    const [notary, http, tls] = await Promise.all([
      startNotaryServer({ dir: paths.dir, tls: true, certs: { ca, leaf: notaryLeaf } }).then(track),
      startRegistry({ dir: paths.dir }).then(track),
      startRegistry({
        dir: paths.dir,
        tls: true,
        certs: { ca, leaf: registryLeaf },
        htpasswd: credentials,
      }).then(track),
    ]);
    const [alice, bob] = await Promise.all([
      makeSignerKey(paths.keys, 'alice'),
      makeSignerKey(paths.keys, 'bob'),
    ]);
    const passphrase = randomBytes(12).toString('hex');
    const httpTarget = await skopeoTarget(paths.skopeo, { url: http.url, host: http.host });
    const tlsTarget = await skopeoTarget(paths.skopeo, {
      url: tls.url,
      host: tls.host,
      caPath: ca.certPath,
      credentials,
    });
    const empty: LabState = {
      version: LAB_STATE_VERSION,
      createdAt: new Date().toISOString(),
      dir: paths.dir,
      caPath: ca.certPath,
      notary: { ...serviceState(notary), caPath: ca.certPath, trustDir: paths.trust, passphrase },
      registries: { http: registryState(http, httpTarget), tls: registryState(tls, tlsTarget) },
      signers: { alice, bob },
      repositories: {},
      benchTags: [],
    };
    const ctx = contextFromState(empty);
    const repositories = await populateLab(ctx, options.report);
    for (const count of options.bench ?? []) repositories.push(await populateBench(ctx, count));
    const state: LabState = {
      ...empty,
      repositories: Object.fromEntries(repositories.map((repo) => [repo.gun, repo])),
      benchTags: [...(options.bench ?? [])],
    };
    await writeLabState(paths.state, state);
    return state;
  } catch (error) {
    await Promise.all(started.map((handle) => handle.stop()));
    throw error;
  }
}

function serviceState(handle: ServiceHandle): LabServiceState {
  return {
    url: handle.url,
    port: handle.port,
    process: handle.record,
    configPath: handle.configPath,
    pidPath: handle.pidPath,
  };
}

function registryState(
  handle: RegistryHandle,
  target: { certDir?: string; authFile?: string; caPath?: string },
): LabRegistryState {
  return {
    ...serviceState(handle),
    host: handle.host,
    tls: handle.certs !== undefined,
    caPath: target.caPath,
    certDir: target.certDir,
    authFile: target.authFile,
    credentials: handle.credentials,
  };
}

/** The population context of a lab (to add bench repositories to a running one later). */
export function contextFromState(state: LabState): PopulateContext {
  const { alice, bob } = state.signers;
  if (alice === undefined || bob === undefined) {
    throw new LabError('LAB_STATE_INVALID', 'the lab state has no alice/bob signer keys', {
      details: { dir: state.dir },
    });
  }
  const { trustDir, url, caPath, passphrase } = state.notary;
  return {
    notary: new NotaryCli({ trustDir, serverUrl: url, caPath, passphrase }),
    registries: state.registries,
    signers: { alice, bob },
    imagesDir: labPaths(state.dir).images,
  };
}

/** Adds `bench/tags-<count>` to a running lab (no-op when present) and rewrites the state file. */
export async function labAddBench(state: LabState, count: number): Promise<LabState> {
  if (state.benchTags.includes(count)) return state;
  const repo = await populateBench(contextFromState(state), count);
  const next: LabState = {
    ...state,
    repositories: { ...state.repositories, [repo.gun]: repo },
    benchTags: [...state.benchTags, count],
  };
  await writeLabState(labPaths(state.dir).state, next);
  return next;
}

/** Stops exactly the processes recorded in `dir/pids` (cmdline-checked) and removes the state file. */
export async function labDown(dir: string): Promise<string[]> {
  const paths = labPaths(dir);
  const stopped: string[] = [];
  const entries = await readdir(paths.pids).catch(() => []);
  await Promise.all(
    entries
      .filter((entry) => entry.endsWith('.json'))
      .map(async (entry) => {
        const pidPath = join(paths.pids, entry);
        const record = await readProcessRecord(pidPath);
        if (record === undefined) return;
        if (await isRunning(record)) {
          await stopProcess(record);
          stopped.push(`${record.name} (pid ${record.pid})`);
        }
        await removeProcessRecord(pidPath);
      }),
  );
  await rm(paths.state, { force: true });
  return stopped;
}

export interface LabStatus {
  readonly state: LabState;
  readonly running: { readonly notary: boolean; readonly http: boolean; readonly tls: boolean };
}

/** Reads the state and checks each recorded process; throws LAB_STATE_INVALID when there is no lab. */
export async function labStatus(dir: string): Promise<LabStatus> {
  const state = await readLabState(labPaths(dir).state);
  const [notary, http, tls] = await Promise.all([
    isRunning(state.notary.process),
    isRunning(state.registries.http.process),
    isRunning(state.registries.tls.process),
  ]);
  return { state, running: { notary, http, tls } };
}
