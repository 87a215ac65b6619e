/** The pure trust verdict of Portieris §3: policy requirements + verified facts → admission and diagnostics. */
export { decideTrust } from './decideTrust';
export { checkSigners, type SignerCheck } from './checkSigners';
export { releasedSignature, isReleaseRole } from './releasedDigest';
export { trustIssues, type TrustIssue } from './trustIssues';
export { pinTargets, type PinTargets } from './pins';
export { describeSigners } from './describe';
export {
  denyContentTrust,
  denySignerSecret,
  noTrustDataFor,
  noValidTrustDataFor,
  serverHost,
  shortDigest,
} from './messages';
export type {
  ImageView,
  RegistryFacts,
  RoleSignature,
  SignerInput,
  SignerOutcome,
  TrustAdmission,
  TrustFacts,
  TrustLookupFailure,
  TrustNotChecked,
  TrustRequirement,
  TrustVerdict,
  VerdictInput,
  VerifiedTrust,
  NoTrustData,
} from './types';
