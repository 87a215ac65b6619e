import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../shared/settings';
import type { PinStyle } from './images/imageText';

/** Typed getters over `imageTrust.*` (rust-analyzer `config.ts`); the server reads the rest itself. */
export class Config {
  private get section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION);
  }

  get pinStyle(): PinStyle {
    return this.section.get<string>('pinStyle') === 'renovate' ? 'renovate' : 'portieris';
  }

  /** Adds `host → url` to `imageTrust.trust.servers` in the user settings (never the workspace's). */
  async setTrustServer(host: string, url: string): Promise<void> {
    const current = this.section.inspect<Record<string, string>>('trust.servers')?.globalValue ?? {};
    await this.section.update(
      'trust.servers',
      { ...current, [host]: url },
      vscode.ConfigurationTarget.Global,
    );
  }
}
