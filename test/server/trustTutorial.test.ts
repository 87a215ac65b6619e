// The IBM tutorial replayed through the language server over JSON-RPC, against the real lab: a policy
// enabling trust for the namespace; an unsigned image denied with the controller's message; a signed one
// allowed with a quick fix that pins its signed digest; and an unsigned image pushed over a signed tag
// (the lab's ns/signed:latest): still allowed, at the OLD digest, with the tag-moved warning.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { labRepository, useLab, type LabState } from '../helpers/lab';
import { fileUri, LspTestClient } from '../helpers/lspClient';
import { imagePolicyYaml, labSettings, podYaml } from '../helpers/trustLab';

let lab: LabState;
// Empty until `before` made it: a failed set-up must not make `after` fail too and hide its error.
let dir = '';
let client: LspTestClient;
let reg: string;

before(
  async () => {
    lab = await useLab();
    reg = lab.registries.http.host;
    dir = await mkdtemp(join(tmpdir(), 'trust-tutorial-'));
    await writeFile(
      join(dir, 'imagepolicy.yaml'),
      imagePolicyYaml('default', [{ name: `${reg}/ns/*`, trustServer: lab.notary.url }]),
    );
    ({ client } = await LspTestClient.start({
      folders: [dir],
      initializationOptions: labSettings(lab),
      workDoneProgress: true,
    }));
    await client.workspaceIndexed();
  },
  { timeout: 180_000 },
);

after(async () => {
  client.kill();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const trustOnly = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  diagnostics.filter((d) => String(d.code).startsWith('trust-'));
/** Trust answers arrive after the first publish: wait for the publish of `version` that carries `count` of them. */
const withTrust = (version: number, count: number) => (p: PublishDiagnosticsParams) =>
  p.version === version && trustOnly(p.diagnostics).length === count;

const POD = (): string => join(dir, 'mypod.yaml');

test('when the tutorial pod is opened → unsigned denied, signed allowed, moved tag warned — after the syntax pass', async () => {
  const uri = fileUri(POD());
  const text = podYaml('default', [
    `${reg}/ns/unsigned:latest`,
    `${reg}/ns/hello-world:latest`,
    `${reg}/ns/signed:latest`,
  ]);
  const firstPublish = client.diagnostics(uri, 1);
  await client.open(uri, text, 1);
  assert.deepEqual(trustOnly(await firstPublish), [], 'syntax and policy results come first, trust later');
  const diagnostics = trustOnly(await client.diagnostics(uri, withTrust(1, 3), 30_000));
  const summary = diagnostics.map((d) => [d.code, d.severity, d.range.start.line]);
  assert.deepEqual(summary, [
    ['trust-no-data', DiagnosticSeverity.Error, 8],
    ['trust-signed', DiagnosticSeverity.Hint, 10],
    ['trust-tag-moved', DiagnosticSeverity.Warning, 12],
  ]);
  assert.equal(
    diagnostics[0]?.message,
    `trust: policy denied the request: Deny "${reg}/ns/unsigned:latest", failed to get content trust information: ${new URL(lab.notary.url).host} does not have trust data for ${reg}/ns/unsigned`,
  );
  assert.ok(client.progressTokens.length > 0, 'the lookups were reported as work-done progress');

  const old = labRepository(lab, 'ns/signed').tags.latest?.signed?.digest;
  const hover = await client.hover(uri, { line: 12, character: 20 });
  const markdown =
    hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.ok(markdown.includes(`**Verdict:** allowed, mutated to \`${reg}/ns/signed@${old}\``), markdown);
  assert.match(
    markdown,
    /\*\*Registry now:\*\* `sha256:[a-f0-9]{64}` \(differs from the signed digest: the tag moved\)/,
  );
  assert.match(markdown, /`targets\/alice` signed `sha256:[a-f0-9]{12}` with key `[a-f0-9]{12}`/);
});

test('when the pin quick fix of the signed image is applied → the file pins the signed digest and the fix is gone', async () => {
  const uri = fileUri(POD());
  const diagnostics = trustOnly(await client.diagnostics(uri, withTrust(1, 3)));
  const signedHint = diagnostics.find((d) => d.code === 'trust-signed');
  assert.ok(signedHint);
  const actions = await client.codeActions(uri, signedHint.range, [signedHint]);
  const pin = actions.find((a) => a.title.startsWith('Pin to the signed digest'));
  const edit = pin?.edit?.changes?.[uri]?.[0];
  const digest = labRepository(lab, 'ns/hello-world').tags.latest?.signed?.digest;
  assert.deepEqual(edit, { range: signedHint.range, newText: `${reg}/ns/hello-world@${digest}` });

  await client.editRange(uri, edit.range, edit.newText, 2);
  const after = trustOnly(await client.diagnostics(uri, withTrust(2, 3), 30_000));
  const pinned = after.find((d) => d.range.start.line === 10);
  assert.equal(pinned?.code, 'trust-signed');
  assert.deepEqual(
    (await client.codeActions(uri, pinned.range, [pinned])).filter((a) => a.title.startsWith('Pin to')),
    [],
  );
});

test('when imageTrust/refresh is sent → the trust answers are fetched again and republished', async () => {
  const uri = fileUri(POD());
  client.forgetDiagnostics(uri);
  await client.refresh();
  const diagnostics = trustOnly(await client.diagnostics(uri, withTrust(2, 3), 30_000));
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['trust-no-data', 'trust-signed', 'trust-tag-moved'],
  );
});
