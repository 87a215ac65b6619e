import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

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
 * Sent from the client to the server to re-read every workspace YAML file into the policy index and
 * re-check the open documents. The trust issue will extend it to drop cached trust data.
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
