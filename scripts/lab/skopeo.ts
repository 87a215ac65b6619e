import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LabError } from './errors';
import { run } from './exec';
import type { OciImageLayout } from './ociImage';
import type { ManifestFacts, RegistryEndpoint } from './registryHttp';
import { fetchManifest } from './registryHttp';

/** How skopeo reaches one lab registry: TLS material in a certs.d folder, credentials in an auth file. */
export interface SkopeoTarget extends RegistryEndpoint {
  /** `127.0.0.1:PORT`. */
  readonly host: string;
  /** Folder holding `ca.crt` (skopeo's `--dest-cert-dir`), for TLS registries. */
  readonly certDir?: string;
  /** containers-auth.json with the Basic credentials, so they never appear on a command line. */
  readonly authFile?: string;
}

/**
 * Prepares the certs.d folder and auth file skopeo needs for a registry (trust-lab.md "Registry: what
 * works": `--dest-cert-dir` with ca.crt plus credentials).
 */
export async function skopeoTarget(
  dir: string,
  endpoint: RegistryEndpoint & { host: string },
): Promise<SkopeoTarget> {
  let certDir: string | undefined;
  let authFile: string | undefined;
  if (endpoint.caPath !== undefined) {
    certDir = join(dir, 'certs.d', endpoint.host);
    await mkdir(certDir, { recursive: true });
    await writeFile(join(certDir, 'ca.crt'), await readFile(endpoint.caPath));
  }
  if (endpoint.credentials !== undefined) {
    authFile = join(dir, `auth-${endpoint.host.replace(/[^0-9a-z.]/gi, '_')}.json`);
    const auth = Buffer.from(`${endpoint.credentials.user}:${endpoint.credentials.pass}`).toString('base64');
    await writeFile(authFile, JSON.stringify({ auths: { [endpoint.host]: { auth } } }), { mode: 0o600 });
  }
  return { ...endpoint, certDir, authFile };
}

function destinationFlags(target: SkopeoTarget): string[] {
  const flags =
    target.certDir === undefined ? ['--dest-tls-verify=false'] : ['--dest-cert-dir', target.certDir];
  if (target.authFile !== undefined) flags.push('--dest-authfile', target.authFile);
  return flags;
}

/** Flags for `skopeo inspect` against the same registry. */
export function sourceFlags(target: SkopeoTarget): string[] {
  const flags = target.certDir === undefined ? ['--tls-verify=false'] : ['--cert-dir', target.certDir];
  if (target.authFile !== undefined) flags.push('--authfile', target.authFile);
  return flags;
}

/**
 * Pushes a layout like `docker push` would (`--format v2s2`, or `oci` for the OCI repo) and returns the
 * digest and size the registry now serves for the tag.
 */
export async function pushImage(
  image: OciImageLayout,
  target: SkopeoTarget,
  repo: string,
  tag: string,
  format: 'v2s2' | 'oci' = 'v2s2',
): Promise<ManifestFacts> {
  const digestFile = join(image.dir, `pushed-${format}.digest`);
  await run('skopeo', [
    '--insecure-policy', 'copy', '--quiet', '--format', format, '--digestfile', digestFile,
    ...destinationFlags(target), image.reference, `docker://${target.host}/${repo}:${tag}`,
  ]); // prettier-ignore
  const pushed = (await readFile(digestFile, 'utf8')).trim();
  const facts = await fetchManifest(target, repo, tag);
  if (facts.digest !== pushed) {
    throw new LabError('LAB_UNEXPECTED', `skopeo pushed ${pushed} but the registry serves ${facts.digest}`, {
      details: { repo, tag },
    });
  }
  return facts;
}

/** `skopeo inspect --raw`-free digest check: what `skopeo inspect` reports as Digest for a tag. */
export async function skopeoInspectDigest(target: SkopeoTarget, repo: string, tag: string): Promise<string> {
  const { stdout } = await run('skopeo', [
    '--insecure-policy', 'inspect', ...sourceFlags(target), `docker://${target.host}/${repo}:${tag}`,
  ]); // prettier-ignore
  const parsed: unknown = JSON.parse(stdout);
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    'Digest' in parsed &&
    typeof parsed.Digest === 'string'
  ) {
    return parsed.Digest;
  }
  throw new LabError('LAB_UNEXPECTED', `skopeo inspect of ${repo}:${tag} has no Digest`, {
    details: { repo, tag },
  });
}
