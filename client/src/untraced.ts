import * as vscode from 'vscode';
import { Trace, type LanguageClient } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../shared/settings';

/**
 * Runs `send` with JSON-RPC tracing off: `imageTrust.trace.server: verbose` would otherwise print a
 * registry login's parameters (the secret) into the log. The configured level is restored afterwards.
 */
export async function untraced<T>(client: LanguageClient, send: () => Promise<T>): Promise<T> {
  const configured = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('trace.server', 'off');
  const level = Trace.fromString(configured);
  if (level === Trace.Off) return send();
  await client.setTrace(Trace.Off);
  try {
    return await send();
  } finally {
    await client.setTrace(level);
  }
}
