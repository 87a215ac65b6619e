import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { CredentialStore } from '../trust/credentials/credential';
import { createDockerCredentialStore, dockerConfigDir } from '../trust/credentials/dockerCredentialStore';
import { createProcessRunner } from '../trust/credentials/processRunner';
import type { Environment } from '../trust/transport/proxy';
import { SessionCredentials } from './sessionCredentials';

/**
 * The server's one credential store: logins made in the editor, then Docker's config. Shared by the
 * Signed Tags view and the trust diagnostics, so a login serves both (engineFactory.ts).
 */
export function createEditorCredentials(env: Environment, docker?: CredentialStore): SessionCredentials {
  return docker
    ? new SessionCredentials(docker)
    : new SessionCredentials(dockerCredentials(env), () => dockerCredentials(env));
}

function dockerCredentials(env: Environment): CredentialStore {
  return createDockerCredentialStore({
    configDir: dockerConfigDir(env, homedir()),
    readFile: (path) => readFile(path),
    runProcess: createProcessRunner(env),
    // Nothing is looked up in an untrusted workspace (both users check before any lookup, and
    // engineFactory.ts leaves this store out there), so helpers never run there.
    credentialHelpers: 'enabled',
    helperTimeoutMs: 10_000,
  });
}
