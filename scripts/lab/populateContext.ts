import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { NotaryCli, SignedTarget } from './notaryCli';
import type { OciImageLayout } from './ociImage';
import { writeOciImage } from './ociImage';
import type { ManifestFacts } from './registryHttp';
import type { SkopeoTarget } from './skopeo';
import { pushImage } from './skopeo';
import type { SignerKey } from './signerKeys';
import type { LabTag } from './state';

/** Everything a population scenario needs. */
export interface PopulateContext {
  readonly notary: NotaryCli;
  readonly registries: { readonly http: SkopeoTarget; readonly tls: SkopeoTarget };
  readonly signers: { readonly alice: SignerKey; readonly bob: SignerKey };
  /** Folder for the OCI layouts (one per distinct content). */
  readonly imagesDir: string;
}

export type RegistryKind = 'http' | 'tls';

/** The roles `docker trust sign` writes for a signer: releases and the signer's own role. */
export function signerRoles(signer: string): string[] {
  return ['targets/releases', `targets/${signer}`];
}

export function gunOf(ctx: PopulateContext, kind: RegistryKind, repo: string): string {
  return `${ctx.registries[kind].host}/${repo}`;
}

/**
 * Builds the image whose only file says `content` and pushes it as REPO:TAG (v2s2 like `docker push`,
 * or OCI). Returns what the registry serves, which is what gets signed.
 */
export async function pushContent(
  ctx: PopulateContext,
  kind: RegistryKind,
  repo: string,
  tag: string,
  content: string,
  format: 'v2s2' | 'oci' = 'v2s2',
): Promise<ManifestFacts> {
  const name = createHash('sha256').update(`${format}\n${content}`).digest('hex').slice(0, 16);
  const layout: OciImageLayout = await writeOciImage({ dir: join(ctx.imagesDir, name), tag, content });
  return pushImage(layout, ctx.registries[kind], repo, tag, format);
}

/** `docker trust signer add` for each signer on a fresh repo (which inits it, root v2 — see NotaryCli.init). */
export async function initWithSigners(
  ctx: PopulateContext,
  gun: string,
  signers: readonly ('alice' | 'bob')[],
): Promise<void> {
  await ctx.notary.init(gun);
  if (signers.length === 0) return;
  for (const signer of signers) await ctx.notary.addSigner(gun, signer, ctx.signers[signer].publicKeyPath);
  await ctx.notary.publish(gun);
}

/** `docker trust sign REPO:TAG` by one signer: releases + targets/<signer>, then publish. */
export async function signAs(
  ctx: PopulateContext,
  gun: string,
  signer: string,
  tag: string,
  facts: ManifestFacts,
): Promise<void> {
  await ctx.notary.addHash(gun, targetOf(tag, facts), signerRoles(signer));
  await ctx.notary.publish(gun);
}

export function targetOf(tag: string, facts: ManifestFacts): SignedTarget {
  return { tag, digest: facts.digest, size: facts.size };
}

/** A tag whose registry digest is the signed one. */
export function signedTag(
  facts: ManifestFacts,
  roles: readonly string[],
  signers: readonly string[],
): LabTag {
  return {
    registry: facts,
    signed: { digest: facts.digest, size: facts.size },
    roles,
    invalidRoles: [],
    signers,
    verdict: 'signed',
  };
}

/** A tag in the registry that no valid role lists. */
export function unsignedTag(
  facts: ManifestFacts,
  repoHasTrustData: boolean,
  invalidRoles: readonly string[] = [],
): LabTag {
  return {
    registry: facts,
    roles: [],
    invalidRoles,
    signers: [],
    verdict: repoHasTrustData ? 'not-signed' : 'no-trust-data',
  };
}
