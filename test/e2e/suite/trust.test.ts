import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { labRepository, type LabState } from '../../helpers/lab';
import { waitForQuickFix } from '../support/codeActions';
import { codeOf, imageTrustDiagnostics, waitForCodeAt, whenDiagnosticsChange } from '../support/diagnostics';
import { useLabSettings } from '../support/labWorkspace';
import { rangeOf, workspaceFile } from '../support/workspace';

/** Pod and policy live in a namespace of their own, so the tutorial files' verdicts stay as they are. */
const NAMESPACE = 'trust-e2e';
const POD = 'trust-pod.yaml';
const POLICY = 'trust-policy.yaml';
const MOVED_COMMENT = ' # moved after signing';

/** An ImagePolicy requiring trust for the lab's `ns/*` images, naming the lab notary-server itself (docs/trust.md step 2). */
function policyText(lab: LabState): string {
  return [
    'apiVersion: portieris.cloud.ibm.com/v1',
    'kind: ImagePolicy',
    `metadata: { name: lab-trust, namespace: ${NAMESPACE} }`,
    'spec:',
    '  repositories:',
    `    - name: "${lab.registries.http.host}/ns/*"`,
    '      policy:',
    '        trust:',
    '          enabled: true',
    `          trustServer: ${lab.notary.url}`,
    '',
  ].join('\n');
}

