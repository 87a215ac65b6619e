import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ImageTrustApi } from '../../../client/src/extension';
import { MACHINE_SCOPED_SETTINGS } from '../../../shared/trustSettings';
import { labRepository, type LabState } from '../../helpers/lab';
import { withDeadline, WAIT_MS } from '../support/deadline';
import { imageTrustExtension } from '../support/extension';
import { useLabSettings, writeLabPod } from '../support/labWorkspace';
import { workspaceFile } from '../support/workspace';

/** A window-scoped setting written along with the decoys: its change event says VS Code re-read the file. */
const SIGNAL = 'imageTrust.trust.timeoutSeconds';
const SETTINGS_FILE = '.vscode/settings.json';
const POD = 'scope-pod.yaml';

/**
 * Writes the workspace's `.vscode/settings.json` and resolves once VS Code has applied it. `content` must
 * change `SIGNAL`: the only change event a file of machine-scoped decoys can cause.
 */
async function writeWorkspaceSettings(content: Record<string, unknown> | Uint8Array): Promise<void> {
  const applied = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SIGNAL)) return;
      listener.dispose();
      resolve();
    });
  });
  const bytes =
    content instanceof Uint8Array ? content : Buffer.from(`${JSON.stringify(content, null, 2)}\n`, 'utf8');
  await vscode.workspace.fs.writeFile(workspaceFile(SETTINGS_FILE), bytes);
  await withDeadline(applied, WAIT_MS, `VS Code to apply ${SETTINGS_FILE}`);
}

/** Puts back test/e2e/workspace's settings (which leave `SIGNAL` unset), waiting only if it was set. */
async function restoreWorkspaceSettings(original: Uint8Array): Promise<void> {
  const signalled = vscode.workspace.getConfiguration().inspect(SIGNAL)?.workspaceValue !== undefined;
  if (signalled) await writeWorkspaceSettings(original);
  else await vscode.workspace.fs.writeFile(workspaceFile(SETTINGS_FILE), original);
}

/**
 * Trust server, CA and insecure hosts are `machine`-scoped in package.json (issue 4: a workspace must not
 * redirect lookups or turn off TLS): VS Code drops workspace values for them and refuses to write them
 * there. These tests fail if the scope goes back to `window`: the workspace values would then be read.
 */
suite('machine-scoped trust settings', function () {
  this.timeout(120_000);
  let original: Uint8Array;

  suiteSetup(async () => {
    original = await vscode.workspace.fs.readFile(workspaceFile(SETTINGS_FILE));
  });

  suiteTeardown(() => restoreWorkspaceSettings(original));

  test('when a workspace names a trust server, CA file and insecure host → VS Code reads none of them and refuses to write them there', async () => {
    const decoys: Record<(typeof MACHINE_SCOPED_SETTINGS)[number], unknown> = {
      'imageTrust.trust.servers': { 'registry.example': 'https://attacker.example' },
      'imageTrust.trust.caFiles': { 'registry.example': '/tmp/attacker-ca.pem' },
      'imageTrust.trust.insecureHosts': ['registry.example'],
    };
    await writeWorkspaceSettings({ 'imageTrust.network': false, [SIGNAL]: 14, ...decoys });
    const config = vscode.workspace.getConfiguration();
    // The file was read: the window-scoped setting beside the decoys took effect.
    assert.equal(config.inspect(SIGNAL)?.workspaceValue, 14);
    const read = MACHINE_SCOPED_SETTINGS.map((key) => {
      const inspected = config.inspect(key);
      return [
        key,
        inspected?.workspaceValue,
        inspected?.workspaceFolderValue,
        JSON.stringify(config.get(key)),
      ];
    });
    assert.deepEqual(
      read,
      MACHINE_SCOPED_SETTINGS.map((key) => [
        key,
        undefined,
        undefined,
        key.endsWith('insecureHosts') ? '[]' : '{}',
      ]),
    );
    for (const key of MACHINE_SCOPED_SETTINGS) {
      await assert.rejects(
        Promise.resolve(config.update(key, decoys[key], vscode.ConfigurationTarget.Workspace)),
        `${key} was written to the workspace settings`,
      );
    }
  });
});

// The language server's view of the same thing: it pulls `imageTrust` (workspace/configuration) and must
// look up through the user's lab settings although the workspace points the lab elsewhere. Needs the lab,
// so only in a trusted run (Restricted Mode contacts nothing: restrictedMode.test.ts).
if (vscode.workspace.isTrusted)
  suite('machine-scoped trust settings reach the language server', function () {
    this.timeout(120_000);
    let lab: LabState;
    let original: Uint8Array;
    let restore: () => Promise<void> = () => Promise.resolve();

    suiteSetup(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      original = await vscode.workspace.fs.readFile(workspaceFile(SETTINGS_FILE));
      ({ lab, restore } = await useLabSettings());
    });

    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await restoreWorkspaceSettings(original);
      await vscode.workspace.fs.delete(workspaceFile(POD));
      await restore();
    });

    test('when the workspace points the lab registry at a dead trust server, a missing CA and TLS → the lookup still uses the user settings and verifies', async () => {
      const host = lab.registries.http.host;
      // Each decoy alone breaks the lookup if read: nothing listens on port 9, the CA file does not exist,
      // and without the insecure entry the plain-HTTP registry is refused (arrays are not merged).
      await writeWorkspaceSettings({
        'imageTrust.network': true,
        [SIGNAL]: 14,
        'imageTrust.trust.servers': { [host]: 'https://127.0.0.1:9' },
        'imageTrust.trust.caFiles': { [new URL(lab.notary.url).host]: '/nonexistent/ca.pem' },
        'imageTrust.trust.insecureHosts': [],
      });
      await writeLabPod(lab, POD);
      const api = (await withDeadline(
        Promise.resolve(imageTrustExtension().activate()),
        WAIT_MS,
        'activation',
      )) as ImageTrustApi;
      // No answer cached before the decoys were written may be reused.
      await vscode.commands.executeCommand('imageTrust.refresh');
      api.signedTags.refresh();
      const repo = labRepository(lab, 'ns/signed');
      const root = (await api.signedTags.getChildren()).find(
        (node) => node.kind === 'repository' && node.repository === repo.gun,
      );
      assert.ok(root, `${repo.gun} is not in the Signed Tags view`);
      const children = await api.signedTags.getChildren(root);
      const tag = children.find((node) => node.kind === 'tag' && node.label === '1.0');
      assert.ok(tag?.kind === 'tag', `no signed tag 1.0 among ${children.map((n) => n.id).join(', ')}`);
      assert.equal(tag.entry.state, 'signed');
      assert.equal(tag.entry.signedDigest, repo.tags['1.0']?.signed?.digest);
    });
  });
