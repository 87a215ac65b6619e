// One test per trust diagnostic code against the real lab (notary-server + docker-registry on 127.0.0.1),
// through the in-process language service: validate → checkTrust → validate, as the editor settles.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Finding } from '../../server/src/diagnostics/finding';
import { labRepository, useLab, type LabState } from '../helpers/lab';
import {
  imagePolicyYaml,
  labSettings,
  podYaml,
  publicKeyOf,
  signerSecretYaml,
  trustCodes,
  TrustWorkspace,
} from '../helpers/trustLab';
import { buildRepo, corruptFirstSignature, generateRepoKeys } from '../trust/attacks/support/repoBuilder';
import { TufServer } from '../trust/attacks/support/tufServer';

let lab: LabState;
let reg: string;
const POD = 'file:///ws/pod.yaml';

before(
  async () => {
    lab = await useLab();
    reg = lab.registries.http.host;
  },
  { timeout: 180_000 },
);

function workspace(
  namespace: string,
  entries: Parameters<typeof imagePolicyYaml>[1],
  extra: Record<string, string> = {},
  settings: Record<string, unknown> = {},
) {
  return new TrustWorkspace(labSettings(lab, settings), {
    'file:///ws/policy.yaml': imagePolicyYaml(namespace, entries),
    ...extra,
  });
}