function podText(lab: LabState): string {
  const host = lab.registries.http.host;
  return [
    'apiVersion: v1',
    'kind: Pod',
    `metadata: { name: trust, namespace: ${NAMESPACE} }`,
    'spec:',
    '  containers:',
    '    - name: unsigned',
    `      image: ${host}/ns/unsigned:latest`,
    '    - name: release',
    `      image: "${host}/ns/signed:1.0"`,
    '    - name: moved',
    `      image: ${host}/ns/signed:latest${MOVED_COMMENT}`,
    '',
  ].join('\n');
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

// Trust diagnostics, hover and the pin fix against the trust lab. A Restricted Mode run fetches nothing
// (restrictedMode.test.ts covers that), so the suite is registered only in a trusted workspace.
if (vscode.workspace.isTrusted)
  suite('trust against the lab', function () {
    this.timeout(120_000);
    let lab: LabState;
    let document: vscode.TextDocument;
    let restore: () => Promise<void> = () => Promise.resolve();

    suiteSetup(async () => {
      // Lookups run for open YAML files: close them so nothing but the lab is contacted.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      ({ lab, restore } = await useLabSettings());
      await vscode.workspace.fs.writeFile(workspaceFile(POLICY), Buffer.from(policyText(lab), 'utf8'));
      await vscode.workspace.fs.writeFile(workspaceFile(POD), Buffer.from(podText(lab), 'utf8'));
      // Open the policy first: didOpen reaches the server before the pod's, so the pod is validated with
      // the policy indexed. A file created on disk is otherwise seen only when the file watcher reports it,
      // which a fresh code-server may do after the pod's first validation.
      await vscode.workspace.openTextDocument(workspaceFile(POLICY));
      document = await vscode.workspace.openTextDocument(workspaceFile(POD));
      await vscode.window.showTextDocument(document);
    });

    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const name of [POD, POLICY]) await vscode.workspace.fs.delete(workspaceFile(name));
      await restore();
    });

    test('when trust is required and the image has no trust data → trust-no-data is an error with the controller message at the image', async () => {
      const repo = labRepository(lab, 'ns/unsigned');
      const image = `${repo.gun}:latest`;
      const range = rangeOf(document, image, 'image: ');
      const [diagnostic, ...others] = await waitForCodeAt(document.uri, 'trust-no-data', range);
      assert.equal(others.length, 0, 'one diagnostic on the unsigned image');
      assert.equal(diagnostic?.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(
        diagnostic?.message,
        `trust: policy denied the request: Deny "${image}", failed to get content trust information: ` +
          `${new URL(lab.notary.url).host} does not have trust data for ${repo.gun}`,
      );
    });

    test('when a signed image is hovered → the hover names the signer, its key ID and the signed digest', async () => {
      const repo = labRepository(lab, 'ns/signed');
      const digest = repo.tags['1.0']?.signed?.digest ?? assert.fail('the lab signed ns/signed:1.0');
      const keyId = lab.signers['alice']?.keyId ?? assert.fail('the lab has signer alice');
      const at = rangeOf(document, `${repo.gun}:1.0`).start;
      const position = new vscode.Position(at.line, at.character + 3);
      // The hover says "checking trust…" until the lookup is done; the diagnostics republish then.
      const text = await whenDiagnosticsChange(
        document.uri,
        async () => {
          const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider',
            document.uri,
            position,
          );
          const markdown = hoverText(hovers);
          return markdown.includes('**Signed digest**') ? markdown : undefined;
        },
        'a trust hover with the signed digest of ns/signed:1.0',
      );
      assert.ok(text.includes(`**Signed digest** of \`1.0\`: \`${digest}\``), text);
      assert.ok(text.includes('signed by alice'), text);
      const short = `\`sha256:${digest.replace('sha256:', '').slice(0, 12)}\``;
      assert.ok(
        text.includes(`- \`targets/alice\` signed ${short} with key \`${keyId.slice(0, 12)}\``),
        text,
      );
      assert.ok(text.includes(`**Trust server:** ${lab.notary.url} (from the policy entry)`), text);
    });

    test('when the tag moved after signing → trust-tag-moved names the signed image the cluster will run', async () => {
      const repo = labRepository(lab, 'ns/signed');
      const { registry, signed } = repo.tags['latest'] ?? assert.fail('the lab has ns/signed:latest');
      const signedDigest = signed?.digest ?? assert.fail('ns/signed:latest is signed');
      const served = registry?.digest ?? assert.fail('the registry serves ns/signed:latest');
      assert.notEqual(served, signedDigest, 'the lab moved ns/signed:latest');
      const range = rangeOf(document, `${repo.gun}:latest`, 'image: ');
      const here = await waitForCodeAt(document.uri, 'trust-tag-moved', range);
      assert.deepEqual(here.map(codeOf), ['trust-tag-moved']);
      assert.equal(here[0]?.severity, vscode.DiagnosticSeverity.Warning);
      const short = (digest: string): string => digest.slice(0, 'sha256:'.length + 12);
      assert.equal(
        here[0]?.message,
        `Tag "latest" moved after it was signed: the registry serves ${short(served)}, the signed digest is ` +
          `${short(signedDigest)}. Portieris will run the signed image ${repo.gun}@${signedDigest}, not what the tag points to now.`,
      );
    });

    test('when the pin fix of a moved tag is applied → only the image becomes name@signed digest, the comment stays', async () => {
      const repo = labRepository(lab, 'ns/signed');
      const signedDigest = repo.tags['latest']?.signed?.digest ?? assert.fail('ns/signed:latest is signed');
      const written = `${repo.gun}:latest`;
      const range = rangeOf(document, written, 'image: ');
      const [diagnostic] = await waitForCodeAt(document.uri, 'trust-tag-moved', range);
      assert.ok(diagnostic);
      const title = `Pin to the signed digest ${signedDigest.slice(0, 'sha256:'.length + 12)}`;
      const fix = await waitForQuickFix(document.uri, diagnostic.range, (a) => a.title === title, title);
      assert.equal(fix.isPreferred, true);
      const before = document.getText();
      const pinned = `${repo.gun}@${signedDigest}`;
      try {
        assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
        assert.equal(
          document.getText(),
          before.replace(`${written}${MOVED_COMMENT}`, `${pinned}${MOVED_COMMENT}`),
        );
        // Portieris looks a digest-only reference up as tag latest (portieris.md §3.4): now it is the signed image.
        const now = rangeOf(document, pinned, 'image: ');
        const after = await waitForCodeAt(document.uri, 'trust-signed', now);
        assert.deepEqual(after.map(codeOf), ['trust-signed']);
        assert.equal(
          imageTrustDiagnostics(document.uri).some((d) => codeOf(d) === 'trust-tag-moved'),
          false,
        );
      } finally {
        const back = new vscode.WorkspaceEdit();
        back.replace(
          document.uri,
          new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
          before,
        );
        await vscode.workspace.applyEdit(back);
      }
    });
  });
