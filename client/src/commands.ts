import * as vscode from 'vscode';
import { RefreshRequest } from '../../shared/protocol';
import type { Ctx } from './ctx';
import { login, logout } from './loginCommands';
import { pinAllInFile, pinInEditor } from './pinCommands';
import * as tree from './treeCommands';

type Handler = (...args: unknown[]) => Promise<void>;

/** Every command, by id (contributed in package.json); each is a factory bound to the context. */
export function createCommands(ctx: Ctx): Record<string, Handler> {
  const showLog = (): Promise<void> => {
    ctx.output.show(true);
    return Promise.resolve();
  };
  return {
    'imageTrust.restartServer': () => ctx.restart(),
    'imageTrust.refresh': async () => {
      ctx.tree.refresh();
      const client = ctx.languageClient;
      if (!client) {
        void vscode.window.showWarningMessage('Image Trust: the language server is not running.');
        return;
      }
      const result = await client.sendRequest(RefreshRequest.type);
      ctx.output.info(`refresh: ${result.indexedFiles} YAML files indexed`);
    },
    'imageTrust.showOutput': showLog,
    'imageTrust.showLog': showLog,
    'imageTrust.addRepository': () => tree.addRepository(ctx),
    'imageTrust.refreshRepository': (node) => Promise.resolve(ctx.tree.refresh(tree.repositoryNode(node))),
    'imageTrust.removeRepository': (node) => tree.removeRepository(ctx, node),
    'imageTrust.setTrustServer': (host) => tree.setTrustServer(ctx, host),
    'imageTrust.copyDigest': (node) => tree.copyDigest(node),
    'imageTrust.copyPinnedReference': (node) => tree.copyPinnedReference(ctx, node),
    'imageTrust.pinInEditor': (node) => pinInEditor(ctx, node),
    'imageTrust.pinAllInFile': () => pinAllInFile(ctx),
    'imageTrust.inspect': (target) => tree.inspect(ctx, target, 'pretty'),
    'imageTrust.inspectJson': (target) => tree.inspect(ctx, target, 'json'),
    'imageTrust.inspectImageAtCursor': () => tree.inspectImageAtCursor(ctx),
    'imageTrust.login': (host) => login(ctx, host),
    'imageTrust.logout': (host) => logout(ctx, host),
  };
}
