import * as vscode from 'vscode';
import { asTagNode, digestOf } from './commandArgs';
import type { Ctx } from './ctx';
import { findImages, parseImage, pinEdits, type PinEdit } from './images/imageText';

async function applyEdits(editor: vscode.TextEditor, edits: readonly PinEdit[]): Promise<boolean> {
  const { document } = editor;
  return editor.edit((builder) => {
    for (const edit of edits) {
      builder.replace(
        new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)),
        edit.text,
      );
    }
  });
}

/** Tag node → pins the image under the cursor, or every matching image of the active editor. */
export async function pinInEditor(ctx: Ctx, arg: unknown): Promise<void> {
  const node = asTagNode(arg);
  const editor = vscode.window.activeTextEditor;
  const digest = node && digestOf(node);
  if (!node || !digest || !editor) {
    void vscode.window.showInformationMessage('Image Trust: open a YAML file, then pin a tag from the Signed Tags view.');
    return;
  } // prettier-ignore
  const { document, selection } = editor;
  const target = { repository: node.repository, tag: node.entry.tag, digest };
  const cursor = document.offsetAt(selection.active);
  let edits = pinEdits(document.getText(), target, ctx.config.pinStyle, cursor);
  if (edits.length === 0) edits = pinEdits(document.getText(), target, ctx.config.pinStyle);
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(`Image Trust: no unpinned ${node.repository}:${node.entry.tag} image in this file.`);
    return;
  } // prettier-ignore
  await applyEdits(editor, edits);
  ctx.output.info(`pinned ${edits.length} image(s) of ${node.repository}:${node.entry.tag} to ${digest}`);
}

/** Pins every image of the active file to its signed digest (asking the server per repository). */
export async function pinAllInFile(ctx: Ctx): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const client = ctx.trustSource();
  if (!editor || !client) return;
  const text = editor.document.getText();
  // Already pinned or invalid (the server's diagnostics say why) images are left alone.
  const images = findImages(text).flatMap((found) => {
    const ref = parseImage(found.image);
    return ref && ref.digest === undefined ? [{ found, ref }] : [];
  });
  const repositories = [...new Set(images.map((image) => image.ref.name))];
  const edits: PinEdit[] = [];
  const skipped: string[] = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Image Trust: looking up signed digests' },
    async () => {
      for (const repository of repositories) {
        const answer = await client.signedTags(repository);
        for (const { found, ref } of images.filter((image) => image.ref.name === repository)) {
          const tag = ref.trustTag;
          const entry = answer.kind === 'ok' ? answer.tags.find((t) => t.tag === tag && t.signedDigest) : undefined;
          if (!entry?.signedDigest) {
            skipped.push(found.image);
            continue;
          }
          const target = { repository, tag, digest: entry.signedDigest };
          edits.push(...pinEdits(text, target, ctx.config.pinStyle, found.start));
        }
      }
    },
  ); // prettier-ignore
  if (edits.length > 0) await applyEdits(editor, edits);
  const note = skipped.length > 0 ? `; not signed or not looked up: ${skipped.join(', ')}` : '';
  ctx.output.info(`pin all: ${edits.length} image(s) pinned${note}`);
  void vscode.window.showInformationMessage(`Image Trust: ${edits.length} image(s) pinned${note}.`);
}
