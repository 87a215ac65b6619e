import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type {
  InspectParams,
  InspectResult,
  LookupStatusParams,
  RegistryLoginParams,
  RegistryLogoutParams,
  RepositoriesResult,
  SignedTagsParams,
  SignedTagsResult,
} from './trustView';

/**
 * Custom messages between the VS Code client and the language server, each declared once with a literal
 * method name `imageTrust/<verb>` and a typed `type` (vscode-eslint `$shared/customMessages.ts`).
 * Plain `const` objects rather than namespaces, which the lint rules forbid.
 */

export interface RefreshResult {
  /** YAML files read into the workspace index. */
  readonly indexedFiles: number;
}

/**
 * Sent from the client to the server to drop every cached trust answer (and the session's first-use
 * root pins), re-read every workspace YAML file into the policy index and re-check the open documents.
 */
export const RefreshRequest = {
  method: 'imageTrust/refresh',
  type: new RequestType0<RefreshResult, void>('imageTrust/refresh'),
} as const;

export interface WorkspaceIndexedParams {
  readonly indexedFiles: number;
  /** Files not read: over the size cap or unreadable. */
  readonly skippedFiles: number;
}

/**
 * Sent from the server to the client when a workspace indexing pass has finished (after `initialized`,
 * after a refresh). Clients and tests wait on it instead of sleeping.
 */
export const WorkspaceIndexedNotification = {
  method: 'imageTrust/workspaceIndexed',
  type: new NotificationType<WorkspaceIndexedParams>('imageTrust/workspaceIndexed'),
} as const;

// --- The Signed Tags view and inspect documents (data types in shared/trustView.ts) ---

/**
 * Sent from the client to the server to list every repository named by a workload image or a policy
 * entry (without wildcards) in the workspace's YAML files. Reads files only, never the network.
 */
export const RepositoriesRequest = {
  method: 'imageTrust/repositories',
  type: new RequestType0<RepositoriesResult, void>('imageTrust/repositories'),
} as const;

/**
 * Sent from the client when a repository node of the Signed Tags view expands: the server verifies the
 * repository's Notary data and asks the registry for its tags and digests. Answers `failed` with the
 * reason (never an error response) when it cannot, and fetches nothing in an untrusted workspace.
 */
export const SignedTagsRequest = {
  method: 'imageTrust/signedTags',
  type: new RequestType<SignedTagsParams, SignedTagsResult, void>('imageTrust/signedTags'),
} as const;

/**
 * Sent from the client to render `docker trust inspect` (`--pretty` or JSON, notary-v1.md §5.3–5.4) for
 * a repository or image into the read-only `image-trust-inspect:` document.
 */
export const InspectRequest = {
  method: 'imageTrust/inspect',
  type: new RequestType<InspectParams, InspectResult, void>('imageTrust/inspect'),
} as const;

/**
 * Sent from the client after "Log in to registry" (and on start for stored logins): the server uses the
 * credential for that registry host only, before Docker's config. The secret is never logged.
 */
export const RegistryLoginRequest = {
  method: 'imageTrust/registryLogin',
  type: new RequestType<RegistryLoginParams, void, void>('imageTrust/registryLogin'),
} as const;

/** Sent from the client after "Log out": the server forgets the host's credential and cached tokens. */
export const RegistryLogoutRequest = {
  method: 'imageTrust/registryLogout',
  type: new RequestType<RegistryLogoutParams, void, void>('imageTrust/registryLogout'),
} as const;

/** Sent from the server whenever the Signed Tags lookups start or finish: the status bar shows it. */
export const LookupStatusNotification = {
  method: 'imageTrust/lookupStatus',
  type: new NotificationType<LookupStatusParams>('imageTrust/lookupStatus'),
} as const;
