import type { PopulateContext } from './populateContext';
import {
  gunOf,
  initWithSigners,
  pushContent,
  signAs,
  signedTag,
  signerRoles,
  targetOf,
  unsignedTag,
} from './populateContext';
import type { LabRepository } from './state';

// One function per lab repository (trust-lab.md "What the lab contains after `up`"). Each pushes its
// images with skopeo and signs with the notary CLI exactly as the docker command in the comment would.

/** DCT push to a fresh repo without signers: top-level `targets` only (IBM tutorial, "(Repo Admin)"). */
export async function helloWorld(ctx: PopulateContext): Promise<LabRepository> {
  const name = 'ns/hello-world';
  const gun = gunOf(ctx, 'http', name);
  const latest = await pushContent(ctx, 'http', name, 'latest', 'Hello from hello-world:latest\n');
  const v36 = await pushContent(ctx, 'http', name, '3.6', 'Hello from hello-world:3.6\n');
  await ctx.notary.init(gun);
  await ctx.notary.addHash(gun, targetOf('latest', latest), []);
  await ctx.notary.addHash(gun, targetOf('3.6', v36), []);
  await ctx.notary.publish(gun);
  return {
    name, gun, registry: 'http', trustData: true, delegations: [],
    tags: { latest: signedTag(latest, ['targets'], []), '3.6': signedTag(v36, ['targets'], []) },
    story: 'DOCKER_CONTENT_TRUST=1 docker push of :latest and :3.6 to a fresh repo: top-level targets only',
  }; // prettier-ignore
}

/** As hello-world, but pushed as an OCI manifest (skopeo's default format). */
export async function helloOci(ctx: PopulateContext): Promise<LabRepository> {
  const name = 'ns/hello-oci';
  const gun = gunOf(ctx, 'http', name);
  const latest = await pushContent(ctx, 'http', name, 'latest', 'Hello from hello-oci:latest\n', 'oci');
  await ctx.notary.init(gun);
  await ctx.notary.addHash(gun, targetOf('latest', latest), []);
  await ctx.notary.publish(gun);
  return {
    name, gun, registry: 'http', trustData: true, delegations: [],
    tags: { latest: signedTag(latest, ['targets'], []) },
    story: 'OCI-format manifest, signed in top-level targets',
  }; // prettier-ignore
}

/**
 * alice signs 1.0, 0.9 and latest (releases + alice); 0.9 is revoked (`docker trust revoke`); then an
 * unsigned image is pushed over latest (IBM tutorial step 10: registry and notary now disagree).
 */
export async function signed(ctx: PopulateContext): Promise<LabRepository> {
  const name = 'ns/signed';
  const gun = gunOf(ctx, 'http', name);
  const roles = signerRoles('alice');
  const v10 = await pushContent(ctx, 'http', name, '1.0', 'signed 1.0\n');
  const v09 = await pushContent(ctx, 'http', name, '0.9', 'signed 0.9\n');
  const latest = await pushContent(ctx, 'http', name, 'latest', 'signed latest\n');
  await initWithSigners(ctx, gun, ['alice']);
  for (const [tag, facts] of [
    ['1.0', v10],
    ['0.9', v09],
    ['latest', latest],
  ] as const) {
    await ctx.notary.addHash(gun, targetOf(tag, facts), roles);
  }
  await ctx.notary.publish(gun);
  await ctx.notary.removeTarget(gun, '0.9', roles);
  await ctx.notary.publish(gun);
  const tampered = await pushContent(ctx, 'http', name, 'latest', 'NOT signed: pushed over latest\n');
  return {
    name, gun, registry: 'http', trustData: true, delegations: roles,
    tags: {
      '1.0': signedTag(v10, roles, ['alice']),
      '0.9': unsignedTag(v09, true),
      latest: { ...signedTag(latest, roles, ['alice']), registry: tampered, verdict: 'mismatch' },
    },
    story: 'alice signed 1.0, 0.9, latest; 0.9 revoked; an unsigned image was pushed over latest',
  }; // prettier-ignore
}

