import { readFile, rename, writeFile } from 'node:fs/promises';
import { LabError } from './errors';
import type { ProcessRecord } from './processes';
import { isProcessRecord } from './processes';

/** Bumped whenever the shape or the population changes, so an old `.lab/state.json` counts as stale. */
export const LAB_STATE_VERSION = 1;

export interface LabServiceState {
  /** Base URL without trailing slash: `https://127.0.0.1:PORT` / `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** The recorded process (binary + args), so `down` kills only what `up` started. */
  readonly process: ProcessRecord;
  readonly configPath: string;
  readonly pidPath: string;
}

export interface LabRegistryState extends LabServiceState {
  /** `127.0.0.1:PORT`: the host part of image references and GUNs. */
  readonly host: string;
  readonly tls: boolean;
  /** Lab CA that signed the registry cert (TLS only). */
  readonly caPath?: string;
  /** skopeo `--cert-dir` folder with `ca.crt` (TLS only). */
  readonly certDir?: string;
  /** containers-auth.json for skopeo `--authfile` (auth only). */
  readonly authFile?: string;
  readonly credentials?: { readonly user: string; readonly pass: string };
}

export interface LabSigner {
  readonly name: string;
  readonly keyPath: string;
  readonly publicKeyPath: string;
  readonly keyId: string;
}

/** What `docker trust inspect` / a verifying client must conclude for one tag. */
export type LabTagVerdict =
  | 'signed' // registry digest == verified signed digest
  | 'mismatch' // signed, but the registry now serves another manifest for the tag
  | 'not-signed' // the repository has trust data, no valid role lists the tag
  | 'no-trust-data'; // the repository was never signed (root.json 404)

export interface LabTag {
  /** What the registry serves for the tag now; absent for the fake bench targets (not in the registry). */
  readonly registry?: { readonly digest: string; readonly size: number; readonly mediaType: string };
  /** The verified target `notary lookup` returns; absent when there is none. */
  readonly signed?: { readonly digest: string; readonly size: number };
  /** Valid roles whose metadata lists the tag (`targets`, `targets/releases`, `targets/alice`, …). */
  readonly roles: readonly string[];
  /**
   * Roles whose raw JSON lists the tag although they do not verify (ns/revoked: releases lost its only
   * key). The verdict is still `not-signed`: notary says "No valid trust data", docker "No signatures".
   */
  readonly invalidRoles: readonly string[];
  /** `docker trust inspect` SIGNERS: names of targets/<name> roles holding the signed hash; [] = "(Repo Admin)". */
  readonly signers: readonly string[];
  readonly verdict: LabTagVerdict;
}

export interface LabRepository {
  /** Path on the registry: `ns/signed`. */
  readonly name: string;
  /** `127.0.0.1:<port>/ns/signed`: GUN = the fully qualified name (trust-lab.md "Signing exactly like Docker"). */
  readonly gun: string;
  readonly registry: 'http' | 'tls';
  /** False for repositories that were never signed (`notary list` → "does not have trust data"). */
  readonly trustData: boolean;
  /** Delegation roles targets.json lists at the end (with or without keys). */
  readonly delegations: readonly string[];
  readonly tags: Readonly<Record<string, LabTag>>;
  /** Bench repositories: the tags are generated (see `benchTargets`), not listed in `tags`. */
  readonly generated?: {
    readonly count: number;
    readonly roles: readonly string[];
    readonly signers: readonly string[];
  };
  /** How the repository was made, in words (for people reading the state file). */
  readonly story: string;
}

export interface LabState {
  readonly version: typeof LAB_STATE_VERSION;
  readonly createdAt: string;
  /** Absolute lab work folder (`.lab/` by default). */
  readonly dir: string;
  /** The lab CA: it signed the notary-server and the TLS registry certificates. */
  readonly caPath: string;
  readonly notary: LabServiceState & {
    readonly caPath: string;
    /** The notary CLI trust dir holding all keys and cached metadata (`notary -d`). */
    readonly trustDir: string;
    /** Passphrase for every key in the trust dir (NOTARY_*_PASSPHRASE). */
    readonly passphrase: string;
  };
  readonly registries: { readonly http: LabRegistryState; readonly tls: LabRegistryState };
  readonly signers: Readonly<Record<string, LabSigner>>;
  /** Keyed by GUN. */
  readonly repositories: Readonly<Record<string, LabRepository>>;
  /** Which optional bench repositories (tag counts) were populated. */
  readonly benchTags: readonly number[];
}

export async function readLabState(path: string): Promise<LabState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new LabError('LAB_STATE_INVALID', `no lab state at ${path}`, { cause, details: { path } });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new LabError('LAB_STATE_INVALID', `lab state ${path} is not JSON`, { cause, details: { path } });
  }
  if (!isLabState(value)) {
    throw new LabError('LAB_STATE_INVALID', `lab state ${path} has another shape or version`, {
      details: { path },
    });
  }
  return value;
}

/** Written atomically (temp + rename) so a concurrent reader never sees half a file. */
export async function writeLabState(path: string, state: LabState): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temp, path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isService(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.url === 'string' &&
    typeof value.port === 'number' &&
    isProcessRecord(value.process) &&
    typeof value.pidPath === 'string'
  );
}

/** A shallow structural check: the version pins the rest of the shape. */
export function isLabState(value: unknown): value is LabState {
  if (!isRecord(value) || value.version !== LAB_STATE_VERSION) return false;
  if (!isRecord(value.notary) || !isService(value.notary) || typeof value.notary.trustDir !== 'string')
    return false;
  if (!isRecord(value.registries) || !isService(value.registries.http) || !isService(value.registries.tls)) {
    return false;
  }
  return (
    typeof value.dir === 'string' &&
    typeof value.caPath === 'string' &&
    isRecord(value.repositories) &&
    isRecord(value.signers) &&
    Array.isArray(value.benchTags)
  );
}
