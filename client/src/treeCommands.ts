import * as vscode from 'vscode';
import { asNode, asString, asTagNode, digestOf } from './commandArgs';
import type { Ctx } from './ctx';
import { imageAt, parseImage, pinnedImage } from './images/imageText';
import type { InspectFormat } from '../../shared/trustView';

export async function copyDigest(arg: unknown): Promise<void> {
  const node = asTagNode(arg);
  const digest = node && digestOf(node);
  if (digest) await vscode.env.clipboard.writeText(digest);
}

export async function copyPinnedReference(ctx: Ctx, arg: unknown): Promise<void> {
  const node = asTagNode(arg);
  const digest = node && digestOf(node);
  const pinned =
    node && digest && pinnedImage(`${node.repository}:${node.entry.tag}`, digest, ctx.config.pinStyle);
  if (pinned) await vscode.env.clipboard.writeText(pinned);
}

/** Tag node → `repo:tag`; repository node → `repo`; a string (palette, hover command URI) as given. */
export async function inspect(ctx: Ctx, arg: unknown, format: InspectFormat = 'pretty'): Promise<void> {
  const node = asNode(arg);
  const image =
    node?.kind === 'tag' ? `${node.repository}:${node.entry.tag}` : (node?.repository ?? asString(arg));
  const target = image ?? (await vscode.window.showInputBox({ prompt: 'Repository or image to inspect', ignoreFocusOut: true })); // prettier-ignore
  if (target) await ctx.inspectDocuments.open({ image: target, format });
}

export async function inspectImageAtCursor(ctx: Ctx): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const found =
    editor && imageAt(editor.document.getText(), editor.document.offsetAt(editor.selection.active));
  if (!found) {
    void vscode.window.showInformationMessage('Image Trust: put the cursor on an `image:` value.');
    return;
  }
  // Notary knows tags, not digests: inspect the repository at the tag Portieris would look up. An invalid
  // reference goes as written, so the inspect document shows the parser's reason.
  const ref = parseImage(found.image);
  const image = ref === undefined ? found.image : ref.tag ? `${ref.writtenName}:${ref.tag}` : ref.writtenName;
  await inspect(ctx, image);
}

export async function addRepository(ctx: Ctx): Promise<void> {
  const value = await vscode.window.showInputBox({
    title: 'Add repository to Signed Tags',
    prompt: 'Repository, e.g. 127.0.0.1:5000/ns/app or docker.io/library/nginx',
    ignoreFocusOut: true,
    validateInput: (v) => (repositoryOf(v) ? undefined : 'a repository name, without digest'),
  });
  const repository = value === undefined ? undefined : repositoryOf(value);
  if (!repository) return;
  await ctx.repositoryList.add(repository);
  ctx.tree.refresh();
}

/** The normalised repository of a name typed by the user (a tag is dropped, a digest refused). */
function repositoryOf(value: string): string | undefined {
  const ref = parseImage(value.trim());
  return ref?.digest === undefined ? ref?.name : undefined;
}

export async function removeRepository(ctx: Ctx, arg: unknown): Promise<void> {
  const node = asNode(arg);
  if (node?.kind !== 'repository') return;
  await ctx.repositoryList.remove(node.repository);
  ctx.tree.refresh();
}

export async function setTrustServer(ctx: Ctx, arg: unknown): Promise<void> {
  const host = asString(arg) ?? (await vscode.window.showInputBox({ prompt: 'Registry host[:port]', ignoreFocusOut: true })); // prettier-ignore
  if (!host) return;
  const url = await vscode.window.showInputBox({
    title: `Trust server for ${host}`,
    prompt: 'Notary server URL (saved in your user settings: imageTrust.trust.servers)',
    value: 'https://',
    ignoreFocusOut: true,
    validateInput: (v) => (/^https?:\/\/[^\s/]+/.test(v.trim()) ? undefined : 'an https:// URL'),
  });
  if (!url) return;
  await ctx.config.setTrustServer(host, url.trim());
  ctx.tree.refresh();
}

export function repositoryNode(arg: unknown): ReturnType<typeof asNode> {
  const node = asNode(arg);
  return node?.kind === 'repository' ? node : undefined;
}
