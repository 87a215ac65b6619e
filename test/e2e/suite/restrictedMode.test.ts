import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ImageTrustApi } from '../../../client/src/extension';
import { MACHINE_SCOPED_SETTINGS } from '../../../shared/trustSettings';
import { useLab, type LabState } from '../../helpers/lab';
import { withDeadline, WAIT_MS } from '../support/deadline';
import { imageTrustExtension } from '../support/extension';
import { labMachineSettings } from '../support/labWorkspace';
import { workspaceFile } from '../support/workspace';

/** Lines of a lab service's log that mention `needle` (the notary-server and registry log every request). */
function logMentions(lab: LabState, log: string, needle: string): number {
  return readFileSync(join(lab.dir, 'logs', log), 'utf8')
    .split('\n')
    .filter((line) => line.includes(needle)).length;
}

// Only in a Restricted Mode run (VSCODE_HARNESS_WORKSPACE_TRUST=1, `npm run test:e2e:restricted`); the
// trusted run registers the Signed Tags suite instead.
if (!vscode.workspace.isTrusted) {
  suite('Restricted Mode', function () {
    this.timeout(120_000);
    const target = vscode.ConfigurationTarget.Global;
    let lab: LabState;

    suiteSetup(async () => {
      lab = await useLab();
      // User settings apply in Restricted Mode: the lab is reachable, only workspace trust stops the lookup.
      const config = vscode.workspace.getConfiguration();
      for (const [key, value] of Object.entries(labMachineSettings(lab)))
        await config.update(key, value, target);
      await config.update('imageTrust.network', true, target);
    });

    suiteTeardown(async () => {
      const config = vscode.workspace.getConfiguration();
      for (const key of [...MACHINE_SCOPED_SETTINGS, 'imageTrust.network'])
        await config.update(key, undefined, target);
    });

    test('when the workspace is untrusted → the view shows why and nothing reaches the trust server or registry', async () => {
      // A repository the lab does not have: any request for it in the lab's logs could only be ours.
      const gun = `${lab.registries.http.host}/ns/restricted-probe`;
      const uri = workspaceFile('restricted-pod.yaml');
      await vscode.workspace.fs.writeFile(
        uri,
        Buffer.from(
          `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - { name: a, image: "${gun}:latest" }\n`,
        ),
      );
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const api = (await withDeadline(
        Promise.resolve(imageTrustExtension().activate()),
        WAIT_MS,
        'activation',
      )) as ImageTrustApi;
      assert.equal(vscode.workspace.isTrusted, false);

      const roots = await api.signedTags.getChildren();
      const repository = roots.find((node) => node.kind === 'repository' && node.repository === gun);
      assert.ok(repository, `${gun} is not among ${roots.map((node) => node.repository).join(', ')}`);
      const children = await api.signedTags.getChildren(repository);
      assert.deepEqual(
        children.map((node) => [node.kind, 'label' in node ? node.label : '']),
        [['failure', 'Not looked up in Restricted Mode']],
      );
      const inspect = await vscode.commands.executeCommand('imageTrust.inspect', gun);
      assert.equal(inspect, undefined);
      assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /Restricted Mode/);
      assert.equal(logMentions(lab, 'notary-server.log', 'restricted-probe'), 0);
      assert.equal(logMentions(lab, 'registry-http.log', 'restricted-probe'), 0);
    });
  });
}
