/**
 * Settings shared by the VS Code client, the language server and the CLI. Declared once, here, as
 * vscode-eslint does in `$shared/settings.ts` (style-anchors principle 4).
 */

import {
  DEFAULT_TRUST_SETTINGS,
  readTrustSettings,
  readWorkspaceTrusted,
  type TrustSettings,
} from './trustSettings';

/** The configuration section every setting lives under (`imageTrust.*`). */
export const SETTINGS_SECTION = 'imageTrust';

/** What the server needs from the `imageTrust` section. */
export interface ImageTrustSettings {
  /**
   * Namespace assumed for workloads whose `metadata.namespace` is absent: `kubectl apply` puts them in the
   * current context's namespace, which the editor cannot know (portieris.md §2.1).
   */
  readonly defaultNamespace: string;
  /** Trust lookups (shared/trustSettings.ts). */
  readonly trust: TrustSettings;
  /** False in an untrusted workspace: nothing is fetched and no credential helper runs. */
  readonly workspaceTrusted: boolean;
}

export const DEFAULT_SETTINGS: ImageTrustSettings = {
  defaultNamespace: 'default',
  trust: DEFAULT_TRUST_SETTINGS,
  workspaceTrusted: true,
};

/** `imageTrust.trace.server`: read by vscode-languageclient itself to trace the JSON-RPC traffic. */
export type TraceServerSetting = 'off' | 'messages' | 'verbose';

/** Kubernetes namespace names are DNS-1123 labels; anything else falls back to the default. */
const NAMESPACE_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function isNamespaceName(value: unknown): value is string {
  return typeof value === 'string' && NAMESPACE_PATTERN.test(value);
}

/** Reads settings from untrusted JSON (a client's `workspace/configuration` answer), keeping what is valid. */
export function readSettings(value: unknown): ImageTrustSettings {
  if (typeof value !== 'object' || value === null) return DEFAULT_SETTINGS;
  const namespace: unknown = (value as { defaultNamespace?: unknown }).defaultNamespace;
  return {
    defaultNamespace: isNamespaceName(namespace) ? namespace : DEFAULT_SETTINGS.defaultNamespace,
    trust: readTrustSettings(value),
    workspaceTrusted: readWorkspaceTrusted(value),
  };
}