function only(findings: readonly Finding[], code: string): Finding {
  const found = findings.filter((f) => f.code === code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(findings.map((f) => f.code))}`);
  return found[0];
}

const digestOf = (name: string, tag: string): string => {
  const value = labRepository(lab, name).tags[tag];
  if (!value) throw new Error(`no lab tag ${name}:${tag}`);
  return (value.signed ?? value.registry)?.digest ?? '';
};

describe('trust diagnostics against the lab', () => {
  test('when the repository was never signed and trust is required → trust-no-data error with the controller message', async () => {
    const ws = workspace('default', [{ name: `${reg}/ns/*`, trustServer: lab.notary.url }]);
    const { findings } = await ws.settle(POD, podYaml('default', [`${reg}/ns/unsigned:latest`]));
    const finding = only(findings, 'trust-no-data');
    assert.equal(finding.severity, 'error');
    assert.equal(
      finding.message,
      `trust: policy denied the request: Deny "${reg}/ns/unsigned:latest", failed to get content trust information: ${new URL(lab.notary.url).host} does not have trust data for ${reg}/ns/unsigned`,
    );
  });

  test('when a signed repository lacks the tag → trust-no-data "No valid trust data for 0.9"', async () => {
    const ws = workspace('default', [{ name: `${reg}/ns/*`, trustServer: lab.notary.url }]);
    const { findings } = await ws.settle(POD, podYaml('default', [`${reg}/ns/signed:0.9`]));
    assert.match(
      only(findings, 'trust-no-data').message,
      /failed to get content trust information: No valid trust data for 0\.9$/,
    );
  });

  test('when trust is not required and the image is unsigned → trust-no-data is information only', async () => {
    const ws = workspace(
      'default',
      [{ name: `${reg}/ns/*`, trust: false }],
      {},
      { trust: { servers: { [reg]: lab.notary.url } } },
    );
    const { findings } = await ws.settle(POD, podYaml('default', [`${reg}/ns/unsigned:latest`]));
    assert.equal(only(findings, 'trust-no-data').severity, 'information');
  });

  test('when an unsigned image was pushed over the signed tag → trust-tag-moved warning, Portieris runs the old signed digest', async () => {
    const ws = workspace('default', [{ name: `${reg}/ns/*`, trustServer: lab.notary.url }]);
    const { findings } = await ws.settle(POD, podYaml('default', [`${reg}/ns/signed:latest`]));
    const finding = only(findings, 'trust-tag-moved');
    const signed = digestOf('ns/signed', 'latest');
    assert.equal(finding.severity, 'warning');
    assert.ok(
      finding.message.includes(`Portieris will run the signed image ${reg}/ns/signed@${signed}`),
      finding.message,
    );
    assert.equal(finding.data?.registryDigest, labRepository(lab, 'ns/signed').tags.latest?.registry?.digest);
  });

  test('when the trust server comes from the per-registry setting → the same verdict as from the policy', async () => {
    const ws = workspace(
      'default',
      [{ name: `${reg}/ns/*` }],
      {},
      { trust: { servers: { [reg]: lab.notary.url } } },
    );
    const { findings } = await ws.settle(
      POD,
      podYaml('default', [`${reg}/ns/signed:latest`, `${reg}/ns/hello-world:latest`]),
    );
    assert.deepEqual(trustCodes(findings), ['trust-tag-moved@8', 'trust-signed@10']);
  });

  test('when alice and bob must sign ns/two-signers and both did with their keys → allowed (trust-signed)', async () => {
    const [alice, bob] = [await publicKeyOf(lab, 'alice'), await publicKeyOf(lab, 'bob')];
    const ws = workspace(
      'signers',
      [{ name: `${reg}/ns/two-signers`, trustServer: lab.notary.url, signerSecrets: ['alice', 'bob'] }],
      {
        'file:///ws/secrets.yaml': `${signerSecretYaml('alice', 'signers', 'alice', alice)}---\n${signerSecretYaml('bob', 'signers', 'bob', bob)}`,
      },
    );
    const { file, findings } = await ws.settle(POD, podYaml('signers', [`${reg}/ns/two-signers:latest`]));
    assert.deepEqual(trustCodes(findings), ['trust-signed@8']);
    const hover = ws.service.hover(file, { line: 8, character: 16 })?.markdown ?? '';
    assert.match(
      hover,
      /required signer `alice`: \*\*signed\*\* \(key ID compared with the workspace Secret\)/,
    );
    assert.match(hover, /required signer `bob`: \*\*signed\*\*/);
  });

  test('when bob must sign and only alice did → trust-signer-missing "no signature found for role bob"', async () => {
    const ws = workspace(
      'signers',
      [{ name: `${reg}/ns/signed`, trustServer: lab.notary.url, signerSecrets: ['bob'] }],
      {
        'file:///ws/secrets.yaml': signerSecretYaml('bob', 'signers', 'bob', await publicKeyOf(lab, 'bob')),
      },
    );
    const { findings } = await ws.settle(POD, podYaml('signers', [`${reg}/ns/signed:1.0`]));
    const finding = only(findings, 'trust-signer-missing');
    assert.equal(finding.severity, 'error');
    assert.equal(
      finding.message,
      `trust: policy denied the request: Deny "${reg}/ns/signed:1.0", failed to get content trust information: no signature found for role bob`,
    );
  });

  test('when the Secret for alice holds bob\'s key → trust-signer-missing "Public keys are different"', async () => {
    const ws = workspace(
      'signers',
      [{ name: `${reg}/ns/two-signers`, trustServer: lab.notary.url, signerSecrets: ['alice'] }],
      {
        'file:///ws/secrets.yaml': signerSecretYaml(
          'alice',
          'signers',
          'alice',
          await publicKeyOf(lab, 'bob'),
        ),
      },
    );
    const { findings } = await ws.settle(POD, podYaml('signers', [`${reg}/ns/two-signers:latest`]));
    assert.match(only(findings, 'trust-signer-missing').message, /: Public keys are different$/);
  });

  test('when the signer Secret is not in the workspace → the role name alone decides and the hover says so', async () => {
    const ws = workspace('signers', [
      { name: `${reg}/ns/two-signers`, trustServer: lab.notary.url, signerSecrets: ['alice'] },
    ]);
    const { file, findings } = await ws.settle(POD, podYaml('signers', [`${reg}/ns/two-signers:latest`]));
    assert.deepEqual(trustCodes(findings), ['trust-signed@8']);
    assert.match(
      ws.service.hover(file, { line: 8, character: 16 })?.markdown ?? '',
      /Secret not in the workspace: role name `targets\/alice` only, key not compared/,
    );
  });

  test('when a pinned digest is not among the signed targets → trust-digest-not-signed error with a re-pin', async () => {
    const ws = workspace('default', [{ name: `${reg}/ns/*`, trustServer: lab.notary.url }]);
    const unsigned = digestOf('ns/unsigned', 'latest');
    const { findings } = await ws.settle(POD, podYaml('default', [`${reg}/ns/hello-world@${unsigned}`]));
    const finding = only(findings, 'trust-digest-not-signed');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.data?.pin, {
      portieris: `${reg}/ns/hello-world@${digestOf('ns/hello-world', 'latest')}`,
      renovate: `${reg}/ns/hello-world@${digestOf('ns/hello-world', 'latest')}`,
    });
  });

  test('when a pinned digest is signed for another tag than the one Portieris looks up → warning', async () => {
    const ws = workspace('default', [{ name: `${reg}/ns/*`, trustServer: lab.notary.url }]);
    const { findings } = await ws.settle(
      POD,
      podYaml('default', [`${reg}/ns/hello-world@${digestOf('ns/hello-world', '3.6')}`]),
    );
    const finding = only(findings, 'trust-digest-not-signed');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /no longer the signed digest of "latest"/);
  });

  test('when the trust data does not verify → trust-verification-failed error naming the failure', async () => {
    const gun = `${reg}/ns/forged`;
    const server = new TufServer(gun);
    for (const [name, bytes] of buildRepo({
      keys: generateRepoKeys(gun),
      damage: { timestamp: corruptFirstSignature },
    }))
      server.files.set(name, bytes);
    const url = await server.start();
    try {
      const ws = workspace(
        'default',
        [{ name: `${reg}/ns/*`, trustServer: url }],
        {},
        { trust: { insecureHosts: [reg, new URL(url).host] } },
      );
      const { findings } = await ws.settle(POD, podYaml('default', [`${gun}:v1`]));
      const finding = only(findings, 'trust-verification-failed');
      assert.equal(finding.severity, 'error');
      assert.equal(finding.data?.errorCode, 'BAD_SIGNATURE');
    } finally {
      await server.stop();
    }
  });

  test('when the trust server refuses connections → trust-unavailable warning, never "unsigned"', async () => {
    const closed = await closedPort();
    const ws = workspace('default', [{ name: `${reg}/ns/*`, trustServer: `https://127.0.0.1:${closed}` }]);
    const { findings } = await ws.settle(POD, podYaml('default', [`${reg}/ns/hello-world:latest`]));
    const finding = only(findings, 'trust-unavailable');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.data?.errorCode, 'UNREACHABLE');
    assert.doesNotMatch(finding.message, /unsigned|not signed/);
    assert.deepEqual(trustCodes(findings), ['trust-unavailable@8']);
  });

  test('when the private TLS registry gets the right Basic credentials from DOCKER_CONFIG → its digest is compared', async () => {
    const { findings } = await privateRegistry(true);
    assert.deepEqual(trustCodes(findings), ['trust-signed@8']);
  });

  test('when the private registry refuses the credentials → trust-unavailable "could not check", not unsigned', async () => {
    const { findings } = await privateRegistry(false);
    const finding = only(findings, 'trust-unavailable');
    assert.match(
      finding.message,
      /^Could not read the digest the registry serves for "latest": .*\(UNAUTHORIZED\)/,
    );
    assert.equal(finding.data?.errorCode, 'UNAUTHORIZED');
  });

  test('when the workspace is untrusted → trust-not-checked-untrusted and not one connection is made', async () => {
    const counter = await connectionCounter();
    try {
      const ws = workspace(
        'default',
        [{ name: `${reg}/ns/*`, trustServer: counter.url }],
        {},
        { workspaceTrusted: false },
      );
      const { findings } = await ws.settle(POD, podYaml('default', [`${reg}/ns/hello-world:latest`]));
      assert.equal(only(findings, 'trust-not-checked-untrusted').severity, 'information');
      assert.equal(counter.connections(), 0);
    } finally {
      await counter.close();
    }
  });

  test('when network lookups are off → trust-not-checked-offline and not one connection is made', async () => {
    const counter = await connectionCounter();
    try {
      const ws = workspace(
        'default',
        [{ name: `${reg}/ns/*`, trustServer: counter.url }],
        {},
        { network: false },
      );
      const { findings } = await ws.settle(POD, podYaml('default', [`${reg}/ns/hello-world:latest`]));
      assert.equal(only(findings, 'trust-not-checked-offline').severity, 'information');
      assert.equal(counter.connections(), 0);
    } finally {
      await counter.close();
    }
  });

  test('when the image is signed → trust-signed hint naming the digest Portieris will run', async () => {
    const ws = workspace('default', [{ name: `${reg}/ns/*`, trustServer: lab.notary.url }]);
    const { findings } = await ws.settle(POD, podYaml('default', [`${reg}/ns/hello-world:latest`]));
    const finding = only(findings, 'trust-signed');
    assert.equal(finding.severity, 'hint');
    assert.ok(
      finding.message.endsWith(
        `Portieris will run ${reg}/ns/hello-world@${digestOf('ns/hello-world', 'latest')}.`,
      ),
    );
  });

  test('when severities are overridden → the code takes the new severity or disappears with "off"', async () => {
    const ws = workspace(
      'default',
      [{ name: `${reg}/ns/*`, trustServer: lab.notary.url }],
      {},
      {
        severity: { 'trust-tag-moved': 'error', 'trust-signed': 'off' },
      },
    );
    const { findings } = await ws.settle(
      POD,
      podYaml('default', [`${reg}/ns/signed:latest`, `${reg}/ns/hello-world:latest`]),
    );
    assert.deepEqual(trustCodes(findings), ['trust-tag-moved@8']);
    assert.equal(only(findings, 'trust-tag-moved').severity, 'error');
  });
});

