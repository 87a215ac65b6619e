import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import {
  DEFAULT_SETTINGS,
  readSettings,
  SETTINGS_SECTION,
  type ImageTrustSettings,
} from '../../../shared/settings';

/**
 * Where the server gets `imageTrust.*` settings: pulled with `workspace/configuration` when the client
 * supports it (VS Code does), else taken from `initializationOptions` (any LSP editor), else defaults.
 */
export class SettingsSource {
  private current: ImageTrustSettings = DEFAULT_SETTINGS;
  private canPull = false;
  /** An editor that says so at start-up (VS Code: an untrusted workspace) stays untrusted until restarted. */
  private initiallyTrusted = true;

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.canPull = params.capabilities.workspace?.configuration === true;
    if (params.initializationOptions !== undefined) {
      this.current = readSettings(params.initializationOptions as unknown);
      this.initiallyTrusted = this.current.workspaceTrusted;
    }
  }

  get settings(): ImageTrustSettings {
    return this.current;
  }

  /** Re-reads the settings; `pushed` is the `didChangeConfiguration` payload of clients that cannot be asked. */
  async refresh(pushed?: unknown): Promise<ImageTrustSettings> {
    if (this.canPull) {
      const value: unknown = await this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
      this.current = readSettings(value);
    } else if (typeof pushed === 'object' && pushed !== null && SETTINGS_SECTION in pushed) {
      this.current = readSettings((pushed as Record<string, unknown>)[SETTINGS_SECTION]);
    }
    if (!this.initiallyTrusted) this.current = { ...this.current, workspaceTrusted: false };
    return this.current;
  }
}
