import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Connection } from 'vscode-languageserver/node';
import {
  InspectRequest,
  LookupStatusNotification,
  RegistryLoginRequest,
  RegistryLogoutRequest,
  RepositoriesRequest,
  SignedTagsRequest,
} from '../../../../shared/protocol';
import type { ImageTrustSettings } from '../../../../shared/settings';
import { createDockerCredentialStore, dockerConfigDir } from '../../trust/credentials/dockerCredentialStore';
import { createProcessRunner } from '../../trust/credentials/processRunner';
import type { CredentialStore } from '../../trust/credentials/credential';
import type { Environment } from '../../trust/transport/proxy';
import { EngineHolder, type CreateEngine } from '../../trustView/engineHolder';
import { LookupStatus } from '../../trustView/lookupStatus';
import { SessionCredentials } from '../../trustView/sessionCredentials';
import { TrustViewService } from '../../trustView/trustViewService';
import { workspaceRepositories } from '../../trustView/workspaceRepositories';
import type { YamlFile } from '../../yaml/yamlFile';

export interface TrustViewRequestDeps {
  readonly settings: () => Promise<ImageTrustSettings>;
  readonly folders: () => readonly string[];
  readonly openFiles: () => readonly YamlFile[];
  readonly env?: Environment;
  /** Docker's credentials, consulted after the ones entered in the editor. */
  readonly dockerCredentials?: CredentialStore;
  readonly createEngine?: CreateEngine;
}

/**
 * The Signed Tags view's requests (shared/protocol.ts): adapters from LSP messages to TrustViewService,
 * which knows nothing of the connection.
 */
export function registerTrustViewRequests(connection: Connection, deps: TrustViewRequestDeps): void {
  const env = deps.env ?? process.env;
  const credentials = new SessionCredentials(deps.dockerCredentials ?? dockerCredentials(env));
  const engines = new EngineHolder(env, credentials, deps.createEngine);
  const status = new LookupStatus((params) => {
    void connection.sendNotification(LookupStatusNotification.type, params);
  });
  const service = new TrustViewService(engines, status);

  connection.onRequest(RepositoriesRequest.type, async () => ({
    repositories: await workspaceRepositories(deps.folders(), deps.openFiles()),
  }));
  connection.onRequest(SignedTagsRequest.type, async (params) =>
    service.signedTags(params.repository, await deps.settings()),
  );
  connection.onRequest(InspectRequest.type, async (params) =>
    service.inspect(params.image, params.format, await deps.settings()),
  );
  connection.onRequest(RegistryLoginRequest.type, (params) => {
    credentials.login(params);
    // Host only: the username and secret stay out of the log.
    connection.console.log(`registry login stored for ${params.host}`);
  });
  connection.onRequest(RegistryLogoutRequest.type, (params) => {
    if (credentials.logout(params.host)) connection.console.log(`registry login removed for ${params.host}`);
  });
}

function dockerCredentials(env: Environment): CredentialStore {
  return createDockerCredentialStore({
    configDir: dockerConfigDir(env, homedir()),
    readFile: (path) => readFile(path),
    runProcess: createProcessRunner(env),
    // Requests are refused before any lookup in an untrusted workspace, so helpers never run there.
    credentialHelpers: 'enabled',
    helperTimeoutMs: 10_000,
  });
}
