/**
 * The benchmark's stand-in for `notary list GUN` (no `image-trust inspect` CLI existed when this was
 * written): one process that verifies the GUN with our Notary client and prints one line per signed tag.
 * Bundled with esbuild and run with plain node, as dist/cli.js would be.
 * Usage: node list.cjs --server URL --ca CA.pem --cache DIR GUN   (stderr: the request count as JSON)
 */
import { parseArgs } from 'node:util';
import { DiskFileStore } from './diskFileStore';
import { makeBenchClient } from './benchClient';
import { tufFileOf } from './countingHttp';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { server: { type: 'string' }, ca: { type: 'string' }, cache: { type: 'string' } },
    allowPositionals: true,
  });
  const [gun] = positionals;
  if (
    values.server === undefined ||
    values.ca === undefined ||
    values.cache === undefined ||
    gun === undefined
  ) {
    process.stderr.write('usage: list --server URL --ca CA --cache DIR GUN\n');
    process.exitCode = 2;
    return;
  }
  const bench = makeBenchClient({
    notaryUrl: values.server,
    caPath: values.ca,
    store: new DiskFileStore(values.cache),
    homeDir: values.cache,
  });
  try {
    const repository = await bench.client.getRepository(gun);
    const lines = repository.signedTags().map((row) => `${row.tag} ${row.digest}`);
    process.stdout.write(lines.join('\n') + '\n');
    process.stderr.write(
      JSON.stringify({ requests: bench.http.requests.map((r) => tufFileOf(r.path)) }) + '\n',
    );
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'ERROR';
  process.stderr.write(`${code}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
