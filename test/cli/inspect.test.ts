// `image-trust inspect` (dist/cli.js) against the trust lab: docker trust inspect's JSON and --pretty
// (notary-v1.md §5.3–5.4), exit codes and the one-line failure messages. When the real docker CLI is on
// this machine it is the oracle, byte for byte (trust-lab.md "The real docker CLI without a daemon").
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { constants } from 'node:fs';
import { access, copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { run } from '../../scripts/lab/exec';
import type { LabState } from '../helpers/lab';
import { labRepository, useLab } from '../helpers/lab';
import { runCli, type CliRun } from './runCli';

let lab: LabState;
let work: string;
/** Our CLI's environment: its own HOME, Docker config and cache, no DOCKER_CONTENT_TRUST_SERVER. */
let env: NodeJS.ProcessEnv;
let dockerConfig: string;
let docker: string | undefined;

const image = (name: string): string => labRepository(lab, name).gun;
const server = (): string[] => ['--trust-server', lab.notary.url, '--ca-file', lab.notary.caPath];
const inspect = (args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
  runCli(['inspect', ...args], work, { ...env, ...extraEnv });

before(
  async () => {
    lab = await useLab();
    work = await mkdtemp(join(tmpdir(), 'cli-inspect-'));
    dockerConfig = join(work, 'docker-config');
    const { PATH } = process.env;
    env = {
      PATH,
      HOME: work,
      XDG_CACHE_HOME: join(work, 'xdg-cache'),
      DOCKER_CONFIG: join(work, 'ours-docker'),
    };
    // docker trusts the notary CA from $DOCKER_CONFIG/tls/<host>/ca.crt (trust-lab.md).
    const caDir = join(dockerConfig, 'tls', new URL(lab.notary.url).host);
    await mkdir(caDir, { recursive: true });
    await copyFile(lab.notary.caPath, join(caDir, 'ca.crt'));
    docker = await findDocker();
  },
  { timeout: 300_000 },
);

after(() => rm(work, { recursive: true, force: true }));

async function findDocker(): Promise<string | undefined> {
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'docker')),
    '/opt/lab/docker-cli/docker',
  ];
  for (const path of candidates) {
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The real `docker trust inspect` against the lab, without a daemon. */
async function dockerInspect(args: readonly string[]): Promise<{ exitCode: number; stdout: string }> {
  if (docker === undefined) throw new Error('no docker CLI');
  return run(docker, ['trust', 'inspect', ...args], {
    okExitCodes: [1],
    timeoutMs: 60_000,
    env: {
      DOCKER_HOST: `unix://${join(work, 'no-daemon.sock')}`,
      DOCKER_CONFIG: dockerConfig,
      DOCKER_CONTENT_TRUST_SERVER: lab.notary.url,
    },
  });
}

interface InspectJson {
  Name: string;
  SignedTags: { SignedTag: string; Digest: string; Signers: string[] }[];
  Signers: { Name: string; Keys?: { ID: string }[] }[];
  AdministrativeKeys: { Name: string; Keys: { ID: string }[] }[];
}

/** Go's tabwriter as docker configures it: minwidth 10, padding 3, the last cell of a row not padded. */
function table(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns - 1 }, (_, c) =>
    Math.max(10, ...rows.map((row) => (row[c]?.length ?? 0) + 3)),
  );
  return rows
    .map((row) => row.map((cell, c) => (c < row.length - 1 ? cell.padEnd(widths[c] ?? 0) : cell)).join(''))
    .map((line) => `${line}\n`)
    .join('');
}

/** notary-v1.md §5.4, written out independently of server/src/trust/notary/prettyInspect.ts. */
function prettyFromRules(model: InspectJson): string {
  const name = model.Name;
  let out = '';
  if (model.SignedTags.length === 0) out += `\nNo signatures for ${name}\n\n`;
  else {
    out += `\nSignatures for ${name}\n\n`;
    const rows = model.SignedTags.map((row) => {
      const signers = row.Signers.includes('Repo Admin') ? ['(Repo Admin)'] : [...row.Signers].sort();
      return [row.SignedTag, row.Digest, signers.join(', ')];
    });
    out += table([['SIGNED TAG', 'DIGEST', 'SIGNERS'], ...rows]);
  }
  if (model.Signers.length > 0) {
    out += `\nList of signers and their keys for ${name}\n\n`;
    const signers = [...model.Signers].sort((a, b) => a.Name.localeCompare(b.Name, 'en', { numeric: true }));
    const rows = signers.map((s) => [
      s.Name,
      (s.Keys ?? [])
        .map((k) => k.ID.slice(0, 12))
        .sort()
        .join(', '),
    ]);
    out += table([['SIGNER', 'KEYS'], ...rows]);
  }
  const ids = (role: string): string =>
    (model.AdministrativeKeys.find((k) => k.Name === role)?.Keys ?? [])
      .map((k) => k.ID)
      .sort()
      .join(', ');
  out += `\nAdministrative keys for ${name}\n\n`;
  out += `  Repository Key:\t${ids('Repository')}\n  Root Key:\t${ids('Root')}\n`;
  return out;
}

