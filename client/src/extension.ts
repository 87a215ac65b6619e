import * as vscode from 'vscode';
import { Ctx } from './ctx';

let ctx: Ctx | undefined;

/** Activation only: everything else lives in `Ctx`, which owns every disposable (style-anchors principle 12). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
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
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
