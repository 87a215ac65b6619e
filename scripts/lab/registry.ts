import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CertPair } from './certs';
import { makeServerCerts } from './certs';
import { run } from './exec';
import type { ServiceHandle } from './service';
import { scratchDir, startService } from './service';

export interface BasicCredentials {
  readonly user: string;
  readonly pass: string;
}

export interface RegistryOptions {
  /** Work folder: config, log, pid, and storage `dir/storage/NAME` unless `storageDir` is given. */
  /** Default: a new temporary folder (see `scratchDir`). */
  readonly dir?: string;
  readonly tls?: boolean;
  readonly certs?: { readonly ca: CertPair; readonly leaf: CertPair };
  /** htpasswd Basic auth (bcrypt, as the registry requires — trust-lab.md "Versions"). */
  readonly htpasswd?: BasicCredentials;
  /** Instance name, default `registry-http` / `registry-tls`. */
  readonly name?: string;
  readonly port?: number;
  readonly storageDir?: string;
}

export interface RegistryHandle extends ServiceHandle {
  /** `127.0.0.1:PORT`, the host part of image references and GUNs. */
  readonly host: string;
  readonly caPath: string | undefined;
  readonly certs: { readonly ca: CertPair; readonly leaf: CertPair } | undefined;
  readonly credentials: BasicCredentials | undefined;
  readonly storageDir: string;
}

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

/**
 * Starts distribution 2.8.2 (`docker-registry serve CONFIG`) on 127.0.0.1 with filesystem storage,
 * optionally TLS and htpasswd (trust-lab.md "Registry: what works"). Ready when `/v2/` answers 200, or
 * 401 when auth is on.
 */
export async function startRegistry(options: RegistryOptions): Promise<RegistryHandle> {
  const dir = options.dir ?? (await scratchDir());
  const tls = options.tls ?? false;
  const name = options.name ?? (tls ? 'registry-tls' : 'registry-http');
  const storageDir = options.storageDir ?? join(dir, 'storage', name);
  await mkdir(storageDir, { recursive: true });
  const certs = tls ? (options.certs ?? (await makeServerCerts(join(dir, 'tls', name), name))) : undefined;
  const htpasswdPath = join(dir, 'config', `${name}.htpasswd`);
  if (options.htpasswd !== undefined) {
    await mkdir(join(dir, 'config'), { recursive: true });
    // -i: the password comes on stdin, so it never shows in a process list or an error's command line.
    const { stdout } = await run('htpasswd', ['-Bin', options.htpasswd.user], {
      input: options.htpasswd.pass,
    });
    await writeFile(htpasswdPath, stdout.trim() + '\n', { mode: 0o600 });
  }
  const handle = await startService({
    name,
    binary: REGISTRY_BINARY,
    dir,
    tls,
    caPath: certs?.ca.certPath,
    readinessPath: '/v2/',
    okStatuses: options.htpasswd === undefined ? [200] : [401],
    port: options.port,
    args: (configPath) => ['serve', configPath],
    config: (port) => ({
      version: 0.1,
      log: { level: 'info', formatter: 'text' },
      storage: { filesystem: { rootdirectory: storageDir }, delete: { enabled: true } },
      http: {
        addr: `127.0.0.1:${port}`,
        secret: randomBytes(16).toString('hex'), // without it the registry logs a warning
        ...(certs === undefined
          ? {}
          : { tls: { certificate: certs.leaf.certPath, key: certs.leaf.keyPath } }),
      },
      ...(options.htpasswd === undefined ? {} : { auth: { htpasswd: { realm: 'lab', path: htpasswdPath } } }),
    }),
  });
  return {
    ...handle,
    host: `127.0.0.1:${handle.port}`,
    caPath: certs?.ca.certPath,
    certs,
    credentials: options.htpasswd,
    storageDir,
  };
}