describe('image-trust inspect --pretty', () => {
  test('when ns/signed and ns/hello-world are inspected → the output follows the §5.4 layout for their JSON', async () => {
    const images = [image('ns/signed'), image('ns/hello-world')];
    const json = await inspect([...server(), ...images]);
    const pretty = await inspect([...server(), '--pretty', ...images]);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(pretty.code, 0, pretty.stderr);
    const models = JSON.parse(json.stdout) as InspectJson[];
    assert.equal(pretty.stdout, models.map(prettyFromRules).join('\n\n'));
    // The facts themselves, from the state file: alice signs ns/signed, hello-world is Repo Admin only.
    assert.match(pretty.stdout, /^1\.0 {10}[0-9a-f]{64} {3}alice$/m);
    assert.match(pretty.stdout, /^latest {7}[0-9a-f]{64} {3}\(Repo Admin\)$/m);
    assert.match(pretty.stdout, /^SIGNER {4}KEYS\nalice {5}[0-9a-f]{12}\n$/m);
    assert.equal(pretty.stderr, '');
  });

  test('when the real docker CLI is available → --pretty output equals docker trust inspect --pretty byte for byte', async (t) => {
    if (docker === undefined) return t.skip('docker CLI not found (trust-lab.md: optional)');
    const names = [
      'ns/signed',
      'ns/hello-world',
      'ns/hello-oci',
      'ns/two-signers',
      'ns/rotated',
      'ns/revoked',
    ];
    const images = [
      ...names.map(image),
      `${image('ns/signed')}:1.0`,
      `${image('ns/signed')}:0.9`,
      image('ns/unsigned'),
    ];
    const theirs = await dockerInspect(['--pretty', ...images]);
    const ours = await inspect([...server(), '--pretty', ...images]);
    assert.equal(ours.stdout, theirs.stdout);
    assert.equal(theirs.exitCode, 1); // ns/unsigned
    assert.equal(ours.code, 1);
  });

  test('when the real docker CLI is available → JSON output equals docker trust inspect byte for byte', async (t) => {
    if (docker === undefined) return t.skip('docker CLI not found (trust-lab.md: optional)');
    const images = [
      ...Object.values(lab.repositories)
        .filter((repo) => repo.registry === 'http' && repo.generated === undefined)
        .map((repo) => repo.gun),
      `${image('ns/signed')}:latest`,
      `${image('ns/rotated')}:1.0`,
    ];
    const theirs = await dockerInspect(images);
    const ours = await inspect([...server(), ...images]);
    assert.equal(ours.stdout, theirs.stdout);
  });
});

