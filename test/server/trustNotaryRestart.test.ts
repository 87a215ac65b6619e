// notary-server stopped mid-session: the language server keeps running, says "could not check" (a
// warning, never "unsigned"), and shows the verdict again once the server is back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { labRepository, startOwnNotary, useLab, type LabState, type OwnNotary } from '../helpers/lab';
import { fileUri, LspTestClient } from '../helpers/lspClient';
import { imagePolicyYaml, labSettings, podYaml } from '../helpers/trustLab';

let lab: LabState;
let own: OwnNotary;
// Empty until `before` made it: a failed set-up must not make `after` fail too and hide its error.
let dir = '';
let client: LspTestClient;
let image: string;

before(
  async () => {
    lab = await useLab();
    const repo = labRepository(lab, 'ns/hello-world');
    image = `${repo.gun}:latest`;
    own = await startOwnNotary(lab, [repo.gun]);
    dir = await mkdtemp(join(tmpdir(), 'trust-restart-'));
    const reg = lab.registries.http.host;
    await writeFile(
      join(dir, 'policy.yaml'),
      imagePolicyYaml('default', [{ name: `${reg}/ns/*`, trustServer: own.url }]),
    );
    // Freshness 0: every edit looks the repository up again, as after the window has passed.
    const settings = labSettings(lab, { trust: { freshnessSeconds: 0, timeoutSeconds: 5 } });
    const trust = settings.trust as Record<string, unknown>;
    trust.caFiles = { ...(trust.caFiles as Record<string, string>), [new URL(own.url).host]: own.caPath };
    ({ client } = await LspTestClient.start({ folders: [dir], initializationOptions: settings }));
    await client.workspaceIndexed();
  },
  { timeout: 240_000 },
);

after(async () => {
  client.kill();
  if (!(await own.isRunning())) await own.start().catch(() => undefined);
  await own.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const trustCodesOf = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.filter((d) => String(d.code).startsWith('trust-')).map((d) => String(d.code));
/** Stale answers are shown until new ones arrive: wait for the publish of `version` that has `code`. */
const publishWith = (version: number, code: string) => (p: PublishDiagnosticsParams) =>
  p.version === version && trustCodesOf(p.diagnostics).includes(code);

test(
  'when notary-server stops and comes back → signed, then a could-not-check warning, then signed again',
  { timeout: 240_000 },
  async () => {
    const uri = fileUri(join(dir, 'pod.yaml'));
    const text = podYaml('default', [image]);
    await client.open(uri, text, 1);
    assert.deepEqual(trustCodesOf(await client.diagnostics(uri, publishWith(1, 'trust-signed'), 30_000)), [
      'trust-signed',
    ]);

    await own.stop();
    await client.change(uri, `${text}# edited\n`, 2);
    const down = (await client.diagnostics(uri, publishWith(2, 'trust-unavailable'), 30_000)).filter((d) =>
      String(d.code).startsWith('trust-'),
    );
    assert.deepEqual(trustCodesOf(down), ['trust-unavailable']);
    assert.match(
      down[0]?.message ?? '',
      /^Could not check trust of .*\(UNREACHABLE\)\. This says nothing about whether it is signed\./,
    );
    assert.notEqual(await client.hover(uri, { line: 8, character: 16 }), null, 'the server still answers');

    await own.start();
    // The lab's restarted server signs again with new root certificates (test/helpers/lab.ts): a root that
    // does not chain to the one pinned on first use is a verification failure, never silently accepted.
    await client.change(uri, `${text}# edited again\n`, 3);
    const rotated = await client.diagnostics(uri, publishWith(3, 'trust-verification-failed'), 30_000);
    const failed = rotated.find((d) => d.code === 'trust-verification-failed');
    assert.match(failed?.message ?? '', /\(ROOT_ROTATION\)/);
    // imageTrust/refresh drops the session's first-use pins (the user accepts the rebuilt server).
    await client.refresh();
    assert.deepEqual(trustCodesOf(await client.diagnostics(uri, publishWith(3, 'trust-signed'), 30_000)), [
      'trust-signed',
    ]);
  },
);
