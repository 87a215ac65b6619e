import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ImageTrustApi } from '../../../client/src/extension';
import type { TrustNode } from '../../../client/src/trustView/nodes';
import { labRepository, type LabState } from '../../helpers/lab';
import { withDeadline, WAIT_MS } from '../support/deadline';
import { imageTrustExtension } from '../support/extension';
import { useLabSettings, writeLabPod } from '../support/labWorkspace';
import { workspaceFile } from '../support/workspace';

type Of<K extends TrustNode['kind']> = TrustNode & { kind: K };

function find<K extends TrustNode['kind']>(nodes: readonly TrustNode[], kind: K, label?: string): Of<K> {
  const node = nodes.find(
    (n): n is Of<K> =>
      n.kind === kind && (label === undefined || ('label' in n ? n.label : n.repository) === label),
  );
  if (!node)
    assert.fail(`no ${kind} ${label ?? ''} among ${nodes.map((n) => n.id.replace(/\n/g, '/')).join(', ')}`);
  return node;
}

// The Signed Tags view against the trust lab, through the provider the extension returns from activate().
// A Restricted Mode run registers restrictedMode.test.ts instead: there nothing may be fetched.
if (vscode.workspace.isTrusted)
  suite('Signed Tags view', function () {
    this.timeout(120_000);
    let lab: LabState;
    let api: ImageTrustApi;
    let restore: () => Promise<void> = () => Promise.resolve();

    suiteSetup(async () => {
      // Lookups run for open YAML files too: close them so nothing but the lab is contacted.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      ({ lab, restore } = await useLabSettings());
      await writeLabPod(lab, 'lab-pod.yaml');
      api = (await withDeadline(
        Promise.resolve(imageTrustExtension().activate()),
        WAIT_MS,
        'activation',
      )) as ImageTrustApi;
      api.signedTags.refresh();
    });

    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await restore();
    });

    async function repositoryChildren(name: string): Promise<TrustNode[]> {
      const roots = await api.signedTags.getChildren();
      return api.signedTags.getChildren(find(roots, 'repository', labRepository(lab, name).gun));
    }

    test('when the workspace names lab images → the view lists their repositories with signed tags, signers and keys', async () => {
      const repo = labRepository(lab, 'ns/signed');
      const children = await repositoryChildren('ns/signed');
      const signed = find(children, 'tag', '1.0');
      assert.equal(signed.entry.state, 'signed');
      assert.equal(signed.entry.signedDigest, repo.tags['1.0']?.signed?.digest);
      assert.match(signed.description, /^sha256:[0-9a-f]{12} · alice$/);
      assert.equal(find(children, 'tag', 'latest').entry.state, 'moved');
      assert.equal(find(children, 'tag', '0.9').description, 'unsigned');
      const signers = await api.signedTags.getChildren(find(children, 'signers'));
      assert.deepEqual(
        signers.map((n) => ('label' in n ? n.label : '')),
        ['alice'],
      );
      assert.match(find(signers, 'key', 'alice').description, /^[0-9a-f]{12}$/);
      const keys = await api.signedTags.getChildren(find(children, 'adminKeys'));
      assert.deepEqual(
        keys.map((n) => ('label' in n ? n.label : '')),
        ['Root', 'Repository'],
      );
      assert.match(find(keys, 'key', 'Root').tooltip, /Expires \d{4}-/);
      assert.equal(api.signedTags.getParent(signed)?.kind, 'repository');
    });

    test('when Copy digest runs on a tag → the clipboard holds the signed digest', async () => {
      const repo = labRepository(lab, 'ns/hello-world');
      const tag = find(await repositoryChildren('ns/hello-world'), 'tag', '3.6');
      await vscode.commands.executeCommand('imageTrust.copyDigest', tag);
      assert.equal(await vscode.env.clipboard.readText(), repo.tags['3.6']?.signed?.digest);
    });

    test('when Inspect runs on a repository → a read-only document shows docker trust inspect --pretty', async () => {
      const repo = labRepository(lab, 'ns/hello-world');
      const roots = await api.signedTags.getChildren();
      await vscode.commands.executeCommand('imageTrust.inspect', find(roots, 'repository', repo.gun));
      const document = vscode.window.activeTextEditor?.document;
      assert.equal(document?.uri.scheme, 'image-trust-inspect');
      const hex = (repo.tags['3.6']?.signed?.digest ?? '').replace('sha256:', '');
      const text = document?.getText() ?? '';
      assert.equal(text.startsWith(`\nSignatures for ${repo.gun}\n\nSIGNED TAG   DIGEST`), true, text);
      assert.match(text, new RegExp(`\n3\\.6 +${hex}   \\(Repo Admin\\)\n`));
      assert.match(text, /\n {2}Root Key:\t[0-9a-f]{64}\n$/);
    });
    test('when Pin in active editor runs on a signed tag → the image under the cursor gets the signed digest', async () => {
      const repo = labRepository(lab, 'ns/hello-world');
      const editor = await vscode.window.showTextDocument(
        await vscode.workspace.openTextDocument(workspaceFile('lab-pod.yaml')),
      );
      const offset = editor.document.getText().indexOf(`${repo.gun}:latest`);
      editor.selection = new vscode.Selection(
        editor.document.positionAt(offset + 3),
        editor.document.positionAt(offset + 3),
      );
      const tag = find(await repositoryChildren('ns/hello-world'), 'tag', 'latest');
      await vscode.commands.executeCommand('imageTrust.pinInEditor', tag);
      const text = editor.document.getText();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      assert.match(text, new RegExp(`image: "${repo.gun}@${repo.tags.latest?.signed?.digest ?? 'none'}"`));
      assert.match(text, /ns\/signed:latest/);
    });

    test('when an image is hovered → the hover links to Inspect, and the link command opens the document', async () => {
      const repo = labRepository(lab, 'ns/hello-world');
      const document = await vscode.workspace.openTextDocument(workspaceFile('lab-pod.yaml'));
      await vscode.window.showTextDocument(document);
      const position = document.positionAt(document.getText().indexOf(`${repo.gun}:latest`) + 3);
      const link = await withDeadline(
        hoverLink(document.uri, position),
        WAIT_MS,
        'a hover with an Inspect link',
      );
      const args: unknown = JSON.parse(decodeURIComponent(link));
      assert.deepEqual(args, [`${repo.gun}:latest`]);
      await vscode.commands.executeCommand('imageTrust.inspect', ...(args as unknown[]));
      const text = vscode.window.activeTextEditor?.document.getText() ?? '';
      assert.equal(text.startsWith(`\nSignatures for ${repo.gun}:latest\n`), true, text);
    });
  });

/** The arguments of the hover's `command:imageTrust.inspect?…` link, asked again until trust data arrived. */
async function hoverLink(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  for (;;) {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      position,
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    const match = /command:imageTrust\.inspect\?([^)\s]+)/.exec(text);
    if (match?.[1]) return match[1];
    await new Promise<void>((resolve) => {
      const subscription = vscode.languages.onDidChangeDiagnostics(() => {
        subscription.dispose();
        resolve();
      });
    });
  }
}