describe('image-trust inspect JSON', () => {
  test('when images are inspected → an array of {Name, SignedTags, Signers, AdministrativeKeys} with docker’s names', async () => {
    const typed = `${image('ns/signed')}:1.0`;
    const result = await inspect([...server(), '--json', typed, image('ns/hello-world')]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\[\n {4}\{\n {8}"Name": /); // docker's 4-space indentation
    const models = JSON.parse(result.stdout) as InspectJson[];
    assert.deepEqual(
      models.map((m) => Object.keys(m)),
      [0, 1].map(() => ['Name', 'SignedTags', 'Signers', 'AdministrativeKeys']),
    );
    const [signed, hello] = models;
    const facts = labRepository(lab, 'ns/signed').tags['1.0']?.signed;
    assert.equal(signed?.Name, typed);
    assert.deepEqual(signed?.SignedTags, [
      { SignedTag: '1.0', Digest: facts?.digest.replace('sha256:', ''), Signers: ['alice'] },
    ]);
    assert.deepEqual(
      signed?.Signers.map((s) => [s.Name, s.Keys?.length]),
      [['alice', 1]],
    );
    assert.deepEqual(
      signed?.AdministrativeKeys.map((k) => k.Name),
      ['Root', 'Repository'],
    );
    assert.deepEqual(
      hello?.SignedTags.map((row) => [row.SignedTag, row.Signers]),
      [
        ['3.6', ['Repo Admin']],
        ['latest', ['Repo Admin']],
      ],
    );
    assert.deepEqual(hello?.Signers, []);
  });
});

describe('image-trust inspect exit codes and messages', () => {
  test('when every image has valid signatures → exit 0 and nothing on stderr', async () => {
    const result = await inspect([...server(), image('ns/signed'), `${image('ns/rotated')}:1.0`]);
    assert.deepEqual([result.code, result.stderr], [0, '']);
  });

  test('when images have no trust data or no valid signature → exit 1, one "no trust data" line each', async () => {
    const unsigned = image('ns/unsigned');
    const revoked = `${image('ns/revoked')}:latest`;
    const notSigned = `${image('ns/signed')}:0.9`;
    const result = await inspect([...server(), unsigned, image('ns/signed'), revoked, notSigned]);
    assert.equal(result.code, 1);
    const lines = result.stderr.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((line) => line.slice(0, line.indexOf(': no trust data: '))),
      [unsigned, revoked, notSigned].map((i) => `image-trust: ${i}`),
    );
    // As docker: the unsigned repository is left out, the others are printed (revoked with no rows).
    const models = JSON.parse(result.stdout) as InspectJson[];
    assert.deepEqual(
      models.map((m) => [m.Name, m.SignedTags.length]),
      [
        [image('ns/signed'), 2],
        [revoked, 0],
        [notSigned, 0],
      ],
    );
  });

  test('when only ns/unsigned is inspected → "[]" and exit 1', async () => {
    const result = await inspect([...server(), image('ns/unsigned')]);
    assert.deepEqual([result.code, result.stdout], [1, '[]\n']);
    assert.match(result.stderr, /^image-trust: \S+\/ns\/unsigned: no trust data: .+\n$/);
  });

  test('when the trust server is unreachable → "could not check" and exit 1', async () => {
    const port = await closedPort();
    const result = await inspect(['--trust-server', `https://127.0.0.1:${port}`, image('ns/signed')]);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '[]\n');
    assert.match(result.stderr, /^image-trust: \S+\/ns\/signed: could not check: .+\n$/);
  });

  test('when the trust server’s CA is not given → "could not check" (TLS), exit 1', async () => {
    const result = await inspect(['--trust-server', lab.notary.url, image('ns/signed')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /: could not check: /);
  });

  test('when Docker’s trust dir pins another repository’s root → "verification failed", exit 1', async () => {
    const other = join(work, 'docker-pin-other');
    const pinned = join(other, 'trust', 'tuf', image('ns/signed'), 'metadata', 'root.json');
    await mkdir(dirname(pinned), { recursive: true });
    const helloRoot = await fetchRoot(image('ns/hello-world'));
    await writeFile(pinned, helloRoot);
    // A cache of its own: our own pin is consulted before Docker's.
    const cache = ['--cache-dir', join(work, 'cache-docker-pin')];
    const result = await inspect([...server(), ...cache, image('ns/signed'), image('ns/hello-world')], {
      DOCKER_CONFIG: other,
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^image-trust: \S+\/ns\/signed: verification failed: .+\n$/);
    assert.deepEqual(
      (JSON.parse(result.stdout) as InspectJson[]).map((m) => m.Name),
      [image('ns/hello-world')],
    );
  });

  test('when the trust server host is given as --insecure-host → TLS is not verified and no CA is needed', async () => {
    const host = new URL(lab.notary.url).host;
    const result = await inspect([
      '--trust-server',
      lab.notary.url,
      '--insecure-host',
      host,
      image('ns/hello-oci'),
    ]);
    assert.deepEqual([result.code, result.stderr], [0, '']);
  });

  test('when DOCKER_CONTENT_TRUST_SERVER is set → it is the trust server (no --trust-server)', async () => {
    const result = await inspect(['--ca-file', lab.notary.caPath, image('ns/hello-world')], {
      DOCKER_CONTENT_TRUST_SERVER: lab.notary.url,
    });
    assert.deepEqual([result.code, result.stderr], [0, '']);
  });

  test('when --cache-dir is given → pins are written there, else under $XDG_CACHE_HOME/image-trust', async () => {
    const cache = join(work, 'explicit-cache');
    const xdg = { XDG_CACHE_HOME: join(work, 'xdg-other') };
    assert.equal((await inspect([...server(), '--cache-dir', cache, image('ns/hello-oci')], xdg)).code, 0);
    assert.ok((await listFiles(cache)).some((file) => file.endsWith('/root.json')));
    assert.deepEqual(await listFiles(join(work, 'xdg-other')).catch(() => []), []);
    assert.equal((await inspect([...server(), image('ns/hello-oci')], xdg)).code, 0);
    const defaults = await listFiles(join(work, 'xdg-other', 'image-trust', 'trust'));
    assert.ok(defaults.some((file) => file.endsWith('/root.json')));
  });

  for (const args of [
    ['--json', '--pretty', 'x/y'],
    [],
    ['--trust-server', 'http://127.0.0.1:1', 'x/y'],
    ['--ca-file', 'no-such-ca.pem', 'x/y'],
  ]) {
    test(`when the command line is ${JSON.stringify(args)} → usage error, exit 2`, async () => {
      const result = await inspect(args);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^image-trust: .+\nRun "image-trust --help" for usage\.\n$/);
    });
  }
});

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** root.json of a lab repository, as curl would fetch it (with the lab CA). */
async function fetchRoot(gun: string): Promise<string> {
  const url = `${lab.notary.url}/v2/${gun}/_trust/tuf/root.json`;
  return (await run('curl', ['-sf', '--cacert', lab.notary.caPath, url])).stdout;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
