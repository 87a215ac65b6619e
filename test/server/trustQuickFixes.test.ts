// Pin quick fixes of trust diagnostics: only the image scalar changes (comments, quotes, flow style and
// CRLF stay), the edit comes from the diagnostic's data alone, and applying it twice changes nothing.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIAGNOSTIC_SOURCE } from '../../server/src/diagnostics/codes';
import type { Finding } from '../../server/src/diagnostics/finding';
import type { CodeActionResult, DiagnosticRef } from '../../server/src/service/types';
import type { YamlFile } from '../../server/src/yaml/yamlFile';
import { labRepository, useLab, type LabState } from '../helpers/lab';
import { applyEdits, imagePolicyYaml, labSettings, TrustWorkspace } from '../helpers/trustLab';

let lab: LabState;
let reg: string;
let hello: string;
let signed: string;
const URI = 'file:///ws/deploy.yaml';

before(
  async () => {
    lab = await useLab();
    reg = lab.registries.http.host;
    hello = labRepository(lab, 'ns/hello-world').tags.latest?.signed?.digest ?? '';
    signed = labRepository(lab, 'ns/signed').tags.latest?.signed?.digest ?? '';
  },
  { timeout: 180_000 },
);

function workspace(settings: Record<string, unknown> = {}): TrustWorkspace {
  return new TrustWorkspace(labSettings(lab, settings), {
    'file:///ws/policy.yaml': imagePolicyYaml('default', [
      { name: `${reg}/ns/*`, trustServer: lab.notary.url },
    ]),
  });
}

/** What the client sends back: the published diagnostics after a JSON round trip. */
function asClientDiagnostics(findings: readonly Finding[]): DiagnosticRef[] {
  return findings.map(
    (f) =>
      JSON.parse(
        JSON.stringify({ code: f.code, source: DIAGNOSTIC_SOURCE, range: f.range, data: f.data }),
      ) as DiagnosticRef,
  );
}

async function actionsFor(
  ws: TrustWorkspace,
  text: string,
): Promise<{ file: YamlFile; actions: CodeActionResult[] }> {
  const { file, findings } = await ws.settle(URI, text);
  const diagnostics = asClientDiagnostics(findings.filter((f) => f.code.startsWith('trust-')));
  return {
    file,
    actions: ws.service.codeActions(
      file,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      diagnostics,
    ),
  };
}

function pinOne(actions: readonly CodeActionResult[], title: RegExp): CodeActionResult {
  const found = actions.filter((a) => title.test(a.title));
  assert.equal(found.length, 1, `one action ${title} in ${JSON.stringify(actions.map((a) => a.title))}`);
  return found[0];
}

function deployment(images: readonly string[], eol = '\n'): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web # the front end',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    ...images,
    '',
  ].join(eol);
}

describe('pin quick fixes', () => {
  test('when a plain image with a trailing comment is pinned → only the value changes, the comment stays', async () => {
    const ws = workspace();
    const text = deployment([
      `        - name: a`,
      `          image: ${reg}/ns/hello-world:latest   # keep me`,
    ]);
    const { file, actions } = await actionsFor(ws, text);
    const action = pinOne(actions, /^Pin to the signed digest sha256:[a-f0-9]{12}$/);
    assert.equal(
      applyEdits(file, action.edits[0]?.edits ?? []),
      text.replace(`${reg}/ns/hello-world:latest   # keep me`, `${reg}/ns/hello-world@${hello}   # keep me`),
    );
  });

  test('when quoted images in flow style are pinned → quotes and flow layout stay', async () => {
    const ws = workspace();
    const text = deployment([
      `        - { name: a, image: '${reg}/ns/hello-world:latest' }`,
      `        - {"name": "b", "image": "${reg}/ns/signed"}`,
    ]);
    const { file, actions } = await actionsFor(ws, text);
    const all = pinOne(actions, /^Pin every image in this file to its signed digest \(2\)$/);
    const pinned = applyEdits(file, all.edits[0]?.edits ?? []);
    assert.equal(
      pinned,
      deployment([
        `        - { name: a, image: '${reg}/ns/hello-world@${hello}' }`,
        `        - {"name": "b", "image": "${reg}/ns/signed@${signed}"}`,
      ]),
    );
    const again = await actionsFor(ws, pinned);
    assert.deepEqual(again.actions, [], 'pinning twice changes nothing');
  });

  test('when the file has CRLF line ends → the edit keeps them and touches one line only', async () => {
    const ws = workspace();
    const text = deployment([`        - name: a`, `          image: "${reg}/ns/signed:latest"`], '\r\n');
    const { file, actions } = await actionsFor(ws, text);
    const action = pinOne(actions, /^Pin to the signed digest/);
    assert.equal(action.isPreferred, true, 'a tag-moved pin is the preferred fix');
    const pinned = applyEdits(file, action.edits[0]?.edits ?? []);
    assert.equal(
      pinned,
      deployment([`        - name: a`, `          image: "${reg}/ns/signed@${signed}"`], '\r\n'),
    );
  });

  test('when the pin style is renovate → the written name and tag stay and the digest is added', async () => {
    const ws = workspace({ pinStyle: 'renovate' });
    const text = deployment([`        - name: a`, `          image: ${reg}/ns/hello-world:latest`]);
    const { file, actions } = await actionsFor(ws, text);
    const pinned = applyEdits(file, pinOne(actions, /^Pin to/).edits[0]?.edits ?? []);
    assert.ok(pinned.includes(`image: ${reg}/ns/hello-world:latest@${hello}\n`), pinned);
  });

  test('when the pinned digest is no longer the signed one → a re-pin to the signed digest', async () => {
    const ws = workspace();
    const old = labRepository(lab, 'ns/hello-world').tags['3.6']?.signed?.digest ?? '';
    const text = deployment([`        - name: a`, `          image: ${reg}/ns/hello-world@${old}`]);
    const { file, actions } = await actionsFor(ws, text);
    const pinned = applyEdits(file, pinOne(actions, /^Re-pin to the signed digest/).edits[0]?.edits ?? []);
    assert.ok(pinned.includes(`image: ${reg}/ns/hello-world@${hello}\n`), pinned);
  });

  test('when the document changed since the diagnostic → no edit is offered (stale data never edits)', async () => {
    const ws = workspace();
    const text = deployment([`        - name: a`, `          image: ${reg}/ns/hello-world:latest`]);
    const { findings } = await ws.settle(URI, text);
    const edited = ws.parse(URI, text.replace('hello-world:latest', 'hello-world:lates'));
    const actions = ws.service.codeActions(
      edited,
      findings[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      asClientDiagnostics(findings),
    );
    assert.deepEqual(
      actions.filter((a) => a.title.startsWith('Pin')),
      [],
    );
  });

  test('when the data was tampered with by the client → no edit is offered', async () => {
    const ws = workspace();
    const text = deployment([`        - name: a`, `          image: ${reg}/ns/hello-world:latest`]);
    const { file, findings } = await ws.settle(URI, text);
    const [diagnostic] = asClientDiagnostics(findings);
    assert.ok(diagnostic);
    const forged = {
      ...diagnostic,
      data: { ...(diagnostic.data as object), pin: { portieris: 'evil\nkind: x', renovate: 'x' } },
    };
    assert.deepEqual(ws.service.codeActions(file, diagnostic.range, [forged]), []);
  });
});
