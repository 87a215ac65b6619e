import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { waitForQuickFix } from '../support/codeActions';
import { codeOf, waitForDiagnostics } from '../support/diagnostics';
import { dockerHubDenial } from '../support/tutorialPod';
import { openWorkspaceFile, workspaceFile } from '../support/workspace';

suite('code actions', () => {
  test('when an image is denied → a preferred quick fix adds an entry to the tutorial policy and clears the error', async () => {
    const { document } = await openWorkspaceFile('mypod.yaml');
    const diagnostic = await dockerHubDenial(document);
    const fix = await waitForQuickFix(
      document.uri,
      diagnostic.range,
      (action) => action.title.startsWith('Allow "'),
      'the add-entry quick fix for admission-denied',
    );
    assert.equal(fix.title, 'Allow "hello-world" in the policy');
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    const policy = workspaceFile('imagepolicy.yaml');
    assert.deepEqual(
      fix.edit?.entries().map(([uri]) => uri.toString()),
      [policy.toString()],
    );

    // Applying it (in memory, never saved) must make the pod admissible…
    const policyDocument = await vscode.workspace.openTextDocument(policy);
    const original = policyDocument.getText();
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    await waitForDiagnostics(
      document.uri,
      (all) => !all.some((d) => codeOf(d) === 'admission-denied'),
      'admission-denied to clear after the fix',
    );
    // …and restoring the policy text brings the denial back (and leaves the workspace as the next test expects).
    const restore = new vscode.WorkspaceEdit();
    const whole = new vscode.Range(
      policyDocument.positionAt(0),
      policyDocument.positionAt(policyDocument.getText().length),
    );
    restore.replace(policy, whole, original);
    assert.ok(await vscode.workspace.applyEdit(restore));
    await dockerHubDenial(document);
  });
});