/** alice signs latest, then `docker trust signer remove alice`: releases keeps the tag but has no keys. */
export async function revoked(ctx: PopulateContext): Promise<LabRepository> {
  const name = 'ns/revoked';
  const gun = gunOf(ctx, 'http', name);
  const latest = await pushContent(ctx, 'http', name, 'latest', 'revoked latest\n');
  await initWithSigners(ctx, gun, ['alice']);
  await signAs(ctx, gun, 'alice', 'latest', latest);
  await ctx.notary.removeSigner(gun, 'alice', ctx.signers.alice.keyId);
  await ctx.notary.publish(gun);
  return {
    name, gun, registry: 'http', trustData: true, delegations: ['targets/releases'],
    tags: { latest: unsignedTag(latest, true, ['targets/releases']) },
    story: 'alice signed latest, then signer alice was removed: releases.json still lists latest but has no valid key',
  }; // prettier-ignore
}

/** Two signers on one tag: alice and bob each `docker trust sign` latest. */
export async function twoSigners(ctx: PopulateContext): Promise<LabRepository> {
  const name = 'ns/two-signers';
  const gun = gunOf(ctx, 'http', name);
  const latest = await pushContent(ctx, 'http', name, 'latest', 'two-signers latest\n');
  await initWithSigners(ctx, gun, ['alice', 'bob']);
  await signAs(ctx, gun, 'alice', 'latest', latest);
  await signAs(ctx, gun, 'bob', 'latest', latest);
  return {
    name, gun, registry: 'http', trustData: true,
    delegations: ['targets/releases', 'targets/alice', 'targets/bob'],
    tags: { latest: signedTag(latest, ['targets/releases', 'targets/alice', 'targets/bob'], ['alice', 'bob']) },
    story: 'alice and bob both signed latest (releases + their own roles)',
  }; // prettier-ignore
}

/** Pushed, never signed: root.json is 404 on the notary server. */
export async function unsigned(ctx: PopulateContext): Promise<LabRepository> {
  const name = 'ns/unsigned';
  const latest = await pushContent(ctx, 'http', name, 'latest', 'unsigned latest\n');
  return {
    name, gun: gunOf(ctx, 'http', name), registry: 'http', trustData: false, delegations: [],
    tags: { latest: unsignedTag(latest, false) },
    story: 'pushed without content trust',
  }; // prettier-ignore
}

/** On the TLS + Basic auth registry, alice signs latest. */
export async function privateRepo(ctx: PopulateContext): Promise<LabRepository> {
  const name = 'ns/private';
  const gun = gunOf(ctx, 'tls', name);
  const roles = signerRoles('alice');
  const latest = await pushContent(ctx, 'tls', name, 'latest', 'private latest\n');
  await initWithSigners(ctx, gun, ['alice']);
  await signAs(ctx, gun, 'alice', 'latest', latest);
  return {
    name, gun, registry: 'tls', trustData: true, delegations: roles,
    tags: { latest: signedTag(latest, roles, ['alice']) },
    story: 'TLS registry with htpasswd Basic auth; alice signed latest',
  }; // prettier-ignore
}

/**
 * alice signs latest; then the targets key and the root key are rotated, releases moves from alice to
 * bob (with `witness`, trust-lab.md pitfalls), and bob signs 1.0. Rotating root adds a root key to the
 * shared trust dir, so this runs after every other repository's `init`.
 */
export async function rotated(
  ctx: PopulateContext,
  othersInitialised: Promise<void>,
): Promise<LabRepository> {
  const name = 'ns/rotated';
  const gun = gunOf(ctx, 'http', name);
  const latest = await pushContent(ctx, 'http', name, 'latest', 'rotated latest\n');
  const v10 = await pushContent(ctx, 'http', name, '1.0', 'rotated 1.0\n');
  await initWithSigners(ctx, gun, ['alice']);
  await signAs(ctx, gun, 'alice', 'latest', latest);
  await ctx.notary.rotateKey(gun, 'targets');
  await othersInitialised;
  await ctx.notary.rotateKey(gun, 'root');
  await ctx.notary.run(['delegation', 'remove', gun, 'targets/releases', ctx.signers.alice.keyId]);
  await ctx.notary.addSigner(gun, 'bob', ctx.signers.bob.publicKeyPath);
  await ctx.notary.publish(gun);
  await ctx.notary.witness(gun, 'targets/releases');
  await signAs(ctx, gun, 'bob', '1.0', v10);
  return {
    name, gun, registry: 'http', trustData: true,
    delegations: ['targets/releases', 'targets/alice', 'targets/bob'],
    tags: {
      latest: signedTag(latest, signerRoles('alice'), ['alice']),
      '1.0': signedTag(v10, signerRoles('bob'), ['bob']),
    },
    story: 'alice signed latest; targets and root keys rotated; releases moved alice→bob (witnessed); bob signed 1.0',
  }; // prettier-ignore
}
