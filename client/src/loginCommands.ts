import * as vscode from 'vscode';
import { RegistryLoginRequest, RegistryLogoutRequest } from '../../shared/protocol';
import { asString } from './commandArgs';
import type { Ctx } from './ctx';
import { promptLogin } from './logins';
import { untraced } from './untraced';

export async function login(ctx: Ctx, arg: unknown): Promise<void> {
  const params = await promptLogin(asString(arg));
  if (!params) return;
  await ctx.logins.store(params);
  const client = ctx.languageClient;
  if (client) await untraced(client, () => client.sendRequest(RegistryLoginRequest.type, params));
  ctx.output.info(`registry login stored for ${params.host}`);
  ctx.tree.refresh();
}

export async function logout(ctx: Ctx, arg: unknown): Promise<void> {
  const hosts = ctx.logins.hosts;
  const host = asString(arg) ?? (hosts.length === 0 ? undefined : await vscode.window.showQuickPick([...hosts], { title: 'Log out of registry' })); // prettier-ignore
  if (!host) {
    if (hosts.length === 0)
      void vscode.window.showInformationMessage('Image Trust: no registry logins are stored.');
    return;
  }
  await ctx.logins.remove(host);
  await ctx.languageClient?.sendRequest(RegistryLogoutRequest.type, { host });
  ctx.output.info(`registry login removed for ${host}`);
  ctx.tree.refresh();
}
