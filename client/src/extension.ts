import * as vscode from 'vscode';
import { Ctx } from './ctx';
import type { SignedTagsProvider } from './trustView/provider';

/** What `activate` returns: the Signed Tags provider, for extension tests that read the tree. */
export interface ImageTrustApi {
  readonly signedTags: SignedTagsProvider;
}

let ctx: Ctx | undefined;

/** Activation only: everything else lives in `Ctx`, which owns every disposable (style-anchors principle 12). */
export async function activate(context: vscode.ExtensionContext): Promise<ImageTrustApi> {
  ctx = new Ctx(context);
  try {
    await ctx.start();
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(
      `Image Trust: the language server did not start (${reason}). See the "Image Trust" output for details.`,
    );
    throw error;
  }
  return { signedTags: ctx.tree };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
