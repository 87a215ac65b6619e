import { join } from 'node:path';
import type { CertPair } from './certs';
import { makeServerCerts } from './certs';
import type { ServiceHandle } from './service';
import { scratchDir, startService } from './service';

/** notary-server's `auth.options` for `auth.type: "token"`, passed through (notary-v1.md §1.6, §6.2). */
export interface NotaryTokenAuthOptions {
  readonly realm: string;
  readonly service: string;
  readonly issuer: string;
  /** Absolute path: notary-server opens it relative to its CWD, not the config (notary-v1.md §1.6). */
  readonly rootcertbundle: string;
  readonly autoredirect?: boolean;
}

export interface NotaryServerOptions {
  /** Work folder for config, log and pid (and the TLS material when none is given). */
  /** Default: a new temporary folder (see `scratchDir`). */
  readonly dir?: string;
  readonly tls: boolean;
  /** The CA and a leaf for 127.0.0.1; made fresh under `dir/tls` when absent and `tls` is true. */
  readonly certs?: { readonly ca: CertPair; readonly leaf: CertPair };
  readonly auth?: NotaryTokenAuthOptions;
  /** Instance name (file names); default `notary-server`. Lets a test run a second, private server. */
  readonly name?: string;
  /** Reuse a port (restart after `stop()`); by default a free port is picked. */
  readonly port?: number;
  readonly gunPrefixes?: readonly string[];
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

export interface NotaryServerHandle extends ServiceHandle {
  /** The CA that signed the server cert (undefined for plain HTTP). */
  readonly caPath: string | undefined;
  readonly certs: { readonly ca: CertPair; readonly leaf: CertPair } | undefined;
}

export const NOTARY_SERVER_BINARY = '/usr/bin/notary-server';

/**
 * Starts notary-server 0.7.0 on 127.0.0.1 with in-memory storage and the local (ed25519) trust
 * service (trust-lab.md "notary-server: config keys", notary-v1.md §6.2). Ready when
 * `/_notary_server/health` answers 200. Memory storage means a restarted server is empty.
 */
export async function startNotaryServer(options: NotaryServerOptions): Promise<NotaryServerHandle> {
  const dir = options.dir ?? (await scratchDir());
  const name = options.name ?? 'notary-server';
  const certs = options.tls
    ? (options.certs ?? (await makeServerCerts(join(dir, 'tls', name), name)))
    : undefined;
  const handle = await startService({
    name,
    binary: NOTARY_SERVER_BINARY,
    dir,
    tls: options.tls,
    caPath: certs?.ca.certPath,
    readinessPath: '/_notary_server/health',
    okStatuses: [200],
    port: options.port,
    args: (configPath) => ['-config', configPath],
    config: (port) => ({
      server: {
        http_addr: `127.0.0.1:${port}`,
        ...(certs === undefined
          ? {}
          : { tls_cert_file: certs.leaf.certPath, tls_key_file: certs.leaf.keyPath }),
      },
      trust_service: { type: 'local' },
      storage: { backend: 'memory' },
      logging: { level: options.logLevel ?? 'info' },
      ...(options.auth === undefined ? {} : { auth: { type: 'token', options: options.auth } }),
      ...(options.gunPrefixes === undefined ? {} : { repositories: { gun_prefixes: options.gunPrefixes } }),
    }),
  });
  return { ...handle, caPath: certs?.ca.certPath, certs };
}
