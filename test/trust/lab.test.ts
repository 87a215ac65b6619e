// The trust lab's own facts, checked with the real tools (notary CLI, skopeo, curl-like GETs): what
// `.lab/state.json` promises is what notary-server and the registries serve (trust-lab.md).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get as httpsGet } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { startNotaryServer } from '../../scripts/lab/notaryServer';
import { startRegistry } from '../../scripts/lab/registry';
import { isRunning, stopProcess } from '../../scripts/lab/processes';
import { spawn } from 'node:child_process';
import { fetchManifest } from '../../scripts/lab/registryHttp';
import { probeStatus } from '../../scripts/lab/readiness';
import { skopeoInspectDigest } from '../../scripts/lab/skopeo';
import type { NotaryCli } from '../../scripts/lab/notaryCli';
import type { LabRepository, LabState } from '../helpers/lab';
import {
  benchRepoName,
  expectedTags,
  labNotaryCli,
  labRegistry,
  labRepository,
  startOwnNotary,
  useLab,
} from '../helpers/lab';

const LAB_TIMEOUT = 180_000;

let lab: LabState;
let freshDir: string;
/** A notary client with an empty trust dir: what a first-time consumer sees. */
let fresh: NotaryCli;

before(
  async () => {
    lab = await useLab({ bench: [1000] });
    freshDir = await mkdtemp(join(tmpdir(), 'lab-test-trust-'));
    fresh = labNotaryCli(lab, freshDir);
  },
  { timeout: LAB_TIMEOUT },
);

after(async () => {
  await rm(freshDir, { recursive: true, force: true });
});

function signedRows(repo: LabRepository, role?: string): string[] {
  return Object.entries(expectedTags(repo))
    .filter(([, facts]) => facts.signed !== undefined && (role === undefined || facts.roles.includes(role)))
    .map(([tag, facts]) => `${tag} ${facts.signed?.digest} ${facts.signed?.size}`)
    .sort();
}

