import assert from 'node:assert/strict';
import { TrustError } from '../../../../server/src/trust/errors';
import type { TrustErrorCode } from '../../../../server/src/trust/errors';
import type { FileStore } from '../../../../server/src/trust/io';
import { createNotaryClient } from '../../../../server/src/trust/notary';
import type { NotaryClient, NotaryClientConfig } from '../../../../server/src/trust/notary';
import { fixedClock } from './fixtures';
import { readFile } from 'node:fs/promises';
import { createNotaryFetcher } from '../../../../server/src/trust/registry/notaryFetcher';
import { EMPTY_HOST_POLICY } from '../../../../server/src/trust/transport/hostPolicy';
import { createUndiciHttpClient } from '../../../../server/src/trust/transport/undiciHttpClient';
import { MemoryFileStore } from './memoryFileStore';
import { TufServer } from './tufServer';
import type { Override } from './tufServer';

/** One attack scenario: a loopback server, a cache and a client pointed at it. */
export interface Harness {
  readonly server: TufServer;
  readonly store: MemoryFileStore;
  readonly client: NotaryClient;
  stop(): Promise<void>;
}

export async function startHarness(
  gun: string,
  files: ReadonlyMap<string, Uint8Array>,
  options: {
    now?: Date;
    config?: Partial<NotaryClientConfig>;
    dockerTrust?: FileStore;
    store?: MemoryFileStore;
    override?: Override;
  } = {},
): Promise<Harness> {
  const server = new TufServer(gun);
  for (const [name, bytes] of files) server.files.set(name, bytes);
  server.override = options.override;
  const baseUrl = await server.start();
  const store = options.store ?? new MemoryFileStore();
  // The production Notary fetcher over the production undici client: caps enforced while reading.
  const http = createUndiciHttpClient({
    hostPolicy: EMPTY_HOST_POLICY,
    proxy: {},
    readFile: (path) => readFile(path),
    connectTimeoutMs: 2_000,
    defaultTimeoutMs: 10_000,
    userAgent: 'image-trust-attack-test/1',
  });
  const client = createNotaryClient({
    fetcher: createNotaryFetcher({ http, baseUrl }),
    store,
    clock: fixedClock(options.now),
    ...(options.config ? { config: options.config } : {}),
    ...(options.dockerTrust ? { dockerTrust: options.dockerTrust } : {}),
  });
  const stop = async (): Promise<void> => {
    await http.close();
    await server.stop();
  };
  return { server, store, client, stop };
}

/** Asserts that a promise rejects with a TrustError of exactly this code (never "signed"). */
export async function assertTrustCode(promise: Promise<unknown>, code: TrustErrorCode): Promise<TrustError> {
  const error: unknown = await promise.then(
    () => assert.fail(`expected ${code}, but the repository verified`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof TrustError, `expected a TrustError, got ${String(error)}`);
  assert.equal(
    error.code,
    code,
    `${error.message}${error.cause instanceof Error ? ` (cause: ${error.cause.message})` : ''}`,
  );
  return error;
}

/**
 * Runs one attack: serves `files`, asserts the update ends in `code`, and hands the harness to `inspect`
 * for extra assertions (requests made, cache untouched) before stopping the server.
 */
export async function expectAttack(
  gun: string,
  files: ReadonlyMap<string, Uint8Array>,
  code: TrustErrorCode,
  options: Parameters<typeof startHarness>[2] & { inspect?: (harness: Harness) => void } = {},
): Promise<void> {
  const harness = await startHarness(gun, files, options);
  try {
    await assertTrustCode(harness.client.getRepository(gun), code);
    options.inspect?.(harness);
  } finally {
    await harness.stop();
  }
}

/** An attacker swapping one file: serves `body` for every request whose file name starts with `prefix`. */
export function serveForPrefix(prefix: string, body: Uint8Array): Override {
  return (file, response) => {
    if (!file.startsWith(prefix)) return false;
    response.writeHead(200).end(body);
    return true;
  };
}
