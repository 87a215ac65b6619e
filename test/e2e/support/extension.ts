import * as vscode from 'vscode';
import { withDeadline, WAIT_MS } from './deadline';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'image-trust.image-trust';

/** The diagnostic `source` the server sets (server/src/diagnostics/codes.ts). */
export const DIAGNOSTIC_SOURCE = 'image-trust';

export function imageTrustExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  return extension;
}

/** Resolves when activate() has resolved, i.e. the language client has started (client/src/extension.ts). */
export async function activated(): Promise<void> {
  await withDeadline(Promise.resolve(imageTrustExtension().activate()), WAIT_MS, 'extension activation');
}
