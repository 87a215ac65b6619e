/** Public surface of the verifying Notary v1 client (notary-v1.md). */
export { createNotaryClient } from './client';
export type { NotaryClient, NotaryClientOptions } from './client';
export { defaultNotaryClientConfig } from './config';
export type { NotaryClientConfig } from './config';
export { TrustedRepository } from './trustedRepository';
export type { ResolvedTag } from './trustedRepository';
export type { SignedTagRow, TagSignature } from './inspect';
export type { SignedTagJson, TrustInspectJson, TrustKeyJson, TrustSignerJson } from './inspect.types';
export { formatInspectJson } from './inspectJson';
export { joinPrettyOutputs } from './prettyInspect';