describe('notary list per repository', () => {
  test('when each signed repository is listed by a fresh notary client → the rows are the state file signed tags', async () => {
    for (const repo of Object.values(lab.repositories).filter((r) => r.trustData)) {
      const rows = await fresh.list(repo.gun);
      assert.deepEqual(
        rows.map((row) => `${row.tag} ${row.digest} ${row.size}`).sort(),
        signedRows(repo),
        repo.gun,
      );
      for (const row of rows) {
        assert.ok(
          expectedTags(repo)[row.tag]?.roles.includes(row.role),
          `${repo.gun} ${row.tag} role ${row.role}`,
        );
      }
    }
  });

  test('when listed with -r targets/releases → exactly the tags whose roles include releases', async () => {
    for (const repo of Object.values(lab.repositories).filter((r) => r.trustData)) {
      const rows = await fresh.list(repo.gun, 'targets/releases');
      const actual = rows.map((row) => `${row.tag} ${row.digest} ${row.size}`).sort();
      assert.deepEqual(actual, signedRows(repo, 'targets/releases'), repo.gun);
    }
  });

  test('when ns/unsigned is listed → notary says it does not have trust data', async () => {
    const repo = labRepository(lab, 'ns/unsigned');
    assert.equal(repo.trustData, false);
    const result = await fresh.run(['list', repo.gun], { okExitCodes: [1] });
    assert.equal(result.exitCode, 1);
    assert.match(result.stdout + result.stderr, /does not have trust data/);
  });

  test('when ns/revoked:latest is looked up → no valid trust data although releases.json lists it', async () => {
    const repo = labRepository(lab, 'ns/revoked');
    const { found, output } = await fresh.lookup(repo.gun, 'latest');
    assert.equal(found, undefined);
    assert.match(output, /No valid trust data for latest/);
    assert.deepEqual(repo.tags.latest?.invalidRoles, ['targets/releases']);
    const raw = (await get(`${lab.notary.url}/v2/${repo.gun}/_trust/tuf/targets/releases.json`)).body;
    assert.match(raw, /"latest":\{"hashes"/);
  });

  test('when ns/two-signers:latest is listed per signer role → alice and bob both hold it', async () => {
    const repo = labRepository(lab, 'ns/two-signers');
    for (const signer of ['alice', 'bob']) {
      const rows = await fresh.list(repo.gun, `targets/${signer}`);
      assert.deepEqual(
        rows.map((row) => row.digest),
        [repo.tags.latest?.signed?.digest],
      );
    }
  });

  test('when bench/tags-1000 is requested → notary list shows 1,000 generated targets', async () => {
    const repo = labRepository(lab, benchRepoName(1000));
    const rows = await fresh.list(repo.gun);
    assert.equal(rows.length, 1000);
    assert.deepEqual(rows.map((row) => `${row.tag} ${row.digest} ${row.size}`).sort(), signedRows(repo));
  });
});

describe('registry facts', () => {
  test('when every tag is inspected with skopeo → its digest is the state file registry digest', async () => {
    for (const repo of Object.values(lab.repositories)) {
      for (const [tag, facts] of Object.entries(repo.tags)) {
        if (facts.registry === undefined) continue;
        const digest = await skopeoInspectDigest(labRegistry(lab, repo), repo.name, tag);
        assert.equal(digest, facts.registry.digest, `${repo.gun}:${tag}`);
      }
    }
  });

  test('when ns/signed:latest is fetched → the registry digest differs from the signed one, which is still pullable', async () => {
    const repo = labRepository(lab, 'ns/signed');
    const latest = repo.tags.latest;
    assert.equal(latest?.verdict, 'mismatch');
    const served = await fetchManifest(lab.registries.http, repo.name, 'latest');
    assert.equal(served.digest, latest.registry?.digest);
    assert.notEqual(served.digest, latest.signed?.digest);
    const byDigest = await fetchManifest(lab.registries.http, repo.name, latest.signed?.digest ?? '');
    assert.equal(byDigest.size, latest.signed?.size);
  });

  test('when the TLS registry is asked without credentials → 401; with them → the signed manifest', async () => {
    const registry = lab.registries.tls;
    const ca = await readFile(lab.caPath, 'utf8');
    assert.equal(await probeStatus(`${registry.url}/v2/`, ca), 401);
    const repo = labRepository(lab, 'ns/private', 'tls');
    const served = await fetchManifest(registry, repo.name, 'latest');
    assert.equal(served.digest, repo.tags.latest?.signed?.digest);
  });
});

describe('lab primitives', () => {
  test('when notary-server is started with token auth → /v2/ answers a Bearer challenge; stop() ends it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-token-'));
    const auth = {
      realm: 'https://127.0.0.1:9/token',
      service: 'lab-notary',
      issuer: 'lab-issuer',
      rootcertbundle: lab.caPath,
    };
    const ca = { certPath: lab.caPath, keyPath: lab.caPath.replace(/\.crt$/, '.key') };
    const { makeLeaf } = await import('../../scripts/lab/certs');
    const leaf = await makeLeaf(ca, dir, 'notary-token');
    const server = await startNotaryServer({
      dir,
      tls: true,
      certs: { ca, leaf },
      auth,
      name: 'notary-token',
    });
    try {
      const response = await get(`${server.url}/v2/`);
      assert.equal(response.status, 401);
      assert.equal(
        response.headers['www-authenticate'],
        'Bearer realm="https://127.0.0.1:9/token",service="lab-notary",scope="registry:catalog:*"',
      );
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
    assert.equal(await server.isRunning(), false);
  });

  test('when the TLS registry gets a wrong password → 401; the right one → 200', async () => {
    const registry = lab.registries.tls;
    const basic = (user: string, pass: string): Record<string, string> => ({
      Authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`,
    });
    const user = registry.credentials?.user ?? '';
    assert.equal((await get(`${registry.url}/v2/`, basic(user, 'wrong'))).status, 401);
    assert.equal(
      (await get(`${registry.url}/v2/`, basic(user, registry.credentials?.pass ?? ''))).status,
      200,
    );
    assert.equal((await get(`${registry.url}/v2/`)).headers['www-authenticate'], 'Basic realm="lab"');
  });

  test('when a plain registry is started on a free port → /v2/ answers 200 until stop()', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-registry-'));
    const registry = await startRegistry({ dir, name: 'registry-scratch' });
    try {
      assert.equal(await probeStatus(`${registry.url}/v2/`), 200);
    } finally {
      await registry.stop();
      await rm(dir, { recursive: true, force: true });
    }
    assert.equal(await probeStatus(`${registry.url}/v2/`), undefined);
  });
});

describe('process records', () => {
  test('when a recorded PID now runs another program → stopProcess leaves it alone', async () => {
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const pid = other.pid ?? -1;
      const record = {
        name: 'notary-server',
        pid,
        binary: '/usr/bin/notary-server',
        args: [],
        logPath: '/dev/null',
      };
      assert.equal(await isRunning(record), false);
      await stopProcess(record);
      assert.equal(other.exitCode, null);
      assert.equal(other.signalCode, null);
      const sleepRecord = { ...record, binary: '/usr/bin/sleep', args: ['30'] };
      assert.equal(await isRunning(sleepRecord), true);
    } finally {
      other.kill('SIGKILL');
    }
  });
});

describe('a test-owned notary-server', () => {
  test('when it is stopped → refused; when started again → it serves the repository again', async () => {
    const repo = labRepository(lab, 'ns/signed');
    const own = await startOwnNotary(lab, [repo.gun]);
    const ca = await readFile(own.caPath, 'utf8');
    try {
      assert.equal(await probeStatus(`${own.url}/v2/${repo.gun}/_trust/tuf/root.json`, ca), 200);
      await own.stop();
      assert.equal(await own.isRunning(), false);
      assert.equal(await probeStatus(`${own.url}/_notary_server/health`, ca), undefined);
      assert.equal(
        await probeStatus(`${lab.notary.url}/_notary_server/health`, ca),
        200,
        'the shared lab is untouched',
      );
      await own.start();
      const client = labNotaryCli(lab, join(freshDir, 'own'), own.url);
      const rows = await client.list(repo.gun);
      assert.deepEqual(rows.map((row) => `${row.tag} ${row.digest} ${row.size}`).sort(), signedRows(repo));
    } finally {
      await own.stop();
    }
  });
});

async function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const ca = await readFile(lab.caPath, 'utf8');
  return new Promise((resolve, reject) => {
    httpsGet(url, { ca, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    }).on('error', reject);
  });
}
