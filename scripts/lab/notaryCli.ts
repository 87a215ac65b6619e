import { randomUUID } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LabError } from './errors';
import type { RunResult } from './exec';
import { run } from './exec';

/** How the notary CLI reaches the lab: `notary -d TRUSTDIR -s URL --tlscacert CA` (trust-lab.md "Misc"). */
export interface NotaryCliOptions {
  readonly trustDir: string;
  readonly serverUrl: string;
  readonly caPath?: string;
  /** One passphrase for every key, as the lab script does so docker and notary share a trust dir. */
  readonly passphrase: string;
}

export interface SignedTarget {
  readonly tag: string;
  /** `sha256:<hex>`. */
  readonly digest: string;
  readonly size: number;
}

/** One row of `notary list`. */
export interface NotaryListRow extends SignedTarget {
  readonly role: string;
}

/** Change files written at once by addHashes. */
const WRITE_BATCH = 256;

const HEX_DIGEST = /^sha256:([0-9a-f]{64})$/;

function hexOf(digest: string): string {
  const match = HEX_DIGEST.exec(digest);
  if (match?.[1] === undefined) {
    throw new LabError('LAB_UNEXPECTED', `not a sha256 digest: ${digest}`, { details: { digest } });
  }
  return match[1];
}

function roleFlags(roles: readonly string[]): string[] {
  return roles.flatMap((role) => ['-r', role]);
}

/**
 * The notary 0.7.0 CLI, driven exactly as `docker trust` drives its notary client (trust-lab.md
 * "Signing exactly like Docker" table). Every method is one CLI call unless it says otherwise.
 */
export class NotaryCli {
  constructor(readonly options: NotaryCliOptions) {}

  /** Runs `notary -d … -s … [--tlscacert …] ARGS` with the passphrases in NOTARY_*_PASSPHRASE. */
  run(
    args: readonly string[],
    extra: { input?: string; okExitCodes?: readonly number[] } = {},
  ): Promise<RunResult> {
    const { trustDir, serverUrl, caPath, passphrase } = this.options;
    const base = ['-d', trustDir, '-s', serverUrl, ...(caPath === undefined ? [] : ['--tlscacert', caPath])];
    return run('notary', [...base, ...args], {
      input: extra.input,
      okExitCodes: extra.okExitCodes,
      timeoutMs: 60_000,
      env: {
        NOTARY_ROOT_PASSPHRASE: passphrase,
        NOTARY_TARGETS_PASSPHRASE: passphrase,
        NOTARY_SNAPSHOT_PASSPHRASE: passphrase,
        NOTARY_DELEGATION_PASSPHRASE: passphrase,
      },
    });
  }

  /** Docker's init: local root+targets keys, then the snapshot key moved to the server (root v2). */
  async init(gun: string): Promise<void> {
    await this.run(['init', gun]);
    await this.run(['key', 'rotate', gun, 'snapshot', '-r']); // publishes
  }

  /** `docker trust key load`: an unencrypted PKCS#8 key imported under a signer name. */
  async importKey(keyPath: string, signer: string): Promise<void> {
    await this.run(['key', 'import', keyPath, '--role', signer]);
  }

  /** `docker trust signer add`: the key into targets/releases and targets/<signer>, all paths (staged). */
  async addSigner(gun: string, signer: string, publicKeyPath: string): Promise<void> {
    await this.run(['delegation', 'add', gun, 'targets/releases', publicKeyPath, '--all-paths']);
    await this.run(['delegation', 'add', gun, `targets/${signer}`, publicKeyPath, '--all-paths']);
  }

  /** `docker trust signer remove`: key out of releases, targets/<signer> deleted; releases is not re-signed. */
  async removeSigner(gun: string, signer: string, keyId: string): Promise<void> {
    await this.run(['delegation', 'remove', gun, 'targets/releases', keyId]);
    await this.run(['delegation', 'remove', gun, `targets/${signer}`, '-y']);
  }

  /** Stages a target in the given roles (empty = top-level targets, the classic DCT push). */
  async addHash(gun: string, target: SignedTarget, roles: readonly string[]): Promise<void> {
    await this.run([
      'addhash',
      gun,
      target.tag,
      String(target.size),
      '--sha256',
      hexOf(target.digest),
      ...roleFlags(roles),
    ]);
  }

