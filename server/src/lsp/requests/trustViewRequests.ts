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
import type { CredentialStore } from '../../trust/credentials/credential';
import type { Environment } from '../../trust/transport/proxy';
import { createEditorCredentials } from '../../trustView/editorCredentials';
import { EngineHolder, type CreateEngine } from '../../trustView/engineHolder';
import { LookupStatus } from '../../trustView/lookupStatus';
import type { SessionCredentials } from '../../trustView/sessionCredentials';
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
  /** The server's credential store, shared with the trust diagnostics; default a store of its own. */
  readonly credentials?: SessionCredentials;
  /** Called after a login or logout (the trust diagnostics are checked again with the new credentials). */
  readonly credentialsChanged?: () => void;
  readonly createEngine?: CreateEngine;
}

/**
 * The Signed Tags view's requests (shared/protocol.ts): adapters from LSP messages to TrustViewService,
 * which knows nothing of the connection.
 */
export function registerTrustViewRequests(connection: Connection, deps: TrustViewRequestDeps): void {
  const env = deps.env ?? process.env;
  const credentials = deps.credentials ?? createEditorCredentials(env, deps.dockerCredentials);
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
    deps.credentialsChanged?.();
  });
  connection.onRequest(RegistryLogoutRequest.type, (params) => {
    if (!credentials.logout(params.host)) return;
    connection.console.log(`registry login removed for ${params.host}`);
    deps.credentialsChanged?.();
  });
}
