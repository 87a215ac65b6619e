// Oracle tests: our Notary client and registry client against the real tools on the lab. For every lab
// repository, what `notary list` / `notary lookup` (notary 0.7.0) and `skopeo inspect` say is what
// server/src/trust/notary and server/src/trust/registry must say (trust-lab.md "What the lab contains").
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotaryClient } from '../../server/src/trust/notary';
import type { NotaryClient } from '../../server/src/trust/notary';
import { TrustError } from '../../server/src/trust/errors';
import { createTrustTransport } from '../../server/src/trust/transport/trustTransport';
import type { TrustTransport } from '../../server/src/trust/transport/trustTransport';
import type { CredentialStore } from '../../server/src/trust/credentials/credential';
import type { NotaryCli } from '../../scripts/lab/notaryCli';
import { skopeoInspectDigest } from '../../scripts/lab/skopeo';
import { MemoryFileStore } from './attacks/support/memoryFileStore';
import type { LabRepository, LabState } from '../helpers/lab';
import {
  expectedTags,
  labBasicCredentials,
  labCaFiles,
  labNotaryCli,
  labRegistry,
  labRepository,
  useLab,
} from '../helpers/lab';

let lab: LabState;
let freshDir: string;
let oracle: NotaryCli;
let transport: TrustTransport;
/** Without allowHttpLoopback: that option makes *every* loopback registry plain HTTP, TLS ones too. */
let tlsTransport: TrustTransport;

before(
  async () => {
    lab = await useLab({ bench: [1000] });
    freshDir = await mkdtemp(join(tmpdir(), 'lab-oracle-'));
    oracle = labNotaryCli(lab, freshDir);
    const basic = labBasicCredentials(lab);
    const credentials: CredentialStore = {
      get: (host) => {
        const found = basic[host];
        return Promise.resolve(
          found === undefined ? undefined : { kind: 'basic', username: found.user, password: found.pass },
        );
      },
    };
    const options = {
      env: {},
      homeDir: freshDir,
      caFiles: labCaFiles(lab),
      credentials,
      credentialHelpers: 'disabled',
    } as const;
    transport = createTrustTransport({ ...options, allowHttpLoopback: true });
    tlsTransport = createTrustTransport(options);
  },
  { timeout: 180_000 },
);

after(async () => {
  await transport.close();
  await tlsTransport.close();
  await rm(freshDir, { recursive: true, force: true });
});

/** A fresh client (empty cache, trust on first use) per call, as `notary list` with an empty trust dir. */
function freshClient(): NotaryClient {
  return createNotaryClient({
    fetcher: transport.notaryFetcher(lab.notary.url),
    store: new MemoryFileStore(),
  });
}

function signedRepositories(): LabRepository[] {
  return Object.values(lab.repositories).filter((repo) => repo.trustData);
}

const hex = (digest: string): string => digest.replace(/^sha256:/, '');

describe('Notary client vs notary CLI', () => {
  test('when every signed repository is read → the signed tags and digests equal `notary list`', async () => {
    for (const repo of signedRepositories()) {
      const rows = await oracle.list(repo.gun);
      const trusted = await freshClient().getRepository(repo.gun);
      const ours = trusted.signedTags().map((row) => `${row.tag} ${hex(row.digest)}`);
      assert.deepEqual([...ours].sort(), rows.map((row) => `${row.tag} ${hex(row.digest)}`).sort(), repo.gun);
      for (const row of rows) {
        const hit = trusted.findTag(row.tag);
        assert.equal(hit?.digest, hex(row.digest), `${repo.gun}:${row.tag}`);
        assert.equal(hit?.length, row.size, `${repo.gun}:${row.tag}`);
      }
    }
  });

  test('when every tag is resolved as docker pull would → it matches `notary lookup` and the state file', async () => {
    for (const repo of signedRepositories().filter((r) => r.generated === undefined)) {
      const trusted = await freshClient().getRepository(repo.gun);
      for (const [tag, facts] of Object.entries(expectedTags(repo))) {
        const { found } = await oracle.lookup(repo.gun, tag);
        assert.equal(found?.digest, facts.signed?.digest, `notary lookup ${repo.gun}:${tag}`);
        if (facts.signed === undefined) {
          assert.throws(
            () => trusted.resolveTag(tag),
            (e: unknown) => e instanceof TrustError && e.code === 'TAG_NOT_SIGNED',
          );
        } else {
          const resolved = trusted.resolveTag(tag);
          assert.equal(resolved.digest, hex(facts.signed.digest), `${repo.gun}:${tag}`);
          assert.equal(resolved.length, facts.signed.size, `${repo.gun}:${tag}`);
        }
      }
    }
  });

  test('when signers are listed → they are docker trust inspect SIGNERS from the state file', async () => {
    for (const repo of signedRepositories().filter((r) => r.generated === undefined)) {
      const rows = (await freshClient().getRepository(repo.gun)).signedTags();
      for (const [tag, facts] of Object.entries(repo.tags)) {
        if (facts.signed === undefined) continue;
        const row = rows.find((r) => r.tag === tag && hex(r.digest) === hex(facts.signed?.digest ?? ''));
        assert.deepEqual([...(row?.signers ?? [])].sort(), [...facts.signers].sort(), `${repo.gun}:${tag}`);
      }
    }
  });

  test('when ns/unsigned is read → NO_TRUST_DATA, as `notary list` says "does not have trust data"', async () => {
    const repo = labRepository(lab, 'ns/unsigned');
    const cli = await oracle.run(['list', repo.gun], { okExitCodes: [1] });
    assert.match(cli.stdout + cli.stderr, /does not have trust data/);
    await assert.rejects(
      freshClient().getRepository(repo.gun),
      (e: unknown) => e instanceof TrustError && e.code === 'NO_TRUST_DATA',
    );
  });

  test('when ns/revoked is read → releases is skipped as under-signed, as notary warns', async () => {
    const repo = labRepository(lab, 'ns/revoked');
    const cli = await oracle.run(['list', repo.gun]);
    assert.match(cli.stderr, /valid signatures did not meet threshold for targets\/releases/);
    const trusted = await freshClient().getRepository(repo.gun);
    assert.equal(trusted.skippedRoles.get('targets/releases'), 'THRESHOLD_NOT_MET');
    assert.equal(trusted.findTag('latest'), undefined);
  });
});

describe('registry client vs skopeo', () => {
  test('when every tag is resolved → digest equals `skopeo inspect`, size equals the state file', async () => {
    for (const repo of Object.values(lab.repositories)) {
      const registry = labRegistry(lab, repo);
      const client = (registry.tls ? tlsTransport : transport).registryClient(registry.host);
      for (const [tag, facts] of Object.entries(repo.tags)) {
        if (facts.registry === undefined) continue;
        const skopeo = await skopeoInspectDigest(registry, repo.name, tag);
        const ours = await client.resolveDigest(repo.name, tag);
        assert.equal(ours.digest, skopeo, `${repo.gun}:${tag}`);
        if (ours.size !== undefined) assert.equal(ours.size, facts.registry.size, `${repo.gun}:${tag}`);
      }
    }
  });
});
