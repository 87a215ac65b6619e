import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LabError } from './errors';
import type { BasicCredentials } from './registry';

/** Where a registry is and how to reach it (enough for the lab's own checks). */
export interface RegistryEndpoint {
  /** `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT`. */
  readonly url: string;
  readonly caPath?: string;
  readonly credentials?: BasicCredentials;
}

export interface ManifestFacts {
  /** `Docker-Content-Digest`, checked against sha256 of the body. */
  readonly digest: string;
  /** Body length in bytes = the TUF target `length`. */
  readonly size: number;
  readonly mediaType: string;
}

/** Every manifest type the lab pushes; without it the registry answers schema1 or 404 (trust-lab.md pitfalls 1, 2). */
export const MANIFEST_ACCEPT = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/**
 * GETs `/v2/<repo>/manifests/<tag>` and returns what Docker would sign for it: digest and size of the
 * exact bytes. Throws LAB_UNEXPECTED when the registry's digest header disagrees with the body.
 */
export async function fetchManifest(
  endpoint: RegistryEndpoint,
  repo: string,
  tag: string,
): Promise<ManifestFacts> {
  const ca = endpoint.caPath === undefined ? undefined : await readFile(endpoint.caPath, 'utf8');
  const url = new URL(`${endpoint.url}/v2/${repo}/manifests/${tag}`);
  const headers: Record<string, string> = { Accept: MANIFEST_ACCEPT };
  if (endpoint.credentials !== undefined) {
    const { user, pass } = endpoint.credentials;
    headers.Authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  }
  const { status, headers: responseHeaders, body } = await get(url, headers, ca);
  if (status !== 200) {
    throw new LabError('LAB_UNEXPECTED', `GET ${url.pathname} answered ${status}`, {
      details: { url: url.toString(), status },
    });
  }
  const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  const header = responseHeaders['docker-content-digest'];
  if (header !== digest) {
    throw new LabError(
      'LAB_UNEXPECTED',
      `registry digest ${String(header)} is not sha256 of the body ${digest}`,
      {
        details: { url: url.toString() },
      },
    );
  }
  return { digest, size: body.byteLength, mediaType: String(responseHeaders['content-type'] ?? '') };
}

function get(
  url: URL,
  headers: Record<string, string>,
  ca: string | undefined,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, { method: 'GET', headers, ca, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      let length = 0;
      res.on('data', (chunk: Buffer) => {
        length += chunk.byteLength;
        if (length > MAX_MANIFEST_BYTES) req.destroy(new Error('manifest too large'));
        else chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (cause) =>
      reject(
        new LabError('LAB_UNEXPECTED', `GET ${url.pathname} failed`, {
          cause,
          details: { url: url.toString() },
        }),
      ),
    );
    req.end();
  });
}