/** ns/private on the lab's TLS registry (htpasswd Basic auth), credentials from a Docker config.json. */
async function privateRegistry(rightPassword: boolean) {
  const tls = lab.registries.tls;
  const configDir = await mkdtemp(join(tmpdir(), 'docker-config-'));
  try {
    const user = tls.credentials?.user ?? '';
    const pass = rightPassword ? (tls.credentials?.pass ?? '') : 'wrong-password';
    const auth = Buffer.from(`${user}:${pass}`).toString('base64');
    await writeFile(join(configDir, 'config.json'), JSON.stringify({ auths: { [tls.host]: { auth } } }));
    const ws = new TrustWorkspace(
      labSettings(lab, {
        trust: { caFiles: { [new URL(lab.notary.url).host]: lab.caPath, [tls.host]: lab.caPath } },
      }),
      {
        'file:///ws/policy.yaml': imagePolicyYaml('default', [
          { name: `${tls.host}/ns/*`, trustServer: lab.notary.url },
        ]),
      },
      { env: { DOCKER_CONFIG: configDir } },
    );
    return await ws.settle(POD, podYaml('default', [`${tls.host}/ns/private:latest`]));
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function connectionCounter(): Promise<{ url: string; connections(): number; close(): Promise<void> }> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    connections: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
