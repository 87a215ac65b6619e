/**
 * Stable diagnostic codes. They are part of the public contract (CLI output, SARIF rule ids, severity
 * overrides in settings), so a code is never renamed or reused for another meaning.
 */
export const DIAGNOSTIC_CODES = [
  // Input and YAML
  'yaml-syntax',
  'file-too-large',
  'file-binary',
  'yaml-alias-limit',
  // JSON Schema of the Portieris CRDs
  'schema-unknown-property',
  'schema-invalid-type',
  'schema-invalid-value',
  'schema-missing-property',
  'schema-violation',
  // Policy semantics (portieris.md §1, §2, §3.5)
  'policy-legacy-api-version',
  'policy-host-wildcard',
  'policy-unreachable-entry',
  'policy-duplicate-entry',
  'policy-trust-and-simple',
  'policy-signed-identity-name',
  'policy-no-trust-server',
  'policy-empty-repositories',
  'policy-secret-not-found',
  // Workload images (portieris.md §2.4, §4)
  'image-invalid-reference',
  'image-ephemeral-not-checked',
  // Admission prediction (portieris.md §2.1)
  'admission-denied',
  // Trust (Notary v1) verdicts of workload images (portieris.md §3; server/src/verdict)
  'trust-no-data',
  'trust-tag-moved',
  'trust-signer-missing',
  'trust-digest-not-signed',
  'trust-verification-failed',
  'trust-unavailable',
  'trust-not-checked-untrusted',
  'trust-not-checked-offline',
  'trust-signed',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** Shown as the diagnostic `source` in every editor and in SARIF. */
export const DIAGNOSTIC_SOURCE = 'image-trust';