  /**
   * Stages many targets with one CLI call: the first goes through `notary addhash`, the rest are written
   * as copies of the change files that call produced (the CLI's own changelist format,
   * `client/changelist/file_changelist.go`: `<unixnano>_<uuid>.change`, applied in name order by
   * `publish`). ~25 ms per `addhash` process makes 1,000 tags take ~25 s; this takes well under one.
   */
  async addHashes(gun: string, targets: readonly SignedTarget[], roles: readonly string[]): Promise<void> {
    const [first, ...rest] = targets;
    if (first === undefined) return;
    const dir = join(this.options.trustDir, 'tuf', gun, 'changelist');
    const before = new Set(await readdir(dir).catch(() => []));
    await this.addHash(gun, first, roles);
    const made = (await readdir(dir)).filter((name) => !before.has(name)).sort();
    const last = made.at(-1);
    if (made.length !== Math.max(roles.length, 1) || last === undefined) {
      throw new LabError('LAB_UNEXPECTED', `addhash made ${made.length} change files in ${dir}`, {
        details: { gun },
      });
    }
    let clock = BigInt(last.slice(0, last.indexOf('_')));
    const targetRoles = roles.length === 0 ? ['targets'] : roles;
    const files: { name: string; body: string }[] = [];
    for (const target of rest) {
      const sha256 = Buffer.from(hexOf(target.digest), 'hex').toString('base64');
      const data = Buffer.from(JSON.stringify({ length: target.size, hashes: { sha256 } })).toString(
        'base64',
      );
      for (const role of targetRoles) {
        clock += 1n;
        const change = { action: 'create', role, type: 'target', path: target.tag, data };
        files.push({
          name: `${clock.toString().padStart(20, '0')}_${randomUUID()}.change`,
          body: JSON.stringify(change),
        });
      }
    }
    // Names carry the order, so the files can be written concurrently (in bounded batches).
    for (let start = 0; start < files.length; start += WRITE_BATCH) {
      await Promise.all(
        files.slice(start, start + WRITE_BATCH).map((file) => writeFile(join(dir, file.name), file.body)),
      );
    }
  }

  async publish(gun: string): Promise<void> {
    await this.run(['publish', gun]);
  }

  /** `docker trust revoke REPO:TAG` minus the publish. */
  async removeTarget(gun: string, tag: string, roles: readonly string[]): Promise<void> {
    await this.run(['remove', gun, tag, ...roleFlags(roles)]);
  }

  /** Re-signs a delegation with the keys we hold now (needed after its keys changed; trust-lab.md pitfalls). */
  async witness(gun: string, role: string): Promise<void> {
    await this.run(['witness', gun, role]);
  }

  /** `notary key rotate GUN targets|root` (publishes; root asks yes/no on stdin). */
  async rotateKey(gun: string, role: 'targets' | 'root'): Promise<void> {
    await this.run(['key', 'rotate', gun, role], { input: 'yes\n' });
  }

  /** `notary list GUN [-r ROLE]` parsed; [] for "No targets present in this repository.". */
  async list(gun: string, role?: string): Promise<NotaryListRow[]> {
    const { stdout } = await this.run(['list', gun, ...(role === undefined ? [] : ['-r', role])]);
    return parseNotaryList(stdout);
  }

  /**
   * `notary lookup GUN TAG`: the verified target, or undefined plus the CLI's words when there is none
   * (`* fatal: No valid trust data for TAG` — the CLI prints fatal errors on stdout).
   */
  async lookup(gun: string, tag: string): Promise<{ found: SignedTarget | undefined; output: string }> {
    const result = await this.run(['lookup', gun, tag], { okExitCodes: [1] });
    const output = `${result.stdout}${result.stderr}`;
    const match = /^(\S+)\s+sha256:([0-9a-f]{64})\s+(\d+)\s*$/m.exec(result.stdout);
    if (result.exitCode !== 0 || match === null) return { found: undefined, output };
    const found = { tag: match[1] ?? tag, digest: `sha256:${match[2]}`, size: Number(match[3]) };
    return { found, output };
  }
}

/** Parses the NAME / DIGEST / SIZE (BYTES) / ROLE table of `notary list`. */
export function parseNotaryList(stdout: string): NotaryListRow[] {
  const rows: NotaryListRow[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^(\S+)\s+([0-9a-f]{64})\s+(\d+)\s+(\S+)\s*$/.exec(line);
    if (match === null) continue;
    const [, tag, hex, size, role] = match;
    if (tag === undefined || hex === undefined || size === undefined || role === undefined) continue;
    rows.push({ tag, digest: `sha256:${hex}`, size: Number(size), role });
  }
  return rows;
}
