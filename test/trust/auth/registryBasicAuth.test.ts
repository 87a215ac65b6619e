import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type RegistryHandle } from '../../../scripts/lab/registry';
import { writeOciImage } from '../../../scripts/lab/ociImage';
import { pushImage, skopeoTarget } from '../../../scripts/lab/skopeo';
import type { ManifestFacts } from '../../../scripts/lab/registryHttp';
import {
  createTrustTransport,
  type TrustTransport,
} from '../../../server/src/trust/transport/trustTransport';
import { RegistryError } from '../../../server/src/trust/registry/registryError';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * The real docker-registry 2.8.2 with TLS and htpasswd `labuser:labpass` (trust-lab.md "Services"),
 * started by this file and stopped in `after`. Images are pushed with skopeo as the lab does.
 */
describe('registry client against the real TLS + htpasswd docker-registry', { timeout: 120_000 }, () => {
  let dir = '';
  let registry: RegistryHandle | undefined;
  let v2s2: ManifestFacts;
  let oci: ManifestFacts;
  const transports: TrustTransport[] = [];

  async function transportWith(auth: Record<string, unknown> | undefined): Promise<TrustTransport> {
    if (registry?.caPath === undefined) throw new Error('registry not started');
    const configDir = await mkdtemp(join(dir, 'docker-config-'));
    if (auth !== undefined) await writeFile(join(configDir, 'config.json'), JSON.stringify({ auths: auth }));
    const transport = createTrustTransport({
      env: { DOCKER_CONFIG: configDir, PATH: '/nonexistent' },
      caFiles: { [registry.host]: registry.caPath },
      timeoutMs: 10_000,
    });
    transports.push(transport);
    return transport;
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'image-trust-registry-'));
    registry = await startRegistry({
      dir,
      tls: true,
      htpasswd: { user: 'labuser', pass: 'labpass' },
      name: 'registry-auth-test',
    });
    const target = await skopeoTarget(join(dir, 'skopeo'), {
      url: registry.url,
      host: registry.host,
      ...(registry.caPath === undefined ? {} : { caPath: registry.caPath }),
      credentials: { user: 'labuser', pass: 'labpass' },
    });
    await mkdir(join(dir, 'images'), { recursive: true });
    const image = await writeOciImage({
      dir: join(dir, 'images', 'hello'),
      tag: 'latest',
      content: 'hello from the auth test\n',
    });
    v2s2 = await pushImage(image, target, 'ns/private', 'latest', 'v2s2');
    oci = await pushImage(image, target, 'ns/private-oci', 'latest', 'oci');
    await pushImage(image, target, 'ns/private', '1.0', 'v2s2');
  });

  after(async () => {
    await Promise.allSettled(transports.map((transport) => transport.close()));
    await registry?.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  test('when config.json has the Basic credentials → the v2s2 tag resolves to the pushed digest from the header', async () => {
    const transport = await transportWith({ [registry?.host ?? '']: { auth: b64('labuser:labpass') } });
    const result = await transport.registryClient(registry?.host ?? '').resolveDigest('ns/private', 'latest');
    assert.equal(result.digest, v2s2.digest);
    assert.equal(result.size, v2s2.size);
    assert.equal(result.mediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    assert.equal(result.source, 'header');
  });

  test('when the tag holds an OCI manifest → the OCI Accept type gets its digest, not a 404 (trust-lab.md pitfall 2)', async () => {
    const transport = await transportWith({
      [`https://${registry?.host ?? ''}/v1/`]: { username: 'labuser', password: 'labpass' },
    });
    const result = await transport
      .registryClient(registry?.host ?? '')
      .resolveDigest('ns/private-oci', 'latest');
    assert.equal(result.digest, oci.digest);
    assert.equal(result.mediaType, 'application/vnd.oci.image.manifest.v1+json');
  });

  test('when tags are listed → every pushed tag comes back', async () => {
    const transport = await transportWith({ [registry?.host ?? '']: { auth: b64('labuser:labpass') } });
    const result = await transport.registryClient(registry?.host ?? '').listTags('ns/private');
    assert.deepEqual([...result.tags].sort(), ['1.0', 'latest']);
    assert.equal(result.truncated, false);
  });

  test('when the tag does not exist → MANIFEST_UNKNOWN from the registry’s JSON error', async () => {
    const transport = await transportWith({ [registry?.host ?? '']: { auth: b64('labuser:labpass') } });
    await assert.rejects(
      transport.registryClient(registry?.host ?? '').resolveDigest('ns/private', 'nope'),
      (error) => error instanceof RegistryError && error.code === 'MANIFEST_UNKNOWN',
    );
  });

  test('when the password is wrong → UNAUTHORIZED after the Basic retry', async () => {
    const transport = await transportWith({ [registry?.host ?? '']: { auth: b64('labuser:wrong') } });
    await assert.rejects(
      transport.registryClient(registry?.host ?? '').resolveDigest('ns/private', 'latest'),
      (error) => error instanceof RegistryError && error.code === 'UNAUTHORIZED',
    );
  });

  test('when there are no credentials → UNAUTHORIZED without any Authorization header being invented', async () => {
    const transport = await transportWith(undefined);
    await assert.rejects(
      transport.registryClient(registry?.host ?? '').listTags('ns/private'),
      (error) => error instanceof RegistryError && error.code === 'UNAUTHORIZED',
    );
  });
});
