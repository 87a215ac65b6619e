import { createHash } from 'node:crypto';
import { chmod, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBuffer } from './exec';

export interface OciImageSpec {
  /** Layout folder to (re)create. */
  readonly dir: string;
  readonly tag: string;
  /** Content of `/hello.txt`, the image's only file; it decides the digests. */
  readonly content: string;
}

export interface OciImageLayout {
  readonly dir: string;
  readonly tag: string;
  /** `oci:DIR:TAG`, what skopeo reads. */
  readonly reference: string;
  /** Digest of the OCI manifest in the layout (skopeo converts it for v2s2, so the pushed digest differs). */
  readonly manifestDigest: string;
  readonly layerDigest: string;
}

function sha256(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

async function writeBlob(dir: string, data: Uint8Array): Promise<{ digest: string; size: number }> {
  const digest = sha256(data);
  await writeFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), data);
  return { digest, size: data.byteLength };
}

/**
 * Writes a deterministic one-layer OCI image layout without Docker (trust-lab.md "Images without
 * Docker"): tar with fixed order, mtime, owner and mode, `gzip -n`, a config whose diff_ids is the
 * uncompressed tar's digest, a manifest, `index.json` with the ref-name annotation, and `oci-layout`.
 * The same content always gives the same digests.
 */
export async function writeOciImage(spec: OciImageSpec): Promise<OciImageLayout> {
  await rm(spec.dir, { recursive: true, force: true });
  const rootfs = join(spec.dir, '.rootfs');
  await mkdir(join(spec.dir, 'blobs', 'sha256'), { recursive: true });
  await mkdir(rootfs, { recursive: true });
  const file = join(rootfs, 'hello.txt');
  await writeFile(file, spec.content);
  await chmod(file, 0o644);
  await utimes(file, 0, 0);
  const tar = await runBuffer('tar', [
    '--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner', '--format=gnu',
    '-C', rootfs, '-cf', '-', 'hello.txt',
  ]); // prettier-ignore
  const gzip = await runBuffer('gzip', ['-n', '-9', '-c'], { input: tar.stdout });
  await rm(rootfs, { recursive: true, force: true });

  const layer = await writeBlob(spec.dir, gzip.stdout);
  const config = await writeBlob(
    spec.dir,
    Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        config: { Cmd: ['/hello.txt'] },
        rootfs: { type: 'layers', diff_ids: [sha256(tar.stdout)] },
      }),
    ),
  );
  const manifest = await writeBlob(
    spec.dir,
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
      }),
    ),
  );
  await writeFile(
    join(spec.dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...manifest,
          annotations: { 'org.opencontainers.image.ref.name': spec.tag },
        },
      ],
    }),
  );
  await writeFile(join(spec.dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  return {
    dir: spec.dir,
    tag: spec.tag,
    reference: `oci:${spec.dir}:${spec.tag}`,
    manifestDigest: manifest.digest,
    layerDigest: layer.digest,
  };
}
