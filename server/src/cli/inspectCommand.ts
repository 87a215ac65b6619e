import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseImageReference } from '../kube/parseImageReference';
import { createTrustEngine } from '../trust/engine';
import { TrustError } from '../trust/errors';
import { formatInspectJson, joinPrettyOutputs } from '../trust/notary';
import { trustServerUrl } from '../trust/registry/endpoints';
import type { Environment } from '../trust/transport/proxy';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from './cliIo';
import type { CliCommand } from './command';
import { inspectImages, type ImageInspection } from './inspectImages';
import { parseOptions } from './parseOptions';
import { UsageError } from './usageError';

const HELP = `Usage: image-trust inspect IMAGE[:TAG]… [--json|--pretty] [options]

Prints the verified Docker Content Trust (Notary v1) data of each image, as "docker trust inspect" does:
signed tags with their digests and signers, the signers' keys and the administrative keys. Without a tag
every signed tag of the repository is listed. Metadata is verified (signatures, thresholds, expiry,
rollback, root rotation) before anything is printed; the first root seen is pinned in the cache.

Options:
  --json                JSON like "docker trust inspect" (the default)
  --pretty              the table layout of "docker trust inspect --pretty"
  --trust-server URL    the Notary server for every image (default: $DOCKER_CONTENT_TRUST_SERVER, else
                        https://notary.docker.io for Docker Hub, else https://<registry host>)
  --ca-file FILE        CA certificates (PEM) for the trust server's TLS, added to the system roots
  --cache-dir DIR       trust cache (pinned roots, last verified metadata); default under the user's
                        cache folder. Docker's $DOCKER_CONFIG/trust pins are honoured as well.
  --insecure-host H     host[:port] reached without TLS verification (repeatable; avoid)
  -h, --help            this help

Exit status: 0 every image has validly signed tags; 1 an image has no trust data (or no valid
signature for the tag), its trust data could not be checked, or it failed verification (one line per
image on stderr says which); 2 usage error. Unlike docker, a repository without any valid signature is
an error here, although its (empty) data is still printed.
`;

export interface InspectCommandOptions {
  /** DOCKER_CONTENT_TRUST_SERVER, DOCKER_CONFIG, proxies. Default process.env. */
  readonly env?: Environment;
  readonly homeDir?: string;
}

/** `image-trust inspect`; tests create one with their own environment. */
export function createInspectCommand(options: InspectCommandOptions = {}): CliCommand {
  return {
    name: 'inspect',
    summary: 'print verified trust data of images like "docker trust inspect", exit 1 if unsigned',
    help: HELP,
    run: (args, io) => runInspect(args, io, options),
  };
}

export const inspectCommand: CliCommand = createInspectCommand();

async function runInspect(
  args: readonly string[],
  io: CliIo,
  options: InspectCommandOptions,
): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    json: { type: 'boolean' },
    pretty: { type: 'boolean' },
    'trust-server': { type: 'string' },
    'ca-file': { type: 'string' },
    'cache-dir': { type: 'string' },
    'insecure-host': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (values.json && values.pretty)
    throw new UsageError('USAGE_BAD_OPTION', '--json and --pretty exclude each other');
  if (positionals.length === 0) throw new UsageError('USAGE_BAD_OPTION', 'name at least one IMAGE');
  const env = options.env ?? process.env;
  const insecureHosts = values['insecure-host'] ?? [];
  const trustServer =
    values['trust-server'] === undefined ? undefined : parseServer(values['trust-server'], insecureHosts);
  const caFile =
    values['ca-file'] === undefined ? undefined : await readableFile(resolve(io.cwd, values['ca-file']));

  const engine = createTrustEngine({
    transport: {
      // A one-shot process: node's own HTTP stack starts in ~10 ms, undici's in ~100 ms (nodeHttpClient.ts).
      httpStack: 'node',
      env,
      ...(options.homeDir === undefined ? {} : { homeDir: options.homeDir }),
      insecureHosts,
      caFiles: caFile === undefined ? {} : caFilesFor(caFile, positionals, trustServer, env),
    },
    ...(values['cache-dir'] === undefined ? {} : { cacheDir: resolve(io.cwd, values['cache-dir']) }),
  });
  let inspections: ImageInspection[];
  try {
    inspections = await inspectImages(engine, positionals, trustServer ? { trustServer } : {});
  } finally {
    await engine.close();
  }

  if (values.pretty) {
    io.stdout(joinPrettyOutputs(inspections.map((i) => ('pretty' in i ? i.pretty() : ''))));
  } else {
    io.stdout(formatInspectJson(inspections.flatMap((i) => ('json' in i ? [i.json] : []))));
  }
  for (const inspection of inspections) {
    if (inspection.kind !== 'signed')
      io.stderr(`image-trust: ${inspection.image}: ${failureLine(inspection)}\n`);
  }
  return inspections.every((i) => i.kind === 'signed') ? EXIT_OK : EXIT_FINDINGS;
}

/** One line per failing image; the words tell the three trust failure kinds apart (trust/errors.ts). */
function failureLine(inspection: Exclude<ImageInspection, { kind: 'signed' }>): string {
  const reason = inspection.reason.replace(/\s*\r?\n\s*/g, ' ');
  switch (inspection.kind) {
    case 'no-trust-data':
    case 'no-signatures':
      return `no trust data: ${reason}`;
    case 'unavailable':
      return `could not check: ${reason}`;
    case 'verification':
      return `verification failed: ${reason}`;
    case 'invalid-reference':
      return `invalid image reference: ${reason}`;
  }
}

function parseServer(text: string, insecureHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new UsageError('USAGE_BAD_OPTION', `--trust-server ${JSON.stringify(text)} is not a URL`, {
      cause,
    });
  }
  // Docker requires https for the trust server; plain http only for a host the user declared insecure.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && insecureHosts.includes(url.host))) {
    throw new UsageError(
      'USAGE_BAD_OPTION',
      '--trust-server must be an https URL (or http with --insecure-host)',
    );
  }
  return url;
}

async function readableFile(path: string): Promise<string> {
  try {
    await access(path);
    return path;
  } catch (cause) {
    throw new UsageError('USAGE_PATH_NOT_FOUND', `cannot read ${path}`, { cause });
  }
}

/** The CA applies to the trust server of every image: the flag's, or Docker's choice per registry host. */
function caFilesFor(
  caFile: string,
  images: readonly string[],
  trustServer: URL | undefined,
  env: Environment,
): Record<string, string> {
  if (trustServer) return { [trustServer.host]: caFile };
  const hosts = new Set<string>();
  for (const image of images) {
    const parsed = parseImageReference(image);
    if (!parsed.ok) continue;
    try {
      hosts.add(trustServerUrl(parsed.ref.registryHost, env).host);
    } catch (error: unknown) {
      if (!(error instanceof TrustError)) throw error; // reported per image by the engine
    }
  }
  return Object.fromEntries([...hosts].map((host) => [host, caFile]));
}
