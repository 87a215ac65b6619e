import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, waitForCode } from '../support/diagnostics';
import { DIAGNOSTIC_SOURCE } from '../support/extension';
import { DOCKER_HUB_DENIAL, dockerHubDenial } from '../support/tutorialPod';
import { openWorkspaceFile, plainRange, rangeOf } from '../support/workspace';

suite('diagnostics', () => {
  test('when the tutorial pod is open → the Docker Hub image is denied at its exact range', async () => {
    const { document } = await openWorkspaceFile('mypod.yaml');
    const diagnostic = await dockerHubDenial(document);
    assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, DOCKER_HUB_DENIAL);
    assert.deepEqual(plainRange(diagnostic.range), rangeOf(document, 'hello-world:latest', 'image: '));
    // The private-registry image is covered by the tutorial policy: no admission finding for it.
    const denied = vscode.languages
      .getDiagnostics(document.uri)
      .filter((d) => codeOf(d) === 'admission-denied');
    assert.equal(denied.length, 1);
  });

  test('when a v1 policy keeps the legacy va key → schema-unknown-property is reported on the key', async () => {
    const { document } = await openWorkspaceFile('other-namespace-policy.yaml');
    const diagnostic = await waitForCode(document.uri, 'schema-unknown-property');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(plainRange(diagnostic.range), rangeOf(document, 'va', '        '));
    assert.match(diagnostic.message, /^Unknown key "va"/);
  });
});
