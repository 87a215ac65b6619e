// Edits while trust lookups are in flight (the editor-trust benchmark once left 30 of 200 images without
// a trust code for good): the notary-server sits behind a proxy that holds every request until the test
// releases it, so each edit lands mid-lookup by a signal (a request reached the proxy), not by timing.
// Whatever happened to the earlier versions' lookups, the final version must get every image's code.
import { after, before, test } from 'node:test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { makeServerCerts } from '../../scripts/lab';
import { startHoldingProxy, type HoldingProxy } from '../helpers/holdingProxy';
import { useLab, type LabState } from '../helpers/lab';
import { fileUri, LspTestClient } from '../helpers/lspClient';
import { imagePolicyYaml, labSettings, podYaml } from '../helpers/trustLab';

let lab: LabState;
// Empty until `before` made it: a failed set-up must not make `after` fail too and hide its error.
let dir = '';
let proxy: HoldingProxy;
let client: LspTestClient;
let reg: string;

before(
  async () => {
    lab = await useLab();
    reg = lab.registries.http.host;
    dir = await mkdtemp(join(tmpdir(), 'trust-edit-'));
    const certs = await makeServerCerts(join(dir, 'proxy-tls'), 'holding-proxy');
    proxy = await startHoldingProxy({
      upstream: lab.notary.url,
      upstreamCaPath: lab.caPath,
      tls: certs.leaf,
    });
    await writeFile(
      join(dir, 'imagepolicy.yaml'),
      imagePolicyYaml('default', [{ name: `${reg}/ns/*`, trustServer: proxy.url }]),
    );
    const settings = labSettings(lab, {
      trust: {
        caFiles: { [new URL(proxy.url).host]: certs.ca.certPath },
        insecureHosts: [reg],
      },
    });
    ({ client } = await LspTestClient.start({ folders: [dir], initializationOptions: settings }));
    await client.workspaceIndexed();
  },
  { timeout: 180_000 },
);

after(async () => {
  client.kill();
  proxy.release();
  await proxy.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Signed, unsigned and moved lab repositories plus repositories with no trust data, new in every round. */
function images(round: number): string[] {
  const absent = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `${reg}/ns/absent-${round}-${i}:v${i}`);
  return [`${reg}/ns/signed:latest`, `${reg}/ns/hello-world:latest`, `${reg}/ns/unsigned:latest`, ...absent];
}

/** The pod with `comments` comment lines on top, so every edit moves the image lines. */
const podText = (round: number, comments: number): string =>
  '# edit\n'.repeat(comments) + podYaml('default', images(round));

const imageLines = (text: string): number[] =>
  text.split('\n').flatMap((line, i) => (line.trimStart().startsWith('image:') ? [i] : []));

/** The publish of `version` in which every image line carries a trust code. */
const everyImageCoded = (version: number, text: string) => (p: PublishDiagnosticsParams) => {
  if (p.version !== version) return false;
  const coded = new Set(
    p.diagnostics.filter((d) => String(d.code).startsWith('trust-')).map((d) => d.range.start.line),
  );
  return imageLines(text).every((line) => coded.has(line));
};

for (const round of [1, 2, 3, 4, 5]) {
  test(
    `when the document is edited three times while its lookups are held (round ${round}) → every image of the final version gets its trust code`,
    { timeout: 60_000 },
    async () => {
      const uri = fileUri(join(dir, `pod-${round}.yaml`));
      proxy.hold();
      let seen = proxy.received();
      await client.open(uri, podText(round, 0), 1);
      // v1's lookups reached the trust server and wait there: edit now.
      await proxy.waitReceived(seen + 1);
      seen = proxy.received();
      await client.change(uri, podText(round, 1), 2);
      // v2 aborted v1's lookups and asked again (the aborted ones are never joined): edit again.
      await proxy.waitReceived(seen + 1);
      await client.change(uri, podText(round, 2), 3);
      // Answers and the last edit arrive together.
      const final = podText(round, 3);
      proxy.release();
      await client.change(uri, final, 4);
      await client.diagnostics(uri, everyImageCoded(4, final), 30_000);
    },
  );
}
