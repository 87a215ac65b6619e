import { describeSigners, type TrustFacts, type TrustVerdict, type RegistryFacts } from '../verdict';
import type { ImageTarget } from './imageTargets';
import { inspectLinks } from '../trustView/inspectLinks';

/** Markdown inline code that survives backticks in the value. */
function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function serverLine(target: ImageTarget): string {
  const { server } = target;
  if (server.source === 'none')
    return '**Trust server:** none known for this registry (Portieris: "no trust server could be found")';
  const from = {
    policy: 'the policy entry',
    settings: 'imageTrust.trust.servers',
    environment: 'DOCKER_CONTENT_TRUST_SERVER',
    'built-in': "Portieris' built-in map",
  }[server.source];
  return `**Trust server:** ${server.url} (from ${from})`;
}

function policyLine(target: ImageTarget): string {
  const { prediction, requirement } = target;
  if (prediction.verdict === 'denied')
    return `**Policy:** denied before any trust check: ${prediction.message}`;
  if (prediction.verdict === 'skipped') return '**Policy:** not checked (blank image)';
  const { policy, entry } = prediction.selection.winner;
  const where =
    policy.kind === 'ImagePolicy'
      ? `ImagePolicy ${code(`${policy.namespace ?? target.namespace}/${policy.name ?? '?'}`)}`
      : `ClusterImagePolicy ${code(policy.name ?? '?')}`;
  const trust = requirement.required
    ? `trust required${requirement.signerSecrets.length ? `, signerSecrets ${requirement.signerSecrets.map(code).join(', ')}` : ''}${requirement.mutateImage ? '' : ', mutateImage: false'}`
    : 'trust not required';
  return `**Policy:** ${where}, entry ${code(entry.name)} (${trust})`;
}

function verdictLine(target: ImageTarget, verdict: TrustVerdict | undefined): string {
  if (target.prediction.verdict === 'denied') return '**Verdict:** denied (no policy entry admits it)';
  if (!verdict) return '**Verdict:** checking trust…';
  const { admission } = verdict;
  switch (admission.kind) {
    case 'allowed':
      return admission.mutatedImage
        ? `**Verdict:** allowed, mutated to ${code(admission.mutatedImage)}`
        : '**Verdict:** allowed, not mutated (mutateImage: false)';
    case 'denied':
      return `**Verdict:** denied: ${code(admission.message)}`;
    case 'unknown':
      return '**Verdict:** unknown: the trust check could not be run';
    case 'not-required':
      return '**Verdict:** allowed (no trust check)';
  }
}

function factsLines(trust: TrustFacts | undefined, verdict: TrustVerdict | undefined): string[] {
  if (!trust) return [];
  switch (trust.kind) {
    case 'not-checked':
      return [
        trust.reason === 'untrusted-workspace'
          ? '**Trust:** not checked: the workspace is not trusted (nothing fetched, no credential helper)'
          : trust.reason === 'offline'
            ? '**Trust:** not checked: network lookups are off'
            : '**Trust:** not checked: no trust server',
      ];
    case 'no-trust-data':
      return [`**Trust:** ${trust.gun} has no trust data (not signed)`, `**Checked:** ${trust.checkedAt}`];
    case 'unavailable':
      return [
        `**Trust:** could not check: ${trust.reason} (${trust.code})`,
        `**Checked:** ${trust.checkedAt}`,
      ];
    case 'verification':
      return [
        `**Trust:** verification failed: ${trust.reason} (${trust.code})`,
        `**Checked:** ${trust.checkedAt}`,
      ];
    case 'verified': {
      const lines: string[] = [];
      if (verdict?.signedDigest) {
        lines.push(
          `**Signed digest** of ${code(trust.tag)}: ${code(`sha256:${verdict.signedDigest}`)} (${verdict.signedLength ?? '?'} bytes, role ${verdict.signedRole ?? '?'}; ${describeSigners(trust, verdict.signedDigest)})`,
        );
      } else {
        lines.push(`**Signed digest** of ${code(trust.tag)}: none in targets or targets/releases`);
      }
      const rows = trust.signatures.map((s) => {
        const keys = trust.roleKeys[s.role]?.map((k) => code(k.slice(0, 12))).join(', ');
        return `- ${code(s.role)} signed ${code(`sha256:${s.digest.slice(0, 12)}`)}${keys ? ` with key ${keys}` : ''}`;
      });
      if (rows.length) lines.push(`**Signatures:**\n${rows.join('\n')}`);
      for (const signer of verdict?.signers ?? []) {
        const how = signer.keyChecked
          ? 'key ID compared with the workspace Secret'
          : `Secret not in the workspace: role name ${code(signer.role ?? '?')} only, key not compared`;
        lines.push(`- required signer ${code(signer.secret)}: **${signer.status}** (${how})`);
      }
      lines.push(`**Checked:** ${trust.checkedAt}`);
      return lines;
    }
  }
}

function registryLine(registry: RegistryFacts | undefined, verdict: TrustVerdict | undefined): string[] {
  if (!registry || registry.kind === 'not-checked') return [];
  if (registry.kind === 'failed')
    return [`**Registry now:** could not read (${registry.code}: ${registry.reason})`];
  const moved = verdict?.signedDigest && registry.digest !== `sha256:${verdict.signedDigest}`;
  return [
    `**Registry now:** ${code(registry.digest)}${moved ? ' (differs from the signed digest: the tag moved)' : ''}`,
  ];
}

/** The trust hover of an image: verdict, policy entry, trust server, signatures, registry, times. */
export function trustHoverMarkdown(
  target: ImageTarget,
  trust: TrustFacts | undefined,
  registry: RegistryFacts | undefined,
  verdict: TrustVerdict | undefined,
): string {
  const lines = [
    `**Image trust** for ${code(target.ref.original)} (GUN ${code(target.ref.name)}, tag ${code(target.ref.trustTag)})`,
    verdictLine(target, verdict),
    policyLine(target),
    serverLine(target),
    ...factsLines(trust, verdict),
    ...registryLine(registry, verdict),
    inspectLinks(`${target.ref.name}:${target.ref.trustTag}`),
  ];
  return lines.join('\n\n');
}
