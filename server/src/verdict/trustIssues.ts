import type { DiagnosticCode } from '../diagnostics/codes';
import type { FindingData, Severity } from '../diagnostics/finding';
import { describeSigners } from './describe';
import { denyContentTrust, noTrustDataFor, noValidTrustDataFor, serverHost, shortDigest } from './messages';
import { pinTargets } from './pins';
import type { TrustVerdict, VerdictInput, VerifiedTrust } from './types';
import { withFields } from '../withFields';

/** One trust diagnostic of an image, before it gets a range (the trust service adds that). */
export interface TrustIssue {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /**
   * `image`, `gun`, `tag`; `signedDigest` (`sha256:…` or null); `pin` (`{portieris, renovate}` or null:
   * what a quick fix writes); `denyMessage` (the controller's reason line, or null).
   */
  readonly data: FindingData;
}

/**
 * The diagnostics of one image's trust verdict (portieris.md §3; the issue's list): what the user must
 * know, and never "unsigned" when the check could not run.
 */
export function trustIssues(input: VerdictInput, verdict: TrustVerdict): TrustIssue[] {
  const { image, requirement, trust } = input;
  const required = requirement.required;
  // Built only for an issue: most images of a large file are not required to be signed and get none.
  const base = () => ({
    image: image.original,
    gun: image.name,
    tag: image.trustTag,
    signedDigest: verdict.signedDigest ? `sha256:${verdict.signedDigest}` : null,
    pin: verdict.signedDigest ? { ...pinTargets(image, verdict.signedDigest) } : null,
    denyMessage: verdict.admission.kind === 'denied' ? verdict.admission.message : null,
  });
  const issue = (code: DiagnosticCode, severity: Severity, message: string, extra: FindingData = {}) => ({
    code,
    severity,
    message,
    data: withFields(base(), extra),
  });
  const quoted = JSON.stringify(image.original);

  switch (trust.kind) {
    case 'not-checked':
      if (!required || trust.reason === 'no-trust-server') return [];
      return trust.reason === 'untrusted-workspace'
        ? [
            issue(
              'trust-not-checked-untrusted',
              'information',
              `Trust of ${quoted} was not checked: this workspace is not trusted, so nothing is fetched and no credential helper runs. Trust the workspace to check the signature the policy requires.`,
            ),
          ]
        : [
            issue(
              'trust-not-checked-offline',
              'information',
              `Trust of ${quoted} was not checked: network lookups are off (imageTrust.network / --offline). The policy requires a signature.`,
            ),
          ];
    case 'unavailable':
      if (!required) return [];
      return [
        issue(
          'trust-unavailable',
          'warning',
          `Could not check trust of ${quoted}: ${trust.reason} (${trust.code}). This says nothing about whether it is signed. ${hintFor(trust.code, trust.server)}`,
          { server: trust.server, errorCode: trust.code },
        ),
      ];
    case 'verification':
      return [
        issue(
          'trust-verification-failed',
          required ? 'error' : 'warning',
          `Trust data of ${trust.gun} from ${serverHost(trust.server)} failed verification: ${trust.reason} (${trust.code}). Do not rely on it until this is explained.`,
          { server: trust.server, errorCode: trust.code },
        ),
      ];
    case 'no-trust-data':
      return [
        required
          ? issue(
              'trust-no-data',
              'error',
              denyContentTrust(image.original, noTrustDataFor(trust.server, trust.gun)),
            )
          : issue(
              'trust-no-data',
              'information',
              `${quoted} is not signed: ${noTrustDataFor(trust.server, trust.gun)} (the applying policy entry does not require trust).`,
            ),
      ];
    case 'verified':
      return verifiedIssues(input, trust, verdict, issue);
  }
}

type MakeIssue = (
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  extra?: FindingData,
) => TrustIssue;

