import * as vscode from 'vscode';
import { RefreshRequest } from '../../shared/protocol';
import type { Ctx } from './ctx';

type Handler = () => Promise<void>;

/** Every command, by id (contributed in package.json); each is a factory bound to the context. */
export function createCommands(ctx: Ctx): Record<string, Handler> {
  return {
    'imageTrust.restartServer': () => ctx.restart(),
    'imageTrust.refresh': async () => {
      const client = ctx.languageClient;
      if (!client) {
        void vscode.window.showWarningMessage('Image Trust: the language server is not running.');
        return;
      }
      const result = await client.sendRequest(RefreshRequest.type);
      ctx.output.info(`refresh: ${result.indexedFiles} YAML files indexed`);
    },
    'imageTrust.showOutput': () => {
      ctx.output.show(true);
      return Promise.resolve();
    },
  };
}
