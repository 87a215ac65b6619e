// Oracle tests: the trust engine (server/src/trust/engine.ts) against the real tools on the lab. For every
// lab repository — the 1,000-tag bench repository too — what `notary list` (all roles, `-r
// targets/releases`, `-r targets/<signer>`), `notary lookup` (notary 0.7.0) and `skopeo inspect` say is
// what the engine must say (trust-lab.md "What the lab contains").
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createTrustEngine, type RepositoryResult, type TrustEngine } from '../../server/src/trust/engine';
import { TrustError } from '../../server/src/trust/errors';
import type { HttpClient } from '../../server/src/trust/io';
import type { TrustedRepository } from '../../server/src/trust/notary';
import type { CredentialStore } from '../../server/src/trust/credentials/credential';
import { createTrustTransport } from '../../server/src/trust/transport/trustTransport';
import type { TrustTransport, TrustTransportOptions } from '../../server/src/trust/transport/trustTransport';
import { runBuffer } from '../../scripts/lab/exec';
import type { NotaryCli, NotaryListRow } from '../../scripts/lab/notaryCli';
import { skopeoInspectDigest, sourceFlags } from '../../scripts/lab/skopeo';
import type { LabRepository, LabState } from '../helpers/lab';
import {
  benchTargets,
  expectedTags,
  labNotaryCli,
  labRegistry,
  labRepository,
  startOwnNotary,
  useLab,
} from '../helpers/lab';

let lab: LabState;
let work: string;
let oracle: NotaryCli;
let options: TrustTransportOptions;
/** The real undici transport; engines that count requests wrap its HttpClient. */
let base: TrustTransport;
let engine: TrustEngine;

const hex = (digest: string): string => digest.replace(/^sha256:/, '');
const BENCH = 1000;

before(
  async () => {
    lab = await useLab({ bench: [BENCH] });
    work = await mkdtemp(join(tmpdir(), 'lab-oracle-'));
    oracle = labNotaryCli(lab, join(work, 'notary-cli')); // empty trust dir: TOFU, like our cold cache
    const tls = lab.registries.tls;
    const credentials: CredentialStore = {
      get: (host) =>
        Promise.resolve(
          host === tls.host && tls.credentials !== undefined
            ? { kind: 'basic', username: tls.credentials.user, password: tls.credentials.pass }
            : undefined,
        ),
    };
    options = {
      env: {},
      homeDir: work,
      caFiles: { [new URL(lab.notary.url).host]: lab.notary.caPath, [tls.host]: lab.caPath },
      // Only the plain-HTTP registry is insecure; the TLS registry is verified against the lab CA.
      insecureHosts: [lab.registries.http.host],
      credentials,
      credentialHelpers: 'disabled',
    };
    base = createTrustTransport(options);
    engine = newEngine('cold');
  },
  { timeout: 300_000 },
);

after(async () => {
  await engine.close();
  await base.close();
  await rm(work, { recursive: true, force: true });
});

/**
 * An engine over the lab with its own cache folder below `work`: on the shared undici client (optionally
 * counting its requests), or on a transport of its own when it needs more CA files.
 */
function newEngine(
  cache: string,
  extra: { http?: HttpClient; dockerTrustDir?: string; caFiles?: Record<string, string> } = {},
): TrustEngine {
  const transport =
    extra.caFiles === undefined
      ? { sharedTransport: createTrustTransport({ ...options, http: extra.http ?? base.http }) }
      : { transport: { ...options, caFiles: { ...options.caFiles, ...extra.caFiles } } };
  return createTrustEngine({
    ...transport,
    cacheDir: join(work, cache),
    dockerTrustDir: extra.dockerTrustDir ?? false,
  });
}

function countingHttp(inner: HttpClient, seen: URL[]): HttpClient {
  return {
    request: (request) => {
      seen.push(request.url);
      return inner.request(request);
    },
  };
}

async function verified(result: Promise<RepositoryResult>, gun: string): Promise<TrustedRepository> {
  const answer = await result;
  if (answer.kind !== 'verified')
    assert.fail(`${gun}: ${answer.kind} ${answer.error.code} ${answer.error.message}`);
  return answer.repository;
}