function verifiedIssues(
  input: VerdictInput,
  trust: VerifiedTrust,
  verdict: TrustVerdict,
  issue: MakeIssue,
): TrustIssue[] {
  const { image, requirement } = input;
  const required = requirement.required;
  const quoted = JSON.stringify(image.original);
  const { admission, signedDigest } = verdict;

  if (trust.signatures.length === 0) {
    return [
      required
        ? issue('trust-no-data', 'error', denyContentTrust(image.original, noValidTrustDataFor(trust.tag)))
        : issue(
            'trust-no-data',
            'information',
            `${quoted} is not signed: ${trust.gun} has trust data, but ${noValidTrustDataFor(trust.tag)} (the applying policy entry does not require trust).`,
          ),
    ];
  }
  if (admission.kind === 'denied') {
    const data = { signers: verdict.signers.map((s) => ({ secret: s.secret, status: s.status })) };
    return [issue('trust-signer-missing', 'error', admission.message, data)];
  }
  if (signedDigest === undefined) {
    const roles = [...new Set(trust.signatures.map((s) => s.role))].join(', ');
    const outcome = required
      ? `Portieris admits it but patches the image to "${image.name}@sha256:" (an empty digest), which cannot be pulled`
      : 'Docker and Portieris do not treat it as signed';
    return [
      issue(
        'trust-no-data',
        required ? 'error' : 'information',
        `Tag "${trust.tag}" of ${trust.gun} is signed only in ${roles}, not in targets or targets/releases: ${outcome}.`,
      ),
    ];
  }

  const issues: TrustIssue[] = [];
  const signed = `sha256:${signedDigest}`;
  const written = image.digest;
  if (written === undefined && input.registry.kind === 'digest' && input.registry.digest !== signed) {
    const serves = input.registry.digest;
    const runs =
      admission.kind === 'allowed' && admission.mutatedImage !== undefined
        ? `Portieris will run the signed image ${admission.mutatedImage}, not what the tag points to now.`
        : admission.kind === 'allowed'
          ? `mutateImage is false, so the cluster will run ${serves}, which is not the signed image.`
          : `The policy does not require trust, so the cluster will run ${serves}, which is not the signed image.`;
    issues.push(
      issue(
        'trust-tag-moved',
        'warning',
        `Tag "${trust.tag}" moved after it was signed: the registry serves ${shortDigest(hexOf(serves))}, the signed digest is ${shortDigest(signedDigest)}. ${runs}`,
        { registryDigest: serves },
      ),
    );
  }
  if (required && written !== undefined && written !== signed) {
    const signedElsewhere = trust.releasedDigests.includes(hexOf(written));
    const runs =
      admission.kind === 'allowed' && admission.mutatedImage !== undefined
        ? `Portieris ignores the pinned digest, looks up tag "${trust.tag}" and will run ${admission.mutatedImage}.`
        : `Portieris checks tag "${trust.tag}" (signed as ${shortDigest(signedDigest)}) and leaves the pinned digest in place.`;
    issues.push(
      issue(
        'trust-digest-not-signed',
        signedElsewhere ? 'warning' : 'error',
        signedElsewhere
          ? `The pinned digest ${shortDigest(hexOf(written))} is no longer the signed digest of "${trust.tag}" in ${trust.gun}. ${runs}`
          : `The pinned digest ${shortDigest(hexOf(written))} is not among the signed targets of ${trust.gun}. ${runs}`,
        { writtenDigest: written },
      ),
    );
  }
  if (required && written === undefined && input.registry.kind === 'failed') {
    issues.push(
      issue(
        'trust-unavailable',
        'warning',
        `Could not read the digest the registry serves for "${trust.tag}": ${input.registry.reason} (${input.registry.code}). Whether the tag moved after signing is unknown; the signed digest is ${shortDigest(signedDigest)}.`,
        { errorCode: input.registry.code },
      ),
    );
  }
  if (issues.length === 0) {
    const signers = describeSigners(trust, signedDigest);
    const runs =
      admission.kind === 'allowed' && admission.mutatedImage !== undefined
        ? ` Portieris will run ${admission.mutatedImage}.`
        : '';
    issues.push(
      issue(
        'trust-signed',
        'hint',
        `Signed: "${trust.tag}" is ${shortDigest(signedDigest)} (${signers}).${runs}`,
      ),
    );
  }
  return issues;
}

function hexOf(digest: string): string {
  return digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : digest;
}

/** What to configure for each way a lookup can fail (trust/errors.ts "could not check" codes). */
function hintFor(code: string, server: string): string {
  switch (code) {
    case 'UNREACHABLE':
    case 'TIMEOUT':
      return `Is ${serverHost(server)} reachable? Set the trust server per registry in imageTrust.trust.servers, or raise imageTrust.trust.timeoutSeconds.`;
    case 'TLS_ERROR':
      return `Add the CA of ${serverHost(server)} in imageTrust.trust.caFiles (CLI: --ca-file).`;
    case 'UNAUTHORIZED':
    case 'AUTH_CHALLENGE_INVALID':
      return 'Log in with `docker login` or configure a credential helper; credentials are read only in trusted workspaces.';
    default:
      return 'Check imageTrust.trust.servers and the network, then run "Image Trust: Refresh".';
  }
}
