import { join } from 'node:path';
import type { Environment } from '../transport/proxy';
import type { ReadFile } from '../transport/dispatchers';
import type { Credential, CredentialStore } from './credential';
import { getFromCredentialHelper } from './credentialHelper';
import { EMPTY_DOCKER_CONFIG, parseDockerConfig, type DockerConfig } from './dockerConfig';
import { DOCKER_HUB_INDEX_SERVER, convertToHostname, isDockerHub } from './dockerHub';
import type { ProcessRunner } from './processRunner';

export interface DockerCredentialStoreOptions {
  /** The folder holding `config.json`; see `dockerConfigDir`. */
  readonly configDir: string;
  readonly readFile: ReadFile;
  readonly runProcess: ProcessRunner;
  /** 'disabled' never spawns `docker-credential-*` (untrusted workspaces); only `auths` is read. */
  readonly credentialHelpers: 'enabled' | 'disabled';
  readonly helperTimeoutMs: number;
}

/** Docker's config folder: `$DOCKER_CONFIG`, else `~/.docker` (docker/cli `config.Dir`). */
export function dockerConfigDir(env: Environment, homeDir: string): string {
  const fromEnv = env.DOCKER_CONFIG?.trim();
  return fromEnv ? fromEnv : join(homeDir, '.docker');
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'ENOENT';
}

/** Docker's key for a registry: Hub's aliases all become `https://index.docker.io/v1/`. */
function configKeyFor(registryHost: string): string {
  return isDockerHub(registryHost) ? DOCKER_HUB_INDEX_SERVER : registryHost.toLowerCase();
}

/** A key of `auths`/`credHelpers` matches when equal, or when its hostname equals (docker `fileStore.Get`). */
function keyMatches(key: string, configKey: string): boolean {
  if (key === configKey) return true;
  // Hub: Docker matches only the exact index key; we also accept the other Hub spellings, because
  // `docker.io` / `index.docker.io` keys are common in hand-written secrets (portieris.md §3.2 item 3).
  if (configKey === DOCKER_HUB_INDEX_SERVER) return isDockerHub(key);
  return convertToHostname(key) === configKey;
}

function findEntry<T>(entries: Readonly<Record<string, T>>, configKey: string): T | undefined {
  const exact = entries[configKey];
  if (exact !== undefined) return exact;
  for (const [key, value] of Object.entries(entries)) if (keyMatches(key, configKey)) return value;
  return undefined;
}

/**
 * Credentials the way the Docker CLI finds them (docker/cli `configfile.GetAuthConfig`): a `credHelpers`
 * entry for the registry, else `credsStore`, else `auths`. A helper's answer is final, as in Docker.
 * Results are remembered for the store's lifetime, so a helper runs at most once per registry.
 */
export function createDockerCredentialStore(options: DockerCredentialStoreOptions): CredentialStore {
  const configPath = join(options.configDir, 'config.json');
  let config: Promise<DockerConfig> | undefined;
  const answers = new Map<string, Promise<Credential | undefined>>();

  function loadConfig(): Promise<DockerConfig> {
    config ??= options.readFile(configPath).then(
      (bytes) => parseDockerConfig(bytes, configPath),
      (error: unknown) => {
        if (isMissingFile(error)) return EMPTY_DOCKER_CONFIG;
        throw error;
      },
    );
    return config;
  }

  async function lookUp(configKey: string): Promise<Credential | undefined> {
    const loaded = await loadConfig();
    const helper = findEntry(loaded.credHelpers, configKey) ?? loaded.credsStore;
    if (helper !== undefined && options.credentialHelpers === 'enabled') {
      return getFromCredentialHelper(options.runProcess, helper, configKey, options.helperTimeoutMs);
    }
    return findEntry(loaded.auths, configKey);
  }

  return {
    get(registryHost) {
      const configKey = configKeyFor(registryHost);
      let answer = answers.get(configKey);
      if (!answer) {
        answer = lookUp(configKey);
        answer.catch(() => answers.delete(configKey));
        answers.set(configKey, answer);
      }
      return answer;
    },
  };
}