const read = (gun: string, on: TrustEngine = engine): Promise<TrustedRepository> =>
  verified(on.repository(gun, { trustServer: lab.notary.url }), gun);

function signedRepositories(): LabRepository[] {
  return Object.values(lab.repositories).filter((repo) => repo.trustData);
}

/** Signer roles (`targets/<name>`, not releases) that targets.json delegates to. */
function signerRoles(repo: LabRepository): string[] {
  return repo.delegations.filter((role) => role !== 'targets/releases');
}

const rowKey = (row: { tag: string; digest: string }): string => `${row.tag} ${hex(row.digest)}`;
const keys = (rows: readonly NotaryListRow[]): string[] => rows.map(rowKey).sort();

describe('trust engine vs notary CLI', () => {
  test(
    'when every signed repository is read → the docker rows equal `notary list` (targets) + `-r targets/releases`',
    { timeout: 300_000 },
    async () => {
      assert.ok(lab.repositories[`${lab.registries.http.host}/bench/tags-${BENCH}`], 'bench repo present');
      for (const repo of signedRepositories()) {
        const all = await oracle.list(repo.gun);
        const releases = await oracle.list(repo.gun, 'targets/releases');
        const expected = [...all.filter((row) => row.role === 'targets'), ...releases];
        const trusted = await read(repo.gun);
        assert.deepEqual(trusted.signedTags().map(rowKey).sort(), keys(expected), repo.gun);
        for (const row of all) {
          const hit = trusted.findTag(row.tag);
          assert.equal(hit?.digest, hex(row.digest), `${repo.gun}:${row.tag}`);
          assert.equal(hit?.length, row.size, `${repo.gun}:${row.tag}`);
        }
        if (repo.generated) assert.equal(releases.length, repo.generated.count, repo.gun);
      }
    },
  );

  test(
    'when each signer role is listed with `notary list -r targets/<signer>` → it is exactly the engine’s signatures of that role',
    { timeout: 300_000 },
    async () => {
      for (const repo of signedRepositories()) {
        const trusted = await read(repo.gun);
        const tags = new Set((await oracle.list(repo.gun)).map((row) => row.tag));
        for (const role of ['targets/releases', ...signerRoles(repo)]) {
          const cli = await oracle.list(repo.gun, role);
          const ours = [...tags].flatMap((tag) =>
            trusted
              .signaturesOf(tag)
              .filter((s) => s.role === role)
              .map((s) => `${s.tag} ${s.digest}`),
          );
          assert.deepEqual(ours.sort(), keys(cli), `${repo.gun} ${role}`);
        }
      }
    },
  );

  test(
    'when the signers of each row are derived from the per-role lists → they equal the engine’s and the state file’s',
    { timeout: 300_000 },
    async () => {
      for (const repo of signedRepositories()) {
        const perRole = new Map<string, Set<string>>();
        for (const role of signerRoles(repo)) {
          perRole.set(role.slice('targets/'.length), new Set(keys(await oracle.list(repo.gun, role))));
        }
        const rows = (await read(repo.gun)).signedTags();
        for (const row of rows) {
          const fromCli = [...perRole].filter(([, set]) => set.has(rowKey(row))).map(([name]) => name);
          assert.deepEqual([...row.signers].sort(), fromCli.sort(), `${repo.gun}:${row.tag}`);
          assert.deepEqual(
            [...row.signers].sort(),
            [...(expectedTags(repo)[row.tag]?.signers ?? ['?'])].sort(),
          );
        }
      }
    },
  );

  test(
    'when tags are resolved as docker pull does → they equal `notary lookup` and the state file',
    { timeout: 300_000 },
    async () => {
      for (const repo of signedRepositories()) {
        const trusted = await read(repo.gun);
        const tags = Object.entries(expectedTags(repo));
        // 1,000 CLI lookups would take a minute: the bench repo is sampled at both ends and the middle.
        const sample = repo.generated ? [0, BENCH / 2, BENCH - 1].map((i) => tags[i]) : tags;
        for (const entry of sample) {
          if (entry === undefined) continue;
          const [tag, facts] = entry;
          const { found } = await oracle.lookup(repo.gun, tag);
          assert.equal(found?.digest, facts.signed?.digest, `notary lookup ${repo.gun}:${tag}`);
          if (facts.signed === undefined) {
            assert.throws(() => trusted.resolveTag(tag), isCode('TAG_NOT_SIGNED'));
          } else {
            const resolved = trusted.resolveTag(tag);
            assert.equal(resolved.digest, hex(facts.signed.digest), `${repo.gun}:${tag}`);
            assert.equal(resolved.length, facts.signed.size, `${repo.gun}:${tag}`);
          }
        }
        if (repo.generated) {
          const resolved = benchTargets(BENCH).map((t) => `${t.tag} ${trusted.resolveTag(t.tag).digest}`);
          assert.deepEqual(resolved, benchTargets(BENCH).map(rowKey), 'every bench tag resolves');
        }
      }
    },
  );

  test('when ns/unsigned is read → the kind is no-trust-data, as `notary list` says', async () => {
    const repo = labRepository(lab, 'ns/unsigned');
    const cli = await oracle.run(['list', repo.gun], { okExitCodes: [1] });
    assert.equal(cli.exitCode, 1);
    assert.match(cli.stdout + cli.stderr, /does not have trust data/);
    const answer = await engine.repository(repo.gun, { trustServer: lab.notary.url });
    assert.equal(answer.kind, 'no-trust-data');
    assert.equal(answer.error.code, 'NO_TRUST_DATA');
  });

  test('when ns/revoked is read → latest has no valid signature (never signed), as notary and docker say', async () => {
    const repo = labRepository(lab, 'ns/revoked');
    const cli = await oracle.run(['list', repo.gun]);
    assert.match(cli.stderr, /valid signatures did not meet threshold for targets\/releases/);
    assert.equal((await oracle.lookup(repo.gun, 'latest')).found, undefined);
    const trusted = await read(repo.gun);
    assert.equal(trusted.skippedRoles.get('targets/releases'), 'THRESHOLD_NOT_MET');
    assert.equal(trusted.findTag('latest'), undefined);
    assert.deepEqual(trusted.signaturesOf('latest'), []);
    assert.throws(() => trusted.resolveTag('latest'), isCode('TAG_NOT_SIGNED'));
    assert.deepEqual(trusted.inspect().SignedTags, []);
  });

  test('when ns/rotated is read from a pin two root versions back → it walks the rotation and resolves', async () => {
    const repo = labRepository(lab, 'ns/rotated');
    const latest = await read(repo.gun);
    assert.ok(latest.versions.root >= 4, `root v${latest.versions.root}`);
    // Docker's own pin (its trust dir) set to the oldest root the server still has: v2 (notary init + snapshot rotate).
    const oldRoot = await base.notaryFetcher(lab.notary.url).fetchMetadata({
      gun: repo.gun,
      file: '2.root.json',
      maxBytes: 1 << 20,
    });
    assert.ok(oldRoot, '2.root.json is served');
    const dockerTrust = join(work, 'docker-trust-rotated');
    const pin = join(dockerTrust, 'tuf', repo.gun, 'metadata', 'root.json');
    await mkdir(dirname(pin), { recursive: true });
    await writeFile(pin, oldRoot);
    const seen: URL[] = [];
    const pinned = newEngine('rotated', { http: countingHttp(base.http, seen), dockerTrustDir: dockerTrust });
    try {
      const trusted = await read(repo.gun, pinned);
      assert.equal(trusted.versions.root, latest.versions.root);
      const walked = seen
        .map((url) => url.pathname.split('/_trust/tuf/')[1])
        .filter((f) => f?.endsWith('root.json'));
      const intermediate = Array.from({ length: latest.versions.root - 3 }, (_, i) => `${i + 3}.root.json`);
      assert.deepEqual(walked, ['root.json', ...intermediate]);
      for (const [tag, facts] of Object.entries(repo.tags)) {
        assert.equal(trusted.resolveTag(tag).digest, hex(facts.signed?.digest ?? '?'), tag);
      }
    } finally {
      await pinned.close();
    }
  });

  test(
    'when the engine runs again over a warm cache → exactly one request (timestamp.json) per repository',
    { timeout: 300_000 },
    async () => {
      const repos = signedRepositories();
      const cold = newEngine('warm');
      const before = new Map<string, string>();
      try {
        for (const repo of repos)
          before.set(repo.gun, JSON.stringify((await read(repo.gun, cold)).inspect()));
      } finally {
        await cold.close();
      }
      // A new engine on the same folder: the cache persisted on disk, not in memory.
      const seen: URL[] = [];
      const warm = newEngine('warm', { http: countingHttp(base.http, seen) });
      try {
        for (const repo of repos) {
          const start = seen.length;
          const trusted = await read(repo.gun, warm);
          const paths = seen.slice(start).map((url) => url.pathname);
          assert.deepEqual(paths, [`/v2/${repo.gun}/_trust/tuf/timestamp.json`], repo.gun);
          assert.equal(JSON.stringify(trusted.inspect()), before.get(repo.gun), repo.gun);
        }
      } finally {
        await warm.close();
      }
    },
  );
});

describe('trust engine with two trust servers', () => {
  test(
    'when one GUN is read from two notary-servers with different roots → each server keeps its own pin, both verify',
    { timeout: 300_000 },
    async () => {
      const repo = labRepository(lab, 'ns/hello-world');
      const own = await startOwnNotary(lab, [repo.gun]); // same tags, new root certificate and keys
      const engine2 = newEngine('two-servers', { caFiles: { [new URL(own.url).host]: own.caPath } });
      const fromOwn = (): Promise<TrustedRepository> =>
        verified(engine2.repository(repo.gun, { trustServer: own.url }), repo.gun);
      const rootOf = (t: TrustedRepository): string => JSON.stringify(t.inspect().AdministrativeKeys[0]);
      try {
        const first = await read(repo.gun, engine2);
        const second = await fromOwn();
        assert.notEqual(rootOf(first), rootOf(second), 'the two servers have different roots');
        assert.deepEqual(second.signedTags(), first.signedTags());
        // Warm, same folder: neither pin was overwritten by the other server's root.
        assert.equal(rootOf(await read(repo.gun, engine2)), rootOf(first));
        assert.equal(rootOf(await fromOwn()), rootOf(second));
      } finally {
        await engine2.close();
        await own.stop();
      }
    },
  );
});

describe('trust engine registry digests vs skopeo', () => {
  test(
    'when every registry tag is resolved → the digest equals skopeo’s Digest and sha256 of `skopeo inspect --raw`',
    { timeout: 300_000 },
    async () => {
      let checked = 0;
      for (const repo of Object.values(lab.repositories)) {
        const registry = labRegistry(lab, repo);
        for (const [tag, facts] of Object.entries(repo.tags)) {
          if (facts.registry === undefined) continue;
          const ours = await engine.registryDigest({
            registryHost: registry.host,
            path: repo.name,
            reference: tag,
          });
          assert.equal(
            ours.digest,
            await skopeoInspectDigest(registry, repo.name, tag),
            `${repo.gun}:${tag}`,
          );
          const raw = await runBuffer('skopeo', [
            '--insecure-policy', 'inspect', '--raw', ...sourceFlags(registry), `docker://${registry.host}/${repo.name}:${tag}`,
          ]); // prettier-ignore
          assert.equal(ours.digest, `sha256:${createHash('sha256').update(raw.stdout).digest('hex')}`);
          assert.equal(ours.digest, facts.registry.digest, `${repo.gun}:${tag} state file`);
          if (ours.size !== undefined) assert.equal(ours.size, raw.stdout.length, `${repo.gun}:${tag}`);
          checked++;
        }
      }
      assert.ok(checked >= 10, `${checked} registry tags checked`);
    },
  );
});

function isCode(code: string): (e: unknown) => boolean {
  return (e: unknown) => e instanceof TrustError && e.code === code;
}
